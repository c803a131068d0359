//! The guidance pane: overall description, guidance notes with bullets, notes, placement,
//! source and attribution.

use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::Frame;

use super::text::{mark_terms, wrap};
use super::{pane_block, DetailView};
use crate::data::catalog::{Entry, FrameworkInfo};
use crate::data::model::{GuidanceBlock, Status};
use crate::query::render::placement;
use crate::tui::theme::Theme;

/// What the guidance pane shows.
pub type GuidanceView<'a> = DetailView<'a, ShownGuidance<'a>>;

/// A skill's guidance.
pub struct ShownGuidance<'a> {
    pub entry: &'a Entry,
    pub framework: &'a FrameworkInfo,
    /// Search terms to mark in the text.
    pub terms: &'a [String],
    /// The first row shown; drawing keeps it within the text.
    pub scroll: usize,
}

pub fn draw(frame: &mut Frame, area: Rect, view: &GuidanceView) {
    let block = pane_block(view.theme, view.focused, " Guidance ".to_string());
    frame.render_widget(block, area);
    let Some(shown) = &view.shown else {
        return;
    };
    let inside = crate::tui::layout::inner(area);
    let lines = lines_in(inside, view.theme, shown);
    super::draw_scrolled(frame, inside, lines, shown.scroll);
}

/// How far the guidance of the pane drawn in `area` can scroll.
pub fn scroll_limit(area: Rect, view: &GuidanceView) -> usize {
    let Some(shown) = &view.shown else { return 0 };
    let inside = crate::tui::layout::inner(area);
    super::scroll_limit(lines_in(inside, view.theme, shown).len(), inside)
}

/// The guidance laid out for `area`, one column kept for the scrollbar.
fn lines_in(area: Rect, theme: &Theme, shown: &ShownGuidance) -> Vec<Line<'static>> {
    guidance_lines(theme, shown, usize::from(area.width.saturating_sub(1)))
}

/// Every line of the guidance, wrapped to `width`.
pub fn guidance_lines(theme: &Theme, shown: &ShownGuidance, width: usize) -> Vec<Line<'static>> {
    let skill = &shown.entry.skill;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let paragraph = |lines: &mut Vec<Line<'static>>, text: &str, first: &str, rest: &str| {
        for row in wrap(text, width, first, rest) {
            lines.push(Line::from(mark_terms(
                &row,
                shown.terms,
                theme.text,
                theme.matched,
            )));
        }
    };
    let styled = |lines: &mut Vec<Line<'static>>, text: &str, style| {
        for row in wrap(text, width, "", "") {
            lines.push(Line::styled(row, style));
        }
    };
    let heading = |lines: &mut Vec<Line<'static>>, text: &str| {
        lines.push(Line::raw(""));
        styled(lines, text, theme.title);
    };
    let plain = |lines: &mut Vec<Line<'static>>, text: &str| styled(lines, text, theme.dim);
    styled(
        &mut lines,
        &format!("{} {}", skill.code, skill.name),
        theme.title,
    );
    let mut context = shown.framework.title();
    let placement = placement(shown.entry);
    if !placement.is_empty() {
        context = format!("{context} · {placement}");
    }
    plain(&mut lines, &context);
    match skill.status {
        Status::Published => {}
        Status::Prototype => styled(
            &mut lines,
            "Prototype: may change before release",
            theme.status_prototype,
        ),
        Status::Proposed => styled(
            &mut lines,
            "Proposed: not part of the published framework",
            theme.status_proposed,
        ),
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
    if !skill.rationale.is_empty() {
        heading(&mut lines, "Rationale");
        for (index, text) in skill.rationale.iter().enumerate() {
            if index > 0 {
                lines.push(Line::raw(""));
            }
            paragraph(&mut lines, text, "", "");
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
        plain(&mut lines, url);
    }
    let source = shown
        .framework
        .source
        .clone()
        .unwrap_or_else(|| shown.framework.title());
    plain(&mut lines, &source);
    lines
}

#[cfg(test)]
mod tests {
    use ratatui::style::Modifier;

    use super::*;
    use crate::tui::ui::test_support::{assert_pane_snapshots, catalog, entry, monochrome};
    use crate::tui::ui::test_support::{render, style_at};

    #[test]
    fn a_skills_guidance() {
        let (catalog, theme) = (catalog(), monochrome());
        let relm = entry(&catalog, "RELM");
        let view = GuidanceView {
            theme: &theme,
            focused: false,
            shown: Some(ShownGuidance {
                entry: relm,
                framework: catalog.framework_of(relm),
                terms: &[],
                scroll: 0,
            }),
        };
        assert_pane_snapshots("guidance", |frame, area| draw(frame, area, &view));
    }

    #[test]
    fn search_terms_are_marked_and_the_prototype_status_is_italic() {
        let catalog = catalog();
        let relm = entry(&catalog, "RELM");
        let terms = ["available".to_string()];
        for theme in [monochrome(), Theme::new(true)] {
            let view = GuidanceView {
                theme: &theme,
                focused: true,
                shown: Some(ShownGuidance {
                    entry: relm,
                    framework: catalog.framework_of(relm),
                    terms: &terms,
                    scroll: 0,
                }),
            };
            let buffer = render(80, 24, |frame, area| draw(frame, area, &view));
            let (matched, _) = style_at(&buffer, "available");
            assert!(matched.contains(Modifier::UNDERLINED), "{matched:?}");
            let (status, _) = style_at(&buffer, "Prototype:");
            assert!(status.contains(Modifier::ITALIC), "{status:?}");
        }
    }
}
