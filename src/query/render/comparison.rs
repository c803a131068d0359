//! A comparison of two levels (of one skill or two): each side's heading, label and JSON, the
//! comparison as Markdown, and its summary. The commands and the browser both use these; the
//! comparison as a document of marked text is in [`printed`] (the `compare` command) and
//! [`pane`] (the browser), both made of the same [`columns`].

pub mod columns;
pub mod pane;
pub mod printed;

use serde_json::{json, Value};

use super::{level_heading, level_label, markdown_escape};
use crate::data::catalog::{Catalog, Entry};
use crate::data::model::{Level, Statement};
use crate::query::diff::{
    change_counts, compare_statements, paired_by_position, Change, DiffLine, DiffRow, Word,
};

/// One side of the comparison, found in the catalog.
pub struct Side<'a> {
    pub catalog: &'a Catalog,
    pub entry: &'a Entry,
    pub level: Level,
}

impl Side<'_> {
    pub fn statements(&self) -> &[Statement] {
        self.entry.skill.statements(self.level).unwrap_or_default()
    }

    /// "RELM L4 — Enable", or "SFIA 8 · RELM L4 — Enable" when `other` is in another framework.
    pub fn heading(&self, other: &Side) -> String {
        let named = self.entry.framework != other.entry.framework;
        level_heading(self.catalog, self.entry, self.level, named)
    }

    /// "RELM L4", or "SFIA 8 · RELM L4" when `other` is in another framework.
    pub fn label(&self, other: &Side) -> String {
        let named = self.entry.framework != other.entry.framework;
        level_label(self.catalog, self.entry, self.level, named)
    }

    pub fn json(&self) -> Value {
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
    format!(
        "{}\n{}\n",
        markdown(&left, &right, &rows),
        rows_summary(&rows)
    )
}

/// "+3 words, −2 words"
pub fn summary(added: usize, removed: usize) -> String {
    let words = |n: usize| if n == 1 { "word" } else { "words" };
    format!("+{added} {}, −{removed} {}", words(added), words(removed))
}

/// What a summary adds when statements were too many to pair by what they say and some were
/// paired by position instead ([`DiffRow::by_position`]).
pub const PAIRED_BY_POSITION: &str = "too many statements to pair: paired by position";

/// The [`summary`] of `rows`, then [`PAIRED_BY_POSITION`] when it applies.
pub fn rows_summary(rows: &[DiffRow]) -> String {
    let (added, removed, _) = change_counts(rows);
    match paired_by_position(rows) {
        0 => summary(added, removed),
        _ => format!("{}; {PAIRED_BY_POSITION}", summary(added, removed)),
    }
}

/// A table with a column per side; added words in **bold**, removed ones ~~struck~~.
pub fn markdown(left: &Side, right: &Side, rows: &[DiffRow]) -> String {
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
pub fn groups(words: &[Word]) -> impl Iterator<Item = (Change, &[Word])> {
    words
        .chunk_by(|a, b| a.change == b.change)
        .map(|run| (run[0].change, run))
}
