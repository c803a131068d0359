//! The levels pane: the seven levels of responsibility, undefined ones dimmed, and the selected
//! level's statements in full, then what the level itself means: its essence on one line, or
//! whole (`x`).

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::levels_of_responsibility::AttributesElsewhere;
use super::text::{fit, mark_terms, wrap};
use super::{document, pane_block, DetailView};
use crate::data::catalog::FrameworkInfo;
use crate::data::model::{Level, Skill};
use crate::query::render::document::Document;
use crate::query::render::levels::essence_lines;
use crate::tui::layout;
use crate::tui::theme::Theme;

/// What the levels pane shows.
pub type LevelsView<'a> = DetailView<'a, ShownLevel<'a>>;

/// A skill at a level.
pub struct ShownLevel<'a> {
    pub skill: &'a Skill,
    /// The skill's framework, which names the levels.
    pub framework: &'a FrameworkInfo,
    pub level: Level,
    /// Search terms to mark in the statements.
    pub terms: &'a [String],
    /// The first statement row shown; drawing keeps it within the text.
    pub scroll: usize,
    /// The essence whole rather than on one line.
    pub essence_expanded: bool,
    /// The framework has no attributes, another does: said instead of the essence when the
    /// level has none.
    pub attributes_elsewhere: Option<AttributesElsewhere<'a>>,
    /// My level and target of the skill, from the profile.
    pub marked: Marked,
}

/// A skill's levels in the profile: mine and my target. Shown as letters, M and T, so that they
/// read without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marked {
    pub level: Option<Level>,
    pub target: Option<Level>,
}

impl Marked {
    /// "M" at my level, "T" at my target (my level wins should they be one).
    pub fn letter(&self, level: Level) -> Option<&'static str> {
        if self.level == Some(level) {
            Some("M")
        } else if self.target == Some(level) {
            Some("T")
        } else {
            None
        }
    }

    /// What the ladder says after the level's name: "  mine", "  target".
    fn words(&self, level: Level) -> &'static str {
        match self.letter(level) {
            Some("M") => "  mine",
            Some(_) => "  target",
            None => "",
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, view: &LevelsView) {
    let title = match &view.shown {
        Some(shown) => format!(" Levels · {} ", shown.skill.code),
        None => " Levels ".to_string(),
    };
    frame.render_widget(pane_block(view.theme, view.focused, title), area);
    let Some(shown) = &view.shown else {
        return;
    };
    let (ladder_area, statements_area) = layout::levels_parts(area);
    draw_ladder(frame, ladder_area, view.theme, shown);
    let lines = statements_in(statements_area, view.theme, shown);
    super::draw_scrolled(frame, statements_area, lines, shown.scroll);
}

/// How far the statements of the pane drawn in `area` can scroll.
pub fn scroll_limit(area: Rect, view: &LevelsView) -> usize {
    let Some(shown) = &view.shown else { return 0 };
    let (_, statements_area) = layout::levels_parts(area);
    let lines = statements_in(statements_area, view.theme, shown);
    super::scroll_limit(lines.len(), statements_area)
}

/// The statements laid out for `area`, one column kept for the scrollbar.
fn statements_in(area: Rect, theme: &Theme, shown: &ShownLevel) -> Vec<Line<'static>> {
    statement_lines(theme, shown, usize::from(area.width.saturating_sub(1)))
}

/// The level shown at a point of the ladder, for mouse clicks.
pub fn ladder_level_at(area: Rect, column: u16, row: u16) -> Option<Level> {
    let (ladder, _) = layout::levels_parts(area);
    if !ladder.contains(ratatui::layout::Position::new(column, row)) {
        return None;
    }
    let index = if ladder.height == 1 {
        (column - ladder.x) / layout::COMPACT_LADDER_CELL
    } else {
        row - ladder.y
    };
    u8::try_from(index + 1).ok().and_then(Level::new)
}

fn draw_ladder(frame: &mut Frame, area: Rect, theme: &Theme, shown: &ShownLevel) {
    if area.height == 1 {
        return draw_compact_ladder(frame, area, theme, shown);
    }
    let width = usize::from(area.width);
    let lines: Vec<Line> = Level::all()
        .map(|level| {
            let defined = shown.skill.is_defined_at(level);
            let selected = level == shown.level;
            let marker = if selected { "▶" } else { " " };
            let mark = (shown.marked.letter(level)).unwrap_or(if defined { "●" } else { "·" });
            let style = if defined {
                theme.level_defined
            } else {
                theme.level_undefined
            };
            let name_style = if defined {
                theme.text
            } else {
                theme.level_undefined
            };
            let spans = vec![
                Span::styled(format!("{marker}{level} {mark} "), style),
                Span::styled(shown.framework.level_name(level).to_string(), name_style),
                Span::styled(shown.marked.words(level), theme.title),
            ];
            let mut line = fit(spans, width);
            if selected {
                let used = line.width();
                line.spans
                    .push(Span::raw(" ".repeat(width.saturating_sub(used))));
                line = line.patch_style(theme.level_selected);
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The ladder in one row, "·  ·  3  4 [5] 6  ·", for short panes.
fn draw_compact_ladder(frame: &mut Frame, area: Rect, theme: &Theme, shown: &ShownLevel) {
    let spans: Vec<Span> = Level::all()
        .map(|level| {
            let defined = shown.skill.is_defined_at(level);
            let text = match (shown.marked.letter(level), defined) {
                (Some(letter), _) => format!("{letter}{level} "),
                (None, true) => format!(" {level} "),
                (None, false) => " · ".to_string(),
            };
            let style = match (level == shown.level, defined) {
                (true, _) => theme.level_selected,
                (false, true) => theme.level_defined,
                (false, false) => theme.level_undefined,
            };
            Span::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(fit(spans, usize::from(area.width))), area);
}

/// The level's heading and its statements as bullets, wrapped to `width`.
pub fn statement_lines(theme: &Theme, shown: &ShownLevel, width: usize) -> Vec<Line<'static>> {
    let (skill, level) = (shown.skill, shown.level);
    let heading = format!("Level {level} — {}", shown.framework.level_name(level));
    let mut lines: Vec<Line<'static>> = (wrap(&heading, width, "", "").into_iter())
        .map(|row| Line::styled(row, theme.title))
        .collect();
    match skill.statements(level) {
        Some(statements) => {
            for statement in statements {
                for row in wrap(statement, width, "• ", "  ") {
                    lines.push(Line::from(mark_terms(
                        &row,
                        shown.terms,
                        theme.text,
                        theme.matched,
                    )));
                }
            }
        }
        None => lines.push(Line::styled(
            format!(
                "Not defined at this level; defined at {}.",
                skill.level_range_text()
            ),
            theme.dim,
        )),
    }
    let meaning = meaning_lines(theme, shown, width);
    if !meaning.is_empty() {
        lines.push(Line::raw(""));
        lines.extend(meaning);
    }
    lines
}

/// What the level means: its essence (one line, or whole when expanded); without one, where
/// the attributes are, or how to get them (one line, or whole when expanded).
fn meaning_lines(theme: &Theme, shown: &ShownLevel, width: usize) -> Vec<Line<'static>> {
    let (framework, level) = (shown.framework, shown.level);
    if let (None, Some(elsewhere)) = (framework.essence(level), &shown.attributes_elsewhere) {
        // Short, and what to do: wrapped whole.
        let note = wrap(&elsewhere.note(), width, "", "").into_iter();
        return note.map(|line| Line::styled(line, theme.dim)).collect();
    }
    let lines = essence_lines(framework, level, width, shown.essence_expanded);
    document::lines(&Document { lines }, theme)
}

#[cfg(test)]
mod tests {
    use ratatui::style::Modifier;

    use super::*;
    use crate::data::catalog::Catalog;
    use crate::tui::testing::buffer_text;
    use crate::tui::ui::test_support::{assert_pane_snapshots, catalog, entry, monochrome};
    use crate::tui::ui::test_support::{render, style_at};

    /// RELM at level 4, "rollback" marked.
    fn view<'a>(catalog: &'a Catalog, theme: &'a Theme, terms: &'a [String]) -> LevelsView<'a> {
        let relm = entry(catalog, "RELM");
        LevelsView {
            theme,
            focused: true,
            shown: Some(ShownLevel {
                skill: &relm.skill,
                framework: catalog.framework_of(relm),
                level: Level::new(4).unwrap(),
                terms,
                scroll: 0,
                essence_expanded: false,
                attributes_elsewhere: None,
                marked: Marked::default(),
            }),
        }
    }

    #[test]
    fn a_level_with_the_ladder() {
        let (catalog, theme, terms) = (catalog(), monochrome(), ["rollback".to_string()]);
        let view = view(&catalog, &theme, &terms);
        assert_pane_snapshots("levels", |frame, area| draw(frame, area, &view));
    }

    /// My level 4 and target 5 as letters, in the full ladder and in one row.
    #[test]
    fn my_level_and_target_are_marked_without_colour() {
        let (catalog, theme) = (catalog(), monochrome());
        let mut view = view(&catalog, &theme, &[]);
        view.shown.as_mut().unwrap().marked = Marked {
            level: Level::new(4),
            target: Level::new(5),
        };
        let text = buffer_text(&render(80, 24, |frame, area| draw(frame, area, &view)));
        assert!(text.contains("▶4 M Enable  mine"), "{text}");
        assert!(text.contains(" 5 T Ensure, advise  target"), "{text}");
        assert!(text.contains(" 6 ● Initiate"), "{text}");
        let text = buffer_text(&render(40, 8, |frame, area| draw(frame, area, &view)));
        assert!(text.contains("M4 T5  6 "), "{text}");
    }

    #[test]
    fn no_skill_leaves_the_pane_empty() {
        let theme = monochrome();
        let view = LevelsView {
            theme: &theme,
            focused: false,
            shown: None,
        };
        let text = buffer_text(&render(40, 12, |frame, area| draw(frame, area, &view)));
        assert!(text.starts_with("┌ Levels ─"), "{text}");
        assert!(!text.contains("Level "), "{text}");
    }

    #[test]
    fn the_selected_level_is_reversed_and_search_terms_are_marked() {
        let catalog = catalog();
        let terms = ["rollback".to_string()];
        for theme in [monochrome(), Theme::new(true)] {
            let view = view(&catalog, &theme, &terms);
            let buffer = render(80, 24, |frame, area| draw(frame, area, &view));
            let (selected, _) = style_at(&buffer, "▶4 ● Enable");
            assert!(selected.contains(Modifier::REVERSED), "{selected:?}");
            let (other, _) = style_at(&buffer, " 5 ● Ensure");
            assert!(!other.contains(Modifier::REVERSED), "{other:?}");
            let (matched, _) = style_at(&buffer, "rollback");
            assert!(matched.contains(Modifier::UNDERLINED), "{matched:?}");
        }
    }

    #[test]
    fn scrolling_stops_with_the_last_row_at_the_bottom() {
        let (catalog, theme) = (catalog(), monochrome());
        let mut view = view(&catalog, &theme, &[]);
        view.shown.as_mut().unwrap().scroll = 1 << 20;
        let area = Rect::new(0, 0, 40, 12);
        let text = buffer_text(&render(40, 12, |frame, area| draw(frame, area, &view)));
        let (_, statements) = layout::levels_parts(area);
        let width = usize::from(statements.width - 1);
        let lines = statement_lines(&theme, view.shown.as_ref().unwrap(), width);
        assert!(
            lines.len() > usize::from(statements.height),
            "the text overflows"
        );
        let last: String = lines.last().unwrap().to_string();
        let bottom = text
            .lines()
            .nth(usize::from(statements.bottom() - 1))
            .unwrap();
        assert!(
            bottom.contains(last.trim_end()),
            "{last:?} at the bottom of\n{text}"
        );
        assert!(
            !text.contains("Level 4 — Enable"),
            "the heading scrolled away"
        );
    }

    #[test]
    fn a_click_on_the_ladder_names_its_level() {
        let area = Rect::new(10, 5, 60, 30);
        let (ladder, _) = layout::levels_parts(area);
        assert_eq!(ladder.height, layout::LADDER_ROWS, "the full ladder");
        for level in Level::all() {
            let row = ladder.y + u16::from(level.get()) - 1;
            assert_eq!(ladder_level_at(area, ladder.x + 3, row), Some(level));
        }
        assert_eq!(
            ladder_level_at(area, ladder.x, ladder.y + ladder.height),
            None
        );
        let short = Rect::new(0, 0, 40, 8);
        let (ladder, _) = layout::levels_parts(short);
        assert_eq!(ladder.height, 1, "one row");
        let fifth = ladder.x + 4 * layout::COMPACT_LADDER_CELL + 1;
        assert_eq!(ladder_level_at(short, fifth, ladder.y), Level::new(5));
    }
}
