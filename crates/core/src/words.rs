//! The words of the documents the core writes, in Kazakh, Russian or English: one Fluent catalogue per
//! language (`crates/core/locales/*.ftl`), compiled in. The core builds no sentence for a reader but
//! through these; statuses and kinds are looked up by the names the record stores.
//!
//! Fluent rather than ICU MessageFormat here: it is Mozilla's format for Rust as much as for the web,
//! its files are plain text a translator reads without knowing JSON, and its selectors carry each
//! language's plural rules (Russian one/few/many, Kazakh none) without code.

use std::str::FromStr;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

use crate::message::Msg;

/// A language Trilogue writes in.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    Kk,
    Ru,
    #[default]
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// The catalogue's two files: the documents' words, and the messages (`crate::message`).
    fn catalogue(self) -> [&'static str; 2] {
        match self {
            Lang::Kk => [include_str!("../locales/kk.ftl"), include_str!("../locales/messages/kk.ftl")],
            Lang::Ru => [include_str!("../locales/ru.ftl"), include_str!("../locales/messages/ru.ftl")],
            Lang::En => [include_str!("../locales/en.ftl"), include_str!("../locales/messages/en.ftl")],
        }
    }

    /// The language of a locale name as the system gives it (`ru_RU.UTF-8`, `kk-KZ`), if Trilogue
    /// writes in it.
    pub fn of_locale(name: &str) -> Option<Lang> {
        name.split(['_', '-', '.']).next().and_then(|code| code.parse().ok())
    }
}

impl FromStr for Lang {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| crate::Error::Invalid(Msg::UnknownLanguage { value: s.to_string() }))
    }
}

/// One text written in each of Trilogue's languages: what the shipped demo and library hold, so that
/// a reader gets them in the language they work in.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Parallel {
    pub kk: String,
    pub ru: String,
    pub en: String,
}

impl Parallel {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }
}

/// A value put into a message.
pub enum Arg<'a> {
    Text(std::borrow::Cow<'a, str>),
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(s.into())
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(s.as_str().into())
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(s.into())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(i64, u64, usize, u32);

/// The ids of the messages of a Fluent file: for front ends' tests, which keep their own catalogues
/// complete in every language.
pub fn message_ids(file: &str) -> std::collections::BTreeSet<String> {
    let resource = FluentResource::try_new(file.to_string()).unwrap_or_else(|(_, errors)| panic!("{errors:?}"));
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// The catalogue of one language.
pub struct Words {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl Words {
    pub fn new(lang: Lang) -> Words {
        let id: LanguageIdentifier = lang.code().parse().expect("a language code");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // no Unicode isolation marks around the values: the documents are plain text in one direction
        bundle.set_use_isolating(false);
        for file in lang.catalogue() {
            let resource = FluentResource::try_new(file.to_string()).expect("the catalogue parses (tested)");
            bundle.add_resource(resource).expect("no message defined twice (tested)");
        }
        Words { lang, bundle }
    }

    /// The catalogue with a front end's own messages added (the command line's): `more` is a Fluent
    /// file of that language, whose ids none of the core's take.
    pub fn with(lang: Lang, more: &str) -> Words {
        let mut words = Words::new(lang);
        let resource = FluentResource::try_new(more.to_string()).expect("the front end's catalogue parses (tested)");
        words.bundle.add_resource(resource).expect("no message defined twice (tested)");
        words
    }

    /// The English catalogue, read once: the words of `Display` for the core's errors and messages.
    pub fn english() -> &'static Words {
        static ENGLISH: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
        ENGLISH.get_or_init(|| Words::new(Lang::En))
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A message without values.
    pub fn t(&self, id: &str) -> String {
        self.f(id, &[])
    }

    /// A message with its values. A message missing from the catalogue (a test keeps them complete)
    /// comes out as its id, never as an empty text.
    pub fn f(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut values = FluentArgs::new();
        for (name, arg) in args {
            match arg {
                Arg::Text(s) => values.set(*name, FluentValue::from(s.as_ref())),
                Arg::Number(n) => values.set(*name, FluentValue::from(*n)),
            }
        }
        self.format(id, &values)
    }

    /// A message with values already made Fluent's.
    pub(crate) fn format(&self, id: &str, args: &FluentArgs) -> String {
        self.format_checked(id, args).0
    }

    /// What Fluent finds wrong in formatting message `id` with the value 2 for each of `names` (a value
    /// the message uses that is not among them, a message missing): for front ends' tests.
    pub fn problems(&self, id: &str, names: &[&str]) -> Vec<String> {
        let mut args = FluentArgs::new();
        for name in names {
            args.set(*name, FluentValue::from(2));
        }
        let (text, errors) = self.format_checked(id, &args);
        let mut problems: Vec<String> = errors.iter().map(|e| format!("{id}: {e:?}")).collect();
        if text == id {
            problems.push(format!("{id}: missing"));
        }
        problems
    }

    /// A message, with what Fluent found wrong in formatting it (a value the message uses but was not
    /// given): for the tests.
    pub(crate) fn format_checked(&self, id: &str, args: &FluentArgs) -> (String, Vec<fluent_bundle::FluentError>) {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return (id.to_string(), vec![]);
        };
        let mut errors = vec![];
        let text = self.bundle.format_pattern(pattern, Some(args), &mut errors).into_owned();
        (text, errors)
    }

    /// The name of a status or a kind, by the name the record stores: `name("status", "parked")`.
    pub fn name(&self, kind: &str, stored: &str) -> String {
        self.t(&format!("{kind}-{stored}"))
    }

    /// A day (`2026-10-27`, or a timestamp beginning with one) in the language's legal style:
    /// 27 October 2026, 27 октября 2026 г., 2026 жылғы 27 қазан.
    pub fn date(&self, stamp: &str) -> String {
        let day = stamp.get(..10).unwrap_or(stamp);
        let Ok(d) = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d") else { return stamp.to_string() };
        use chrono::Datelike;
        let month = self.t(&format!("month-{}", d.month()));
        self.f("date", &[("day", d.day().into()), ("month", (&month).into()), ("year", (d.year() as i64).into())])
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use fluent_bundle::FluentResource;
    use fluent_syntax::ast::Entry;

    use super::*;

    fn ids(lang: Lang) -> BTreeSet<String> {
        lang.catalogue()
            .into_iter()
            .flat_map(|file| {
                let resource = FluentResource::try_new(file.to_string()).unwrap_or_else(|(_, errors)| {
                    panic!("{} does not parse: {errors:?}", lang.code());
                });
                resource
                    .entries()
                    .filter_map(|e| match e {
                        Entry::Message(m) => Some(m.id.name.to_string()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// The documents' messages; those of `crate::message` are tested with their own values there.
    fn document_ids(lang: Lang) -> BTreeSet<String> {
        let codes: BTreeSet<String> = crate::message::Msg::samples().iter().map(|m| m.code().to_string()).collect();
        ids(lang).difference(&codes).cloned().collect()
    }

    #[test]
    fn the_messages_file_holds_the_messages_and_nothing_else() {
        let codes: BTreeSet<String> = crate::message::Msg::samples().iter().map(|m| m.code().to_string()).collect();
        let file = FluentResource::try_new(Lang::En.catalogue()[1].to_string()).unwrap();
        let in_file: BTreeSet<String> = file
            .entries()
            .filter_map(|e| match e {
                Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect();
        let frames: BTreeSet<String> = crate::error::FRAMES.iter().map(|f| f.to_string()).collect();
        let unused: Vec<&String> = in_file.difference(&codes).filter(|id| !frames.contains(*id)).collect();
        assert_eq!(unused, Vec::<&String>::new(), "no such code");
    }

    #[test]
    fn every_language_has_every_message() {
        let english = ids(Lang::En);
        for lang in [Lang::Kk, Lang::Ru] {
            let other = ids(lang);
            assert_eq!(
                english.difference(&other).collect::<Vec<_>>(),
                Vec::<&String>::new(),
                "missing in {}",
                lang.code()
            );
            assert_eq!(
                other.difference(&english).collect::<Vec<_>>(),
                Vec::<&String>::new(),
                "extra in {}",
                lang.code()
            );
        }
    }

    #[test]
    fn every_message_formats_without_errors() {
        for lang in Lang::ALL {
            let w = Words::new(lang);
            for id in document_ids(lang) {
                let pattern = w.bundle.get_message(&id).and_then(|m| m.value()).unwrap();
                let mut args = FluentArgs::new();
                for name in [
                    "title",
                    "names",
                    "status",
                    "counts",
                    "count",
                    "total",
                    "parts",
                    "party",
                    "version",
                    "id",
                    "number",
                    "date",
                    "place",
                    "kind",
                    "to",
                    "what",
                    "reason",
                    "author",
                    "reference",
                    "value",
                    "by",
                    "hash",
                    "further",
                    "step",
                    "side",
                    "changed",
                    "per",
                    "tracks",
                    "day",
                    "month",
                    "year",
                    "path",
                    "why",
                    "found",
                    "known",
                    "source",
                    "line",
                    "message",
                    "column",
                    "detail",
                    "language",
                ] {
                    args.set(name, FluentValue::from(2));
                }
                let mut errors = vec![];
                let _ = w.bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{} {id}: {errors:?}", lang.code());
            }
        }
    }

    #[test]
    fn dates_in_each_languages_legal_style() {
        assert_eq!(Words::new(Lang::En).date("2026-10-27T05:00:00.000Z"), "27 October 2026");
        assert_eq!(Words::new(Lang::Ru).date("2026-10-27"), "27 октября 2026 г.");
        assert_eq!(Words::new(Lang::Kk).date("2026-10-27"), "2026 жылғы 27 қазан");
    }

    #[test]
    fn russian_counts_take_their_forms() {
        let w = Words::new(Lang::Ru);
        let count = |n: i64| w.f("clauses-total", &[("total", n.into()), ("parts", "…".into())]);
        assert_eq!(
            [count(1), count(3), count(5), count(21)],
            ["1 пункт: …", "3 пункта: …", "5 пунктов: …", "21 пункт: …"]
        );
    }

    #[test]
    fn a_locale_names_its_language() {
        assert_eq!(Lang::of_locale("ru_RU.UTF-8"), Some(Lang::Ru));
        assert_eq!(Lang::of_locale("kk-KZ"), Some(Lang::Kk));
        assert_eq!(Lang::of_locale("de_DE"), None);
        assert_eq!("KK".parse::<Lang>().unwrap(), Lang::Kk);
    }
}
