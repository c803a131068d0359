//! Skills, comparisons and the levels of responsibility as documents for both faces: lines of marked text ([`document`]) that
//! the commands print and the browser draws, Markdown and JSON; labels and headings, and the
//! width helpers text layout needs. Text and Markdown are made from a printable catalog (see
//! [`Catalog::make_printable`]); JSON from the original text, escaped by serde_json.

pub mod comparison;
pub mod document;
pub mod gap;
pub mod levels;
pub mod profile;
pub mod skill;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::data::catalog::{Catalog, Entry};
use crate::data::model::{GuidanceBlock, Level};

/// Seven cells, a digit where the level is defined: "·23456·".
pub fn level_grid_text(entry: &Entry) -> String {
    Level::all()
        .map(|level| {
            if entry.skill.is_defined_at(level) {
                char::from(b'0' + level.get())
            } else {
                '·'
            }
        })
        .collect()
}

/// "RELM L4", or "SFIA 8 · RELM L4" with the framework named: the two sides of a comparison name
/// theirs when they are in different frameworks.
pub fn level_label(catalog: &Catalog, entry: &Entry, level: Level, with_framework: bool) -> String {
    let label = format!("{} L{level}", entry.skill.code);
    if with_framework {
        format!("{} · {label}", catalog.framework_of(entry).title())
    } else {
        label
    }
}

/// [`level_label`] and the level's name: "RELM L4 — Enable".
pub fn level_heading(
    catalog: &Catalog,
    entry: &Entry,
    level: Level,
    with_framework: bool,
) -> String {
    let name = catalog.framework_of(entry).level_name(level);
    format!(
        "{} — {name}",
        level_label(catalog, entry, level, with_framework)
    )
}

/// "Delivery and operation / Technology management", or "" when neither is known.
pub fn placement(entry: &Entry) -> String {
    [
        entry.skill.category.as_deref(),
        entry.skill.subcategory.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" / ")
}

pub(crate) fn levels_to_show(entry: &Entry, only: Option<Level>) -> Vec<Level> {
    entry
        .skill
        .defined_levels()
        .filter(|level| only.is_none_or(|o| o == *level))
        .collect()
}

/// Guidance notes as Markdown, escaped: each paragraph, and each bullet list, then a blank line.
pub(crate) fn guidance_markdown(blocks: Vec<GuidanceBlock>) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            GuidanceBlock::Paragraph(text) => {
                out.push_str(&markdown_escape(&text));
                out.push('\n');
            }
            GuidanceBlock::Bullets(items) => {
                for item in items {
                    out.push_str(&format!("- {}\n", markdown_escape(item)));
                }
            }
        }
        out.push('\n');
    }
    out
}

/// Escapes the characters that Markdown would read as markup.
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Splits a word wider than `width` columns into parts that fit (each part holds at least one
/// character, and combining marks stay with the character before them).
pub fn split_to_width(word: &str, width: usize) -> Vec<String> {
    if word.width() <= width {
        return vec![word.to_string()];
    }
    let mut parts = Vec::new();
    let mut part = String::new();
    let mut used = 0;
    for c in word.chars() {
        let w = c.width().unwrap_or(0);
        if used > 0 && used + w > width {
            parts.push(std::mem::take(&mut part));
            used = 0;
        }
        part.push(c);
        used += w;
    }
    parts.push(part);
    parts
}

/// Cuts a line to at most `width` columns, ending in "…" when cut.
pub fn truncate_to_width(line: &str, width: usize) -> String {
    document::Line::plain(line).fit(width).text()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sources::{load_catalog, SourceSelection};

    #[test]
    fn words_wider_than_a_column_are_broken() {
        assert_eq!(split_to_width("abcdef", 4), ["abcd", "ef"]);
        assert_eq!(split_to_width("部署部署部", 4), ["部署", "部署", "部"]);
        assert_eq!(split_to_width("部", 1), ["部"]);
        assert_eq!(
            split_to_width("e\u{301}e\u{301}", 1),
            ["e\u{301}", "e\u{301}"]
        );
        assert_eq!(split_to_width("日本語", 4), ["日本", "語"]);
        assert_eq!(split_to_width("ab", 4), ["ab"]);
    }

    #[test]
    fn the_grid_shows_defined_levels() {
        let catalog = load_catalog(&SourceSelection {
            built_in: true,
            ..Default::default()
        });
        let relm = &catalog.entries[catalog.find("RELM", None)[0]];
        assert_eq!(level_grid_text(relm), "·23456·");
    }
}
