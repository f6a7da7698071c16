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

    fn catalogue(self) -> &'static str {
        match self {
            Lang::Kk => include_str!("../locales/kk.ftl"),
            Lang::Ru => include_str!("../locales/ru.ftl"),
            Lang::En => include_str!("../locales/en.ftl"),
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
            .ok_or_else(|| crate::Error::invalid(format!("unknown language '{s}': use kk, ru or en")))
    }
}

/// A value put into a message.
pub enum Arg<'a> {
    Text(&'a str),
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(s)
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
number_args!(i64, usize, u32);

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
        let resource = FluentResource::try_new(lang.catalogue().to_string()).expect("the catalogue parses (tested)");
        bundle.add_resource(resource).expect("no message defined twice (tested)");
        Words { lang, bundle }
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
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut values = FluentArgs::new();
        for (name, arg) in args {
            match arg {
                Arg::Text(s) => values.set(*name, FluentValue::from(*s)),
                Arg::Number(n) => values.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = vec![];
        self.bundle.format_pattern(pattern, Some(&values), &mut errors).into_owned()
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
        let resource = FluentResource::try_new(lang.catalogue().to_string()).unwrap_or_else(|(_, errors)| {
            panic!("{} does not parse: {errors:?}", lang.code());
        });
        resource
            .entries()
            .filter_map(|e| match e {
                Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
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
            for id in ids(lang) {
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
