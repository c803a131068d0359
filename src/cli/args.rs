//! The command line, as clap definitions.

use std::path::PathBuf;
use std::str::FromStr;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::data::model::{Code, Level};
use crate::data::profile::ProfileName;

#[derive(Debug, Parser)]
#[command(
    name = "skillscope",
    version,
    about = "Browse skills frameworks such as SFIA in the terminal",
    long_about = "Browse skills frameworks such as SFIA in the terminal.\n\n\
        With no command, opens the browser. The commands make the same data usable in scripts."
)]
pub struct Cli {
    #[command(flatten)]
    pub sources: SourceArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Args, Default)]
pub struct SourceArgs {
    /// Also load this RON file or folder of *.ron files (repeatable; later ones win)
    #[arg(long, value_name = "PATH", global = true)]
    pub data: Vec<PathBuf>,
    /// Leave out the data built into skillscope
    #[arg(long, global = true)]
    pub no_default_data: bool,
    /// Leave out the user data folder (see `skillscope paths`)
    #[arg(long, global = true)]
    pub no_user_data: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Wrap text to this many columns (default: the terminal's width, else 80)
    #[arg(long, value_name = "N")]
    pub width: Option<u16>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List skills with the levels at which each is defined
    List {
        /// Only skills whose category or subcategory contains this text
        #[arg(long)]
        category: Option<String>,
        /// Only skills defined at this level
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=7))]
        level: Option<u8>,
        /// Only skills of this framework ("SFIA" or "SFIA 9")
        #[arg(long)]
        framework: Option<String>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Show a skill in full, or one level of it
    Show {
        /// The skill code, such as RELM
        code: String,
        /// Only this level
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=7))]
        level: Option<u8>,
        /// Only the skill of this framework ("SFIA" or "SFIA 9")
        #[arg(long)]
        framework: Option<String>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Search codes, names, categories, descriptions, guidance and level statements
    Search {
        /// Words that must all match
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Show at most this many results
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Compare the statements of two levels word by word, side by side
    Compare {
        /// The left side, CODE:LEVEL such as RELM:4
        left: SkillLevel,
        /// The right side, such as RELM:5 (the next level) or DSOP:5 (another skill)
        right: SkillLevel,
        /// Only skills of this framework ("SFIA" or "SFIA 9"), for both sides unless
        /// --left-framework or --right-framework names one side's
        #[arg(long)]
        framework: Option<String>,
        /// The left side's framework, instead of --framework (to compare two editions)
        #[arg(long, value_name = "FRAMEWORK")]
        left_framework: Option<String>,
        /// The right side's framework, instead of --framework
        #[arg(long, value_name = "FRAMEWORK")]
        right_framework: Option<String>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// The levels of responsibility: the list, one level with its attributes, or two compared
    #[command(
        long_about = "The levels of responsibility and the attributes that define them.\n\n\
        With no level, lists the levels: number, name and essence. With one, shows that level: \
        its name, essence and guidance, then every attribute's text at it. With two, puts them \
        side by side attribute by attribute, words added and removed marked as by `compare`. \
        Attribute texts come with the SFIA spreadsheet (`skillscope import FILE`)."
    )]
    Levels {
        /// A level to show (1 to 7), or two to compare side by side
        #[arg(value_name = "LEVEL", num_args = 0..=2,
              value_parser = clap::value_parser!(u8).range(1..=7))]
        levels: Vec<u8>,
        /// Only the attribute with this code, such as AUTO (repeatable; with a level)
        #[arg(long = "attribute", value_name = "CODE")]
        attributes: Vec<String>,
        /// The levels of this framework ("SFIA" or "SFIA 9"); default: the newest edition with
        /// attributes, else the first with levels
        #[arg(long)]
        framework: Option<String>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Profiles: your levels and targets, or the levels a role requires
    #[command(
        long_about = "Profiles: your levels and targets, or the levels a role requires.\n\n\
        A profile is a named list of skills, each at a level, with an optional target level \
        and note. Each is a RON file in profiles/ of the user data folder (see `skillscope \
        paths`). `skillscope gap` compares two of them."
    )]
    Profile {
        #[command(subcommand)]
        action: ProfileAction,
    },
    /// What profile FROM lacks for profile TO, or for FROM's own targets
    #[command(
        long_about = "What profile FROM lacks for profile TO, or, without TO, for FROM's own \
        targets.\n\n\
        Lists the skills required that FROM lacks (with what the required level says), the \
        skills below the required level (the comparison from FROM's level to the required \
        one, word by word as `compare` shows it), and a line for each skill met, exceeded, or \
        not loaded. The exit status is 0 whatever the gap."
    )]
    Gap {
        /// The profile that stands, such as me
        #[arg(value_parser = profile_name)]
        from: ProfileName,
        /// The profile whose levels are required (default: FROM's own targets)
        #[arg(value_parser = profile_name)]
        to: Option<ProfileName>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Check data files and report every error with path:line:column
    Validate {
        /// RON files or folders of them
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Show where data and configuration are read from
    Paths,
    /// Import the official SFIA spreadsheet (.xlsx, or a .csv of its skills sheet) as a data file
    #[command(
        long_about = "Import the official SFIA spreadsheet as a data file.\n\n\
        Reads the skills sheet of an .xlsx file (and its levels of responsibility and \
        attributes when present, or from --levels and --attributes files) or a .csv export \
        of the skills sheet, and writes a RON data file into \
        the user data folder (see `skillscope paths`), where the browser and the commands \
        find it. Rows that cannot become skills are reported with their row numbers and \
        left out."
    )]
    Import(ImportArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output, or write every page into a folder
    Man {
        /// A command whose own page to print (skillscope-COMMAND(1)), such as import
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
        /// Write every page (skillscope.1 and skillscope-COMMAND.1) into this folder instead,
        /// replacing the pages there, and list the files written
        #[arg(long, value_name = "DIR", conflicts_with = "command")]
        out_dir: Option<PathBuf>,
    },
}

/// What `skillscope profile` does.
#[derive(Debug, Subcommand)]
pub enum ProfileAction {
    /// The profiles, with how many skills each
    List {
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Put a skill at a level in a profile, creating the profile if needed
    Set {
        /// The profile: letters, digits, '-', '_' and spaces
        #[arg(value_parser = profile_name)]
        name: ProfileName,
        /// The skill code, such as RELM
        code: String,
        /// The level (one the skill defines)
        #[arg(value_parser = level)]
        level: Level,
        /// The level aimed at (kept when not given)
        #[arg(long, value_parser = level)]
        target: Option<Level>,
        /// A note: evidence, plans (kept when not given)
        #[arg(long)]
        note: Option<String>,
        /// The skill of this framework ("SFIA" or "SFIA 9")
        #[arg(long)]
        framework: Option<String>,
    },
    /// Take a skill out of a profile
    Unset {
        #[arg(value_parser = profile_name)]
        name: ProfileName,
        /// The skill code, such as RELM
        code: String,
        /// Only the skill of this framework ("SFIA" or "SFIA 9")
        #[arg(long)]
        framework: Option<String>,
    },
    /// Delete a profile's file
    Delete {
        #[arg(value_parser = profile_name)]
        name: ProfileName,
    },
    /// Show a profile; Markdown is a document to hand over
    Show {
        #[arg(value_parser = profile_name)]
        name: ProfileName,
        /// Output format
        #[arg(long, value_enum, default_value_t = ProfileFormat::Text)]
        format: ProfileFormat,
        /// Wrap text to this many columns (default: the terminal's width, else 80)
        #[arg(long, value_name = "N")]
        width: Option<u16>,
    },
}

/// The formats of `skillscope profile show`: those of the other commands, and CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ProfileFormat {
    #[default]
    Text,
    Markdown,
    Json,
    /// A row per skill: framework, edition, code, name, level, target, note
    Csv,
}

fn profile_name(text: &str) -> Result<ProfileName, String> {
    ProfileName::new(text)
}

fn level(text: &str) -> Result<Level, String> {
    (text.parse::<u8>().ok())
        .and_then(Level::new)
        .ok_or_else(|| format!("{text:?} is not a level: a number from 1 to 7"))
}

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The spreadsheet: .xlsx (or .xlsm) or .csv (.xls, .xlsb and .ods: save as .xlsx first)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Write here instead of the user data folder
    #[arg(short, long, value_name = "OUT.ron")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists
    #[arg(long)]
    pub force: bool,
    /// The framework's name (default: "SFIA" when the file name says so, else the file's name)
    #[arg(long, value_name = "NAME")]
    pub framework: Option<String>,
    /// The edition, such as 9 (default: from the file name, e.g. sfia-9_….xlsx)
    #[arg(long, value_name = "E")]
    pub edition: Option<String>,
    /// The levels of responsibility from this file (.xlsx or .csv), for editions that ship them
    /// apart from the skills (default: a "Levels of responsibility" sheet in FILE)
    #[arg(long, value_name = "LEVELS_FILE")]
    pub levels: Option<PathBuf>,
    /// The attributes (autonomy, influence, …, business skills) from this file (.xlsx or .csv)
    /// (default: an "Attributes" sheet in FILE, else the levels table)
    #[arg(long, value_name = "ATTRIBUTES_FILE")]
    pub attributes: Option<PathBuf>,
}

/// A skill at one level, written `CODE:LEVEL` on the command line (`RELM:4`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillLevel {
    /// As typed; looked up case-insensitively.
    pub code: String,
    pub level: Level,
}

impl FromStr for SkillLevel {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        const EXPECTED: &str = "expected CODE:LEVEL, e.g. RELM:4";
        let Some((code, level)) = text.split_once(':') else {
            return Err(EXPECTED.to_string());
        };
        if Code::new(code).is_err() {
            return Err(format!("{EXPECTED} (CODE is letters and digits)"));
        }
        let level = level
            .parse::<u8>()
            .ok()
            .and_then(Level::new)
            .ok_or_else(|| format!("{EXPECTED} (LEVEL is a number from 1 to 7)"))?;
        Ok(SkillLevel {
            code: code.to_string(),
            level,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skill_levels_are_code_colon_level() {
        let parsed: SkillLevel = "relm:4".parse().unwrap();
        assert_eq!(parsed.code, "relm");
        assert_eq!(parsed.level.get(), 4);
        for bad in [
            "RELM", "RELM:", ":4", "RELM:0", "RELM:8", "RELM:x", "RE LM:4", "RELM:4:5",
        ] {
            let error = bad.parse::<SkillLevel>().unwrap_err();
            assert!(
                error.starts_with("expected CODE:LEVEL, e.g. RELM:4"),
                "{bad}: {error}"
            );
        }
    }
}
