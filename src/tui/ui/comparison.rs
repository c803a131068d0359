//! The comparison view: two (skill, level) sides side by side with a word diff; the progression
//! of one skill through all its levels; and a presentation mode for projectors.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::text::fit;
use crate::data::catalog::FrameworkInfo;
use crate::data::model::{Level, Skill};
use crate::query::diff::{change_counts, compare_statements, Change, DiffLine, DiffRow};
use crate::query::render::comparison::summary;
use crate::query::render::split_to_width;
use crate::tui::theme::Theme;

/// Below this width the two sides are stacked instead of side by side.
const SIDE_BY_SIDE_MIN_WIDTH: usize = 60;

/// What the comparison view shows.
pub struct ComparisonView<'a> {
    pub theme: &'a Theme,
    /// No borders, a blank row after each statement: for projectors.
    pub presentation: bool,
    /// The first row shown; drawing keeps it within the text.
    pub scroll: usize,
    pub compared: Compared<'a>,
}

pub enum Compared<'a> {
    /// Two sides, statement by statement.
    Sides(ComparedSides<'a>),
    /// One skill through all its defined levels.
    Progression {
        skill: &'a Skill,
        framework: &'a FrameworkInfo,
    },
}

pub struct ComparedSides<'a> {
    /// The skill's name, or both names when the sides are different skills.
    pub names: String,
    /// Each side's heading: "RELM L4 — Enable".
    pub headings: [String; 2],
    pub statements: [&'a [String]; 2],
    /// The side the level keys change: 0 left, 1 right.
    pub active: usize,
}

pub fn draw(frame: &mut Frame, area: Rect, view: &ComparisonView) {
    let theme = view.theme;
    let inside = if view.presentation {
        // No chrome: a margin instead of borders.
        area.inner(ratatui::layout::Margin::new(
            2.min(area.width / 4),
            1.min(area.height / 4),
        ))
    } else {
        let title = match view.compared {
            Compared::Progression { .. } => " Progression ",
            Compared::Sides(_) => " Compare levels ",
        };
        let block = Block::bordered()
            .border_style(theme.focused_border)
            .title(Line::styled(title, theme.title));
        let inside = block.inner(area);
        frame.render_widget(block, area);
        inside
    };
    let width = usize::from(inside.width.saturating_sub(1));
    let lines = match &view.compared {
        Compared::Sides(sides) => side_by_side_lines(theme, sides, width, view.presentation),
        Compared::Progression { skill, framework } => {
            progression_lines(theme, skill, framework, width, view.presentation)
        }
    };
    super::draw_scrolled(frame, inside, lines, view.scroll);
}

/// Both sides, aligned statement by statement, as lines ready to scroll.
fn side_by_side_lines(
    theme: &Theme,
    sides: &ComparedSides,
    width: usize,
    presentation: bool,
) -> Vec<Line<'static>> {
    let rows = compare_statements(sides.statements[0], sides.statements[1]);
    let (added, removed, _) = change_counts(&rows);
    let mut lines = Vec::new();
    lines.push(fit(
        vec![Span::styled(sides.names.clone(), theme.title)],
        width,
    ));
    lines.push(fit(
        vec![
            Span::styled(summary(added, removed), theme.dim),
            Span::styled("   added: ", theme.dim),
            Span::styled("like this", theme.added),
            Span::styled("  removed: ", theme.dim),
            Span::styled("like this", theme.removed),
        ],
        width,
    ));
    lines.push(Line::raw(""));
    let heading = |index: usize, width: usize| {
        let style = if presentation || index != sides.active {
            theme.title
        } else {
            theme.selected
        };
        fit(
            vec![Span::styled(sides.headings[index].clone(), style)],
            width,
        )
    };
    if width >= SIDE_BY_SIDE_MIN_WIDTH {
        let column = (width - 3) / 2;
        lines.push(join_columns(
            heading(0, column),
            heading(1, column),
            column,
            theme,
        ));
        for (left_line, right_line) in visual_rows(&rows) {
            let left_lines = wrap_diff_line(left_line, column, theme);
            let right_lines = wrap_diff_line(right_line, column, theme);
            for i in 0..left_lines.len().max(right_lines.len()) {
                let l = left_lines.get(i).cloned().unwrap_or_default();
                let r = right_lines.get(i).cloned().unwrap_or_default();
                lines.push(join_columns(l, r, column, theme));
            }
            if presentation {
                lines.push(join_columns(
                    Line::default(),
                    Line::default(),
                    column,
                    theme,
                ));
            }
        }
    } else {
        for pick in [0usize, 1] {
            if pick > 0 {
                lines.push(Line::raw(""));
            }
            lines.push(heading(pick, width));
            for row in &rows {
                let line = if pick == 0 {
                    row.left.as_ref()
                } else {
                    row.right.as_ref()
                };
                if line.is_some() {
                    lines.extend(wrap_diff_line(line, width, theme));
                    if presentation {
                        lines.push(Line::raw(""));
                    }
                }
            }
        }
    }
    lines
}

/// One skill through all its defined levels, each marked against the level below.
fn progression_lines(
    theme: &Theme,
    skill: &Skill,
    framework: &FrameworkInfo,
    width: usize,
    presentation: bool,
) -> Vec<Line<'static>> {
    let mut lines = vec![
        fit(
            vec![Span::styled(
                format!(
                    "{} {} — levels {}",
                    skill.code,
                    skill.name,
                    skill.level_range_text()
                ),
                theme.title,
            )],
            width,
        ),
        fit(
            vec![Span::styled(
                "Each level marks what is new against the level below.",
                theme.dim,
            )],
            width,
        ),
    ];
    let mut below: Option<(Level, &[String])> = None;
    for level in skill.defined_levels() {
        let statements = skill.statements(level).unwrap_or_default();
        lines.push(Line::raw(""));
        let mut heading = vec![Span::styled(
            format!("Level {level} — {}", framework.level_name(level)),
            theme.title,
        )];
        let rows: Vec<DiffRow> = match below {
            Some((lower, lower_statements)) => {
                let rows = compare_statements(lower_statements, statements);
                let (added, removed, _) = change_counts(&rows);
                heading.push(Span::styled(
                    format!("   {} against L{lower}", summary(added, removed)),
                    theme.dim,
                ));
                rows
            }
            None => compare_statements(statements, statements),
        };
        lines.push(fit(heading, width));
        for row in rows.iter().filter(|row| row.right.is_some()) {
            lines.extend(wrap_diff_line(row.right.as_ref(), width, theme));
            if presentation {
                lines.push(Line::raw(""));
            }
        }
        below = Some((level, statements));
    }
    lines
}

/// Rows as they stand on screen: paired statements side by side, and each run of unpaired
/// statements zipped (the n-th removed beside the n-th added), so neither column runs on alone.
/// Their words are all marked, so sharing a row does not suggest they correspond.
fn visual_rows(rows: &[DiffRow]) -> Vec<VisualRow<'_>> {
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

type VisualRow<'a> = (Option<&'a DiffLine>, Option<&'a DiffLine>);

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

fn join_columns(
    left: Line<'static>,
    right: Line<'static>,
    column: usize,
    theme: &Theme,
) -> Line<'static> {
    let mut spans = left.spans;
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    spans.push(Span::raw(" ".repeat(column.saturating_sub(used))));
    spans.push(Span::styled(" │ ", theme.dim));
    spans.extend(right.spans);
    Line::from(spans)
}

fn style_for(change: Change, theme: &Theme) -> Style {
    match change {
        Change::Unchanged => theme.text,
        Change::Added => theme.added,
        Change::Removed => theme.removed,
    }
}

/// A statement's words wrapped to `width` as a bullet, each word in the style of its change.
/// Spaces between two marked words carry the mark too, so a run reads as one.
fn wrap_diff_line(line: Option<&DiffLine>, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let Some(line) = line else { return Vec::new() };
    let width = width.max(4);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut current: Vec<Span<'static>> = vec![Span::raw("• ")];
    let mut used = 2;
    let mut previous: Option<Change> = None;
    for word in &line.words {
        let style = style_for(word.change, theme);
        for piece in split_to_width(&word.text, width - 2) {
            let piece_width = piece.width();
            let needs_space = used > 2;
            if used + usize::from(needs_space) + piece_width > width {
                lines.push(Line::from(std::mem::take(&mut current)));
                current.push(Span::raw("  "));
                used = 2;
            } else if needs_space {
                let space_style = if previous == Some(word.change) {
                    style
                } else {
                    theme.text
                };
                current.push(Span::styled(" ", space_style));
                used += 1;
            }
            current.push(Span::styled(piece, style));
            used += piece_width;
            previous = Some(word.change);
        }
    }
    lines.push(Line::from(current));
    lines
}

#[cfg(test)]
mod tests {
    use ratatui::style::Modifier;

    use super::*;
    use crate::data::catalog::Catalog;
    use crate::tui::ui::test_support::{assert_pane_snapshots, catalog, entry, monochrome};
    use crate::tui::ui::test_support::{render, style_at};

    /// RELM level 4 against level 5, the right side active.
    fn sides_view<'a>(catalog: &'a Catalog, theme: &'a Theme) -> ComparisonView<'a> {
        let relm = &entry(catalog, "RELM").skill;
        let [four, five] = [4, 5].map(|l| Level::new(l).unwrap());
        ComparisonView {
            theme,
            presentation: false,
            scroll: 0,
            compared: Compared::Sides(ComparedSides {
                names: relm.name.clone(),
                headings: ["RELM L4 — Enable".into(), "RELM L5 — Ensure, advise".into()],
                statements: [four, five].map(|l| relm.statements(l).unwrap()),
                active: 1,
            }),
        }
    }

    #[test]
    fn two_levels_side_by_side() {
        let (catalog, theme) = (catalog(), monochrome());
        let view = sides_view(&catalog, &theme);
        assert_pane_snapshots("comparison_sides", |frame, area| draw(frame, area, &view));
    }

    #[test]
    fn presentation_has_no_borders() {
        let (catalog, theme) = (catalog(), monochrome());
        let view = ComparisonView {
            presentation: true,
            ..sides_view(&catalog, &theme)
        };
        assert_pane_snapshots("comparison_presentation", |frame, area| {
            draw(frame, area, &view)
        });
    }

    #[test]
    fn the_progression_of_a_skill() {
        let (catalog, theme) = (catalog(), monochrome());
        let relm = entry(&catalog, "RELM");
        let view = ComparisonView {
            theme: &theme,
            presentation: false,
            scroll: 0,
            compared: Compared::Progression {
                skill: &relm.skill,
                framework: catalog.framework_of(relm),
            },
        };
        assert_pane_snapshots("comparison_progression", |frame, area| {
            draw(frame, area, &view)
        });
    }

    #[test]
    fn changes_and_the_active_side_are_marked_in_every_theme() {
        let catalog = catalog();
        for theme in [monochrome(), Theme::new(true)] {
            let view = sides_view(&catalog, &theme);
            let buffer = render(120, 30, |frame, area| draw(frame, area, &view));
            let (added, _) = style_at(&buffer, "capability.");
            assert!(
                added.contains(Modifier::UNDERLINED | Modifier::BOLD),
                "{added:?}"
            );
            let (removed, _) = style_at(&buffer, "Maintains release");
            assert!(removed.contains(Modifier::CROSSED_OUT), "{removed:?}");
            let (active, _) = style_at(&buffer, "RELM L5");
            assert!(active.contains(Modifier::REVERSED), "{active:?}");
            let (inactive, _) = style_at(&buffer, "RELM L4");
            assert!(!inactive.contains(Modifier::REVERSED), "{inactive:?}");
        }
    }

    #[test]
    fn unpaired_runs_share_rows_and_pairs_stay_put() {
        let left = [
            "Same words here today.".to_string(),
            "Only on the left.".to_string(),
        ];
        let right = [
            "Entirely different text.".to_string(),
            "Same words here today.".to_string(),
            "Another new one.".to_string(),
        ];
        let rows = compare_statements(&left, &right);
        let visual = visual_rows(&rows);
        let text = |line: Option<&DiffLine>| {
            line.map(|l| {
                l.words
                    .iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        };
        let shown: Vec<(Option<String>, Option<String>)> =
            visual.iter().map(|(l, r)| (text(*l), text(*r))).collect();
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
    fn wrapped_words_never_exceed_the_width() {
        let theme = Theme::new(false);
        let rows = compare_statements(
            &["a ".repeat(40) + &"x".repeat(300)],
            &["日本語 ".repeat(30)],
        );
        for row in &rows {
            for line in [row.left.as_ref(), row.right.as_ref()]
                .into_iter()
                .flat_map(|l| wrap_diff_line(l, 20, &theme))
            {
                assert!(line.width() <= 20, "{line:?}");
            }
        }
    }
}
