//! The non-interactive commands: the clap definitions ([`args`]) and one file per command, each
//! a thin face over the domain: parse, call `data` and `query`, write the result.

pub mod args;
mod compare;
mod completions;
mod import;
mod json;
mod levels;
mod list;
mod paths;
mod profile;
mod search;
mod show;
pub mod style;
mod validate;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use crate::cli::args::{Command, Format, OutputArgs, SourceArgs};
use crate::config::{ConfigCheck, ConfigStatus};
use crate::data::catalog::Catalog;
use crate::data::paths::UserPaths;
use crate::data::sources::{load_catalog, SourceSelection};
pub use json::write_json;
use style::TextStyle;

/// Why a command stopped.
#[derive(Debug)]
pub enum CommandError {
    /// Reported to the user after "skillscope: ", with exit code 1.
    Failed(String),
    /// The reader went away (`skillscope list | head`): nothing to report.
    OutputClosed,
}

impl From<io::Error> for CommandError {
    fn from(error: io::Error) -> Self {
        if error.kind() == io::ErrorKind::BrokenPipe {
            CommandError::OutputClosed
        } else {
            CommandError::Failed(error.to_string())
        }
    }
}

pub type CommandResult = Result<ExitCode, CommandError>;

/// The sources the command line asks for.
pub fn source_selection(args: &SourceArgs, user: Option<&UserPaths>) -> SourceSelection {
    SourceSelection {
        built_in: !args.no_default_data,
        user_data_dir: if args.no_user_data {
            None
        } else {
            user.map(|u| u.data_dir.clone())
        },
        extra: args.data.clone(),
    }
}

/// Loads the catalog and reports every file that failed on stderr; those never stop a command.
/// Text and Markdown are written from a printable catalog, JSON from the original text.
pub fn load_reporting_errors(
    args: &SourceArgs,
    user: Option<&UserPaths>,
    format: Format,
) -> &'static Catalog {
    let mut catalog = load_catalog(&source_selection(args, user));
    report_errors(&catalog);
    if format != Format::Json {
        catalog.make_printable();
    }
    until_exit(catalog)
}

/// The catalog with its text as written (not yet printable), every failed file reported.
fn load_as_written(args: &SourceArgs, user: Option<&UserPaths>) -> &'static Catalog {
    let catalog = load_catalog(&source_selection(args, user));
    report_errors(&catalog);
    until_exit(catalog)
}

/// A command loads its data once and exits once it has written: the data is kept to the end
/// instead of being freed a string at a time, since the system takes a process's memory back
/// at once.
fn until_exit(catalog: Catalog) -> &'static Catalog {
    Box::leak(Box::new(catalog))
}

/// The error for a code that names no skill (in `framework`, when one is given): the nearest
/// codes when some are close ("did you mean PROG?"), else a search to try.
pub(crate) fn no_such_skill(
    catalog: &Catalog,
    code: &str,
    framework: Option<&str>,
) -> CommandError {
    let within = framework
        .map(|f| format!(" in framework {f:?}"))
        .unwrap_or_default();
    let nearest = crate::query::nearest::nearest_codes(catalog, code, framework);
    let hint = match nearest.as_slice() {
        [] => format!("try `skillscope search {code}`"),
        codes => format!("did you mean {}?", codes.join(", ")),
    };
    CommandError::Failed(format!("no skill with code {code:?}{within} ({hint})"))
}

/// Says something the user should know on stderr, after "skillscope: ", printable.
pub(crate) fn note(message: &str) {
    let safe = crate::data::sanitize::printable(message, crate::data::sanitize::Lines::Multi);
    let _ = writeln!(io::stderr().lock(), "skillscope: {safe}");
}

/// Reports every file that failed to load on stderr.
fn report_errors(catalog: &Catalog) {
    for error in &catalog.errors {
        note(&format!("warning: {error} (skipped)"));
    }
}

/// What became of the user's config file, checked by `check` as the browser would use it.
pub fn config_status(user: Option<&UserPaths>, check: ConfigCheck) -> Option<ConfigStatus> {
    Some(check(&user?.config_file()))
}

/// Warns on stderr when the config file is bad. The commands use none of its settings (they
/// are the browser's), but a mistake should not wait for the next browser session to show.
fn warn_about_config(user: Option<&UserPaths>, check: ConfigCheck) {
    if let Some(ConfigStatus::Failed(error)) = config_status(user, check) {
        note(&format!(
            "warning: {error} (config file not used: defaults apply)"
        ));
    }
}

/// Whether text output may be coloured: only on a terminal, never with NO_COLOR set.
pub fn color_allowed() -> bool {
    io::stdout().is_terminal() && crate::config::color_enabled_here()
}

pub fn text_style(output: &OutputArgs) -> TextStyle {
    let terminal = io::stdout().is_terminal();
    let columns = std::env::var("COLUMNS").ok();
    let terminal_width = terminal
        .then(|| crossterm::terminal::size().ok().map(|(w, _)| w))
        .flatten();
    TextStyle {
        width: text_width(output.width, columns.as_deref(), terminal_width),
        color: color_allowed(),
        cut_long_lines: terminal || output.width.is_some(),
    }
}

/// The width text is laid out for: `--width`; else `COLUMNS` when it holds a width; else the
/// terminal's, when it reports one (`docker exec -t` and `kubectl exec -t` often report 0
/// columns); else 80.
fn text_width(option: Option<u16>, columns: Option<&str>, terminal: Option<u16>) -> usize {
    const NARROWEST: usize = 20;
    const DEFAULT: usize = 80;
    if let Some(width) = option {
        return usize::from(width).max(NARROWEST);
    }
    let from_env = columns
        .and_then(|text| text.trim().parse::<usize>().ok())
        .filter(|&width| width > 0);
    let from_terminal = terminal.map(usize::from).filter(|&width| width > 0);
    from_env.or(from_terminal).unwrap_or(DEFAULT).max(NARROWEST)
}

/// What the commands need to know of the browser, handed in by `main.rs`, which holds both faces
/// (the commands do not import the browser).
#[derive(Clone, Copy)]
pub struct FromBrowser {
    /// Checks the config file as the browser would use it, for the warnings and
    /// `skillscope paths`.
    pub check_config: ConfigCheck,
    /// The browser's default keys, mode by mode, for the manual page.
    pub keys: fn() -> Vec<ModeKeys>,
}

/// A mode of the browser ("Browsing") and its keys: (keys, what they do).
pub type ModeKeys = (&'static str, Vec<(String, &'static str)>);

/// Runs a subcommand, writing its output to `out`.
pub fn run(
    command: &Command,
    sources: &SourceArgs,
    browser: &FromBrowser,
    out: &mut dyn Write,
) -> CommandResult {
    let check_config = browser.check_config;
    let user = UserPaths::discover();
    if matches!(
        command,
        Command::List { .. }
            | Command::Show { .. }
            | Command::Search { .. }
            | Command::Compare { .. }
            | Command::Levels { .. }
            | Command::Profile { .. }
            | Command::Gap { .. }
    ) {
        warn_about_config(user.as_ref(), check_config);
    }
    match command {
        Command::List {
            category,
            level,
            framework,
            output,
        } => {
            let catalog = load_reporting_errors(sources, user.as_ref(), output.format);
            list::run(
                catalog,
                category.as_deref(),
                *level,
                framework.as_deref(),
                output,
                out,
            )
        }
        Command::Show {
            code,
            level,
            framework,
            output,
        } => {
            let catalog = load_reporting_errors(sources, user.as_ref(), output.format);
            show::run(catalog, code, *level, framework.as_deref(), output, out)
        }
        Command::Search {
            query,
            limit,
            output,
        } => {
            // A search reads every skill but prints a few: only what it prints is made printable.
            let catalog = load_as_written(sources, user.as_ref());
            search::run(catalog, &query.join(" "), *limit, output, out)
        }
        Command::Compare {
            left,
            right,
            framework,
            left_framework,
            right_framework,
            output,
        } => {
            let catalog = load_reporting_errors(sources, user.as_ref(), output.format);
            let both = framework.as_deref();
            let frameworks = compare::Frameworks {
                left: left_framework.as_deref().or(both),
                right: right_framework.as_deref().or(both),
            };
            compare::run(catalog, [left, right], frameworks, output, out)
        }
        Command::Levels {
            levels,
            attributes,
            framework,
            output,
        } => {
            let catalog = load_reporting_errors(sources, user.as_ref(), output.format);
            let wanted = levels::Wanted {
                levels,
                attributes,
                framework: framework.as_deref(),
            };
            levels::run(catalog, wanted, output, out)
        }
        Command::Profile { action } => profile::run(action, sources, user.as_ref(), out),
        Command::Gap { from, to, output } => {
            profile::run_gap(sources, user.as_ref(), from, to.as_ref(), output, out)
        }
        Command::Validate { paths } => validate::run(paths, out),
        Command::Paths => paths::run(sources, user.as_ref(), check_config, out),
        Command::Import(args) => import::run(args, user.as_ref(), out),
        Command::Completions { shell } => completions::completions(*shell, out),
        Command::Man {
            command,
            out_dir: None,
        } => completions::man(command.as_deref(), browser.keys, out),
        Command::Man {
            out_dir: Some(dir), ..
        } => completions::man_pages_into(dir, browser.keys, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_width_comes_from_the_option_then_columns_then_the_terminal_then_80() {
        assert_eq!(text_width(Some(100), Some("60"), Some(120)), 100);
        assert_eq!(text_width(Some(5), None, None), 20);
        assert_eq!(text_width(None, Some("60"), Some(120)), 60);
        assert_eq!(text_width(None, Some(" 132 "), None), 132);
        assert_eq!(text_width(None, None, Some(120)), 120);
        // A terminal reporting no columns, an empty or junk COLUMNS: 80, never 20.
        assert_eq!(text_width(None, None, Some(0)), 80);
        assert_eq!(text_width(None, Some("0"), Some(0)), 80);
        assert_eq!(text_width(None, Some(""), None), 80);
        assert_eq!(text_width(None, Some("wide"), Some(0)), 80);
        assert_eq!(text_width(None, None, None), 80);
    }
}
