//! Where a term stands in folded text, and how well: a whole word, the start of a word, or
//! inside one; a phrase's words in a row with only punctuation and spaces between them. Works
//! on bytes that may hold the index's field separator (a byte that is never text), which no
//! match crosses.

use std::ops::Range;

use memchr::memmem;

use super::query::Term;

/// How well a term matched at one place; the order is the ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(super) enum Kind {
    #[default]
    None = 0,
    /// Code or name only: the letters in order, not in a row.
    Fuzzy = 1,
    Inside = 2,
    Prefix = 3,
    Whole = 4,
}

/// One place a term stands: the bytes it covers and the words around them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Occurrence {
    pub kind: Kind,
    /// The matched bytes.
    pub start: usize,
    pub end: usize,
    /// The start of the word the match begins in, and the end of the word it ends in.
    pub word_start: usize,
    pub word_end: usize,
}

impl Occurrence {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A term prepared for searching: its first word's finder.
pub(super) struct Matcher<'q> {
    pub term: &'q Term,
    finder: memmem::Finder<'q>,
}

impl<'q> Matcher<'q> {
    pub fn new(term: &'q Term) -> Matcher<'q> {
        Matcher {
            term,
            finder: memmem::Finder::new(term.words()[0].as_bytes()),
        }
    }

    /// Every place the term stands in `text`, in order of their starts.
    pub fn occurrences<'t>(&'t self, text: &'t [u8]) -> impl Iterator<Item = Occurrence> + 't {
        self.finder
            .find_iter(text)
            .filter_map(move |at| self.occurrence_at(text, at))
    }

    /// Where the term stands in `text` and how well, without the words around: what a sweep
    /// over every skill needs, at a byte's look either side of a plain word.
    pub fn kinds<'t>(&'t self, text: &'t [u8]) -> impl Iterator<Item = (usize, Kind)> + 't {
        self.finder.find_iter(text).filter_map(move |at| {
            if self.term.is_quoted() {
                return self.occurrence_at(text, at).map(|o| (at, o.kind));
            }
            let starts = !is_word_before(text, at);
            let ends = !is_word_at(text, at + self.term.words()[0].len());
            let kind = match (starts, ends) {
                (true, true) => Kind::Whole,
                (true, false) => Kind::Prefix,
                _ => Kind::Inside,
            };
            Some((at, kind))
        })
    }

    /// The term standing at `at`, where its first word was found, if it does.
    pub fn occurrence_at(&self, text: &[u8], at: usize) -> Option<Occurrence> {
        let words = self.term.words();
        let first_end = at + words[0].len();
        let word_start = start_of_word(text, at);
        let starts = word_start == at;
        if !self.term.is_quoted() {
            let word_end = end_of_word(text, first_end);
            let kind = match (starts, word_end == first_end) {
                (true, true) => Kind::Whole,
                (true, false) => Kind::Prefix,
                _ => Kind::Inside,
            };
            return Some(Occurrence {
                kind,
                start: at,
                end: first_end,
                word_start,
                word_end,
            });
        }
        if !starts {
            return None;
        }
        let last = words.len() - 1;
        let mut end = first_end;
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                let next = next_word_start(text, end)?;
                if !text[next..].starts_with(word.as_bytes()) {
                    return None;
                }
                end = next + word.len();
            }
            let ends_word = end_of_word(text, end) == end;
            if !(ends_word || i == last && self.term.last_may_be_prefix()) {
                return None;
            }
        }
        let word_end = end_of_word(text, end);
        Some(Occurrence {
            kind: if word_end == end {
                Kind::Whole
            } else {
                Kind::Prefix
            },
            start: at,
            end,
            word_start,
            word_end,
        })
    }
}

/// Whether the character starting at byte `at` is a letter or digit (false at the end, on a
/// separator or on a byte that starts no character).
fn is_word_at(text: &[u8], at: usize) -> bool {
    match text.get(at) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => char_at(text, at).is_some_and(char::is_alphanumeric),
    }
}

/// Whether the character ending just before byte `at` is a letter or digit.
fn is_word_before(text: &[u8], at: usize) -> bool {
    if at == 0 {
        return false;
    }
    let b = text[at - 1];
    if b.is_ascii() {
        return b.is_ascii_alphanumeric();
    }
    let start = (at.saturating_sub(4)..at)
        .rev()
        .find(|&i| !(0x80..0xc0).contains(&text[i]))
        .unwrap_or(at - 1);
    char_at(text, start).is_some_and(char::is_alphanumeric)
}

/// The character starting at byte `at`, if one does.
fn char_at(text: &[u8], at: usize) -> Option<char> {
    let len = match text[at] {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return None,
    };
    let bytes = text.get(at..at + len)?;
    std::str::from_utf8(bytes).ok()?.chars().next()
}

/// The start of the word holding the character that starts at `at` (or `at`, if that
/// character is not in a word).
pub(super) fn start_of_word(text: &[u8], mut at: usize) -> usize {
    while is_word_before(text, at) {
        at -= 1;
        while at > 0 && (0x80..0xc0).contains(&text[at]) {
            at -= 1;
        }
    }
    at
}

/// The end of the word running on from `at` (or `at`, if no word character starts there).
pub(super) fn end_of_word(text: &[u8], mut at: usize) -> usize {
    while is_word_at(text, at) {
        at += 1;
        while at < text.len() && (0x80..0xc0).contains(&text[at]) {
            at += 1;
        }
    }
    at
}

/// The start of the next word at or after `at`, skipping anything but letters, digits and
/// the field separator; `None` at a separator or the end.
pub(super) fn next_word_start(text: &[u8], mut at: usize) -> Option<usize> {
    while at < text.len() {
        if text[at] == super::index::SEPARATOR {
            return None;
        }
        if is_word_at(text, at) {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// How many words start in `range` of `text`.
pub(super) fn words_in(text: &[u8], range: Range<usize>) -> usize {
    let mut count = 0;
    let mut at = range.start;
    while let Some(start) = next_word_start(&text[..range.end], at) {
        count += 1;
        at = end_of_word(text, start).max(start + 1);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::search::Query;

    fn found(query: &str, text: &[u8]) -> Vec<(Kind, String)> {
        let query = Query::parse(query);
        let matcher = Matcher::new(&query.terms()[0]);
        matcher
            .occurrences(text)
            .map(|o| {
                (
                    o.kind,
                    String::from_utf8_lossy(&text[o.range()]).into_owned(),
                )
            })
            .collect()
    }

    fn kinds(found: &[(Kind, String)]) -> Vec<(Kind, &str)> {
        found.iter().map(|(k, s)| (*k, s.as_str())).collect()
    }

    #[test]
    fn words_match_whole_at_a_start_or_inside() {
        assert_eq!(
            kinds(&found("to", b"to tools, into; To")),
            [
                (Kind::Whole, "to"),
                (Kind::Prefix, "to"),
                (Kind::Inside, "to"),
            ]
        );
        let text = "l'été étés".as_bytes();
        assert_eq!(
            kinds(&found("été", text)),
            [(Kind::Whole, "été"), (Kind::Prefix, "été")]
        );
        let text = "日本ab ab".as_bytes();
        assert_eq!(
            kinds(&found("ab", text)),
            [(Kind::Inside, "ab"), (Kind::Whole, "ab")]
        );
    }

    #[test]
    fn phrases_match_words_in_a_row_across_punctuation_only() {
        let text = b"methods, tools and people; tools, and people\xfftools and peoples";
        assert_eq!(
            kinds(&found("\"tools and people\"", text)),
            [
                (Kind::Whole, "tools and people"),
                (Kind::Whole, "tools, and people")
            ]
        );
        assert_eq!(
            found("\"tools and peop", text).len(),
            3,
            "an open phrase's last word may be a start"
        );
        assert!(
            found("\"ools and people\"", text).is_empty(),
            "words start words"
        );
        assert_eq!(found("\"people tools\"", text).len(), 1, "people; tools");
        assert!(
            found("\"people tools\"", b"and people\xfftools").is_empty(),
            "no match across a separator"
        );
    }

    #[test]
    fn word_helpers_count_and_skip() {
        let text = b"a-b,  cd\xffe";
        assert_eq!(next_word_start(text, 1), Some(2));
        assert_eq!(next_word_start(text, 8), None);
        assert_eq!(end_of_word(text, 6), 8);
        assert_eq!(start_of_word(text, 7), 6);
        assert_eq!(words_in(text, 0..8), 3);
    }
}
