//! The comparison view: two (skill, level) sides side by side with a word diff; the progression
//! of one skill through all its levels; and a presentation mode for projectors.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::text::fit;
use crate::data::model::Level;
use crate::query::diff::{change_counts, compare_statements, Change, DiffLine, DiffRow};
use crate::query::render::comparison::summary;
use crate::query::render::{level_heading, split_to_width};
use crate::tui::state::{App, Comparison, Side};
use crate::tui::theme::Theme;
use crate::tui::wrap_cache::ComparisonKey;

/// Below this width the two sides are stacked instead of side by side.
const SIDE_BY_SIDE_MIN_WIDTH: usize = 60;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, comparison: &Comparison) {
    let presentation = comparison.presentation();
    let footer_rows = if presentation || area.height < 6 {
        0
    } else {
        1
    };
    let [body, status, footer] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(if presentation { 0 } else { 1.min(area.height) }),
        Constraint::Length(footer_rows),
    ]));
    let inside = if presentation {
        // No chrome: a margin instead of borders.
        body.inner(ratatui::layout::Margin::new(
            2.min(body.width / 4),
            1.min(body.height / 4),
        ))
    } else {
        let title = if comparison.progression() {
            " Progression "
        } else {
            " Compare levels "
        };
        let block = Block::bordered()
            .border_style(app.theme().focused_border)
            .title(Line::styled(title, app.theme().title));
        let inside = block.inner(body);
        frame.render_widget(block, body);
        inside
    };
    let width = usize::from(inside.width.saturating_sub(1));
    let key = ComparisonKey::new(comparison, width);
    let lines = (app.wrapped().comparison).get_or_wrap(key, || {
        if comparison.progression() {
            progression_lines(app, comparison.sides()[0].entry, width, presentation)
        } else {
            comparison_lines(app, comparison, width, presentation)
        }
    });
    super::draw_scrolled(frame, inside, &lines, comparison.scroll());
    super::status::draw_status(frame, status, app);
    super::status::draw_footer(frame, footer, app);
}

/// "RELM L4 — Enable", with the framework first when the sides are in different frameworks.
fn side_heading(app: &App, side: Side, other: Side) -> String {
    let entry = &app.catalog().entries[side.entry];
    let named = entry.framework != app.catalog().entries[other.entry].framework;
    level_heading(app.catalog(), entry, side.level, named)
}

fn statements(app: &App, side: Side) -> &[String] {
    app.catalog().entries[side.entry]
        .skill
        .statements(side.level)
        .unwrap_or_default()
}

/// Both sides, aligned statement by statement, as lines ready to scroll.
pub fn comparison_lines(
    app: &App,
    comparison: &Comparison,
    width: usize,
    presentation: bool,
) -> Vec<Line<'static>> {
    let theme = &app.theme();
    let [left, right] = comparison.sides();
    let rows = compare_statements(statements(app, left), statements(app, right));
    let (added, removed, _) = change_counts(&rows);
    let mut lines = Vec::new();
    let skill_names = |side: Side| app.catalog().entries[side.entry].skill.name.clone();
    let names = if left.entry == right.entry {
        skill_names(left)
    } else {
        format!("{} · {}", skill_names(left), skill_names(right))
    };
    lines.push(fit(vec![Span::styled(names, theme.title)], width));
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
    let headings = [
        side_heading(app, left, right),
        side_heading(app, right, left),
    ];
    let active = |index: usize| {
        if presentation || index != comparison.active() {
            theme.title
        } else {
            theme.selected
        }
    };
    if width >= SIDE_BY_SIDE_MIN_WIDTH {
        let column = (width - 3) / 2;
        let heading_cells =
            [0, 1].map(|i| fit(vec![Span::styled(headings[i].clone(), active(i))], column));
        lines.push(join_columns(
            heading_cells[0].clone(),
            heading_cells[1].clone(),
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
        for (index, pick) in [0usize, 1].into_iter().enumerate() {
            if index > 0 {
                lines.push(Line::raw(""));
            }
            lines.push(fit(
                vec![Span::styled(headings[pick].clone(), active(pick))],
                width,
            ));
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
pub fn progression_lines(
    app: &App,
    entry_index: usize,
    width: usize,
    presentation: bool,
) -> Vec<Line<'static>> {
    let theme = &app.theme();
    let entry = &app.catalog().entries[entry_index];
    let framework = app.catalog().framework_of(entry);
    let mut lines = vec![
        fit(
            vec![Span::styled(
                format!(
                    "{} {} — levels {}",
                    entry.skill.code,
                    entry.skill.name,
                    entry.skill.level_range_text()
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
    for level in entry.skill.defined_levels() {
        let statements = entry.skill.statements(level).unwrap_or_default();
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
    use super::*;

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
