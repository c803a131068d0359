//! `skillscope compare RELM:4 RELM:5`: two levels' statements side by side, word by word.

use std::io::Write;
use std::process::ExitCode;

use serde_json::json;

use super::{text_style, CommandError, CommandResult};
use crate::cli::args::{Format, OutputArgs, SkillLevel};
use crate::data::catalog::{Catalog, Choice};
use crate::query::diff::{change_counts, compare_statements, paired_by_position, DiffRow};
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
    let (left, left_note) = find_side(catalog, left, frameworks.left, "--left-framework")?;
    let (right, right_note) = find_side(catalog, right, frameworks.right, "--right-framework")?;
    // Both sides of `compare RELM:4 RELM:5` chose the same way: said once.
    for note in left_note
        .iter()
        .chain(right_note.iter().filter(|n| Some(*n) != left_note.as_ref()))
    {
        super::note(note);
    }
    let rows = compare_statements(left.statements(), right.statements());
    let (added, removed, unchanged) = change_counts(&rows);
    match output.format {
        Format::Json => {
            // Written as the rows stand, not built into a JSON value first: a comparison of
            // a hundred thousand statements a side would otherwise hold every word twice more.
            // Fields in alphabetical order, as JSON values are written.
            #[derive(serde::Serialize)]
            struct ComparisonJson<'r> {
                left: serde_json::Value,
                right: serde_json::Value,
                rows: &'r [DiffRow],
                summary: serde_json::Value,
            }
            let value = ComparisonJson {
                left: left.json(),
                right: right.json(),
                rows: &rows,
                summary: json!({
                    "added": added,
                    "removed": removed,
                    "unchanged": unchanged,
                    "paired_by_position": paired_by_position(&rows),
                }),
            };
            super::write_json(out, &value)?;
        }
        Format::Markdown => {
            write!(out, "{}", markdown(&left, &right, &rows))?;
            writeln!(out, "\n{}", rows_summary(&rows))?;
        }
        Format::Text => {
            let style = text_style(output);
            let document =
                printed_comparison(&left, &right, rows, style.width, style.change_marks());
            style.write_document(out, &document)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The one skill `wanted` names, defined at the wanted level, with a note when it was chosen
/// among editions; or an error that says what to type.
fn find_side<'a>(
    catalog: &'a Catalog,
    wanted: &SkillLevel,
    framework: Option<&str>,
    side_option: &str,
) -> Result<(Side<'a>, Option<String>), CommandError> {
    let code = &wanted.code;
    let mut note = None;
    let titles = |entries: &[usize]| -> Vec<String> {
        (entries.iter())
            .map(|&i| catalog.framework_of(&catalog.entries[i]).title())
            .collect()
    };
    let entry = match catalog.choose(code, framework) {
        Choice::Missing => return Err(super::no_such_skill(catalog, code, framework)),
        Choice::One(i) => &catalog.entries[i],
        Choice::Newest { entry, others } => {
            let chosen = &catalog.entries[entry];
            note = Some(format!(
                "{} is also in {}; using {} (choose with --framework)",
                chosen.skill.code,
                titles(&others).join(", "),
                catalog.framework_of(chosen).title()
            ));
            chosen
        }
        Choice::Several(several) => {
            return Err(CommandError::Failed(format!(
                "{} is in several frameworks ({}); choose one with --framework \
                 (or {side_option} for this side only)",
                catalog.entries[several[0]].skill.code,
                titles(&several).join(", ")
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
    let side = Side {
        catalog,
        entry,
        level: wanted.level,
    };
    Ok((side, note))
}
