//! What a shown hit displays: a snippet of the text where it matched, with the matched ranges
//! marked, and the matched characters of code and name. Built only for the hits on screen (or
//! printed), never during the search itself.

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use memchr::memmem;

use super::fold::fold;
use super::{Hit, Query};
use crate::data::catalog::Entry;

/// How much text a snippet shows before the match, and in all.
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

/// The char indices of `text` that any term's fuzzy match takes, ascending, each once.
fn matched_chars(matcher: &SkimMatcherV2, text: &str, terms: &[String]) -> Vec<usize> {
    let mut matched: Vec<usize> = (terms.iter())
        .filter_map(|term| matcher.fuzzy_indices(text, term))
        .flat_map(|(_, indices)| indices)
        .collect();
    matched.sort_unstable();
    matched.dedup();
    matched
}

/// A window of `text` around byte `offset`, cut at char boundaries (and word boundaries where
/// possible), with every occurrence of any term marked.
fn snippet_around(text: &str, offset: usize, terms: &[String]) -> (String, Vec<Range<usize>>) {
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

/// The bytes of `text` a snippet of the match at `offset` shows: some text before it and the
/// rest of the snippet's length after, cut at char boundaries, and at spaces where there are.
fn window_around(text: &str, offset: usize) -> Range<usize> {
    let mut start = offset.saturating_sub(SNIPPET_BEFORE);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    if start > 0 {
        if let Some(space) = text[start..offset].find(' ') {
            start += space + 1;
        }
    }
    let mut end = (start + SNIPPET_LENGTH).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if end < text.len() {
        if let Some(space) = text[offset..end].rfind(' ') {
            end = offset + space;
        }
    }
    start..end
}

/// The byte ranges of `text` where any term occurs, in order, overlapping ones merged.
fn term_ranges(text: &str, terms: &[String]) -> Vec<Range<usize>> {
    let folded = fold(text);
    let mut ranges: Vec<Range<usize>> = terms
        .iter()
        .flat_map(|term| {
            memmem::find_iter(folded.as_bytes(), term.as_bytes())
                .map(|at| at..at + term.len())
                .collect::<Vec<_>>()
        })
        .collect();
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

    #[test]
    fn snippets_cut_at_char_boundaries_in_wide_text() {
        let text = "日本語".repeat(100) + " rollback " + &"語".repeat(100);
        let offset = text.find("rollback").unwrap();
        let (snippet, ranges) = snippet_around(&text, offset, &["rollback".to_string()]);
        assert_eq!(&snippet[ranges[0].clone()], "rollback");
        assert!(snippet.starts_with('…') && snippet.ends_with('…'));
    }

    #[test]
    fn every_occurrence_of_every_term_is_marked_once() {
        let text = "Plans the release; releases are planned.";
        let terms = [
            "release".to_string(),
            "plan".to_string(),
            "lease".to_string(),
        ];
        let (snippet, ranges) = snippet_around(text, 10, &terms);
        assert_eq!(snippet, text, "short text is shown whole");
        let marked: Vec<&str> = ranges.iter().map(|r| &snippet[r.clone()]).collect();
        assert_eq!(marked, ["Plan", "release", "release", "plan"]);
    }
}
