//! The help popup: every key in force, by scope.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::text::pad;
use crate::tui::theme::Theme;

/// What the help shows.
pub struct HelpView<'a> {
    pub theme: &'a Theme,
    pub sections: Vec<HelpSection<'a>>,
    pub scroll: usize,
}

/// The keys of one scope: "Browsing", then (keys, what they do).
pub struct HelpSection<'a> {
    pub title: &'static str,
    pub keys: Vec<(&'a str, &'static str)>,
}

pub fn draw(frame: &mut Frame, area: Rect, view: &HelpView) {
    let lines = help_lines(view);
    let title = " Help — Esc to close ";
    super::draw_popup(frame, area, view.theme, title, lines, 64, view.scroll);
}

fn help_lines(view: &HelpView) -> Vec<Line<'static>> {
    let theme = view.theme;
    // As wide as the longest label (overridden keys can make long ones), within reason; a
    // label cut short still ends with "…" and a space before its text.
    let column = view
        .sections
        .iter()
        .flat_map(|section| &section.keys)
        .map(|(label, _)| label.width())
        .max()
        .unwrap_or(0)
        .clamp(11, 30);
    let mut lines = Vec::new();
    for section in &view.sections {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(section.title, theme.title));
        for (label, help) in &section.keys {
            lines.push(Line::from(vec![
                Span::styled(format!("  {} ", pad(label, column)), theme.key),
                Span::raw(*help),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Mouse: click a skill or a level; the wheel scrolls the pane under it.",
        theme.dim,
    ));
    lines
}
