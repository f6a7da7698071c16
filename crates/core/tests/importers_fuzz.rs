//! Every importer over arbitrary bytes: it answers with a table, a text or a clear error — never a
//! panic. Property tests (proptest) generate the inputs, seeded from the corpus kept in
//! `tests/fuzz-corpus/` (real shapes: a semicolon table, Windows-1251, Markdown with Kazakh and Russian
//! numbering) and mutate them; proptest keeps any failing case it finds in `proptest-regressions/`.

use proptest::prelude::*;
use trilogue_core::import::{decode_utf8, parse_markdown_agreement, parse_position_table};
use trilogue_core::markdown::render;

fn seeds() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files.iter().map(|f| std::fs::read(f).unwrap()).collect()
}

/// A seed with some of its bytes changed, cut short or repeated.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    let seeds = seeds();
    (0..seeds.len(), prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..24), any::<u16>(), 0..3u8)
        .prop_map(move |(seed, flips, cut, repeat)| {
            let mut bytes = seeds[seed].clone();
            for (at, byte) in flips {
                if !bytes.is_empty() {
                    let i = at.index(bytes.len());
                    bytes[i] = byte;
                }
            }
            bytes.truncate(usize::from(cut).max(1).min(bytes.len()));
            let once = bytes.clone();
            for _ in 0..repeat {
                bytes.extend_from_slice(&once);
            }
            bytes
        })
}

fn take_in(bytes: &[u8]) {
    let _ = parse_position_table(bytes, "fuzz.csv");
    if let Ok(text) = decode_utf8(bytes.to_vec(), "fuzz.md") {
        if let Ok(agreement) = parse_markdown_agreement(&text, "fuzz.md") {
            for clause in agreement.clauses.iter().take(8) {
                let _ = render(clause.status_quo.as_deref().unwrap_or(&clause.title));
            }
        }
        let _ = render(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        take_in(&bytes);
    }

    #[test]
    fn mutated_real_files_never_panic(bytes in mutated()) {
        take_in(&bytes);
    }
}

#[test]
fn the_seed_corpus_reads() {
    let seeds = seeds();
    assert!(seeds.len() >= 4);
    for bytes in &seeds {
        take_in(bytes);
    }
}
