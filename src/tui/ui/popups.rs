//! Popups: help (built from the key table) and the data files that failed to load.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};
use ratatui::Frame;

use super::text::{pad, wrap};
use crate::tui::app::App;
use crate::tui::keymap::{Scope, BINDINGS};
use crate::tui::layout::centered;

pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for scope in [Scope::Browse, Scope::Search, Scope::Compare, Scope::Popup] {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(scope.title(), app.theme.title));
        for binding in BINDINGS.iter().filter(|b| b.scope == scope) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", pad(binding.label, 12)), app.theme.key),
                Span::raw(binding.help),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Mouse: click a skill or a level; the wheel scrolls the pane under it.",
        app.theme.dim,
    ));
    lines
}

pub fn draw_help(frame: &mut Frame, app: &App, scroll: usize) {
    let lines = help_lines(app);
    draw_popup(frame, app, " Help — Esc to close ", lines, 64, scroll);
}

pub fn draw_load_errors(frame: &mut Frame, app: &App, scroll: usize) {
    let area = frame.area();
    let width = usize::from(area.width.min(100).saturating_sub(4));
    let mut lines = Vec::new();
    for error in &app.catalog.errors {
        for row in wrap(&error.to_string(), width, "• ", "  ") {
            lines.push(Line::raw(row));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "These files were skipped; everything else loaded.",
        app.theme.dim,
    ));
    let title = format!(" {} data file(s) failed to load ", app.catalog.errors.len());
    draw_popup(frame, app, &title, lines, 100, scroll);
}

fn draw_popup(
    frame: &mut Frame,
    app: &App,
    title: &str,
    lines: Vec<Line<'static>>,
    width: u16,
    scroll: usize,
) {
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let area: Rect = centered(frame.area(), width, height);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(title.to_string())
        .border_style(app.theme.focused_border);
    let inside = block.inner(area);
    frame.render_widget(block, area);
    super::draw_scrolled(frame, inside, lines, scroll);
}
