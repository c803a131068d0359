//! The popups' mode: the help and the load errors, scrolled with the keys of every list,
//! closed with Esc.

use super::App;
use crate::tui::action::Action;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Popup {
    Help { scroll: usize },
    LoadErrors { scroll: usize },
}

impl App {
    pub(super) fn update_popup(&mut self, action: Action) {
        let Some(popup) = &mut self.popup else { return };
        let scroll = match popup {
            Popup::Help { scroll } | Popup::LoadErrors { scroll } => scroll,
        };
        // `update` clamps the scroll to the text afterwards.
        let page = usize::from(self.size.1 / 2).max(1);
        match action {
            Action::Back | Action::Help => self.popup = None,
            Action::Down => *scroll = scroll.saturating_add(1),
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::PageDown => *scroll = scroll.saturating_add(page),
            Action::PageUp => *scroll = scroll.saturating_sub(page),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = usize::MAX,
            Action::Scroll(_, delta) => *scroll = scroll.saturating_add_signed(delta as isize),
            _ => {}
        }
    }
}
