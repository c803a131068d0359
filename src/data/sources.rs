//! Where skills come from and how they are read: the built-in data, the user data folder and
//! `--data` paths, in that order. A file that fails is reported with `path:line:column` and
//! skipped; every other source still loads.

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;

use crate::data::catalog::Catalog;
use crate::data::model::Framework;

/// One data file compiled into the binary.
#[derive(Debug, Clone, Copy)]
pub struct BuiltInFile {
    /// The name under which the file is reported: `<built-in>/…`.
    pub name: &'static str,
    pub text: &'static str,
}

/// The data compiled into the binary, one file per source document: SLEN in its SFIA 8
/// wording, the SFIA 9 prototype of RELM, and the DSOP proposal (its own framework, as it is
/// part of no SFIA edition).
pub const BUILT_IN_FILES: [BuiltInFile; 3] = [
    BuiltInFile {
        name: "<built-in>/sfia-8-slen.ron",
        text: include_str!("../../assets/sfia-8-slen.ron"),
    },
    BuiltInFile {
        name: "<built-in>/sfia-9-relm.ron",
        text: include_str!("../../assets/sfia-9-relm.ron"),
    },
    BuiltInFile {
        name: "<built-in>/proposed-dsop.ron",
        text: include_str!("../../assets/proposed-dsop.ron"),
    },
];
/// How the built-in data as a whole is named (`skillscope paths`).
pub const BUILT_IN_NAME: &str = "<built-in>";

/// Whether a source name is one of the built-in files.
pub fn is_built_in(source: &str) -> bool {
    BUILT_IN_FILES.iter().any(|file| file.name == source)
}
/// A data file larger than this is refused before it is read, so junk cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The byte order mark some editors put at the start of a UTF-8 file.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
/// How deeply brackets may nest before the parser gives up (guards the stack).
const RECURSION_LIMIT: usize = 64;

/// Why one data file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: String,
    /// 1-based line and column, where the parser knows them.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

/// The path escaped (see [`escaped_path`](crate::data::sanitize::escaped_path)): a file name
/// cannot forge a line of the report.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = crate::data::sanitize::escaped_path_text(&self.path);
        match self.position {
            Some((line, column)) => write!(f, "{path}:{line}:{column}: {}", self.message),
            None => write!(f, "{path}: {}", self.message),
        }
    }
}

impl std::error::Error for LoadError {}

/// Where the skills of the catalog come from.
#[derive(Debug, Clone, Default)]
pub struct SourceSelection {
    pub built_in: bool,
    /// The user data folder, read when it exists.
    pub user_data_dir: Option<PathBuf>,
    /// Files or folders given with `--data`, in order.
    pub extra: Vec<PathBuf>,
}

/// One file that was read, and how many skills it gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceReport {
    pub path: String,
    pub skills: usize,
}

/// Parses RON text into a framework, checking everything a file can get wrong on its own.
pub fn parse_framework(path: &str, text: &str) -> Result<Framework, LoadError> {
    let framework: Framework = ron_options()
        .from_str(text)
        .map_err(|e| LoadError::from_ron(path, &e))?;
    check_unique_codes(path, text, &framework)?;
    Ok(framework)
}

/// A framework as a data file: pretty RON with optional fields written plainly, as
/// [`parse_framework`] reads it.
pub fn write_framework(framework: &Framework) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .extensions(Extensions::IMPLICIT_SOME);
    ron::ser::to_string_pretty(framework, config)
}

/// How skillscope reads RON (data and config alike): optional fields written plainly, with a
/// bounded nesting depth.
pub(crate) fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

impl LoadError {
    /// A RON parse error, with the position ron knows.
    pub(crate) fn from_ron(path: &str, error: &ron::error::SpannedError) -> LoadError {
        LoadError {
            path: path.to_string(),
            position: Some((error.span.start.line, error.span.start.col)),
            message: describe_ron_error(&error.code),
        }
    }

    /// Replaces control characters in the message, so the error can be shown on a terminal
    /// (the path is escaped whenever the error is shown).
    pub fn make_printable(&mut self) {
        crate::data::sanitize::make_printable(
            &mut self.message,
            crate::data::sanitize::Lines::Multi,
        );
    }
}

fn describe_ron_error(error: &ron::Error) -> String {
    let text = error.to_string();
    // ron's messages start with a capital letter; ours read as a clause after the position.
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

/// Codes are unique among a file's skills and among its attributes, and each level is defined
/// once; the second of a pair is reported where it stands.
fn check_unique_codes(path: &str, text: &str, framework: &Framework) -> Result<(), LoadError> {
    let error = |position, message| LoadError {
        path: path.to_string(),
        position,
        message,
    };
    if let Some(index) = framework.duplicate_code() {
        let code = framework.skills[index].code.as_str();
        let n = (framework.skills[..=index].iter())
            .filter(|s| s.code.as_str() == code)
            .count();
        let attributes = (framework.attributes.iter())
            .filter(|a| a.code.as_str() == code)
            .count();
        // Attributes written first would shift the count; their place is then not guessed.
        let position = (attributes == 0).then(|| locate(text, "code", &format!("\"{code}\""), n));
        return Err(error(
            position.flatten(),
            format!("duplicate skill code {code:?} (codes must be unique in a file)"),
        ));
    }
    if let Some(index) = framework.duplicate_attribute_code() {
        let code = framework.attributes[index].code.as_str();
        let n = (framework.attributes[..=index].iter())
            .filter(|a| a.code.as_str() == code)
            .count();
        let skills = framework.skills.iter().filter(|s| s.code.as_str() == code);
        let position =
            (skills.count() == 0).then(|| locate(text, "code", &format!("\"{code}\""), n));
        return Err(error(
            position.flatten(),
            format!("duplicate attribute code {code:?} (codes must be unique in a file)"),
        ));
    }
    if let Some(index) = framework.duplicate_level() {
        let level = framework.levels[index].level;
        let n = (framework.levels[..=index].iter())
            .filter(|l| l.level == level)
            .count();
        return Err(error(
            locate(text, "level", &level.to_string(), n),
            format!("level {level} is defined twice in `levels`"),
        ));
    }
    Ok(())
}

/// Finds the `n`th `value` written right after a `field:`, as 1-based line and column.
pub(crate) fn locate(text: &str, field: &str, value: &str, n: usize) -> Option<(usize, usize)> {
    let mut found = 0;
    let mut search_from = 0;
    while let Some(at) = text[search_from..].find(value) {
        let start = search_from + at;
        search_from = start + value.len();
        let before = text[..start].trim_end();
        let Some(before) = before.strip_suffix(':') else {
            continue;
        };
        let named = before
            .trim_end()
            .strip_suffix(field)
            .is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric() || c == '_'));
        let whole = !text[search_from..].starts_with(|c: char| c.is_ascii_digit());
        if named && whole {
            found += 1;
            if found == n {
                let line = text[..start].matches('\n').count() + 1;
                let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
                let column = text[line_start..start].chars().count() + 1;
                return Some((line, column));
            }
        }
    }
    None
}

/// Reads and parses one file, refusing oversized or non-UTF-8 files with a clear message.
pub fn read_framework_file(path: &Path) -> Result<Framework, LoadError> {
    let text = read_text(path, MAX_FILE_BYTES, "data files")?;
    parse_framework(&path.display().to_string(), &text)
}

/// Reads a text file of at most `max_bytes`; `kind` names such files in the error ("data files").
pub(crate) fn read_text(path: &Path, max_bytes: u64, kind: &str) -> Result<String, LoadError> {
    let shown = path.display().to_string();
    let mut bytes = read_capped(path, max_bytes, kind)?;
    // Editors on Windows start UTF-8 files with a byte order mark; it is not part of the text.
    if bytes.starts_with(UTF8_BOM) {
        bytes.drain(..UTF8_BOM.len());
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        LoadError {
            path: shown,
            position: Some((line, column)),
            message: "the file is not valid UTF-8 text".to_string(),
        }
    })
}

/// Reads a file of at most `max_bytes`, refusing a bigger one before reading it and one that
/// grows past the limit while it is read; `kind` names such files in the error.
pub(crate) fn read_capped(path: &Path, max_bytes: u64, kind: &str) -> Result<Vec<u8>, LoadError> {
    let shown = path.display().to_string();
    let fail = |message: String| LoadError {
        path: shown.clone(),
        position: None,
        message,
    };
    let file = open_regular_file(path).map_err(|e| fail(format!("cannot open: {e}")))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > max_bytes {
        return Err(fail(format!(
            "the file is {}; {kind} may be at most {}",
            size_text(size),
            size_text(max_bytes)
        )));
    }
    let mut bytes = Vec::with_capacity(size.min(max_bytes) as usize);
    // `take` bounds the read even if the file grows while we read it.
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read: {e}")))?;
    if bytes.len() as u64 > max_bytes {
        return Err(fail(format!(
            "the file is larger than {}",
            size_text(max_bytes)
        )));
    }
    Ok(bytes)
}

/// Opens a regular file (or a link to one) for reading. Anything else is refused before it can
/// block or stream without end: a FIFO would wait for a writer, `/dev/zero` never ends.
pub fn open_regular_file(path: &Path) -> io::Result<fs::File> {
    let not_regular = || {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file (a folder, device, FIFO or socket)",
        )
    };
    if !fs::metadata(path)?.is_file() {
        return Err(not_regular());
    }
    let mut options = fs::OpenOptions::new();
    options.read(true);
    // Should the path become a FIFO between the look and the opening, opening does not wait.
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(not_regular());
    }
    Ok(file)
}

/// "3 KiB", "64 MiB": a size in the unit that reads best.
pub(crate) fn size_text(bytes: u64) -> String {
    const KIB: u64 = 1024;
    if bytes >= KIB * KIB {
        format!("{} MiB", bytes / (KIB * KIB))
    } else if bytes >= KIB {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// The `*.ron` files of a folder, sorted by name so the order is predictable.
pub fn ron_files_in(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let entries = fs::read_dir(dir).map_err(|e| LoadError {
        path: dir.display().to_string(),
        position: None,
        message: format!("cannot read the folder: {e}"),
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "ron") && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// Loads every selected source into one catalog; failures are collected, never fatal.
pub fn load_catalog(selection: &SourceSelection) -> Catalog {
    let mut catalog = Catalog::default();
    if selection.built_in {
        for file in BUILT_IN_FILES {
            match parse_framework(file.name, file.text) {
                Ok(framework) => catalog.add(file.name, framework),
                Err(error) => catalog.errors.push(error),
            }
        }
    }
    for file in data_files(selection) {
        match file {
            Ok(file) => load_file(&mut catalog, &file),
            Err(error) => catalog.errors.push(error),
        }
    }
    catalog
}

/// The data files of a selection, in the order they are loaded: the `*.ron` of the user data
/// folder (when it exists), then each `--data` path, a folder standing for its `*.ron` files.
/// A folder that cannot be listed is an error in its place.
pub fn data_files(selection: &SourceSelection) -> Vec<Result<PathBuf, LoadError>> {
    let user_dir = (selection.user_data_dir.as_ref()).filter(|dir| dir.is_dir());
    let mut files = Vec::new();
    for path in user_dir.into_iter().chain(&selection.extra) {
        if path.is_dir() {
            match ron_files_in(path) {
                Ok(found) => files.extend(found.into_iter().map(Ok)),
                Err(error) => files.push(Err(error)),
            }
        } else {
            files.push(Ok(path.clone()));
        }
    }
    files
}

fn load_file(catalog: &mut Catalog, path: &Path) {
    match read_framework_file(path) {
        Ok(framework) => catalog.add(&path.display().to_string(), framework),
        Err(error) => catalog.errors.push(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Framework, LoadError> {
        parse_framework("test.ron", text)
    }

    const MINIMAL: &str = r#"(framework: "F", skills: [(code: "AB", name: "N", description: "D", levels: {3: ["S"]})])"#;

    #[test]
    fn a_minimal_file_parses_with_defaults() {
        let framework = parse(MINIMAL).unwrap();
        assert_eq!(framework.framework, "F");
        assert_eq!(
            framework.skills[0].status,
            crate::data::model::Status::Published
        );
        assert_eq!(framework.skills[0].level_range_text(), "3");
    }

    #[test]
    fn optional_fields_are_written_plainly() {
        let text = MINIMAL.replace(
            "name: \"N\",",
            "name: \"N\", category: \"C\", status: Proposed,",
        );
        let framework = parse(&text).unwrap();
        assert_eq!(framework.skills[0].category.as_deref(), Some("C"));
        assert_eq!(
            framework.skills[0].status,
            crate::data::model::Status::Proposed
        );
    }

    #[test]
    fn unknown_fields_are_errors_with_positions() {
        let text = "(framework: \"F\",\n  skils: [])";
        let error = parse(text).unwrap_err();
        assert_eq!(error.position.map(|p| p.0), Some(2));
        assert!(error.message.contains("skils"), "{error}");
        assert!(error.to_string().starts_with("test.ron:2:"), "{error}");
    }

    #[test]
    fn levels_outside_range_are_reported_where_they_stand() {
        let text = "(framework: \"F\", skills: [(code: \"AB\", name: \"N\", description: \"D\",\n levels: {8: [\"S\"]})])";
        let error = parse(text).unwrap_err();
        assert_eq!(error.position.map(|p| p.0), Some(2), "{error}");
        assert!(
            error.message.contains("level 8 is outside 1..=7"),
            "{error}"
        );
    }

    #[test]
    fn bad_codes_empty_statements_and_missing_levels_are_errors() {
        for (from, to, expected) in [
            ("\"AB\"", "\"A-B\"", "letters and digits"),
            ("\"AB\"", "\"\"", "code is empty"),
            ("[\"S\"]", "[\"S\", \"  \"]", "empty statement"),
            ("{3: [\"S\"]}", "{}", "at least one level"),
            ("{3: [\"S\"]}", "{3: []}", "no statements"),
        ] {
            let error = parse(&MINIMAL.replace(from, to)).unwrap_err();
            assert!(error.message.contains(expected), "{from}->{to}: {error}");
            assert!(error.position.is_some());
        }
    }

    #[test]
    fn duplicate_codes_point_at_the_second_one() {
        let skill = r#"(code: "AB", name: "N", description: "D", levels: {3: ["S"]})"#;
        let text = format!("(framework: \"F\", skills: [\n{skill},\n{skill}])");
        let error = parse(&text).unwrap_err();
        assert_eq!(error.position, Some((3, 8)), "{error}");
        assert!(error.message.contains("duplicate skill code \"AB\""));
    }

    #[test]
    fn attributes_and_level_definitions_parse_and_repeats_are_located() {
        let text = r#"(framework: "F",
  levels: [(level: 4, name: "Enable", essence: "E", guidance: "G")],
  attributes: [(code: "AUTO", name: "Autonomy", levels: {4: ["Works under general direction."]})],
  skills: [(code: "AB", name: "N", description: "D", levels: {3: ["S"]})])"#;
        let framework = parse(text).unwrap();
        assert_eq!(framework.levels[0].guidance.as_deref(), Some("G"));
        assert_eq!(framework.attributes[0].code.as_str(), "AUTO");

        let twice = text.replace(
            "attributes: [(code: \"AUTO\"",
            "attributes: [(code: \"AUTO\", name: \"A\"),\n (code: \"AUTO\"",
        );
        let error = parse(&twice).unwrap_err();
        assert!(
            error.message.contains("duplicate attribute code \"AUTO\""),
            "{error}"
        );
        assert_eq!(error.position, Some((4, 9)), "{error}");

        let level_twice = text.replace(
            "levels: [(level: 4,",
            "levels: [(level: 4, name: \"X\"),\n (level: 4,",
        );
        let error = parse(&level_twice).unwrap_err();
        assert!(
            error.message.contains("level 4 is defined twice"),
            "{error}"
        );
        assert_eq!(error.position, Some((3, 10)), "{error}");
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bom.ron");
        fs::write(&path, [UTF8_BOM, MINIMAL.as_bytes()].concat()).unwrap();
        let framework = read_framework_file(&path).unwrap();
        assert_eq!(framework.framework, "F");
        // One in the middle stays an error where it stands.
        let inner = MINIMAL.replacen('(', "(\u{FEFF}", 1);
        fs::write(&path, inner).unwrap();
        let error = read_framework_file(&path).unwrap_err();
        assert_eq!(error.position, Some((1, 2)), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        let mut refused = vec![dir.path().to_path_buf(), PathBuf::from("/dev/zero")];
        if made.is_ok_and(|status| status.success()) {
            refused.push(fifo);
        }
        for path in refused {
            // A FIFO would block here for ever, /dev/zero would never end.
            let error = read_framework_file(&path).unwrap_err();
            assert!(
                error.message.contains("not a regular file"),
                "{path:?}: {error}"
            );
        }
    }

    #[test]
    fn sizes_are_said_in_the_unit_that_reads_best() {
        assert_eq!(size_text(512), "512 bytes");
        assert_eq!(size_text(8 * 1024), "8 KiB");
        assert_eq!(size_text(64 * 1024 * 1024), "64 MiB");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let text = format!(
            "(framework: \"F\", skills: {}{})",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let error = parse(&text).unwrap_err();
        assert!(error.position.is_some());
    }

    #[test]
    fn the_built_in_data_loads_one_framework_per_source_document() {
        let titles: Vec<(String, Vec<String>)> = BUILT_IN_FILES
            .iter()
            .map(|file| {
                let framework = parse_framework(file.name, file.text).unwrap();
                let edition = framework.edition.as_deref().unwrap_or("-");
                let codes = framework.skills.iter().map(|s| s.code.to_string());
                (
                    format!("{} {edition}", framework.framework),
                    codes.collect(),
                )
            })
            .collect();
        assert_eq!(
            titles,
            [
                ("SFIA 8".to_string(), vec!["SLEN".to_string()]),
                ("SFIA 9".to_string(), vec!["RELM".to_string()]),
                ("Proposed skills -".to_string(), vec!["DSOP".to_string()]),
            ]
        );
    }
}
