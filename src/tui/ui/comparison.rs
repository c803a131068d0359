//! The comparison view: two (skill, level) sides side by side with a word diff, and what their
//! levels ask below them on request; two levels of responsibility side by side, attribute by
//! attribute; the progression of one skill through all its levels; and a presentation mode for
//! projectors. The layout is `query::render`'s, the same the `compare` and `levels` commands
//! print; this pane gives it borders and styles.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::document;
use super::levels_of_responsibility::AttributesElsewhere;
use crate::data::catalog::{Catalog, Entry};
use crate::query::render::comparison::pane::{pane_comparison, pane_progression, PaneLayout};
use crate::query::render::comparison::Side;
use crate::query::render::document::{Document, Line as DocumentLine, Mark};
use crate::query::render::levels::compared::{pane_level_attributes, pane_level_comparison};
use crate::query::render::levels::{AttributeFilter, LevelSide};
use crate::tui::theme::Theme;

/// What the comparison view shows.
pub struct ComparisonView<'a> {
    pub theme: &'a Theme,
    /// No borders, a blank row after each statement: for projectors.
    pub presentation: bool,
    /// The key that leaves presentation mode ("Esc"), said in its top margin.
    pub leave_key: &'a str,
    /// The first row shown; drawing keeps it within the text.
    pub scroll: usize,
    pub compared: Compared<'a>,
}

pub enum Compared<'a> {
    /// Two sides, statement by statement; `active` is the side the level keys change (0 left).
    Sides {
        sides: [Side<'a>; 2],
        active: usize,
        level_attributes: LevelAttributes<'a>,
    },
    /// Two levels of responsibility, attribute by attribute.
    Levels {
        sides: [LevelSide<'a>; 2],
        active: usize,
    },
    /// One skill through all its defined levels.
    Progression {
        catalog: &'a Catalog,
        entry: &'a Entry,
    },
}

/// Under two skills (`a`): what their levels ask.
#[derive(Debug, Clone, Copy)]
pub enum LevelAttributes<'a> {
    Hidden,
    /// The levels of the skills' frameworks, or the line saying that none are loaded.
    Shown,
    /// A skill's framework has none; another framework's are what `r` shows.
    Elsewhere(AttributesElsewhere<'a>),
}

pub fn draw(frame: &mut Frame, area: Rect, view: &ComparisonView) {
    let theme = view.theme;
    let inside = text_area(area, view.presentation);
    if view.presentation {
        // No chrome: a margin instead of borders, and in it how to leave.
        if inside.y > area.y {
            let top = Rect::new(inside.x, area.y, inside.width, 1);
            draw_leave_hint(frame, top, theme, view.leave_key);
        }
    } else {
        let title = match view.compared {
            Compared::Progression { .. } => " Progression ",
            Compared::Sides { .. } => " Compare levels ",
            Compared::Levels { .. } => " Compare levels of responsibility ",
        };
        let block = Block::bordered()
            .border_style(theme.focused_border)
            .title(Line::styled(title, theme.title));
        frame.render_widget(block, area);
    }
    let laid_out = laid_out(view, inside);
    super::draw_scrolled(
        frame,
        inside,
        document::lines(&laid_out, theme),
        view.scroll,
    );
}

/// How far the comparison drawn in `area` can scroll.
pub fn scroll_limit(area: Rect, view: &ComparisonView) -> usize {
    let inside = text_area(area, view.presentation);
    super::scroll_limit(laid_out(view, inside).lines.len(), inside)
}

/// Where the text goes: inside the borders, or within a margin in presentation mode.
fn text_area(area: Rect, presentation: bool) -> Rect {
    if presentation {
        area.inner(ratatui::layout::Margin::new(
            2.min(area.width / 4),
            1.min(area.height / 4),
        ))
    } else {
        crate::tui::layout::inner(area)
    }
}

/// The comparison laid out for `inside`, one column kept for the scrollbar.
fn laid_out(view: &ComparisonView, inside: Rect) -> Document {
    let presentation = view.presentation;
    let width = usize::from(inside.width.saturating_sub(1));
    let layout = |active: usize| PaneLayout {
        width,
        active,
        presentation,
    };
    match &view.compared {
        Compared::Sides {
            sides,
            active,
            level_attributes,
        } => {
            let layout = layout(*active);
            let mut document = pane_comparison(&sides[0], &sides[1], layout);
            document.extend(levels_below(sides, *level_attributes, layout).lines);
            document
        }
        Compared::Levels { sides, active } => {
            let every = AttributeFilter::every();
            pane_level_comparison(sides[0], sides[1], &every, layout(*active))
        }
        Compared::Progression { catalog, entry } => {
            pane_progression(catalog, entry, width, presentation)
        }
    }
}

/// "Esc leaves presentation mode", dim, at the right of `area`; shorter when narrow.
fn draw_leave_hint(frame: &mut Frame, area: Rect, theme: &Theme, key: &str) {
    let width = usize::from(area.width);
    let long = format!("{key} leaves presentation mode");
    let text = if long.width() <= width {
        long
    } else {
        format!("{key} leaves")
    };
    let line = super::text::fit(vec![Span::styled(text, theme.dim)], width);
    let paragraph = Paragraph::new(line).alignment(ratatui::layout::Alignment::Right);
    frame.render_widget(paragraph, area);
}

/// What the two skills' levels ask, to go under them: nothing while hidden.
fn levels_below(sides: &[Side; 2], shown: LevelAttributes, layout: PaneLayout) -> Document {
    match shown {
        LevelAttributes::Hidden => Document::default(),
        LevelAttributes::Shown => {
            pane_level_attributes(LevelSide::of(&sides[0]), LevelSide::of(&sides[1]), layout)
        }
        LevelAttributes::Elsewhere(elsewhere) => {
            let mut document = Document::default();
            document.blank();
            let note = super::text::wrap(&elsewhere.note(), layout.width, "", "");
            document.extend(
                note.into_iter()
                    .map(|line| DocumentLine::marked(line, Mark::Dim)),
            );
            document
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::style::Modifier;

    use super::*;
    use crate::data::model::Level;
    use crate::tui::ui::test_support::{assert_pane_snapshots, catalog, entry, monochrome};
    use crate::tui::ui::test_support::{render, style_at};

    /// RELM level 4 against level 5, the right side active.
    fn sides_view<'a>(catalog: &'a Catalog, theme: &'a Theme) -> ComparisonView<'a> {
        let relm = entry(catalog, "RELM");
        let sides = [4, 5].map(|level| Side {
            catalog,
            entry: relm,
            level: Level::new(level).unwrap(),
        });
        ComparisonView {
            theme,
            presentation: false,
            leave_key: "Esc",
            scroll: 0,
            compared: Compared::Sides {
                sides,
                active: 1,
                level_attributes: LevelAttributes::Hidden,
            },
        }
    }

    #[test]
    fn two_levels_side_by_side() {
        let (catalog, theme) = (catalog(), monochrome());
        let view = sides_view(&catalog, &theme);
        assert_pane_snapshots("comparison_sides", |frame, area| draw(frame, area, &view));
    }

    #[test]
    fn presentation_has_no_borders() {
        let (catalog, theme) = (catalog(), monochrome());
        let view = ComparisonView {
            presentation: true,
            ..sides_view(&catalog, &theme)
        };
        assert_pane_snapshots("comparison_presentation", |frame, area| {
            draw(frame, area, &view)
        });
    }

    #[test]
    fn the_progression_of_a_skill() {
        let (catalog, theme) = (catalog(), monochrome());
        let relm = entry(&catalog, "RELM");
        let view = ComparisonView {
            theme: &theme,
            presentation: false,
            leave_key: "Esc",
            scroll: 0,
            compared: Compared::Progression {
                catalog: &catalog,
                entry: relm,
            },
        };
        assert_pane_snapshots("comparison_progression", |frame, area| {
            draw(frame, area, &view)
        });
    }

    #[test]
    fn changes_and_the_active_side_are_marked_in_every_theme() {
        let catalog = catalog();
        for theme in [monochrome(), Theme::new(true)] {
            let view = sides_view(&catalog, &theme);
            let buffer = render(120, 30, |frame, area| draw(frame, area, &view));
            let (added, _) = style_at(&buffer, "capability.");
            assert!(
                added.contains(Modifier::UNDERLINED | Modifier::BOLD),
                "{added:?}"
            );
            let (removed, _) = style_at(&buffer, "Maintains release");
            assert!(removed.contains(Modifier::CROSSED_OUT), "{removed:?}");
            let (active, _) = style_at(&buffer, "RELM L5");
            assert!(active.contains(Modifier::REVERSED), "{active:?}");
            let (inactive, _) = style_at(&buffer, "RELM L4");
            assert!(!inactive.contains(Modifier::REVERSED), "{inactive:?}");
        }
    }
}
