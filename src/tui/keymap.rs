//! The one table of default key bindings, and the [`Keymap`] in force: the defaults with the
//! config file's overrides. The keymap maps keys to actions and also produces the footer hints
//! and the help popup, so those can never disagree with what the keys do.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::config::{KeyName, KeySpec};

mod active;

pub use active::{ActiveBinding, Keymap, REBINDABLE};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The panes: list, levels, guidance.
    Browse,
    /// Typing a search query (also used when picking a skill for the comparison).
    Search,
    Compare,
    /// The levels of responsibility of a framework (`r`).
    Responsibility,
    /// The profile's skills (`P`).
    Profile,
    /// A popup (help, load errors).
    Popup,
}

impl Scope {
    /// Every scope, in the order the help lists them.
    pub const ALL: [Scope; 6] = [
        Scope::Browse,
        Scope::Search,
        Scope::Compare,
        Scope::Responsibility,
        Scope::Profile,
        Scope::Popup,
    ];

    /// The heading in the help.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Browse => "Browsing",
            Scope::Search => "Searching",
            Scope::Compare => "Comparing levels",
            Scope::Responsibility => "Levels of responsibility",
            Scope::Profile => "Profile",
            Scope::Popup => "Popups",
        }
    }
}

/// As the config's key-conflict errors name it: "browsing".
impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.title().to_lowercase())
    }
}

const fn key(c: char) -> KeySpec {
    KeySpec::plain(KeyName::Char(c))
}

const fn ctrl(c: char) -> KeySpec {
    KeySpec {
        ctrl: true,
        ..key(c)
    }
}

const fn special(name: KeyName) -> KeySpec {
    KeySpec::plain(name)
}

/// The terminal's event for a key of the config file.
pub fn key_event(spec: &KeySpec) -> KeyEvent {
    let code = match spec.key {
        KeyName::Char(c) => KeyCode::Char(c),
        KeyName::Enter => KeyCode::Enter,
        KeyName::Esc => KeyCode::Esc,
        KeyName::Tab => KeyCode::Tab,
        KeyName::BackTab => KeyCode::BackTab,
        KeyName::Up => KeyCode::Up,
        KeyName::Down => KeyCode::Down,
        KeyName::Left => KeyCode::Left,
        KeyName::Right => KeyCode::Right,
        KeyName::PageUp => KeyCode::PageUp,
        KeyName::PageDown => KeyCode::PageDown,
        KeyName::Home => KeyCode::Home,
        KeyName::End => KeyCode::End,
        KeyName::Backspace => KeyCode::Backspace,
        KeyName::F(n) => KeyCode::F(n),
    };
    let mut modifiers = KeyModifiers::NONE;
    for (on, modifier) in [
        (spec.ctrl, KeyModifiers::CONTROL),
        (spec.alt, KeyModifiers::ALT),
        (spec.shift, KeyModifiers::SHIFT),
    ] {
        if on {
            modifiers |= modifier;
        }
    }
    KeyEvent::new(code, modifiers)
}

/// Whether a key event is this key of the config file.
fn matches(spec: &KeySpec, event: &KeyEvent) -> bool {
    let key = key_event(spec);
    if key.code != event.code {
        return false;
    }
    let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
    match event.code {
        // Shift-Tab arrives as BackTab, often with SHIFT; capitals carry SHIFT too.
        KeyCode::Char(_) | KeyCode::BackTab => {
            event.modifiers & relevant == key.modifiers & relevant
        }
        _ => event.modifiers == key.modifiers,
    }
}

/// The default keys of every mode as the help shows them, (keys, what they do): for the manual
/// page, which the commands write.
pub fn default_keys_by_mode() -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    let keymap = Keymap::default();
    Scope::ALL
        .into_iter()
        .map(|scope| {
            let keys = (keymap.bindings(scope))
                .map(|binding| (binding.label.clone(), binding.help))
                .collect();
            (scope.title(), keys)
        })
        .collect()
}

/// A default binding. The keys are given in the config file's terms, so that the config layer
/// can apply overrides and find conflicts without knowing the terminal.
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [KeySpec],
    pub action: Action,
    /// How the keys are shown: "j/↓".
    pub label: &'static str,
    pub help: &'static str,
    /// Shown in the footer, in this short form.
    pub hint: Option<&'static str>,
}

mod table;

pub use table::BINDINGS;

const fn bind(
    scope: Scope,
    keys: &'static [KeySpec],
    action: Action,
    label: &'static str,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        scope,
        keys,
        action,
        label,
        help,
        hint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action as A;
    use KeyCode as K;
    use Scope::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    fn action_for(scope: Scope, event: &KeyEvent) -> Option<Action> {
        Keymap::default().action_for(scope, event)
    }

    #[test]
    fn vim_keys_and_arrows_do_the_same() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            action_for(Browse, &press(K::Char('j'), none)),
            Some(A::Down)
        );
        assert_eq!(action_for(Browse, &press(K::Down, none)), Some(A::Down));
        assert_eq!(
            action_for(Browse, &press(K::Char('l'), none)),
            Some(A::LevelUp)
        );
        assert_eq!(action_for(Browse, &press(K::Right, none)), Some(A::LevelUp));
    }

    #[test]
    fn shifted_keys_and_backtab_match() {
        assert_eq!(
            action_for(Browse, &press(K::Char('G'), KeyModifiers::SHIFT)),
            Some(A::Bottom)
        );
        assert_eq!(
            action_for(Browse, &press(K::BackTab, KeyModifiers::SHIFT)),
            Some(A::PreviousPane)
        );
        assert_eq!(
            action_for(Browse, &press(K::Char('?'), KeyModifiers::SHIFT)),
            Some(A::Help)
        );
    }

    #[test]
    fn search_types_letters_that_browse_would_act_on() {
        assert_eq!(
            action_for(Search, &press(K::Char('q'), KeyModifiers::NONE)),
            Some(A::Type('q'))
        );
        assert_eq!(
            action_for(Search, &press(K::Char('j'), KeyModifiers::NONE)),
            Some(A::Type('j'))
        );
        assert_eq!(
            action_for(Search, &press(K::Char('c'), KeyModifiers::CONTROL)),
            Some(A::Quit)
        );
        assert_eq!(
            action_for(Search, &press(K::Char('x'), KeyModifiers::ALT)),
            None
        );
    }

    #[test]
    fn every_scope_can_be_left() {
        for scope in Scope::ALL {
            assert!(BINDINGS
                .iter()
                .any(|b| b.scope == scope && matches!(b.action, A::Quit | A::Back)));
        }
        assert!(Keymap::default().hints(Browse).any(|(keys, _)| keys == "?"));
    }
}
