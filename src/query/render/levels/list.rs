//! The list of a framework's levels of responsibility: each level's number, name and essence
//! (when known), then the attributes that describe them, by name and code.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::{attributes_by_kind, no_attributes_lines, paragraph, AttributeFilter, NO_ATTRIBUTES};
use crate::data::catalog::FrameworkInfo;
use crate::data::model::AttributeKind;
use crate::query::render::comparison::columns::section_heading_lines;
use crate::query::render::document::{Document, Line, Mark, Span};
use crate::query::render::markdown_escape;

/// Where a level's essence starts, under its name.
const ESSENCE_INDENT: &str = "   ";

/// The defined levels, each a line with its number and name and its essence wrapped beneath
/// it; then each kind of attribute under its heading, or [`NO_ATTRIBUTES`].
pub fn levels_document(framework: &FrameworkInfo, width: usize) -> Document {
    let mut document = Document::default();
    let title = format!("{} — levels of responsibility", framework.title());
    document.extend(Line::marked(title, Mark::Title).wrap(width));
    let any_essence = framework
        .defined_levels()
        .any(|l| framework.essence(l).is_some());
    for (n, level) in framework.defined_levels().enumerate() {
        // With essences, a blank line keeps each paragraph to its level.
        if n == 0 || any_essence {
            document.blank();
        }
        let line = Line::new(vec![
            Span::new(level.to_string(), Mark::Code),
            Span::plain("  "),
            Span::new(framework.level_name(level), Mark::Title),
        ]);
        document.push(line.fit(width));
        if let Some(essence) = framework.essence(level) {
            document.extend(paragraph(essence, width, ESSENCE_INDENT, Mark::Plain));
        }
    }
    if framework.attributes.is_empty() {
        document.blank();
        document.extend(no_attributes_lines(width));
        return document;
    }
    let every = AttributeFilter::every();
    for kind in AttributeKind::ALL {
        let names: Vec<String> = attributes_by_kind(framework, &every)
            .filter(|attribute| attribute.kind == kind)
            .map(|attribute| format!("{} ({})", attribute.name, attribute.code))
            .collect();
        if !names.is_empty() {
            document.extend(section_heading_lines(Some(kind.heading()), None, width));
            document.extend(paragraph(&names.join(" · "), width, "", Mark::Plain));
        }
    }
    document
}

/// The list as Markdown: a heading per level with its essence, then the attributes.
pub fn levels_markdown(framework: &FrameworkInfo) -> String {
    let e = markdown_escape;
    let mut out = format!("## {} — levels of responsibility\n", e(&framework.title()));
    for level in framework.defined_levels() {
        let _ = writeln!(out, "\n### {level} — {}", e(framework.level_name(level)));
        if let Some(essence) = framework.essence(level) {
            let _ = writeln!(out, "\n{}", e(essence));
        }
    }
    if framework.attributes.is_empty() {
        let _ = writeln!(out, "\n{NO_ATTRIBUTES}");
        return out;
    }
    let every = AttributeFilter::every();
    for kind in AttributeKind::ALL {
        let mut attributes = attributes_by_kind(framework, &every)
            .filter(|attribute| attribute.kind == kind)
            .peekable();
        if attributes.peek().is_some() {
            let _ = writeln!(out, "\n### {}\n", kind.heading());
        }
        for attribute in attributes {
            let _ = writeln!(out, "- {} ({})", e(&attribute.name), attribute.code);
        }
    }
    out
}

/// `{"framework", "edition", "levels", "attributes"}`, documented in docs/commands.md.
pub fn levels_json(framework: &FrameworkInfo) -> Value {
    let levels: Vec<Value> = framework
        .defined_levels()
        .map(|level| {
            json!({
                "level": level.get(),
                "name": framework.level_name(level),
                "essence": framework.essence(level),
                "guidance": framework.level_guidance[level.index()],
            })
        })
        .collect();
    let every = AttributeFilter::every();
    let attributes: Vec<Value> = attributes_by_kind(framework, &every)
        .map(|attribute| {
            let described: Vec<u8> = attribute.levels.0.keys().map(|l| l.get()).collect();
            json!({
                "code": attribute.code.as_str(),
                "name": attribute.name,
                "kind": attribute.kind.label(),
                "description": attribute.description,
                "guidance": attribute.guidance,
                "url": attribute.url,
                "levels": described,
            })
        })
        .collect();
    json!({
        "framework": framework.name,
        "edition": framework.edition,
        "levels": levels,
        "attributes": attributes,
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_framework::{bare, codes, framework};
    use super::*;

    #[test]
    fn each_level_has_its_number_name_and_essence_and_the_attributes_follow_by_kind() {
        let document = levels_document(&framework(), 60);
        let text = document.text();
        assert!(text.starts_with("Testing 1 — levels of responsibility\n\n1  Follow\n\n2  Assist\n   Helps others with routine work.\n"), "{text}");
        assert!(
            text.contains("\n4  Enable\n   Performs varied work"),
            "{text}"
        );
        let attributes = text.find("Attributes\n──────────\nAutonomy (AUTO) · Influence (INFL)\n");
        let business = text.find("Business skills / behavioural factors\n");
        assert!(attributes.is_some() && attributes < business, "{text}");
        assert!(
            text.ends_with("Communication (COMM) · Leadership (LEAD)\n"),
            "{text}"
        );
        let four = Line::new(vec![
            Span::new("4", Mark::Code),
            Span::plain("  "),
            Span::new("Enable", Mark::Title),
        ]);
        assert!(document.lines.contains(&four));
        for width in 20..100 {
            let document = levels_document(&framework(), width);
            assert!(document.width() <= width, "{width}\n{}", document.text());
        }
    }

    #[test]
    fn without_attributes_the_list_says_how_to_get_them() {
        let document = levels_document(&bare(), 80);
        assert_eq!(
            document.text(),
            format!("Bare — levels of responsibility\n\n4  Enable\n5  Ensure, advise\n\n{}\n",
                "No attributes loaded: import the SFIA spreadsheet (`skillscope import FILE`) to\nsee what each level asks.")
        );
        assert!(levels_markdown(&bare()).ends_with(&format!("\n{NO_ATTRIBUTES}\n")));
        assert_eq!(levels_json(&bare())["attributes"], json!([]));
    }

    #[test]
    fn markdown_and_json_hold_every_level_and_attribute() {
        let markdown = levels_markdown(&framework());
        assert!(markdown.starts_with("## Testing 1 — levels of responsibility\n\n### 1 — Follow\n\n### 2 — Assist\n\nHelps others with routine work.\n"), "{markdown}");
        assert!(
            markdown.contains("\n### Attributes\n\n- Autonomy (AUTO)\n- Influence (INFL)\n"),
            "{markdown}"
        );
        assert!(
            markdown.ends_with("- Communication (COMM)\n- Leadership (LEAD)\n"),
            "{markdown}"
        );
        let value = levels_json(&framework());
        assert_eq!(value["framework"], "Testing");
        assert_eq!(value["edition"], "1");
        let levels = value["levels"].as_array().unwrap();
        assert_eq!(levels.len(), 7);
        assert_eq!(levels[4]["name"], "Ensure, advise");
        assert!(levels[4]["guidance"]
            .as_str()
            .unwrap()
            .starts_with("Often leads"));
        assert_eq!(levels[0]["essence"], Value::Null);
        assert_eq!(
            codes(&value["attributes"]),
            ["AUTO", "INFL", "COMM", "LEAD"]
        );
        assert_eq!(value["attributes"][2]["kind"], "BusinessSkill");
        assert_eq!(value["attributes"][0]["levels"], json!([3, 4, 5]));
        assert_eq!(
            value["attributes"][0]["description"],
            "How freely one works."
        );
    }
}
