//! Scrolled text kept within its length: after every action, each scrolled text on screen (a
//! detail pane, the comparison, the levels of responsibility, a popup) is clamped to how far it
//! can go, measured on the layout drawing uses. So after `G`, or `j` past the end, one `k`
//! moves up at once. The list's cursor is kept in view the same way.

use ratatui::layout::Rect;

use super::{App, Popup};
use crate::tui::ui::{self, Body, PopupView};

/// How far each scrolled text on screen can go; `None` for those not on screen.
#[derive(Debug, Default)]
struct Limits {
    levels: Option<usize>,
    guidance: Option<usize>,
    comparison: Option<usize>,
    levels_of_responsibility: Option<usize>,
    popup: Option<usize>,
}

impl App {
    /// Clamps every scrolled text on screen to its [`Limits`]; with `cursor_in_view` (not after
    /// the wheel, which scrolls the list without its cursor), scrolls the lists to their cursor
    /// too, as a resize or a status line wrapping onto more rows shortens them.
    pub(super) fn clamp_scrolls(&mut self, cursor_in_view: bool) {
        let height = self.list_height();
        if cursor_in_view {
            self.list
                .move_to(self.list.cursor, self.tree.rows.len(), height);
            if let Some(search) = &mut self.search {
                search
                    .view
                    .move_to(search.view.cursor, search.hits.len(), height);
            }
        }
        let limits = self.scroll_limits();
        let clamp = |scroll: &mut usize, limit: Option<usize>| {
            if let Some(limit) = limit {
                *scroll = (*scroll).min(limit);
            }
        };
        clamp(&mut self.levels_scroll, limits.levels);
        clamp(&mut self.guidance_scroll, limits.guidance);
        if let Some(comparison) = &mut self.comparison {
            clamp(&mut comparison.scroll, limits.comparison);
        }
        if let Some(shown) = &mut self.levels_of_responsibility {
            clamp(&mut shown.scroll, limits.levels_of_responsibility);
        }
        if let Some(Popup::Help { scroll } | Popup::LoadErrors { scroll }) = &mut self.popup {
            clamp(scroll, limits.popup);
        }
    }

    fn scroll_limits(&self) -> Limits {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let screen = self.screen_view(area);
        let mut limits = Limits::default();
        match &screen.body {
            Body::Browse {
                levels, guidance, ..
            } => {
                limits.levels = levels
                    .as_ref()
                    .map(|(a, v)| ui::levels::scroll_limit(*a, v));
                limits.guidance =
                    (guidance.as_ref()).map(|(a, v)| ui::guidance::scroll_limit(*a, v));
            }
            Body::Compare(a, v) => limits.comparison = Some(ui::comparison::scroll_limit(*a, v)),
            Body::LevelsOfResponsibility(a, v) => {
                limits.levels_of_responsibility =
                    Some(ui::levels_of_responsibility::scroll_limit(*a, v))
            }
            // The profile is a list: drawing keeps its selected row in view.
            Body::Profile(..) => {}
        }
        limits.popup = screen.popup.as_ref().map(|popup| match popup {
            PopupView::Help(help) => ui::help::scroll_limit(area, help),
            PopupView::LoadErrors(errors) => ui::load_errors::scroll_limit(area, errors),
        });
        limits
    }
}
