//! The comparison as the commands print it: the two headings, a rule, a row per statement pair
//! with a blank line between rows, each titled section under its heading, then the summary.
//! Rows are kept as the diff gives them (an unpaired statement has its row to itself), so the
//! text reads in order.

use unicode_width::UnicodeWidthStr;

use super::columns::{row_lines, section_heading_lines, ChangeMarks};
use super::{Comparison, Side};
use crate::query::diff::DiffRow;
use crate::query::render::document::{Document, Line, Mark, GUTTER};

/// Narrower than this and a column holds too little to read; the line grows instead.
const MIN_COLUMN: usize = 8;

/// `rows` (the diff of `left` and `right`) in two columns that fill `width`.
pub fn printed_comparison(
    left: &Side,
    right: &Side,
    rows: Vec<DiffRow>,
    width: usize,
    marks: ChangeMarks,
) -> Document {
    printed(&Comparison::of_skills(left, right, rows), width, marks)
}

/// `comparison` in two columns that fill `width`, the summary of every section at the end.
pub fn printed(comparison: &Comparison, width: usize, marks: ChangeMarks) -> Document {
    let mut document = printed_sides(comparison, width, marks);
    document.blank();
    document.push(Line::plain(comparison.summary()));
    document
}

/// [`printed`] without the summary: the headings, the rule and the sections.
pub fn printed_sides(comparison: &Comparison, width: usize, marks: ChangeMarks) -> Document {
    let widths = column_widths(width);
    let mut document = Document::default();
    // Each heading wraps in its column: printed text is never cut.
    let [left, right] = comparison
        .headings
        .each_ref()
        .map(|heading| Line::marked(heading.as_str(), Mark::Title));
    let (left, right) = (left.wrap(widths[0]), right.wrap(widths[1]));
    for row in 0..left.len().max(right.len()) {
        document.push(Line::beside(
            left.get(row).cloned().unwrap_or_default(),
            right.get(row).cloned().unwrap_or_default(),
            widths[0],
            Mark::Plain,
        ));
    }
    let rule = format!("{}─┼─{}", "─".repeat(widths[0]), "─".repeat(widths[1]));
    document.push(Line::marked(rule, Mark::Dim));
    let between_rows = || Line::beside(Line::default(), Line::default(), widths[0], Mark::Plain);
    for (index, section) in comparison.sections.iter().enumerate() {
        if section.is_titled() {
            let group = section.group.as_deref();
            let full_width = widths[0] + GUTTER.width() + widths[1];
            document.extend(section_heading_lines(
                group,
                section.title.as_ref(),
                full_width,
            ));
        } else if index > 0 {
            document.push(between_rows());
        }
        for (n, row) in section.rows.iter().enumerate() {
            if n > 0 {
                document.push(between_rows());
            }
            let row = (row.left.as_ref(), row.right.as_ref());
            document.extend(row_lines(row, widths, marks, Mark::Plain));
        }
    }
    document
}

/// The two columns' widths for a line of `width` columns.
fn column_widths(width: usize) -> [usize; 2] {
    let inner = width.saturating_sub(GUTTER.width());
    [
        (inner / 2).max(MIN_COLUMN),
        (inner - inner / 2).max(MIN_COLUMN),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::catalog::Catalog;
    use crate::data::model::Level;
    use crate::data::sources::{load_catalog, SourceSelection};
    use crate::query::diff::compare_statements;

    fn relm() -> Catalog {
        load_catalog(&SourceSelection {
            built_in: true,
            ..Default::default()
        })
    }

    fn strings(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|s| s.to_string()).collect()
    }

    /// RELM L4 beside L5, with `left` and `right` for their statements.
    fn printed(left: &[&str], right: &[&str], width: usize, marks: ChangeMarks) -> Document {
        let catalog = relm();
        let entry = &catalog.entries[catalog.find("RELM", None)[0]];
        let side = |level| Side {
            catalog: &catalog,
            entry,
            level: Level::new(level).unwrap(),
        };
        let rows = compare_statements(&strings(left), &strings(right));
        printed_comparison(&side(4), &side(5), rows.clone(), width, marks)
    }

    /// The display column of the gutter on every line but the summary.
    fn gutter_columns(document: &Document) -> Vec<usize> {
        let text = document.text();
        text.lines()
            .take_while(|line| !line.is_empty())
            .map(|line| line.split(['│', '┼']).next().unwrap().width())
            .collect()
    }

    #[test]
    fn columns_align_with_wide_characters_and_fit_the_width() {
        let left = [
            "部署 软件 变更 部署部署部署部署部署部署部署部署部署部署 ok",
            "Short.",
        ];
        let right = [
            "部署 软件 发布 部署部署部署部署部署部署部署部署部署部署 ok",
            "🚀 Café",
        ];
        for width in [20, 33, 60] {
            for marks in [ChangeMarks::Bracketed, ChangeMarks::Styled] {
                let document = printed(&left, &right, width, marks);
                let text = document.text();
                let columns = gutter_columns(&document);
                assert!(columns.iter().all(|&c| c == columns[0]), "{width}\n{text}");
                assert!(document.width() <= width, "{width}\n{text}");
                for line in text.lines() {
                    assert_eq!(line, line.trim_end());
                }
                if width > 20 {
                    let bracketed = text.contains("[-变更-]") && text.contains("{+发布+}");
                    assert_eq!(bracketed, marks == ChangeMarks::Bracketed, "{text}");
                }
            }
        }
    }

    #[test]
    fn runs_are_bracketed_and_rows_are_as_tall_as_their_taller_side() {
        let left = ["Maintains release processes and procedures, including rollback."];
        let right = ["Ensures that release processes and procedures are applied, including rollback capability."];
        let document = printed(&left, &right, 240, ChangeMarks::Bracketed);
        let text = document.text();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5, "{text}");
        assert!(lines[0].starts_with("RELM L4 — Enable") && lines[0].contains("│ RELM L5"));
        assert!(lines[2].starts_with("• [-Maintains-] release processes"));
        assert!(lines[2].contains(
            "│ • {+Ensures that+} release processes and procedures {+are applied,+} including rollback {+capability.+}"
        ), "{text}");
        assert_eq!(lines[3], "");
        assert_eq!(lines[4], "+5 words, −1 word");
        let narrow = printed(&left, &right, 40, ChangeMarks::Bracketed).text();
        let rule = narrow.lines().position(|l| l.contains('┼')).unwrap();
        let body: Vec<&str> = narrow.lines().skip(rule + 1).collect();
        assert!(body.len() > 3, "{narrow}");
        assert!(body[1].starts_with("  "), "hanging indent: {narrow}");
    }

    #[test]
    fn one_sided_rows_leave_the_other_column_empty() {
        let document = printed(
            &["Plans."],
            &["Leads the team."],
            60,
            ChangeMarks::Bracketed,
        );
        let text = document.text();
        let lines: Vec<&str> = text.lines().collect();
        // 60 columns: 28 on the left, the gutter, 29 on the right.
        assert_eq!(lines[2], format!("• [-Plans.-]{} │", " ".repeat(16)));
        assert_eq!(lines[3], format!("{} │", " ".repeat(28)));
        assert_eq!(
            lines[4],
            format!("{} │ • {{+Leads the team.+}}", " ".repeat(28))
        );
        assert_eq!(lines.len(), 7, "{text}");
    }

    #[test]
    fn headings_are_titles_wrapped_in_their_column_and_the_rule_is_dim() {
        let document = printed(&["Plans."], &["Plans."], 27, ChangeMarks::Styled);
        // 27 columns: 12 on each side of the gutter; printed text is never cut.
        let span = crate::query::render::document::Span::new;
        assert_eq!(
            document.lines[0],
            Line::new(vec![
                span("RELM L4 —", Mark::Title),
                span("   ", Mark::Plain),
                span(" │ ", Mark::Plain),
                span("RELM L5 —", Mark::Title),
            ])
        );
        assert_eq!(document.lines[1].text(), "Enable       │ Ensure,");
        assert_eq!(document.lines[2].text(), "             │ advise");
        assert_eq!(
            document.lines[3],
            Line::marked(
                format!("{}─┼─{}", "─".repeat(12), "─".repeat(12)),
                Mark::Dim
            )
        );
        assert_eq!(document.lines[4].text(), "• Plans.     │ • Plans.");
    }
}
