//! The comparison view: two (skill, level) sides side by side.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

use super::text::{fit, wrap};
use crate::tui::app::{App, Comparison, Side};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, comparison: &Comparison) {
    let [body, footer] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1.min(area.height)),
    ]));
    let columns: [Rect; 2] = body.layout(&Layout::horizontal([
        Constraint::Percentage(50),
        Constraint::Percentage(50),
    ]));
    for (index, (side, column)) in comparison.sides.iter().zip(columns).enumerate() {
        draw_side(
            frame,
            column,
            app,
            *side,
            index == comparison.active,
            comparison.scroll,
        );
    }
    super::status::draw_footer(frame, footer, app);
}

fn draw_side(frame: &mut Frame, area: Rect, app: &App, side: Side, active: bool, scroll: usize) {
    let entry = &app.catalog.entries[side.entry];
    let level_name = app.catalog.framework_of(entry).level_name(side.level);
    let title = format!(" {} L{} — {} ", entry.skill.code, side.level, level_name);
    let style = if active {
        app.theme.focused_border
    } else {
        app.theme.border
    };
    let block = Block::bordered()
        .border_style(style)
        .title(Line::styled(title, app.theme.title));
    let inside = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inside.width.saturating_sub(1));
    let mut lines = vec![fit(
        vec![Span::styled(entry.skill.name.clone(), app.theme.dim)],
        width,
    )];
    for statement in entry.skill.statements(side.level).unwrap_or_default() {
        lines.extend(
            wrap(statement, width, "• ", "  ")
                .into_iter()
                .map(Line::raw),
        );
    }
    super::draw_scrolled(frame, inside, lines, scroll);
    let _ = Paragraph::default();
}
