//! Words: how a statement is split into words, what a word is compared by, and the word diff of
//! a pair of statements.

use std::ops::Range;

use similar::{capture_diff_slices, Algorithm, DiffTag};

use super::{Change, DiffLine, DiffRow, Word};

pub(super) fn split_words(statement: &str) -> Vec<&str> {
    statement.split_whitespace().collect()
}

/// Trailing punctuation that does not make two words different.
const IGNORED_TRAILING: &[char] = &[
    '.', ',', ';', ':', '!', '?', '。', '，', '、', '；', '：', '！', '？',
];

/// What a word is compared by: itself without trailing punctuation (unless that is all it is).
pub(super) fn key(word: &str) -> &str {
    match word.trim_end_matches(IGNORED_TRAILING) {
        "" => word,
        stripped => stripped,
    }
}

pub(super) fn keys<'a>(words: &[&'a str]) -> Vec<&'a str> {
    words.iter().map(|w| key(w)).collect()
}

/// How much work the word diffs of one comparison may do the smallest way, counted per pair as
/// its words (both sides together) squared: the most that diff's work grows to, when nearly
/// every word differs. Far more than levels of real statements need; once spent (pairs of
/// statements of hundreds of words, by the thousand), the remaining pairs are diffed
/// [`around_the_middle`].
pub(super) const WORD_DIFF_BUDGET: u64 = 200_000_000;

/// What the word diffs of one comparison may still spend (see [`WORD_DIFF_BUDGET`]).
#[derive(Debug)]
pub(super) struct WordBudget {
    left: u64,
}

impl WordBudget {
    pub(super) fn new() -> WordBudget {
        WordBudget {
            left: WORD_DIFF_BUDGET,
        }
    }

    /// Spends the cost of diffing `words` the smallest way, if that much is left.
    fn spend(&mut self, words: usize) -> bool {
        let cost = (words as u64).saturating_mul(words as u64);
        let affordable = cost <= self.left;
        if affordable {
            self.left -= cost;
        }
        affordable
    }
}

/// Runs of words: (what they are, left words, right words), in order.
type WordOps = Vec<(DiffTag, Range<usize>, Range<usize>)>;

/// The word diff of two statements' keys: the smallest while `budget` lasts, else
/// [`around_the_middle`].
fn word_ops(left: &[&str], right: &[&str], budget: &mut WordBudget) -> WordOps {
    let (left, right) = (keys(left), keys(right));
    if !budget.spend(left.len() + right.len()) {
        return around_the_middle(&left, &right);
    }
    (capture_diff_slices(Algorithm::Myers, &left, &right).iter())
        .map(|op| op.as_tag_tuple())
        .collect()
}

/// A diff that keeps the words both sides start and end with, and replaces the rest: linear in
/// the words, whatever they are.
fn around_the_middle(left: &[&str], right: &[&str]) -> WordOps {
    let start = (left.iter().zip(right)).take_while(|(l, r)| l == r).count();
    let end = (left[start..].iter().rev())
        .zip(right[start..].iter().rev())
        .take_while(|(l, r)| l == r)
        .count();
    let (left_middle, right_middle) = (start..left.len() - end, start..right.len() - end);
    let middle = match (left_middle.is_empty(), right_middle.is_empty()) {
        (true, true) => None,
        (false, true) => Some(DiffTag::Delete),
        (true, false) => Some(DiffTag::Insert),
        (false, false) => Some(DiffTag::Replace),
    };
    let mut ops = Vec::with_capacity(3);
    if start > 0 {
        ops.push((DiffTag::Equal, 0..start, 0..start));
    }
    if let Some(tag) = middle {
        ops.push((tag, left_middle, right_middle));
    }
    if end > 0 {
        let (left_end, right_end) = (left.len() - end, right.len() - end);
        ops.push((DiffTag::Equal, left_end..left.len(), right_end..right.len()));
    }
    ops
}

pub(super) fn whole(statement: usize, words: &[&str], change: Change) -> DiffLine {
    DiffLine {
        statement,
        words: words.iter().map(|w| word(w, change)).collect(),
    }
}

fn word(text: &str, change: Change) -> Word {
    Word {
        text: text.to_string(),
        change,
    }
}

/// Statement `i` (words `left`) against statement `j` (words `right`), word by word.
pub(super) fn diff_pair(
    (i, left): (usize, &[&str]),
    (j, right): (usize, &[&str]),
    budget: &mut WordBudget,
) -> DiffRow {
    let mut left_line = DiffLine {
        statement: i,
        words: Vec::with_capacity(left.len()),
    };
    let mut right_line = DiffLine {
        statement: j,
        words: Vec::with_capacity(right.len()),
    };
    for (tag, old, new) in word_ops(left, right, budget) {
        let (left_change, right_change) = match tag {
            DiffTag::Equal => (Change::Unchanged, Change::Unchanged),
            DiffTag::Delete | DiffTag::Insert | DiffTag::Replace => {
                (Change::Removed, Change::Added)
            }
        };
        let left_words = left[old].iter().map(|w| word(w, left_change));
        left_line.words.extend(left_words);
        let right_words = right[new].iter().map(|w| word(w, right_change));
        right_line.words.extend(right_words);
    }
    DiffRow {
        left: Some(left_line),
        right: Some(right_line),
        by_position: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The words of `line` with the given change, joined by spaces.
    fn changed(line: &Option<DiffLine>, change: Change) -> String {
        let words = line.iter().flat_map(|l| &l.words);
        let texts: Vec<&str> = (words.filter(|w| w.change == change))
            .map(|w| w.text.as_str())
            .collect();
        texts.join(" ")
    }

    /// `words` as the slices a statement splits into.
    fn split(words: &[String]) -> Vec<&str> {
        words.iter().map(String::as_str).collect()
    }

    /// The words of a [`long_statement`] between "Plans the" and its last word.
    fn middle(words: &[&str]) -> String {
        words[2..words.len() - 1].join(" ")
    }

    /// "Plans the", `count` words made of `side` and a number, then `last`.
    fn long_statement(side: &str, count: usize, last: &str) -> Vec<String> {
        let middle = (0..count).map(|n| format!("{side}{n}"));
        let words = ["Plans", "the"].into_iter().map(String::from);
        words.chain(middle).chain([last.to_string()]).collect()
    }

    #[test]
    fn past_the_budget_pairs_keep_their_common_ends_and_replace_the_middle() {
        // Every word of the middle differs: the smallest diff would cost the words squared.
        let left = long_statement("l", 300, "releases.");
        let right = long_statement("r", 300, "releases");
        let (left, right) = (split(&left), split(&right));
        let cost = ((left.len() + right.len()) as u64).pow(2);
        // Enough for one such pair: the next is diffed around the middle, and so is the one
        // after, though a short pair would still fit.
        let mut budget = WordBudget { left: cost + 5 };
        let row = diff_pair((0, &left), (0, &right), &mut budget);
        assert_eq!(changed(&row.left, Change::Removed), middle(&left));
        assert_eq!(budget.left, 5);
        let row = diff_pair((1, &left), (1, &right), &mut budget);
        assert_eq!(changed(&row.left, Change::Unchanged), "Plans the releases.");
        assert_eq!(changed(&row.right, Change::Unchanged), "Plans the releases");
        assert_eq!(changed(&row.left, Change::Removed), middle(&left));
        assert_eq!(changed(&row.right, Change::Added), middle(&right));
        assert_eq!(budget.left, 5);
        let all = 0..left.len();
        assert_eq!(
            around_the_middle(&left, &left),
            [(DiffTag::Equal, all.clone(), all)]
        );
    }

    #[test]
    fn the_smallest_diff_keeps_what_the_coarse_one_would_not() {
        // One word moved from the front to the back.
        let left: Vec<String> = (0..300).map(|n| format!("w{n}")).collect();
        let mut right = left.clone();
        right.rotate_left(1);
        let (left, right) = (split(&left), split(&right));
        let mut budget = WordBudget::new();
        let row = diff_pair((0, &left), (0, &right), &mut budget);
        assert_eq!(changed(&row.left, Change::Removed), "w0");
        assert_eq!(changed(&row.right, Change::Added), "w0");
        assert_eq!(WORD_DIFF_BUDGET - budget.left, 600 * 600);
        let coarse = around_the_middle(&left, &right);
        assert_eq!(coarse, [(DiffTag::Replace, 0..300, 0..300)]);
    }

    #[test]
    fn thousands_of_long_pairs_stay_within_the_budget() {
        // Two thousand pairs of five hundred different words each, with a budget for ten.
        let left = long_statement("l", 500, "end");
        let right = long_statement("r", 500, "end");
        let (left, right) = (split(&left), split(&right));
        let per_pair = ((left.len() + right.len()) as u64).pow(2);
        let mut budget = WordBudget {
            left: 10 * per_pair + per_pair / 2,
        };
        let mut smallest = 0;
        for n in 0..2_000 {
            let before = budget.left;
            let row = diff_pair((n, &left), (n, &right), &mut budget);
            smallest += usize::from(budget.left < before);
            assert_eq!(changed(&row.left, Change::Unchanged), "Plans the end");
        }
        assert_eq!(smallest, 10);
        assert_eq!(budget.left, per_pair / 2);
    }

    proptest! {
        /// The coarse diff is a diff: each side's words come back in order, and the words it
        /// keeps are the same on both sides.
        #[test]
        fn the_coarse_diff_rebuilds_both_sides(
            left in prop::collection::vec("[a-c]{1,2}", 0..12),
            right in prop::collection::vec("[a-c]{1,2}", 0..12),
        ) {
            let (left, right) = (split(&left), split(&right));
            let ops = around_the_middle(&left, &right);
            let (mut next_left, mut next_right) = (0, 0);
            for (tag, old, new) in ops {
                prop_assert_eq!((old.start, new.start), (next_left, next_right));
                if tag == DiffTag::Equal {
                    prop_assert_eq!(&left[old.clone()], &right[new.clone()]);
                }
                (next_left, next_right) = (old.end, new.end);
            }
            prop_assert_eq!((next_left, next_right), (left.len(), right.len()));
        }
    }
}
