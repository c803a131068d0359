//! The levels of responsibility (`r`): one framework's levels, one of them shown with its
//! essence and attributes, stepped with h/l. `c` compares it with the next level in the
//! comparison mode of [`compare`](super::compare), over this view, so Esc comes back here.

use super::{App, Popup};
use crate::data::catalog::{newest_with_attributes, FrameworkInfo};
use crate::data::model::Level;
use crate::tui::action::Action;
use crate::tui::keymap::Scope;
use crate::tui::ui::levels_of_responsibility::AttributesElsewhere;

/// Said when no loaded framework defines levels of responsibility.
const NO_LEVELS: &str =
    "No framework defines levels of responsibility: import the SFIA spreadsheet (skillscope import FILE).";

/// The levels of responsibility on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelsOfResponsibility {
    /// The framework's index in the catalog.
    pub(super) framework: usize,
    pub(super) level: Level,
    /// The first row of the level's text shown; drawing keeps it within the text.
    pub(super) scroll: usize,
}

impl LevelsOfResponsibility {
    /// The framework's index in the catalog.
    pub fn framework(&self) -> usize {
        self.framework
    }

    pub fn level(&self) -> Level {
        self.level
    }
}

/// Whether a framework says what its levels mean: attributes or an essence.
fn explains_levels(framework: &FrameworkInfo) -> bool {
    !framework.attributes.is_empty() || framework.level_essence.iter().any(Option::is_some)
}

/// The defined level of `framework` next above (or below) `level`.
pub(super) fn next_defined_level(
    framework: &FrameworkInfo,
    level: Level,
    up: bool,
) -> Option<Level> {
    if up {
        framework.defined_levels().find(|l| *l > level)
    } else {
        framework.defined_levels().rev().find(|l| *l < level)
    }
}

/// `level` if `framework` defines it, else its closest defined level (the lower on a tie).
fn nearest_defined_level(framework: &FrameworkInfo, level: Level) -> Option<Level> {
    (framework.defined_levels()).min_by_key(|l| (l.get().abs_diff(level.get()), l.get()))
}

impl App {
    /// The framework whose levels `r` shows for a skill of framework `own`: `own` when it says
    /// what its levels mean; else the one `skillscope levels` shows (the newest edition with
    /// attributes); else `own`, or the first, that defines levels at all.
    pub(super) fn responsibility_framework(&self, own: Option<usize>) -> Option<usize> {
        let frameworks = &self.catalog.frameworks;
        let defines_levels = |i: &usize| frameworks[*i].defined_levels().next().is_some();
        let newest = newest_with_attributes(frameworks)
            .and_then(|chosen| frameworks.iter().position(|f| std::ptr::eq(f, chosen)));
        (own.filter(|&i| explains_levels(&frameworks[i]) && defines_levels(&i)))
            .or(newest.filter(defines_levels))
            .or(own.filter(defines_levels))
            .or_else(|| (0..frameworks.len()).find(defines_levels))
    }

    /// For a skill of framework `own`, which has no attributes, the framework with attributes
    /// that `r` shows instead: the panes name it rather than say that none are loaded.
    pub(super) fn attributes_elsewhere(&self, own: usize) -> Option<AttributesElsewhere<'_>> {
        let chosen = self.responsibility_framework(Some(own))?;
        let frameworks = &self.catalog.frameworks;
        let (lacking, shown) = (&frameworks[own], &frameworks[chosen]);
        let key = self.key_label(Scope::Browse, &Action::LevelsOfResponsibility, "r");
        (lacking.attributes.is_empty() && !shown.attributes.is_empty()).then_some(
            AttributesElsewhere {
                lacking,
                shown_by_r: shown,
                key,
            },
        )
    }

    pub(super) fn open_levels_of_responsibility(&mut self) {
        let own = self.selected_entry().map(|entry| entry.framework);
        let Some(framework) = self.responsibility_framework(own) else {
            self.notice = Some(NO_LEVELS.to_string());
            return;
        };
        let Some(level) = nearest_defined_level(&self.catalog.frameworks[framework], self.level)
        else {
            return;
        };
        self.levels_of_responsibility = Some(LevelsOfResponsibility {
            framework,
            level,
            scroll: 0,
        });
    }

    pub(super) fn update_levels_of_responsibility(&mut self, action: Action) {
        let Some(mut shown) = self.levels_of_responsibility else {
            return;
        };
        let page = usize::from(self.size.1 / 2).max(1);
        match action {
            Action::Back => {
                self.levels_of_responsibility = None;
                return;
            }
            Action::LevelUp | Action::LevelDown => {
                self.step_responsibility_level(&mut shown, action == Action::LevelUp)
            }
            Action::Compare => self.open_level_comparison(shown.framework, shown.level),
            Action::Export => self.export_level(&shown),
            Action::Help => self.popup = Some(Popup::Help { scroll: 0 }),
            Action::Down | Action::Scroll(_, 1..) => shown.scroll = scrolled(shown.scroll, 1),
            Action::Up | Action::Scroll(..) => shown.scroll = shown.scroll.saturating_sub(1),
            Action::PageDown => shown.scroll = scrolled(shown.scroll, page),
            Action::PageUp => shown.scroll = shown.scroll.saturating_sub(page),
            Action::Top => shown.scroll = 0,
            Action::Bottom => shown.scroll = scrolled(0, usize::MAX),
            _ => {}
        }
        self.levels_of_responsibility = Some(shown);
    }

    fn step_responsibility_level(&mut self, shown: &mut LevelsOfResponsibility, up: bool) {
        let framework = &self.catalog.frameworks[shown.framework];
        match next_defined_level(framework, shown.level, up) {
            Some(level) => {
                shown.level = level;
                shown.scroll = 0;
            }
            None => {
                let edge = if up { "highest" } else { "lowest" };
                self.notice = Some(format!(
                    "Level {} is the {edge} level of {}.",
                    shown.level,
                    framework.title()
                ));
            }
        }
    }

    fn export_level(&mut self, shown: &LevelsOfResponsibility) {
        let framework = &self.catalog.frameworks[shown.framework];
        let markdown = crate::tui::export::level_markdown(framework, shown.level);
        let name = format!("level-{}.md", shown.level);
        self.notice = Some(crate::tui::export::write_new_file(&name, &markdown));
    }
}

/// `scroll` moved down by `rows`, kept finite: `update` clamps it to the text.
fn scrolled(scroll: usize, rows: usize) -> usize {
    scroll.saturating_add(rows).min(1 << 20)
}
