//! `skillscope search QUERY`: ranked matches, each saying where it matched.
//!
//! Over big data, a search snapshot ([`crate::search_snapshot`]) answers without loading the
//! catalog; otherwise, or when it cannot, the catalog is loaded and indexed (and the snapshot
//! written for next time).

use std::io::Write;
use std::process::ExitCode;

use serde_json::json;

use super::list::truncate_to_width;
use super::{keep_until_exit, text_style, CommandResult};
use crate::catalog::Catalog;
use crate::cli::{Format, OutputArgs, SourceArgs};
use crate::load::load_catalog;
use crate::output::{markdown_escape, skill_json};
use crate::paths::UserPaths;
use crate::search::{hit_detail, Hit, Query, SearchIndex};
use crate::search_snapshot::{SearchSnapshot, SnapshotMiss};

/// Loads the sources (or reads their snapshot) and prints the first `limit` matches of `text`.
pub fn run(
    sources: &SourceArgs,
    user: Option<&UserPaths>,
    text: &str,
    limit: usize,
    output: &OutputArgs,
    out: &mut dyn Write,
) -> CommandResult {
    let selection = super::source_selection(sources, user);
    let query = Query::parse(text);
    let for_json = output.format == Format::Json;
    let snapshot = SearchSnapshot::for_sources(&selection);
    let lookup = (snapshot.as_ref()).map(|snapshot| snapshot.search(&query, limit, for_json));
    if let Some(Ok(found)) = lookup {
        let result = print(
            &found.catalog,
            &found.hits,
            found.total,
            text,
            &query,
            output,
            out,
        );
        keep_until_exit(found);
        return result;
    }
    let mut catalog = load_catalog(&selection);
    // The snapshot is of the text as loaded; its index serves this run too when that is the
    // text searched (JSON, or text that is printable as it is).
    // When it is printable as loaded, making it printable would change nothing that a search
    // prints (only the sources' paths), and there are no errors to sanitise.
    // A current snapshot whose text is not printable serves JSON only; writing it again would
    // change nothing, so only a stale one is written.
    let stale = matches!(lookup, Some(Err(SnapshotMiss::Stale)));
    let mut index = None;
    let mut printable = false;
    if let Some(snapshot) = snapshot.filter(|_| stale && catalog.errors.is_empty()) {
        let built = SearchIndex::new(&catalog);
        printable = snapshot.write(&catalog, &built);
        if printable || for_json {
            index = Some(built);
        } else {
            keep_until_exit(built);
        }
    }
    if !for_json && !printable {
        catalog.make_printable();
    }
    super::report_errors(&catalog);
    let index = index.unwrap_or_else(|| SearchIndex::new(&catalog));
    let hits = index.search(&query);
    let shown = &hits[..hits.len().min(limit)];
    let result = print(&catalog, shown, hits.len(), text, &query, output, out);
    keep_until_exit(index);
    keep_until_exit(catalog);
    result
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
            for (rank, hit) in shown.iter().enumerate() {
                let entry = &catalog.entries[hit.entry];
                let detail = hit_detail(entry, hit, query);
                write!(
                    out,
                    "{}. **{}** {} — {}",
                    rank + 1,
                    markdown_escape(entry.skill.code.as_str()),
                    markdown_escape(&entry.skill.name),
                    hit.place.label()
                )?;
                if detail.snippet.is_empty() {
                    writeln!(out)?;
                } else {
                    writeln!(out, ": {}", markdown_escape(&detail.snippet))?;
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
                writeln!(out, "{}", truncate_to_width(&head, style.width))?;
                if !detail.snippet.is_empty() {
                    let snippet = format!("       {}", detail.snippet);
                    writeln!(
                        out,
                        "{}",
                        style.dim(&truncate_to_width(&snippet, style.width))
                    )?;
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
