//! The levels of responsibility (`r`): the framework's levels by number and name, the one shown
//! marked, beside that level's essence, guidance and attributes (`query::render`'s level
//! document, as `skillscope levels 5` prints it). Narrow, the list becomes one row above it.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::text::fit;
use super::{document, pane_block};
use crate::data::catalog::FrameworkInfo;
use crate::data::model::Level;
use crate::query::render::document::Document;
use crate::query::render::levels::level::level_document;
use crate::query::render::levels::AttributeFilter;
use crate::tui::theme::Theme;

/// What the levels of responsibility show.
pub struct LevelsOfResponsibilityView<'a> {
    pub theme: &'a Theme,
    pub framework: &'a FrameworkInfo,
    /// The level shown, one the framework defines.
    pub level: Level,
    /// The first row of the level's text shown; drawing keeps it within the text.
    pub scroll: usize,
}

/// A skill's framework without attributes, and the framework whose attributes `r` shows.
#[derive(Debug, Clone, Copy)]
pub struct AttributesElsewhere<'a> {
    pub lacking: &'a FrameworkInfo,
    pub shown_by_r: &'a FrameworkInfo,
    /// The key that opens the levels of responsibility: "r", or the config file's.
    pub key: &'a str,
}

impl AttributesElsewhere<'_> {
    /// Said where the skill's own attributes would be: "No attributes for SFIA 9; r shows
    /// SFIA 8's levels."
    pub fn note(&self) -> String {
        format!(
            "No attributes for {}; {} shows {}'s levels.",
            self.lacking.title(),
            self.key,
            self.shown_by_r.title()
        )
    }
}

/// From this width the list of levels stands beside the level.
pub const LIST_BESIDE: u16 = 60;

pub fn draw(frame: &mut Frame, area: Rect, view: &LevelsOfResponsibilityView) {
    if let (Some(list), _) = panes(area, view) {
        draw_list(frame, list, view);
    }
    draw_level(frame, area, view);
}

/// The list of levels (when wide enough) and the level's pane.
fn panes(area: Rect, view: &LevelsOfResponsibilityView) -> (Option<Rect>, Rect) {
    if area.width < LIST_BESIDE {
        return (None, area);
    }
    let [list, level] = area.layout(&Layout::horizontal([
        Constraint::Length(list_width(view.framework, area.width)),
        Constraint::Fill(1),
    ]));
    (Some(list), level)
}

/// As wide as the longest "▶4 name" and its borders, within a third of `width`.
fn list_width(framework: &FrameworkInfo, width: u16) -> u16 {
    let longest = (framework.defined_levels())
        .map(|level| framework.level_name(level).width())
        .max()
        .unwrap_or(0);
    let wanted = u16::try_from(longest + 5).unwrap_or(u16::MAX);
    wanted.clamp(12, (width / 3).max(12))
}

/// The defined levels, one a row, the one shown reversed across the row and kept in view.
fn draw_list(frame: &mut Frame, area: Rect, view: &LevelsOfResponsibilityView) {
    let theme = view.theme;
    let block = pane_block(theme, false, " Levels ".to_string());
    let inside = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inside.width);
    let lines: Vec<Line> = (view.framework.defined_levels())
        .map(|level| {
            let selected = level == view.level;
            let marker = if selected { "▶" } else { " " };
            let spans = vec![
                Span::styled(format!("{marker}{level} "), theme.level_defined),
                Span::styled(view.framework.level_name(level).to_string(), theme.text),
            ];
            let line = fit(spans, width);
            if !selected {
                return line;
            }
            let mut line = line;
            let fill = width.saturating_sub(line.width());
            line.spans.push(Span::raw(" ".repeat(fill)));
            line.patch_style(theme.level_selected)
        })
        .collect();
    let at = (view.framework.defined_levels())
        .position(|level| level == view.level)
        .unwrap_or(0);
    let skip = (at + 1).saturating_sub(usize::from(inside.height));
    frame.render_widget(Paragraph::new(lines).scroll((skip as u16, 0)), inside);
}

/// How far the level's text drawn in `area` can scroll.
pub fn scroll_limit(area: Rect, view: &LevelsOfResponsibilityView) -> usize {
    let (_, _, text) = level_parts(area, view);
    super::scroll_limit(level_in(text, view).lines.len(), text)
}

/// The level's pane in `area`, and within it the row of levels (when narrow) and the text.
fn level_parts(area: Rect, view: &LevelsOfResponsibilityView) -> (Rect, Option<Rect>, Rect) {
    let (list, pane) = panes(area, view);
    let inside = crate::tui::layout::inner(pane);
    if list.is_some() || inside.height <= 2 {
        return (pane, None, inside);
    }
    let [row, _gap, rest] = inside.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    (pane, Some(row), rest)
}

/// The level's document laid out for `area`, one column kept for the scrollbar.
fn level_in(area: Rect, view: &LevelsOfResponsibilityView) -> Document {
    let width = usize::from(area.width.saturating_sub(1));
    level_document(view.framework, view.level, &AttributeFilter::every(), width)
}

/// The level's document, scrolled; when narrow, the levels in one row above it.
fn draw_level(frame: &mut Frame, area: Rect, view: &LevelsOfResponsibilityView) {
    let theme = view.theme;
    let (pane, ladder, text) = level_parts(area, view);
    let title = format!(" {} levels of responsibility ", view.framework.title());
    frame.render_widget(pane_block(theme, true, title), pane);
    if let Some(row) = ladder {
        frame.render_widget(Paragraph::new(ladder_row(view, row.width)), row);
    }
    let level = level_in(text, view);
    super::draw_scrolled(frame, text, document::lines(&level, theme), view.scroll);
}

/// " 1  2  3 [4] 5  6  7": the defined levels, the one shown reversed.
fn ladder_row(view: &LevelsOfResponsibilityView, width: u16) -> Line<'static> {
    let theme = view.theme;
    let spans = (view.framework.defined_levels())
        .map(|level| {
            let style = if level == view.level {
                theme.level_selected
            } else {
                theme.level_defined
            };
            Span::styled(format!(" {level} "), style)
        })
        .collect();
    fit(spans, usize::from(width))
}

#[cfg(test)]
mod tests {
    use ratatui::style::Modifier;

    use super::*;
    use crate::data::sources::parse_framework;
    use crate::tui::testing::buffer_text;
    use crate::tui::ui::test_support::{assert_pane_snapshots, monochrome, render, style_at};

    /// The invented levels and attributes of the tests' fixture.
    fn framework() -> FrameworkInfo {
        let text = include_str!("../../../tests/fixtures/levels.ron");
        let mut catalog = crate::data::catalog::Catalog::default();
        catalog.add("levels.ron", parse_framework("levels.ron", text).unwrap());
        catalog.make_printable();
        catalog.frameworks.remove(0)
    }

    fn view<'a>(framework: &'a FrameworkInfo, theme: &'a Theme) -> LevelsOfResponsibilityView<'a> {
        LevelsOfResponsibilityView {
            theme,
            framework,
            level: Level::new(4).unwrap(),
            scroll: 0,
        }
    }

    #[test]
    fn the_list_beside_a_level_with_its_essence_and_attributes() {
        let (framework, theme) = (framework(), monochrome());
        let view = view(&framework, &theme);
        assert_pane_snapshots("levels_of_responsibility", |frame, area| {
            draw(frame, area, &view)
        });
    }

    #[test]
    fn the_level_shown_is_reversed_in_the_list_and_in_the_narrow_row() {
        let framework = framework();
        for theme in [monochrome(), Theme::new(true)] {
            let view = view(&framework, &theme);
            let wide = render(80, 24, |frame, area| draw(frame, area, &view));
            let text = buffer_text(&wide);
            assert!(text.contains("│▶4 Enable"), "{text}");
            assert!(text.contains("Essence: Performs varied work"), "{text}");
            let (selected, _) = style_at(&wide, "▶4 Enable");
            assert!(selected.contains(Modifier::REVERSED), "{selected:?}");
            let (other, _) = style_at(&wide, " 5 Ensure");
            assert!(!other.contains(Modifier::REVERSED), "{other:?}");
            let narrow = render(40, 12, |frame, area| draw(frame, area, &view));
            let text = buffer_text(&narrow);
            assert!(text.contains(" 1  2  3  4  5  6  7"), "{text}");
            assert!(
                !text.contains("▶") && !text.contains("Assist"),
                "no list: {text}"
            );
            let (selected, _) = style_at(&narrow, " 4 ");
            assert!(selected.contains(Modifier::REVERSED), "{selected:?}");
        }
    }

    #[test]
    fn scrolling_reaches_the_last_attribute_and_stops_there() {
        let (framework, theme) = (framework(), monochrome());
        let view = LevelsOfResponsibilityView {
            level: Level::new(5).unwrap(),
            scroll: 1 << 20,
            ..view(&framework, &theme)
        };
        let text = buffer_text(&render(80, 12, |frame, area| draw(frame, area, &view)));
        let rows: Vec<&str> = text.lines().collect();
        assert!(
            rows[rows.len() - 2].contains("• Leads a team and grows its members."),
            "the last statement on the last row:\n{text}"
        );
    }
}
