//! `skillscope completions SHELL` and `skillscope man [COMMAND]`: generated from the clap
//! definitions.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;
use roff::{bold, roman, Roff};

use super::{CommandError, CommandResult, ModeKeys};
use crate::cli::args::Cli;

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
    let mut command = Cli::command();
    // Building gives subcommands their display names ("skillscope-import") for their pages.
    command.build();
    let page = match subcommand {
        None => {
            main_page(command, keys(), out)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(name) => match command.find_subcommand(name) {
            Some(sub) if name != "help" => sub.clone(),
            _ => {
                let names: Vec<&str> = command
                    .get_subcommands()
                    .map(|c| c.get_name())
                    .filter(|&n| n != "help")
                    .collect();
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
