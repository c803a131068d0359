//! `skillscope completions SHELL` and `skillscope man [COMMAND]`: generated from the clap
//! definitions.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;
use roff::{bold, roman, Roff};

use super::{CommandError, CommandResult, ModeKeys};
use crate::cli::args::Cli;
use crate::data::atomic;
use crate::data::sanitize::escaped_path;

pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> CommandResult {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "skillscope", out);
    Ok(ExitCode::SUCCESS)
}

/// skillscope(1), or skillscope-COMMAND(1), the pages skillscope(1) refers to. The main page
/// also has the browser's keys, the files and the environment.
pub fn man(
    subcommand: Option<&str>,
    keys: fn() -> Vec<ModeKeys>,
    out: &mut dyn Write,
) -> CommandResult {
    let command = built_command();
    let page = match subcommand {
        None => {
            main_page(command, keys(), out)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(name) => match paged_commands(&command).find(|c| c.get_name() == name) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = paged_commands(&command).map(|c| c.get_name()).collect();
                return Err(CommandError::Failed(format!(
                    "no command {name:?}; commands: {}",
                    names.join(", ")
                )));
            }
        },
    };
    manual(page).render(out)?;
    Ok(ExitCode::SUCCESS)
}

/// `skillscope man --out-dir DIR`: every page, each in the file `man` looks for (skillscope.1,
/// skillscope-import.1, …), so a package or a user installs them all from the one definition.
/// Each file is written atomically, replacing what is there; the paths written are listed.
pub fn man_pages_into(
    dir: &Path,
    keys: fn() -> Vec<ModeKeys>,
    out: &mut dyn Write,
) -> CommandResult {
    std::fs::create_dir_all(dir)
        .map_err(|e| CommandError::Failed(format!("cannot create {}: {e}", escaped_path(dir))))?;
    let command = built_command();
    let mut main = Vec::new();
    main_page(command.clone(), keys(), &mut main)?;
    let mut pages = vec![(manual(command.clone()).get_filename(), main)];
    for sub in paged_commands(&command) {
        let man = manual(sub.clone());
        let mut page = Vec::new();
        man.render(&mut page)?;
        pages.push((man.get_filename(), page));
    }
    for (file_name, page) in pages {
        let path = dir.join(file_name);
        atomic::write_replacing(&path, &page).map_err(|e| {
            CommandError::Failed(format!("cannot write {}: {e}", escaped_path(&path)))
        })?;
        writeln!(out, "{}", escaped_path(&path))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The clap definition, built: building gives subcommands their display names
/// ("skillscope-import"), which title their pages.
fn built_command() -> clap::Command {
    let mut command = Cli::command();
    command.build();
    command
}

/// The commands with a page of their own: all but clap's `help`.
fn paged_commands(command: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    command.get_subcommands().filter(|c| c.get_name() != "help")
}

fn manual(page: clap::Command) -> clap_mangen::Man {
    clap_mangen::Man::new(page).source(format!("skillscope {}", env!("CARGO_PKG_VERSION")))
}

/// skillscope(1): clap's sections, then the browser's keys, the files and the environment.
fn main_page(
    command: clap::Command,
    keys: Vec<ModeKeys>,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    let man = manual(command);
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    man.render_subcommands_section(out)?;
    let mut roff = Roff::new();
    roff.control("SH", ["BROWSER KEYS"]);
    roff.text([roman("With no command, skillscope opens the browser. Its default keys; ? in the browser lists the keys in force, and config.ron can change them.")]);
    for (mode, keys) in keys {
        roff.control("SS", [mode]);
        for (label, help) in keys {
            roff.control("TP", [])
                .text([bold(label)])
                .text([roman(help)]);
        }
    }
    roff.control("SH", ["FILES"]);
    for (path, what) in FILES {
        roff.control("TP", [])
            .text([bold(*path)])
            .text([roman(*what)]);
    }
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, what) in ENVIRONMENT {
        roff.control("TP", [])
            .text([bold(*name)])
            .text([roman(*what)]);
    }
    roff.to_writer(out)?;
    man.render_version_section(out)?;
    Ok(())
}

/// On Linux; `skillscope paths` shows them on every system.
const FILES: &[(&str, &str)] = &[
    (
        "$XDG_DATA_HOME/skillscope/*.ron",
        "Data files, read after the built-in data (default ~/.local/share/skillscope); `skillscope import` writes here.",
    ),
    (
        "$XDG_DATA_HOME/skillscope/profiles/NAME.ron",
        "Profiles: skills at levels, with targets and notes (`skillscope profile`, m and t in the browser).",
    ),
    (
        "$XDG_DATA_HOME/skillscope/state/browser.ron",
        "The browser's last skill, level and pane.",
    ),
    (
        "$XDG_CONFIG_HOME/skillscope/config.ron",
        "The config file: theme, the pane focused at start, keys (default ~/.config/skillscope).",
    ),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "NO_COLOR",
        "When set and not empty, no colour: the browser is monochrome and text output plain.",
    ),
    (
        "COLUMNS",
        "The width of text output when --width is not given (else the terminal's, else 80).",
    ),
    (
        "XDG_DATA_HOME, XDG_CONFIG_HOME",
        "Where the data and config folders are (see FILES).",
    ),
    (
        "HOME",
        "The base of the default folders; it must be an absolute path.",
    ),
];
