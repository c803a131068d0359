//! Skills as text, Markdown and JSON for the commands (and the browser's Markdown export).
//!
//! Text and Markdown are made from a printable catalog (see [`Catalog::make_printable`]); JSON
//! from the original text, escaped by serde_json.

use std::ffi::OsStr;
use std::fmt::Write as _;

use crossterm::style::Stylize;
use serde_json::{json, Map, Value};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::catalog::{Catalog, Entry};
use crate::model::{GuidanceBlock, Level};

/// Whether the environment allows colour: NO_COLOR set to anything but "" forbids it
/// (<https://no-color.org>). `no_color` is the variable's value. The browser and the commands
/// both ask this.
pub fn color_enabled(no_color: Option<&OsStr>) -> bool {
    no_color.is_none_or(|value| value.is_empty())
}

/// [`color_enabled`] for this process's NO_COLOR.
pub fn color_enabled_here() -> bool {
    color_enabled(std::env::var_os("NO_COLOR").as_deref())
}

/// How text output looks: its width and whether it may use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextStyle {
    pub width: usize,
    pub color: bool,
}

impl TextStyle {
    pub fn plain(width: usize) -> TextStyle {
        TextStyle {
            width,
            color: false,
        }
    }

    pub fn heading(&self, text: &str) -> String {
        if self.color {
            text.bold().to_string()
        } else {
            text.to_string()
        }
    }

    pub fn dim(&self, text: &str) -> String {
        if self.color {
            text.dark_grey().to_string()
        } else {
            text.to_string()
        }
    }

    pub fn code(&self, text: &str) -> String {
        if self.color {
            text.bold().cyan().to_string()
        } else {
            text.to_string()
        }
    }

    fn wrap(&self, text: &str, indent: &str, hanging: &str) -> String {
        let width = self.width.max(indent.len() + 10);
        let options = textwrap::Options::new(width)
            .initial_indent(indent)
            .subsequent_indent(hanging);
        textwrap::fill(text, options)
    }
}

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

fn levels_to_show(entry: &Entry, only: Option<Level>) -> Vec<Level> {
    entry
        .skill
        .defined_levels()
        .filter(|level| only.is_none_or(|o| o == *level))
        .collect()
}

/// A whole skill (or one level of it) as wrapped text.
pub fn skill_text(
    catalog: &Catalog,
    entry: &Entry,
    only: Option<Level>,
    style: TextStyle,
) -> String {
    let skill = &entry.skill;
    let framework = catalog.framework_of(entry);
    let mut out = String::new();
    let status = if skill.status.is_published() {
        String::new()
    } else {
        format!("  [{}]", skill.status.label())
    };
    let _ = writeln!(
        out,
        "{}  {}{status}",
        style.code(skill.code.as_str()),
        style.heading(&skill.name)
    );
    let placement = placement(entry);
    let context = [framework.title(), placement]
        .into_iter()
        .filter(|s| !s.is_empty());
    let _ = writeln!(
        out,
        "{}",
        style.dim(&context.collect::<Vec<_>>().join(" · "))
    );
    let _ = writeln!(
        out,
        "{}",
        style.dim(&format!("Levels: {}", level_grid_text(entry)))
    );
    if let Some(url) = &skill.url {
        let _ = writeln!(out, "{}", style.dim(url));
    }
    if only.is_none() {
        let _ = writeln!(out, "\n{}", style.wrap(&skill.description, "", ""));
        let blocks = skill.guidance_blocks();
        if !blocks.is_empty() {
            let _ = writeln!(out, "\n{}", style.heading("Guidance notes"));
            for block in blocks {
                match block {
                    GuidanceBlock::Paragraph(text) => {
                        let _ = writeln!(out, "{}", style.wrap(&text, "", ""));
                    }
                    GuidanceBlock::Bullets(items) => {
                        for item in items {
                            let _ = writeln!(out, "{}", style.wrap(item, "  • ", "    "));
                        }
                    }
                }
            }
        }
    }
    for level in levels_to_show(entry, only) {
        let title = format!("Level {level} — {}", framework.level_name(level));
        let _ = writeln!(out, "\n{}", style.heading(&title));
        for statement in skill.statements(level).unwrap_or_default() {
            let _ = writeln!(out, "{}", style.wrap(statement, "  • ", "    "));
        }
    }
    if only.is_none() && !skill.notes.is_empty() {
        let _ = writeln!(out, "\n{}", style.heading("Notes"));
        for note in &skill.notes {
            let _ = writeln!(out, "{}", style.wrap(note, "  • ", "    "));
        }
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

/// A whole skill (or one level of it) as Markdown.
pub fn skill_markdown(catalog: &Catalog, entry: &Entry, only: Option<Level>) -> String {
    let skill = &entry.skill;
    let framework = catalog.framework_of(entry);
    let e = markdown_escape;
    let mut out = String::new();
    let _ = writeln!(out, "## {} — {}\n", e(skill.code.as_str()), e(&skill.name));
    let _ = writeln!(out, "- Framework: {}", e(&framework.title()));
    let placement = placement(entry);
    if !placement.is_empty() {
        let _ = writeln!(out, "- Category: {}", e(&placement));
    }
    if !skill.status.is_published() {
        let _ = writeln!(out, "- Status: {}", skill.status.label());
    }
    let _ = writeln!(out, "- Levels: {}", skill.level_range_text());
    if let Some(url) = &skill.url {
        let _ = writeln!(out, "- URL: <{}>", url.replace(['<', '>'], ""));
    }
    if only.is_none() {
        let _ = writeln!(out, "\n{}", e(&skill.description));
        let blocks = skill.guidance_blocks();
        if !blocks.is_empty() {
            let _ = writeln!(out, "\n### Guidance notes\n");
            for block in blocks {
                match block {
                    GuidanceBlock::Paragraph(text) => {
                        let _ = writeln!(out, "{}\n", e(&text));
                    }
                    GuidanceBlock::Bullets(items) => {
                        for item in items {
                            let _ = writeln!(out, "- {}", e(item));
                        }
                        out.push('\n');
                    }
                }
            }
        }
    }
    for level in levels_to_show(entry, only) {
        let _ = writeln!(
            out,
            "\n### Level {level} — {}\n",
            e(framework.level_name(level))
        );
        for statement in skill.statements(level).unwrap_or_default() {
            let _ = writeln!(out, "- {}", e(statement));
        }
    }
    if only.is_none() && !skill.notes.is_empty() {
        let _ = writeln!(out, "\n### Notes\n");
        for note in &skill.notes {
            let _ = writeln!(out, "- {}", e(note));
        }
    }
    out
}

/// The stable JSON form of a skill, documented in the README.
pub fn skill_json(catalog: &Catalog, entry: &Entry, only: Option<Level>) -> Value {
    let skill = &entry.skill;
    let framework = catalog.framework_of(entry);
    let levels: Map<String, Value> = levels_to_show(entry, only)
        .into_iter()
        .map(|level| {
            (
                level.to_string(),
                json!(skill.statements(level).unwrap_or_default()),
            )
        })
        .collect();
    json!({
        "code": skill.code.as_str(),
        "name": skill.name,
        "framework": framework.name,
        "edition": framework.edition,
        "category": skill.category,
        "subcategory": skill.subcategory,
        "status": skill.status.label(),
        "url": skill.url,
        "description": skill.description,
        "guidance": skill.guidance,
        "levels": levels,
        "notes": skill.notes,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

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
    use crate::load::{load_catalog, SourceSelection};

    fn relm() -> (Catalog, usize) {
        let catalog = load_catalog(&SourceSelection {
            built_in: true,
            ..Default::default()
        });
        let index = catalog.find("RELM", None)[0];
        (catalog, index)
    }

    #[test]
    fn the_grid_shows_defined_levels() {
        let (catalog, i) = relm();
        assert_eq!(level_grid_text(&catalog.entries[i]), "·23456·");
    }

    #[test]
    fn text_wraps_to_the_width_and_renders_bullets() {
        let (catalog, i) = relm();
        let text = skill_text(&catalog, &catalog.entries[i], None, TextStyle::plain(60));
        assert!(
            text.lines()
                .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 60),
            "{text}"
        );
        assert!(text.contains("  • developing and maintaining rollback procedures"));
        assert!(text.contains("Level 5 — Ensure, advise"));
        assert!(!text.contains('\x1b'));
    }

    #[test]
    fn one_level_leaves_out_the_rest() {
        let (catalog, i) = relm();
        let text = skill_text(
            &catalog,
            &catalog.entries[i],
            Level::new(3),
            TextStyle::plain(100),
        );
        assert!(text.contains("Level 3 — Apply"));
        assert!(!text.contains("Level 4"));
        assert!(!text.contains("Guidance notes"));
    }

    #[test]
    fn markdown_escapes_markup_in_data() {
        assert_eq!(markdown_escape("a*b_[c]"), "a\\*b\\_\\[c\\]");
        let (catalog, i) = relm();
        let md = skill_markdown(&catalog, &catalog.entries[i], None);
        assert!(md.starts_with("## RELM — Release and deployment"));
        assert!(md.contains("### Level 2 — Assist"));
        assert!(md.contains("- Status: Prototype"));
    }

    #[test]
    fn json_has_the_documented_fields() {
        let (catalog, i) = relm();
        let value = skill_json(&catalog, &catalog.entries[i], None);
        for field in [
            "code",
            "name",
            "framework",
            "category",
            "subcategory",
            "status",
            "description",
            "guidance",
            "levels",
            "notes",
        ] {
            assert!(value.get(field).is_some(), "{field}");
        }
        let levels: Vec<&String> = value["levels"].as_object().unwrap().keys().collect();
        assert_eq!(levels, ["2", "3", "4", "5", "6"]);
    }
}
