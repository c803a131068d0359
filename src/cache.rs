//! A cache of parsed data files, so a big RON file is parsed once rather than on every run.
//!
//! Each cached source has one file in the cache folder, named after a hash of the source's
//! canonical path. It holds a header (the cache format, skillscope's version, the canonical path,
//! the source's size and modification time) followed by the parsed [`Framework`], both in
//! MessagePack (`rmp-serde`, structs as maps, so the model's `skip_serializing_if` fields round
//! trip). A cache file is used only when its header matches the source as it is now.
//!
//! The cache is untrusted like any data: it is read with a size cap and decoded through the
//! model's validating serde types (codes, levels, statements), and duplicate codes are checked
//! again; anything that does not match or does not decode is ignored, and the source is parsed
//! as if there were no cache. Writing is atomic and best effort: a cache that cannot be written
//! leaves the source uncached, never a command failed. Only sources of at least
//! [`DataCache::min_source_bytes`] are cached; small files parse in about the time it takes to
//! look a cache file up.

use std::fs::{self, File};
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::model::Framework;

/// Sources smaller than this are parsed every time (about 300 generated skills; SFIA's 150
/// skills are half of it). Below it a parse takes a few milliseconds.
pub const DEFAULT_MIN_SOURCE_BYTES: u64 = 1024 * 1024;
/// Bumped whenever what a cache file holds changes shape.
const FORMAT_VERSION: u32 = 1;
/// The first bytes of every cache file.
const MAGIC: &[u8; 16] = b"skillscope-cache";
/// A cache file larger than this is not read (data files are at most 64 MiB of RON, and their
/// cache is smaller than the RON).
const MAX_CACHE_BYTES: u64 = 128 * 1024 * 1024;
/// The buffer a cache file is decoded through.
const READ_BUFFER_BYTES: usize = 256 * 1024;

/// Where parsed data files are cached, and from what size on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataCache {
    /// The cache folder, created when the first file is cached.
    pub dir: PathBuf,
    /// Sources smaller than this are never cached.
    pub min_source_bytes: u64,
}

/// What a cache file must match to stand for its source: the source as it was when it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Header {
    format: u32,
    skillscope: String,
    pub(crate) source: PathBuf,
    pub(crate) size: u64,
    /// The modification time, in nanoseconds since the Unix epoch (negative before it).
    modified_ns: i64,
}

impl DataCache {
    /// A cache in `dir` for sources of at least [`DEFAULT_MIN_SOURCE_BYTES`].
    pub fn new(dir: PathBuf) -> DataCache {
        DataCache {
            dir,
            min_source_bytes: DEFAULT_MIN_SOURCE_BYTES,
        }
    }

    /// The framework of `source`: from the cache when it holds the source as it is now, else
    /// from `parse`, whose result is then cached (errors never are). `parse` reports every
    /// problem of the source exactly as it would without a cache.
    pub fn load<E>(
        &self,
        source: &Path,
        parse: impl FnOnce(&Path) -> Result<Framework, E>,
    ) -> Result<Framework, E> {
        let Some(header) = header_of(source).filter(|h| h.size >= self.min_source_bytes) else {
            return parse(source);
        };
        let entry = self.entry_path(&header.source);
        if let Some(framework) = read_entry(&entry, &header) {
            return Ok(framework);
        }
        let parsed = parse(source);
        match &parsed {
            // Best effort: an unwritable cache leaves the source uncached.
            Ok(framework) => {
                let _ = self.write_entry(&entry, &header, framework);
            }
            // A stale entry of a source that no longer parses is of no use.
            Err(_) => {
                let _ = fs::remove_file(&entry);
            }
        }
        parsed
    }

    /// The cache file of a source, by its canonical path: `NAME-HASH.cache`.
    pub fn entry_path(&self, canonical_source: &Path) -> PathBuf {
        let name: String = canonical_source
            .file_stem()
            .map(|stem| stem.to_string_lossy())
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .take(40)
            .collect();
        let hash = fnv1a(canonical_source.as_os_str().as_encoded_bytes());
        self.dir.join(format!("{name}-{hash:016x}.cache"))
    }

    fn write_entry(&self, entry: &Path, header: &Header, framework: &Framework) -> Option<()> {
        let mut bytes = Vec::with_capacity(header.size as usize);
        bytes.extend_from_slice(MAGIC);
        rmp_serde::encode::write_named(&mut bytes, header).ok()?;
        rmp_serde::encode::write_named(&mut bytes, framework).ok()?;
        if bytes.len() as u64 > MAX_CACHE_BYTES {
            return None;
        }
        fs::create_dir_all(&self.dir).ok()?;
        crate::atomic::write_replacing_unsynced(entry, &bytes).ok()
    }
}

/// The header a cache file of `source` must have now, or `None` when the source cannot be
/// opened or has no usable modification time (it is then parsed, and its error reported, as
/// without a cache).
pub(crate) fn header_of(source: &Path) -> Option<Header> {
    let canonical = fs::canonicalize(source).ok()?;
    // Opened, not just looked at: a source that cannot be read is not served from the cache.
    let metadata = File::open(&canonical).ok()?.metadata().ok()?;
    if !metadata.is_file() {
        return None;
    }
    let modified = metadata.modified().ok()?;
    let modified_ns = match modified.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_nanos()).ok()?,
        Err(before) => -i64::try_from(before.duration().as_nanos()).ok()?,
    };
    Some(Header {
        format: FORMAT_VERSION,
        skillscope: env!("CARGO_PKG_VERSION").to_string(),
        source: canonical,
        size: metadata.len(),
        modified_ns,
    })
}

/// The framework in a cache file, if the file holds one for exactly `expected` and it is valid.
/// Decoded as it is read, through a small buffer: reading the whole file first would fault in
/// as many fresh pages as the file has, which costs more than copying each string once more.
fn read_entry(entry: &Path, expected: &Header) -> Option<Framework> {
    let file = File::open(entry).ok()?;
    if file.metadata().ok()?.len() > MAX_CACHE_BYTES {
        return None;
    }
    decode(
        BufReader::with_capacity(READ_BUFFER_BYTES, file.take(MAX_CACHE_BYTES)),
        expected,
    )
}

/// Decodes a cache file: the header must equal `expected`, and the framework goes through the
/// model's validating `Deserialize` and the duplicate-code check of a data file.
fn decode(mut cache: impl Read, expected: &Header) -> Option<Framework> {
    let mut magic = [0; MAGIC.len()];
    cache.read_exact(&mut magic).ok()?;
    if magic != *MAGIC {
        return None;
    }
    let mut decoder = rmp_serde::Deserializer::new(cache);
    let header = Header::deserialize(&mut decoder).ok()?;
    if header != *expected {
        return None;
    }
    let framework = Framework::deserialize(&mut decoder).ok()?;
    framework.duplicate_code().is_none().then_some(framework)
}

/// 64-bit FNV-1a: a hash that stays the same across Rust releases, so cache file names do too.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::time::Duration;

    use super::*;
    use crate::load::{load_catalog, read_framework_file, LoadError, SourceSelection};
    use crate::model::{Code, Status};
    use crate::testdata;

    /// A folder with a generated data file and a cache for files of any size.
    struct Setup {
        dir: tempfile::TempDir,
        source: PathBuf,
        cache: DataCache,
    }

    impl Setup {
        fn new() -> Setup {
            let dir = tempfile::tempdir().unwrap();
            let source = dir.path().join("skills.ron");
            let mut framework = testdata::framework(12, testdata::DEFAULT_SEED);
            // Every kind of field, set and left out, must survive the round trip.
            framework.levels[0].essence = Some("Essence \u{1b}[2J kept as written".into());
            framework.skills[0].guidance = None;
            framework.skills[1].status = Status::Proposed;
            framework.skills[2].status = Status::Prototype;
            framework.skills[3].notes = vec!["a note".into(), "another".into()];
            fs::write(&source, testdata::to_ron(&framework)).unwrap();
            let cache = DataCache {
                dir: dir.path().join("cache"),
                min_source_bytes: 0,
            };
            Setup { dir, source, cache }
        }

        /// Loads through the cache, counting the parses.
        fn load(&self, parses: &Cell<usize>) -> Result<Framework, LoadError> {
            self.cache.load(&self.source, |path| {
                parses.set(parses.get() + 1);
                read_framework_file(path)
            })
        }

        fn entry(&self) -> PathBuf {
            self.cache
                .entry_path(&fs::canonicalize(&self.source).unwrap())
        }

        fn cached_files(&self) -> usize {
            fs::read_dir(&self.cache.dir).map_or(0, |entries| entries.count())
        }
    }

    fn fresh(source: &Path) -> Framework {
        read_framework_file(source).unwrap()
    }

    #[test]
    fn a_cache_hit_gives_exactly_what_parsing_gives() {
        let setup = Setup::new();
        let parses = Cell::new(0);
        assert_eq!(setup.load(&parses).unwrap(), fresh(&setup.source));
        assert_eq!(parses.get(), 1);
        assert!(setup.entry().is_file(), "the first load writes the cache");
        assert_eq!(setup.load(&parses).unwrap(), fresh(&setup.source));
        assert_eq!(parses.get(), 1, "the second load is served from the cache");
        assert_eq!(setup.cached_files(), 1, "no temporary file is left");
    }

    #[test]
    fn catalogs_loaded_with_and_without_the_cache_are_the_same() {
        let setup = Setup::new();
        let selection = |cache: Option<DataCache>| SourceSelection {
            built_in: true,
            extra: vec![setup.source.clone()],
            cache,
            ..Default::default()
        };
        let uncached = load_catalog(&selection(None));
        let writing = load_catalog(&selection(Some(setup.cache.clone())));
        assert!(setup.entry().is_file());
        let cached = load_catalog(&selection(Some(setup.cache.clone())));
        for catalog in [&writing, &cached] {
            assert_eq!(catalog.entries, uncached.entries);
            assert_eq!(catalog.frameworks, uncached.frameworks);
            assert_eq!(catalog.sources, uncached.sources);
            assert!(catalog.errors.is_empty());
        }
    }

    #[test]
    fn changing_the_size_or_only_the_modification_time_invalidates() {
        let setup = Setup::new();
        let parses = Cell::new(0);
        setup.load(&parses).unwrap();
        // Same modification time, one byte more.
        let modified = fs::metadata(&setup.source).unwrap().modified().unwrap();
        let mut text = fs::read_to_string(&setup.source).unwrap();
        text.push('\n');
        fs::write(&setup.source, &text).unwrap();
        File::options()
            .write(true)
            .open(&setup.source)
            .unwrap()
            .set_modified(modified)
            .unwrap();
        setup.load(&parses).unwrap();
        assert_eq!(parses.get(), 2, "a new size is parsed");
        setup.load(&parses).unwrap();
        assert_eq!(parses.get(), 2, "and cached again");
        // Same size, another modification time (a nanosecond later).
        File::options()
            .write(true)
            .open(&setup.source)
            .unwrap()
            .set_modified(modified + Duration::from_nanos(1))
            .unwrap();
        setup.load(&parses).unwrap();
        assert_eq!(parses.get(), 3, "a new modification time is parsed");
    }

    #[test]
    fn an_entry_of_another_version_or_source_is_not_used() {
        let setup = Setup::new();
        let header = header_of(&setup.source).unwrap();
        let mut bytes = MAGIC.to_vec();
        let framework = fresh(&setup.source);
        for (change, what) in [
            (
                Header {
                    skillscope: "0.0.0".into(),
                    ..header.clone()
                },
                "version",
            ),
            (
                Header {
                    format: FORMAT_VERSION + 1,
                    ..header.clone()
                },
                "format",
            ),
            (
                Header {
                    source: "/elsewhere/skills.ron".into(),
                    ..header.clone()
                },
                "path",
            ),
        ] {
            bytes.truncate(MAGIC.len());
            rmp_serde::encode::write_named(&mut bytes, &change).unwrap();
            rmp_serde::encode::write_named(&mut bytes, &framework).unwrap();
            assert_eq!(decode(&bytes[..], &header), None, "{what}");
        }
        bytes.truncate(MAGIC.len());
        rmp_serde::encode::write_named(&mut bytes, &header).unwrap();
        rmp_serde::encode::write_named(&mut bytes, &framework).unwrap();
        assert_eq!(decode(&bytes[..], &header), Some(framework));
    }

    #[test]
    fn corrupt_truncated_or_garbage_entries_are_ignored_and_replaced() {
        let setup = Setup::new();
        let parses = Cell::new(0);
        setup.load(&parses).unwrap();
        let good = fs::read(setup.entry()).unwrap();
        let mut flipped = good.clone();
        let middle = flipped.len() / 2;
        flipped[middle..middle + 64].fill(0xc1); // a byte MessagePack never uses
        let broken: [(&str, Vec<u8>); 5] = [
            ("truncated", good[..good.len() / 2].to_vec()),
            ("cut at the header", good[..MAGIC.len() + 3].to_vec()),
            ("garbage", (0..5000).map(|i| (i * 7 % 251) as u8).collect()),
            ("empty", Vec::new()),
            ("overwritten in the middle", flipped),
        ];
        for (n, (what, bytes)) in broken.into_iter().enumerate() {
            fs::write(setup.entry(), bytes).unwrap();
            assert_eq!(setup.load(&parses).unwrap(), fresh(&setup.source), "{what}");
            assert_eq!(parses.get(), n + 2, "{what}: parsed again");
            assert_eq!(fs::read(setup.entry()).unwrap(), good, "{what}: replaced");
        }
    }

    /// Finds the first skill code in a cache file: the key `code`, a string marker, the code.
    fn first_code(bytes: &[u8]) -> std::ops::Range<usize> {
        let key = b"\xa4code";
        let at = bytes.windows(key.len()).position(|w| w == key).unwrap() + key.len();
        let length = usize::from(bytes[at] - 0xa0);
        at + 1..at + 1 + length
    }

    #[test]
    fn tampered_entries_that_decode_but_break_the_rules_are_refused() {
        let setup = Setup::new();
        let parses = Cell::new(0);
        setup.load(&parses).unwrap();
        let good = fs::read(setup.entry()).unwrap();
        let code = first_code(&good);
        let framework = fresh(&setup.source);
        // A code with a character codes may not hold, of the same length.
        let mut bad_code = good.clone();
        bad_code[code.start] = b'-';
        // Another skill's code, so two skills share one.
        let second = framework.skills[1].code.as_str();
        let mut duplicate = good.clone();
        assert_eq!(second.len(), code.len(), "generated codes share a length");
        duplicate[code.clone()].copy_from_slice(second.as_bytes());
        // A level out of 1..=7: the levels map's first key (a positive fixint) after `levels`.
        let mut bad_level = good.clone();
        let key = b"\xa6levels";
        let at = bad_level
            .windows(key.len())
            .rposition(|w| w == key)
            .unwrap();
        let first_level = at + key.len() + 1;
        assert!((1..=7).contains(&bad_level[first_level]));
        bad_level[first_level] = 9;
        for (what, bytes) in [
            ("code", bad_code),
            ("duplicate", duplicate),
            ("level", bad_level),
        ] {
            let header = header_of(&setup.source).unwrap();
            assert_eq!(decode(&bytes[..], &header), None, "{what}");
            fs::write(setup.entry(), &bytes).unwrap();
            assert_eq!(setup.load(&parses).unwrap(), framework, "{what}");
        }
        assert!(Code::new("-").is_err());
    }

    #[test]
    fn an_unwritable_cache_folder_does_not_fail_loading() {
        let setup = Setup::new();
        // A folder inside a file cannot be made, whoever runs the tests (root included).
        let blocker = setup.dir.path().join("not-a-folder");
        fs::write(&blocker, "").unwrap();
        let cache = DataCache {
            dir: blocker.join("cache"),
            min_source_bytes: 0,
        };
        let parses = Cell::new(0);
        for _ in 0..2 {
            let loaded = cache.load(&setup.source, |path| {
                parses.set(parses.get() + 1);
                read_framework_file(path)
            });
            assert_eq!(loaded.unwrap(), fresh(&setup.source));
        }
        assert_eq!(parses.get(), 2, "uncached: parsed every time");
    }

    #[test]
    fn a_broken_source_is_reported_every_time_and_never_cached() {
        let setup = Setup::new();
        let parses = Cell::new(0);
        setup.load(&parses).unwrap();
        assert!(setup.entry().is_file());
        let text = fs::read_to_string(&setup.source).unwrap();
        fs::write(&setup.source, text.replacen("code:", "kode:", 1)).unwrap();
        let selection = SourceSelection {
            extra: vec![setup.source.clone()],
            cache: Some(setup.cache.clone()),
            ..Default::default()
        };
        for _ in 0..2 {
            let catalog = load_catalog(&selection);
            assert!(catalog.entries.is_empty());
            let error = catalog.errors[0].to_string();
            let expected = format!("{}:", setup.source.display());
            assert!(error.starts_with(&expected), "{error}");
            assert!(catalog.errors[0].position.is_some(), "{error}");
            assert!(error.contains("kode"), "{error}");
        }
        assert_eq!(setup.cached_files(), 0, "the stale entry is gone, none new");
    }

    #[test]
    fn small_sources_are_not_cached() {
        let setup = Setup::new();
        let size = fs::metadata(&setup.source).unwrap().len();
        let cache = DataCache {
            min_source_bytes: size + 1,
            ..setup.cache.clone()
        };
        let parses = Cell::new(0);
        for _ in 0..2 {
            cache
                .load(&setup.source, |path| {
                    parses.set(parses.get() + 1);
                    read_framework_file(path)
                })
                .unwrap();
        }
        assert_eq!(parses.get(), 2);
        assert_eq!(setup.cached_files(), 0);
    }

    #[test]
    fn entries_are_named_by_the_canonical_path() {
        let setup = Setup::new();
        let canonical = fs::canonicalize(&setup.source).unwrap();
        let entry = setup.cache.entry_path(&canonical);
        let name = entry.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with("skills-") && name.ends_with(".cache"),
            "{name}"
        );
        assert_ne!(
            entry,
            setup
                .cache
                .entry_path(&canonical.with_file_name("other.ron"))
        );
        // Another spelling of the same file shares its entry.
        let parses = Cell::new(0);
        setup.load(&parses).unwrap();
        let dotted = setup.dir.path().join(".").join("skills.ron");
        setup
            .cache
            .load(&dotted, |path| {
                parses.set(parses.get() + 1);
                read_framework_file(path)
            })
            .unwrap();
        assert_eq!(parses.get(), 1);
    }
}
