//! The footer: the key hints of the keys in force.

use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::text::fit;
use crate::tui::theme::Theme;

/// What the footer shows.
pub struct FooterView<'a> {
    pub theme: &'a Theme,
    /// (keys, what they do): ("q", "quit").
    pub hints: Vec<(&'a str, &'static str)>,
}

pub fn draw(frame: &mut Frame, area: Rect, view: &FooterView) {
    let mut spans = Vec::new();
    for (keys, hint) in &view.hints {
        spans.push(Span::styled(format!(" {keys}"), view.theme.key));
        spans.push(Span::styled(format!(" {hint} "), view.theme.dim));
    }
    frame.render_widget(Paragraph::new(fit(spans, usize::from(area.width))), area);
}
