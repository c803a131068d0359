//! What the browser remembers between runs: the last skill, level and pane. A small RON file in
//! the data folder, written atomically; a corrupt one is moved aside with a notice.

use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::layout::Pane;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedState {
    /// The framework's title, e.g. "SFIA 9".
    pub framework: String,
    pub code: String,
    pub level: u8,
    pub pane: Pane,
}

/// Reads the saved state. `Ok(None)` when there is none; `Err(notice)` when it was unreadable
/// (it is then renamed to `browser.ron.corrupt` so it is neither lost nor read again).
pub fn load(path: &Path) -> Result<Option<SavedState>, String> {
    let Ok(text) = fs::read_to_string(path) else {
        return if path.exists() {
            Err(set_aside(path))
        } else {
            Ok(None)
        };
    };
    match ron::from_str::<SavedState>(&text) {
        Ok(state) => Ok(Some(state)),
        Err(_) => Err(set_aside(path)),
    }
}

fn set_aside(path: &Path) -> String {
    let aside = path.with_extension("ron.corrupt");
    match fs::rename(path, &aside) {
        Ok(()) => format!(
            "The saved browser state was unreadable; moved it to {}",
            aside.display()
        ),
        Err(e) => format!(
            "The saved browser state at {} was unreadable ({e})",
            path.display()
        ),
    }
}

pub fn save(path: &Path, state: &SavedState) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let text = ron::to_string(state).map_err(std::io::Error::other)?;
    crate::data::atomic::write_replacing(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips_and_corrupt_state_is_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/state.ron");
        assert_eq!(load(&path), Ok(None));
        let state = SavedState {
            framework: "SFIA 9".into(),
            code: "RELM".into(),
            level: 5,
            pane: Pane::Levels,
        };
        save(&path, &state).unwrap();
        assert_eq!(load(&path), Ok(Some(state)));
        fs::write(&path, "(garbage").unwrap();
        let notice = load(&path).unwrap_err();
        assert!(notice.contains("state.ron.corrupt"), "{notice}");
        assert!(!path.exists() && path.with_extension("ron.corrupt").exists());
        assert_eq!(load(&path), Ok(None));
    }
}
