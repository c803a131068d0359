//! The keymap in force: the default [`BINDINGS`] with the config file's overrides, which the
//! config layer applies and checks.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{matches, Scope, BINDINGS};
use crate::config::{apply_overrides, BoundKeys, KeyName, KeyOverride, KeySpec};
use crate::tui::action::Action;

/// Where the config file's key overrides apply. Search is left out so that characters typed
/// into a query are never taken as commands; popups keep their few fixed keys.
pub const REBINDABLE: [Scope; 4] = [
    Scope::Browse,
    Scope::Compare,
    Scope::Responsibility,
    Scope::Profile,
];

/// A binding in force: one of [`BINDINGS`], with the config file's keys where it overrides them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveBinding {
    pub scope: Scope,
    pub keys: Vec<KeySpec>,
    pub action: Action,
    /// The default's label, or one made from the keys when they changed: "/ or Ctrl-f".
    pub label: String,
    pub help: &'static str,
    pub hint: Option<&'static str>,
}

/// The key bindings in force. Everything that reads keys or shows them reads the same keymap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// In the order of [`BINDINGS`], one for one.
    bindings: Vec<ActiveBinding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap::with_overrides(&[]).expect("the defaults give no key twice")
    }
}

impl Keymap {
    /// The defaults with `overrides`: each replaces its action's keys in the [`REBINDABLE`]
    /// scopes, and takes its keys away from whatever other action they did there. Two
    /// overrides giving the same key in one scope are an error, naming the key and both actions.
    pub fn with_overrides(overrides: &[KeyOverride<Action>]) -> Result<Keymap, String> {
        refuse_signal_keys(overrides)?;
        let mut keys: Vec<BoundKeys<Scope, Action>> = BINDINGS
            .iter()
            .map(|b| BoundKeys::new(b.scope, b.action.clone(), b.keys))
            .collect();
        apply_overrides(&mut keys, &REBINDABLE, overrides)?;
        let bindings = keys
            .into_iter()
            .zip(BINDINGS)
            .map(|(bound, default)| ActiveBinding {
                label: if bound.keys == default.keys {
                    default.label.to_string()
                } else {
                    label_for(&bound.keys)
                },
                scope: bound.scope,
                keys: bound.keys,
                action: bound.action,
                help: default.help,
                hint: default.hint,
            })
            .collect();
        Ok(Keymap { bindings })
    }

    /// The action a key asks for in a scope. In the search scope, printable characters that no
    /// binding claims are typed into the query.
    pub fn action_for(&self, scope: Scope, event: &KeyEvent) -> Option<Action> {
        let bound = self
            .bindings(scope)
            .find(|b| b.keys.iter().any(|k| matches(k, event)))
            .map(|b| b.action.clone());
        if bound.is_some() || scope != Scope::Search {
            return bound;
        }
        match event.code {
            KeyCode::Char(c)
                if !event
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::Type(c))
            }
            _ => None,
        }
    }

    /// Every binding of a scope, in the table's order (for the help).
    pub fn bindings(&self, scope: Scope) -> impl Iterator<Item = &ActiveBinding> {
        self.bindings.iter().filter(move |b| b.scope == scope)
    }

    /// The footer's hints for a scope: (keys, what they do). Bindings left with no key are
    /// not hinted.
    pub fn hints(&self, scope: Scope) -> impl Iterator<Item = (&str, &'static str)> {
        (self.hinted(scope, &[])).filter_map(|b| b.hint.map(|hint| (b.label.as_str(), hint)))
    }

    /// The bindings with a footer hint and a key, but for the `idle` actions, which do nothing
    /// where the keys are read.
    pub fn hinted<'a>(
        &'a self,
        scope: Scope,
        idle: &'a [Action],
    ) -> impl Iterator<Item = &'a ActiveBinding> {
        self.bindings(scope)
            .filter(|b| b.hint.is_some() && !b.keys.is_empty() && !idle.contains(&b.action))
    }
}

/// Ctrl-c, Ctrl-\\ and Ctrl-z never reach the browser as keys: the terminal turns them into
/// SIGINT, SIGQUIT and SIGTSTP (quit, quit, suspend; see `tui::terminal`). Only `quit` may
/// name Ctrl-c, which it has by default.
fn refuse_signal_keys(overrides: &[KeyOverride<Action>]) -> Result<(), String> {
    for binding in overrides {
        for key in &binding.keys {
            let KeyName::Char(c) = key.key else { continue };
            let signal = match c {
                'c' if binding.action == Action::Quit => continue,
                'c' => "quits the browser",
                '\\' => "quits the browser",
                'z' => "suspends the browser (the shell's `fg` brings it back)",
                _ => continue,
            };
            if key.ctrl && !key.alt {
                return Err(format!(
                    "key \"{}\" cannot be given to {}: the terminal keeps it, and it {signal}",
                    key.label(),
                    binding.name
                ));
            }
        }
    }
    Ok(())
}

/// A label made from keys: "q/Ctrl-c", or "/ or Ctrl-f" when a key is itself a slash.
fn label_for(keys: &[KeySpec]) -> String {
    let labels: Vec<String> = keys.iter().map(KeySpec::label).collect();
    if labels.is_empty() {
        return "(no key)".to_string();
    }
    let separator = if labels.iter().any(|l| l.contains('/')) {
        " or "
    } else {
        "/"
    };
    labels.join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::Scope::{Browse, Compare, Search};
    use Action as A;
    use KeyCode as K;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    fn char_key(c: char) -> KeyEvent {
        press(K::Char(c), KeyModifiers::NONE)
    }

    fn keymap(config: &str) -> Result<Keymap, String> {
        let config = crate::config::parse("config.ron", config).unwrap();
        Keymap::with_overrides(&config.keys)
    }

    #[test]
    fn every_action_the_config_names_has_a_default_key_and_a_help_line() {
        let keymap = Keymap::default();
        for (name, action) in crate::config::named_actions::<Action>() {
            let bound: Vec<&ActiveBinding> = REBINDABLE
                .iter()
                .flat_map(|&scope| keymap.bindings(scope))
                .filter(|b| b.action == action)
                .collect();
            assert!(
                !bound.is_empty(),
                "{name} is not bound while browsing or comparing"
            );
            for binding in bound {
                assert!(!binding.keys.is_empty(), "{name} has no default key");
                assert!(!binding.help.is_empty(), "{name} has no help line");
                let event = super::super::key_event(&binding.keys[0]);
                assert_eq!(
                    keymap.action_for(binding.scope, &event),
                    Some(action.clone()),
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn an_overridden_key_does_the_action_and_the_old_one_no_longer_does() {
        let keymap =
            keymap(r#"(keys: {"search": ["Ctrl-f"], "level_up": ["l", "Right", "L"]})"#).unwrap();
        let ctrl_f = press(K::Char('f'), KeyModifiers::CONTROL);
        assert_eq!(keymap.action_for(Browse, &ctrl_f), Some(A::Search));
        assert_eq!(keymap.action_for(Browse, &char_key('/')), None);
        // In every scope with a level to step (the profile has none).
        let stepping = REBINDABLE.into_iter().filter(|&scope| {
            BINDINGS
                .iter()
                .any(|b| b.scope == scope && b.action == A::LevelUp)
        });
        for scope in stepping {
            assert_eq!(
                keymap.action_for(scope, &press(K::Char('L'), KeyModifiers::SHIFT)),
                Some(A::LevelUp),
                "{scope:?}"
            );
            assert_eq!(keymap.action_for(scope, &char_key('l')), Some(A::LevelUp));
        }
        assert_eq!(
            keymap.action_for(Compare, &char_key('/')),
            Some(A::PickSkill),
            "the comparison's / is another action's and stays"
        );
    }

    #[test]
    fn search_typing_is_never_overridden() {
        let keymap =
            keymap(r#"(keys: {"quit": ["x"], "down": ["n"], "back": ["Ctrl-g"]})"#).unwrap();
        assert_eq!(keymap.action_for(Browse, &char_key('x')), Some(A::Quit));
        assert_eq!(keymap.action_for(Browse, &char_key('q')), None);
        for c in ['x', 'n', 'q', 'j'] {
            assert_eq!(keymap.action_for(Search, &char_key(c)), Some(A::Type(c)));
        }
        let esc = press(K::Esc, KeyModifiers::NONE);
        assert_eq!(keymap.action_for(Search, &esc), Some(A::Back));
        assert_eq!(keymap.action_for(Browse, &esc), None);
        assert_eq!(
            keymap.action_for(Search, &press(K::Char('c'), KeyModifiers::CONTROL)),
            Some(A::Quit)
        );
    }

    #[test]
    fn an_overriding_key_is_taken_from_the_action_that_had_it() {
        let keymap = keymap(r#"(keys: {"quit": ["j"]})"#).unwrap();
        assert_eq!(keymap.action_for(Browse, &char_key('j')), Some(A::Quit));
        let down = press(K::Down, KeyModifiers::NONE);
        assert_eq!(keymap.action_for(Browse, &down), Some(A::Down));
        let labels: Vec<&str> = keymap
            .bindings(Browse)
            .filter(|b| matches!(b.action, A::Down | A::Quit | A::Up))
            .map(|b| b.label.as_str())
            .collect();
        assert_eq!(labels, ["j", "↓", "k/↑"]);
    }

    #[test]
    fn two_overrides_with_one_key_conflict_only_in_one_scope() {
        let error = keymap(r#"(keys: {"quit": ["x"], "export": ["x"]})"#).unwrap_err();
        assert!(
            error.contains("\"x\"") && error.contains("quit") && error.contains("export"),
            "{error}"
        );
        // next_pane is only for browsing, step_up only for comparing.
        let keymap = keymap(r#"(keys: {"next_pane": ["x"], "step_up": ["x"]})"#).unwrap();
        assert_eq!(keymap.action_for(Browse, &char_key('x')), Some(A::NextPane));
        assert_eq!(keymap.action_for(Compare, &char_key('x')), Some(A::StepUp));
    }

    #[test]
    fn hints_show_the_keys_in_force() {
        let keymap = keymap(
            r#"(keys: {"search": ["/", "Ctrl-f"], "quit": ["q", "Ctrl-q"], "help": ["F1"]})"#,
        )
        .unwrap();
        let hints: Vec<(&str, &str)> = keymap.hints(Browse).take(3).collect();
        assert_eq!(
            hints,
            [
                ("q/Ctrl-q", "quit"),
                ("/ or Ctrl-f", "search"),
                ("F1", "help")
            ]
        );
        let compare: Vec<&str> = keymap.hints(Compare).map(|(keys, _)| keys).collect();
        assert!(!compare.contains(&"?"), "{compare:?}");
    }

    #[test]
    fn the_terminals_signal_keys_cannot_be_rebound() {
        assert!(keymap(r#"(keys: {"quit": ["x", "Ctrl-c"]})"#).is_ok());
        for (config, key) in [
            (r#"(keys: {"export": ["Ctrl-z"]})"#, "Ctrl-z"),
            (r#"(keys: {"search": ["Ctrl-c"]})"#, "Ctrl-c"),
            (r#"(keys: {"quit": ["Ctrl-\\"]})"#, "Ctrl-\\"),
        ] {
            let error = keymap(config).unwrap_err();
            assert!(
                error.starts_with(&format!("key \"{key}\" cannot be given to")),
                "{error}"
            );
        }
        assert!(keymap(r#"(keys: {"export": ["z", "Alt-z"]})"#).is_ok());
    }

    #[test]
    fn keys_equal_to_the_defaults_keep_the_default_labels() {
        let example = crate::config::parse(
            "config.example.ron",
            include_str!("../../../assets/config.example.ron"),
        )
        .unwrap();
        let keymap = Keymap::with_overrides(&example.keys).unwrap();
        let default = Keymap::default();
        for scope in REBINDABLE {
            let hints: Vec<_> = keymap.hints(scope).collect();
            let default_hints: Vec<_> = default.hints(scope).collect();
            assert_eq!(hints, default_hints, "{scope:?}");
            for binding in BINDINGS.iter().filter(|b| b.scope == scope) {
                for key in binding.keys {
                    let event = super::super::key_event(key);
                    assert_eq!(
                        keymap.action_for(scope, &event),
                        Some(binding.action.clone()),
                        "{scope:?} {key:?}"
                    );
                }
            }
        }
    }
}
