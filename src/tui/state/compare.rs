//! Comparison mode: two sides side by side, stepped together or one at a time, the
//! progression of one skill, presentation mode, and export. A side is a skill at a level, or a
//! level of responsibility (opened from the levels of responsibility); the keys are the same.

use super::levels_of_responsibility::next_defined_level;
use super::{nearest_defined, next_defined, App, Popup, SearchPurpose};
use crate::data::model::Level;
use crate::tui::action::Action;
use crate::tui::keymap::Scope;

/// One side of a comparison of skills: a skill at a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Side {
    /// The skill's index in the catalog.
    pub entry: usize,
    pub level: Level,
}

/// What a comparison sets side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// A skill at a level on each side (one skill or two).
    Skills([Side; 2]),
    /// Two levels of responsibility of one framework (its index in the catalog).
    Levels {
        framework: usize,
        levels: [Level; 2],
    },
}

impl Subject {
    /// The level of each side.
    pub fn levels(&self) -> [Level; 2] {
        match self {
            Subject::Skills(sides) => sides.map(|side| side.level),
            Subject::Levels { levels, .. } => *levels,
        }
    }

    fn set_level(&mut self, side: usize, level: Level) {
        match self {
            Subject::Skills(sides) => sides[side].level = level,
            Subject::Levels { levels, .. } => levels[side] = level,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comparison {
    pub(super) subject: Subject,
    /// Which side h/l and skill picking change: 0 left, 1 right.
    pub(super) active: usize,
    pub(super) progression: bool,
    pub(super) presentation: bool,
    /// Skills: the two levels' attributes shown under the statements (`a`).
    pub(super) level_attributes: bool,
    pub(super) scroll: usize,
}

impl Comparison {
    fn new(subject: Subject) -> Comparison {
        Comparison {
            subject,
            active: 1,
            progression: false,
            presentation: false,
            level_attributes: false,
            scroll: 0,
        }
    }

    pub fn subject(&self) -> Subject {
        self.subject
    }

    /// The two skills at their levels, when skills are compared.
    pub fn skill_sides(&self) -> Option<[Side; 2]> {
        match self.subject {
            Subject::Skills(sides) => Some(sides),
            Subject::Levels { .. } => None,
        }
    }

    /// Whether the two levels' attributes are shown under the skills' statements.
    pub fn shows_level_attributes(&self) -> bool {
        self.level_attributes
    }
}

/// A level shown on the left and the next one above it on the right; at the top, the one
/// below on the left; with no other level, the level on both sides.
fn with_next(level: Level, next: impl Fn(Level, bool) -> Option<Level>) -> [Level; 2] {
    match (next(level, true), next(level, false)) {
        (Some(higher), _) => [level, higher],
        (None, Some(lower)) => [lower, level],
        (None, None) => [level, level],
    }
}

/// What only a comparison of skills does: they do nothing in a comparison of levels.
const SKILLS_ONLY: [Action; 3] = [
    Action::PickSkill,
    Action::Progression,
    Action::LevelAttributes,
];

impl App {
    /// The actions whose keys change nothing on screen now, left out of the footer.
    pub(super) fn idle_actions(&self) -> &'static [Action] {
        let Some(comparison) = self.comparison.filter(|_| self.scope() == Scope::Compare) else {
            return &[];
        };
        match comparison.subject {
            Subject::Levels { .. } => &SKILLS_ONLY,
            // The progression has no two levels to show the attributes of.
            Subject::Skills(_) if comparison.progression => &[Action::LevelAttributes],
            Subject::Skills(_) => &[],
        }
    }

    pub(super) fn open_comparison(&mut self) {
        let Some(entry_index) = self.selected else {
            return;
        };
        let entry = &self.catalog.entries[entry_index];
        let levels = with_next(self.level, |level, up| next_defined(entry, level, up));
        let sides = levels.map(|level| Side {
            entry: entry_index,
            level,
        });
        self.comparison = Some(Comparison::new(Subject::Skills(sides)));
    }

    /// Compares two skills at their levels (a profile's level and target).
    pub(super) fn open_skill_comparison(&mut self, sides: [Side; 2]) {
        self.comparison = Some(Comparison::new(Subject::Skills(sides)));
    }

    /// Compares a level of responsibility of `framework` with its next defined level.
    pub(super) fn open_level_comparison(&mut self, framework: usize, level: Level) {
        let info = &self.catalog.frameworks[framework];
        let levels = with_next(level, |level, up| next_defined_level(info, level, up));
        self.comparison = Some(Comparison::new(Subject::Levels { framework, levels }));
    }

    /// Picking in the search: the skill `entry` for the active side, at `level` or its own
    /// level nearest the side's.
    pub(super) fn pick_skill_for_active_side(&mut self, entry: usize, level: Option<Level>) {
        let Some(comparison) = &mut self.comparison else {
            return;
        };
        if let Subject::Skills(sides) = &mut comparison.subject {
            let side = &mut sides[comparison.active];
            let level = level.unwrap_or(side.level);
            *side = Side {
                entry,
                level: nearest_defined(&self.catalog.entries[entry], level),
            };
            comparison.scroll = 0;
        }
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
            action
                if matches!(comparison.subject, Subject::Levels { .. })
                    && SKILLS_ONLY.contains(&action) =>
            {
                self.notice = Some(
                    "This compares levels of responsibility: n and p step through them.".into(),
                )
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
            Action::LevelAttributes => comparison.level_attributes = !comparison.level_attributes,
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
            // `update` clamps the scroll to the text afterwards.
            Action::Top => comparison.scroll = 0,
            Action::Bottom => comparison.scroll = usize::MAX,
            Action::Help => self.popup = Some(Popup::Help { scroll: 0 }),
            Action::Export => self.export_comparison(&comparison),
            _ => {}
        }
        self.comparison = Some(comparison);
    }

    /// The level of side `side` next above (or below) its own: the skill's next defined level,
    /// or the framework's.
    fn next_level(&self, subject: &Subject, side: usize, up: bool) -> Option<Level> {
        match subject {
            Subject::Skills(sides) => next_defined(
                &self.catalog.entries[sides[side].entry],
                sides[side].level,
                up,
            ),
            Subject::Levels { framework, levels } => {
                next_defined_level(&self.catalog.frameworks[*framework], levels[side], up)
            }
        }
    }

    /// Moves the active side one defined level up or down.
    fn step_active_side(&mut self, comparison: &mut Comparison, up: bool) {
        let active = comparison.active;
        match self.next_level(&comparison.subject, active, up) {
            Some(level) => comparison.subject.set_level(active, level),
            None => {
                let name = match comparison.subject {
                    Subject::Skills(sides) => self.catalog.entries[sides[active].entry]
                        .skill
                        .code
                        .to_string(),
                    Subject::Levels { framework, .. } => self.catalog.frameworks[framework].title(),
                };
                let level = comparison.subject.levels()[active];
                self.notice = Some(format!("{name} has no level beyond {level}."))
            }
        }
        comparison.scroll = 0;
    }

    /// Moves both sides one defined level up or down, if both can move.
    fn step_both(&mut self, comparison: &mut Comparison, up: bool) {
        let next = [0, 1].map(|side| self.next_level(&comparison.subject, side, up));
        match next {
            [Some(left), Some(right)] => {
                comparison.subject.set_level(0, left);
                comparison.subject.set_level(1, right);
                comparison.scroll = 0;
            }
            _ => {
                let way = if up { "higher" } else { "lower" };
                self.notice = Some(format!("No {way} level on both sides."));
            }
        }
    }

    /// Exports the comparison, or the whole progression while it is shown.
    fn export_comparison(&mut self, comparison: &Comparison) {
        let export = match comparison.subject {
            Subject::Skills([side, _]) if comparison.progression => {
                crate::tui::export::progression(&self.catalog, &self.catalog.entries[side.entry])
            }
            subject => crate::tui::export::comparison(&self.catalog, subject),
        };
        self.notice = Some(crate::tui::export::write_new_file(
            &export.name,
            &export.markdown,
        ));
    }
}
