//! `skillscope search QUERY`: ranked matches, each saying where it matched.

use std::io::Write;
use std::process::ExitCode;

use serde_json::json;

use super::{text_style, CommandResult};
use crate::cli::args::{Format, OutputArgs};
use crate::data::catalog::Catalog;
use crate::data::sanitize::{printable, Lines};
use crate::query::render::markdown_escape;
use crate::query::render::skill::skill_json;
use crate::query::search::{hit_detail, Hit, Query, SearchIndex};

/// Prints the first `limit` matches of `text` in `catalog`, whose text is as written: text and
/// Markdown output make what they print printable.
pub fn run(
    catalog: &Catalog,
    text: &str,
    limit: usize,
    output: &OutputArgs,
    out: &mut dyn Write,
) -> CommandResult {
    let query = Query::parse(text);
    let index = SearchIndex::new(catalog);
    let hits = index.search(&query);
    let shown = &hits[..hits.len().min(limit)];
    print(catalog, shown, hits.len(), text, &query, output, out)
}

/// Prints `shown`, the first of `total` hits, whose entries are in `catalog`.
fn print(
    catalog: &Catalog,
    shown: &[Hit],
    total: usize,
    text: &str,
    query: &Query,
    output: &OutputArgs,
    out: &mut dyn Write,
) -> CommandResult {
    match output.format {
        Format::Json => {
            let results: Vec<_> = shown
                .iter()
                .map(|hit| {
                    let entry = &catalog.entries[hit.entry];
                    let detail = hit_detail(entry, hit, query);
                    let char_ranges: Vec<[usize; 2]> = detail
                        .snippet_ranges
                        .iter()
                        .map(|r| {
                            [
                                detail.snippet[..r.start].chars().count(),
                                detail.snippet[..r.end].chars().count(),
                            ]
                        })
                        .collect();
                    json!({
                        "skill": skill_json(catalog, entry, None),
                        "score": hit.score,
                        "matched": hit.place.label(),
                        "level": hit.place.level().map(|l| l.get()),
                        "snippet": detail.snippet,
                        "ranges": char_ranges,
                    })
                })
                .collect();
            let value = json!({ "query": text, "total": total, "results": results });
            super::write_json(out, &value)?;
        }
        Format::Markdown => {
            let escape = |text: &str| markdown_escape(&printable(text, Lines::Single));
            for (rank, hit) in shown.iter().enumerate() {
                let entry = &catalog.entries[hit.entry];
                let detail = hit_detail(entry, hit, query);
                write!(
                    out,
                    "{}. **{}** {} — {}",
                    rank + 1,
                    escape(entry.skill.code.as_str()),
                    escape(&entry.skill.name),
                    hit.place.label()
                )?;
                if detail.snippet.is_empty() {
                    writeln!(out)?;
                } else {
                    writeln!(out, ": {}", escape(&detail.snippet))?;
                }
            }
        }
        Format::Text => {
            let style = text_style(output);
            for hit in shown {
                let entry = &catalog.entries[hit.entry];
                let detail = hit_detail(entry, hit, query);
                let head = format!(
                    "{:<6} {}  ({}, {})",
                    entry.skill.code.as_str(),
                    entry.skill.name,
                    catalog.framework_of(entry).title(),
                    hit.place.label()
                );
                let head = printable(&head, Lines::Single);
                writeln!(out, "{}", style.fit(&head))?;
                if !detail.snippet.is_empty() {
                    let snippet = format!("       {}", printable(&detail.snippet, Lines::Single));
                    writeln!(out, "{}", style.dim(&style.fit(&snippet)))?;
                }
            }
            if total == 0 {
                writeln!(out, "No skills match {text:?}.")?;
            } else if total > shown.len() {
                writeln!(out, "… and {} more (use --limit)", total - shown.len())?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
