//! Agreements with two or three authentic texts. In Kazakhstan an agreement's Kazakh and Russian texts
//! are both authentic: a clause agreed in Russian and not yet in Kazakh is not agreed. A version of a
//! clause is therefore a set of texts, one per authentic language, tabled together and hashed together;
//! changing one language marks the others as waiting to be brought in line; and the texts of a set are
//! checked against each other for the things that must not differ between languages — numbers, dates,
//! article references, the structure of lists.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::text::{hex, normalise, text_hash};
use crate::words::Lang;

/// A clause's text in one language.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LangText {
    pub lang: Lang,
    pub text: String,
}

/// Languages as the record stores a list of them: codes, comma-separated (`kk,ru`).
pub fn parse_languages(stored: &str) -> Vec<Lang> {
    stored.split(',').filter_map(|l| l.parse().ok()).collect()
}

/// Languages as the record stores them.
pub fn languages_text(languages: &[Lang]) -> String {
    languages.iter().map(|l| l.code()).collect::<Vec<_>>().join(",")
}

/// The hash of a set of texts, the first in the negotiation's first authentic language: that text's own
/// hash when it is the only one (a negotiation with one authentic language), else the hash of every
/// language's code and text hash, in the order of the languages.
pub fn set_hash(texts: &[LangText]) -> String {
    match texts {
        [only] => text_hash(&only.text),
        _ => {
            let mut sorted: Vec<&LangText> = texts.iter().collect();
            sorted.sort_by_key(|t| t.lang.code());
            let mut hasher = Sha256::new();
            for t in sorted {
                hasher.update(t.lang.code().as_bytes());
                hasher.update(b":");
                hasher.update(text_hash(&t.text).as_bytes());
                hasher.update(b";");
            }
            hex(&hasher.finalize())
        }
    }
}

/// The languages of a new set that still wait to be brought in line, given the set before it on the
/// track and what waited there: a change to some languages and not others marks the others, unless the
/// change is exactly what was waited for.
pub fn needs_revision(new: &[LangText], before: Option<(&[LangText], &[Lang])>) -> Vec<Lang> {
    let Some((old, waiting)) = before else { return vec![] };
    let text_of = |set: &[LangText], lang: Lang| {
        set.iter().find(|t| t.lang == lang).map(|t| normalise(&t.text)).filter(|t| !t.is_empty())
    };
    // a language written for the first time (filled) changes nothing the others said
    let (mut changed, mut filled) = (vec![], vec![]);
    for lang in new.iter().map(|t| t.lang) {
        match (text_of(old, lang), text_of(new, lang)) {
            (None, Some(_)) => filled.push(lang),
            (a, b) if a != b => changed.push(lang),
            _ => {}
        }
    }
    let mut out: Vec<Lang> = waiting.iter().copied().filter(|l| !changed.contains(l) && !filled.contains(l)).collect();
    if !changed.iter().all(|l| waiting.contains(l)) {
        let unchanged: Vec<Lang> = new
            .iter()
            .map(|t| t.lang)
            .filter(|l| !changed.contains(l) && !filled.contains(l) && !out.contains(l))
            .collect();
        out.extend(unchanged);
    }
    out.sort_by_key(|l| new.iter().position(|t| t.lang == *l));
    out
}

/// The language a text is written in, among a negotiation's authentic ones, by its letters: Kazakh
/// where it has the letters only Kazakh writes (ә ғ қ ң ө ұ ү һ і), else Russian where it is Cyrillic,
/// else English where it is Latin; none when that is not one of them.
pub fn guess_language(text: &str, among: &[Lang]) -> Option<Lang> {
    let (mut kazakh, mut cyrillic, mut latin) = (0, 0, 0);
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'і' => kazakh += 1,
            '\u{430}'..='\u{44f}' | 'ё' => cyrillic += 1,
            'a'..='z' => latin += 1,
            _ => {}
        }
    }
    let guess = if kazakh > 0 {
        Lang::Kk
    } else if cyrillic >= latin && cyrillic > 0 {
        Lang::Ru
    } else if latin > 0 {
        Lang::En
    } else {
        return None;
    };
    among.contains(&guess).then_some(guess)
}

/// A version's texts in every authentic language, and where they disagree.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageSet {
    pub version_id: i64,
    pub texts: Vec<LangText>,
    pub disagreements: Vec<Disagreement>,
}

/// What the texts of one set disagree on.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Disagreement {
    /// A number (a day, an amount, an article's number) one text has and another lacks, or has a
    /// different number of times.
    Number { number: String, counts: Vec<(Lang, usize)> },
    /// The texts' lists have different numbers of items.
    ListItems { counts: Vec<(Lang, usize)> },
}

/// The numbers of a text, as written with digits: `30`, `2026`, `7.2` (a date 01.09.2026 gives three).
fn numbers(text: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    let mut current = String::new();
    for c in text.chars().chain([' ']) {
        if c.is_ascii_digit() {
            current.push(c);
        } else if !current.is_empty() {
            *out.entry(current.trim_start_matches('0').to_string()).or_insert(0) += 1;
            current.clear();
        }
    }
    out
}

/// The items of a text's lists: lines that begin with a bullet, a number or a letter and a bracket.
fn list_items(text: &str) -> usize {
    text.lines()
        .map(str::trim_start)
        .filter(|l| {
            l.starts_with("- ") || l.starts_with("* ") || l.starts_with("• ") || {
                let marker: String = l.chars().take_while(|c| c.is_alphanumeric()).collect();
                let rest = &l[marker.len()..];
                !marker.is_empty() && marker.chars().count() <= 3 && (rest.starts_with(") ") || rest.starts_with(". "))
            }
        })
        .count()
}

/// Where the texts of one set disagree in numbers, dates, article references or list structure; a
/// language not yet written is missing, not in disagreement, and left out.
pub fn check(texts: &[LangText]) -> Vec<Disagreement> {
    let texts: Vec<&LangText> = texts.iter().filter(|t| !t.text.trim().is_empty()).collect();
    if texts.len() < 2 {
        return vec![];
    }
    let counted: Vec<(Lang, BTreeMap<String, usize>)> = texts.iter().map(|t| (t.lang, numbers(&t.text))).collect();
    let mut all: Vec<&String> = counted.iter().flat_map(|(_, n)| n.keys()).collect();
    all.sort();
    all.dedup();
    let mut out: Vec<Disagreement> = all
        .into_iter()
        .filter_map(|number| {
            let counts: Vec<(Lang, usize)> =
                counted.iter().map(|(l, n)| (*l, n.get(number).copied().unwrap_or(0))).collect();
            let first = counts[0].1;
            counts.iter().any(|(_, c)| *c != first).then(|| Disagreement::Number { number: number.clone(), counts })
        })
        .collect();
    let items: Vec<(Lang, usize)> = texts.iter().map(|t| (t.lang, list_items(&t.text))).collect();
    if items.iter().any(|(_, c)| *c != items[0].1) {
        out.push(Disagreement::ListItems { counts: items });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(kk: &str, ru: &str) -> Vec<LangText> {
        vec![LangText { lang: Lang::Kk, text: kk.into() }, LangText { lang: Lang::Ru, text: ru.into() }]
    }

    #[test]
    fn one_language_hashes_as_its_text_and_a_set_as_a_whole() {
        let one = [LangText { lang: Lang::En, text: "Retraining.".into() }];
        assert_eq!(set_hash(&one), text_hash("Retraining."));
        let a = set("Қайта даярлау.", "Переобучение.");
        let b = set("Қайта даярлау.", "Переобучение работников.");
        assert_ne!(set_hash(&a), set_hash(&b), "changing the Russian text changes the set");
        let mut reversed = a.clone();
        reversed.reverse();
        assert_eq!(set_hash(&a), set_hash(&reversed));
    }

    #[test]
    fn a_change_to_one_language_waits_for_the_other() {
        let v1 = set("Қайта даярлау.", "Переобучение.");
        let v2 = set("Қайта даярлау 30 күн.", "Переобучение.");
        assert_eq!(needs_revision(&v2, Some((&v1, &[]))), [Lang::Ru]);
        let v3 = set("Қайта даярлау 30 күн.", "Переобучение 30 дней.");
        assert_eq!(needs_revision(&v3, Some((&v2, &[Lang::Ru]))), [], "the change waited for");
        let v4 = set("Қайта даярлау 45 күн.", "Переобучение 45 дней.");
        assert_eq!(needs_revision(&v4, Some((&v3, &[]))), []);
        assert_eq!(needs_revision(&v1, None), []);
        let ru_only = set("", "Переобучение.");
        assert_eq!(needs_revision(&v1, Some((&ru_only, &[]))), [], "writing the missing language is no change");
    }

    #[test]
    fn a_texts_language_is_told_by_its_letters() {
        let both = [Lang::Kk, Lang::Ru];
        assert_eq!(guess_language("Жұмыс беруші хабарлайды.", &both), Some(Lang::Kk));
        assert_eq!(guess_language("Работодатель уведомляет.", &both), Some(Lang::Ru));
        assert_eq!(guess_language("The employer notifies.", &both), None);
        assert_eq!(guess_language("42", &both), None);
    }

    #[test]
    fn numbers_and_lists_are_compared_across_languages() {
        let agree = set("Кемінде 30 күн бұрын, 7-бапқа сәйкес.", "Не менее чем за 30 дней, согласно статье 7.");
        assert_eq!(check(&agree), []);
        let days = set("Кемінде 45 күн бұрын.", "Не менее чем за 30 дней.");
        assert_eq!(check(&days).len(), 2, "{:?}", check(&days));
        let lists = set("Жұмыс беруші:\n1) хабарлайды;\n2) кеңеседі.", "Работодатель:\n1) уведомляет;");
        assert!(check(&lists).iter().any(|d| matches!(d, Disagreement::ListItems { .. })));
        assert!(check(&lists).iter().any(|d| matches!(d, Disagreement::Number { number, .. } if number == "2")));
    }
}
