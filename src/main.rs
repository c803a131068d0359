use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use skillscope::cli::args::Cli;
use skillscope::cli::{run, source_selection, CommandError, FromBrowser};
use skillscope::data::paths::UserPaths;
use skillscope::data::sanitize::{printable, Lines};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        None => browse(&cli),
        Some(command) => run_command(command, &cli),
    }
}

fn browse(cli: &Cli) -> ExitCode {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        eprintln!("skillscope: the browser needs a terminal; for scripts use the commands (`skillscope --help`)");
        return ExitCode::FAILURE;
    }
    let user = UserPaths::discover();
    let mut catalog =
        skillscope::data::sources::load_catalog(&source_selection(&cli.sources, user.as_ref()));
    catalog.make_printable();
    let color = skillscope::config::color_enabled_here();
    match skillscope::tui::run(catalog, user, color) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("skillscope: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run_command(command: &skillscope::cli::args::Command, cli: &Cli) -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    // The commands check the config file with the browser's own check and print its keys in
    // the manual: this binary holds both faces, and the commands do not import the browser.
    let browser = FromBrowser {
        check_config: skillscope::tui::settings::check,
        keys: skillscope::tui::keymap::default_keys_by_mode,
    };
    let result = run(command, &cli.sources, &browser, &mut out).and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    match result {
        Ok(code) => code,
        Err(CommandError::OutputClosed) => ExitCode::SUCCESS,
        Err(CommandError::Failed(message)) => {
            // Messages quote data (titles, codes, cells): never raw on a terminal.
            let safe = printable(&message, Lines::Multi);
            eprintln!("skillscope: {safe}");
            ExitCode::FAILURE
        }
    }
}
