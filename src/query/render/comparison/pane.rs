//! The comparison as the browser's pane shows it: a title, the summary with a legend of the
//! marks, then both sides (side by side when wide enough, else one above the other), each
//! titled section under its heading; and the progression of one skill through all its levels.
//! Presentation mode (for projectors) leaves a blank line after every statement and highlights
//! no side.

use unicode_width::UnicodeWidthStr;

use super::columns::{row_lines, section_heading_lines, statement_lines, zipped_rows, ChangeMarks};
use super::{summary, Comparison, Section, Side, PAIRED_BY_POSITION};
use crate::data::catalog::{Catalog, Entry};
use crate::data::model::Level;
use crate::query::diff::{change_counts, compare_statements, paired_by_position, DiffLine};
use crate::query::render::document::{Document, Line, Mark, Span, GUTTER};

/// Below this width the two sides are stacked instead of side by side.
pub const SIDE_BY_SIDE_MIN_WIDTH: usize = 60;

/// How the pane lays the comparison out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneLayout {
    /// Columns for the text.
    pub width: usize,
    /// The side keys act on (0 left, 1 right): its heading is [`Mark::Selected`].
    pub active: usize,
    pub presentation: bool,
}

impl PaneLayout {
    /// The marks of the two headings: the active side's is selected, except in presentation.
    pub fn heading_marks(&self) -> [Mark; 2] {
        [0, 1].map(|index| match index == self.active && !self.presentation {
            true => Mark::Selected,
            false => Mark::Title,
        })
    }
}

/// `left` and `right` compared, laid out for the pane.
pub fn pane_comparison(left: &Side, right: &Side, layout: PaneLayout) -> Document {
    let rows = compare_statements(left.statements(), right.statements());
    let same_skill = left.entry.framework == right.entry.framework
        && left.entry.skill.code == right.entry.skill.code;
    let names = if same_skill {
        left.entry.skill.name.clone()
    } else {
        format!("{} · {}", left.entry.skill.name, right.entry.skill.name)
    };
    pane(&names, &Comparison::of_skills(left, right, rows), layout)
}

/// `comparison` under `title`, laid out for the pane: the title, the summary with its legend,
/// a blank line, then [`pane_sides`] with the active side's heading selected.
pub fn pane(title: &str, comparison: &Comparison, layout: PaneLayout) -> Document {
    let mut document = Document::default();
    document.extend(Line::marked(title, Mark::Title).wrap(layout.width));
    let summary = summary_with_legend(comparison);
    if summary.width() <= layout.width {
        document.push(summary);
    } else {
        // The legend on rows of its own, so "like this" stays whole where it can.
        let (counts, legend) = summary.spans.split_at(1);
        document.extend(Line::new(counts.to_vec()).wrap(layout.width));
        let mut legend = legend.to_vec();
        legend[0].text = legend[0].text.trim_start().to_string();
        document.extend(Line::new(legend).wrap(layout.width));
    }
    // On a line of its own, so a narrow pane cuts neither it nor the legend.
    if comparison.paired_by_position() > 0 {
        document.extend(Line::marked(PAIRED_BY_POSITION, Mark::Dim).wrap(layout.width));
    }
    document.blank();
    let sides = pane_sides(comparison, layout.heading_marks(), layout);
    document.extend(sides.lines);
    document
}

/// "+3 words, −2 words   added: like this  removed: like this", each "like this" in its mark.
pub fn summary_with_legend(comparison: &Comparison) -> Line {
    let (added, removed, _) = comparison.change_counts();
    Line::new(vec![
        Span::new(summary(added, removed), Mark::Dim),
        Span::new("   added: ", Mark::Dim),
        Span::new("like this", Mark::Added),
        Span::new("  removed: ", Mark::Dim),
        Span::new("like this", Mark::Removed),
    ])
}

/// The two headings in `marks`, then every section: side by side when the pane is at least
/// [`SIDE_BY_SIDE_MIN_WIDTH`] wide, else the left side above the right.
pub fn pane_sides(comparison: &Comparison, marks: [Mark; 2], layout: PaneLayout) -> Document {
    let mut document = Document::default();
    let headings = [0, 1].map(|i| Line::marked(comparison.headings[i].as_str(), marks[i]));
    if layout.width >= SIDE_BY_SIDE_MIN_WIDTH {
        push_side_by_side(&mut document, headings, &comparison.sections, layout);
    } else {
        push_stacked(&mut document, headings, &comparison.sections, layout);
    }
    document
}

/// Two equal columns; unpaired statements share rows (see [`zipped_rows`]).
fn push_side_by_side(
    document: &mut Document,
    [left, right]: [Line; 2],
    sections: &[Section],
    layout: PaneLayout,
) {
    let column = (layout.width - GUTTER.width()) / 2;
    let beside = |left: Line, right: Line| Line::beside(left, right, column, Mark::Dim);
    let [left, right] = [left, right].map(|heading| heading.wrap(column));
    for row in 0..left.len().max(right.len()) {
        let line = |lines: &[Line]| lines.get(row).cloned().unwrap_or_default();
        document.push(beside(line(&left), line(&right)));
    }
    for section in sections {
        push_section_heading(document, section, layout.width);
        for row in zipped_rows(&section.rows) {
            document.extend(row_lines(row, [column; 2], ChangeMarks::Styled, Mark::Dim));
            if layout.presentation {
                document.push(beside(Line::default(), Line::default()));
            }
        }
    }
}

/// The left side, a blank line, then the right side, each with every section.
fn push_stacked(
    document: &mut Document,
    headings: [Line; 2],
    sections: &[Section],
    layout: PaneLayout,
) {
    for (index, heading) in headings.into_iter().enumerate() {
        if index > 0 {
            document.blank();
        }
        document.extend(heading.wrap(layout.width));
        for section in sections {
            push_section_heading(document, section, layout.width);
            let statements = section.rows.iter().filter_map(|row| match index {
                0 => row.left.as_ref(),
                _ => row.right.as_ref(),
            });
            push_statements(document, statements, layout.width, layout.presentation);
        }
    }
}

fn push_section_heading(document: &mut Document, section: &Section, width: usize) {
    if section.is_titled() {
        let group = section.group.as_deref();
        document.extend(section_heading_lines(group, section.title.as_ref(), width));
    }
}

/// One skill through all its defined levels, each marked against the level below.
pub fn pane_progression(
    catalog: &Catalog,
    entry: &Entry,
    width: usize,
    presentation: bool,
) -> Document {
    let skill = &entry.skill;
    let framework = catalog.framework_of(entry);
    let mut document = Document::default();
    let title = format!(
        "{} {} — levels {}",
        skill.code,
        skill.name,
        skill.level_range_text()
    );
    document.extend(Line::marked(title, Mark::Title).wrap(width));
    let note = "Each level marks what is new against the level below.";
    document.extend(Line::marked(note, Mark::Dim).wrap(width));
    let mut below: Option<(Level, &[String])> = None;
    for level in skill.defined_levels() {
        let statements = skill.statements(level).unwrap_or_default();
        document.blank();
        let mut heading = Line::marked(
            format!("Level {level} — {}", framework.level_name(level)),
            Mark::Title,
        );
        let rows = match below {
            Some((lower, lower_statements)) => {
                let rows = compare_statements(lower_statements, statements);
                let (added, removed, _) = change_counts(&rows);
                let mut against = format!("   {} against L{lower}", summary(added, removed));
                if paired_by_position(&rows) > 0 {
                    against = format!("{against}; {PAIRED_BY_POSITION}");
                }
                heading.push(Span::new(against, Mark::Dim));
                rows
            }
            // The lowest level has nothing below it: every word unchanged.
            None => compare_statements(statements, statements),
        };
        document.extend(heading.wrap(width));
        let shown = rows.iter().filter_map(|row| row.right.as_ref());
        push_statements(&mut document, shown, width, presentation);
        below = Some((level, statements));
    }
    document
}

/// Statements one below the other, a blank line after each in presentation mode.
fn push_statements<'a>(
    document: &mut Document,
    statements: impl Iterator<Item = &'a DiffLine>,
    width: usize,
    presentation: bool,
) {
    for statement in statements {
        document.extend(statement_lines(statement, width, ChangeMarks::Styled));
        if presentation {
            document.blank();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sources::{load_catalog, SourceSelection};

    fn built_in() -> Catalog {
        let mut catalog = load_catalog(&SourceSelection {
            built_in: true,
            ..Default::default()
        });
        catalog.make_printable();
        catalog
    }

    fn side<'a>(catalog: &'a Catalog, code: &str, level: u8) -> Side<'a> {
        Side {
            catalog,
            entry: &catalog.entries[catalog.find(code, None)[0]],
            level: Level::new(level).unwrap(),
        }
    }

    /// RELM L4 beside L5.
    fn relm_4_and_5(catalog: &Catalog, layout: PaneLayout) -> Document {
        pane_comparison(&side(catalog, "RELM", 4), &side(catalog, "RELM", 5), layout)
    }

    fn layout(width: usize, active: usize, presentation: bool) -> PaneLayout {
        PaneLayout {
            width,
            active,
            presentation,
        }
    }

    /// Asserts that `document` is the text a browser snapshot shows in its pane: `width`
    /// columns from `left`, `rows` rows from `top`, lines past the document's end blank.
    fn assert_pane_shows(
        document: &Document,
        snapshot: &str,
        [left, top, width, rows]: [usize; 4],
    ) {
        let screen = snapshot
            .splitn(3, "---\n")
            .nth(2)
            .expect("an insta snapshot");
        let shown: Vec<String> = screen
            .lines()
            .skip(top)
            .take(rows)
            .map(|line| {
                let cells: String = line.chars().skip(left).take(width).collect();
                cells.trim_end().to_string()
            })
            .collect();
        let lines = document
            .lines
            .iter()
            .map(|l| l.text().trim_end().to_string());
        let expected: Vec<String> = lines
            .chain(std::iter::repeat(String::new()))
            .take(rows)
            .collect();
        assert_eq!(expected, shown);
    }

    #[test]
    fn the_comparison_is_what_the_browser_pane_shows() {
        let catalog = built_in();
        let document = relm_4_and_5(&catalog, layout(137, 0, false));
        let snapshot =
            include_str!("../../../../tests/snapshots/comparison_view__compare_relm4_relm5.snap");
        assert_pane_shows(&document, snapshot, [1, 1, 137, 41]);
        let (relm5, dsop5) = (side(&catalog, "RELM", 5), side(&catalog, "DSOP", 5));
        let document = pane_comparison(&relm5, &dsop5, layout(117, 0, false));
        let snapshot =
            include_str!("../../../../tests/snapshots/comparison_view__compare_relm5_dsop5.snap");
        assert_pane_shows(&document, snapshot, [1, 1, 117, 36]);
    }

    #[test]
    fn presentation_and_progression_are_what_the_browser_shows() {
        let catalog = built_in();
        let document = relm_4_and_5(&catalog, layout(75, 0, true));
        let snapshot =
            include_str!("../../../../tests/snapshots/comparison_view__presentation_80x24.snap");
        assert_pane_shows(&document, snapshot, [2, 1, 75, 22]);
        let relm = side(&catalog, "RELM", 2).entry;
        let document = pane_progression(&catalog, relm, 97, false);
        let snapshot =
            include_str!("../../../../tests/snapshots/comparison_view__progression_relm.snap");
        assert_pane_shows(&document, snapshot, [1, 1, 97, 56]);
    }

    #[test]
    fn the_active_side_is_selected_except_in_presentation() {
        let catalog = built_in();
        for width in [80, 40] {
            for active in [0, 1] {
                for presentation in [false, true] {
                    let document = relm_4_and_5(&catalog, layout(width, active, presentation));
                    let spans = || document.lines.iter().flat_map(|l| &l.spans);
                    let marks = ["RELM L4", "RELM L5"].map(|heading| {
                        let mut headings = spans().filter(|s| s.text.starts_with(heading));
                        headings.next().expect("a heading").mark
                    });
                    let expected = |side| match presentation || side != active {
                        true => Mark::Title,
                        false => Mark::Selected,
                    };
                    assert_eq!(
                        marks,
                        [expected(0), expected(1)],
                        "{width} {active} {presentation}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_summary_carries_a_legend_in_the_marks_it_explains() {
        let catalog = built_in();
        let document = relm_4_and_5(&catalog, layout(80, 1, false));
        assert_eq!(
            document.lines[0],
            Line::marked("Release and deployment", Mark::Title)
        );
        assert_eq!(
            document.lines[1].spans,
            [
                Span::new("+68 words, −33 words", Mark::Dim),
                Span::new("   added: ", Mark::Dim),
                Span::new("like this", Mark::Added),
                Span::new("  removed: ", Mark::Dim),
                Span::new("like this", Mark::Removed),
            ]
        );
        let gutters = document.lines[3..]
            .iter()
            .flat_map(|l| &l.spans)
            .filter(|s| s.text.contains('│'));
        assert!(gutters.clone().count() > 10);
        assert!(gutters.clone().all(|s| s.mark == Mark::Dim));
    }

    #[test]
    fn narrow_panes_stack_the_sides_and_nothing_is_wider_than_the_pane() {
        let catalog = built_in();
        let pairs = [(("RELM", 4), ("RELM", 5)), (("RELM", 5), ("DSOP", 5))];
        for ((a, la), (b, lb)) in pairs {
            let (left, right) = (side(&catalog, a, la), side(&catalog, b, lb));
            for width in 4..100 {
                for presentation in [false, true] {
                    let document = pane_comparison(&left, &right, layout(width, 0, presentation));
                    let text = document.text();
                    assert!(document.width() <= width.max(4), "{width}\n{text}");
                    let side_by_side = text.contains(" │ ");
                    assert_eq!(
                        side_by_side,
                        width >= SIDE_BY_SIDE_MIN_WIDTH,
                        "{width}\n{text}"
                    );
                    let left_at = text.find(&format!("{a} L{la}"));
                    let right_at = text.find(&format!("{b} L{lb}"));
                    // Wide enough for "Proposed skills · DSOP L5", the longest label.
                    if width >= 30 {
                        assert!(left_at.is_some() && right_at.is_some(), "{width}\n{text}");
                    }
                    if !side_by_side && width >= 30 {
                        let right_heading = format!("\n\n{}", right.label(&left));
                        assert!(left_at < right_at && text.contains(&right_heading));
                    }
                }
            }
        }
        let document = pane_progression(&catalog, side(&catalog, "RELM", 2).entry, 30, true);
        assert!(document.width() <= 30);
    }

    #[test]
    fn the_progression_marks_each_level_against_the_one_below() {
        let catalog = built_in();
        let relm = side(&catalog, "RELM", 2).entry;
        let document = pane_progression(&catalog, relm, 200, false);
        let headings: Vec<&Line> = document
            .lines
            .iter()
            .filter(|l| {
                l.spans
                    .first()
                    .is_some_and(|s| s.text.starts_with("Level "))
            })
            .collect();
        assert_eq!(headings.len(), 5);
        assert_eq!(headings[0], &Line::marked("Level 2 — Assist", Mark::Title));
        assert_eq!(headings[1].spans[1].mark, Mark::Dim);
        assert!(headings[1].spans[1].text.ends_with(" against L2"));
        // The lowest level has nothing to be new against; L5 adds "capability." to L4.
        let marks = |from: usize, to: usize| -> Vec<Mark> {
            let start = document
                .lines
                .iter()
                .position(|l| l == headings[from])
                .unwrap();
            let end = document
                .lines
                .iter()
                .position(|l| l == headings[to])
                .unwrap();
            document.lines[start + 1..end]
                .iter()
                .flat_map(|l| l.spans.iter().map(|s| s.mark))
                .collect()
        };
        assert!(marks(0, 1).iter().all(|m| *m == Mark::Plain));
        let level_5 = marks(3, 4);
        assert!(level_5.contains(&Mark::Added) && !level_5.contains(&Mark::Removed));
        let presented = pane_progression(&catalog, relm, 200, true);
        let statements = document
            .lines
            .iter()
            .filter(|l| l.text().starts_with("• "))
            .count();
        assert_eq!(presented.lines.len(), document.lines.len() + statements);
    }

    #[test]
    fn a_level_paired_by_position_says_so_in_the_progression() {
        // Too many statements to compare each with each, none on both levels.
        let statements = |verb: &str| -> String {
            let quoted = (0..2_000).map(|n| format!("\"{verb} item {n}.\""));
            quoted.collect::<Vec<_>>().join(", ")
        };
        let text = format!(
            "(framework: \"F\", skills: [(code: \"MANY\", name: \"Many\", description: \"D\", \
             levels: {{3: [{}], 4: [{}]}})])",
            statements("Plans"),
            statements("Reviews")
        );
        let framework = crate::data::sources::parse_framework("many.ron", &text).unwrap();
        let mut catalog = Catalog::default();
        catalog.add("many.ron", framework);
        let document = pane_progression(&catalog, &catalog.entries[0], 200, false);
        let heading = (document.lines.iter().map(Line::text))
            .find(|line| line.starts_with("Level 4"))
            .expect("level 4's heading");
        assert!(
            heading.ends_with(" against L3; too many statements to pair: paired by position"),
            "{heading}"
        );
        let level_3 = (document.lines.iter().map(Line::text))
            .find(|line| line.starts_with("Level 3"))
            .unwrap();
        assert_eq!(level_3, "Level 3 — Apply");
    }
}
