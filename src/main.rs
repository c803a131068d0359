use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use skillscope::cli::Cli;
use skillscope::commands;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(command) = &cli.command else {
        println!("The browser is not built yet. Try `skillscope list`, `skillscope show RELM` or `skillscope --help`.");
        return ExitCode::SUCCESS;
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = commands::run(command, &cli.sources, &mut out);
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(code), Ok(())) => code,
        // A closed pipe (`skillscope list | head`) is not an error worth reporting.
        (_, Err(e)) | (Err(commands::CommandError(_)), Err(e))
            if e.kind() == io::ErrorKind::BrokenPipe =>
        {
            ExitCode::SUCCESS
        }
        (Err(commands::CommandError(message)), _) => {
            eprintln!("skillscope: {message}");
            ExitCode::FAILURE
        }
        (Ok(_), Err(e)) => {
            eprintln!("skillscope: {e}");
            ExitCode::FAILURE
        }
    }
}
