//! `skillscope list`: skills with the levels at which each is defined.

use std::io::Write;
use std::process::ExitCode;

use serde_json::json;
use unicode_width::UnicodeWidthStr;

use super::{text_style, CommandResult};
use crate::cli::args::{Format, OutputArgs};
use crate::data::catalog::{Catalog, Entry};
use crate::data::model::Level;
use crate::query::render::skill::skill_json;
use crate::query::render::{level_grid_text, markdown_escape, placement};

pub fn run(
    catalog: &Catalog,
    category: Option<&str>,
    level: Option<u8>,
    framework: Option<&str>,
    output: &OutputArgs,
    out: &mut dyn Write,
) -> CommandResult {
    let category = category.map(str::to_lowercase);
    let level = level.and_then(Level::new);
    let entries: Vec<&Entry> = catalog
        .entries
        .iter()
        .filter(|e| framework.is_none_or(|f| catalog.framework_matches(e, f)))
        .filter(|e| level.is_none_or(|l| e.skill.is_defined_at(l)))
        .filter(|e| {
            category
                .as_deref()
                .is_none_or(|c| placement(e).to_lowercase().contains(c))
        })
        .collect();
    match output.format {
        Format::Json => {
            let skills: Vec<_> = entries
                .iter()
                .map(|e| skill_json(catalog, e, None))
                .collect();
            super::write_json(out, &json!(skills))?;
        }
        Format::Markdown => {
            writeln!(out, "| Code | Skill | Levels | Category | Framework |")?;
            writeln!(out, "|---|---|---|---|---|")?;
            for e in &entries {
                writeln!(
                    out,
                    "| {} | {}{} | {} | {} | {} |",
                    markdown_escape(e.skill.code.as_str()),
                    markdown_escape(&e.skill.name),
                    status_suffix(e),
                    e.skill.level_range_text(),
                    markdown_escape(&placement(e)),
                    markdown_escape(&catalog.framework_of(e).title()),
                )?;
            }
        }
        Format::Text => {
            let style = text_style(output);
            let shared = shared_codes(&entries);
            // Skills whose code another framework also holds say which framework they are from.
            let label = |e: &Entry| {
                let from = if shared.contains(e.skill.code.as_str()) {
                    format!(" [{}]", catalog.framework_of(e).title())
                } else {
                    String::new()
                };
                format!("{}{}{from}", e.skill.name, status_suffix(e))
            };
            let name_width = entries
                .iter()
                .map(|e| label(e).width())
                .max()
                .unwrap_or(0)
                .min(48);
            for e in &entries {
                let name = label(e);
                let pad = name_width.saturating_sub(name.width());
                let line = format!(
                    "{:<6} {name}{}  {}  {}",
                    e.skill.code.as_str(),
                    " ".repeat(pad),
                    level_grid_text(e),
                    placement(e)
                );
                writeln!(out, "{}", style.fit(&line))?;
            }
            if entries.is_empty() {
                writeln!(out, "No skills match.")?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The codes that more than one of `entries` holds.
fn shared_codes<'e>(entries: &[&'e Entry]) -> std::collections::HashSet<&'e str> {
    let mut seen = std::collections::HashSet::new();
    (entries.iter())
        .map(|e| e.skill.code.as_str())
        .filter(|code| !seen.insert(*code))
        .collect()
}

fn status_suffix(entry: &Entry) -> String {
    if entry.skill.status.is_published() {
        String::new()
    } else {
        format!(" ({})", entry.skill.status.label())
    }
}
