//! The part of a word that all its forms begin with, for search: «переобучение» is searched as
//! «переобуч…», which finds «переобучения» and «переобучить»; «қызметкерлердің» as «қызметкер…».
//!
//! Russian and English go through Snowball's stemmers (rust-stemmers). Kazakh has no Snowball stemmer
//! nor a maintained library, so it is stripped here of its inflections — plural, possessive, case, and
//! the verbal noun — from the end, as the language stacks them, keeping a stem of three letters or more.
//! The search index is left as it is (SQLite's own tokenizer, so the file stays readable by any SQLite):
//! the query asks for every word that begins with the stem.

use rust_stemmers::{Algorithm, Stemmer};

/// Letters only Kazakh writes among the Cyrillic ones.
const KAZAKH_LETTERS: &[char] = &['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і'];

/// Inflections of Kazakh nouns and verbal nouns, every vowel-harmony and assimilation variant, longest
/// first within a layer. A word is stripped of one of each layer at most, from the outside in.
const KAZAKH_LAYERS: [&[&str]; 5] = [
    // the passive present, as in оқытылады
    &["ылады", "іледі"],
    // case (and the instrumental and equative), after a possessive too
    &[
        "ның", "нің", "дың", "дің", "тың", "тің", "нан", "нен", "дан", "ден", "тан", "тен", "нда", "нде", "мен", "бен",
        "пен", "ға", "ге", "қа", "ке", "на", "не", "ны", "ні", "ды", "ді", "ты", "ті", "да", "де", "та", "те", "ша",
        "ше", "н",
    ],
    // possessive
    &["ымыз", "іміз", "ыңыз", "іңіз", "мыз", "міз", "сы", "сі", "ым", "ім", "ың", "ің", "ы", "і"],
    // plural
    &["лар", "лер", "дар", "дер", "тар", "тер"],
    // the verbal noun, as in оқыту
    &["у"],
];

/// Consonants that a Kazakh stem voices before a vowel (кітап, кітабы; құқық, құқығы): a stem ending in
/// one is searched without it, so that both spellings are found.
const ALTERNATING: &[char] = &['п', 'б', 'к', 'г', 'қ', 'ғ'];

/// The consonants after which a Kazakh suffix begins with т.
const VOICELESS: &[char] = &['к', 'қ', 'п', 'с', 'т', 'ш', 'ф', 'х', 'ц', 'ч', 'щ', 'б', 'в', 'г', 'д'];

/// The fewest letters a stem keeps: shorter, it would find unrelated words.
const MIN_STEM: usize = 3;

fn letters(s: &str) -> usize {
    s.chars().count()
}

fn is_vowel(c: char) -> bool {
    "аәеёиоөуұүыіэюяaeiouy".contains(c)
}

/// A Kazakh word without its inflections, and how many letters of inflection it had.
fn kazakh(word: &str) -> (String, usize) {
    let mut stem = word.to_string();
    for suffixes in KAZAKH_LAYERS {
        if let Some(rest) = suffixes.iter().find_map(|suffix| {
            let rest = stem.strip_suffix(suffix)?;
            // a suffix in т follows a voiceless consonant (кітап-тар, not қай-та)
            let fits = !suffix.starts_with('т') || rest.ends_with(VOICELESS);
            (fits && letters(rest) >= MIN_STEM && rest.chars().any(is_vowel)).then_some(rest)
        }) {
            stem = rest.to_string();
        }
    }
    let stripped = letters(word) - letters(&stem);
    if stem.ends_with(ALTERNATING) && letters(&stem) > MIN_STEM + 1 {
        stem.pop();
    }
    (stem, stripped)
}

/// A Russian word's stem, by Snowball, without the suffix that makes a noun of a verb (переобучение is
/// searched as переобуч…, as переобучить is) nor the vowel before a verb's ending (уведомля-ет).
fn russian(word: &str) -> String {
    let stem = Stemmer::create(Algorithm::Russian).stem(word).into_owned();
    let shorter = stem.strip_suffix("ен").or_else(|| stem.strip_suffix(['а', 'я']));
    shorter.filter(|r| letters(r) >= MIN_STEM + 2).map_or(stem.clone(), String::from)
}

/// The longest beginning two words share.
fn common_prefix(a: &str, b: &str) -> String {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).map(|(x, _)| x).collect()
}

/// What every form of `word` begins with, in lower case: the prefix a search asks for.
pub fn search_prefix(word: &str) -> String {
    let word = word.to_lowercase();
    let cyrillic = word.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    // Kazakh roots are often of three letters (қол, жер); a Snowball stem that short finds unrelated
    // words (дан-ные, дань), so four letters of the word are kept at least
    let (stem, least) = if word.contains(KAZAKH_LETTERS) {
        (kazakh(&word).0, MIN_STEM)
    } else if cyrillic {
        // a Kazakh word may be written without Kazakh letters (деректер, интеллектке): where it ends
        // as one, the shorter of the two stems serves both
        let russian = russian(&word);
        match kazakh(&word) {
            (kazakh, stripped) if stripped >= 2 && letters(&kazakh) < letters(&russian) => (kazakh, MIN_STEM),
            _ => (russian, MIN_STEM + 1),
        }
    } else {
        (Stemmer::create(Algorithm::English).stem(&word).into_owned(), MIN_STEM + 1)
    };
    // Snowball may also change a letter (policy → polici): keep only what the word itself begins with
    let prefix = common_prefix(&word, &stem);
    if letters(&prefix) >= least { prefix } else { word.chars().take(least).collect() }
}

#[cfg(test)]
mod tests {
    use super::search_prefix;

    #[test]
    fn russian_forms_share_a_prefix() {
        assert_eq!(search_prefix("Переобучение"), "переобуч");
        for form in ["переобучения", "переобучить", "переобучают"] {
            assert!(form.starts_with(&search_prefix("переобучение")), "{form}");
        }
        assert!("работникам".starts_with(&search_prefix("работник")));
        assert_eq!(search_prefix("уведомляет"), "уведомл");
        assert_eq!(search_prefix("данные"), "данн", "not дан…, which finds дань");
    }

    #[test]
    fn kazakh_forms_share_a_prefix() {
        assert_eq!(search_prefix("қызметкерлердің"), "қызметкер");
        assert_eq!(search_prefix("деректерге"), "дере");
        assert_eq!(search_prefix("оқыту"), "оқыт");
        assert_eq!(search_prefix("қолға"), "қол");
        assert_eq!(search_prefix("қайта"), "қайта", "no т-suffix after a vowel");
        let union = search_prefix("кәсіподақ");
        assert!("кәсіподағы".starts_with(&union) && "кәсіподақтар".starts_with(&union), "{union}");
    }

    #[test]
    fn english_and_short_words() {
        assert_eq!(search_prefix("retraining"), "retrain");
        assert_eq!(search_prefix("policy"), "polic");
        assert_eq!(search_prefix("ИИ"), "ии");
        assert_eq!(search_prefix("AI"), "ai");
    }
}
