//! The core's speed at real scale. `cargo bench -p trilogue-core`; figures in BENCHMARKS.md.

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use tokio::runtime::Runtime;
use trilogue_core::diff::diff_words;
use trilogue_core::import::{PositionTable, TableRow, parse_markdown_agreement, parse_position_table};
use trilogue_core::store::{Submission, plan_intake};
use trilogue_core::words::{Lang, Words};
use trilogue_core::{Store, Who};

fn runtime() -> Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

/// Deterministic prose: `n` words drawn from a vocabulary of `vocabulary` words, seeded.
fn words(n: usize, vocabulary: usize, seed: u64) -> Vec<String> {
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    (0..n)
        .map(|_| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            format!("w{}", (state >> 33) as usize % vocabulary)
        })
        .collect()
}

fn import(c: &mut Criterion) {
    let rt = runtime();
    let bytes = common::eu_position_table();
    let table = parse_position_table(&bytes, "ai-act.csv").unwrap();
    let migration = include_str!("../migrations/0001_negotiation_record.sql");
    let mut group = c.benchmark_group("import_1775x4");
    group.sample_size(10);
    group.bench_function("trilogue_parse_and_store", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |dir| {
                rt.block_on(async {
                    let store = Store::open(dir.path().join("w.sqlite3")).await.unwrap();
                    let table = parse_position_table(&bytes, "ai-act.csv").unwrap();
                    store.import_table(&table, "AI Act", "ai-act.csv", &Who::at("bench", common::now())).await.unwrap();
                    store.close().await;
                })
            },
            BatchSize::PerIteration,
        )
    });
    // The same rows into the same schema through plain SQLite (rusqlite, one prepared statement, one
    // transaction), with the workbench already created: the floor the import is measured against.
    group.bench_function("plain_sqlite_bulk_insert", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let conn = rusqlite::Connection::open(dir.path().join("w.sqlite3")).unwrap();
                conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;").unwrap();
                conn.execute_batch(migration).unwrap();
                conn.execute("INSERT INTO negotiations (id, title, level, tripartite, created_at) VALUES (1, 't', 'national', 0, 'now')", []).unwrap();
                for (i, p) in table.parties.iter().enumerate() {
                    conn.execute("INSERT INTO parties (id, negotiation_id, name, label, colour, position) VALUES (?1, 1, ?2, ?2, '#000000', ?1)", rusqlite::params![i as i64 + 1, p]).unwrap();
                }
                (dir, conn)
            },
            |(_dir, mut conn)| {
                let tx = conn.transaction().unwrap();
                {
                    let mut clause = tx.prepare("INSERT INTO clauses (negotiation_id, ref, title, position, status, status_quo, created_at) VALUES (1, ?, ?, ?, 'open', ?, 'now')").unwrap();
                    let mut version = tx.prepare("INSERT INTO versions (clause_id, party_id, text, hash, author, created_at, tabled_at) VALUES (?, ?, ?, ?, 'bench', 'now', 'now')").unwrap();
                    for (i, row) in table.rows.iter().enumerate() {
                        let id = clause.insert(rusqlite::params![row.reference, row.title, i as i64, row.base]).unwrap();
                        for (p, text) in row.positions.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
                            version.execute(rusqlite::params![id, p as i64 + 1, text, trilogue_core::text::text_hash(text)]).unwrap();
                        }
                    }
                }
                tx.commit().unwrap();
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// A synthetic negotiation: `clauses` rows of four parties, each text `words_per_text` long.
/// A party's table taken into a negotiation under way: into one that has the parties and no clause yet
/// (every row new: clauses added and texts tabled one by one, each journaled), beside the bulk import of
/// the same rows as a new negotiation; and the preview of the same table against the negotiation that
/// already holds it (every row matched, every text the same).
fn intake(c: &mut Criterion) {
    use trilogue_core::model::{Level, Side};
    use trilogue_core::store::{NewNegotiation, NewParty, Provenance, Submission};
    let rt = runtime();
    let bytes = common::eu_position_table();
    let table = parse_position_table(&bytes, "ai-act.csv").unwrap();
    let submission = Submission::from_table(&table, "ai-act.csv");
    let who = Who::at("bench", common::now());
    let mut group = c.benchmark_group("intake_1775x4");
    group.sample_size(10);
    group.bench_function("take_in_every_row_new", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let (store, n) = rt.block_on(async {
                    let store = Store::open(dir.path().join("w.sqlite3")).await.unwrap();
                    let parties: Vec<NewParty> = table
                        .parties
                        .iter()
                        .map(|p| NewParty {
                            name: p.clone(),
                            side: Some(Side::Workers),
                            label: p.clone(),
                            colour: "#1f618d".into(),
                        })
                        .collect();
                    let new = NewNegotiation::titled("AI Act", Level::General);
                    let (n, _) = store.create_negotiation(&new, &parties, &who).await.unwrap();
                    (store, n.id)
                });
                (dir, store, n)
            },
            |(_dir, store, n)| {
                rt.block_on(async {
                    let plan = store.take_in(n, &submission, &Provenance::default(), &who).await.unwrap();
                    assert_eq!(plan.new_clauses, 1_775);
                    store.close().await;
                })
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("import_table_same_rows", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |dir| {
                rt.block_on(async {
                    let store = Store::open(dir.path().join("w.sqlite3")).await.unwrap();
                    store.import_table(&table, "AI Act", "ai-act.csv", &who).await.unwrap();
                    store.close().await;
                })
            },
            BatchSize::PerIteration,
        )
    });
    let dir = tempfile::tempdir().unwrap();
    let (store, n) = rt.block_on(async {
        let store = Store::open(dir.path().join("w.sqlite3")).await.unwrap();
        let n = store.import_table(&table, "AI Act", "ai-act.csv", &who).await.unwrap().id;
        (store, n)
    });
    group.bench_function("preview_every_row_the_same", |b| {
        b.iter(|| rt.block_on(async { assert_eq!(plan_intake(&store, n, &submission).await.unwrap().tabled, 0) }))
    });
    group.finish();
}

fn synthetic(clauses: usize, words_per_text: usize) -> PositionTable {
    PositionTable {
        parties: vec!["W".into(), "E".into(), "G".into(), "M".into()],
        has_joint: false,
        has_base: false,
        rows: (0..clauses)
            .map(|i| TableRow {
                line: i as u64 + 2,
                reference: format!("Art. {}", i + 1),
                title: format!("Clause {}", i + 1),
                positions: (0..4).map(|p| words(words_per_text, 20_000, (i * 4 + p) as u64).join(" ")).collect(),
                joint: String::new(),
                base: String::new(),
            })
            .collect(),
        encoding: trilogue_core::import::TextEncoding::Utf8,
        delimiter: ',',
    }
}

fn listing_and_search(c: &mut Criterion) {
    let rt = runtime();
    let dir = tempfile::tempdir().unwrap();
    let who = Who::at("bench", common::now());
    let (store, small, large) = rt.block_on(async {
        let store = Store::open(dir.path().join("w.sqlite3")).await.unwrap();
        let small = store.import_table(&synthetic(2_000, 60), "2,000 clauses", "synthetic", &who).await.unwrap();
        let mut big = synthetic(25_000, 40);
        big.rows[12_345].positions[2].push_str(" zanzibarian");
        big.rows[20_001].positions[0].push_str(" zanzibarian");
        // rare words in other forms than the one searched for, Russian and Kazakh
        big.rows[3_210].positions[1].push_str(" переобучения");
        big.rows[17_777].positions[3].push_str(" переобучить");
        big.rows[9_876].positions[0].push_str(" қызметкерлерге");
        big.rows[23_456].positions[2].push_str(" қызметкердің");
        let large = store.import_table(&big, "100,000 versions", "synthetic", &who).await.unwrap();
        (store, small, large)
    });
    c.bench_function("list_clauses_2000", |b| {
        b.iter(|| rt.block_on(async { assert_eq!(store.list_clauses(small.id).await.unwrap().len(), 2_000) }))
    });
    c.bench_function("search_rare_word_100k_versions", |b| {
        b.iter(|| {
            rt.block_on(async { assert_eq!(store.search("zanzibarian", Some(large.id), 20).await.unwrap().len(), 2) })
        })
    });
    // the same, found in its other forms: «переобучение» finds переобучения, переобучить
    c.bench_function("search_rare_word_forms_ru_100k_versions", |b| {
        b.iter(|| {
            rt.block_on(async {
                assert_eq!(store.search("переобучение", Some(large.id), 20).await.unwrap().len(), 2)
            })
        })
    });
    c.bench_function("search_rare_word_forms_kk_100k_versions", |b| {
        b.iter(|| {
            rt.block_on(async {
                assert_eq!(store.search("қызметкер", Some(large.id), 20).await.unwrap().len(), 2)
            })
        })
    });
}

/// imara-diff's histogram diff on the same tokens: the alternative we measured. It has no deadline.
fn imara_histogram(a: &str, b: &str) -> u32 {
    use imara_diff::{Algorithm, Diff, InternedInput};
    let mut input = InternedInput::default();
    input.update_before(trilogue_core::diff::tokens(a).into_iter());
    input.update_after(trilogue_core::diff::tokens(b).into_iter());
    Diff::compute(Algorithm::Histogram, &input).count_removals()
}

fn diff(c: &mut Criterion) {
    let a = words(20_000, 5_000, 1).join(" ");
    let b: String = words(20_000, 5_000, 2).iter().map(|w| w.replace('w', "v")).collect::<Vec<_>>().join(" ");
    let mut group = c.benchmark_group("diff_disjoint_20000_words");
    group.sample_size(10);
    group.bench_function("trilogue", |bench| bench.iter(|| diff_words(&a, &b)));
    group.bench_function("imara_histogram", |bench| bench.iter(|| imara_histogram(&a, &b)));
    group.finish();
    let old = words(2_000, 3_000, 3);
    let mut new = old.clone();
    for (i, w) in new.iter_mut().enumerate() {
        if i % 10 == 3 {
            *w = format!("changed{i}");
        }
    }
    let (old, new) = (old.join(" "), new.join(" "));
    let mut group = c.benchmark_group("diff_2000_words_10pct_changed");
    group.bench_function("trilogue", |bench| bench.iter(|| diff_words(&old, &new)));
    group.bench_function("imara_histogram", |bench| bench.iter(|| imara_histogram(&old, &new)));
    group.finish();
}

/// Rendering a clause: an ordinary one (the baseline), and the slowest text of the pathological
/// corpus, found by rendering each once.
fn render_pathological(c: &mut Criterion) {
    use trilogue_core::markdown::render;
    let ordinary = "**Retraining** before *dismissal*:\n\n- six months\n- full pay\n\n> as agreed\n".repeat(20);
    let corpus = common::corpus::pathological();
    let (name, worst) = corpus
        .iter()
        .max_by_key(|(_, text)| {
            let start = std::time::Instant::now();
            render(text);
            start.elapsed()
        })
        .expect("a corpus");
    eprintln!("render_pathological: the slowest is '{name}' ({} bytes)", worst.len());
    let mut group = c.benchmark_group("render_pathological");
    group.sample_size(10);
    group.bench_function("ordinary_clause", |bench| bench.iter(|| render(&ordinary)));
    group.bench_function("worst_of_corpus", |bench| bench.iter(|| render(worst)));
    group.bench_function("whole_corpus", |bench| {
        bench.iter(|| corpus.iter().map(|(_, t)| render(t).len()).sum::<usize>())
    });
    group.finish();
}

/// The four-column document of the EU table (1,775 rows, four parties and the Commission's text):
/// every row marked against the base text, with no diff remembered (cold: a store freshly opened) and
/// with every diff remembered (warm: a second opening); the outline a view starts from; a screenful
/// of rows; the dashboard's distances.
fn four_columns(c: &mut Criterion) {
    use trilogue_core::agreement;
    use trilogue_core::compare::Reference;
    use trilogue_core::convergence::distances;
    let rt = runtime();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite3");
    let (store, n) = rt.block_on(async {
        let store = Store::open(&path).await.unwrap();
        let table = parse_position_table(&common::eu_position_table(), "ai-act.csv").unwrap();
        let n = store.import_table(&table, "AI Act", "ai-act.csv", &Who::at("bench", common::now())).await.unwrap();
        (store, n.id)
    });
    let fresh = || rt.block_on(Store::open(&path)).unwrap();
    let mut group = c.benchmark_group("four_columns_1775");
    group.sample_size(10);
    group.bench_function("document_cold", |b| {
        b.iter_batched(
            fresh,
            |s| {
                rt.block_on(async {
                    assert_eq!(agreement::document(&s, n, Reference::Base, None).await.unwrap().rows.len(), 1_775)
                })
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("document_warm", |b| {
        b.iter(|| rt.block_on(async { agreement::document(&store, n, Reference::Base, None).await.unwrap() }))
    });
    group.bench_function("docx_warm", |b| {
        b.iter(|| {
            rt.block_on(async {
                let d = agreement::document(&store, n, Reference::Base, None).await.unwrap();
                trilogue_core::document::to_docx(&d.to_model(&Words::new(Lang::En))).unwrap()
            })
        })
    });
    group.bench_function("outline", |b| {
        b.iter(|| {
            rt.block_on(async {
                assert_eq!(agreement::outline(&store, n, common::now()).await.unwrap().rows.len(), 1_775)
            })
        })
    });
    let window: Vec<i64> = rt.block_on(agreement::outline(&store, n, common::now())).unwrap().rows[800..820]
        .iter()
        .map(|r| r.clause_id)
        .collect();
    group.bench_function("rows_20_cold", |b| {
        b.iter_batched(
            fresh,
            |s| rt.block_on(async { agreement::rows(&s, n, Reference::Base, &window, None).await.unwrap() }),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("distances_cold", |b| {
        b.iter_batched(
            fresh,
            |s| rt.block_on(async { distances(&s, n, 10, common::now()).await.unwrap() }),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// Where the EU table's 1,775 open clauses stand: the table of initials, the status report, the final
/// agreement (all pending), and the packet since a session held before the import — every text new,
/// so ~7,000 texts diffed against nothing (cold) or read back (warm).
fn reports(c: &mut Criterion) {
    use trilogue_core::model::SessionKind;
    use trilogue_core::store::NewSession;
    use trilogue_core::{packet, report};
    let rt = runtime();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite3");
    let (store, n, session) = rt.block_on(async {
        let store = Store::open(&path).await.unwrap();
        let who = Who::at("bench", common::now());
        let new = NewSession {
            starts_at: "2024-01-10T09:00:00.000Z".into(),
            place: "Strasbourg".into(),
            kind: SessionKind::Plenary,
            minutes: "Held.".into(),
            attendees: vec![],
            agenda: vec![],
        };
        let table = parse_position_table(&common::eu_position_table(), "ai-act.csv").unwrap();
        let n = store.import_table(&table, "AI Act", "ai-act.csv", &who).await.unwrap();
        let session = store.add_session(n.id, &new, &who).await.unwrap();
        (store, n.id, session.id)
    });
    let fresh = || rt.block_on(Store::open(&path)).unwrap();
    let mut group = c.benchmark_group("reports_1775");
    group.sample_size(10);
    group.bench_function("initials_table", |b| {
        b.iter(|| rt.block_on(async { report::initials_table(&store, n).await.unwrap() }))
    });
    group.bench_function("status_report_html", |b| {
        b.iter(|| {
            rt.block_on(async {
                report::status_report(&store, n, 30, common::now(), &Words::new(Lang::En)).await.unwrap().to_html()
            })
        })
    });
    group.bench_function("final_agreement_html", |b| {
        b.iter(|| rt.block_on(async { report::final_agreement(&store, n).await.unwrap().to_html() }))
    });
    group.bench_function("packet_cold", |b| {
        b.iter_batched(
            fresh,
            |s| {
                rt.block_on(async {
                    assert_eq!(packet::packet(&s, n, Some(session), common::now()).await.unwrap().clauses.len(), 1_775)
                })
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("packet_warm", |b| {
        b.iter(|| rt.block_on(async { packet::packet(&store, n, Some(session), common::now()).await.unwrap() }))
    });
    // the counts and a screenful of 15 clauses' changes (the app's session view asks for 10)
    group.bench_function("packet_first_screen_cold", |b| {
        b.iter_batched(
            fresh,
            |s| {
                rt.block_on(async {
                    assert_eq!(
                        packet::packet_page(&s, n, Some(session), 0, 15, common::now()).await.unwrap().changed,
                        1_775
                    )
                })
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// A 300-clause agreement as a .docx: one party's texts marked against another's as tracked changes,
/// against the same agreement as the printable HTML it had before (baseline).
fn word(c: &mut Criterion) {
    use trilogue_core::compare::Reference;
    use trilogue_core::export::{self, Marking};
    use trilogue_core::model::Track;
    let rt = runtime();
    let dir = tempfile::tempdir().unwrap();
    let (store, n) = rt.block_on(async {
        let store = Store::open(dir.path().join("w.sqlite3")).await.unwrap();
        let n =
            store.import_table(&synthetic(300, 120), "300", "300.csv", &Who::at("bench", common::now())).await.unwrap();
        (store, n.id)
    });
    let parties = rt.block_on(store.parties(n)).unwrap();
    let marking =
        Marking { track: Track::Party(parties[1].id), against: Some(Reference::Party(parties[0].id)), clause: None };
    let mut group = c.benchmark_group("word_300");
    group.sample_size(10);
    group.bench_function("agreement_docx_tracked", |b| {
        b.iter(|| rt.block_on(export::agreement_docx(&store, n, marking)).unwrap())
    });
    group.bench_function("agreement_html_baseline", |b| {
        b.iter(|| rt.block_on(export::agreement_html(&store, n)).unwrap())
    });
    // taking the party's document back in, up to the preview of what it would table
    let plain = Marking { track: Track::Party(parties[1].id), against: None, clause: None };
    let docx = rt.block_on(export::agreement_docx(&store, n, plain)).unwrap();
    let markdown = trilogue_core::document::to_markdown(
        &rt.block_on(export::agreement(&store, n, plain, &Words::new(Lang::En))).unwrap(),
    );
    group.bench_function("docx_to_preview", |b| {
        b.iter(|| {
            let word = trilogue_core::import::read_docx(&docx, "300.docx").unwrap();
            let submission = Submission::from_word(&word, "E", "300.docx").unwrap();
            assert_eq!(rt.block_on(plan_intake(&store, n, &submission)).unwrap().rows.len(), 300)
        })
    });
    group.bench_function("markdown_to_preview_baseline", |b| {
        b.iter(|| {
            let agreement = parse_markdown_agreement(&markdown, "300.md").unwrap();
            let submission = Submission::from_markdown(&agreement, "E", "300.md");
            // the Markdown keeps the agreement's status lines, read as a preamble
            assert_eq!(rt.block_on(plan_intake(&store, n, &submission)).unwrap().rows.len(), 301)
        })
    });
    group.finish();
}

criterion_group!(benches, diff, listing_and_search, import, intake, four_columns, reports, render_pathological, word);
criterion_main!(benches);
