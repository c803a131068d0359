//! The guidance pane: overall description, guidance notes with bullets, notes, placement,
//! source and attribution.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use super::text::{fit, mark_terms, wrap};
use super::{pane_block, search_terms};
use crate::data::catalog::Entry;
use crate::data::model::{GuidanceBlock, Status};
use crate::query::render::placement;
use crate::tui::layout::Pane;
use crate::tui::state::App;
use crate::tui::wrap_cache::WrapKey;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    frame.render_widget(
        pane_block(app, Pane::Guidance, " Guidance ".to_string()),
        area,
    );
    let (Some(skill), Some(entry)) = (app.selected(), app.selected_entry()) else {
        return;
    };
    let inside = crate::tui::layout::inner(area);
    // One column is kept for the scrollbar.
    let width = usize::from(inside.width.saturating_sub(1));
    let key = WrapKey {
        skill,
        level: None,
        width,
        terms: search_terms(app).to_vec(),
    };
    let lines = (app.wrapped().guidance).get_or_wrap(key, || guidance_lines(app, entry, width));
    super::draw_scrolled(frame, inside, &lines, app.guidance_scroll());
}

pub fn guidance_lines(app: &App, entry: &Entry, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme();
    let terms = search_terms(app);
    let skill = &entry.skill;
    let framework = app.catalog().framework_of(entry);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let paragraph = |lines: &mut Vec<Line<'static>>, text: &str, first: &str, rest: &str| {
        for row in wrap(text, width, first, rest) {
            lines.push(Line::from(mark_terms(
                &row,
                terms,
                theme.text,
                theme.matched,
            )));
        }
    };
    let heading = |lines: &mut Vec<Line<'static>>, text: &str| {
        lines.push(Line::raw(""));
        lines.push(fit(
            vec![Span::styled(text.to_string(), theme.title)],
            width,
        ));
    };
    for row in wrap(&format!("{} {}", skill.code, skill.name), width, "", "") {
        lines.push(Line::styled(row, theme.title));
    }
    let mut context = framework.title();
    let placement = placement(entry);
    if !placement.is_empty() {
        context = format!("{context} · {placement}");
    }
    for row in wrap(&context, width, "", "") {
        lines.push(Line::styled(row, theme.dim));
    }
    match skill.status {
        Status::Published => {}
        Status::Prototype => lines.push(Line::styled(
            "Prototype: may change before release",
            theme.status_prototype,
        )),
        Status::Proposed => lines.push(Line::styled(
            "Proposed: not part of the published framework",
            theme.status_proposed,
        )),
    }
    lines.push(Line::raw(""));
    paragraph(&mut lines, &skill.description, "", "");
    let blocks = skill.guidance_blocks();
    if !blocks.is_empty() {
        heading(&mut lines, "Guidance notes");
        for (index, block) in blocks.into_iter().enumerate() {
            if index > 0 {
                lines.push(Line::raw(""));
            }
            match block {
                GuidanceBlock::Paragraph(text) => paragraph(&mut lines, &text, "", ""),
                GuidanceBlock::Bullets(items) => {
                    for item in items {
                        paragraph(&mut lines, item, "• ", "  ");
                    }
                }
            }
        }
    }
    if !skill.notes.is_empty() {
        heading(&mut lines, "Notes");
        for note in &skill.notes {
            paragraph(&mut lines, note, "• ", "  ");
        }
    }
    heading(&mut lines, "Source");
    if let Some(url) = &skill.url {
        for row in wrap(url, width, "", "") {
            lines.push(Line::styled(row, theme.dim));
        }
    }
    let source = framework
        .source
        .clone()
        .unwrap_or_else(|| framework.title());
    for row in wrap(&source, width, "", "") {
        lines.push(Line::styled(row, theme.dim));
    }
    lines
}
