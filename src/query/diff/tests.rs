//! The comparison of statements as a whole: rows, pairs and words on ordinary sizes, pinned
//! with the built-in skills.

use super::similarity::pairing_score;
use super::words::{key, keys, split_words};
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
    let right =
        strings(&["Ensures that release processes are applied, including rollback capability."]);
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
    assert_eq!(built_in_pairs("RELM", 4, 5), [(2, 2)]);
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
    // Only a pair made by position says how it was made.
    assert_eq!(value[0].as_object().unwrap().len(), 2, "{value}");
    assert_eq!(paired_by_position(&rows), 0);
}

#[test]
fn too_many_statements_pair_by_position_and_each_such_row_says_so() {
    // Too many to compare each with each, and none on both sides: statement i beside statement
    // i, each pair still diffed word by word.
    let left: Vec<String> = (0..3_000)
        .map(|n| format!("Plans release {n} carefully."))
        .collect();
    let right: Vec<String> = (0..2_000)
        .map(|n| format!("Reviews release {n} quickly"))
        .collect();
    let rows = compare_statements(&left, &right);
    assert_eq!(rows.len(), 3_000);
    assert_eq!(paired_by_position(&rows), 2_000);
    for (n, row) in rows.iter().enumerate() {
        let shape = (
            row.left.as_ref().map(|l| l.statement),
            row.right.as_ref().map(|r| r.statement),
        );
        let expected = (Some(n), (n < 2_000).then_some(n));
        assert_eq!((shape, row.by_position), (expected, n < 2_000));
    }
    assert_eq!(
        marked(rows[7].left.as_ref().unwrap()),
        "[-Plans-] release 7 [-carefully.-]"
    );
    assert_eq!(
        marked(rows[7].right.as_ref().unwrap()),
        "{+Reviews+} release 7 {+quickly+}"
    );
    let value = serde_json::to_value(&rows[7]).unwrap();
    assert_eq!(value["by_position"], true);
    assert_eq!(value.as_object().unwrap().len(), 3, "{value}");
    assert!(rows[2_500]
        .left
        .as_ref()
        .unwrap()
        .words
        .iter()
        .all(|w| w.change == Change::Removed));
}

#[test]
fn long_levels_that_share_statements_still_pair_by_what_they_say() {
    // Past the budget of comparing each with each, but the levels share most statements: those
    // pair with their twins, and the reworded one between them by similarity.
    let left: Vec<String> = (0..3_000)
        .map(|n| format!("Plans release {n} carefully."))
        .collect();
    let mut right = left.clone();
    right[1_500] = "Plans release 1500 carefully and quickly.".to_string();
    right.insert(2_000, "Leads the team.".to_string());
    let rows = compare_statements(&left, &right);
    assert_eq!(paired_by_position(&rows), 0);
    assert_eq!(rows.len(), 3_001);
    assert_eq!(rows[2_000].right.as_ref().unwrap().words[0].text, "Leads");
    assert!(rows[2_000].left.is_none());
    assert_eq!(
        marked(rows[1_500].right.as_ref().unwrap()),
        "Plans release 1500 carefully {+and+} {+quickly.+}"
    );
    let unchanged = rows
        .iter()
        .filter(|r| r.left.is_some() && r.right.is_some());
    assert_eq!(unchanged.count(), 3_000);
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
