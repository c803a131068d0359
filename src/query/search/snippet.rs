//! What a shown hit displays: a snippet of the line where it matched, with the matched ranges
//! marked, and the matched characters of code and name. Built only for the hits on screen (or
//! printed), never during the search itself.

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use super::fold::fold;
use super::matching::{Kind, Matcher};
use super::{Hit, Query, Term};
use crate::data::catalog::Entry;

/// How much text a snippet shows before the match, and in all (of the match's line).
const SNIPPET_BEFORE: usize = 40;
const SNIPPET_LENGTH: usize = 120;

/// What a hit shows: a snippet with the matched ranges, and the matched characters of code and
/// name for highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HitDetail {
    pub snippet: String,
    /// Byte ranges of `snippet` that matched a term.
    pub snippet_ranges: Vec<Range<usize>>,
    /// Char indices of the code that matched.
    pub code_matches: Vec<usize>,
    /// Char indices of the name that matched.
    pub name_matches: Vec<usize>,
}

/// The snippet and highlights of a hit on `entry` (the entry the hit names).
pub fn hit_detail(entry: &Entry, hit: &Hit, query: &Query) -> HitDetail {
    let matcher = SkimMatcherV2::default().ignore_case();
    let (snippet, snippet_ranges) = match hit.body_match {
        Some((field, offset)) => snippet_around(field.text(entry), offset, query.terms()),
        None => (String::new(), Vec::new()),
    };
    HitDetail {
        snippet,
        snippet_ranges,
        code_matches: matched_chars(&matcher, entry.skill.code.as_str(), query.terms()),
        name_matches: matched_chars(&matcher, &entry.skill.name, query.terms()),
    }
}

/// The char indices of `text` that the terms take: where they stand as text, else (a plain
/// word) where its fuzzy match falls; ascending, each once.
fn matched_chars(matcher: &SkimMatcherV2, text: &str, terms: &[Term]) -> Vec<usize> {
    let ranges = term_ranges(text, terms);
    let mut matched: Vec<usize> = (text.char_indices().enumerate())
        .filter(|(_, (at, _))| ranges.iter().any(|r| r.contains(at)))
        .map(|(i, _)| i)
        .collect();
    let unmatched =
        (terms.iter()).filter(|term| term_ranges(text, std::slice::from_ref(term)).is_empty());
    matched.extend(
        unmatched
            .filter_map(|term| term.plain_word())
            .filter_map(|word| matcher.fuzzy_indices(text, word))
            .flat_map(|(_, indices)| indices),
    );
    matched.sort_unstable();
    matched.dedup();
    matched
}

/// A window of the line of `text` holding byte `offset`, cut at char boundaries (and word
/// boundaries where possible), with every place a term stands marked.
fn snippet_around(text: &str, offset: usize, terms: &[Term]) -> (String, Vec<Range<usize>>) {
    let window = window_around(text, offset);
    let prefix = if window.start > 0 { "…" } else { "" };
    let suffix = if window.end < text.len() { "…" } else { "" };
    let shown = &text[window];
    let snippet = format!("{prefix}{shown}{suffix}");
    let ranges = term_ranges(shown, terms)
        .into_iter()
        .map(|range| prefix.len() + range.start..prefix.len() + range.end)
        .collect();
    (snippet, ranges)
}

/// The bytes of `text` a snippet of the match at `offset` shows: of the match's line, some
/// text before it and the rest of the snippet's length after, cut at char boundaries, and at
/// spaces where there are.
fn window_around(text: &str, offset: usize) -> Range<usize> {
    let line_start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
    let line_end = text[offset..]
        .find('\n')
        .map_or(text.len(), |at| offset + at);
    let mut start = offset.saturating_sub(SNIPPET_BEFORE).max(line_start);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    if start > line_start {
        if let Some(space) = text[start..offset].find(' ') {
            start += space + 1;
        }
    }
    let mut end = (start + SNIPPET_LENGTH).min(line_end);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if end < line_end {
        if let Some(space) = text[offset..end].rfind(' ') {
            end = offset + space;
        }
    }
    start..end
}

/// The byte ranges of `text` where the terms stand, in order, overlapping ones merged. A term
/// is marked where it stands best: as a whole word if it does, else as a word's start, else
/// inside words ("to" is not marked in "tools" beside the word "to").
fn term_ranges(text: &str, terms: &[Term]) -> Vec<Range<usize>> {
    let folded = fold(text);
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for term in terms {
        let matcher = Matcher::new(term);
        let found: Vec<_> = matcher.occurrences(folded.as_bytes()).collect();
        let best = found.iter().map(|o| o.kind).max().unwrap_or(Kind::None);
        ranges.extend((found.iter()).filter(|o| o.kind == best).map(|o| o.range()));
    }
    ranges.sort_by_key(|r| r.start);
    merge_ranges(ranges)
}

fn merge_ranges(ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(query: &str) -> Vec<Term> {
        Query::parse(query).terms().to_vec()
    }

    #[test]
    fn snippets_cut_at_char_boundaries_in_wide_text() {
        let text = "日本語".repeat(100) + " rollback " + &"語".repeat(100);
        let offset = text.find("rollback").unwrap();
        let (snippet, ranges) = snippet_around(&text, offset, &terms("rollback"));
        assert_eq!(&snippet[ranges[0].clone()], "rollback");
        assert!(snippet.starts_with('…') && snippet.ends_with('…'));
    }

    #[test]
    fn each_term_is_marked_where_it_stands_best_and_once() {
        let text = "Plans the release; releases are planned.";
        let (snippet, ranges) = snippet_around(text, 10, &terms("release plan lease"));
        assert_eq!(snippet, text, "short text is shown whole");
        let marked: Vec<&str> = ranges.iter().map(|r| &snippet[r.clone()]).collect();
        // "release" as a word, not in "releases"; "plan" starts two words; "lease" stands only
        // inside words, in "release" (one mark with it) and in "releases".
        assert_eq!(marked, ["Plan", "release", "lease", "plan"]);
    }

    #[test]
    fn a_snippet_is_the_line_of_the_match_and_marks_words_not_insides() {
        let text = "Intro line.\n- adopting tools to ship\n- another bullet";
        let offset = text.find("tools").unwrap();
        let (snippet, ranges) = snippet_around(text, offset, &terms("to ship"));
        assert_eq!(snippet, "…- adopting tools to ship…");
        let marked: Vec<&str> = ranges.iter().map(|r| &snippet[r.clone()]).collect();
        assert_eq!(
            marked,
            ["to", "ship"],
            "\"to\" stands as a word: not inside \"tools\""
        );
        let (_, ranges) = snippet_around(text, offset, &terms("\"tools to\""));
        assert_eq!(ranges.len(), 1);
    }
}
