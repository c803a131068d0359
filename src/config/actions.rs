//! The names under which the config file rebinds the browser's actions. They are part of the
//! config format, so they never change; the browser maps each to what it does.

use std::fmt;
use std::str::FromStr;

macro_rules! action_names {
    ($($variant:ident = $name:literal: $doc:literal,)*) => {
        /// An action the config file can give other keys.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ActionName {
            $(#[doc = $doc] $variant,)*
        }

        impl ActionName {
            /// Every action, in the order the README lists them.
            pub const ALL: &'static [ActionName] = &[$(ActionName::$variant,)*];

            /// The name in the config file: snake_case.
            pub fn name(self) -> &'static str {
                match self {
                    $(ActionName::$variant => $name,)*
                }
            }
        }
    };
}

action_names! {
    Quit = "quit": "leave the browser",
    Search = "search": "start a search",
    Help = "help": "open the help: every key",
    NextPane = "next_pane": "focus the next pane",
    PreviousPane = "previous_pane": "focus the previous pane",
    Down = "down": "move down, or scroll",
    Up = "up": "move up, or scroll",
    PageDown = "page_down": "a page down",
    PageUp = "page_up": "a page up",
    Top = "top": "to the first row",
    Bottom = "bottom": "to the last row",
    LevelDown = "level_down": "the next lower defined level (in a comparison: of the active side)",
    LevelUp = "level_up": "the next higher defined level (in a comparison: of the active side)",
    Activate = "activate": "open or fold a group; on a skill, go to its levels",
    FoldAll = "fold_all": "fold or open all groups",
    Compare = "compare": "compare this level with the next",
    Export = "export": "export the skill or comparison as Markdown",
    LoadErrors = "load_errors": "show the files that failed to load",
    Back = "back": "close what is open",
    StepUp = "step_up": "comparison: both sides one level up",
    StepDown = "step_down": "comparison: both sides one level down",
    SwitchSide = "switch_side": "comparison: switch the active side",
    PickSkill = "pick_skill": "comparison: pick another skill for the active side",
    Progression = "progression": "comparison: every level of the skill",
    Presentation = "presentation": "comparison: presentation mode for projectors",
}

impl fmt::Display for ActionName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ActionName {
    type Err = String;

    fn from_str(text: &str) -> Result<ActionName, String> {
        ActionName::ALL
            .iter()
            .copied()
            .find(|action| action.name() == text)
            .ok_or_else(|| {
                let names: Vec<&str> = ActionName::ALL.iter().map(|a| a.name()).collect();
                format!("unknown action {text:?}; actions: {}", names.join(", "))
            })
    }
}

impl<'de> serde::Deserialize<'de> for ActionName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_snake_case_and_parse_back() {
        let mut seen = std::collections::HashSet::new();
        for action in ActionName::ALL {
            let name = action.name();
            assert!(seen.insert(name), "{name} twice");
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{name}"
            );
            assert_eq!(name.parse::<ActionName>(), Ok(*action));
        }
        assert_eq!(ActionName::ALL.len(), 25);
    }

    #[test]
    fn the_documented_names_exist() {
        for name in [
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
            "back",
            "step_up",
            "step_down",
            "switch_side",
            "pick_skill",
            "progression",
            "presentation",
        ] {
            assert!(name.parse::<ActionName>().is_ok(), "{name}");
        }
    }

    #[test]
    fn unknown_names_list_the_known_ones() {
        let error = "Quit".parse::<ActionName>().unwrap_err();
        assert!(error.starts_with("unknown action \"Quit\""), "{error}");
        assert!(error.contains("quit, search, help"), "{error}");
    }
}
