//! `skillscope validate PATH...`: checks data files; exit code 1 on any error.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::CommandResult;
use crate::data::sanitize::{escaped_path, printable, Lines};
use crate::data::sources::{read_framework_file, ron_files_in, LoadError};

/// "a spreadsheet" or "a CSV file" when the path names one (by its extension), which `import`
/// reads and `validate` does not.
fn spreadsheet_kind(path: &Path) -> Option<&'static str> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Some("a spreadsheet"),
        "csv" => Some("a CSV file"),
        _ => None,
    }
}

pub fn run(paths: &[PathBuf], out: &mut dyn Write) -> CommandResult {
    let mut errors: Vec<LoadError> = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            match ron_files_in(path) {
                Ok(found) => files.extend(found),
                Err(error) => errors.push(error),
            }
        } else {
            files.push(path.clone());
        }
    }
    let mut valid = 0;
    for file in &files {
        if let Some(kind) = spreadsheet_kind(file) {
            errors.push(LoadError {
                path: file.display().to_string(),
                position: None,
                message: format!(
                    "this is {kind}, not a RON data file: `skillscope import {}` makes a data \
                     file of it",
                    escaped_path(file)
                ),
            });
            continue;
        }
        match read_framework_file(file) {
            Ok(framework) => {
                valid += 1;
                let shown = escaped_path(file);
                writeln!(out, "{shown}: ok ({} skills)", framework.skills.len())?;
            }
            Err(error) => errors.push(error),
        }
    }
    for error in &errors {
        writeln!(out, "{}", printable(&error.to_string(), Lines::Multi))?;
    }
    writeln!(out, "{valid} valid, {} with errors", errors.len())?;
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
