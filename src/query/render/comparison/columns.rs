//! The pieces both comparison layouts are made of: a statement's words wrapped into a column
//! as a bullet with hanging lines, each word marked by its change; the pairing of rows for a
//! side-by-side view; and the lines that open a titled section.
//!
//! Lines are wrapped from the diff's words, never from styled text, so a face's styling never
//! counts toward a column's width.

use unicode_width::UnicodeWidthStr;

use super::groups;
use crate::query::diff::{Change, DiffLine, DiffRow, Word};
use crate::query::render::document::{Line, Mark, Span};
use crate::query::render::split_to_width;

/// How a change shows besides its mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeMarks {
    /// By the mark alone: for a face that gives marks a style.
    Styled,
    /// Also in the text, like git's word diff: `[-removed-]`, `{+added+}` around each run of
    /// changed words. For text without colour; the brackets take room, so they are wrapped too.
    Bracketed,
}

const BULLET: &str = "• ";
const HANGING: &str = "  ";

/// The mark of a word with this change.
pub fn change_mark(change: Change) -> Mark {
    match change {
        Change::Unchanged => Mark::Plain,
        Change::Added => Mark::Added,
        Change::Removed => Mark::Removed,
    }
}

/// A statement's words wrapped to `width` columns: a bullet, then hanging lines. A word wider
/// than a line is broken. The space between two words of one change carries their mark, so a
/// run reads as one. Narrower than four columns, lines are four columns wide: a bullet and a
/// character.
pub fn statement_lines(line: &DiffLine, width: usize, marks: ChangeMarks) -> Vec<Line> {
    let text_width = width.max(BULLET.width() + 2) - BULLET.width();
    let mut lines = Vec::new();
    let mut current = Line::plain(BULLET);
    let mut used = 0;
    let mut previous = None;
    for (change, piece) in pieces(line, text_width, marks) {
        let piece_width = piece.width();
        if used > 0 && used + 1 + piece_width > text_width {
            lines.push(std::mem::replace(&mut current, Line::plain(HANGING)));
            used = 0;
        } else if used > 0 {
            let mark = if previous == Some(change) {
                change_mark(change)
            } else {
                Mark::Plain
            };
            current.push(Span::new(" ", mark));
            used += 1;
        }
        current.push(Span::new(piece, change_mark(change)));
        used += piece_width;
        previous = Some(change);
    }
    lines.push(current);
    lines
}

/// A statement with no change to show, wrapped as [`statement_lines`] wraps one.
pub fn plain_statement_lines(statement: &str, width: usize) -> Vec<Line> {
    let words = statement.split_whitespace().map(|word| Word {
        text: word.to_string(),
        change: Change::Unchanged,
    });
    let line = DiffLine {
        statement: 0,
        words: words.collect(),
    };
    statement_lines(&line, width, ChangeMarks::Styled)
}

/// What opens a titled section, wrapped to `width`: a blank line, the group's name over
/// a rule when the section opens a group, then the title.
pub fn section_heading_lines(group: Option<&str>, title: Option<&Line>, width: usize) -> Vec<Line> {
    let mut lines = vec![Line::default()];
    if let Some(group) = group {
        lines.extend(Line::marked(group, Mark::Title).wrap(width));
        let rule = "─".repeat(group.width().min(width));
        lines.push(Line::marked(rule, Mark::Dim));
    }
    lines.extend(
        title
            .into_iter()
            .flat_map(|title| title.clone().wrap(width)),
    );
    lines
}

/// The line's words, each split to fit `text_width`, with brackets around runs if asked for.
fn pieces(line: &DiffLine, text_width: usize, marks: ChangeMarks) -> Vec<(Change, String)> {
    let mut pieces = Vec::with_capacity(line.words.len());
    for (change, words) in groups(&line.words) {
        let (open, close) = match (marks, change) {
            (ChangeMarks::Styled, _) | (_, Change::Unchanged) => ("", ""),
            (ChangeMarks::Bracketed, Change::Added) => ("{+", "+}"),
            (ChangeMarks::Bracketed, Change::Removed) => ("[-", "-]"),
        };
        for (i, word) in words.iter().enumerate() {
            let open = if i == 0 { open } else { "" };
            let close = if i + 1 == words.len() { close } else { "" };
            let text = format!("{open}{}{close}", word.text);
            pieces.extend(
                split_to_width(&text, text_width)
                    .into_iter()
                    .map(|part| (change, part)),
            );
        }
    }
    pieces
}

/// A row as it stands on screen: the left and the right statement, either may be missing.
pub type VisualRow<'a> = (Option<&'a DiffLine>, Option<&'a DiffLine>);

/// Rows as they stand on screen: paired statements side by side, and each run of unpaired
/// statements zipped (the n-th removed beside the n-th added), so neither column runs on alone.
/// Their words are all marked, so sharing a row does not suggest they correspond.
pub fn zipped_rows(rows: &[DiffRow]) -> Vec<VisualRow<'_>> {
    let mut out = Vec::new();
    let mut lefts: Vec<&DiffLine> = Vec::new();
    let mut rights: Vec<&DiffLine> = Vec::new();
    for row in rows {
        match (&row.left, &row.right) {
            (Some(left), None) => lefts.push(left),
            (None, Some(right)) => rights.push(right),
            (left, right) => {
                zip_into(&mut out, &mut lefts, &mut rights);
                out.push((left.as_ref(), right.as_ref()));
            }
        }
    }
    zip_into(&mut out, &mut lefts, &mut rights);
    out
}

fn zip_into<'a>(
    out: &mut Vec<VisualRow<'a>>,
    lefts: &mut Vec<&'a DiffLine>,
    rights: &mut Vec<&'a DiffLine>,
) {
    for i in 0..lefts.len().max(rights.len()) {
        out.push((lefts.get(i).copied(), rights.get(i).copied()));
    }
    lefts.clear();
    rights.clear();
}

/// One row's two statements wrapped to their columns and set beside each other, as tall as
/// the taller side.
pub fn row_lines(
    (left, right): VisualRow,
    widths: [usize; 2],
    marks: ChangeMarks,
    gutter: Mark,
) -> Vec<Line> {
    let cell = |line: Option<&DiffLine>, width| {
        line.map(|line| statement_lines(line, width, marks))
            .unwrap_or_default()
    };
    let mut left = cell(left, widths[0]).into_iter();
    let mut right = cell(right, widths[1]).into_iter();
    let mut lines = Vec::new();
    loop {
        match (left.next(), right.next()) {
            (None, None) => return lines,
            (l, r) => lines.push(Line::beside(
                l.unwrap_or_default(),
                r.unwrap_or_default(),
                widths[0],
                gutter,
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::diff::compare_statements;

    fn strings(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|s| s.to_string()).collect()
    }

    fn text(line: Option<&DiffLine>) -> Option<String> {
        line.map(|l| {
            l.words
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
    }

    #[test]
    fn unpaired_runs_share_rows_and_pairs_stay_put() {
        let left = strings(&["Same words here today.", "Only on the left."]);
        let right = strings(&[
            "Entirely different text.",
            "Same words here today.",
            "Another new one.",
        ]);
        let rows = compare_statements(&left, &right);
        let shown: Vec<(Option<String>, Option<String>)> = zipped_rows(&rows)
            .iter()
            .map(|(l, r)| (text(*l), text(*r)))
            .collect();
        assert_eq!(shown[0], (None, Some("Entirely different text.".into())));
        assert_eq!(
            shown[1],
            (
                Some("Same words here today.".into()),
                Some("Same words here today.".into())
            )
        );
        assert_eq!(
            shown[2],
            (
                Some("Only on the left.".into()),
                Some("Another new one.".into())
            )
        );
        assert_eq!(shown.len(), 3);
    }

    #[test]
    fn wrapped_statements_never_exceed_the_width() {
        let rows = compare_statements(
            &["a ".repeat(40) + &"x".repeat(300) + " e\u{301}e\u{301}e\u{301}"],
            &["日本語 ".repeat(30) + "🚀 Café"],
        );
        for width in 4..50 {
            for marks in [ChangeMarks::Styled, ChangeMarks::Bracketed] {
                for row in &rows {
                    for line in [&row.left, &row.right]
                        .into_iter()
                        .flatten()
                        .flat_map(|l| statement_lines(l, width, marks))
                    {
                        assert!(line.width() <= width, "{width}: {line:?}");
                    }
                }
            }
        }
    }

    /// A line from words; "+word" is added, "-word" removed.
    fn diff_line(words: &str) -> DiffLine {
        let word = |text: &str| {
            let (change, text) = if let Some(rest) = text.strip_prefix('+') {
                (Change::Added, rest)
            } else if let Some(rest) = text.strip_prefix('-') {
                (Change::Removed, rest)
            } else {
                (Change::Unchanged, text)
            };
            crate::query::diff::Word {
                text: text.to_string(),
                change,
            }
        };
        DiffLine {
            statement: 0,
            words: words.split(' ').map(word).collect(),
        }
    }

    #[test]
    fn a_statement_is_a_bullet_with_hanging_lines_and_marked_runs() {
        let right = diff_line("Plans +and +leads the release +of +packages.");
        let lines = statement_lines(&right, 20, ChangeMarks::Styled);
        let texts: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(
            texts,
            ["• Plans and leads", "  the release of", "  packages."]
        );
        // "and leads": one run, the space between its words marked too; the space before it not.
        assert_eq!(
            lines[0].spans[1..6],
            [
                Span::new("Plans", Mark::Plain),
                Span::new(" ", Mark::Plain),
                Span::new("and", Mark::Added),
                Span::new(" ", Mark::Added),
                Span::new("leads", Mark::Added),
            ]
        );
        let bracketed = statement_lines(&right, 20, ChangeMarks::Bracketed);
        let texts: Vec<String> = bracketed.iter().map(Line::text).collect();
        assert_eq!(
            texts,
            [
                "• Plans {+and",
                "  leads+} the",
                "  release {+of",
                "  packages.+}"
            ]
        );
        let removed = statement_lines(&diff_line("-Maintains tools"), 40, ChangeMarks::Bracketed);
        assert_eq!(removed[0].text(), "• [-Maintains-] tools");
    }

    #[test]
    fn a_word_wider_than_the_column_is_broken() {
        let line = diff_line("部署部署部署部署 +abcdefghijkl");
        let texts: Vec<String> = statement_lines(&line, 8, ChangeMarks::Bracketed)
            .iter()
            .map(Line::text)
            .collect();
        assert_eq!(
            texts,
            [
                "• 部署部",
                "  署部署",
                "  部署",
                "  {+abcd",
                "  efghij",
                "  kl+}"
            ]
        );
    }

    #[test]
    fn rows_are_as_tall_as_their_taller_side() {
        let rows = compare_statements(
            &strings(&["Short."]),
            &strings(&["A much longer statement that wraps over several lines."]),
        );
        let zipped = zipped_rows(&rows);
        assert_eq!(zipped.len(), 1, "the unpaired statements share a row");
        let lines = row_lines(zipped[0], [10, 16], ChangeMarks::Styled, Mark::Dim);
        let texts: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(
            texts,
            [
                "• Short.   │ • A much longer",
                "           │   statement that",
                "           │   wraps over",
                "           │   several lines.",
            ]
        );
    }
}
