//! The key syntax of the config file: "q", "G", "Ctrl-c", "Alt-x", "Shift-Up", "Enter", "F1".
//! Only the syntax lives here; the browser turns a [`KeySpec`] into a terminal key event.

use std::fmt;
use std::str::FromStr;

/// A key that is not a character: the names the config file accepts, in its spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyName {
    /// A character as typed: "q", "G" (Shift is part of the character), "/", "Space".
    Char(char),
    Enter,
    Esc,
    Tab,
    /// Shift-Tab, which terminals report as a key of its own.
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Backspace,
    /// F1 to F12.
    F(u8),
}

/// One key with its modifiers, as written in the config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeySpec {
    pub key: KeyName,
    pub ctrl: bool,
    pub alt: bool,
    /// Only with named keys ("Shift-Up"): a shifted character is written as itself ("G").
    pub shift: bool,
}

/// Named keys with the spellings accepted (compared case-insensitively); the first is canonical.
const NAMES: &[(&[&str], KeyName)] = &[
    (&["Enter", "Return"], KeyName::Enter),
    (&["Esc", "Escape"], KeyName::Esc),
    (&["Tab"], KeyName::Tab),
    (&["BackTab"], KeyName::BackTab),
    (&["Up"], KeyName::Up),
    (&["Down"], KeyName::Down),
    (&["Left"], KeyName::Left),
    (&["Right"], KeyName::Right),
    (&["PageUp", "PgUp"], KeyName::PageUp),
    (&["PageDown", "PgDn"], KeyName::PageDown),
    (&["Home"], KeyName::Home),
    (&["End"], KeyName::End),
    (&["Backspace"], KeyName::Backspace),
    (&["Space"], KeyName::Char(' ')),
];

/// What a key may look like, for error messages.
pub const KEY_SYNTAX: &str = "a key is one character (\"q\", \"G\", \"/\") or a name (Enter, Esc, \
    Tab, BackTab, Up, Down, Left, Right, PageUp, PageDown, Home, End, Backspace, Space, F1–F12), \
    optionally after Ctrl-, Alt- or Shift-";

impl KeySpec {
    pub const fn plain(key: KeyName) -> KeySpec {
        KeySpec {
            key,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    /// The short form shown on screen: arrows as arrows, "PgDn", "Shift-Tab".
    pub fn label(&self) -> String {
        let name = match self.key {
            KeyName::Up => "↑".to_string(),
            KeyName::Down => "↓".to_string(),
            KeyName::Left => "←".to_string(),
            KeyName::Right => "→".to_string(),
            KeyName::PageUp => "PgUp".to_string(),
            KeyName::PageDown => "PgDn".to_string(),
            other => name_of(other),
        };
        format!("{}{name}", self.modifier_prefix())
    }

    fn modifier_prefix(&self) -> String {
        let mut prefix = String::new();
        for (on, text) in [
            (self.ctrl, "Ctrl-"),
            (self.alt, "Alt-"),
            (self.shift, "Shift-"),
        ] {
            if on {
                prefix.push_str(text);
            }
        }
        prefix
    }
}

fn name_of(key: KeyName) -> String {
    match key {
        KeyName::Char(' ') => "Space".to_string(),
        KeyName::Char(c) => c.to_string(),
        KeyName::BackTab => "Shift-Tab".to_string(),
        KeyName::F(n) => format!("F{n}"),
        named => NAMES
            .iter()
            .find(|(_, key)| *key == named)
            .map(|(spellings, _)| spellings[0].to_string())
            .unwrap_or_default(),
    }
}

/// The config-file spelling, which parses back to the same key.
impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.modifier_prefix(), name_of(self.key))
    }
}

impl FromStr for KeySpec {
    type Err = String;

    fn from_str(text: &str) -> Result<KeySpec, String> {
        let unknown = || format!("unknown key {text:?}: {KEY_SYNTAX}");
        let mut spec = KeySpec::plain(KeyName::Esc);
        let mut rest = text;
        // Peel "Ctrl-", "Alt-", "Shift-" off the front; what is left is the key ("Ctrl--" is
        // Ctrl and the minus key).
        while rest.chars().count() > 1 {
            let Some((prefix, after)) = rest.split_once('-') else {
                break;
            };
            if after.is_empty() {
                break;
            }
            let flag = match prefix.to_ascii_lowercase().as_str() {
                "ctrl" => &mut spec.ctrl,
                "alt" => &mut spec.alt,
                "shift" => &mut spec.shift,
                _ => break,
            };
            if *flag {
                return Err(format!("{text:?} gives {prefix} twice"));
            }
            *flag = true;
            rest = after;
        }
        spec.key = parse_key_name(rest).ok_or_else(unknown)?;
        match spec.key {
            KeyName::Char(c) if spec.shift => {
                let shifted: String = c.to_uppercase().collect();
                return Err(format!(
                    "{text:?}: write a shifted character as itself, e.g. {shifted:?}"
                ));
            }
            // Terminals cannot tell Ctrl-C from Ctrl-c: both arrive as Ctrl-c.
            KeyName::Char(c) if spec.ctrl && c.is_ascii_uppercase() => {
                spec.key = KeyName::Char(c.to_ascii_lowercase());
            }
            // Terminals report Shift-Tab as BackTab.
            KeyName::Tab | KeyName::BackTab if spec.shift => {
                spec.key = KeyName::BackTab;
                spec.shift = false;
            }
            _ => {}
        }
        Ok(spec)
    }
}

fn parse_key_name(text: &str) -> Option<KeyName> {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control()).then_some(KeyName::Char(c));
    }
    if let Some(number) = text.strip_prefix(['F', 'f']) {
        // "F1" to "F12", without a sign or leading zero.
        if number.starts_with(|c: char| c.is_ascii_digit() && c != '0') {
            return number
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=12).contains(n))
                .map(KeyName::F);
        }
    }
    NAMES
        .iter()
        .find(|(spellings, _)| spellings.iter().any(|s| s.eq_ignore_ascii_case(text)))
        .map(|(_, key)| *key)
}

impl<'de> serde::Deserialize<'de> for KeySpec {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> KeySpec {
        text.parse()
            .unwrap_or_else(|e| panic!("{text:?} should parse: {e}"))
    }

    fn with(key: KeyName, ctrl: bool, alt: bool, shift: bool) -> KeySpec {
        KeySpec {
            key,
            ctrl,
            alt,
            shift,
        }
    }

    #[test]
    fn characters_are_themselves() {
        for c in ['q', 'G', '/', '?', '!', '-', 'é'] {
            assert_eq!(parse(&c.to_string()), KeySpec::plain(KeyName::Char(c)));
        }
        assert_eq!(parse("Space"), KeySpec::plain(KeyName::Char(' ')));
        assert_eq!(parse(" "), KeySpec::plain(KeyName::Char(' ')));
    }

    #[test]
    fn modifiers_combine_in_any_case() {
        assert_eq!(
            parse("Ctrl-c"),
            with(KeyName::Char('c'), true, false, false)
        );
        assert_eq!(
            parse("ctrl-f"),
            with(KeyName::Char('f'), true, false, false)
        );
        assert_eq!(parse("Alt-x"), with(KeyName::Char('x'), false, true, false));
        assert_eq!(parse("Alt-X"), with(KeyName::Char('X'), false, true, false));
        assert_eq!(parse("Ctrl-Alt-Up"), with(KeyName::Up, true, true, false));
        assert_eq!(parse("Shift-Up"), with(KeyName::Up, false, false, true));
        assert_eq!(
            parse("Ctrl--"),
            with(KeyName::Char('-'), true, false, false)
        );
        assert_eq!(
            parse("Ctrl-C"),
            parse("Ctrl-c"),
            "terminals cannot tell them apart"
        );
    }

    #[test]
    fn every_named_key_parses() {
        for (text, key) in [
            ("Enter", KeyName::Enter),
            ("return", KeyName::Enter),
            ("Esc", KeyName::Esc),
            ("Escape", KeyName::Esc),
            ("Tab", KeyName::Tab),
            ("BackTab", KeyName::BackTab),
            ("Shift-Tab", KeyName::BackTab),
            ("Up", KeyName::Up),
            ("Down", KeyName::Down),
            ("Left", KeyName::Left),
            ("Right", KeyName::Right),
            ("PageUp", KeyName::PageUp),
            ("PgUp", KeyName::PageUp),
            ("PageDown", KeyName::PageDown),
            ("pgdn", KeyName::PageDown),
            ("Home", KeyName::Home),
            ("End", KeyName::End),
            ("Backspace", KeyName::Backspace),
            ("F1", KeyName::F(1)),
            ("f12", KeyName::F(12)),
        ] {
            assert_eq!(parse(text), KeySpec::plain(key), "{text}");
        }
    }

    #[test]
    fn bad_keys_say_what_is_wrong() {
        for (text, expected) in [
            ("", "unknown key \"\""),
            ("Ctlr-c", "unknown key \"Ctlr-c\""),
            ("Ctrl-", "unknown key \"Ctrl-\""),
            ("qq", "unknown key \"qq\""),
            ("F0", "unknown key"),
            ("F13", "unknown key"),
            ("F01", "unknown key"),
            ("F+1", "unknown key"),
            ("\t", "unknown key"),
            ("Ctrl-Ctrl-c", "gives Ctrl twice"),
            ("Shift-x", "e.g. \"X\""),
        ] {
            let error = text.parse::<KeySpec>().unwrap_err();
            assert!(error.contains(expected), "{text:?}: {error}");
        }
        let error = "Ctlr-c".parse::<KeySpec>().unwrap_err();
        assert!(
            error.contains("PageDown") && error.contains("Ctrl-"),
            "{error}"
        );
    }

    #[test]
    fn display_parses_back_and_labels_are_short() {
        for text in [
            "q",
            "G",
            "Ctrl-c",
            "Alt-x",
            "Ctrl-Alt-Up",
            "Enter",
            "Esc",
            "Tab",
            "Shift-Tab",
            "Up",
            "PageDown",
            "Home",
            "Backspace",
            "Space",
            "F7",
            "Shift-End",
        ] {
            let spec = parse(text);
            assert_eq!(parse(&spec.to_string()), spec, "{text}");
        }
        assert_eq!(parse("Ctrl-f").label(), "Ctrl-f");
        assert_eq!(parse("Right").label(), "→");
        assert_eq!(parse("PageDown").label(), "PgDn");
        assert_eq!(parse("BackTab").label(), "Shift-Tab");
        assert_eq!(parse("Space").label(), "Space");
        assert_eq!(parse("BackTab").to_string(), "Shift-Tab");
    }
}
