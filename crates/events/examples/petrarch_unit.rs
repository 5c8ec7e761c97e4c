//! Runs the PETRARCH unit-test records with their own dictionaries, text only:
//! `cargo run --release -p parley-events --example petrarch_unit -- ../shared/eval/petrarch-unit [-v]`

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "../shared/eval/petrarch-unit".into());
    let verbose = args.iter().any(|a| a == "-v");
    let owned = std::env::var("PARLEY_NLP_MODEL")
        .ok()
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|b| parley_nlp::Model::from_bytes(&b).ok());
    let model = owned
        .as_ref()
        .unwrap_or_else(|| parley_nlp::Model::embedded());
    let annotate = |s: &mut parley_types::Sentence| model.annotate(s);
    match parley_events::petrarch::unit_records(std::path::Path::new(&dir), &annotate) {
        Ok(report) => {
            if verbose {
                for o in report.outcomes.iter().filter(|o| !o.passed()) {
                    println!(
                        "FAIL {} [{}] gold {:?} coded {:?}",
                        o.id, o.category, o.gold, o.coded
                    );
                }
            }
            print!("{}", report.table());
        }
        Err(e) => eprintln!("{e}"),
    }
}
