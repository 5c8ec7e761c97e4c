use parley_pipeline::Pipeline;
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let p = Pipeline::builtin();
    for raw in parley_text::ingest::read_path(std::path::Path::new(&path)).flatten() {
        let c = p.code(&raw).unwrap();
        let actors: Vec<Vec<parley_types::Actor>> = c
            .mentions
            .iter()
            .map(|ms| ms.iter().map(|m| m.actor.clone()).collect())
            .collect();
        let r = parley_relations::ChannelReader::builtin().unwrap();
        for (i, s) in c.doc.sentences.iter().enumerate() {
            eprintln!("S{i}: {}", s.text);
        }
        for st in r.read(&c.doc, &actors, &c.events) {
            println!(
                "{} {} {:?} {:?} {:?} {:?} {} | {}",
                st.sentence_index,
                st.kind.name(),
                st.state,
                st.modality,
                st.dyad,
                st.date,
                st.marker,
                st.cue
            );
        }
    }
}
