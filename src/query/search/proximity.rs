//! How closely a query's terms stand together in one field: the longest run of terms in query
//! order with only punctuation and spaces between them, how few words the closest group of all
//! of them spans, and how many neighbouring terms follow each other directly.

use super::matching::{next_word_start, words_in, Occurrence};

/// The most occurrences of one term in one field that proximity looks at: enough for any real
/// statement, and it bounds the work a field of one repeated word can cause.
pub(super) const MOST_PER_FIELD: usize = 32;

/// How closely the terms stand in one field; larger is closer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Proximity {
    /// The most terms in a row, in query order, each right after the one before.
    pub run: u32,
    /// Words covered by the shortest stretch holding every term found in the field.
    pub span: u32,
    /// Neighbouring terms of the query of which the second directly follows the first.
    pub pairs: u32,
    /// Where that shortest stretch starts: what a snippet shows.
    pub start: usize,
}

/// The proximity of the terms in `text`, given each term's occurrences there (in order of
/// their starts; an empty list for a term not in the field).
pub(super) fn proximity(text: &[u8], terms: &[&[Occurrence]]) -> Proximity {
    let (run, pairs) = runs(text, terms);
    let (span, start) = shortest_span(text, terms);
    Proximity {
        run,
        span,
        pairs,
        start,
    }
}

/// The longest run of terms in query order, each directly after the one before, and how many
/// neighbouring terms follow each other directly somewhere.
fn runs(text: &[u8], terms: &[&[Occurrence]]) -> (u32, u32) {
    // For the previous term's occurrences: where the next word starts, and the run ending there.
    let mut previous: Vec<(Option<usize>, u32)> = Vec::new();
    let mut current: Vec<(Option<usize>, u32)> = Vec::new();
    let (mut longest, mut pairs) = (0, 0);
    for occurrences in terms {
        current.clear();
        let mut follows = false;
        for occurrence in occurrences.iter() {
            let before = (previous.iter())
                .filter(|(next, _)| *next == Some(occurrence.word_start))
                .map(|(_, run)| *run)
                .max();
            follows |= before.is_some();
            let run = before.unwrap_or(0) + 1;
            longest = longest.max(run);
            current.push((next_word_start(text, occurrence.word_end), run));
        }
        pairs += u32::from(follows);
        std::mem::swap(&mut previous, &mut current);
    }
    (longest, pairs)
}

/// The words in the shortest stretch of `text` that holds an occurrence of every term found
/// in it, and where that stretch starts.
fn shortest_span(text: &[u8], terms: &[&[Occurrence]]) -> (u32, usize) {
    let mut all: Vec<(usize, usize, usize)> = (terms.iter().enumerate())
        .flat_map(|(term, list)| list.iter().map(move |o| (o.word_start, o.word_end, term)))
        .collect();
    if all.is_empty() {
        return (0, 0);
    }
    all.sort_unstable();
    let wanted = terms.iter().filter(|list| !list.is_empty()).count();
    let mut counts = vec![0u32; terms.len()];
    let (mut held, mut first) = (0, 0);
    let mut best: Option<(usize, usize)> = None;
    for last in 0..all.len() {
        let term = all[last].2;
        counts[term] += 1;
        held += usize::from(counts[term] == 1);
        while held == wanted {
            let (start, end) = (all[first].0, all[last].1.max(all[first].1));
            if best.is_none_or(|(s, e)| end - start < e - s) {
                best = Some((start, end));
            }
            let leaving = all[first].2;
            counts[leaving] -= 1;
            held -= usize::from(counts[leaving] == 0);
            first += 1;
        }
    }
    let (start, end) = best.expect("every term found is held somewhere");
    (words_in(text, start..end) as u32, start)
}

#[cfg(test)]
mod tests {
    use super::super::matching::Matcher;
    use super::*;
    use crate::query::search::Query;

    fn measure(query: &str, text: &str) -> Proximity {
        let query = Query::parse(query);
        let lists: Vec<Vec<Occurrence>> = (query.terms().iter())
            .map(|term| Matcher::new(term).occurrences(text.as_bytes()).collect())
            .collect();
        let slices: Vec<&[Occurrence]> = lists.iter().map(Vec::as_slice).collect();
        proximity(text.as_bytes(), &slices)
    }

    #[test]
    fn words_in_a_row_and_in_order_are_closest() {
        let in_a_row = measure("tools and people", "methods, tools, and people");
        assert_eq!((in_a_row.run, in_a_row.span, in_a_row.pairs), (3, 3, 2));
        assert_eq!(in_a_row.start, 9);
        let reordered = measure("tools and people", "people and tools");
        assert_eq!((reordered.run, reordered.span, reordered.pairs), (1, 3, 0));
        let apart = measure("tools people", "tools for all the people");
        assert_eq!((apart.run, apart.span), (1, 5));
        let missing = measure("tools absent", "the tools");
        assert_eq!((missing.run, missing.span, missing.pairs), (1, 1, 0));
    }

    #[test]
    fn a_repeated_word_counts_each_time() {
        let twice = measure("life cycle life", "life cycle life");
        assert_eq!((twice.run, twice.pairs), (3, 2));
        let once = measure("life cycle life", "life cycle");
        assert_eq!((once.run, once.pairs), (2, 1));
    }
}
