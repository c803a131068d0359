//! Drawing: reads the app's state, never changes it. One file per pane or popup.

mod comparison;
pub mod guidance;
pub mod levels;
mod popups;
pub mod skill_list;
mod status;
pub mod text;

use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};
use ratatui::Frame;

use super::layout::Pane;
use super::state::{App, Popup};

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    frame.buffer_mut().set_style(area, app.theme().base);
    if let Some(comparison) = app.comparison() {
        comparison::draw(frame, area, app, comparison);
    } else {
        let screen = app.screen();
        if let Some(list) = screen.list {
            skill_list::draw(frame, list, app);
        }
        if let Some(levels) = screen.levels {
            levels::draw(frame, levels, app);
        }
        if let Some(guidance) = screen.guidance {
            guidance::draw(frame, guidance, app);
        }
        status::draw_status(frame, screen.status, app);
        status::draw_footer(frame, screen.footer, app);
    }
    // A skill picked for the comparison is searched for in a list drawn over it.
    if app.comparison().is_some() && app.search().is_some() {
        let picker = super::layout::centered(area, 90, area.height.saturating_sub(2));
        frame.render_widget(ratatui::widgets::Clear, picker);
        frame.buffer_mut().set_style(picker, app.theme().base);
        skill_list::draw(frame, picker, app);
    }
    match app.popup() {
        Some(Popup::Help { scroll }) => popups::draw_help(frame, app, scroll),
        Some(Popup::LoadErrors { scroll }) => popups::draw_load_errors(frame, app, scroll),
        None => {}
    }
}

/// A pane's border, bright when it has the focus.
pub fn pane_block(app: &App, pane: Pane, title: String) -> Block<'static> {
    let focused = app.focus() == pane && app.comparison().is_none();
    let style = if focused {
        app.theme().focused_border
    } else {
        app.theme().border
    };
    let title_style = if focused {
        app.theme().title
    } else {
        app.theme().text
    };
    Block::bordered()
        .border_style(style)
        .title(Line::styled(title, title_style))
}

/// Search terms to mark in the detail panes while a search is open.
pub fn search_terms(app: &App) -> &[String] {
    app.search().map(|s| s.query().terms()).unwrap_or(&[])
}

/// Draws the visible slice of `lines` from `scroll` (clamped), with a scrollbar when they overflow.
/// Only the visible lines are copied and drawn.
pub fn draw_scrolled(frame: &mut Frame, area: Rect, lines: &[Line<'static>], scroll: usize) {
    let height = usize::from(area.height);
    let total = lines.len();
    let scroll = scroll.min(total.saturating_sub(height));
    let visible: Vec<Line> = lines[scroll..].iter().take(height).cloned().collect();
    frame.render_widget(Paragraph::new(visible), area);
    scrollbar(frame, area, total, scroll, height);
}

/// A vertical scrollbar at the right edge of `area` when `total` rows exceed the `height` shown.
pub fn scrollbar(frame: &mut Frame, area: Rect, total: usize, position: usize, height: usize) {
    if total <= height || area.width == 0 || area.height == 0 {
        return;
    }
    let mut state = ScrollbarState::new(total.saturating_sub(height))
        .position(position)
        .viewport_content_length(height);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None);
    frame.render_stateful_widget(bar, area, &mut state);
}
