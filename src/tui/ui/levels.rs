//! The levels pane: the seven levels of responsibility, undefined ones dimmed, and the selected
//! level's statements in full.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::text::{fit, mark_terms, wrap};
use super::{pane_block, search_terms};
use crate::data::catalog::Entry;
use crate::data::model::Level;
use crate::tui::layout;
use crate::tui::layout::Pane;
use crate::tui::state::App;
use crate::tui::wrap_cache::WrapKey;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let title = match app.selected_entry() {
        Some(entry) => format!(" Levels · {} ", entry.skill.code),
        None => " Levels ".to_string(),
    };
    frame.render_widget(pane_block(app, Pane::Levels, title), area);
    let (Some(skill), Some(entry)) = (app.selected(), app.selected_entry()) else {
        return;
    };
    let (ladder_area, statements_area) = layout::levels_parts(area);
    draw_ladder(frame, ladder_area, app, entry);
    // One column is kept for the scrollbar.
    let width = usize::from(statements_area.width.saturating_sub(1));
    let key = WrapKey {
        skill,
        level: Some(app.level()),
        width,
        terms: search_terms(app).to_vec(),
    };
    let lines = (app.wrapped().levels).get_or_wrap(key, || statement_lines(app, entry, width));
    super::draw_scrolled(frame, statements_area, &lines, app.levels_scroll());
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

fn draw_ladder(frame: &mut Frame, area: Rect, app: &App, entry: &Entry) {
    if area.height == 1 {
        return draw_compact_ladder(frame, area, app, entry);
    }
    let framework = app.catalog().framework_of(entry);
    let width = usize::from(area.width);
    let lines: Vec<Line> = Level::all()
        .map(|level| {
            let defined = entry.skill.is_defined_at(level);
            let selected = level == app.level();
            let marker = if selected { "▶" } else { " " };
            let mark = if defined { "●" } else { "·" };
            let style = if defined {
                app.theme().level_defined
            } else {
                app.theme().level_undefined
            };
            let name_style = if defined {
                app.theme().text
            } else {
                app.theme().level_undefined
            };
            let spans = vec![
                Span::styled(format!("{marker}{level} {mark} "), style),
                Span::styled(framework.level_name(level).to_string(), name_style),
            ];
            let mut line = fit(spans, width);
            if selected {
                let used = line.width();
                line.spans
                    .push(Span::raw(" ".repeat(width.saturating_sub(used))));
                line = line.patch_style(app.theme().level_selected);
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The ladder in one row, "·  ·  3  4 [5] 6  ·", for short panes.
fn draw_compact_ladder(frame: &mut Frame, area: Rect, app: &App, entry: &Entry) {
    let spans: Vec<Span> = Level::all()
        .map(|level| {
            let defined = entry.skill.is_defined_at(level);
            let text = if defined {
                format!(" {level} ")
            } else {
                " · ".to_string()
            };
            let style = match (level == app.level(), defined) {
                (true, _) => app.theme().level_selected,
                (false, true) => app.theme().level_defined,
                (false, false) => app.theme().level_undefined,
            };
            Span::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(fit(spans, usize::from(area.width))), area);
}

/// The selected level's heading and its statements as bullets, wrapped to `width`.
pub fn statement_lines(app: &App, entry: &Entry, width: usize) -> Vec<Line<'static>> {
    let framework = app.catalog().framework_of(entry);
    let terms = search_terms(app);
    let heading = format!(
        "Level {} — {}",
        app.level(),
        framework.level_name(app.level())
    );
    let mut lines = vec![fit(vec![Span::styled(heading, app.theme().title)], width)];
    match entry.skill.statements(app.level()) {
        Some(statements) => {
            for statement in statements {
                for row in wrap(statement, width, "• ", "  ") {
                    lines.push(Line::from(mark_terms(
                        &row,
                        terms,
                        app.theme().text,
                        app.theme().matched,
                    )));
                }
            }
        }
        None => lines.push(Line::styled(
            format!(
                "Not defined at this level; defined at {}.",
                entry.skill.level_range_text()
            ),
            app.theme().dim,
        )),
    }
    lines
}
