//! `parley explain`: why a sentence yields the events it does.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use parley_events::Coder;

/// Show, for one sentence, its tokens and dependency tree, the actors found, every
/// trigger that matched a pattern and why it did or did not become an event.
///
/// Example: `parley explain "Iran accused Iraq of shelling its border towns."`
#[derive(Args)]
pub struct ExplainArgs {
    /// The sentence (or a short paragraph: each sentence is explained).
    text: String,
    /// Publication date (YYYY-MM-DD) for dated offices and historical flags.
    #[arg(long)]
    date: Option<chrono::NaiveDate>,
    /// Use PETRARCH/TABARI dictionaries (verbs, actors, agents, discards) from DIR.
    #[arg(long, value_name = "DIR")]
    dictionaries: Option<PathBuf>,
}

/// Runs `parley explain`.
pub fn run(args: ExplainArgs) -> anyhow::Result<ExitCode> {
    let mut doc = parley_actors::document_from_text("explain", &args.text, args.date);
    let model = parley_nlp::Model::embedded();
    for s in &mut doc.sentences {
        model.annotate(s);
    }
    let (coder_owned, actors_owned);
    let (coder, actors) = match &args.dictionaries {
        Some(dir) => {
            coder_owned = Coder::with_petrarch_dir(dir)?;
            actors_owned = parley_actors::ActorDictionary::with_petrarch_dir(dir)?;
            (&coder_owned, &actors_owned)
        }
        None => (Coder::builtin(), parley_actors::ActorDictionary::builtin()),
    };
    let mentions = actors.recognize(&doc);
    for (i, s) in doc.sentences.iter().enumerate() {
        println!("sentence {i}: {}", s.text.trim());
        println!("  tokens:");
        for (k, t) in s.tokens.iter().enumerate() {
            let head = t
                .head
                .map_or("root".to_string(), |h| format!("{h} {}", s.tokens[h].text));
            println!(
                "    {k:>3} {:<16} {:<14} {:<6} {:<5} {:<12} <- {head}",
                t.text, t.lemma, t.upos, t.xpos, t.deprel
            );
        }
        println!("  actors:");
        for m in mentions.get(i).into_iter().flatten() {
            println!(
                "    {:<12} {:<12} {:?}",
                m.actor.code,
                m.kind.as_str(),
                m.actor.text
            );
        }
        let ex = coder.explain(&doc, &mentions, i);
        println!("  triggers:");
        if ex.decisions.is_empty() {
            println!("    (no word of this sentence matches a pattern)");
        }
        for d in &ex.decisions {
            println!(
                "    {:<14} {}\n{:>20}=> {}",
                d.trigger, d.rule, "", d.outcome
            );
        }
        println!("  events:");
        for e in &ex.events {
            println!(
                "    {} {} -> {}  {} ({})  goldstein {:?}  flags {:?}",
                e.cameo,
                e.source.code,
                e.target.as_ref().map_or("-", |t| t.code.as_str()),
                e.plover.as_deref().unwrap_or("-"),
                parley_cameo::lookup(&e.cameo).map_or("", |c| c.name),
                e.goldstein,
                e.flags
            );
            if let Some(a) = &e.attribution {
                if let Some(sp) = &a.speaker {
                    println!(
                        "       reported by {} ({}), quoted: {}",
                        sp.code, sp.text, a.quoted
                    );
                }
            }
            println!("       rule: {}", e.evidence.rule);
        }
    }
    Ok(ExitCode::SUCCESS)
}
