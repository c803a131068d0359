//! The folders skillscope reads and writes, following the platform's conventions (XDG on Linux).

use std::path::PathBuf;

use directories::ProjectDirs;

/// The user's folders for skillscope, if the platform has a home folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserPaths {
    /// Every `*.ron` here is loaded after the built-in data; imports land here.
    pub data_dir: PathBuf,
    /// `config.ron` lives here.
    pub config_dir: PathBuf,
}

impl UserPaths {
    pub fn discover() -> Option<UserPaths> {
        let dirs = ProjectDirs::from("", "", "skillscope")?;
        Some(UserPaths {
            data_dir: dirs.data_dir().to_path_buf(),
            config_dir: dirs.config_dir().to_path_buf(),
        })
    }

    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.ron")
    }

    /// Where the browser remembers the last skill, level and pane.
    pub fn state_file(&self) -> PathBuf {
        self.data_dir.join("state.ron")
    }
}
