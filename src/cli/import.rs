//! `skillscope import FILE`: the official SFIA spreadsheet into a data file, written atomically
//! into the user data folder (or `-o OUT.ron`), never over an existing file without `--force`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{CommandError, CommandResult};
use crate::cli::args::ImportArgs;
use crate::data::import::{
    attribution, default_file_name, import_workbook, names_from_file_name, read_workbook, to_ron,
    AttributesFrom, FileRole, ImportOptions, ImportReport, LevelNamesFrom, Origin, Workbook,
};
use crate::data::paths::UserPaths;
use crate::data::sanitize::{escaped_path, printable, Lines};

fn shown(path: &Path) -> String {
    escaped_path(path)
}

fn safe(text: &str) -> String {
    printable(text, Lines::Single).into_owned()
}

pub fn run(args: &ImportArgs, user: Option<&UserPaths>, out: &mut dyn Write) -> CommandResult {
    let file_name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| CommandError::Failed(format!("{} is not a file", shown(&args.file))))?;
    let (guessed_framework, guessed_edition) = names_from_file_name(&file_name);
    let framework = match &args.framework {
        Some(name) if name.trim().is_empty() => {
            return Err(CommandError::Failed("--framework may not be empty".into()))
        }
        Some(name) => name.trim().to_string(),
        None => guessed_framework,
    };
    let edition = match &args.edition {
        Some(edition) => Some(edition.trim().to_string()).filter(|e| !e.is_empty()),
        None => guessed_edition,
    };
    let (output, into_data_dir) = match &args.output {
        Some(path) => (path.clone(), false),
        None => {
            let user = user.ok_or_else(|| {
                CommandError::Failed(
                    "no home folder was found for the user data folder (HOME must be an absolute path); give -o OUT.ron".into(),
                )
            })?;
            let name = default_file_name(&framework, edition.as_deref());
            (user.data_dir.join(name), true)
        }
    };
    if output.is_dir() {
        return Err(CommandError::Failed(format!(
            "{} is a folder; give -o a file name such as {}",
            shown(&output),
            default_file_name(&framework, edition.as_deref())
        )));
    }
    let existed = output.exists();
    if existed && !args.force {
        return Err(CommandError::Failed(format!(
            "{} already exists; add --force to replace it",
            shown(&output)
        )));
    }

    let book = read_workbook(&args.file)
        .map_err(|e| CommandError::Failed(format!("cannot import {}: {e}", shown(&args.file))))?;
    let options = ImportOptions {
        framework,
        edition,
        source: Some(attribution(&file_name)),
        levels_book: read_side_file(args.levels.as_deref(), "levels")?,
        attributes_book: read_side_file(args.attributes.as_deref(), "attributes")?,
    };
    let (imported, report) = import_workbook(&book, &options)
        .map_err(|e| CommandError::Failed(format!("cannot import {}: {e}", shown(&args.file))))?;
    if imported.skills.is_empty() {
        write_skipped(&report, out)?;
        return Err(CommandError::Failed(format!(
            "no row of sheet {:?} in {} could be imported; nothing was written",
            safe(&report.sheet),
            shown(&args.file)
        )));
    }
    let text = to_ron(&imported).map_err(|e| CommandError::Failed(e.to_string()))?;
    if into_data_dir {
        if let Some(dir) = output.parent() {
            std::fs::create_dir_all(dir).map_err(|e| {
                CommandError::Failed(format!("cannot create the folder {}: {e}", shown(dir)))
            })?;
        }
    }
    write_atomically(&output, text.as_bytes(), args.force)?;

    let title = match &imported.edition {
        Some(edition) => format!("{} {edition}", imported.framework),
        None => imported.framework.clone(),
    };
    writeln!(
        out,
        "Imported {} from {} (sheet {:?}, header on row {}):",
        safe(&title),
        safe(&file_name),
        safe(&report.sheet),
        report.header_row
    )?;
    writeln!(out, "  {}", count(report.skills, "skill", "skills"))?;
    writeln!(
        out,
        "  {}",
        count(report.defined_levels, "defined level", "defined levels")
    )?;
    writeln!(
        out,
        "  {}",
        count(report.categories, "category", "categories")
    )?;
    write_levels_and_attributes(&report, args, out)?;
    write_skipped(&report, out)?;
    if !report.notes.is_empty() {
        writeln!(out, "Notes:")?;
        for note in &report.notes {
            writeln!(out, "  {}", safe(note))?;
        }
    }
    let verb = if existed { "Replaced" } else { "Wrote" };
    writeln!(out, "{verb} {}", shown(&output))?;
    if into_data_dir {
        writeln!(
            out,
            "Run `skillscope` to browse it, or `skillscope list --framework {:?}`.",
            safe(&title)
        )?;
    } else {
        writeln!(
            out,
            "Load it with `skillscope --data {}`, or put it in the user data folder (`skillscope paths`).",
            shown(&output)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The levels or attributes file given with `--levels` or `--attributes` (`what`), read.
fn read_side_file(path: Option<&Path>, what: &str) -> Result<Option<Workbook>, CommandError> {
    let Some(path) = path else { return Ok(None) };
    let book = read_workbook(path).map_err(|e| {
        CommandError::Failed(format!("cannot read the {what} from {}: {e}", shown(path)))
    })?;
    Ok(Some(book))
}

/// Where a sheet is: `sheet "Levels"` of the imported file; `levels.csv` or
/// `sheet "Levels" of levels.xlsx` for a file given with `--levels` or `--attributes`.
fn origin_text(origin: &Origin, args: &ImportArgs) -> String {
    let file = match origin.file {
        FileRole::Skills => None,
        FileRole::Levels => args.levels.as_deref(),
        FileRole::Attributes => args.attributes.as_deref(),
    };
    let file_name = file
        .and_then(Path::file_name)
        .map(|name| name.to_string_lossy().into_owned());
    match file_name {
        Some(name) if name == origin.sheet => safe(&name),
        Some(name) => format!("sheet {:?} of {}", safe(&origin.sheet), safe(&name)),
        None => format!("sheet {:?}", safe(&origin.sheet)),
    }
}

/// How many levels and attributes were read and from where.
fn write_levels_and_attributes(
    report: &ImportReport,
    args: &ImportArgs,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match &report.level_names {
        LevelNamesFrom::Sheet { origin, count: n } => writeln!(
            out,
            "  {} from {}",
            count(*n, "level", "levels"),
            origin_text(origin, args)
        )?,
        LevelNamesFrom::Standard => writeln!(out, "  SFIA's standard level names")?,
    }
    match &report.attributes {
        AttributesFrom::Sheet {
            origin,
            count: n,
            texts,
        } => writeln!(
            out,
            "  {} with {} from {}",
            count(*n, "attribute", "attributes"),
            count(*texts, "level text", "level texts"),
            origin_text(origin, args)
        ),
        AttributesFrom::None => writeln!(
            out,
            "  no attributes (no \"Attributes\" sheet or levels table gave any; see --attributes)"
        ),
    }
}

fn write_skipped(report: &ImportReport, out: &mut dyn Write) -> std::io::Result<()> {
    if report.skipped.is_empty() {
        writeln!(out, "Skipped no rows")?;
    } else {
        writeln!(
            out,
            "Skipped {}:",
            count(report.skipped.len(), "row", "rows")
        )?;
        for skipped in &report.skipped {
            writeln!(
                out,
                "  row {}: {}",
                skipped.row,
                safe(&skipped.reason.to_string())
            )?;
        }
    }
    if !report.skipped_entries.is_empty() {
        writeln!(out, "Left out of the levels and attributes:")?;
        for entry in &report.skipped_entries {
            writeln!(
                out,
                "  sheet {:?}, {}: {}",
                safe(&entry.sheet),
                entry.place,
                safe(&entry.reason)
            )?;
        }
    }
    Ok(())
}

/// Writes `bytes` atomically ([`crate::data::atomic`]); without `replace`, fails if `path` exists
/// (or appeared meanwhile).
fn write_atomically(path: &Path, bytes: &[u8], replace: bool) -> Result<(), CommandError> {
    let written = if replace {
        crate::data::atomic::write_replacing(path, bytes)
    } else {
        crate::data::atomic::write_new(path, bytes)
    };
    written.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            CommandError::Failed(format!(
                "{} already exists; add --force to replace it",
                shown(path)
            ))
        } else {
            CommandError::Failed(format!("cannot write {}: {e}", shown(path)))
        }
    })
}
