//! A search snapshot: the merged catalog's search index, kept in the cache folder, so that a
//! one-off `skillscope search` over big data neither loads the whole catalog nor builds the
//! index again.
//!
//! A snapshot stands for one list of sources: the built-in data (by a hash of it) or none, then
//! every data file in the order it is loaded, each by canonical path, size and modification time
//! (the parse cache's header, [`crate::cache`]). It is used only when that list is exactly the
//! same now, and is written only after every source loaded without an error, so a run it serves
//! has no load error to report. It is made only when one of the files is big enough for the
//! parse cache; otherwise loading is quick anyway.
//!
//! It holds, in MessagePack: a header (that source list), then whether the catalog is printable
//! as it is, the frameworks and the index's parts ([`IndexParts`]), then the folded text of
//! every skill as one binary value, read straight into the index's buffer, then every entry
//! encoded on its own, so that only the entries of the hits shown are read and decoded, and
//! last the offsets of the entries, found through the file's final nine bytes.
//!
//! Like the parse cache it is untrusted: read with a size cap, the index checked so that no
//! search over it can go out of bounds, every entry shown decoded through the model's
//! validating types and checked against what the index holds for it. Anything odd and the
//! caller takes the ordinary path (loading, indexing), which rewrites the snapshot. Writing is
//! atomic and best effort.

use std::fs::{self, File};
use std::io::{self, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::cache::{fnv1a, header_of, Header};
use crate::catalog::{Catalog, Entry, FrameworkInfo};
use crate::load::{data_files, SourceSelection, BUILT_IN_DATA};
use crate::model::Skill;
use crate::search::{Hit, IndexParts, Query, SearchIndex};

/// Bumped whenever what a snapshot holds changes shape.
const FORMAT_VERSION: u32 = 1;
/// The first bytes of every snapshot.
const MAGIC: &[u8; 16] = b"skillscope-index";
/// A snapshot larger than this is not read (its catalog and index from at most a few data files
/// of up to 64 MiB each).
const MAX_SNAPSHOT_BYTES: u64 = 512 * 1024 * 1024;
/// The buffer the head of a snapshot is read through.
const READ_BUFFER_BYTES: usize = 256 * 1024;
/// The final value of a snapshot: the offset table's position, a MessagePack `uint 64`.
const TRAILER_BYTES: u64 = 9;

/// What a snapshot must match: the sources of the run as they are now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Key {
    format: u32,
    skillscope: String,
    /// A hash of the built-in data, when it is loaded.
    built_in: Option<u64>,
    /// Every data file, in the order loaded.
    files: Vec<Header>,
}

/// What comes after the key: everything but the folded text and the entries.
#[derive(Debug, Serialize, Deserialize)]
struct Head {
    /// Whether [`Catalog::make_printable`] would change nothing: only then do text and
    /// Markdown output (which search the printable text) use the snapshot.
    printable: bool,
    frameworks: Vec<FrameworkInfo>,
    index: IndexParts,
}

/// Why a snapshot did not answer a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnapshotMiss {
    /// Missing, made from other sources, or damaged: worth writing again.
    Stale,
    /// Current, but its text is not printable as loaded, so it answers JSON searches only;
    /// writing it again would change nothing.
    NotPrintable,
}

/// The snapshot holds text that must be made printable before it is shown.
struct NotPrintable;

/// The search snapshot of one run's sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchSnapshot {
    path: PathBuf,
    key: Key,
}

/// What a search of a snapshot found: the entries of the hits shown and nothing else.
#[derive(Debug)]
pub struct SnapshotResults {
    /// The frameworks, and the entries of the shown hits in rank order; made printable unless
    /// the results are for JSON.
    pub catalog: Catalog,
    /// The hits shown, best first; each one's `entry` is its place in `catalog.entries`.
    pub hits: Vec<Hit>,
    /// How many entries matched in all.
    pub total: usize,
}

impl SearchSnapshot {
    /// The snapshot for the sources of `selection` as they are now, or `None` when there is to
    /// be none: no cache (`--no-cache`), no data file big enough for the parse cache, or a source
    /// that cannot be looked at (its error is then reported by the ordinary path).
    pub fn for_sources(selection: &SourceSelection) -> Option<SearchSnapshot> {
        let cache = selection.cache.as_ref()?;
        let files = data_files(selection)
            .into_iter()
            .map(|path| header_of(&path.ok()?))
            .collect::<Option<Vec<Header>>>()?;
        if !files.iter().any(|h| h.size >= cache.min_source_bytes) {
            return None;
        }
        let key = Key {
            format: FORMAT_VERSION,
            skillscope: env!("CARGO_PKG_VERSION").to_string(),
            built_in: selection.built_in.then(|| fnv1a(BUILT_IN_DATA.as_bytes())),
            files,
        };
        // Named after the list of files alone, not their sizes and times: a snapshot of files
        // that changed is replaced, not left beside the new one.
        let names = (selection.built_in, key.files.iter().map(|h| &h.source));
        let encoded = rmp_serde::to_vec(&(names.0, names.1.collect::<Vec<_>>())).ok()?;
        let path = cache
            .dir
            .join(format!("search-{:016x}.snapshot", fnv1a(&encoded)));
        Some(SearchSnapshot { path, key })
    }

    /// Where the snapshot is kept.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Searches the snapshot: the first `limit` hits, their entries decoded (and made printable
    /// unless `for_json`). Otherwise why not ([`SnapshotMiss`]): the caller then loads the
    /// catalog as usual, and writes the snapshot again only when it was [`SnapshotMiss::Stale`].
    pub fn search(
        &self,
        query: &Query,
        limit: usize,
        for_json: bool,
    ) -> Result<SnapshotResults, SnapshotMiss> {
        match self.try_search(query, limit, for_json) {
            Some(Ok(results)) => Ok(results),
            Some(Err(NotPrintable)) => Err(SnapshotMiss::NotPrintable),
            None => Err(SnapshotMiss::Stale),
        }
    }

    /// [`SearchSnapshot::search`]; `None` for a snapshot that is missing, stale or damaged.
    fn try_search(
        &self,
        query: &Query,
        limit: usize,
        for_json: bool,
    ) -> Option<Result<SnapshotResults, NotPrintable>> {
        let file = File::open(&self.path).ok()?;
        let length = file.metadata().ok()?.len();
        if length > MAX_SNAPSHOT_BYTES {
            return None;
        }
        let mut reader = BufReader::with_capacity(READ_BUFFER_BYTES, file);
        let mut magic = [0; MAGIC.len()];
        reader.read_exact(&mut magic).ok()?;
        if magic != *MAGIC {
            return None;
        }
        let mut decoder = rmp_serde::Deserializer::new(&mut reader);
        if Key::deserialize(&mut decoder).ok()? != self.key {
            return None;
        }
        let head = Head::deserialize(&mut decoder).ok()?;
        drop(decoder);
        if !(for_json || head.printable) {
            return Some(Err(NotPrintable));
        }
        let body_length = u64::from(rmp::decode::read_bin_len(&mut reader).ok()?);
        if body_length > length {
            return None;
        }
        let mut body = Vec::with_capacity(body_length as usize);
        (&mut reader)
            .take(body_length)
            .read_to_end(&mut body)
            .ok()?;
        if body.len() as u64 != body_length {
            return None;
        }
        let entries_start = reader.stream_position().ok()?;
        let file = reader.into_inner();
        let index = SearchIndex::from_parts(head.index, body)?;
        let offsets = read_offsets(&file, length, entries_start)?;
        if offsets.len() != index.len() + 1 {
            return None;
        }

        let hits = index.search(query);
        let total = hits.len();
        let mut catalog = Catalog::default();
        catalog.frameworks = head.frameworks;
        let mut shown = Vec::with_capacity(total.min(limit));
        for (place, hit) in hits.into_iter().take(limit).enumerate() {
            let (start, end) = (offsets[hit.entry], offsets[hit.entry + 1]);
            let mut bytes = vec![0; usize::try_from(end - start).ok()?];
            read_at(&file, entries_start + start, &mut bytes)?;
            let (framework, skill): (usize, Skill) = decode_all(&bytes)?;
            let entry = Entry { framework, skill };
            if framework >= catalog.frameworks.len() || !index.holds(hit.entry, &entry) {
                return None;
            }
            catalog.entries.push(entry);
            let mut hit = hit;
            hit.entry = place;
            shown.push(hit);
        }
        if !for_json {
            catalog.make_printable();
        }
        Some(Ok(SnapshotResults {
            catalog,
            hits: shown,
            total,
        }))
    }

    /// Writes the snapshot of `catalog` (loaded from these sources without an error, its text
    /// as loaded, not made printable) and `index` (made from it), replacing any other. Best
    /// effort: a snapshot that cannot be written is simply not there next time. Returns whether
    /// the catalog is printable as it is ([`Catalog::is_printable`]), which it has to find out.
    pub fn write(&self, catalog: &Catalog, index: &SearchIndex) -> bool {
        let (parts, body) = index.to_parts();
        let head = Head {
            printable: catalog.is_printable(),
            frameworks: catalog.frameworks.clone(),
            index: parts,
        };
        let written =
            fs::create_dir_all(self.path.parent().unwrap_or(Path::new("."))).and_then(|()| {
                crate::atomic::write_replacing_unsynced_with(&self.path, |out| {
                    write_snapshot(out, &self.key, &head, body, &catalog.entries)
                })
            });
        if written.is_err() {
            let _ = fs::remove_file(&self.path);
        }
        head.printable
    }
}

/// The whole snapshot, in order (see the module's documentation).
fn write_snapshot(
    out: &mut dyn Write,
    key: &Key,
    head: &Head,
    body: &[u8],
    entries: &[Entry],
) -> io::Result<()> {
    let mut position = 0;
    let mut counted = Counting {
        out,
        written: &mut position,
    };
    counted.write_all(MAGIC)?;
    rmp_serde::encode::write(&mut counted, key).map_err(io::Error::other)?;
    rmp_serde::encode::write(&mut counted, head).map_err(io::Error::other)?;
    let body_length = u32::try_from(body.len()).map_err(io::Error::other)?;
    rmp::encode::write_bin_len(&mut counted, body_length)?;
    counted.write_all(body)?;
    let entries_start = *counted.written;
    let mut offsets = Vec::with_capacity(entries.len() + 1);
    let mut encoded = Vec::new();
    offsets.push(0);
    for entry in entries {
        encoded.clear();
        rmp_serde::encode::write_named(&mut encoded, &(entry.framework, &entry.skill))
            .map_err(io::Error::other)?;
        counted.write_all(&encoded)?;
        offsets.push(*counted.written - entries_start);
    }
    let offsets_at = *counted.written;
    rmp_serde::encode::write(&mut counted, &offsets).map_err(io::Error::other)?;
    rmp::encode::write_u64(&mut counted, offsets_at).map_err(io::Error::other)?;
    Ok(())
}

/// The entries' offsets (relative to `entries_start`), from the end of the file: ascending, the
/// last one where the offset table starts.
fn read_offsets(file: &File, length: u64, entries_start: u64) -> Option<Vec<u64>> {
    let trailer_at = length.checked_sub(TRAILER_BYTES)?;
    let mut trailer = [0; TRAILER_BYTES as usize];
    read_at(file, trailer_at, &mut trailer)?;
    let offsets_at = rmp::decode::read_u64(&mut &trailer[..]).ok()?;
    if !(entries_start..=trailer_at).contains(&offsets_at) {
        return None;
    }
    let mut table = vec![0; usize::try_from(trailer_at - offsets_at).ok()?];
    read_at(file, offsets_at, &mut table)?;
    let offsets: Vec<u64> = decode_all(&table)?;
    let ascending = offsets.windows(2).all(|pair| pair[0] <= pair[1]);
    (ascending
        && offsets.first() == Some(&0)
        && offsets.last() == Some(&(offsets_at - entries_start)))
    .then_some(offsets)
}

/// Fills `buffer` from `file` at `position`.
fn read_at(mut file: &File, position: u64, buffer: &mut [u8]) -> Option<()> {
    file.seek(SeekFrom::Start(position)).ok()?;
    file.read_exact(buffer).ok()
}

/// One MessagePack value that fills `bytes` exactly.
fn decode_all<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Option<T> {
    let mut rest = bytes;
    let value = T::deserialize(&mut rmp_serde::Deserializer::new(&mut rest)).ok()?;
    rest.is_empty().then_some(value)
}

/// A writer that counts what it passes on.
struct Counting<'a> {
    out: &'a mut dyn Write,
    written: &'a mut u64,
}

impl Write for Counting<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let n = self.out.write(bytes)?;
        *self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::DataCache;
    use crate::load::load_catalog;
    use crate::testdata;

    /// A generated data file, the built-in data, and a cache for files of any size.
    struct Setup {
        _dir: tempfile::TempDir,
        selection: SourceSelection,
    }

    impl Setup {
        fn new(edit: impl FnOnce(&mut crate::model::Framework)) -> Setup {
            let dir = tempfile::tempdir().unwrap();
            let source = dir.path().join("skills.ron");
            let mut framework = testdata::framework(40, testdata::DEFAULT_SEED);
            edit(&mut framework);
            fs::write(&source, testdata::to_ron(&framework)).unwrap();
            let selection = SourceSelection {
                built_in: true,
                extra: vec![source],
                cache: Some(DataCache {
                    dir: dir.path().join("cache"),
                    min_source_bytes: 0,
                }),
                ..Default::default()
            };
            Setup {
                _dir: dir,
                selection,
            }
        }

        /// The snapshot, written from the catalog as loaded.
        fn written(&self) -> SearchSnapshot {
            let snapshot = SearchSnapshot::for_sources(&self.selection).unwrap();
            let catalog = load_catalog(&self.selection);
            snapshot.write(&catalog, &SearchIndex::new(&catalog));
            snapshot
        }
    }

    /// The codes and places of the shown hits, from the ordinary path.
    fn expected(selection: &SourceSelection, query: &Query, limit: usize) -> Vec<String> {
        let catalog = load_catalog(selection);
        let index = SearchIndex::new(&catalog);
        let hits = index.search(query);
        let mut shown: Vec<String> = hits
            .iter()
            .take(limit)
            .map(|hit| {
                let entry = &catalog.entries[hit.entry];
                format!("{} {:?} {}", entry.skill.code, hit.place, hit.score)
            })
            .collect();
        shown.push(hits.len().to_string());
        shown
    }

    fn found(results: &SnapshotResults) -> Vec<String> {
        let mut shown: Vec<String> = results
            .hits
            .iter()
            .map(|hit| {
                let entry = &results.catalog.entries[hit.entry];
                format!("{} {:?} {}", entry.skill.code, hit.place, hit.score)
            })
            .collect();
        shown.push(results.total.to_string());
        shown
    }

    #[test]
    fn a_snapshot_finds_what_the_ordinary_path_finds() {
        let setup = Setup::new(|_| {});
        let snapshot = setup.written();
        for text in ["g", "gov", "release security", "zzzz", "RELM", "data"] {
            let query = Query::parse(text);
            for limit in [0, 1, 5, 1000] {
                let results = snapshot.search(&query, limit, false).unwrap();
                assert_eq!(
                    found(&results),
                    expected(&setup.selection, &query, limit),
                    "{text} {limit}"
                );
            }
        }
    }

    #[test]
    fn no_snapshot_without_a_cache_or_a_big_file_or_with_a_missing_source() {
        let setup = Setup::new(|_| {});
        let mut selection = setup.selection.clone();
        selection.cache = None;
        assert_eq!(SearchSnapshot::for_sources(&selection), None);
        let mut selection = setup.selection.clone();
        if let Some(cache) = &mut selection.cache {
            cache.min_source_bytes = u64::MAX;
        }
        assert_eq!(SearchSnapshot::for_sources(&selection), None);
        let mut selection = setup.selection.clone();
        selection.extra.push("/no/such/file.ron".into());
        assert_eq!(SearchSnapshot::for_sources(&selection), None);
    }

    #[test]
    fn another_source_list_or_a_changed_file_does_not_use_the_snapshot() {
        let setup = Setup::new(|_| {});
        let snapshot = setup.written();
        let query = Query::parse("g");
        assert!(snapshot.search(&query, 20, false).is_ok());
        let mut without_built_in = setup.selection.clone();
        without_built_in.built_in = false;
        let other = SearchSnapshot::for_sources(&without_built_in).unwrap();
        assert_ne!(other.path(), snapshot.path());
        assert!(other.search(&query, 20, false).is_err());
        // The same source, one byte longer: another key for the same snapshot file, whose old
        // contents are refused, then replaced.
        let source = &setup.selection.extra[0];
        let mut text = fs::read_to_string(source).unwrap();
        text.push('\n');
        fs::write(source, text).unwrap();
        let changed = SearchSnapshot::for_sources(&setup.selection).unwrap();
        assert_ne!(changed.key, snapshot.key);
        assert_eq!(changed.path(), snapshot.path());
        assert!(changed.search(&query, 20, false).is_err());
        let written = setup.written();
        assert_eq!(written, changed);
        assert!(changed.search(&query, 20, false).is_ok());
        assert!(snapshot.search(&query, 20, false).is_err());
    }

    #[test]
    fn text_that_is_not_printable_is_served_only_to_json() {
        let setup = Setup::new(|framework| {
            framework.skills[3].description = "evil \u{1b}[2J text".into();
        });
        let snapshot = setup.written();
        let query = Query::parse("evil");
        assert!(snapshot.search(&query, 20, false).is_err());
        let results = snapshot.search(&query, 20, true).unwrap();
        let description = &results.catalog.entries[0].skill.description;
        assert_eq!(
            description, "evil \u{1b}[2J text",
            "JSON keeps the text as written"
        );
    }

    #[test]
    fn damaged_snapshots_are_refused_or_searched_without_panicking() {
        let setup = Setup::new(|_| {});
        let snapshot = setup.written();
        let good = fs::read(snapshot.path()).unwrap();
        let queries = ["g", "release security", "data"].map(Query::parse);
        let search_all = || {
            queries
                .iter()
                .map(|query| snapshot.search(query, 1000, true).is_ok())
                .collect::<Vec<bool>>()
        };
        assert_eq!(search_all(), [true; 3]);
        for length in (0..good.len()).step_by(good.len() / 97) {
            fs::write(snapshot.path(), &good[..length]).unwrap();
            assert_eq!(search_all(), [false; 3], "cut at {length}");
        }
        // Bytes overwritten anywhere: refused, or searched (a change to text no hit shows can
        // go unnoticed, as a changed data file would), never a panic.
        for at in (0..good.len() - 4).step_by(good.len() / 211) {
            for junk in [0x00, 0xc1, 0xff, 0x7f] {
                let mut bytes = good.clone();
                bytes[at..at + 4].fill(junk);
                fs::write(snapshot.path(), &bytes).unwrap();
                search_all();
            }
        }
    }

    #[test]
    fn an_entry_that_differs_from_the_index_is_refused() {
        let setup = Setup::new(|framework| framework.skills[7].name = "Zebra crossing".into());
        let snapshot = setup.written();
        let query = Query::parse("zebra");
        let results = snapshot.search(&query, 1, true).unwrap();
        assert_eq!(results.catalog.entries[0].skill.name, "Zebra crossing");
        let mut bytes = fs::read(snapshot.path()).unwrap();
        // The name as written is only in the entries (the index holds it folded).
        let name = b"Zebra crossing";
        let at = bytes.windows(name.len()).position(|w| w == name).unwrap();
        bytes[at] = b'X';
        fs::write(snapshot.path(), &bytes).unwrap();
        assert!(snapshot.search(&query, 1, true).is_err());
    }
}
