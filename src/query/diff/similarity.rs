//! How alike two statements are, for pairing: the similarity of their words, leaving out the
//! words the skill repeats in most statements.

use std::collections::{HashMap, HashSet};

use similar::{capture_diff_slices, get_diff_ratio, Algorithm};

use super::words::{key, keys};

/// How similar (similar's ratio of the word diff, 0 to 1) two statements must be to pair.
///
/// Measured on the built-in skills: statements of one skill that say different things still
/// share the skill's phrases ("release and deployment activities") and function words, and score
/// up to 0.44 (RELM 2 "Documents and reports…" against RELM 5 "Identifies, evaluates…"); at 0.35
/// about ten such pairs would be shown side by side as if one grew out of the other. Statements
/// that do correspond score 0.54 and up (RELM 2 "Assists in the preparation…" against RELM 3
/// "Assists in preparing plans…", 0.54; RELM 4/5 "…processes and procedures…", 0.72). 0.5 sits
/// in that gap. A wrongly paired row misleads; a missed pair only shows as removed + added, so
/// the threshold errs high. The tests `unrelated_statements_of_one_skill_do_not_pair` and
/// `corresponding_statements_pair` pin both sides with that data.
///
/// No threshold helps a skill whose statements all repeat one long phrase: SLEN's "systems and
/// software life cycle working practices" made any two of its statements score 0.42–0.62, and
/// 4 of its statements paired with ones they do not correspond to. So the score leaves out
/// words found in half or more of the statements being compared ([`skill_wide_words`]). Then no
/// SLEN statements pair, RELM 4/5 still does (0.63) and DSOP 4/5 too (0.59), but RELM 2/3
/// "Assists in the preparation…" / "Assists in preparing plans…" no longer does (its shared
/// words are mostly RELM's own "release and deployment activities"). Weighting such words by
/// half instead was measured too: the wrong SLEN pairs then score up to 0.47 and RELM 2/3 0.47,
/// so no threshold separates them. A missed pair is the lesser harm.
pub const PAIRING_THRESHOLD: f32 = 0.5;

/// How many statements must be compared before any word counts as skill-wide: among fewer, how
/// often a word comes back says little.
const SKILL_WIDE_MIN_STATEMENTS: usize = 6;

/// Words (by [`key`]) found in at least half of all the statements being compared, when there
/// are [`SKILL_WIDE_MIN_STATEMENTS`] or more: the phrases a skill repeats in every statement,
/// such as SLEN's "systems and software life cycle working practices". They say which skill a
/// statement belongs to, not what it says, so pairing leaves them out (the word diff of a pair
/// keeps every word).
fn skill_wide_words<'a, 'w: 'a>(
    statements: impl Iterator<Item = &'a Vec<&'w str>> + Clone,
) -> HashSet<&'w str> {
    let total = statements.clone().count();
    if total < SKILL_WIDE_MIN_STATEMENTS {
        return HashSet::new();
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for words in statements {
        let distinct: HashSet<&str> = words.iter().map(|w| key(w)).collect();
        for word in distinct {
            *counts.entry(word).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| 2 * n >= total)
        .map(|(word, _)| word)
        .collect()
}

/// Each side's statements (split into words) as pairing sees them, leaving out the words
/// skill-wide across both sides.
pub(super) fn pairing_words<'w>(
    left: &[Vec<&'w str>],
    right: &[Vec<&'w str>],
) -> [Vec<PairingWords<'w>>; 2] {
    let shared = skill_wide_words(left.iter().chain(right));
    [left, right].map(|side| {
        (side.iter())
            .map(|words| PairingWords::new(words, &shared))
            .collect()
    })
}

/// A statement's words as pairing sees them: all of them by [`key`], and the telling ones (not
/// skill-wide).
pub(super) struct PairingWords<'w> {
    pub(super) all: Vec<&'w str>,
    telling: Vec<&'w str>,
}

impl<'w> PairingWords<'w> {
    fn new(words: &[&'w str], shared: &HashSet<&str>) -> PairingWords<'w> {
        let all = keys(words);
        let telling = (all.iter().copied())
            .filter(|k| !shared.contains(k))
            .collect();
        PairingWords { all, telling }
    }
}

/// How alike two statements are, on their telling words; on all their words when neither has
/// any (both are made of skill-wide words alone, where telling words would score any two such
/// statements alike).
pub(super) fn pairing_words_score(left: &PairingWords, right: &PairingWords) -> Option<f32> {
    if left.telling.is_empty() && right.telling.is_empty() {
        pairing_score(&left.all, &right.all)
    } else {
        pairing_score(&left.telling, &right.telling)
    }
}

/// The similarity of two statements' word keys when it reaches the threshold.
pub(super) fn pairing_score(left: &[&str], right: &[&str]) -> Option<f32> {
    let total = left.len() + right.len();
    // The ratio cannot exceed 2·min/total; skipping hopeless pairs early keeps hundreds of
    // statements cheap.
    if total > 0 && 2.0 * left.len().min(right.len()) as f32 / (total as f32) < PAIRING_THRESHOLD {
        return None;
    }
    let ops = capture_diff_slices(Algorithm::Myers, left, right);
    let ratio = get_diff_ratio(&ops, left.len(), right.len());
    (ratio >= PAIRING_THRESHOLD).then_some(ratio)
}
