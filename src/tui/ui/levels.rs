//! The levels pane: the seven levels of responsibility, undefined ones dimmed, and the selected
//! level's statements in full.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::pane_block;
use super::text::{fit, mark_terms, wrap};
use crate::data::catalog::FrameworkInfo;
use crate::data::model::{Level, Skill};
use crate::tui::layout;
use crate::tui::theme::Theme;

/// What the levels pane shows.
pub struct LevelsView<'a> {
    pub theme: &'a Theme,
    pub focused: bool,
    /// Nothing when no skill is selected.
    pub shown: Option<ShownLevel<'a>>,
}

/// A skill at a level.
pub struct ShownLevel<'a> {
    pub skill: &'a Skill,
    /// The skill's framework, which names the levels.
    pub framework: &'a FrameworkInfo,
    pub level: Level,
    /// Search terms to mark in the statements.
    pub terms: &'a [String],
    /// The first statement row shown; drawing keeps it within the text.
    pub scroll: usize,
}

pub fn draw(frame: &mut Frame, area: Rect, view: &LevelsView) {
    let title = match &view.shown {
        Some(shown) => format!(" Levels · {} ", shown.skill.code),
        None => " Levels ".to_string(),
    };
    frame.render_widget(pane_block(view.theme, view.focused, title), area);
    let Some(shown) = &view.shown else {
        return;
    };
    let (ladder_area, statements_area) = layout::levels_parts(area);
    draw_ladder(frame, ladder_area, view.theme, shown);
    // One column is kept for the scrollbar.
    let width = usize::from(statements_area.width.saturating_sub(1));
    let lines = statement_lines(view.theme, shown, width);
    super::draw_scrolled(frame, statements_area, lines, shown.scroll);
}

/// The level shown at a point of the ladder, for mouse clicks.
pub fn ladder_level_at(area: Rect, column: u16, row: u16) -> Option<Level> {
    let (ladder, _) = layout::levels_parts(area);
    if !ladder.contains(ratatui::layout::Position::new(column, row)) {
        return None;
    }
    let index = if ladder.height == 1 {
        (column - ladder.x) / layout::COMPACT_LADDER_CELL
    } else {
        row - ladder.y
    };
    u8::try_from(index + 1).ok().and_then(Level::new)
}

fn draw_ladder(frame: &mut Frame, area: Rect, theme: &Theme, shown: &ShownLevel) {
    if area.height == 1 {
        return draw_compact_ladder(frame, area, theme, shown);
    }
    let width = usize::from(area.width);
    let lines: Vec<Line> = Level::all()
        .map(|level| {
            let defined = shown.skill.is_defined_at(level);
            let selected = level == shown.level;
            let marker = if selected { "▶" } else { " " };
            let mark = if defined { "●" } else { "·" };
            let style = if defined {
                theme.level_defined
            } else {
                theme.level_undefined
            };
            let name_style = if defined {
                theme.text
            } else {
                theme.level_undefined
            };
            let spans = vec![
                Span::styled(format!("{marker}{level} {mark} "), style),
                Span::styled(shown.framework.level_name(level).to_string(), name_style),
            ];
            let mut line = fit(spans, width);
            if selected {
                let used = line.width();
                line.spans
                    .push(Span::raw(" ".repeat(width.saturating_sub(used))));
                line = line.patch_style(theme.level_selected);
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The ladder in one row, "·  ·  3  4 [5] 6  ·", for short panes.
fn draw_compact_ladder(frame: &mut Frame, area: Rect, theme: &Theme, shown: &ShownLevel) {
    let spans: Vec<Span> = Level::all()
        .map(|level| {
            let defined = shown.skill.is_defined_at(level);
            let text = if defined {
                format!(" {level} ")
            } else {
                " · ".to_string()
            };
            let style = match (level == shown.level, defined) {
                (true, _) => theme.level_selected,
                (false, true) => theme.level_defined,
                (false, false) => theme.level_undefined,
            };
            Span::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(fit(spans, usize::from(area.width))), area);
}

/// The level's heading and its statements as bullets, wrapped to `width`.
pub fn statement_lines(theme: &Theme, shown: &ShownLevel, width: usize) -> Vec<Line<'static>> {
    let (skill, level) = (shown.skill, shown.level);
    let heading = format!("Level {level} — {}", shown.framework.level_name(level));
    let mut lines = vec![fit(vec![Span::styled(heading, theme.title)], width)];
    match skill.statements(level) {
        Some(statements) => {
            for statement in statements {
                for row in wrap(statement, width, "• ", "  ") {
                    lines.push(Line::from(mark_terms(
                        &row,
                        shown.terms,
                        theme.text,
                        theme.matched,
                    )));
                }
            }
        }
        None => lines.push(Line::styled(
            format!(
                "Not defined at this level; defined at {}.",
                skill.level_range_text()
            ),
            theme.dim,
        )),
    }
    lines
}
