//! What the browser remembers between runs: the last skill, level and pane. A small RON file in
//! the data folder, written atomically. One that cannot be used (not RON, too big, not a regular
//! file) is moved aside with a notice, under a dated name; the newest few are kept.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::layout::Pane;
use crate::data::sanitize::escaped_path;

/// The state is one short line of RON; a file bigger than this is not one, and is not read.
const MAX_STATE_BYTES: u64 = 4 * 1024;

/// How many set-aside state files are kept.
const KEPT_ASIDE: usize = 3;

/// What ends the name of a state file set aside.
const ASIDE_SUFFIX: &str = ".corrupt";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedState {
    /// The framework's title, e.g. "SFIA 9".
    pub framework: String,
    pub code: String,
    pub level: u8,
    pub pane: Pane,
}

/// Reads the saved state. `Ok(None)` when there is none; `Err(notice)` when it could not be
/// used: it is then moved aside (see [`set_aside`]) so it is neither lost nor read again. The
/// file is opened without blocking and only if it is a regular file of at most
/// [`MAX_STATE_BYTES`]: a FIFO, a device or a huge file is refused before it is read.
pub fn load(path: &Path) -> Result<Option<SavedState>, String> {
    match fs::symlink_metadata(path) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        _ => {}
    }
    let why = match crate::data::sources::read_text(path, MAX_STATE_BYTES, "the browser's state") {
        Ok(text) => match ron::from_str::<SavedState>(&text) {
            Ok(state) => return Ok(Some(state)),
            Err(_) => "not a saved state".to_string(),
        },
        Err(error) => error.message,
    };
    Err(match set_aside(path, SystemTime::now()) {
        Ok(aside) => format!(
            "The saved browser state was unusable ({why}); moved it to {}",
            escaped_path(&aside)
        ),
        Err(error) => format!(
            "The saved browser state at {} was unusable ({why}); could not move it aside: {error}",
            escaped_path(path)
        ),
    })
}

pub fn save(path: &Path, state: &SavedState) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let text = ron::to_string(state).map_err(io::Error::other)?;
    crate::data::atomic::write_replacing(path, text.as_bytes())
}

/// Renames the state file to `NAME.STAMP.corrupt` (`browser.ron.20260301T094500Z.corrupt`, the
/// time in UTC; `-2`, `-3`… after the stamp when one is taken), then removes all but the newest
/// [`KEPT_ASIDE`] such files. Returns the new name.
fn set_aside(path: &Path, now: SystemTime) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?
        .to_string_lossy()
        .into_owned();
    let stamp = utc_stamp(now);
    let mut aside = path.with_file_name(format!("{name}.{stamp}{ASIDE_SUFFIX}"));
    let mut taken = 1;
    while fs::symlink_metadata(&aside).is_ok() {
        taken += 1;
        aside = path.with_file_name(format!("{name}.{stamp}-{taken}{ASIDE_SUFFIX}"));
    }
    fs::rename(path, &aside)?;
    remove_old_asides(path, &name);
    Ok(aside)
}

/// Removes the set-aside state files beyond the newest [`KEPT_ASIDE`]. Only names this module
/// makes are touched.
fn remove_old_asides(path: &Path, name: &str) {
    let Some(dir) = path.parent() else { return };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut asides: Vec<((String, u32), PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let file_name = entry.file_name().into_string().ok()?;
            let middle = file_name
                .strip_prefix(name)?
                .strip_prefix('.')?
                .strip_suffix(ASIDE_SUFFIX)?;
            Some((aside_age(middle)?, entry.path()))
        })
        .collect();
    asides.sort();
    let extra = asides.len().saturating_sub(KEPT_ASIDE);
    for (_, old) in asides.into_iter().take(extra) {
        let _ = fs::remove_file(old);
    }
}

/// The stamp and the counter of a set-aside name's middle (`20260301T094500Z-2`), which order
/// the names by age; None for a name this module does not make.
fn aside_age(middle: &str) -> Option<(String, u32)> {
    let (stamp, taken) = match middle.split_once('-') {
        Some((stamp, taken)) => (stamp, taken.parse().ok()?),
        None => (middle, 1),
    };
    let is_stamp = stamp.len() == 16
        && stamp.bytes().enumerate().all(|(i, b)| match i {
            8 => b == b'T',
            15 => b == b'Z',
            _ => b.is_ascii_digit(),
        });
    is_stamp.then(|| (stamp.to_string(), taken))
}

/// `20260301T094500Z`: a time in UTC, compact, sorting as it ages.
fn utc_stamp(time: SystemTime) -> String {
    let seconds = time
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let (days, of_day) = (seconds / 86_400, seconds % 86_400);
    let (year, month, day) = civil_date(days);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        of_day / 3600,
        of_day / 60 % 60,
        of_day % 60
    )
}

/// The Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_date(days: u64) -> (u64, u64, u64) {
    let shifted = days + 719_468; // days since 0000-03-01
    let era = shifted / 146_097;
    let of_era = shifted % 146_097;
    let year_of_era = (of_era - of_era / 1460 + of_era / 36_524 - of_era / 146_096) / 365;
    let of_year = of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * of_year + 2) / 153;
    let day = of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    fn state() -> SavedState {
        SavedState {
            framework: "SFIA 9".into(),
            code: "RELM".into(),
            level: 5,
            pane: Pane::Levels,
        }
    }

    /// Loads on another thread and gives up after a generous time: a file that blocks the
    /// reader or streams without end fails the test instead of hanging it.
    fn load_or_hang(path: &Path) -> Result<Option<SavedState>, String> {
        let (sender, receiver) = mpsc::channel();
        let path = path.to_path_buf();
        std::thread::spawn(move || {
            let _ = sender.send(load(&path));
        });
        receiver
            .recv_timeout(Duration::from_secs(20))
            .expect("loading the state must not hang")
    }

    fn asides(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(ASIDE_SUFFIX))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn state_round_trips_and_corrupt_state_is_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/state.ron");
        assert_eq!(load(&path), Ok(None));
        save(&path, &state()).unwrap();
        assert_eq!(load(&path), Ok(Some(state())));
        fs::write(&path, "(garbage").unwrap();
        let notice = load(&path).unwrap_err();
        assert!(notice.contains("not a saved state"), "{notice}");
        let aside = asides(&dir.path().join("sub"));
        assert_eq!(aside.len(), 1);
        assert!(notice.contains(&aside[0]), "{notice}");
        assert!(!path.exists());
        assert_eq!(load(&path), Ok(None));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("browser.ron");
        let c_path = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        // SAFETY: a valid C string.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
        let notice = load_or_hang(&path).unwrap_err();
        assert!(notice.contains("not a regular file"), "{notice}");
        assert!(fs::symlink_metadata(&path).is_err(), "moved aside");
        assert_eq!(asides(dir.path()).len(), 1);
        save(&path, &state()).unwrap();
        assert_eq!(load(&path), Ok(Some(state())));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_dev_zero_is_refused_without_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("browser.ron");
        std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
        let notice = load_or_hang(&path).unwrap_err();
        assert!(notice.contains("not a regular file"), "{notice}");
        assert!(fs::symlink_metadata(&path).is_err(), "the link moved aside");
    }

    #[test]
    fn a_huge_sparse_file_is_refused_by_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("browser.ron");
        let file = fs::File::create(&path).unwrap();
        file.set_len(2 << 30).unwrap();
        drop(file);
        let notice = load_or_hang(&path).unwrap_err();
        assert!(notice.contains("may be at most 4 KiB"), "{notice}");
        assert!(!path.exists());
    }

    #[test]
    fn the_newest_three_set_aside_files_are_kept_under_dated_names() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("browser.ron");
        let other = dir.path().join("browser.ron.mine.corrupt");
        fs::write(&other, "the user's own file").unwrap();
        let day = |d: u64| UNIX_EPOCH + Duration::from_secs(1_709_164_800 + d * 86_400 + 3_723);
        for (n, when) in [day(0), day(1), day(1), day(2), day(3)]
            .into_iter()
            .enumerate()
        {
            fs::write(&path, format!("garbage {n}")).unwrap();
            set_aside(&path, when).unwrap();
        }
        assert_eq!(
            asides(dir.path()),
            [
                "browser.ron.20240301T010203Z-2.corrupt",
                "browser.ron.20240302T010203Z.corrupt",
                "browser.ron.20240303T010203Z.corrupt",
                "browser.ron.mine.corrupt",
            ]
        );
        let newest = dir.path().join("browser.ron.20240303T010203Z.corrupt");
        assert_eq!(fs::read_to_string(newest).unwrap(), "garbage 4");
        let second_that_day = dir.path().join("browser.ron.20240301T010203Z-2.corrupt");
        assert_eq!(fs::read_to_string(second_that_day).unwrap(), "garbage 2");
    }

    #[test]
    fn stamps_are_utc_calendar_dates() {
        let at = |seconds: u64| utc_stamp(UNIX_EPOCH + Duration::from_secs(seconds));
        assert_eq!(at(0), "19700101T000000Z");
        assert_eq!(at(951_782_400), "20000229T000000Z");
        assert_eq!(at(1_709_164_800 + 86_399), "20240229T235959Z");
        assert_eq!(at(4_107_542_400), "21000301T000000Z");
        assert_eq!(
            aside_age("20240229T235959Z-12"),
            Some(("20240229T235959Z".into(), 12))
        );
        assert_eq!(aside_age("mine"), None);
    }
}
