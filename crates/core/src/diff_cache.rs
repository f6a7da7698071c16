//! Word diffs remembered by the hashes of their two texts.
//!
//! The comparison views diff every party's text against a reference, for every clause: about 9,000
//! diffs on a 1,700-clause agreement. A text is identified by its hash (of the normalised text, as for
//! initialing), so a diff once made is valid for as long as the app runs, whoever asks for it next —
//! a second opening of the whole agreement reads them back instead of diffing again.

use std::sync::Arc;

use quick_cache::Weighter;
use quick_cache::sync::Cache;

use crate::diff::{WordDiff, diff_words};
use crate::text::{normalise, text_hash};

/// A text and the hash that names it.
#[derive(Debug, Clone, Copy)]
pub struct Hashed<'a> {
    pub hash: &'a str,
    pub text: &'a str,
}

impl Hashed<'static> {
    /// The empty text: what a text first tabled is compared against.
    pub const EMPTY: Hashed<'static> =
        Hashed { hash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", text: "" };
}

/// How much memory the remembered diffs may take: at about 3 kB a diff, some 20,000 of them — every
/// diff of a 1,700-clause agreement against two references, with room to spare.
const CAPACITY_BYTES: u64 = 64 << 20;

#[derive(Clone)]
struct ByteWeight;

impl Weighter<(String, String), Arc<WordDiff>> for ByteWeight {
    fn weight(&self, _key: &(String, String), diff: &Arc<WordDiff>) -> u64 {
        // the keys, the ops' texts and the vector of ops, roughly
        (128 + diff.ops.iter().map(|op| op.text.len() + 32).sum::<usize>()) as u64
    }
}

pub struct DiffCache {
    diffs: Cache<(String, String), Arc<WordDiff>, ByteWeight>,
}

impl Default for DiffCache {
    fn default() -> Self {
        DiffCache { diffs: Cache::with_weighter(20_000, CAPACITY_BYTES, ByteWeight) }
    }
}

impl std::fmt::Debug for DiffCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DiffCache").field("diffs", &self.diffs.len()).finish()
    }
}

impl DiffCache {
    /// The word diff from `old` to `new`, of their normalised texts: the texts their hashes name.
    pub fn diff(&self, old: Hashed, new: Hashed) -> Arc<WordDiff> {
        let key = (old.hash.to_string(), new.hash.to_string());
        if let Some(diff) = self.diffs.get(&key) {
            return diff;
        }
        let diff = Arc::new(diff_words(&normalise(old.text), &normalise(new.text)));
        self.diffs.insert(key, diff.clone());
        diff
    }

    /// How many diffs are remembered.
    pub fn len(&self) -> usize {
        self.diffs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.diffs.is_empty()
    }
}

/// A text with no stored hash (the status quo) and its hash, computed.
pub struct Owned {
    pub hash: String,
    pub text: String,
}

impl Owned {
    pub fn new(text: &str) -> Self {
        Owned { hash: text_hash(text), text: text.to_string() }
    }

    pub fn hashed(&self) -> Hashed<'_> {
        Hashed { hash: &self.hash, text: &self.text }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diff_is_made_once_per_pair_of_texts() {
        let cache = DiffCache::default();
        let (a, b) = (Owned::new("the workers are retrained"), Owned::new("the workers are retrained first"));
        let first = cache.diff(a.hashed(), b.hashed());
        let again = cache.diff(a.hashed(), b.hashed());
        assert!(Arc::ptr_eq(&first, &again), "the second diff is the one remembered");
        assert_eq!(cache.len(), 1);
        let back = cache.diff(b.hashed(), a.hashed());
        assert_eq!(back.words_deleted, 1, "the other direction is another diff");
        assert_eq!(cache.len(), 2);
    }

    #[test]
    fn texts_differing_only_in_line_ends_share_a_diff() {
        let cache = DiffCache::default();
        let (a, b) = (Owned::new("one\r\ntwo  \r\n"), Owned::new("one\ntwo"));
        assert_eq!(a.hash, b.hash);
        assert!(cache.diff(a.hashed(), b.hashed()).is_unchanged());
    }
}
