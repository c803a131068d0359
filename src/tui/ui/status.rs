//! The status line (counts, sources, warnings, notices) and the footer of key hints.

use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::text::fit;
use crate::tui::state::App;

pub fn draw_status(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme();
    let mut spans = Vec::new();
    if !app.catalog().errors.is_empty() {
        spans.push(Span::styled(
            format!(
                " ⚠ {} file(s) failed to load (!) ",
                app.catalog().errors.len()
            ),
            theme.warning,
        ));
    }
    if app.config_error().is_some() {
        spans.push(Span::styled(
            " ⚠ config file not used: defaults apply (!) ",
            theme.warning,
        ));
    }
    if let Some(notice) = &app.notice() {
        spans.push(Span::styled(format!(" {notice}"), theme.title));
    } else {
        let sources = app.catalog().sources.len();
        let mut text = format!(
            " {} skills from {} source{}",
            app.catalog().entries.len(),
            sources,
            if sources == 1 { "" } else { "s" }
        );
        if let Some(search) = app.search() {
            if !search.query().is_empty() {
                text.push_str(&format!(
                    " · {} match{}",
                    search.hits().len(),
                    if search.hits().len() == 1 { "" } else { "es" }
                ));
            }
        }
        if let Some(entry) = app.selected_entry() {
            text.push_str(&format!(" · {} L{}", entry.skill.code, app.level()));
        }
        spans.push(Span::styled(text, theme.dim));
    }
    frame.render_widget(Paragraph::new(fit(spans, usize::from(area.width))), area);
}

pub fn draw_footer(frame: &mut Frame, area: Rect, app: &App) {
    let mut spans = Vec::new();
    for (keys, hint) in app.keymap().hints(app.scope()) {
        spans.push(Span::styled(format!(" {keys}"), app.theme().key));
        spans.push(Span::styled(format!(" {hint} "), app.theme().dim));
    }
    frame.render_widget(Paragraph::new(fit(spans, usize::from(area.width))), area);
}
