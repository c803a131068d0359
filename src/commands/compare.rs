//! `skillscope compare RELM:4 RELM:5`: two levels' statements side by side, word by word.

mod columns;

use std::io::Write;
use std::process::ExitCode;

use serde_json::{json, Value};

use super::{text_style, CommandError, CommandResult};
use crate::catalog::{Catalog, Entry};
use crate::cli::{Format, OutputArgs, SkillLevel};
use crate::diff::{change_counts, compare_statements, Change, DiffLine, DiffRow, Word};
use crate::model::{Level, Statement};
use crate::output::{level_heading, level_label, markdown_escape};
use columns::side_by_side;

/// One side of the comparison, found in the catalog.
struct Side<'a> {
    catalog: &'a Catalog,
    entry: &'a Entry,
    level: Level,
}

impl Side<'_> {
    fn statements(&self) -> &[Statement] {
        self.entry.skill.statements(self.level).unwrap_or_default()
    }

    /// "RELM L4 — Enable", or "SFIA 8 · RELM L4 — Enable" when `other` is in another framework.
    fn heading(&self, other: &Side) -> String {
        let named = self.entry.framework != other.entry.framework;
        level_heading(self.catalog, self.entry, self.level, named)
    }

    /// "RELM L4", or "SFIA 8 · RELM L4" when `other` is in another framework.
    fn label(&self, other: &Side) -> String {
        let named = self.entry.framework != other.entry.framework;
        level_label(self.catalog, self.entry, self.level, named)
    }

    fn json(&self) -> Value {
        let framework = self.catalog.framework_of(self.entry);
        json!({
            "code": self.entry.skill.code.as_str(),
            "name": self.entry.skill.name,
            "framework": framework.name,
            "edition": framework.edition,
            "level": self.level.get(),
            "level_name": framework.level_name(self.level),
            "statements": self.statements(),
        })
    }
}

/// The framework each side is looked up in, if one is given.
#[derive(Debug, Clone, Copy)]
pub struct Frameworks<'a> {
    pub left: Option<&'a str>,
    pub right: Option<&'a str>,
}

pub fn run(
    catalog: &Catalog,
    [left, right]: [&SkillLevel; 2],
    frameworks: Frameworks,
    output: &OutputArgs,
    out: &mut dyn Write,
) -> CommandResult {
    let left = find_side(catalog, left, frameworks.left, "--left-framework")?;
    let right = find_side(catalog, right, frameworks.right, "--right-framework")?;
    let rows = compare_statements(left.statements(), right.statements());
    let (added, removed, unchanged) = change_counts(&rows);
    match output.format {
        Format::Json => {
            let value = json!({
                "left": left.json(),
                "right": right.json(),
                "rows": rows,
                "summary": {"added": added, "removed": removed, "unchanged": unchanged},
            });
            super::write_json(out, &value)?;
        }
        Format::Markdown => {
            write!(out, "{}", markdown(&left, &right, &rows))?;
            writeln!(out, "\n{}", summary(added, removed))?;
        }
        Format::Text => {
            let style = text_style(output);
            let headings = [left.heading(&right), right.heading(&left)];
            write!(out, "{}", side_by_side(&headings, &rows, style))?;
            writeln!(out, "\n{}", summary(added, removed))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The one skill `wanted` names, defined at the wanted level, or an error that says what to type.
fn find_side<'a>(
    catalog: &'a Catalog,
    wanted: &SkillLevel,
    framework: Option<&str>,
    side_option: &str,
) -> Result<Side<'a>, CommandError> {
    let code = &wanted.code;
    let found = catalog.find(code, framework);
    let entry = match found.as_slice() {
        [] => {
            let within = framework
                .map(|f| format!(" in framework {f:?}"))
                .unwrap_or_default();
            return Err(CommandError::Failed(format!(
                "no skill with code {code:?}{within} (try `skillscope search {code}`)"
            )));
        }
        [i] => &catalog.entries[*i],
        several => {
            let titles: Vec<String> = several
                .iter()
                .map(|&i| catalog.framework_of(&catalog.entries[i]).title())
                .collect();
            return Err(CommandError::Failed(format!(
                "{} is in several frameworks ({}); choose one with --framework \
                 (or {side_option} for this side only)",
                catalog.entries[several[0]].skill.code,
                titles.join(", ")
            )));
        }
    };
    let skill = &entry.skill;
    if !skill.is_defined_at(wanted.level) {
        return Err(CommandError::Failed(format!(
            "{code}:{level} is not defined: {code} is defined at levels {range}",
            code = skill.code,
            level = wanted.level,
            range = skill.level_range_text()
        )));
    }
    Ok(Side {
        catalog,
        entry,
        level: wanted.level,
    })
}

/// The comparison of two levels as a Markdown document (the browser's `e` export uses it).
pub fn markdown_document(
    catalog: &Catalog,
    left: (&Entry, Level),
    right: (&Entry, Level),
) -> String {
    let [left, right] = [left, right].map(|(entry, level)| Side {
        catalog,
        entry,
        level,
    });
    let rows = compare_statements(left.statements(), right.statements());
    let (added, removed, _) = change_counts(&rows);
    format!(
        "{}\n{}\n",
        markdown(&left, &right, &rows),
        summary(added, removed)
    )
}

/// "+3 words, −2 words"
pub fn summary(added: usize, removed: usize) -> String {
    let words = |n: usize| if n == 1 { "word" } else { "words" };
    format!("+{added} {}, −{removed} {}", words(added), words(removed))
}

/// A table with a column per side; added words in **bold**, removed ones ~~struck~~.
fn markdown(left: &Side, right: &Side, rows: &[DiffRow]) -> String {
    let e = markdown_escape;
    let mut out = format!(
        "## {} → {}\n\n| {} | {} |\n|---|---|\n",
        e(&left.label(right)),
        e(&right.label(left)),
        e(&left.heading(right)),
        e(&right.heading(left)),
    );
    for row in rows {
        let cell = |line: &Option<DiffLine>| line.as_ref().map(markdown_line).unwrap_or_default();
        out.push_str(&format!("| {} | {} |\n", cell(&row.left), cell(&row.right)));
    }
    out
}

/// Words escaped, runs of changed words grouped into one span each.
fn markdown_line(line: &DiffLine) -> String {
    groups(&line.words)
        .map(|(change, words)| {
            let text = words
                .iter()
                .map(|w| markdown_escape(&w.text))
                .collect::<Vec<_>>()
                .join(" ");
            match change {
                Change::Unchanged => text,
                Change::Added => format!("**{text}**"),
                Change::Removed => format!("~~{text}~~"),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs of consecutive words with the same change.
fn groups(words: &[Word]) -> impl Iterator<Item = (Change, &[Word])> {
    words
        .chunk_by(|a, b| a.change == b.change)
        .map(|run| (run[0].change, run))
}
