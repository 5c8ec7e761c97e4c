//! Feature hashing and the per-word facts that tagger and parser features read.

use crate::wordclass::WordClasses;

/// FNV-1a over bytes, then a final mix: a fast, stable string hash (stable across
/// platforms and releases, unlike `std`'s hasher, so trained tables stay valid).
pub(crate) fn hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= u64::from(x);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fmix(h)
}

/// Hash of a string.
pub(crate) fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

#[inline]
fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A feature from a template number and up to three values.
#[inline]
pub(crate) fn feat(template: u64, a: u64, b: u64, c: u64) -> u64 {
    let mut h = template.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h = (h ^ a).wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(29);
    h = (h ^ b).wrapping_mul(0xc4ce_b9fe_1a85_ec53).rotate_left(31);
    h = (h ^ c).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ (h >> 32)
}

/// Hashed facts about one word, computed once per token.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordFacts {
    /// The form as written.
    pub form: u64,
    /// The lower-cased form.
    pub lower: u64,
    /// Lower-cased suffixes of 1..=4 characters.
    pub suffix: [u64; 4],
    /// Lower-cased prefixes of 1..=3 characters.
    pub prefix: [u64; 3],
    /// Word shape (`Xx`, `d`, `x-x`…), runs collapsed.
    pub shape: u64,
    /// Small flags: capitalised, all caps, has digit, has hyphen.
    pub flags: u64,
    /// The tags the open-class word lists allow for the lower-cased form
    /// ([`WordClasses::tags`]; 0 without lists).
    pub open: u64,
}

/// Special values for positions outside the sentence.
pub(crate) const NONE: u64 = 0x6e6f_6e65;
/// Start-of-sentence padding.
pub(crate) const START: u64 = 0x7374_6172;
/// End-of-sentence padding.
pub(crate) const END: u64 = 0x656e_6421;

impl WordFacts {
    /// The facts of `form`, its possible tags looked up in `classes`.
    pub(crate) fn with_classes(form: &str, classes: &WordClasses) -> WordFacts {
        let lower_owned;
        let lower: &str = if form.chars().any(char::is_uppercase) {
            lower_owned = form.to_lowercase();
            &lower_owned
        } else {
            form
        };
        // Byte offsets of the last 4 and first 3 character boundaries.
        let mut suffix = [0u64; 4];
        let mut prefix = [0u64; 3];
        let mut ends = lower.char_indices().rev().map(|(i, _)| i);
        for (k, s) in suffix.iter_mut().enumerate() {
            let start = ends.next().unwrap_or(0);
            *s = hash_str(&lower[start..]) ^ (k as u64 + 1);
        }
        let mut starts = lower.char_indices().map(|(i, c)| i + c.len_utf8());
        for (k, p) in prefix.iter_mut().enumerate() {
            let end = starts.next().unwrap_or(lower.len());
            *p = hash_str(&lower[..end]) ^ ((k as u64 + 1) << 8);
        }
        let mut shape: u64 = 0xcbf2_9ce4_8422_2325;
        let mut last = ' ';
        let mut count = 0;
        let mut len = 0;
        let (mut first_upper, mut any_upper, mut any_lower, mut digit) =
            (None, false, false, false);
        for c in form.chars() {
            let s = if c.is_uppercase() {
                any_upper = true;
                'X'
            } else if c.is_lowercase() {
                any_lower = true;
                'x'
            } else if c.is_numeric() {
                digit |= c.is_ascii_digit();
                'd'
            } else if c.is_alphabetic() {
                'a'
            } else {
                c
            };
            first_upper.get_or_insert(s == 'X');
            if s == last {
                count += 1;
                if count > 2 {
                    continue;
                }
            } else {
                count = 1;
            }
            last = s;
            len += 1;
            if len <= 12 {
                shape = (shape ^ u64::from(u32::from(s))).wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        let flags = u64::from(first_upper.unwrap_or(false))
            | u64::from(any_upper && !any_lower) << 1
            | u64::from(digit) << 2
            | u64::from(form.contains('-')) << 3;
        WordFacts {
            form: hash_str(form),
            lower: hash_str(lower),
            suffix,
            prefix,
            shape: fmix(shape),
            flags,
            open: classes.tags(lower),
        }
    }
}

/// A hasher for keys that are already hashes.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct BuildIdentity;

impl std::hash::BuildHasher for BuildIdentity {
    type Hasher = IdentityHasher;
    fn build_hasher(&self) -> IdentityHasher {
        IdentityHasher(0)
    }
}

/// See [`BuildIdentity`].
pub(crate) struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
