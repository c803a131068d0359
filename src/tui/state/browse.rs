//! Browsing mode: the list, levels and guidance panes, focus, levels, folding and export.

use super::{next_defined, App, Popup, SearchPurpose};
use crate::data::model::Level;
use crate::tui::action::Action;
use crate::tui::layout::Pane;
use crate::tui::tree::Row;

impl App {
    pub(super) fn update_browse(&mut self, action: Action) {
        let page = self.list_height().saturating_sub(1).max(1) as isize;
        match action {
            Action::NextPane => self.focus = self.focus.next(),
            Action::PreviousPane => self.focus = self.focus.previous(),
            Action::Down => self.move_in_focus(1),
            Action::Up => self.move_in_focus(-1),
            Action::PageDown => self.move_in_focus(page),
            Action::PageUp => self.move_in_focus(-page),
            Action::Top => self.move_in_focus(isize::MIN / 2),
            Action::Bottom => self.move_in_focus(isize::MAX / 2),
            Action::LevelDown => self.step_level(false),
            Action::LevelUp => self.step_level(true),
            Action::Activate => self.activate_list_row(),
            Action::Back if self.focus != Pane::List && self.screen().is_single_pane() => {
                self.focus = Pane::List;
            }
            Action::Search => self.start_search(SearchPurpose::Browse),
            Action::Help => self.popup = Some(Popup::Help { scroll: 0 }),
            Action::LoadErrors => self.show_load_errors(),
            Action::FoldAll => self.fold_all(),
            Action::Compare => self.open_comparison(),
            Action::LevelsOfResponsibility => self.open_levels_of_responsibility(),
            Action::ExpandEssence => self.essence_expanded = !self.essence_expanded,
            Action::Export => self.export_skill(),
            Action::MarkLevel => self.mark(false),
            Action::MarkTarget => self.mark(true),
            Action::Profile => self.open_profile(),
            Action::ClickListRow(row) => {
                self.focus = Pane::List;
                self.move_list_to(self.list.offset + row);
            }
            Action::ClickLevel(level) => self.choose_level(level),
            Action::Scroll(pane, delta) => self.scroll_pane(pane, delta as isize),
            _ => {}
        }
    }

    fn show_load_errors(&mut self) {
        if self.catalog.errors.is_empty() && self.config_error.is_none() {
            self.notice = Some("Every data file loaded.".into());
        } else {
            self.popup = Some(Popup::LoadErrors { scroll: 0 });
        }
    }

    /// Folds or opens every group, keeping the cursor on the skill shown when it is visible.
    fn fold_all(&mut self) {
        let entry = self.selected;
        self.tree.toggle_all();
        let row = entry
            .and_then(|e| {
                self.tree
                    .rows
                    .iter()
                    .position(|r| matches!(r, Row::Skill { entry, .. } if *entry == e))
            })
            .unwrap_or(0);
        self.move_list_to(row);
    }

    fn move_in_focus(&mut self, delta: isize) {
        match self.focus {
            Pane::List => {
                let target = self.list.cursor.saturating_add_signed(delta);
                self.move_list_to(target);
            }
            pane => self.scroll_pane(pane, delta),
        }
    }

    fn scroll_pane(&mut self, pane: Pane, delta: isize) {
        match pane {
            // (While searching, `update_search` scrolls the results.)
            Pane::List => {
                let max = self.tree.rows.len().saturating_sub(self.list_height());
                self.list.offset = self.list.offset.saturating_add_signed(delta).min(max);
            }
            // `update` clamps these to the text's length; here they only need to stay finite.
            Pane::Levels => {
                self.levels_scroll = self.levels_scroll.saturating_add_signed(delta).min(1 << 20)
            }
            Pane::Guidance => {
                self.guidance_scroll = self
                    .guidance_scroll
                    .saturating_add_signed(delta)
                    .min(1 << 20)
            }
        }
    }

    fn step_level(&mut self, up: bool) {
        let Some(entry) = self.selected_entry() else {
            return;
        };
        match next_defined(entry, self.level, up) {
            Some(level) => {
                self.level = level;
                self.levels_scroll = 0;
            }
            None => {
                let edge = if up { "highest" } else { "lowest" };
                self.notice = Some(format!(
                    "Level {} is the {edge} defined level of {}.",
                    self.level, entry.skill.code
                ));
            }
        }
    }

    fn choose_level(&mut self, level: Level) {
        let Some(entry) = self.selected_entry() else {
            return;
        };
        if entry.skill.is_defined_at(level) {
            self.level = level;
            self.levels_scroll = 0;
        } else {
            self.notice = Some(format!(
                "{} is not defined at level {level}; it is defined at levels {}.",
                entry.skill.code,
                entry.skill.level_range_text()
            ));
        }
    }

    fn activate_list_row(&mut self) {
        if self.focus != Pane::List {
            return;
        }
        match self.tree.rows.get(self.list.cursor).copied() {
            Some(Row::Group { group, .. }) => {
                self.tree.toggle(group);
                let (len, height) = (self.tree.rows.len(), self.list_height());
                self.list.move_to(self.list.cursor, len, height);
            }
            Some(Row::Skill { .. }) => self.focus = Pane::Levels,
            None => {}
        }
    }

    /// Exports the skill at the level shown.
    fn export_skill(&mut self) {
        let Some(entry) = self.selected_entry() else {
            return;
        };
        let export = crate::tui::export::skill_level(&self.catalog, entry, self.level);
        let notice = crate::tui::export::write_new_file(&export.name, &export.markdown);
        self.notice = Some(notice);
    }
}
