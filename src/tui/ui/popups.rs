//! Popups: help (built from the keymap in force) and the files that failed to load.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};
use ratatui::Frame;

use super::text::{pad, wrap};
use crate::tui::keymap::Scope;
use crate::tui::layout::centered;
use crate::tui::state::App;

pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let scopes = [Scope::Browse, Scope::Search, Scope::Compare, Scope::Popup];
    // As wide as the longest label (overridden keys can make long ones), within reason; a
    // label cut short still ends with "…" and a space before its text.
    let column = scopes
        .iter()
        .flat_map(|&scope| app.keymap().bindings(scope))
        .map(|b| unicode_width::UnicodeWidthStr::width(b.label.as_str()))
        .max()
        .unwrap_or(0)
        .clamp(11, 30);
    let mut lines = Vec::new();
    for scope in scopes {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(scope.title(), app.theme().title));
        for binding in app.keymap().bindings(scope) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {} ", pad(&binding.label, column)),
                    app.theme().key,
                ),
                Span::raw(binding.help),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Mouse: click a skill or a level; the wheel scrolls the pane under it.",
        app.theme().dim,
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
    if let Some(error) = &app.config_error() {
        for row in wrap(&error.to_string(), width, "• ", "  ") {
            lines.push(Line::raw(row));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "The config file was not used: the defaults apply until it is fixed.",
            app.theme().dim,
        ));
    }
    let data_errors = app.catalog().errors.len();
    if data_errors > 0 {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        for error in &app.catalog().errors {
            for row in wrap(&error.to_string(), width, "• ", "  ") {
                lines.push(Line::raw(row));
            }
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "These files were skipped; everything else loaded.",
            app.theme().dim,
        ));
    }
    let title = match (app.config_error().is_some(), data_errors) {
        (true, 0) => " The config file failed to load ".to_string(),
        (true, n) => format!(" The config file and {n} data file(s) failed to load "),
        (false, n) => format!(" {n} data file(s) failed to load "),
    };
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
    frame.buffer_mut().set_style(area, app.theme().base);
    let block = Block::bordered()
        .title(title.to_string())
        .border_style(app.theme().focused_border);
    let inside = block.inner(area);
    frame.render_widget(block, area);
    super::draw_scrolled(frame, inside, &lines, scroll);
}
