//! A comparison of two levels (of one skill or two): each side's heading, label and JSON, the
//! comparison as Markdown, and its summary. The commands and the browser both use these; the
//! comparison as a document of marked text is in [`printed`] (the `compare` command) and
//! [`pane`] (the browser), both made of the same [`columns`].
//!
//! What they lay out is a [`Comparison`]: a heading per side and sections of diffed statements.
//! A skill's comparison is one section without a title; the levels of responsibility compared
//! (`query::render::levels`) have a section per attribute, so both read the same way.

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
use crate::query::render::document::Line;

/// Two sides compared: what [`printed`], [`pane`] and [`Comparison::markdown`] lay out.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// What each side is: "RELM L4 — Enable", "Level 5 — Ensure, advise".
    pub headings: [String; 2],
    pub sections: Vec<Section>,
}

/// Rows of diffed statements about one thing, such as one attribute of two levels.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The name of the group this section opens ("Attributes"), shown above its title.
    pub group: Option<String>,
    /// What the rows are about ("Autonomy (AUTO)"), across the whole width.
    pub title: Option<Line>,
    pub rows: Vec<DiffRow>,
}

impl Section {
    /// Rows with nothing above them: a skill's statements.
    pub fn untitled(rows: Vec<DiffRow>) -> Section {
        Section {
            group: None,
            title: None,
            rows,
        }
    }

    pub fn is_titled(&self) -> bool {
        self.group.is_some() || self.title.is_some()
    }
}

impl Comparison {
    /// Two sides of skills, `rows` the diff of their statements.
    pub fn of_skills(left: &Side, right: &Side, rows: Vec<DiffRow>) -> Comparison {
        Comparison {
            headings: [left.heading(right), right.heading(left)],
            sections: vec![Section::untitled(rows)],
        }
    }

    /// The rows of every section that were paired by position (see [`PAIRED_BY_POSITION`]).
    pub fn paired_by_position(&self) -> usize {
        (self.sections.iter())
            .map(|section| paired_by_position(&section.rows))
            .sum()
    }

    /// "+3 words, −2 words" over every section, and [`PAIRED_BY_POSITION`] when it applies.
    pub fn summary(&self) -> String {
        let (added, removed, _) = self.change_counts();
        summary_noting_position(added, removed, self.paired_by_position())
    }

    /// (added, removed, unchanged) words over every section, as [`change_counts`] counts them.
    pub fn change_counts(&self) -> (usize, usize, usize) {
        (self.sections.iter()).fold((0, 0, 0), |total, section| {
            let (added, removed, unchanged) = change_counts(&section.rows);
            (total.0 + added, total.1 + removed, total.2 + unchanged)
        })
    }

    /// Under `## title`, each section's group and title as headings, then a table with a
    /// column per side; added words in **bold**, removed ones ~~struck~~.
    pub fn markdown(&self, title: &str) -> String {
        let e = markdown_escape;
        let mut out = format!("## {}\n", e(title));
        for section in &self.sections {
            out.push('\n');
            if let Some(group) = &section.group {
                out.push_str(&format!("### {}\n\n", e(group)));
            }
            if let Some(title) = &section.title {
                out.push_str(&format!("#### {}\n\n", e(&title.text())));
            }
            let [left, right] = self.headings.each_ref().map(|h| e(h));
            out.push_str(&format!("| {left} | {right} |\n|---|---|\n"));
            for row in &section.rows {
                let cell =
                    |line: &Option<DiffLine>| line.as_ref().map(markdown_line).unwrap_or_default();
                out.push_str(&format!("| {} | {} |\n", cell(&row.left), cell(&row.right)));
            }
        }
        out
    }
}

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

/// One skill through all its defined levels as Markdown, as the browser's progression shows
/// it: each level's statements, what is new against the level below in **bold**.
pub fn progression_markdown(catalog: &Catalog, entry: &Entry) -> String {
    let (skill, e) = (&entry.skill, markdown_escape);
    let framework = catalog.framework_of(entry);
    let mut out = format!(
        "## {} — {}: levels {}\n\n- Framework: {}\n",
        e(skill.code.as_str()),
        e(&skill.name),
        skill.level_range_text(),
        e(&framework.title())
    );
    let mut below: Option<(Level, &[Statement])> = None;
    for level in skill.defined_levels() {
        let statements = skill.statements(level).unwrap_or_default();
        let name = e(framework.level_name(level));
        out.push_str(&format!("\n### Level {level} — {name}\n\n"));
        let rows = match below {
            Some((lower, lower_statements)) => {
                let rows = compare_statements(lower_statements, statements);
                out.push_str(&format!("{} against L{lower}\n\n", rows_summary(&rows)));
                rows
            }
            // The lowest level has nothing below it: every word unchanged.
            None => compare_statements(statements, statements),
        };
        for line in rows.iter().filter_map(|row| row.right.as_ref()) {
            out.push_str(&format!("- {}\n", markdown_line(line)));
        }
        below = Some((level, statements));
    }
    out
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
    summary_noting_position(added, removed, paired_by_position(rows))
}

fn summary_noting_position(added: usize, removed: usize, by_position: usize) -> String {
    match by_position {
        0 => summary(added, removed),
        _ => format!("{}; {PAIRED_BY_POSITION}", summary(added, removed)),
    }
}

/// A table with a column per side; added words in **bold**, removed ones ~~struck~~.
pub fn markdown(left: &Side, right: &Side, rows: &[DiffRow]) -> String {
    let title = format!("{} → {}", left.label(right), right.label(left));
    Comparison::of_skills(left, right, rows.to_vec()).markdown(&title)
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

/// Sides of the built-in skills, for tests.
#[cfg(test)]
pub(crate) fn built_in_sides<'a>(
    catalog: &'a Catalog,
    code: &str,
    levels: [u8; 2],
) -> [Side<'a>; 2] {
    let entry = &catalog.entries[catalog.find(code, None)[0]];
    levels.map(|level| Side {
        catalog,
        entry,
        level: Level::new(level).unwrap(),
    })
}
