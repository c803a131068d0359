//! Which statements pair, in bounded work.
//!
//! When comparing every statement of one side with every statement of the other fits
//! [`PAIRING_BUDGET`], the pairing is the order-preserving one of greatest total similarity
//! ([`exact_pairs`]): every ordinary comparison is made that way. Past the budget (levels of
//! thousands of statements, where that would take minutes and gigabytes), statements found once
//! on each side, word for word, anchor the pairing in order; the stretches between anchors are
//! paired exactly, cheapest first, while the budget lasts; the others pair by position.

use std::collections::HashMap;
use std::ops::Range;

use super::similarity::{pairing_words_score, PairingWords};

/// The most work pairing does by comparing statements, counted as the words of the statements
/// on the left times the words of those on the right that are compared with each other, each
/// statement counting [`SCORING_WORDS`] more than it has. Scoring two statements costs about
/// their words multiplied, and the table of the exact pairing has a cell per two statements, so
/// this bounds both the time and the memory. Real levels (a dozen statements of a few dozen
/// words) are far below it; a hundred or two statements a side reach it.
pub(super) const PAIRING_BUDGET: u64 = 10_000_000;

/// Scoring two statements costs something however few their words: in the work counted against
/// [`PAIRING_BUDGET`], each statement counts this many words more than it has, so that
/// thousands of one-word statements are not compared with each other either.
const SCORING_WORDS: u64 = 4;

/// Statement `left` paired with statement `right`; `by_position` when only their places paired
/// them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Pair {
    pub left: usize,
    pub right: usize,
    pub by_position: bool,
}

/// The pairs, increasing on both sides, and how many statement pairs were scored to find them.
#[derive(Debug)]
pub(super) struct Pairing {
    pub pairs: Vec<Pair>,
    pub scored: u64,
}

/// Statements of each side between two anchors (or an end).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stretch {
    left: Range<usize>,
    right: Range<usize>,
}

/// The pairs of `left` and `right` statements, comparing statements for at most `budget` work
/// (see [`PAIRING_BUDGET`]).
pub(super) fn pair_statements(
    left: &[PairingWords],
    right: &[PairingWords],
    budget: u64,
) -> Pairing {
    let whole = Stretch {
        left: 0..left.len(),
        right: 0..right.len(),
    };
    let mut pairing = Pairing {
        pairs: Vec::new(),
        scored: 0,
    };
    if cost(left, right, &whole) <= budget {
        pair_exactly(&mut pairing, left, right, &whole);
        return pairing;
    }
    let anchors = identical_anchors(left, right);
    let stretches = stretches_between(&anchors, left.len(), right.len());
    let exact = within_budget(&stretches, |stretch| cost(left, right, stretch), budget);
    for (index, stretch) in stretches.iter().enumerate() {
        if index > 0 {
            pairing.pairs.push(anchors[index - 1]);
        }
        if exact[index] {
            pair_exactly(&mut pairing, left, right, stretch);
        } else {
            pair_by_position(&mut pairing, stretch);
        }
    }
    pairing
}

/// The work of pairing `stretch` exactly: its words on the left times its words on the right
/// (see [`PAIRING_BUDGET`]).
fn cost(left: &[PairingWords], right: &[PairingWords], stretch: &Stretch) -> u64 {
    let words = |statements: &[PairingWords]| -> u64 {
        (statements.iter())
            .map(|statement| statement.all.len() as u64 + SCORING_WORDS)
            .sum()
    };
    let left_words = words(&left[stretch.left.clone()]);
    left_words.saturating_mul(words(&right[stretch.right.clone()]))
}

/// Which stretches are paired exactly: the cheapest first, as many as `budget` pays for.
fn within_budget(stretches: &[Stretch], cost: impl Fn(&Stretch) -> u64, budget: u64) -> Vec<bool> {
    let costs: Vec<u64> = stretches.iter().map(cost).collect();
    let mut cheapest_first: Vec<usize> = (0..stretches.len()).collect();
    cheapest_first.sort_by_key(|&index| costs[index]);
    let mut exact = vec![false; stretches.len()];
    let mut spent = 0u64;
    for index in cheapest_first {
        spent = spent.saturating_add(costs[index]);
        if spent > budget {
            break;
        }
        exact[index] = true;
    }
    exact
}

fn pair_exactly(
    pairing: &mut Pairing,
    left: &[PairingWords],
    right: &[PairingWords],
    stretch: &Stretch,
) {
    let (left, right) = (&left[stretch.left.clone()], &right[stretch.right.clone()]);
    pairing.scored += (left.len() * right.len()) as u64;
    let pairs = exact_pairs(left, right).into_iter().map(|(i, j)| Pair {
        left: stretch.left.start + i,
        right: stretch.right.start + j,
        by_position: false,
    });
    pairing.pairs.extend(pairs);
}

/// Statement i of the stretch's left with statement i of its right, as far as both go.
fn pair_by_position(pairing: &mut Pairing, stretch: &Stretch) {
    let pairs = stretch.left.clone().zip(stretch.right.clone());
    pairing.pairs.extend(pairs.map(|(left, right)| Pair {
        left,
        right,
        by_position: true,
    }));
}

/// Statements found exactly once on each side, with the same words: as many such pairs as keep
/// their order on both sides (the longest increasing run of them, as patience diff finds it).
fn identical_anchors(left: &[PairingWords], right: &[PairingWords]) -> Vec<Pair> {
    /// Where a statement's words occur on each side, and how often.
    #[derive(Default)]
    struct Found {
        left: (usize, usize),
        right: (usize, usize),
    }
    let mut found: HashMap<&[&str], Found> = HashMap::new();
    for (index, statement) in left.iter().enumerate() {
        let entry = found.entry(&statement.all).or_default();
        entry.left = (entry.left.0 + 1, index);
    }
    for (index, statement) in right.iter().enumerate() {
        if let Some(entry) = found.get_mut(statement.all.as_slice()) {
            entry.right = (entry.right.0 + 1, index);
        }
    }
    let unique = (left.iter()).filter_map(|statement| {
        let entry = &found[statement.all.as_slice()];
        (entry.left.0 == 1 && entry.right.0 == 1).then_some((entry.left.1, entry.right.1))
    });
    let candidates: Vec<(usize, usize)> = unique.collect();
    let chain = longest_increasing_chain(&candidates);
    (chain.into_iter())
        .map(|(left, right)| Pair {
            left,
            right,
            by_position: false,
        })
        .collect()
}

/// Of `candidates` (increasing on the left), the longest run increasing on the right too, in
/// O(k log k): each candidate extends the longest run it can end.
fn longest_increasing_chain(candidates: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // ends[k]: the candidate ending a run of k + 1 with the smallest right index so far.
    let mut ends: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = Vec::with_capacity(candidates.len());
    for (index, &(_, right)) in candidates.iter().enumerate() {
        let length = ends.partition_point(|&end| candidates[end].1 < right);
        previous.push(length.checked_sub(1).map(|k| ends[k]));
        match ends.get_mut(length) {
            Some(end) => *end = index,
            None => ends.push(index),
        }
    }
    let mut chain = Vec::with_capacity(ends.len());
    let mut at = ends.last().copied();
    while let Some(index) = at {
        chain.push(candidates[index]);
        at = previous[index];
    }
    chain.reverse();
    chain
}

/// The stretches before, between and after `anchors` (in order); one more than the anchors.
fn stretches_between(anchors: &[Pair], left_len: usize, right_len: usize) -> Vec<Stretch> {
    let mut stretches = Vec::with_capacity(anchors.len() + 1);
    let (mut left, mut right) = (0, 0);
    for anchor in anchors {
        stretches.push(Stretch {
            left: left..anchor.left,
            right: right..anchor.right,
        });
        (left, right) = (anchor.left + 1, anchor.right + 1);
    }
    stretches.push(Stretch {
        left: left..left_len,
        right: right..right_len,
    });
    stretches
}

/// The order-preserving pairing with the greatest total similarity: a weighted longest common
/// subsequence over statements, O(n·m) similarity computations. Pairs are in order.
fn exact_pairs(left: &[PairingWords], right: &[PairingWords]) -> Vec<(usize, usize)> {
    let (n, m) = (left.len(), right.len());
    let width = m + 1;
    // best[i * width + j]: the best total for the first i left and first j right statements.
    let mut best = vec![0.0f32; (n + 1) * width];
    let mut paired = vec![false; (n + 1) * width];
    for i in 1..=n {
        for j in 1..=m {
            let skip_left = best[(i - 1) * width + j];
            let skip_right = best[i * width + j - 1];
            let mut here = skip_left.max(skip_right);
            if let Some(score) = pairing_words_score(&left[i - 1], &right[j - 1]) {
                let with_pair = best[(i - 1) * width + j - 1] + score;
                if with_pair > here {
                    here = with_pair;
                    paired[i * width + j] = true;
                }
            }
            best[i * width + j] = here;
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        if paired[i * width + j] {
            pairs.push((i - 1, j - 1));
            (i, j) = (i - 1, j - 1);
        } else if best[(i - 1) * width + j] >= best[i * width + j - 1] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    pairs.reverse();
    pairs
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::query::diff::similarity::pairing_words;
    use crate::query::diff::words::split_words;

    /// Both sides' statements as compare_statements gives them to pairing.
    fn pairing_keys<'w>(left: &'w [String], right: &'w [String]) -> [Vec<PairingWords<'w>>; 2] {
        let [left, right] =
            [left, right].map(|side| side.iter().map(|s| split_words(s)).collect::<Vec<_>>());
        pairing_words(&left, &right)
    }

    /// `left` and `right` paired with `budget`.
    fn paired(left: &[String], right: &[String], budget: u64) -> Pairing {
        let [left, right] = pairing_keys(left, right);
        pair_statements(&left, &right, budget)
    }

    /// `count` statements, each of four words all but unique to it: "s17 a17 b17 c17".
    fn distinct(count: usize, prefix: &str) -> Vec<String> {
        (0..count)
            .map(|n| format!("{prefix}{n} a{n} b{n} c{n}"))
            .collect()
    }

    fn assert_in_order(pairs: &[Pair], left: usize, right: usize) {
        for pair in pairs {
            assert!(pair.left < left && pair.right < right, "{pair:?}");
        }
        for two in pairs.windows(2) {
            assert!(
                two[0].left < two[1].left && two[0].right < two[1].right,
                "{two:?}"
            );
        }
    }

    #[test]
    fn a_hundred_thousand_new_statements_pair_by_position_without_scoring_any() {
        let (left, right) = (distinct(100_000, "l"), distinct(100_000, "r"));
        let pairing = paired(&left, &right, PAIRING_BUDGET);
        assert_eq!(pairing.scored, 0);
        assert_eq!(pairing.pairs.len(), 100_000);
        assert!(pairing
            .pairs
            .iter()
            .enumerate()
            .all(|(n, pair)| { pair.by_position && (pair.left, pair.right) == (n, n) }));
    }

    #[test]
    fn mostly_repeated_levels_pair_their_twins_and_reworded_statements_by_similarity() {
        // Level 4 repeats level 3, except that every hundredth statement is reworded (one word
        // of four) and a new statement follows every thousandth.
        let left = distinct(100_000, "s");
        let mut right = Vec::new();
        for (n, statement) in left.iter().enumerate() {
            right.push(match n % 100 {
                50 => statement.replace(" c", " reworded c"),
                _ => statement.clone(),
            });
            if n % 1000 == 999 {
                right.push(format!("new{n} statement {n}"));
            }
        }
        let pairing = paired(&left, &right, PAIRING_BUDGET);
        assert!(pairing.scored <= PAIRING_BUDGET, "{}", pairing.scored);
        assert_in_order(&pairing.pairs, left.len(), right.len());
        assert!(pairing.pairs.iter().all(|pair| !pair.by_position));
        // Every statement of level 3 pairs: with its twin, or with its rewording.
        assert_eq!(pairing.pairs.len(), left.len());
        for pair in &pairing.pairs {
            let words = |text: &str| text.split(' ').next().map(String::from);
            assert_eq!(
                words(&left[pair.left]),
                words(&right[pair.right]),
                "{pair:?}"
            );
        }
    }

    #[test]
    fn the_budget_goes_to_the_cheapest_stretches_first() {
        let stretch = |left: usize, right: usize| Stretch {
            left: 0..left,
            right: 0..right,
        };
        let stretches = [stretch(3, 3), stretch(1, 1), stretch(2, 2), stretch(1, 0)];
        let cost = |s: &Stretch| (s.left.len() * s.right.len()) as u64;
        assert_eq!(
            within_budget(&stretches, cost, 5),
            [false, true, true, true]
        );
        assert_eq!(
            within_budget(&stretches, cost, 14),
            [true, true, true, true]
        );
        assert_eq!(
            within_budget(&stretches, cost, 0),
            [false, false, false, true]
        );
    }

    #[test]
    fn the_longest_increasing_chain_is_found() {
        let chain =
            longest_increasing_chain(&[(0, 5), (1, 1), (2, 6), (3, 2), (4, 3), (5, 0), (6, 7)]);
        assert_eq!(chain, [(1, 1), (3, 2), (4, 3), (6, 7)]);
        assert_eq!(longest_increasing_chain(&[]), []);
    }

    /// Statements of one to four words from a small vocabulary, so that sides share statements
    /// and words.
    fn statements() -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec("[a-e]( [a-e]){0,3}\\.?", 0..12)
    }

    proptest! {
        /// Whatever the budget: pairs increase on both sides (so no statement pairs twice), no
        /// more is scored than the budget allows, a pair not made by position reaches the
        /// threshold, and when the whole fits the budget the pairing is the exact one.
        #[test]
        fn bounded_pairing_is_ordered_within_budget_and_exact_when_it_fits(
            left in statements(),
            right in statements(),
            budget in 0u64..3_000,
        ) {
            let [left, right] = pairing_keys(&left, &right);
            let pairing = pair_statements(&left, &right, budget);
            assert_in_order(&pairing.pairs, left.len(), right.len());
            prop_assert!(pairing.scored <= budget);
            for pair in pairing.pairs.iter().filter(|pair| !pair.by_position) {
                let score = pairing_words_score(&left[pair.left], &right[pair.right]);
                prop_assert!(score.is_some(), "{:?}", pair);
            }
            let whole = Stretch {
                left: 0..left.len(),
                right: 0..right.len(),
            };
            if cost(&left, &right, &whole) <= budget {
                let exact = (exact_pairs(&left, &right).into_iter())
                    .map(|(left, right)| Pair { left, right, by_position: false });
                prop_assert_eq!(pairing.pairs, exact.collect::<Vec<_>>());
            }
        }
    }
}
