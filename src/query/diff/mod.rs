//! Word diff between the statements of two levels (or two skills), for `compare` and the browser.
//!
//! Two steps: statements are aligned in order (a statement pairs with the one on the other side
//! that says nearly the same thing), then each pair is diffed word by word. Nothing here knows
//! how the result is drawn.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use similar::{capture_diff_slices, get_diff_ratio, Algorithm, DiffOp, DiffTag};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Unchanged,
    Added,
    Removed,
}

/// One word (no whitespace inside); renderers join words with single spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Word {
    pub text: String,
    pub change: Change,
}

/// One statement of one side, as words. `statement` is its index in that side's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffLine {
    pub statement: usize,
    pub words: Vec<Word>,
}

/// A row of the comparison: a pair of corresponding statements, or one side alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffRow {
    pub left: Option<DiffLine>,
    pub right: Option<DiffLine>,
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
pub fn compare_statements(left: &[String], right: &[String]) -> Vec<DiffRow> {
    let left_words: Vec<Vec<&str>> = left.iter().map(|s| split_words(s)).collect();
    let right_words: Vec<Vec<&str>> = right.iter().map(|s| split_words(s)).collect();
    let shared = skill_wide_words(left_words.iter().chain(&right_words));
    let left_keys: Vec<PairingWords> = (left_words.iter())
        .map(|words| PairingWords::new(words, &shared))
        .collect();
    let right_keys: Vec<PairingWords> = (right_words.iter())
        .map(|words| PairingWords::new(words, &shared))
        .collect();
    let pairs = align(&left_keys, &right_keys);

    let mut rows = Vec::with_capacity(left.len().max(right.len()));
    let (mut next_left, mut next_right) = (0, 0);
    let ends = [(left.len(), right.len())];
    for &(i, j) in pairs.iter().chain(&ends) {
        rows.extend((next_left..i).map(|l| DiffRow {
            left: Some(whole(l, &left_words[l], Change::Removed)),
            right: None,
        }));
        rows.extend((next_right..j).map(|r| DiffRow {
            left: None,
            right: Some(whole(r, &right_words[r], Change::Added)),
        }));
        if i < left.len() && j < right.len() {
            rows.push(diff_pair(i, &left_words[i], j, &right_words[j]));
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

fn split_words(statement: &str) -> Vec<&str> {
    statement.split_whitespace().collect()
}

/// Trailing punctuation that does not make two words different.
const IGNORED_TRAILING: &[char] = &[
    '.', ',', ';', ':', '!', '?', '。', '，', '、', '；', '：', '！', '？',
];

/// What a word is compared by: itself without trailing punctuation (unless that is all it is).
fn key(word: &str) -> &str {
    match word.trim_end_matches(IGNORED_TRAILING) {
        "" => word,
        stripped => stripped,
    }
}

fn keys<'a>(words: &[&'a str]) -> Vec<&'a str> {
    words.iter().map(|w| key(w)).collect()
}

fn word_ops(left: &[&str], right: &[&str]) -> Vec<DiffOp> {
    capture_diff_slices(Algorithm::Myers, &keys(left), &keys(right))
}

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

/// A statement's words as pairing sees them: all of them by [`key`], and the telling ones (not
/// skill-wide).
struct PairingWords<'w> {
    all: Vec<&'w str>,
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
fn pairing_words_score(left: &PairingWords, right: &PairingWords) -> Option<f32> {
    if left.telling.is_empty() && right.telling.is_empty() {
        pairing_score(&left.all, &right.all)
    } else {
        pairing_score(&left.telling, &right.telling)
    }
}

/// The similarity of two statements' word keys when it reaches the threshold.
fn pairing_score(left: &[&str], right: &[&str]) -> Option<f32> {
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

/// The order-preserving pairing with the greatest total similarity: a weighted longest common
/// subsequence over statements, O(n·m) similarity computations. Pairs are in order.
fn align(left: &[PairingWords], right: &[PairingWords]) -> Vec<(usize, usize)> {
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

fn whole(statement: usize, words: &[&str], change: Change) -> DiffLine {
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

fn diff_pair(i: usize, left: &[&str], j: usize, right: &[&str]) -> DiffRow {
    let mut left_line = DiffLine {
        statement: i,
        words: Vec::with_capacity(left.len()),
    };
    let mut right_line = DiffLine {
        statement: j,
        words: Vec::with_capacity(right.len()),
    };
    for op in word_ops(left, right) {
        let (tag, old, new) = op.as_tag_tuple();
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use crate::data::model::Level;

    fn strings(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|s| s.to_string()).collect()
    }

    /// A line as text with git-style marks: `[-removed-]`, `{+added+}`.
    fn marked(line: &DiffLine) -> String {
        line.words
            .iter()
            .map(|w| match w.change {
                Change::Unchanged => w.text.clone(),
                Change::Added => format!("{{+{}+}}", w.text),
                Change::Removed => format!("[-{}-]", w.text),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Each row as (left index, right index).
    fn shape(rows: &[DiffRow]) -> Vec<(Option<usize>, Option<usize>)> {
        rows.iter()
            .map(|r| {
                (
                    r.left.as_ref().map(|l| l.statement),
                    r.right.as_ref().map(|l| l.statement),
                )
            })
            .collect()
    }

    #[test]
    fn identical_texts_pair_one_to_one_and_are_unchanged() {
        let texts = strings(&["Plans releases.", "Deploys software changes.", "Reviews."]);
        let rows = compare_statements(&texts, &texts);
        assert_eq!(
            shape(&rows),
            [(Some(0), Some(0)), (Some(1), Some(1)), (Some(2), Some(2))]
        );
        assert!(rows
            .iter()
            .flat_map(|r| [&r.left, &r.right])
            .flat_map(|l| &l.as_ref().unwrap().words)
            .all(|w| w.change == Change::Unchanged));
        assert_eq!(change_counts(&rows), (0, 0, 6));
    }

    #[test]
    fn an_added_statement_is_a_right_only_row_of_added_words() {
        let left = strings(&["Plans releases.", "Reviews outcomes."]);
        let right = strings(&["Plans releases.", "Leads the team.", "Reviews outcomes."]);
        let rows = compare_statements(&left, &right);
        assert_eq!(
            shape(&rows),
            [(Some(0), Some(0)), (None, Some(1)), (Some(1), Some(2))]
        );
        assert_eq!(
            marked(rows[1].right.as_ref().unwrap()),
            "{+Leads+} {+the+} {+team.+}"
        );
        assert_eq!(change_counts(&rows), (3, 0, 4));
    }

    #[test]
    fn a_removed_statement_is_a_left_only_row_of_removed_words() {
        let left = strings(&["Plans releases.", "Leads the team.", "Reviews outcomes."]);
        let right = strings(&["Plans releases.", "Reviews outcomes."]);
        let rows = compare_statements(&left, &right);
        assert_eq!(
            shape(&rows),
            [(Some(0), Some(0)), (Some(1), None), (Some(2), Some(1))]
        );
        assert_eq!(
            marked(rows[1].left.as_ref().unwrap()),
            "[-Leads-] [-the-] [-team.-]"
        );
        assert_eq!(change_counts(&rows), (0, 3, 4));
    }

    #[test]
    fn a_moved_statement_shows_as_removed_and_added() {
        // Order-preserving: of two swapped statements one stays paired, the other is removed
        // where it was and added where it went.
        let left = strings(&["Plans the releases.", "Reviews every outcome."]);
        let right = strings(&["Reviews every outcome.", "Plans the releases."]);
        let rows = compare_statements(&left, &right);
        // On a tie the earlier left statement keeps its pair.
        assert_eq!(
            shape(&rows),
            [(None, Some(0)), (Some(0), Some(1)), (Some(1), None)]
        );
        assert_eq!(rows[0].right.as_ref().unwrap().words[0].text, "Reviews");
        assert_eq!(rows[2].left.as_ref().unwrap().words[0].text, "Reviews");
        assert_eq!(change_counts(&rows), (3, 3, 3));
    }

    #[test]
    fn words_added_within_a_statement_are_marked_on_the_right_only() {
        let left = strings(&["Maintains release processes, including rollback."]);
        let right = strings(&[
            "Ensures that release processes are applied, including rollback capability.",
        ]);
        let rows = compare_statements(&left, &right);
        assert_eq!(rows.len(), 1);
        assert_eq!(
            marked(rows[0].left.as_ref().unwrap()),
            "[-Maintains-] release processes, including rollback."
        );
        assert_eq!(
            marked(rows[0].right.as_ref().unwrap()),
            "{+Ensures+} {+that+} release processes {+are+} {+applied,+} including rollback {+capability.+}"
        );
    }

    #[test]
    fn trailing_punctuation_is_ignored_but_case_is_not() {
        let rows = compare_statements(
            &strings(&["Plans releases. Tests"]),
            &strings(&["plans releases, Tests!"]),
        );
        assert_eq!(
            marked(rows[0].left.as_ref().unwrap()),
            "[-Plans-] releases. Tests"
        );
        assert_eq!(
            marked(rows[0].right.as_ref().unwrap()),
            "{+plans+} releases, Tests!"
        );
        // Punctuation alone is a word of its own, not an empty one.
        assert_eq!(key(","), ",");
        assert_eq!(key("…"), "…");
        assert_eq!(key("end.)"), "end.)");
    }

    fn score(left: &str, right: &str) -> Option<f32> {
        pairing_score(&keys(&split_words(left)), &keys(&split_words(right)))
    }

    #[test]
    fn unrelated_statements_of_one_skill_do_not_pair() {
        // The highest-scoring unrelated pairs among the built-in skills (RELM 2/5, 2/3, 5/6).
        for (left, right) in [
            (
                "Documents and reports on the results of release and deployment activities.",
                "Identifies, evaluates and manages the adoption of appropriate release and deployment techniques, processes and automation tools.",
            ),
            (
                "Documents and reports on the results of release and deployment activities.",
                "Assists in preparing plans and schedules for release and deployment activities and communications.",
            ),
            (
                "Identifies, evaluates and manages the adoption of appropriate release and deployment techniques, processes and automation tools.",
                "Drives continuous improvement of release and deployment processes, promoting collaboration and knowledge sharing.",
            ),
        ] {
            assert_eq!(score(left, right), None, "{left} / {right}");
            let rows = compare_statements(&strings(&[left]), &strings(&[right]));
            assert_eq!(shape(&rows), [(Some(0), None), (None, Some(0))]);
        }
    }

    #[test]
    fn corresponding_statements_pair() {
        // The lowest-scoring pair that does correspond (RELM 2/3), then RELM 4/5.
        let (left, right) = (
            "Assists in the preparation and execution of release and deployment activities under supervision.",
            "Assists in preparing plans and schedules for release and deployment activities and communications.",
        );
        let ratio = score(left, right).unwrap();
        assert!((0.5..0.55).contains(&ratio), "{ratio}");
        let rows = compare_statements(&strings(&[left]), &strings(&[right]));
        assert_eq!(shape(&rows), [(Some(0), Some(0))]);
        let ratio = score(
            "Maintains release processes and procedures, including testing, validation, and rollback.",
            "Ensures that release processes and procedures are applied , including testing, validation, and rollback capability.",
        );
        assert!(ratio.unwrap() > 0.7, "{ratio:?}");
    }

    /// The pairs (left index, right index) of two levels of a built-in skill.
    fn built_in_pairs(code: &str, from: u8, to: u8) -> Vec<(usize, usize)> {
        let catalog = crate::data::sources::load_catalog(&crate::data::sources::SourceSelection {
            built_in: true,
            ..Default::default()
        });
        let skill = &(catalog.entries.iter())
            .find(|e| e.skill.code.as_str() == code)
            .expect("a built-in skill")
            .skill;
        let level = |n| skill.statements(Level::new(n).unwrap()).unwrap().to_vec();
        let rows = compare_statements(&level(from), &level(to));
        let paired = rows.iter().filter_map(|row| match (&row.left, &row.right) {
            (Some(left), Some(right)) => Some((left.statement, right.statement)),
            _ => None,
        });
        paired.collect()
    }

    #[test]
    fn a_phrase_every_statement_repeats_does_not_pair_statements() {
        // SLEN repeats "systems and software life cycle working practices" in most statements;
        // counted, it paired "Elicits requirements for …" with "Collaborates with those
        // responsible for …" (4→5) and three more unrelated pairs.
        for (from, to) in [(4, 5), (5, 6), (6, 7)] {
            assert_eq!(built_in_pairs("SLEN", from, to), [], "SLEN {from}→{to}");
        }
        // Statements that do correspond still pair, shared phrases and all.
        assert_eq!(built_in_pairs("RELM", 4, 5), [(2, 3)]);
        assert_eq!(built_in_pairs("DSOP", 4, 5), [(0, 0)]);
    }

    #[test]
    fn few_statements_are_paired_on_all_their_words() {
        // Among fewer than six statements no word is skill-wide, however often it comes back.
        let rows = compare_statements(
            &strings(&["Plans releases."]),
            &strings(&[
                "Plans releases carefully.",
                "Plans releases and deployments.",
            ]),
        );
        assert_eq!(shape(&rows), [(Some(0), Some(0)), (None, Some(1))]);
        let rows = compare_statements(
            &strings(&["alpha beta", "alpha beta gamma delta foo"]),
            &strings(&["gamma delta", "alpha beta gamma delta bar"]),
        );
        assert_eq!(shape(&rows)[..2], [(Some(0), None), (None, Some(0))]);
        assert_eq!(shape(&rows)[2], (Some(1), Some(1)));
    }

    #[test]
    fn a_statement_of_the_skill_phrase_alone_pairs_on_all_its_words() {
        // "run the big shared phrase" is in every statement, so it is skill-wide. The two
        // statements made of nothing else pair (they are the same); the ones that only share
        // the phrase do not.
        let phrase = "run the big shared phrase";
        let left = strings(&[
            &format!("{phrase} kept apart"),
            phrase,
            &format!("{phrase} and more"),
        ]);
        let right = strings(&[
            &format!("{phrase} other words"),
            phrase,
            &format!("{phrase} still different"),
        ]);
        let rows = compare_statements(&left, &right);
        let pairs: Vec<_> = (shape(&rows).into_iter())
            .filter(|(l, r)| l.is_some() && r.is_some())
            .collect();
        assert_eq!(pairs, [(Some(1), Some(1))]);
    }

    #[test]
    fn the_alignment_maximizes_total_similarity() {
        // Right 0 resembles left 1 more than left 0; pairing (1, 0) alone would lose the two
        // good pairs (0, 0) and (1, 1).
        let left = strings(&["a b c d e f", "g h i j k l"]);
        let right = strings(&["a b c d g h i j k", "g h i j k l"]);
        let rows = compare_statements(&left, &right);
        assert_eq!(shape(&rows), [(Some(0), Some(0)), (Some(1), Some(1))]);
    }

    #[test]
    fn unicode_words_stay_whole() {
        let left = strings(&["部署 软件 变更。", "Ships 🚀 releases", "Café managed well"]);
        let right = strings(&[
            "部署 软件 发布。",
            "Ships 🚀🚀 releases",
            // "e" followed by a combining acute accent: looks alike, is not the same word.
            "Cafe\u{301} managed well",
        ]);
        let rows = compare_statements(&left, &right);
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert_eq!(
            marked(rows[0].left.as_ref().unwrap()),
            "部署 软件 [-变更。-]"
        );
        assert_eq!(
            marked(rows[0].right.as_ref().unwrap()),
            "部署 软件 {+发布。+}"
        );
        assert_eq!(
            marked(rows[1].right.as_ref().unwrap()),
            "Ships {+🚀🚀+} releases"
        );
        assert_eq!(
            marked(rows[2].right.as_ref().unwrap()),
            "{+Cafe\u{301}+} managed well"
        );
        // Full-width trailing punctuation is ignored like ASCII.
        let rows = compare_statements(&strings(&["部署 变更。"]), &strings(&["部署 变更"]));
        assert_eq!(change_counts(&rows), (0, 0, 2));
    }

    #[test]
    fn empty_inputs_give_empty_or_one_sided_rows() {
        assert!(compare_statements(&[], &[]).is_empty());
        let some = strings(&["One two.", "Three."]);
        let rows = compare_statements(&some, &[]);
        assert_eq!(shape(&rows), [(Some(0), None), (Some(1), None)]);
        assert_eq!(change_counts(&rows), (0, 3, 0));
        let rows = compare_statements(&[], &some);
        assert_eq!(shape(&rows), [(None, Some(0)), (None, Some(1))]);
        assert_eq!(change_counts(&rows), (3, 0, 0));
        // Blank statements (the data model forbids them, this API does not) have no words.
        let rows = compare_statements(&strings(&["  "]), &strings(&[""]));
        assert_eq!(rows.len(), 1);
        assert!(rows[0].left.as_ref().unwrap().words.is_empty());
    }

    #[test]
    fn hundreds_of_statements_are_aligned() {
        let left: Vec<String> = (0..300)
            .map(|i| format!("Statement {i} about releases"))
            .collect();
        let right: Vec<String> = (0..300)
            .filter(|i| i % 7 != 0)
            .map(|i| format!("Statement {i} about releases and more"))
            .collect();
        let rows = compare_statements(&left, &right);
        // Every statement i pairs with its own "Statement i …", not a neighbour: those score
        // 0.6 too, but the best total pairs them all.
        let mut paired = 0;
        for row in &rows {
            if let (Some(l), Some(r)) = (&row.left, &row.right) {
                assert_eq!(l.words[1], r.words[1]);
                paired += 1;
            }
        }
        assert_eq!(paired, right.len());
        assert_eq!(rows.len(), left.len());
    }

    #[test]
    fn rows_serialize_as_documented() {
        let rows = compare_statements(&strings(&["a b"]), &strings(&["a c"]));
        let value = serde_json::to_value(&rows).unwrap();
        assert_eq!(value[0]["left"]["statement"], 0);
        assert_eq!(value[0]["left"]["words"][1]["change"], "removed");
        assert_eq!(value[0]["right"]["words"][1]["change"], "added");
        assert_eq!(value[0]["right"]["words"][0]["change"], "unchanged");
    }

    proptest! {
        /// Whatever the input, each side's rows give back that side's statements, each once, in
        /// order, and only the expected kinds of change appear on each side.
        #[test]
        fn rows_rebuild_both_sides(
            left in prop::collection::vec("[a-c ]{0,12}", 0..6),
            right in prop::collection::vec("[a-c. ]{0,12}", 0..6),
        ) {
            let rows = compare_statements(&left, &right);
            for (side, statements, foreign) in [(0, &left, Change::Added), (1, &right, Change::Removed)] {
                let lines: Vec<&DiffLine> = rows
                    .iter()
                    .filter_map(|r| if side == 0 { r.left.as_ref() } else { r.right.as_ref() })
                    .collect();
                prop_assert_eq!(lines.iter().map(|l| l.statement).collect::<Vec<_>>(), (0..statements.len()).collect::<Vec<_>>());
                for line in lines {
                    let text: Vec<&str> = line.words.iter().map(|w| w.text.as_str()).collect();
                    prop_assert_eq!(text, split_words(&statements[line.statement]));
                    prop_assert!(line.words.iter().all(|w| w.change != foreign));
                }
            }
            let (_, _, unchanged) = change_counts(&rows);
            let right_unchanged = rows.iter().flat_map(|r| &r.right).flat_map(|l| &l.words)
                .filter(|w| w.change == Change::Unchanged).count();
            prop_assert_eq!(unchanged, right_unchanged);
        }
    }
}
