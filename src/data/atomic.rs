//! Files skillscope writes are never left half-written: they are written to a temporary file in
//! the same folder, then renamed over the target.

use std::io::{self, Write};
use std::path::Path;

/// Writes `contents` to `path` atomically, replacing any existing file.
pub fn write_replacing(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_synced(path, contents, true)
}

/// Writes `contents` to `path` atomically; fails with `AlreadyExists` rather than replace a file.
pub fn write_new(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_synced(path, contents, false)
}

/// A file the user keeps (an import, an export, the browser's state), synced before it is
/// renamed into place; without `replace` the rename fails if `path` exists.
fn write_synced(path: &Path, contents: &[u8], replace: bool) -> io::Result<()> {
    let mut file = temporary_beside(path)?;
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
}
