//! `e` in the browser: the current skill or comparison as Markdown, in the current folder.

use std::path::Path;

use super::state::Side;
use crate::data::catalog::Catalog;

/// Writes a new file named `name` (or `name-2`, `name-3`, … when taken) and says where.
pub fn write_new_file(name: &str, contents: &str) -> String {
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, "md"));
    for attempt in 1..100 {
        let candidate = if attempt == 1 {
            name.to_string()
        } else {
            format!("{stem}-{attempt}.{extension}")
        };
        match crate::data::atomic::write_new(Path::new(&candidate), contents.as_bytes()) {
            Ok(()) => return format!("Exported to {candidate}"),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return format!("Export failed: {e}"),
        }
    }
    format!("Export failed: {name} and 98 more names are taken")
}

/// The comparison of two sides as Markdown, as `skillscope compare --format markdown` writes it.
pub fn comparison_markdown(catalog: &Catalog, left: Side, right: Side) -> String {
    let side = |s: Side| (&catalog.entries[s.entry], s.level);
    crate::query::render::comparison::markdown_document(catalog, side(left), side(right))
}
