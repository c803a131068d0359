//! The profile in the browser: `m` and `t` mark the level shown as my level or my target of the
//! selected skill (pressing again on the same level unmarks it), saved at once; `P` lists the
//! profile's skills, Enter compares a skill's level with its target in the comparison mode of
//! [`compare`](super::compare), over this view, and `e` exports the profile as Markdown.

use super::{App, Popup, Side};
use crate::data::model::Level;
use crate::data::profile::{Profile, ProfileName, ProfileSkill, ProfileStore};
use crate::tui::action::Action;

/// The profile marked in, as the browser holds it.
#[derive(Debug, Clone)]
pub struct ProfileState {
    pub(super) name: ProfileName,
    /// The profile as its file holds it (its text is made printable only when drawn).
    pub(super) profile: Profile,
    /// Where it is saved; without a folder, marks last until the browser closes.
    pub(super) store: Option<ProfileStore>,
    /// Why its file could not be read: then it is never written over.
    pub(super) unreadable: Option<String>,
    /// The profile view (`P`) is open, its cursor on this skill.
    pub(super) open_at: Option<usize>,
}

impl ProfileState {
    /// The profile `name`, not saved anywhere.
    pub fn unsaved(name: ProfileName) -> ProfileState {
        ProfileState {
            name,
            profile: Profile::default(),
            store: None,
            unreadable: None,
            open_at: None,
        }
    }

    /// The profile `name` as `store` holds it (empty when it has no file yet).
    pub fn load(name: ProfileName, store: ProfileStore) -> ProfileState {
        let (profile, unreadable) = match store.load(&name) {
            Ok(profile) => (profile.unwrap_or_default(), None),
            Err(error) => (Profile::default(), Some(error.to_string())),
        };
        ProfileState {
            name,
            profile,
            store: Some(store),
            unreadable,
            open_at: None,
        }
    }

    pub fn name(&self) -> &ProfileName {
        &self.name
    }

    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// The cursor of the profile view, when it is open.
    pub fn open_at(&self) -> Option<usize> {
        self.open_at
    }
}

/// Which mark a key sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkKind {
    Level,
    Target,
}

impl App {
    /// `m` or `t` on the skill and level shown.
    pub(super) fn mark(&mut self, target: bool) {
        let kind = if target {
            MarkKind::Target
        } else {
            MarkKind::Level
        };
        let Some(entry_index) = self.selected else {
            return;
        };
        let state = &mut self.profile;
        if let Some(why) = &state.unreadable {
            self.notice = Some(format!(
                "Profile {} is left as it is: its file cannot be read ({why}).",
                state.name
            ));
            return;
        }
        let entry = &self.catalog.entries[entry_index];
        let probe = ProfileSkill::for_entry(&self.catalog, entry, self.level);
        let code = entry.skill.code.to_string();
        let said = match (state.profile.position(&probe), kind) {
            (Some(i), MarkKind::Level) if state.profile.skills[i].level == self.level => {
                state.profile.skills.remove(i);
                format!("{code} taken out of profile {}.", state.name)
            }
            (Some(i), MarkKind::Level) => {
                let was = std::mem::replace(&mut state.profile.skills[i].level, self.level);
                format!("{code}: my level {} (was {was}).", self.level)
            }
            (None, MarkKind::Level) => {
                state.profile.set(probe);
                format!("{code}: my level {} in profile {}.", self.level, state.name)
            }
            (Some(i), MarkKind::Target) => {
                let skill = &mut state.profile.skills[i];
                if skill.target == Some(self.level) {
                    skill.target = None;
                    format!("{code}: target {} removed.", self.level)
                } else {
                    skill.target = Some(self.level);
                    format!(
                        "{code}: my target {} (my level {}).",
                        self.level, skill.level
                    )
                }
            }
            (None, MarkKind::Target) => {
                self.notice = Some(format!(
                    "Mark my level of {code} first (m), then the target (t)."
                ));
                return;
            }
        };
        self.notice = Some(self.save_profile(said));
        self.keep_profile_cursor_in_range();
    }

    /// Saves the profile; `said` when it is saved, or why it is not.
    fn save_profile(&self, said: String) -> String {
        let state = &self.profile;
        match &state.store {
            Some(store) => match store.save(&state.name, &state.profile) {
                Ok(()) => said,
                Err(error) => format!("{said} Not saved: {error}"),
            },
            None => format!("{said} (Not saved: no user data folder.)"),
        }
    }

    fn keep_profile_cursor_in_range(&mut self) {
        let len = self.profile.profile.skills.len();
        if let Some(at) = &mut self.profile.open_at {
            *at = (*at).min(len.saturating_sub(1));
        }
    }

    pub(super) fn open_profile(&mut self) {
        self.profile.open_at = Some(0);
    }

    pub(super) fn update_profile(&mut self, action: Action) {
        let Some(at) = self.profile.open_at else {
            return;
        };
        let len = self.profile.profile.skills.len();
        let last = len.saturating_sub(1);
        // A page is the screen less the borders, status line and footer.
        let page = usize::from(self.size.1).saturating_sub(4).max(1);
        match action {
            Action::Back => self.profile.open_at = None,
            Action::PageDown => self.profile.open_at = Some((at + page).min(last)),
            Action::PageUp => self.profile.open_at = Some(at.saturating_sub(page)),
            Action::Top => self.profile.open_at = Some(0),
            Action::Bottom => self.profile.open_at = Some(last),
            Action::Down | Action::Scroll(_, 1..) => {
                self.profile.open_at = Some((at + 1).min(len.saturating_sub(1)))
            }
            Action::Up | Action::Scroll(..) => self.profile.open_at = Some(at.saturating_sub(1)),
            Action::Activate => self.compare_with_target(at),
            Action::Export => self.export_profile(),
            Action::Help => self.popup = Some(Popup::Help { scroll: 0 }),
            _ => {}
        }
    }

    /// Enter on a profile skill: the comparison from its level to its target.
    fn compare_with_target(&mut self, at: usize) {
        let Some(skill) = self.profile.profile.skills.get(at) else {
            return;
        };
        let code = skill.code.to_string();
        let Some(entry) = skill.entry_in(&self.catalog) else {
            self.notice = Some(format!("{code} is not loaded: nothing to compare."));
            return;
        };
        let Some(target) = skill.target else {
            self.notice = Some(format!(
                "{code} has no target: mark one with t on the skill's level."
            ));
            return;
        };
        let sides = [skill.level, target].map(|level: Level| Side { entry, level });
        self.open_skill_comparison(sides);
    }

    fn export_profile(&mut self) {
        let state = &self.profile;
        let mut profile = state.profile.clone();
        profile.make_printable();
        let markdown = crate::query::render::profile::profile_markdown(
            &self.catalog,
            state.name.as_str(),
            &profile,
        );
        let name = format!("profile-{}.md", state.name);
        self.notice = Some(crate::tui::export::write_new_file(&name, &markdown));
    }
}
