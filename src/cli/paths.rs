//! `skillscope paths`: every folder and file skillscope reads or writes.

use std::io::Write;
use std::process::ExitCode;

use super::{source_selection, CommandResult};
use crate::cli::args::SourceArgs;
use crate::config::{ConfigCheck, ConfigStatus};
use crate::data::paths::UserPaths;
use crate::data::sanitize::{escaped_path, printable, Lines};
use crate::data::sources::{ron_files_in, BUILT_IN_NAME};

pub fn run(
    sources: &SourceArgs,
    user: Option<&UserPaths>,
    check_config: ConfigCheck,
    out: &mut dyn Write,
) -> CommandResult {
    let selection = source_selection(sources, user);
    let show = escaped_path;
    writeln!(out, "Data, read in this order (later files replace skills with the same framework, edition and code):")?;
    if selection.built_in {
        writeln!(
            out,
            "  {BUILT_IN_NAME}  (compiled in; leave out with --no-default-data)"
        )?;
    }
    match (&selection.user_data_dir, user) {
        (Some(dir), _) => {
            let files = ron_files_in(dir).unwrap_or_default();
            let state = if dir.is_dir() {
                format!("{} *.ron files", files.len())
            } else {
                "does not exist yet".into()
            };
            writeln!(out, "  {}/  (user data folder: {state})", show(dir))?;
            for file in files {
                writeln!(out, "    {}", show(&file))?;
            }
        }
        (None, Some(_)) => writeln!(out, "  user data folder left out (--no-user-data)")?,
        (None, None) => writeln!(
            out,
            "  no user data folder: no home folder was found (HOME must be an absolute path)"
        )?,
    }
    for path in &selection.extra {
        writeln!(out, "  {}  (--data)", show(path))?;
    }
    if let Some(user) = user {
        let config = user.config_file();
        writeln!(out, "Config:")?;
        match super::config_status(Some(user), check_config) {
            Some(ConfigStatus::Loaded) => writeln!(out, "  {}  (loaded)", show(&config))?,
            Some(ConfigStatus::Failed(error)) => {
                let error = printable(&error.to_string(), Lines::Multi).into_owned();
                writeln!(out, "  {}  (failed: defaults apply)", show(&config))?;
                writeln!(out, "    {error}")?;
            }
            Some(ConfigStatus::Absent) | None => {
                writeln!(out, "  {}  (not present: defaults apply)", show(&config))?
            }
        }
        let profiles = crate::data::profile::ProfileStore::for_user(user);
        writeln!(out, "Profiles:\n  {}/", show(profiles.dir()))?;
        writeln!(out, "Browser state:\n  {}", show(&user.state_file()))?;
    }
    Ok(ExitCode::SUCCESS)
}
