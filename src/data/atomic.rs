//! Files skillscope writes are never left half-written: they are written to a temporary file in
//! the same folder, then renamed over the target. Only regular files are ever replaced.

use std::fs::{self, Permissions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A temporary file this old is left over from a run that was killed, not one being written.
const STALE_AFTER: Duration = Duration::from_secs(60 * 60);

/// Writes `contents` to `path` atomically, replacing an existing regular file (or the regular
/// file a symbolic link points to) and keeping its permissions. Anything else at `path` (a
/// folder, a device, a FIFO, a socket, a dangling link) is refused with `InvalidInput`.
pub fn write_replacing(path: &Path, contents: &[u8]) -> io::Result<()> {
    let (target, permissions) = replaceable(path)?;
    write_synced(&target, contents, true, permissions)
}

/// Writes `contents` to `path` atomically; fails with `AlreadyExists` rather than replace a file.
pub fn write_new(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_synced(path, contents, false, None)
}

/// Where replacing `path` writes, and the permissions of the file it replaces.
fn replaceable(path: &Path) -> io::Result<(PathBuf, Option<Permissions>)> {
    let refuse = |what: &str| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "{} is {what}; only a regular file is replaced",
                crate::data::sanitize::escaped_path(path)
            ),
        )
    };
    let link = match fs::symlink_metadata(path) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok((path.into(), None)),
        Err(error) => return Err(error),
        Ok(meta) => meta,
    };
    let (target, meta) = if link.file_type().is_symlink() {
        let target = fs::canonicalize(path).map_err(|_| refuse("a link to nothing"))?;
        let meta = fs::metadata(&target)?;
        (target, meta)
    } else {
        (path.to_path_buf(), link)
    };
    if meta.is_file() {
        Ok((target, Some(meta.permissions())))
    } else if meta.is_dir() {
        Err(refuse("a folder"))
    } else {
        Err(refuse("not a regular file (a device, FIFO or socket)"))
    }
}

/// A file the user keeps (an import, an export, the browser's state), synced before it is
/// renamed into place; without `replace` the rename fails if `path` exists. `permissions`:
/// those of the file replaced, else the usual ones for a new file.
fn write_synced(
    path: &Path,
    contents: &[u8],
    replace: bool,
    permissions: Option<Permissions>,
) -> io::Result<()> {
    let mut file = temporary_beside(path)?;
    if let Some(permissions) = permissions {
        file.as_file().set_permissions(permissions)?;
    }
    file.write_all(contents)?;
    file.as_file().sync_all()?;
    let persisted = if replace {
        file.persist(path)
    } else {
        file.persist_noclobber(path)
    };
    persisted.map_err(|e| e.error)?;
    Ok(())
}

/// A temporary file in `path`'s folder, named so that nothing reads it as data (`.skillscope-…
/// .tmp`, never `*.ron`).
fn temporary_beside(path: &Path) -> io::Result<tempfile::NamedTempFile> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    remove_stale_temporaries(folder);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".skillscope-").suffix(".tmp");
    // As any new file: 0666 less the umask (tempfile's default is the owner alone).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(folder)
}

/// Removes what killed runs left behind: our temporary files older than [`STALE_AFTER`]. Best
/// effort: a file that cannot be looked at or removed is left alone.
fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".skillscope-") && name.ends_with(".tmp")) {
            continue;
        }
        let stale = (entry.metadata().ok())
            .filter(|meta| meta.is_file())
            .and_then(|meta| meta.modified().ok())
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacing_and_refusing_to_replace() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        write_new(&path, b"one").unwrap();
        let error = write_new(&path, b"two").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_replacing(&path, b"three").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(
            leftovers, 1,
            "no temporary file is left behind, also by the refused write"
        );
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_replaced_and_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("data.ron");
        fs::write(&file, "old").unwrap();
        fs::set_permissions(&file, Permissions::from_mode(0o640)).unwrap();
        write_replacing(&file, b"new").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"new");
        let mode = fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);

        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        write_replacing(&link, b"through the link").unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read(&file).unwrap(), b"through the link");

        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|status| status.success()) {
            let error = write_replacing(&fifo, b"x").unwrap_err();
            assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
            use std::os::unix::fs::FileTypeExt;
            assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
        }
        for refused in [dir.path().to_path_buf(), PathBuf::from("/dev/null")] {
            let error = write_replacing(&refused, b"x").unwrap_err();
            assert_eq!(error.kind(), io::ErrorKind::InvalidInput, "{refused:?}");
        }
        let dangling = dir.path().join("dangling");
        std::os::unix::fs::symlink(dir.path().join("gone"), &dangling).unwrap();
        assert!(write_replacing(&dangling, b"x").is_err());
    }

    #[test]
    fn stale_temporary_files_are_removed_and_fresh_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".skillscope-old.tmp");
        let fresh = dir.path().join(".skillscope-new.tmp");
        let other = dir.path().join("keep.tmp");
        for path in [&stale, &fresh, &other] {
            fs::write(path, "x").unwrap();
        }
        let old = SystemTime::now() - STALE_AFTER - Duration::from_secs(60);
        for path in [&stale, &other] {
            fs::File::options()
                .write(true)
                .open(path)
                .unwrap()
                .set_modified(old)
                .unwrap();
        }
        write_new(&dir.path().join("out.md"), b"x").unwrap();
        assert!(!stale.exists());
        assert!(fresh.exists() && other.exists());
    }
}
