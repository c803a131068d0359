//! A skill as a document of wrapped text (what `show` prints), as Markdown and as JSON.

use std::fmt::Write as _;

use serde_json::{json, Map, Value};

use super::document::{Document, Line, Mark, Span};
use super::{guidance_markdown, level_grid_text, levels_to_show, markdown_escape, placement};
use crate::data::catalog::{Catalog, Entry};
use crate::data::model::{GuidanceBlock, Level};

/// A whole skill (or one level of it) as text wrapped to `width` columns.
pub fn skill_document(
    catalog: &Catalog,
    entry: &Entry,
    only: Option<Level>,
    width: usize,
) -> Document {
    let skill = &entry.skill;
    let framework = catalog.framework_of(entry);
    let mut document = Document::default();
    let mut title = Line::new(vec![
        Span::new(skill.code.as_str(), Mark::Code),
        Span::plain("  "),
        Span::new(skill.name.as_str(), Mark::Title),
    ]);
    if !skill.status.is_published() {
        title.push(Span::plain(format!("  [{}]", skill.status.label())));
    }
    document.push(title);
    let placement = placement(entry);
    let context: Vec<String> = [framework.title(), placement]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    document.push(Line::marked(context.join(" · "), Mark::Dim));
    let grid = format!("Levels: {}", level_grid_text(entry));
    document.push(Line::marked(grid, Mark::Dim));
    if let Some(url) = &skill.url {
        document.push(Line::marked(url.as_str(), Mark::Dim));
    }
    let paragraph = |text: &str| wrapped(text, width, "", "");
    let bullet = |text: &str| wrapped(text, width, "  • ", "    ");
    let heading = |document: &mut Document, text: &str| {
        document.blank();
        document.push(Line::marked(text, Mark::Title));
    };
    if only.is_none() {
        document.blank();
        document.extend(paragraph(&skill.description));
        let blocks = skill.guidance_blocks();
        if !blocks.is_empty() {
            heading(&mut document, "Guidance notes");
            for block in blocks {
                match block {
                    GuidanceBlock::Paragraph(text) => document.extend(paragraph(&text)),
                    GuidanceBlock::Bullets(items) => {
                        document.extend(items.iter().flat_map(|item| bullet(item)));
                    }
                }
            }
        }
    }
    for level in levels_to_show(entry, only) {
        heading(
            &mut document,
            &format!("Level {level} — {}", framework.level_name(level)),
        );
        for statement in skill.statements(level).unwrap_or_default() {
            document.extend(bullet(statement));
        }
    }
    if only.is_none() && !skill.rationale.is_empty() {
        heading(&mut document, "Rationale");
        for (i, text) in skill.rationale.iter().enumerate() {
            if i > 0 {
                document.blank();
            }
            document.extend(paragraph(text));
        }
    }
    if only.is_none() && !skill.notes.is_empty() {
        heading(&mut document, "Notes");
        document.extend(skill.notes.iter().flat_map(|note| bullet(note)));
    }
    document
}

/// `text` wrapped to `width` (at least ten columns past the indent), as plain lines.
pub(crate) fn wrapped(text: &str, width: usize, indent: &str, hanging: &str) -> Vec<Line> {
    let width = width.max(indent.len() + 10);
    let options = textwrap::Options::new(width)
        .initial_indent(indent)
        .subsequent_indent(hanging);
    textwrap::fill(text, options)
        .split('\n')
        .map(Line::plain)
        .collect()
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
            out.push_str(&guidance_markdown(blocks));
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
    if only.is_none() && !skill.rationale.is_empty() {
        let _ = writeln!(out, "\n### Rationale");
        for paragraph in &skill.rationale {
            let _ = writeln!(out, "\n{}", e(paragraph));
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

/// The stable JSON form of a skill, documented in docs/commands.md.
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
        "rationale": skill.rationale,
        "notes": skill.notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sources::{load_catalog, SourceSelection};

    fn relm() -> (Catalog, usize) {
        let catalog = load_catalog(&SourceSelection {
            built_in: true,
            ..Default::default()
        });
        let index = catalog.find("RELM", None)[0];
        (catalog, index)
    }

    #[test]
    fn text_wraps_to_the_width_and_renders_bullets() {
        let (catalog, i) = relm();
        let document = skill_document(&catalog, &catalog.entries[i], None, 60);
        let text = document.text();
        assert!(document.width() <= 60, "{text}");
        assert!(text.contains("  • developing and maintaining rollback procedures"));
        assert!(text.contains("\nLevel 5 — Ensure, advise\n"));
        assert_eq!(
            document.lines[0].spans,
            [
                Span::new("RELM", Mark::Code),
                Span::plain("  "),
                Span::new("Release and deployment", Mark::Title),
                Span::plain("  [Prototype]"),
            ]
        );
        let level_5 = Line::marked("Level 5 — Ensure, advise", Mark::Title);
        assert!(document.lines.contains(&level_5));
    }

    #[test]
    fn one_level_leaves_out_the_rest() {
        let (catalog, i) = relm();
        let text = skill_document(&catalog, &catalog.entries[i], Level::new(3), 100).text();
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
