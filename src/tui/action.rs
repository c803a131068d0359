//! Everything the user can ask of the browser. Keys and mouse events become actions; only
//! `App::update` changes state.
//!
//! The config file names actions by this enum: each bindable variant's snake_case name is its
//! name there ("next_pane", "fold_all"), so renaming a variant changes the config format. The
//! variants the config cannot name (typing, clicks, the wheel, resizing) are skipped.

use serde::Deserialize;

use crate::data::model::Level;

/// In the order docs/configuration.md lists the config names; the skipped variants last.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Search,
    /// Open the help: every key.
    Help,
    NextPane,
    PreviousPane,
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    LevelDown,
    LevelUp,
    /// Enter: open or fold a group, jump to a search result, pick in a chooser.
    Activate,
    /// Fold or open all groups.
    FoldAll,
    /// Compare this level with the next.
    Compare,
    Export,
    /// Show the files that failed to load.
    LoadErrors,
    /// The levels of responsibility, at the selected level.
    LevelsOfResponsibility,
    /// The Levels pane: the level's essence on one line, or whole.
    ExpandEssence,
    /// Esc: close whatever is open.
    Back,
    /// Comparison: both sides one level up.
    StepUp,
    StepDown,
    /// Comparison: switch the active side.
    SwitchSide,
    /// Comparison: pick another skill for the active side.
    PickSkill,
    /// Comparison: every level of the skill.
    Progression,
    /// Comparison: presentation mode for projectors.
    Presentation,
    /// Comparison of skills: what the two levels ask, attribute by attribute, below.
    LevelAttributes,
    /// Mark the selected skill at the level shown as my level in the profile (again: unmark).
    MarkLevel,
    /// Mark the level shown as my target for the selected skill (again: unmark).
    MarkTarget,
    /// Open the profile: its skills with level → target.
    Profile,
    #[serde(skip)]
    Type(char),
    /// Text typed into a search in one go: the characters of one batch of key presses, or a
    /// paste. It is text, never keys: a line break in it is a space, not Enter.
    #[serde(skip)]
    TypeText(String),
    #[serde(skip)]
    DeleteChar,
    #[serde(skip)]
    DeleteWord,
    /// A click on a row of the list, counted from the top of the visible rows.
    #[serde(skip)]
    ClickListRow(usize),
    #[serde(skip)]
    ClickLevel(Level),
    /// The wheel over a pane: negative scrolls up.
    #[serde(skip)]
    Scroll(super::layout::Pane, i16),
    #[serde(skip)]
    Resize(u16, u16),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{self, action_names, named_actions, parse_action, ThemeName};

    /// The config format: users' files name actions so, and must keep working whatever
    /// actions are added.
    #[test]
    fn the_documented_config_names_keep_naming_their_actions() {
        let documented = [
            "quit",
            "search",
            "help",
            "next_pane",
            "previous_pane",
            "down",
            "up",
            "page_down",
            "page_up",
            "top",
            "bottom",
            "level_down",
            "level_up",
            "activate",
            "fold_all",
            "compare",
            "export",
            "load_errors",
            "levels_of_responsibility",
            "expand_essence",
            "back",
            "step_up",
            "step_down",
            "switch_side",
            "pick_skill",
            "progression",
            "presentation",
            "level_attributes",
            "mark_level",
            "mark_target",
            "profile",
        ];
        for name in documented {
            assert!(parse_action::<Action>(name).is_ok(), "{name}");
        }
        assert_eq!(parse_action("fold_all"), Ok((Action::FoldAll, "fold_all")));
        assert_eq!(
            parse_action("next_pane"),
            Ok((Action::NextPane, "next_pane"))
        );
        let error = parse_action::<Action>("type").unwrap_err();
        assert!(error.contains("actions: quit, search, help"), "{error}");
    }

    #[test]
    fn config_names_are_unique_and_snake_case() {
        let names = action_names::<Action>();
        let unique: std::collections::HashSet<&str> = names.iter().copied().collect();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        for name in names {
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{name}"
            );
        }
    }

    #[test]
    fn the_example_config_names_every_action_and_theme() {
        let text = include_str!("../../assets/config.example.ron");
        let example: config::Config<Action> =
            config::parse("config.example.ron", text).unwrap_or_else(|e| panic!("{e}"));
        let named: Vec<&str> = example.keys.iter().map(|o| o.name).collect();
        let all: Vec<&str> = named_actions::<Action>().iter().map(|(n, _)| *n).collect();
        assert_eq!(named, all, "the example gives every action, in order");
        for theme in ThemeName::ALL {
            assert!(text.contains(&format!("\"{}\"", theme.name())), "{theme:?}");
        }
    }

    #[test]
    fn the_configuration_docs_name_every_action_and_theme() {
        let docs = include_str!("../../docs/configuration.md");
        for name in action_names::<Action>() {
            assert!(docs.contains(&format!("`{name}`")), "{name}");
        }
        for theme in ThemeName::ALL {
            assert!(
                docs.contains(&format!("`\"{}\"`", theme.name())),
                "{theme:?}"
            );
        }
    }
}
