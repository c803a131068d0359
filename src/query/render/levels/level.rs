//! One level of responsibility: its name, essence and guidance, then every attribute's text at
//! that level, attributes first, then business skills / behavioural factors.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::{
    attribute_title, attributes_by_kind, essence_paragraph, no_attributes_lines, paragraph,
    AttributeFilter, LevelSide, NO_ATTRIBUTES,
};
use crate::data::catalog::FrameworkInfo;
use crate::data::model::{parse_guidance, GuidanceBlock, Level};
use crate::query::render::comparison::columns::{plain_statement_lines, section_heading_lines};
use crate::query::render::document::{Document, Line, Mark};
use crate::query::render::{guidance_markdown, markdown_escape};

/// The level's name and framework, its essence and guidance notes, then [`attributes_document`].
pub fn level_document(
    framework: &FrameworkInfo,
    level: Level,
    filter: &AttributeFilter,
    width: usize,
) -> Document {
    let mut document = Document::default();
    let side = LevelSide::new(framework, level);
    document.extend(Line::marked(side.heading(&side), Mark::Title).wrap(width));
    document.extend(Line::marked(framework.title(), Mark::Dim).wrap(width));
    if let Some(essence) = framework.essence(level) {
        document.blank();
        document.extend(essence_paragraph(essence, width));
    }
    if let Some(guidance) = &framework.level_guidance[level.index()] {
        document.blank();
        document.extend(Line::marked("Guidance notes", Mark::Title).wrap(width));
        for block in parse_guidance(guidance) {
            match block {
                GuidanceBlock::Paragraph(text) => {
                    document.extend(paragraph(&text, width, "", Mark::Plain));
                }
                GuidanceBlock::Bullets(items) => {
                    let bullets = items.iter().map(|item| plain_statement_lines(item, width));
                    document.extend(bullets.flatten());
                }
            }
        }
    }
    document.extend(attributes_document(framework, level, filter, width).lines);
    document
}

/// Every attribute `filter` admits with its text at `level`, under its name and code and each
/// kind under its heading; a blank line before each. [`NO_ATTRIBUTES`] when there are none.
pub fn attributes_document(
    framework: &FrameworkInfo,
    level: Level,
    filter: &AttributeFilter,
    width: usize,
) -> Document {
    let mut document = Document::default();
    if framework.attributes.is_empty() {
        document.blank();
        document.extend(no_attributes_lines(width));
        return document;
    }
    let mut kind = None;
    for attribute in attributes_by_kind(framework, filter) {
        let group = (kind != Some(attribute.kind)).then(|| attribute.kind.heading());
        kind = Some(attribute.kind);
        let title = attribute_title(attribute);
        document.extend(section_heading_lines(group, Some(&title), width));
        match attribute.statements(level) {
            Some(statements) => {
                let lines = statements.iter().map(|s| plain_statement_lines(s, width));
                document.extend(lines.flatten());
            }
            None => document.extend(Line::marked(NOT_DESCRIBED, Mark::Dim).wrap(width)),
        }
    }
    document
}

const NOT_DESCRIBED: &str = "Not described at this level.";

/// The level as Markdown: its name, essence and guidance, then each attribute's text.
pub fn level_markdown(framework: &FrameworkInfo, level: Level, filter: &AttributeFilter) -> String {
    let e = markdown_escape;
    let side = LevelSide::new(framework, level);
    let mut out = format!(
        "## {}\n\n- Framework: {}\n",
        e(&side.heading(&side)),
        e(&framework.title())
    );
    if let Some(essence) = framework.essence(level) {
        let _ = writeln!(out, "\n**Essence:** {}", e(essence));
    }
    if let Some(guidance) = &framework.level_guidance[level.index()] {
        let _ = writeln!(out, "\n### Guidance notes\n");
        out.push_str(&guidance_markdown(parse_guidance(guidance)));
    }
    if framework.attributes.is_empty() {
        let _ = writeln!(out, "\n{NO_ATTRIBUTES}");
        return out;
    }
    let mut kind = None;
    for attribute in attributes_by_kind(framework, filter) {
        if kind != Some(attribute.kind) {
            let _ = writeln!(out, "\n### {}", attribute.kind.heading());
            kind = Some(attribute.kind);
        }
        let _ = writeln!(out, "\n#### {} ({})\n", e(&attribute.name), attribute.code);
        match attribute.statements(level) {
            Some(statements) => {
                for statement in statements {
                    let _ = writeln!(out, "- {}", e(statement));
                }
            }
            None => {
                let _ = writeln!(out, "_{NOT_DESCRIBED}_");
            }
        }
    }
    out
}

/// `{"framework", "edition", "level", "name", "essence", "guidance", "attributes"}`, each
/// attribute `{"code", "name", "kind", "statements"}`; documented in docs/commands.md.
pub fn level_json(framework: &FrameworkInfo, level: Level, filter: &AttributeFilter) -> Value {
    let attributes: Vec<Value> = attributes_by_kind(framework, filter)
        .map(|attribute| {
            json!({
                "code": attribute.code.as_str(),
                "name": attribute.name,
                "kind": attribute.kind.label(),
                "statements": attribute.statements(level).unwrap_or_default(),
            })
        })
        .collect();
    let mut value = LevelSide::new(framework, level).json();
    value["guidance"] = json!(framework.level_guidance[level.index()]);
    value["attributes"] = json!(attributes);
    value
}

#[cfg(test)]
mod tests {
    use super::super::test_framework::{bare, codes, framework};
    use super::*;
    use crate::query::render::document::Span;

    fn level(n: u8) -> Level {
        Level::new(n).unwrap()
    }

    fn texts(document: &Document) -> Vec<String> {
        document.lines.iter().map(Line::text).collect()
    }

    #[test]
    fn a_level_shows_its_essence_guidance_and_attributes_grouped_by_kind() {
        let document = level_document(&framework(), level(5), &AttributeFilter::every(), 80);
        let lines = texts(&document);
        let expected = [
            "Level 5 — Ensure, advise",
            "Testing 1",
            "",
            "Essence: Gives trusted advice in a field and answers for the results of a larger",
            "group.",
            "",
            "Guidance notes",
            "Often leads a team.",
            "Examples:",
            "• reviews plans",
            "• checks results",
            "",
            "Attributes",
            "──────────",
            "Autonomy (AUTO)",
            "• Works under broad direction.",
            "• Plans the work of others.",
            "",
            "Influence (INFL)",
            "• Influences the organisation and its partners.",
            "",
            "Business skills / behavioural factors",
            "─────────────────────────────────────",
            "Communication (COMM)",
            "• Talks clearly and persuasively with colleagues, customers and suppliers.",
            "",
            "Leadership (LEAD)",
            "• Leads a team and grows its members.",
        ];
        assert_eq!(lines, expected);
        assert_eq!(
            document.lines[0],
            Line::marked("Level 5 — Ensure, advise", Mark::Title)
        );
        assert_eq!(document.lines[1].spans[0].mark, Mark::Dim);
        assert_eq!(document.lines[12], Line::marked("Attributes", Mark::Title));
        assert_eq!(document.lines[13].spans[0].mark, Mark::Dim);
        assert_eq!(
            document.lines[14].spans,
            [
                Span::new("Autonomy", Mark::Title),
                Span::plain(" ("),
                Span::new("AUTO", Mark::Code),
                Span::plain(")"),
            ]
        );
    }

    #[test]
    fn an_attribute_without_text_at_the_level_says_so() {
        let document = level_document(&framework(), level(3), &AttributeFilter::every(), 60);
        let lines = texts(&document);
        let at = lines.iter().position(|l| l == "Leadership (LEAD)").unwrap();
        assert_eq!(lines[at + 1], NOT_DESCRIBED);
        assert_eq!(document.lines[at + 1].spans[0].mark, Mark::Dim);
        let markdown = level_markdown(&framework(), level(3), &AttributeFilter::every());
        assert!(
            markdown.ends_with("#### Leadership (LEAD)\n\n_Not described at this level._\n"),
            "{markdown}"
        );
    }

    #[test]
    fn the_filter_keeps_only_the_attributes_asked_for() {
        let filter = AttributeFilter::codes(["lead"]);
        let lines = texts(&attributes_document(&framework(), level(5), &filter, 80));
        assert_eq!(
            lines,
            [
                "",
                "Business skills / behavioural factors",
                "─────────────────────────────────────",
                "Leadership (LEAD)",
                "• Leads a team and grows its members.",
            ]
        );
        let value = level_json(&framework(), level(5), &filter);
        assert_eq!(value["attributes"].as_array().unwrap().len(), 1);
        let markdown = level_markdown(&framework(), level(5), &filter);
        assert!(!markdown.contains("Autonomy") && markdown.contains("#### Leadership (LEAD)"));
    }

    #[test]
    fn no_width_is_exceeded() {
        let framework = framework();
        for width in 4..100 {
            for n in 1..=7 {
                let document =
                    level_document(&framework, level(n), &AttributeFilter::every(), width);
                assert!(
                    document.width() <= width.max(4),
                    "{width}\n{}",
                    document.text()
                );
            }
        }
    }

    #[test]
    fn without_attributes_a_level_says_how_to_get_them() {
        let document = level_document(&bare(), level(4), &AttributeFilter::every(), 200);
        assert_eq!(
            texts(&document),
            ["Level 4 — Enable", "Bare", "", NO_ATTRIBUTES]
        );
        assert_eq!(document.lines[3].spans[0].mark, Mark::Dim);
        let markdown = level_markdown(&bare(), level(4), &AttributeFilter::every());
        assert_eq!(
            markdown,
            format!("## Level 4 — Enable\n\n- Framework: Bare\n\n{NO_ATTRIBUTES}\n")
        );
    }

    #[test]
    fn json_has_the_documented_fields() {
        let value = level_json(&framework(), level(4), &AttributeFilter::every());
        assert_eq!(value["framework"], "Testing");
        assert_eq!(value["edition"], "1");
        assert_eq!(value["level"], 4);
        assert_eq!(value["name"], "Enable");
        assert!(value["essence"]
            .as_str()
            .unwrap()
            .starts_with("Performs varied work"));
        assert_eq!(value["guidance"], Value::Null);
        let attributes = value["attributes"].as_array().unwrap();
        assert_eq!(
            codes(&value["attributes"]),
            ["AUTO", "INFL", "COMM", "LEAD"]
        );
        assert_eq!(attributes[0]["kind"], "Attribute");
        assert_eq!(attributes[0]["statements"][1], "Plans their own work.");
        assert_eq!(attributes[3]["statements"], json!([]));
    }
}
