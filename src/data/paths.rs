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
    /// The folders under the user's home, or `None` without one. A relative HOME (or XDG
    /// folder) is refused: it would put the data folder wherever skillscope happens to run.
    pub fn discover() -> Option<UserPaths> {
        let dirs = ProjectDirs::from("", "", "skillscope")?;
        let paths = UserPaths {
            data_dir: dirs.data_dir().to_path_buf(),
            config_dir: dirs.config_dir().to_path_buf(),
        };
        (paths.data_dir.is_absolute() && paths.config_dir.is_absolute()).then_some(paths)
    }

    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.ron")
    }

    /// Where the browser remembers the last skill, level and pane: in a subfolder of the data
    /// folder, because every `*.ron` directly in the data folder is read as skill data.
    pub fn state_file(&self) -> PathBuf {
        self.data_dir.join("state").join("browser.ron")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_file_is_not_read_as_skill_data() {
        let dir = tempfile::tempdir().unwrap();
        let user = UserPaths {
            data_dir: dir.path().to_path_buf(),
            config_dir: dir.path().join("config"),
        };
        std::fs::create_dir_all(user.state_file().parent().unwrap()).unwrap();
        std::fs::write(user.state_file(), "()").unwrap();
        std::fs::write(dir.path().join("mine.ron"), "()").unwrap();
        let files = crate::data::sources::ron_files_in(&user.data_dir).unwrap();
        assert_eq!(files, vec![dir.path().join("mine.ron")]);
    }
}
