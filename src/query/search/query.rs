//! What was typed, as the terms a search matches: words, `"quoted phrases"` and `level:N`.
//! Knows nothing of the index or of scoring.
//!
//! Words are runs of letters and digits, folded; what lies between them (spaces, punctuation)
//! only separates them, so `large-scale` is two words. A phrase is the words between two double
//! quotes; a quote left open runs to the end of the query, and its last word may still be
//! growing (it matches as the start of a word), so a phrase finds results while it is typed.

use super::fold::fold;
use crate::data::model::Level;

/// One thing a skill must match: a word, or words that must stand in a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Folded words, in order: one for a plain word.
    words: Vec<String>,
    /// A `"quoted phrase"` (even of one word): matched only as whole words in a row, never
    /// fuzzily.
    quoted: bool,
    /// A phrase whose closing quote is not typed yet: its last word may be a word's start.
    open: bool,
}

impl Term {
    pub fn words(&self) -> &[String] {
        &self.words
    }

    pub fn is_quoted(&self) -> bool {
        self.quoted
    }

    /// Whether the last word may match the start of a longer word: a plain word, or the last
    /// word of a phrase still being typed. (A plain word may also match inside a word.)
    pub fn last_may_be_prefix(&self) -> bool {
        !self.quoted || self.open
    }

    /// The single word of a plain word term.
    pub fn plain_word(&self) -> Option<&str> {
        (!self.quoted).then(|| self.words[0].as_str())
    }

    /// True when every skill matching `self` also matches `previous`, which it grew from.
    fn narrows(&self, previous: &Term) -> bool {
        match (previous.quoted, self.quoted) {
            // A word contained in a longer word, or in any word of a phrase.
            (false, _) => self.words.iter().any(|w| w.contains(&previous.words[0])),
            (true, true) => {
                let (n, m) = (previous.words.len(), self.words.len());
                n <= m
                    && previous.words[..n - 1] == self.words[..n - 1]
                    && match (&previous.words[n - 1], &self.words[n - 1]) {
                        (p, t) if previous.open => t.starts_with(p.as_str()),
                        (p, t) => t == p && (n < m || !self.open),
                    }
            }
            (true, false) => false,
        }
    }
}

/// The parsed query: its terms in the order typed, and the level it is narrowed to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    terms: Vec<Term>,
    level: Option<Level>,
    /// Every word of every term, in order: what a face marks in the text it shows.
    words: Vec<String>,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let mut query = Query::default();
        let mut rest = text;
        while let Some(quote) = rest.find('"') {
            query.add_plain(&rest[..quote]);
            let phrase = &rest[quote + 1..];
            let (inside, open) = match phrase.find('"') {
                Some(end) => (&phrase[..end], false),
                None => (phrase, true),
            };
            let words = split_words(inside);
            if !words.is_empty() {
                query.terms.push(Term {
                    words,
                    quoted: true,
                    open,
                });
            }
            rest = if open {
                ""
            } else {
                &phrase[inside.len() + 1..]
            };
        }
        query.add_plain(rest);
        query.words = (query.terms.iter())
            .flat_map(|term| term.words.iter().cloned())
            .collect();
        query
    }

    /// Plain text outside quotes: `level:N` tokens and words.
    fn add_plain(&mut self, text: &str) {
        for token in text.split_whitespace() {
            if let Some(level) = level_token(token) {
                self.level = Some(level);
                continue;
            }
            for word in split_words(token) {
                self.terms.push(Term {
                    words: vec![word],
                    quoted: false,
                    open: false,
                });
            }
        }
    }

    /// True when there is nothing to search for (a bare `level:N` lists nothing).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms, in the order typed.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// Every word of every term, in the order typed.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// The level a `level:N` narrows the search to.
    pub fn level(&self) -> Option<Level> {
        self.level
    }

    /// True for a query of one character (the first key typed): it is looked for in codes,
    /// names and categories only. One letter inside the statements says nothing, occurs about
    /// once in fifty bytes, and finding each would cost a frame at 10,000 skills.
    pub fn is_one_character(&self) -> bool {
        matches!(self.terms.as_slice(),
            [term] if term.plain_word().is_some_and(|word| word.chars().count() == 1))
    }

    /// True when every result of `self` is also a result of `previous`: the same level, and
    /// each earlier term grew into the term at the same position (the query only grew). Never
    /// after a query of one character, which left the text unsearched.
    pub fn narrows(&self, previous: &Query) -> bool {
        !previous.is_empty()
            && !previous.is_one_character()
            && (previous.level.is_none() || previous.level == self.level)
            && previous.terms.len() <= self.terms.len()
            && (previous.terms.iter())
                .zip(&self.terms)
                .all(|(p, t)| t.narrows(p))
    }
}

/// `level:N` (any case) with N from 1 to 7.
fn level_token(token: &str) -> Option<Level> {
    let (key, value) = token.split_once(':')?;
    if !key.eq_ignore_ascii_case("level") {
        return None;
    }
    value.parse::<u8>().ok().and_then(Level::new)
}

/// The folded words of `text`: its runs of letters and digits.
fn split_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(fold)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(query: &Query) -> Vec<(Vec<&str>, bool)> {
        (query.terms().iter())
            .map(|t| {
                (
                    t.words().iter().map(String::as_str).collect(),
                    t.is_quoted(),
                )
            })
            .collect()
    }

    #[test]
    fn one_character_is_a_query_of_its_own_that_nothing_narrows() {
        for text in ["g", "É", "g level:3", " 7 "] {
            assert!(Query::parse(text).is_one_character(), "{text}");
        }
        for text in ["go", "g h", "\"g\"", "level:3", "", "-"] {
            assert!(!Query::parse(text).is_one_character(), "{text}");
        }
        // "g" left the statements unsearched, so "go" must search everything again.
        assert!(!Query::parse("go").narrows(&Query::parse("g")));
        assert!(Query::parse("gov").narrows(&Query::parse("go")));
    }

    #[test]
    fn a_growing_query_narrows_the_previous_one() {
        let go = Query::parse("go");
        assert!(Query::parse("gov").narrows(&go));
        assert!(Query::parse("gov x").narrows(&go));
        assert!(!Query::parse("g").narrows(&go));
        assert!(!Query::parse("x go").narrows(&go));
        assert!(!go.narrows(&Query::default()));
    }

    #[test]
    fn a_phrase_being_typed_narrows_and_a_level_narrows() {
        let open = Query::parse("\"release ma");
        assert!(Query::parse("\"release man").narrows(&open));
        assert!(Query::parse("\"release man\"").narrows(&open));
        assert!(!Query::parse("\"release man\"").narrows(&Query::parse("\"release man\" x y")));
        assert!(!Query::parse("\"release m x\"").narrows(&Query::parse("\"release ma")));
        assert!(Query::parse("release \"ma").narrows(&Query::parse("release")));
        assert!(Query::parse("release level:4").narrows(&Query::parse("release")));
        assert!(!Query::parse("release level:4").narrows(&Query::parse("release level:5")));
        assert!(!Query::parse("release").narrows(&Query::parse("release level:5")));
        assert!(!Query::parse("rel").narrows(&Query::parse("\"rel\"")));
    }

    #[test]
    fn words_are_split_at_anything_but_letters_and_digits_and_folded() {
        let query = Query::parse("  Release\tÉTÉ\n large-scale, x ");
        assert_eq!(
            words_of(&query),
            [
                (vec!["release"], false),
                (vec!["été"], false),
                (vec!["large"], false),
                (vec!["scale"], false),
                (vec!["x"], false),
            ]
        );
        assert!(Query::parse(" \t - ").is_empty());
    }

    #[test]
    fn quotes_make_phrases_and_level_narrows() {
        let query = Query::parse("rollback \"Tools, and  people\" LEVEL:4 \"open phr");
        assert_eq!(
            words_of(&query),
            [
                (vec!["rollback"], false),
                (vec!["tools", "and", "people"], true),
                (vec!["open", "phr"], true),
            ]
        );
        assert_eq!(query.level(), Level::new(4));
        assert!(!query.terms()[1].last_may_be_prefix());
        assert!(query.terms()[2].last_may_be_prefix());
        assert_eq!(Query::parse("level:9").level(), None, "not a level");
        assert!(Query::parse("level:3").is_empty());
        assert!(Query::parse("\"\" \"").is_empty());
    }
}
