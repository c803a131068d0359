//! The user's settings: the config file, `config.ron` in the config folder (the theme, the pane
//! focused at start and key overrides), the key-conflict checks, and NO_COLOR from the
//! environment. Every field is optional and unknown fields are errors, as in data files. A bad
//! config never stops skillscope: the defaults apply and the error is reported with its
//! position. Used by both faces, this layer imports neither: actions and default key bindings
//! are given to it (see [`actions`] and [`bindings`]).

pub mod actions;
pub mod bindings;
mod keys;

use std::ffi::OsStr;
use std::fmt;
use std::marker::PhantomData;
use std::path::Path;

use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

pub use actions::{action_names, named_actions, parse_action};
pub use bindings::{apply_overrides, BoundKeys};
pub use keys::{KeyName, KeySpec};

use crate::data::profile::ProfileName;
use crate::data::sources::{read_text, ron_options, LoadError};

/// A config file larger than this is refused unread: a real one is a few hundred bytes.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// The config file, its key overrides naming actions of `A` (the browser's `Action`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "A: DeserializeOwned"))]
pub struct Config<A> {
    #[serde(default)]
    pub theme: ThemeName,
    /// The pane focused at start when the browser has no saved state.
    #[serde(default)]
    pub default_pane: Option<Pane>,
    /// The profile the browser's `m` and `t` mark levels in (default "me").
    #[serde(default)]
    pub profile: Option<ProfileName>,
    /// In the order written; each replaces the default keys of its action.
    #[serde(default, deserialize_with = "key_overrides")]
    pub keys: Vec<KeyOverride<A>>,
}

impl<A> Default for Config<A> {
    fn default() -> Self {
        Config {
            theme: ThemeName::default(),
            default_pane: None,
            profile: None,
            keys: Vec::new(),
        }
    }
}

/// The browser's colour schemes. NO_COLOR forces `Monochrome` whatever the config says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ThemeName {
    #[default]
    Default,
    /// Bright, bold foregrounds on black, for low vision and washed-out projectors.
    HighContrast,
    /// No colour at all: reverse video, bold and underline carry the meaning.
    Monochrome,
}

impl ThemeName {
    pub const ALL: [ThemeName; 3] = [
        ThemeName::Default,
        ThemeName::HighContrast,
        ThemeName::Monochrome,
    ];

    /// The name in the config file.
    pub fn name(self) -> &'static str {
        match self {
            ThemeName::Default => "default",
            ThemeName::HighContrast => "high-contrast",
            ThemeName::Monochrome => "monochrome",
        }
    }
}

impl<'de> Deserialize<'de> for ThemeName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        ThemeName::ALL
            .into_iter()
            .find(|theme| theme.name() == text)
            .ok_or_else(|| {
                de::Error::custom(format!(
                    "unknown theme {text:?}; themes: \"default\", \"high-contrast\", \"monochrome\""
                ))
            })
    }
}

/// The browser's panes, as the config names them (the browser has its own `Pane`; this one is
/// the config's vocabulary, and its name is the one errors show: "in enum `Pane`").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Pane {
    List,
    Levels,
    Guidance,
}

/// New keys for one action: `"search": ["/", "Ctrl-f"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride<A> {
    pub action: A,
    /// The action's name in the config file, for messages.
    pub name: &'static str,
    /// At least one, none repeated.
    pub keys: Vec<KeySpec>,
}

/// Reads the `keys` map keeping the file's order, refusing an action given twice or no keys
/// (an action with no key at all would be unreachable, and quit must stay reachable).
fn key_overrides<'de, D, A>(deserializer: D) -> Result<Vec<KeyOverride<A>>, D::Error>
where
    D: Deserializer<'de>,
    A: DeserializeOwned,
{
    struct OverridesVisitor<A>(PhantomData<A>);

    impl<'de, A: DeserializeOwned> Visitor<'de> for OverridesVisitor<A> {
        type Value = Vec<KeyOverride<A>>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a map from action names to lists of keys, e.g. { \"quit\": [\"q\"] }")
        }

        fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
            let mut overrides: Vec<KeyOverride<A>> = Vec::new();
            while let Some((action, name)) = map.next_key_seed(ActionSeed(PhantomData))? {
                if overrides.iter().any(|o| o.name == name) {
                    return Err(de::Error::custom(format!("\"{name}\" is given twice")));
                }
                let mut keys: Vec<KeySpec> = map.next_value()?;
                if keys.is_empty() {
                    return Err(de::Error::custom(format!(
                        "\"{name}\" has no keys; give at least one"
                    )));
                }
                let mut seen = std::collections::HashSet::new();
                keys.retain(|key| seen.insert(*key));
                overrides.push(KeyOverride { action, name, keys });
            }
            Ok(overrides)
        }
    }

    deserializer.deserialize_map(OverridesVisitor(PhantomData))
}

/// An action name as a map key: read as text (the file quotes it), then looked up among the
/// names of `A`, so an unknown one is an error at the key's position.
struct ActionSeed<A>(PhantomData<A>);

impl<'de, A: DeserializeOwned> DeserializeSeed<'de> for ActionSeed<A> {
    type Value = (A, &'static str);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_action(&text).map_err(de::Error::custom)
    }
}

/// What became of the config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigStatus {
    /// There is none: the defaults apply.
    Absent,
    Loaded,
    /// It could not be used: the defaults apply.
    Failed(LoadError),
}

/// Checks the config file at a path as the browser would use it. The browser provides it; the
/// commands are handed one so that they report the same errors without importing the browser.
pub type ConfigCheck = fn(&Path) -> ConfigStatus;

/// Parses config text; `path` is only for the error.
pub fn parse<A: DeserializeOwned>(path: &str, text: &str) -> Result<Config<A>, LoadError> {
    // An empty file is a config that sets nothing, as `()` is.
    if text.trim().is_empty() {
        return Ok(Config::default());
    }
    ron_options()
        .from_str(text)
        .map_err(|e| LoadError::from_ron(path, &e))
}

/// Reads the config file: the defaults when there is none or it is bad (then with the error).
pub fn load<A: DeserializeOwned>(path: &Path) -> (Config<A>, ConfigStatus) {
    if let Err(error) = std::fs::metadata(path) {
        if error.kind() == std::io::ErrorKind::NotFound {
            return (Config::default(), ConfigStatus::Absent);
        }
    }
    let parsed = read_text(path, MAX_CONFIG_BYTES, "config files")
        .and_then(|text| parse(&path.display().to_string(), &text));
    match parsed {
        Ok(config) => (config, ConfigStatus::Loaded),
        Err(error) => (Config::default(), ConfigStatus::Failed(error)),
    }
}

/// Whether the environment allows colour: NO_COLOR set to anything but "" forbids it
/// (<https://no-color.org>). `no_color` is the variable's value. The browser and the commands
/// both ask this.
pub fn color_enabled(no_color: Option<&OsStr>) -> bool {
    no_color.is_none_or(|value| value.is_empty())
}

/// [`color_enabled`] for this process's NO_COLOR.
pub fn color_enabled_here() -> bool {
    color_enabled(std::env::var_os("NO_COLOR").as_deref())
}

#[cfg(test)]
mod tests {
    use super::actions::tests::TestAction;
    use super::*;

    fn parse(text: &str) -> Result<Config<TestAction>, LoadError> {
        super::parse("config.ron", text)
    }

    #[test]
    fn every_field_is_optional() {
        assert_eq!(parse("()").unwrap(), Config::default());
        assert_eq!(parse("  \n").unwrap(), Config::default());
        let config = parse("(default_pane: Guidance)").unwrap();
        assert_eq!(config.default_pane, Some(Pane::Guidance));
        assert_eq!(config.theme, ThemeName::Default);
    }

    #[test]
    fn the_profile_is_a_profile_name_and_a_bad_one_is_located() {
        let config = parse(r#"(profile: "Senior dev")"#).unwrap();
        assert_eq!(
            config.profile.map(|p| p.to_string()).as_deref(),
            Some("Senior dev")
        );
        let error = parse("(\n  profile: \"../me\",\n)").unwrap_err();
        assert_eq!(error.position.map(|(line, _)| line), Some(2), "{error}");
        assert!(error.message.contains("profile name"), "{error}");
    }

    #[test]
    fn a_full_config_parses_in_order() {
        let config = parse(
            r#"(
                theme: "high-contrast",
                default_pane: Levels,
                keys: {
                    "search": ["/", "Ctrl-f"],
                    "quit": ["q", "Ctrl-c", "q"],
                },
            )"#,
        )
        .unwrap();
        assert_eq!(config.theme, ThemeName::HighContrast);
        assert_eq!(config.default_pane, Some(Pane::Levels));
        let actions: Vec<TestAction> = config.keys.iter().map(|o| o.action).collect();
        assert_eq!(actions, [TestAction::Search, TestAction::Quit]);
        let quit: Vec<String> = config.keys[1].keys.iter().map(|k| k.to_string()).collect();
        assert_eq!(quit, ["q", "Ctrl-c"], "a repeated key counts once");
    }

    /// (text, line, column or 0 for "anywhere on the line", words the message must hold)
    const BAD: &[(&str, usize, usize, &str)] = &[
        (
            "(theme: \"default\",\n  colour: 1)",
            2,
            3,
            "unexpected field named `colour`",
        ),
        ("(theme: \"neon\")", 1, 10, "unknown theme \"neon\""),
        (
            "(\n default_pane: Tree)",
            2,
            16,
            "unexpected variant named `Tree`",
        ),
        (
            "(keys: {\n  \"jump\": [\"j\"]})",
            2,
            4,
            "unknown action \"jump\"; actions: quit, search, help, next_pane, export",
        ),
        (
            "(keys: {\"quit\": [\"q\",\n  \"Ctlr-c\"]})",
            2,
            4,
            "unknown key \"Ctlr-c\"",
        ),
        ("(keys: {\"quit\": []})", 1, 19, "\"quit\" has no keys"),
        (
            "(keys: {\"quit\": [\"q\"], \"quit\": [\"x\"]})",
            1,
            25,
            "\"quit\" is given twice",
        ),
        ("(keys: [\"quit\"])", 1, 7, "expected opening `{`"),
        ("(theme: \"default\"", 1, 0, ""),
    ];

    #[test]
    fn bad_configs_are_errors_with_positions() {
        for &(text, line, column, words) in BAD {
            let error = parse(text).unwrap_err();
            assert!(error.message.contains(words), "{text}: {error}");
            let (got_line, got_column) = error.position.unwrap();
            assert_eq!(got_line, line, "{text}: {error}");
            if column > 0 {
                assert_eq!(got_column, column, "{text}: {error}");
            }
            assert!(error
                .to_string()
                .starts_with(&format!("config.ron:{line}:")));
        }
    }

    #[test]
    fn a_missing_file_is_absent_and_a_bad_one_fails_to_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.ron");
        let load = |path: &Path| super::load::<TestAction>(path);
        assert_eq!(load(&path), (Config::default(), ConfigStatus::Absent));
        std::fs::write(&path, "(theme: \"monochrome\")").unwrap();
        let (config, status) = load(&path);
        assert_eq!(
            (config.theme, status),
            (ThemeName::Monochrome, ConfigStatus::Loaded)
        );
        std::fs::write(&path, "(theme: \"monochrome\",\n keys: 5)").unwrap();
        let (config, status) = load(&path);
        assert_eq!(config, Config::default());
        let ConfigStatus::Failed(error) = status else {
            panic!("{status:?}")
        };
        assert!(
            error
                .to_string()
                .starts_with(&format!("{}:2:", path.display())),
            "{error}"
        );
        std::fs::write(&path, b"(theme: \"\xff\")").unwrap();
        assert!(matches!(load(&path).1, ConfigStatus::Failed(_)));
    }
}
