//! The comparison view: two (skill, level) sides side by side with a word diff; the progression
//! of one skill through all its levels; and a presentation mode for projectors. The layout is
//! `query::render`'s, the same the `compare` command prints; this pane gives it borders and
//! styles.

use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Block;
use ratatui::Frame;

use super::document;
use crate::data::catalog::{Catalog, Entry};
use crate::query::render::comparison::pane::{pane_comparison, pane_progression, PaneLayout};
use crate::query::render::comparison::Side;
use crate::tui::theme::Theme;

/// What the comparison view shows.
pub struct ComparisonView<'a> {
    pub theme: &'a Theme,
    /// No borders, a blank row after each statement: for projectors.
    pub presentation: bool,
    /// The first row shown; drawing keeps it within the text.
    pub scroll: usize,
    pub compared: Compared<'a>,
}

pub enum Compared<'a> {
    /// Two sides, statement by statement; `active` is the side the level keys change (0 left).
    Sides { sides: [Side<'a>; 2], active: usize },
    /// One skill through all its defined levels.
    Progression {
        catalog: &'a Catalog,
        entry: &'a Entry,
    },
}

pub fn draw(frame: &mut Frame, area: Rect, view: &ComparisonView) {
    let theme = view.theme;
    let presentation = view.presentation;
    let inside = if presentation {
        // No chrome: a margin instead of borders.
        area.inner(ratatui::layout::Margin::new(
            2.min(area.width / 4),
            1.min(area.height / 4),
        ))
    } else {
        let title = match view.compared {
            Compared::Progression { .. } => " Progression ",
            Compared::Sides { .. } => " Compare levels ",
        };
        let block = Block::bordered()
            .border_style(theme.focused_border)
            .title(Line::styled(title, theme.title));
        let inside = block.inner(area);
        frame.render_widget(block, area);
        inside
    };
    // One column is kept for the scrollbar.
    let width = usize::from(inside.width.saturating_sub(1));
    let laid_out = match &view.compared {
        Compared::Sides { sides, active } => {
            let layout = PaneLayout {
                width,
                active: *active,
                presentation,
            };
            pane_comparison(&sides[0], &sides[1], layout)
        }
        Compared::Progression { catalog, entry } => {
            pane_progression(catalog, entry, width, presentation)
        }
    };
    super::draw_scrolled(
        frame,
        inside,
        document::lines(&laid_out, theme),
        view.scroll,
    );
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
            scroll: 0,
            compared: Compared::Sides { sides, active: 1 },
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
