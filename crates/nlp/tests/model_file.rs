//! The model file format: header checks and round trip.

use parley_nlp::{Model, NlpError, FORMAT_VERSION, MAGIC};

fn shipped() -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/model/en_ewt.pnlp"))
        .expect("model file is committed")
}

#[test]
fn embedded_model_loads_and_is_trained() {
    let bytes = shipped();
    let m = Model::from_bytes(&bytes).expect("shipped model loads");
    assert!(m.provenance().contains("EWT"), "{}", m.provenance());
    assert!(std::ptr::eq(Model::embedded(), Model::embedded()));
}

#[test]
fn damaged_files_are_rejected_with_a_reason() {
    let bytes = shipped();
    let mut bad_magic = bytes.clone();
    bad_magic[0] ^= 1;
    let mut bad_version = bytes.clone();
    bad_version[8..12].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    let mut bad_sum = bytes.clone();
    bad_sum[30] ^= 0xff;
    let truncated = &bytes[..bytes.len() / 2];
    for (name, b, needle) in [
        ("magic", &bad_magic[..], "magic"),
        ("version", &bad_version[..], "version"),
        ("checksum", &bad_sum[..], "checksum"),
        ("truncated", truncated, "decompression"),
        ("empty", &[][..], "magic"),
    ] {
        match Model::from_bytes(b) {
            Err(e @ NlpError::Model { .. }) => {
                assert!(e.to_string().contains(needle), "{name}: {e}")
            }
            other => panic!("{name}: expected a model error, got {other:?}"),
        }
    }
    assert_eq!(&bytes[..8], MAGIC);
}

#[test]
fn save_and_load_round_trip() {
    let m = Model::embedded();
    let bytes = m.to_bytes(1).expect("serialises");
    let back = Model::from_bytes(&bytes).expect("loads back");
    assert!(back == *m);
}
