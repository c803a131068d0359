//! `skillscope compare RELM:4 RELM:5`: two levels' statements side by side, word by word.

use std::io::Write;
use std::process::ExitCode;

use serde_json::json;

use super::{text_style, CommandError, CommandResult};
use crate::cli::args::{Format, OutputArgs, SkillLevel};
use crate::data::catalog::Catalog;
use crate::query::diff::{change_counts, compare_statements, paired_by_position};
use crate::query::render::comparison::columns::ChangeMarks;
use crate::query::render::comparison::printed::printed_comparison;
use crate::query::render::comparison::{markdown, rows_summary, Side};

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
                "summary": {
                    "added": added,
                    "removed": removed,
                    "unchanged": unchanged,
                    "paired_by_position": paired_by_position(&rows),
                },
            });
            super::write_json(out, &value)?;
        }
        Format::Markdown => {
            write!(out, "{}", markdown(&left, &right, &rows))?;
            writeln!(out, "\n{}", rows_summary(&rows))?;
        }
        Format::Text => {
            let style = text_style(output);
            // Without colour, the changes are shown in brackets.
            let marks = if style.color {
                ChangeMarks::Styled
            } else {
                ChangeMarks::Bracketed
            };
            let document = printed_comparison(&left, &right, &rows, style.width, marks);
            write!(out, "{}", style.document(&document))?;
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
