//! `skillscope show CODE`: one skill in full, or one level of it.

use std::io::Write;
use std::process::ExitCode;

use serde_json::Value;

use super::{text_style, CommandError, CommandResult};
use crate::cli::args::{Format, OutputArgs};
use crate::data::catalog::Catalog;
use crate::data::model::Level;
use crate::query::render::skill::{skill_document, skill_json, skill_markdown};

pub fn run(
    catalog: &Catalog,
    code: &str,
    level: Option<u8>,
    framework: Option<&str>,
    output: &OutputArgs,
    out: &mut dyn Write,
) -> CommandResult {
    let found = catalog.find(code, framework);
    if found.is_empty() {
        return Err(super::no_such_skill(catalog, code, framework));
    }
    let level = level.and_then(Level::new);
    if let Some(level) = level {
        if let Some(&i) = found
            .iter()
            .find(|&&i| !catalog.entries[i].skill.is_defined_at(level))
        {
            let skill = &catalog.entries[i].skill;
            return Err(CommandError::Failed(format!(
                "{} is not defined at level {level}; it is defined at levels {}",
                skill.code,
                skill.level_range_text()
            )));
        }
    }
    match output.format {
        Format::Json => {
            let skills: Vec<Value> = found
                .iter()
                .map(|&i| skill_json(catalog, &catalog.entries[i], level))
                .collect();
            let value = if skills.len() == 1 {
                skills[0].clone()
            } else {
                Value::Array(skills)
            };
            super::write_json(out, &value)?;
        }
        Format::Markdown => {
            let parts: Vec<String> = found
                .iter()
                .map(|&i| skill_markdown(catalog, &catalog.entries[i], level))
                .collect();
            write!(out, "{}", parts.join("\n"))?;
        }
        Format::Text => {
            let style = text_style(output);
            let parts: Vec<String> = found
                .iter()
                .map(|&i| {
                    let entry = &catalog.entries[i];
                    style.document(&skill_document(catalog, entry, level, style.width))
                })
                .collect();
            write!(out, "{}", parts.join("\n"))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
