//! Search finds a word in its other forms, in Russian and in Kazakh: recall measured on a list of word
//! forms, through the real search over a real workbench, against the search as it was before (the
//! word itself as a prefix), read with the same SQLite index.

use crate::common;

use trilogue_core::Who;
use trilogue_core::import::{PositionTable, TableRow, TextEncoding};

/// A word as a negotiator types it, and forms of it a clause may hold.
const RUSSIAN: &[(&str, &[&str])] = &[
    ("переобучение", &["переобучения", "переобучению", "переобучением", "переобучить", "переобучают", "переобученных"]),
    ("работник", &["работника", "работнику", "работников", "работниками", "работниках"]),
    ("увольнение", &["увольнения", "увольнению", "увольнений", "увольнениями"]),
    ("искусственный", &["искусственного", "искусственному", "искусственным", "искусственной"]),
    ("интеллект", &["интеллекта", "интеллектом", "интеллекте"]),
    ("соглашение", &["соглашения", "соглашению", "соглашений", "соглашениях"]),
    ("консультация", &["консультации", "консультаций", "консультациями", "консультацию"]),
    ("профсоюз", &["профсоюза", "профсоюзы", "профсоюзов", "профсоюзами"]),
    ("работодатель", &["работодателя", "работодателю", "работодатели", "работодателей"]),
    ("уведомление", &["уведомления", "уведомлений", "уведомлять", "уведомляет"]),
    ("система", &["системы", "системе", "систем", "системами"]),
    ("данные", &["данных", "данным", "данными"]),
];

const KAZAKH: &[(&str, &[&str])] = &[
    ("қызметкер", &["қызметкерлер", "қызметкерлердің", "қызметкерге", "қызметкерді", "қызметкерлерге"]),
    ("келісім", &["келісімнің", "келісімге", "келісімді", "келісімде", "келісімдер"]),
    ("беруші", &["берушінің", "берушіге", "берушілер", "берушілердің"]),
    ("кәсіподақ", &["кәсіподақтың", "кәсіподаққа", "кәсіподақтар", "кәсіподағы"]),
    ("оқыту", &["оқытудың", "оқытуға", "оқытуды", "оқытылады"]),
    ("интеллект", &["интеллекттің", "интеллектке", "интеллектті"]),
    ("деректер", &["деректердің", "деректерге", "деректерді", "дерек"]),
    ("хабарлама", &["хабарламаның", "хабарламаға", "хабарламалар", "хабарламаны"]),
    ("жұмыскер", &["жұмыскерлер", "жұмыскерлердің", "жұмыскерге"]),
    ("құқық", &["құқығы", "құқықтар", "құқықтарын", "құқыққа"]),
    ("кеңес", &["кеңестің", "кеңеске", "кеңестер", "кеңестерді"]),
    ("жүйе", &["жүйенің", "жүйеге", "жүйелер", "жүйесі"]),
];

/// Groups written after the stemmer was done, never tuned for: what it does on words it was not shown.
const RUSSIAN_HELD_OUT: &[(&str, &[&str])] = &[
    ("обязательство", &["обязательства", "обязательств", "обязательствами"]),
    ("решение", &["решения", "решений", "решению", "решать"]),
    ("оплата", &["оплаты", "оплате", "оплатой"]),
    ("безопасность", &["безопасности", "безопасностью"]),
    ("сокращение", &["сокращения", "сокращений", "сократить"]),
];

const KAZAKH_HELD_OUT: &[(&str, &[&str])] = &[
    ("жалақы", &["жалақының", "жалақыға", "жалақысы"]),
    ("қауіпсіздік", &["қауіпсіздігі", "қауіпсіздікке", "қауіпсіздіктің"]),
    ("шарт", &["шарттың", "шартқа", "шарттар"]),
    ("өкіл", &["өкілдер", "өкілдің", "өкілге"]),
    ("бағдарлама", &["бағдарламаның", "бағдарламаға", "бағдарламалар"]),
];

/// Words that share a beginning with the ones searched for but are other words: none may be found.
const OTHERS: &[&str] = &["работа", "систола", "консул", "кеңсе", "дань", "профиль", "келу", "құқай", "жүйрік"];

/// Found forms over all forms, for the search as it is and as it was.
#[tokio::test]
async fn search_finds_russian_and_kazakh_word_forms() {
    let (store, dir) = common::store().await;
    let who = Who::at("test", common::now());
    let groups: Vec<(&str, &[&str])> =
        [RUSSIAN, KAZAKH, RUSSIAN_HELD_OUT, KAZAKH_HELD_OUT].into_iter().flatten().copied().collect();
    // each form alone in a clause text, beside a sentence of other words; the near misses too
    let forms: Vec<&str> =
        groups.iter().flat_map(|(_, forms)| forms.iter().copied()).chain(OTHERS.iter().copied()).collect();
    let table = PositionTable {
        parties: vec!["W".into()],
        has_joint: false,
        has_base: false,
        rows: forms
            .iter()
            .enumerate()
            .map(|(i, form)| TableRow {
                line: i as u64 + 2,
                reference: format!("{}", i + 1),
                title: format!("Пункт {}", i + 1),
                positions: vec![format!("Стороны договорились: {form}.")],
                joint: String::new(),
                base: String::new(),
            })
            .collect(),
        encoding: TextEncoding::Utf8,
        delimiter: ',',
    };
    let n = store.import_table(&table, "Word forms", "forms", &who).await.unwrap();
    let sqlite = rusqlite::Connection::open(dir.path().join("workbench.sqlite3")).unwrap();
    let mut report = vec![];
    let sets = [("ru", RUSSIAN), ("kk", KAZAKH), ("ru held out", RUSSIAN_HELD_OUT), ("kk held out", KAZAKH_HELD_OUT)];
    for (language, list) in sets {
        let (mut total, mut found, mut found_before, mut wrong) = (0, 0, 0, vec![]);
        // each word of a group searched for, as typed in any of its forms: the group's other forms found
        for (lemma, forms) in list {
            let group: Vec<&str> = [*lemma].into_iter().chain(forms.iter().copied()).collect();
            for query in &group {
                let hits = store.search(query, Some(n.id), 100).await.unwrap();
                let texts: Vec<String> = hits.iter().map(|h| h.snippet.replace(['[', ']'], "")).collect();
                let has = |form: &str| texts.iter().any(|t| t.contains(&format!(": {form}.")));
                let expected: Vec<&str> = forms.iter().copied().filter(|f| f != query).collect();
                // the search before: the word itself as a prefix, on the same index
                let before = expected
                    .iter()
                    .filter(|form| {
                        let q = format!("\"{query}\"* AND \"{form}\"");
                        let count: i64 = sqlite
                            .query_row("SELECT count(*) FROM search_index WHERE search_index MATCH ?1", [q], |r| {
                                r.get(0)
                            })
                            .unwrap();
                        count > 0
                    })
                    .count();
                let missed: Vec<&&str> = expected.iter().filter(|f| !has(f)).collect();
                if !missed.is_empty() {
                    eprintln!("{language} {query}: not found {missed:?}");
                }
                total += expected.len();
                found += expected.len() - missed.len();
                found_before += before;
                wrong.extend(OTHERS.iter().filter(|o| has(o)).map(|o| format!("{query} → {o}")));
            }
        }
        let recall = found as f64 / total as f64;
        eprintln!(
            "{language}: recall {found}/{total} = {recall:.2} (before: {found_before}/{total} = {:.2}); wrong: {wrong:?}",
            found_before as f64 / total as f64
        );
        report.push((language, recall, wrong));
    }
    for (language, recall, wrong) in report {
        let least = if language.ends_with("held out") { 0.7 } else { 0.95 };
        assert!(recall >= least, "{language}: recall {recall:.2}");
        // the one known: Snowball stems the genitive plural систем as сист…
        let known: &[&str] = if language == "ru" { &["систем → систола"] } else { &[] };
        assert_eq!(wrong, known, "{language}: words found that are other words");
    }
}
