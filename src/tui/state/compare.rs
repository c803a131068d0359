//! Comparison mode: two (skill, level) sides side by side, stepped together or one at a time,
//! the progression of one skill, presentation mode, and export.

use super::{next_defined, App, Popup, SearchPurpose};
use crate::data::model::Level;
use crate::tui::action::Action;

/// One side of a comparison: a skill at a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Side {
    /// The skill's index in the catalog.
    pub entry: usize,
    pub level: Level,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comparison {
    pub(super) sides: [Side; 2],
    /// Which side h/l and skill picking change: 0 left, 1 right.
    pub(super) active: usize,
    pub(super) progression: bool,
    pub(super) presentation: bool,
    pub(super) scroll: usize,
}

impl Comparison {
    pub fn sides(&self) -> [Side; 2] {
        self.sides
    }
}

impl App {
    pub(super) fn open_comparison(&mut self) {
        let Some(entry_index) = self.selected else {
            return;
        };
        let entry = &self.catalog.entries[entry_index];
        let right = next_defined(entry, self.level, true);
        let (left_level, right_level) = match right {
            Some(right) => (self.level, right),
            None => match next_defined(entry, self.level, false) {
                Some(lower) => (lower, self.level),
                None => (self.level, self.level),
            },
        };
        let side = |level| Side {
            entry: entry_index,
            level,
        };
        self.comparison = Some(Comparison {
            sides: [side(left_level), side(right_level)],
            active: 1,
            progression: false,
            presentation: false,
            scroll: 0,
        });
    }

    pub(super) fn update_comparison(&mut self, action: Action) {
        let Some(mut comparison) = self.comparison else {
            return;
        };
        match action {
            Action::Back => {
                if comparison.presentation {
                    comparison.presentation = false;
                } else {
                    self.comparison = None;
                    return;
                }
            }
            Action::StepUp | Action::StepDown => {
                self.step_both(&mut comparison, action == Action::StepUp)
            }
            Action::SwitchSide => comparison.active = 1 - comparison.active,
            Action::LevelUp | Action::LevelDown => {
                self.step_active_side(&mut comparison, action == Action::LevelUp)
            }
            Action::PickSkill => {
                self.comparison = Some(comparison);
                self.start_search(SearchPurpose::PickCompareSide);
                return;
            }
            Action::Progression => {
                comparison.progression = !comparison.progression;
                comparison.scroll = 0;
            }
            Action::Presentation => comparison.presentation = !comparison.presentation,
            Action::Down | Action::Scroll(_, 1..) => {
                comparison.scroll = comparison.scroll.saturating_add(1).min(1 << 20)
            }
            Action::Up | Action::Scroll(..) => {
                comparison.scroll = comparison.scroll.saturating_sub(1)
            }
            Action::PageDown => {
                comparison.scroll = comparison
                    .scroll
                    .saturating_add(usize::from(self.size.1 / 2))
                    .min(1 << 20)
            }
            Action::PageUp => {
                comparison.scroll = comparison
                    .scroll
                    .saturating_sub(usize::from(self.size.1 / 2))
            }
            Action::Help => self.popup = Some(Popup::Help { scroll: 0 }),
            Action::Export => self.export_comparison(&comparison),
            _ => {}
        }
        self.comparison = Some(comparison);
    }

    /// Moves the active side one defined level up or down.
    fn step_active_side(&mut self, comparison: &mut Comparison, up: bool) {
        let side = &mut comparison.sides[comparison.active];
        let entry = &self.catalog.entries[side.entry];
        match next_defined(entry, side.level, up) {
            Some(level) => side.level = level,
            None => {
                self.notice = Some(format!(
                    "{} has no level beyond {}.",
                    entry.skill.code, side.level
                ))
            }
        }
        comparison.scroll = 0;
    }

    /// Moves both sides one defined level up or down, if both can move.
    fn step_both(&mut self, comparison: &mut Comparison, up: bool) {
        let next: Vec<Option<Level>> = comparison
            .sides
            .iter()
            .map(|side| next_defined(&self.catalog.entries[side.entry], side.level, up))
            .collect();
        match (next[0], next[1]) {
            (Some(left), Some(right)) => {
                comparison.sides[0].level = left;
                comparison.sides[1].level = right;
                comparison.scroll = 0;
            }
            _ => {
                let way = if up { "higher" } else { "lower" };
                self.notice = Some(format!("No {way} level on both sides."));
            }
        }
    }

    fn export_comparison(&mut self, comparison: &Comparison) {
        let [left, right] = comparison.sides;
        let markdown = crate::tui::export::comparison_markdown(&self.catalog, left, right);
        let name = format!(
            "{}-L{}-vs-{}-L{}.md",
            self.catalog.entries[left.entry].skill.code,
            left.level,
            self.catalog.entries[right.entry].skill.code,
            right.level
        );
        self.notice = Some(crate::tui::export::write_new_file(&name, &markdown));
    }
}
