//! `skillscope completions SHELL` and `skillscope man [COMMAND]`: generated from the clap
//! definitions.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use super::{CommandError, CommandResult};
use crate::cli::args::Cli;

pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> CommandResult {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "skillscope", out);
    Ok(ExitCode::SUCCESS)
}

/// skillscope(1), or skillscope-COMMAND(1), the pages skillscope(1) refers to.
pub fn man(subcommand: Option<&str>, out: &mut dyn Write) -> CommandResult {
    let mut command = Cli::command();
    // Building gives subcommands their display names ("skillscope-import") for their pages.
    command.build();
    let page = match subcommand {
        None => command,
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
    clap_mangen::Man::new(page)
        .source(format!("skillscope {}", env!("CARGO_PKG_VERSION")))
        .render(out)?;
    Ok(ExitCode::SUCCESS)
}
