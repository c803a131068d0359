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
    /// A popup (help, load errors).
    Popup,
}

impl Scope {
    /// Every scope, in the order the help lists them.
    pub const ALL: [Scope; 5] = [
        Scope::Browse,
        Scope::Search,
        Scope::Compare,
        Scope::Responsibility,
        Scope::Popup,
    ];

    /// The heading in the help.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Browse => "Browsing",
            Scope::Search => "Searching",
            Scope::Compare => "Comparing levels",
            Scope::Responsibility => "Levels of responsibility",
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

use Action as A;
use KeyName as K;
use Scope::*;

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

pub const BINDINGS: &[Binding] = &[
    bind(
        Browse,
        &[key('q'), ctrl('c')],
        A::Quit,
        "q",
        "quit",
        Some("quit"),
    ),
    bind(
        Browse,
        &[key('/')],
        A::Search,
        "/",
        "search codes, names and text",
        Some("search"),
    ),
    bind(
        Browse,
        &[key('?')],
        A::Help,
        "?",
        "help: every key",
        Some("help"),
    ),
    bind(
        Browse,
        &[special(K::Tab)],
        A::NextPane,
        "Tab",
        "next pane",
        Some("pane"),
    ),
    bind(
        Browse,
        &[special(K::BackTab)],
        A::PreviousPane,
        "Shift-Tab",
        "previous pane",
        None,
    ),
    bind(
        Browse,
        &[key('j'), special(K::Down)],
        A::Down,
        "j/↓",
        "move down / scroll",
        None,
    ),
    bind(
        Browse,
        &[key('k'), special(K::Up)],
        A::Up,
        "k/↑",
        "move up / scroll",
        None,
    ),
    bind(
        Browse,
        &[key('h'), special(K::Left)],
        A::LevelDown,
        "h/←",
        "lower defined level",
        Some("level"),
    ),
    bind(
        Browse,
        &[key('l'), special(K::Right)],
        A::LevelUp,
        "l/→",
        "higher defined level",
        None,
    ),
    bind(
        Browse,
        &[special(K::PageDown), ctrl('d')],
        A::PageDown,
        "PgDn",
        "page down",
        None,
    ),
    bind(
        Browse,
        &[special(K::PageUp), ctrl('u')],
        A::PageUp,
        "PgUp",
        "page up",
        None,
    ),
    bind(
        Browse,
        &[key('g'), special(K::Home)],
        A::Top,
        "g/Home",
        "first",
        None,
    ),
    bind(
        Browse,
        &[key('G'), special(K::End)],
        A::Bottom,
        "G/End",
        "last",
        None,
    ),
    bind(
        Browse,
        &[special(K::Enter), key(' ')],
        A::Activate,
        "Enter",
        "open or fold a group",
        Some("fold"),
    ),
    bind(
        Browse,
        &[key('z')],
        A::FoldAll,
        "z",
        "fold or open all groups",
        None,
    ),
    bind(
        Browse,
        &[key('c')],
        A::Compare,
        "c",
        "compare this level with the next",
        Some("compare"),
    ),
    bind(
        Browse,
        &[key('r')],
        A::LevelsOfResponsibility,
        "r",
        "levels of responsibility: what each level asks",
        Some("levels"),
    ),
    bind(
        Browse,
        &[key('x')],
        A::ExpandEssence,
        "x",
        "the level's essence: one line or whole",
        None,
    ),
    bind(
        Browse,
        &[key('e')],
        A::Export,
        "e",
        "export this skill as Markdown",
        None,
    ),
    bind(
        Browse,
        &[key('!')],
        A::LoadErrors,
        "!",
        "show data files that failed to load",
        None,
    ),
    bind(Browse, &[special(K::Esc)], A::Back, "Esc", "close", None),
    bind(
        Search,
        &[special(K::Enter)],
        A::Activate,
        "Enter",
        "jump to the skill and level",
        Some("jump"),
    ),
    bind(
        Search,
        &[special(K::Esc)],
        A::Back,
        "Esc",
        "leave search, full list",
        Some("cancel"),
    ),
    bind(
        Search,
        &[special(K::Down), ctrl('n'), ctrl('j')],
        A::Down,
        "↓/Ctrl-n",
        "next result",
        Some("move"),
    ),
    bind(
        Search,
        &[special(K::Up), ctrl('p'), ctrl('k')],
        A::Up,
        "↑/Ctrl-p",
        "previous result",
        None,
    ),
    bind(
        Search,
        &[special(K::PageDown)],
        A::PageDown,
        "PgDn",
        "page down",
        None,
    ),
    bind(
        Search,
        &[special(K::PageUp)],
        A::PageUp,
        "PgUp",
        "page up",
        None,
    ),
    bind(
        Search,
        &[special(K::Home)],
        A::Top,
        "Home",
        "first result",
        None,
    ),
    bind(
        Search,
        &[special(K::End)],
        A::Bottom,
        "End",
        "last result",
        None,
    ),
    bind(
        Search,
        &[special(K::Backspace)],
        A::DeleteChar,
        "Backspace",
        "delete a character",
        None,
    ),
    bind(
        Search,
        &[ctrl('w')],
        A::DeleteWord,
        "Ctrl-w",
        "delete a word",
        None,
    ),
    bind(Search, &[ctrl('c')], A::Quit, "Ctrl-c", "quit", None),
    bind(
        Compare,
        &[key('n')],
        A::StepUp,
        "n",
        "both sides one level up (4→5 becomes 5→6)",
        Some("next"),
    ),
    bind(
        Compare,
        &[key('p')],
        A::StepDown,
        "p",
        "both sides one level down",
        Some("prev"),
    ),
    bind(
        Compare,
        &[special(K::Tab), special(K::BackTab)],
        A::SwitchSide,
        "Tab",
        "switch the active side",
        Some("side"),
    ),
    bind(
        Compare,
        &[key('h'), special(K::Left)],
        A::LevelDown,
        "h/←",
        "active side: lower level",
        Some("level"),
    ),
    bind(
        Compare,
        &[key('l'), special(K::Right)],
        A::LevelUp,
        "l/→",
        "active side: higher level",
        None,
    ),
    bind(
        Compare,
        &[key('s'), key('/')],
        A::PickSkill,
        "s or /",
        "active side: pick another skill",
        Some("skill"),
    ),
    bind(
        Compare,
        &[key('v')],
        A::Progression,
        "v",
        "progression: every level of the skill",
        Some("progression"),
    ),
    bind(
        Compare,
        &[key('f')],
        A::Presentation,
        "f",
        "presentation mode for projectors",
        Some("present"),
    ),
    bind(
        Compare,
        &[key('a')],
        A::LevelAttributes,
        "a",
        "what the two levels ask, below the skills",
        Some("attributes"),
    ),
    bind(
        Compare,
        &[key('j'), special(K::Down)],
        A::Down,
        "j/↓",
        "scroll down",
        None,
    ),
    bind(
        Compare,
        &[key('k'), special(K::Up)],
        A::Up,
        "k/↑",
        "scroll up",
        None,
    ),
    bind(
        Compare,
        &[special(K::PageDown), ctrl('d')],
        A::PageDown,
        "PgDn",
        "page down",
        None,
    ),
    bind(
        Compare,
        &[special(K::PageUp), ctrl('u')],
        A::PageUp,
        "PgUp",
        "page up",
        None,
    ),
    bind(
        Compare,
        &[key('g'), special(K::Home)],
        A::Top,
        "g/Home",
        "top",
        None,
    ),
    bind(
        Compare,
        &[key('G'), special(K::End)],
        A::Bottom,
        "G/End",
        "bottom",
        None,
    ),
    bind(
        Compare,
        &[key('e')],
        A::Export,
        "e",
        "export this comparison as Markdown",
        None,
    ),
    bind(Compare, &[key('?')], A::Help, "?", "help", None),
    bind(
        Compare,
        &[special(K::Esc)],
        A::Back,
        "Esc",
        "close the comparison",
        Some("close"),
    ),
    bind(Compare, &[key('q'), ctrl('c')], A::Quit, "q", "quit", None),
    bind(
        Responsibility,
        &[key('h'), special(K::Left)],
        A::LevelDown,
        "h/←",
        "lower level",
        Some("level"),
    ),
    bind(
        Responsibility,
        &[key('l'), special(K::Right)],
        A::LevelUp,
        "l/→",
        "higher level",
        None,
    ),
    bind(
        Responsibility,
        &[key('c')],
        A::Compare,
        "c",
        "compare this level with the next",
        Some("compare"),
    ),
    bind(
        Responsibility,
        &[key('j'), special(K::Down)],
        A::Down,
        "j/↓",
        "scroll down",
        None,
    ),
    bind(
        Responsibility,
        &[key('k'), special(K::Up)],
        A::Up,
        "k/↑",
        "scroll up",
        None,
    ),
    bind(
        Responsibility,
        &[special(K::PageDown), ctrl('d')],
        A::PageDown,
        "PgDn",
        "page down",
        None,
    ),
    bind(
        Responsibility,
        &[special(K::PageUp), ctrl('u')],
        A::PageUp,
        "PgUp",
        "page up",
        None,
    ),
    bind(
        Responsibility,
        &[key('g'), special(K::Home)],
        A::Top,
        "g/Home",
        "top",
        None,
    ),
    bind(
        Responsibility,
        &[key('G'), special(K::End)],
        A::Bottom,
        "G/End",
        "bottom",
        None,
    ),
    bind(
        Responsibility,
        &[key('e')],
        A::Export,
        "e",
        "export this level as Markdown",
        Some("export"),
    ),
    bind(
        Responsibility,
        &[key('?')],
        A::Help,
        "?",
        "help",
        Some("help"),
    ),
    bind(
        Responsibility,
        &[special(K::Esc)],
        A::Back,
        "Esc",
        "back to the skills",
        Some("close"),
    ),
    bind(
        Responsibility,
        &[key('q'), ctrl('c')],
        A::Quit,
        "q",
        "quit",
        None,
    ),
    bind(
        Popup,
        &[special(K::Esc), key('?'), key('q'), special(K::Enter)],
        A::Back,
        "Esc",
        "close the popup",
        Some("close"),
    ),
    bind(
        Popup,
        &[key('j'), special(K::Down)],
        A::Down,
        "j/↓",
        "scroll down",
        None,
    ),
    bind(
        Popup,
        &[key('k'), special(K::Up)],
        A::Up,
        "k/↑",
        "scroll up",
        None,
    ),
    bind(
        Popup,
        &[special(K::PageDown), ctrl('d')],
        A::PageDown,
        "PgDn",
        "page down",
        None,
    ),
    bind(
        Popup,
        &[special(K::PageUp), ctrl('u')],
        A::PageUp,
        "PgUp",
        "page up",
        None,
    ),
    bind(
        Popup,
        &[key('g'), special(K::Home)],
        A::Top,
        "g/Home",
        "top",
        None,
    ),
    bind(
        Popup,
        &[key('G'), special(K::End)],
        A::Bottom,
        "G/End",
        "bottom",
        None,
    ),
    bind(Popup, &[ctrl('c')], A::Quit, "Ctrl-c", "quit", None),
];

#[cfg(test)]
mod tests {
    use super::*;
    use KeyCode as K;

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
