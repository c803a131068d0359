//! The browser's settings: the config file turned into a theme, a keymap and a start pane.

use std::path::Path;

use super::action::Action;
use super::keymap::Keymap;
use super::layout::Pane;
use super::theme::Theme;
use crate::config::{self, Config, ConfigStatus};
use crate::data::profile::{ProfileName, DEFAULT_PROFILE};
use crate::data::sources::LoadError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub theme: Theme,
    pub keymap: Keymap,
    /// Focused at start unless the saved state says otherwise.
    pub start_pane: Pane,
    /// The profile `m` and `t` mark levels in.
    pub profile: ProfileName,
}

impl Settings {
    /// What applies with no config file. `color` is false with NO_COLOR.
    pub fn defaults(color: bool) -> Settings {
        Settings {
            theme: Theme::new(color),
            keymap: Keymap::default(),
            start_pane: Pane::List,
            profile: default_profile(),
        }
    }

    /// The settings a config asks for; an error when its keys cannot all be bound (one key given
    /// to two actions). Without `color` every theme is monochrome.
    pub fn from_config(config: &Config<Action>, color: bool) -> Result<Settings, String> {
        Ok(Settings {
            theme: Theme::named(config.theme, color),
            keymap: Keymap::with_overrides(&config.keys)?,
            start_pane: config.default_pane.map_or(Pane::List, Pane::from),
            profile: config.profile.clone().unwrap_or_else(default_profile),
        })
    }
}

fn default_profile() -> ProfileName {
    ProfileName::new(DEFAULT_PROFILE).expect("the default profile name is a name")
}

impl From<config::Pane> for Pane {
    fn from(pane: config::Pane) -> Pane {
        match pane {
            config::Pane::List => Pane::List,
            config::Pane::Levels => Pane::Levels,
            config::Pane::Guidance => Pane::Guidance,
        }
    }
}

/// Reads the config file and checks it as the browser would use it. On any error the defaults
/// apply, and the status says why. The commands get the same check through [`check`].
pub fn load(path: &Path, color: bool) -> (Settings, ConfigStatus) {
    let (config, status) = config::load(path);
    match Settings::from_config(&config, color) {
        Ok(settings) => (settings, status),
        Err(message) => {
            let error = LoadError {
                path: path.display().to_string(),
                position: None,
                message,
            };
            (Settings::defaults(color), ConfigStatus::Failed(error))
        }
    }
}

/// What becomes of the config file at `path` when the browser reads it: a
/// [`ConfigCheck`](crate::config::ConfigCheck) for the commands.
pub fn check(path: &Path) -> ConfigStatus {
    load(path, false).1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ThemeName;

    #[test]
    fn a_config_sets_theme_keys_and_start_pane() {
        let config = config::parse(
            "config.ron",
            r#"(theme: "high-contrast", default_pane: Guidance, profile: "Senior dev", keys: {"quit": ["x"]})"#,
        )
        .unwrap();
        let settings = Settings::from_config(&config, true).unwrap();
        assert_eq!(settings.theme, Theme::named(ThemeName::HighContrast, true));
        assert_eq!(settings.start_pane, Pane::Guidance);
        assert_eq!(settings.profile.as_str(), "Senior dev");
        assert_eq!(Settings::defaults(true).profile.as_str(), "me");
        assert_ne!(settings.keymap, Keymap::default());
        let settings = Settings::from_config(&config, false).unwrap();
        assert_eq!(settings.theme, Theme::named(ThemeName::Monochrome, true));
    }

    #[test]
    fn a_bad_config_gives_the_defaults_and_the_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.ron");
        std::fs::write(
            &path,
            "(theme: \"monochrome\",\n  keys: {\"quit\": [\"Ctlr-q\"]})",
        )
        .unwrap();
        let (settings, status) = load(&path, true);
        assert_eq!(settings, Settings::defaults(true));
        let ConfigStatus::Failed(error) = status else {
            panic!("{status:?}")
        };
        let shown = error.to_string();
        assert!(
            shown.starts_with(&format!("{}:2:", path.display())),
            "{shown}"
        );
        assert!(shown.contains("unknown key \"Ctlr-q\""), "{shown}");

        std::fs::write(&path, r#"(keys: {"quit": ["x"], "export": ["x"]})"#).unwrap();
        let (settings, status) = load(&path, true);
        assert_eq!(settings, Settings::defaults(true));
        let ConfigStatus::Failed(error) = status else {
            panic!("{status:?}")
        };
        assert!(error
            .to_string()
            .starts_with(&format!("{}: key \"x\"", path.display())));

        std::fs::remove_file(&path).unwrap();
        assert_eq!(
            load(&path, false),
            (Settings::defaults(false), ConfigStatus::Absent)
        );
    }
}
