//! The text form of a comparison: two columns, a row per statement pair, a row as tall as its
//! taller side.
//!
//! Lines are wrapped from the diff's words, not from styled strings, so colour codes never count
//! toward a column's width and every line is padded by its display width (CJK counts two).
//! Without colour, changes are marked like git's word diff: `[-removed-]`, `{+added+}`.

use crossterm::style::Stylize;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_width::UnicodeWidthStr;

use crate::cli::style::TextStyle;
use crate::query::diff::{Change, DiffLine, DiffRow};
use crate::query::render::comparison::groups;
use crate::query::render::{split_to_width, truncate_to_width};

const GUTTER: &str = " │ ";
const BULLET: &str = "• ";
const HANGING: &str = "  ";
/// Narrower than this and a column holds too little to read; the line grows instead.
const MIN_COLUMN: usize = 8;

/// Headings, a rule, then the rows, separated by blank lines.
pub fn side_by_side(headings: &[String; 2], rows: &[DiffRow], style: TextStyle) -> String {
    let inner = style.width.saturating_sub(GUTTER.width());
    let left_width = (inner / 2).max(MIN_COLUMN);
    let right_width = (inner - inner / 2).max(MIN_COLUMN);
    let mut out = String::new();
    let left_heading = truncate_to_width(&headings[0], left_width);
    let right_heading = truncate_to_width(&headings[1], right_width);
    push_line(
        &mut out,
        (&style.heading(&left_heading), left_heading.width()),
        &style.heading(&right_heading),
        left_width,
    );
    let rule = format!("{}─┼─{}", "─".repeat(left_width), "─".repeat(right_width));
    out.push_str(&style.dim(&rule));
    out.push('\n');
    for (n, row) in rows.iter().enumerate() {
        if n > 0 {
            push_line(&mut out, ("", 0), "", left_width);
        }
        let left = cell(row.left.as_ref(), left_width, style.color);
        let right = cell(row.right.as_ref(), right_width, style.color);
        for i in 0..left.len().max(right.len()) {
            let (text, width) = left.get(i).map_or(("", 0), |(t, w)| (t.as_str(), *w));
            let right_text = right.get(i).map_or("", |(t, _)| t.as_str());
            push_line(&mut out, (text, width), right_text, left_width);
        }
    }
    out
}

/// Left text padded to the column, the gutter, the right text; no trailing spaces.
fn push_line(out: &mut String, (left, width): (&str, usize), right: &str, left_width: usize) {
    out.push_str(left);
    out.push_str(&" ".repeat(left_width.saturating_sub(width)));
    if right.is_empty() {
        out.push_str(GUTTER.trim_end());
    } else {
        out.push_str(GUTTER);
        out.push_str(right);
    }
    out.push('\n');
}

/// One side of a row as (rendered line, display width) pairs: a bullet, then hanging lines.
fn cell(line: Option<&DiffLine>, width: usize, color: bool) -> Vec<(String, usize)> {
    let Some(line) = line else {
        return Vec::new();
    };
    let text_width = width.saturating_sub(BULLET.width()).max(1);
    let pieces = pieces(line, text_width, color);
    wrap_first_fit(&pieces, &[text_width as f64])
        .into_iter()
        .enumerate()
        .map(|(n, chunk)| {
            let lead = if n == 0 { BULLET } else { HANGING };
            let words: Vec<String> = chunk.iter().map(|p| p.render(color)).collect();
            let width = lead.width()
                + chunk.iter().map(|p| p.width).sum::<usize>()
                + chunk.len().saturating_sub(1);
            (format!("{lead}{}", words.join(" ")), width)
        })
        .collect()
}

/// A word, or part of one too wide for its column, ready to wrap.
#[derive(Debug)]
struct Piece {
    text: String,
    change: Change,
    width: usize,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }

    fn whitespace_width(&self) -> f64 {
        1.0
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

impl Piece {
    fn render(&self, color: bool) -> String {
        let text = self.text.as_str();
        match self.change {
            _ if !color => self.text.clone(),
            Change::Unchanged => self.text.clone(),
            // Underline and strike-through say it to readers who cannot tell green from red.
            Change::Added => text.green().bold().underlined().to_string(),
            Change::Removed => text.red().crossed_out().to_string(),
        }
    }
}

/// The line's words as pieces; without colour, each run of changed words gets its marks.
fn pieces(line: &DiffLine, text_width: usize, color: bool) -> Vec<Piece> {
    let mut pieces = Vec::with_capacity(line.words.len());
    for (change, words) in groups(&line.words) {
        let (open, close) = match change {
            _ if color => ("", ""),
            Change::Unchanged => ("", ""),
            Change::Added => ("{+", "+}"),
            Change::Removed => ("[-", "-]"),
        };
        for (i, word) in words.iter().enumerate() {
            let open = if i == 0 { open } else { "" };
            let close = if i + 1 == words.len() { close } else { "" };
            let text = format!("{open}{}{close}", word.text);
            pieces.extend(
                split_to_width(&text, text_width)
                    .into_iter()
                    .map(|text| Piece {
                        width: text.width(),
                        text,
                        change,
                    }),
            );
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::diff::compare_statements;

    fn strings(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|s| s.to_string()).collect()
    }

    fn headings() -> [String; 2] {
        ["RELM L4 — Enable".into(), "RELM L5 — Ensure, advise".into()]
    }

    /// The display column of the gutter on every line.
    fn gutter_columns(text: &str) -> Vec<usize> {
        text.lines()
            .map(|line| {
                let line = line.split(['│', '┼']).next().unwrap();
                textwrap::core::display_width(line)
            })
            .collect()
    }

    #[test]
    fn columns_align_with_wide_characters_and_fit_the_width() {
        let rows = compare_statements(
            &strings(&[
                "部署 软件 变更 部署部署部署部署部署部署部署部署部署部署 ok",
                "Short.",
            ]),
            &strings(&[
                "部署 软件 发布 部署部署部署部署部署部署部署部署部署部署 ok",
                "🚀 Café",
            ]),
        );
        for width in [20, 33, 60] {
            let text = side_by_side(&headings(), &rows, TextStyle::plain(width));
            let columns = gutter_columns(&text);
            assert!(columns.iter().all(|&c| c == columns[0]), "{width}\n{text}");
            for line in text.lines() {
                assert!(line.width() <= width, "{width}: {line:?}\n{text}");
                assert_eq!(line, line.trim_end());
            }
            if width > 20 {
                assert!(
                    text.contains("[-变更-]") && text.contains("{+发布+}"),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn plain_marks_group_runs_and_rows_are_as_tall_as_their_taller_side() {
        let rows = compare_statements(
            &strings(&["Maintains release processes and procedures, including rollback."]),
            &strings(&["Ensures that release processes and procedures are applied, including rollback capability."]),
        );
        let text = side_by_side(&headings(), &rows, TextStyle::plain(240));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[0].starts_with("RELM L4 — Enable") && lines[0].contains("│ RELM L5"));
        assert!(lines[2].starts_with("• [-Maintains-] release processes"));
        assert!(lines[2].contains(
            "│ • {+Ensures that+} release processes and procedures {+are applied,+} including rollback {+capability.+}"
        ), "{text}");
        let narrow = side_by_side(&headings(), &rows, TextStyle::plain(40));
        let body: Vec<&str> = narrow.lines().skip(2).collect();
        assert!(body.len() > 3, "{narrow}");
        assert!(body[1].starts_with("  "), "hanging indent: {narrow}");
    }

    #[test]
    fn one_sided_rows_leave_the_other_column_empty() {
        let rows = compare_statements(&strings(&["Plans."]), &strings(&["Leads the team."]));
        let text = side_by_side(&headings(), &rows, TextStyle::plain(60));
        let lines: Vec<&str> = text.lines().collect();
        // 60 columns: 28 on the left, the gutter, 29 on the right.
        assert_eq!(lines[2], format!("• [-Plans.-]{} │", " ".repeat(16)));
        assert_eq!(lines[3], format!("{} │", " ".repeat(28)));
        assert_eq!(
            lines[4],
            format!("{} │ • {{+Leads the team.+}}", " ".repeat(28))
        );
        assert_eq!(lines.len(), 5, "{text}");
    }

    #[test]
    fn colour_marks_words_without_counting_toward_the_width() {
        let rows = compare_statements(
            &strings(&["Plans the release of software."]),
            &strings(&["Plans the release of software packages."]),
        );
        let style = TextStyle {
            width: 50,
            color: true,
        };
        let text = side_by_side(&headings(), &rows, style);
        assert!(text.contains('\x1b') && !text.contains("{+"), "{text}");
        let columns = gutter_columns(&text);
        assert!(columns.iter().all(|&c| c == columns[0]), "{text}");
        assert!(text.lines().all(|l| textwrap::core::display_width(l) <= 50));
    }
}
