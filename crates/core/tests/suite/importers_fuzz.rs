//! Every importer over arbitrary bytes: it answers with a table, a text or a clear error — never a
//! panic. Property tests (proptest) generate the inputs, seeded from the corpus kept in
//! `tests/fuzz-corpus/` (real shapes: a semicolon table, Windows-1251, Markdown with Kazakh and Russian
//! numbering, a .docx with tracked changes made by pandoc) and mutate them; proptest keeps any failing
//! case it finds in `proptest-regressions/`. A .docx is also fuzzed inside its archive: its XML parts
//! mutated and packed again, so that the reader's XML handling is reached, not only the zip's.

use crate::common;

use proptest::prelude::*;

use trilogue_core::document;
use trilogue_core::import::{decode_utf8, parse_markdown_agreement, parse_position_table, read_docx};
use trilogue_core::markdown::render;
use trilogue_core::store::Submission;

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
    take_in_docx(bytes);
    if let Ok(text) = decode_utf8(bytes.to_vec(), "fuzz.md") {
        if let Ok(agreement) = parse_markdown_agreement(&text, "fuzz.md") {
            for clause in agreement.clauses.iter().take(8) {
                let _ = render(clause.status_quo.as_deref().unwrap_or(&clause.title));
            }
        }
        let _ = render(&text);
    }
}

fn take_in_docx(bytes: &[u8]) {
    if let Ok(word) = read_docx(bytes, "fuzz.docx") {
        let _ = document::revisions(&word.blocks);
        let _ = Submission::from_word(&word, "NEA", "fuzz.docx");
    }
}

/// The parts of the kept .docx seed, by name.
fn docx_parts() -> Vec<(String, Vec<u8>)> {
    common::zip_parts(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus/tracked-changes-pandoc.docx"),
    )
}

/// The seed .docx with bytes of its XML parts changed, cut or repeated, packed again.
fn mutated_docx() -> impl Strategy<Value = Vec<u8>> {
    let parts = docx_parts();
    let xml: Vec<usize> = (0..parts.len()).filter(|&i| parts[i].0.ends_with(".xml")).collect();
    (
        prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), any::<u8>()), 1..16),
        any::<u16>(),
    )
        .prop_map(move |(flips, cut)| {
            let mut parts = parts.clone();
            for (part, at, byte) in flips {
                let bytes = &mut parts[xml[part.index(xml.len())]].1;
                let i = at.index(bytes.len());
                bytes[i] = byte;
            }
            let document = parts.iter_mut().find(|p| p.0 == "word/document.xml").unwrap();
            let keep = document.1.len() - usize::from(cut) % (document.1.len() / 4).max(1);
            document.1.truncate(keep);
            common::zip_of(&parts)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn mutated_word_documents_never_panic(bytes in mutated_docx()) {
        take_in_docx(&bytes);
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
fn the_kept_docx_reads_with_its_tracked_changes() {
    let bytes = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus/tracked-changes-pandoc.docx"),
    )
    .unwrap();
    let word = read_docx(&bytes, "seed.docx").unwrap();
    assert_eq!(document::revisions(&word.blocks), vec![("FTU".to_string(), 1, 0), ("NEA".to_string(), 0, 1)]);
    let submission = Submission::from_word(&word, "NEA", "seed.docx").unwrap();
    let text = &submission.clauses.iter().find(|c| c.reference.contains('1')).unwrap().texts[0].1;
    assert!(text.contains("за 90 дней") && !text.contains("за 30 дней"), "{text}");
    assert!(text.contains("**уведомляет**"), "{text}");
}

#[test]
fn the_seed_corpus_reads() {
    let seeds = seeds();
    assert!(seeds.len() >= 4);
    for bytes in &seeds {
        take_in(bytes);
    }
}
