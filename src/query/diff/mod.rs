//! Word diff between the statements of two levels (or two skills), for `compare` and the browser.
//!
//! Two steps: statements are aligned in order (a statement pairs with the one on the other side
//! that says nearly the same thing; [`pairing`]), then each pair is diffed word by word
//! ([`words`]). Both steps do bounded work whatever the input, so a level of a hundred thousand
//! statements is compared in a moment instead of asking for gigabytes. Nothing here knows how the
//! result is drawn.

mod pairing;
mod similarity;
mod words;

use serde::Serialize;

use pairing::{pair_statements, PAIRING_BUDGET};
use similarity::pairing_words;
use words::{diff_pair, split_words, whole, WordBudget};

pub use similarity::PAIRING_THRESHOLD;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Unchanged,
    Added,
    Removed,
}

/// One word (no whitespace inside); renderers join words with single spaces. Fields in
/// alphabetical order: JSON output writes them as they stand, and JSON values sort their keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Word {
    pub change: Change,
    pub text: String,
}

/// One statement of one side, as words. `statement` is its index in that side's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffLine {
    pub statement: usize,
    pub words: Vec<Word>,
}

/// A row of the comparison: a pair of corresponding statements, or one side alone. Fields in
/// alphabetical order, as for [`Word`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffRow {
    /// A pair made by place, not by what the statements say: there were too many statements to
    /// pair by similarity (see [`compare_statements`]). Written to JSON only when true.
    #[serde(skip_serializing_if = "is_false")]
    pub by_position: bool,
    pub left: Option<DiffLine>,
    pub right: Option<DiffLine>,
}

fn is_false(value: &bool) -> bool {
    !value
}

/// Aligns statements (order-preserving, maximizing the total similarity of the pairs; a pair
/// needs a similarity of at least [`PAIRING_THRESHOLD`]), then word-diffs each pair: words only
/// on the right are Added (in right), only on the left Removed (in left). An unpaired left
/// statement is a row with left only, all words Removed; an unpaired right one a row with right
/// only, all Added. Between two pairs, unpaired left rows come before unpaired right rows.
///
/// Because the alignment keeps order, a statement that moved shows as removed where it was and
/// added where it is now (unless it is the one the alignment keeps in place); both rows carry
/// their `statement` index, so a renderer can still spot identical text.
///
/// Words are split at whitespace and compared case-sensitively; trailing punctuation
/// (`.,;:!?` and their full-width forms) is ignored, so "rollback." matches "rollback". Each side
/// keeps its own text. Text without spaces (Chinese, Japanese) is one word per run, so such
/// statements diff as whole runs. No Unicode normalization: "é" precomposed and decomposed differ.
///
/// Too many statements to compare every one with every other (their words multiplied past
/// [`pairing`]'s budget): statements identical on both sides pair first, the stretches between
/// them are aligned as above while the budget lasts, and the rest pair by position, statement i
/// of a stretch with its statement i. Those rows are [`DiffRow::by_position`]. The word diffs share
/// a budget too: past it (thousands of pairs of very long statements), a pair keeps the words it
/// starts and ends with and the rest of each side is removed or added ([`words`]).
pub fn compare_statements(left: &[String], right: &[String]) -> Vec<DiffRow> {
    let left_words: Vec<Vec<&str>> = left.iter().map(|s| split_words(s)).collect();
    let right_words: Vec<Vec<&str>> = right.iter().map(|s| split_words(s)).collect();
    let pairs = {
        // Dropped before the rows are made, which hold as many words again.
        let [left_keys, right_keys] = pairing_words(&left_words, &right_words);
        pair_statements(&left_keys, &right_keys, PAIRING_BUDGET).pairs
    };

    let mut word_budget = WordBudget::new();
    let mut rows = Vec::with_capacity(left.len().max(right.len()));
    let (mut next_left, mut next_right) = (0, 0);
    let ends = [pairing::Pair {
        left: left.len(),
        right: right.len(),
        by_position: false,
    }];
    for pair in pairs.iter().chain(&ends) {
        let (i, j) = (pair.left, pair.right);
        rows.extend((next_left..i).map(|l| DiffRow {
            left: Some(whole(l, &left_words[l], Change::Removed)),
            right: None,
            by_position: false,
        }));
        rows.extend((next_right..j).map(|r| DiffRow {
            left: None,
            right: Some(whole(r, &right_words[r], Change::Added)),
            by_position: false,
        }));
        if i < left.len() && j < right.len() {
            let (left_pair, right_pair) = ((i, &left_words[i][..]), (j, &right_words[j][..]));
            let mut row = diff_pair(left_pair, right_pair, &mut word_budget);
            row.by_position = pair.by_position;
            rows.push(row);
        }
        (next_left, next_right) = (i + 1, j + 1);
    }
    rows
}

/// Counts for a summary line: (added words, removed words, unchanged words). Unchanged words
/// are counted once per pair, not once per side.
pub fn change_counts(rows: &[DiffRow]) -> (usize, usize, usize) {
    let mut counts = (0, 0, 0);
    let sides = rows
        .iter()
        .flat_map(|row| [(&row.left, true), (&row.right, false)]);
    for (line, is_left) in sides {
        for word in line.iter().flat_map(|l| &l.words) {
            match word.change {
                Change::Added => counts.0 += 1,
                Change::Removed => counts.1 += 1,
                Change::Unchanged if is_left => counts.2 += 1,
                Change::Unchanged => {}
            }
        }
    }
    counts
}

/// How many rows pair statements by position rather than by what they say; a summary says so
/// when there are any.
pub fn paired_by_position(rows: &[DiffRow]) -> usize {
    rows.iter().filter(|row| row.by_position).count()
}

#[cfg(test)]
mod tests;
