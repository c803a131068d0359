//! A profile as the commands and the browser show it: a list of skills with level → target
//! (text and JSON), and as a document to hand over (Markdown): per skill its name, category,
//! description, the chosen level's statements and the level's essence, then the source of the
//! text.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::document::{Document, Line, Mark, Span};
use super::skill::wrapped;
use super::{markdown_escape, placement};
use crate::data::catalog::{Catalog, Entry, FrameworkInfo};
use crate::data::profile::{Profile, ProfileSkill};

/// "4 → 5", or "4" without a target.
pub fn level_and_target(skill: &ProfileSkill) -> String {
    match skill.target {
        Some(target) => format!("{} → {target}", skill.level),
        None => skill.level.to_string(),
    }
}

/// The entry a profile skill names, when it is loaded.
fn loaded<'a>(catalog: &'a Catalog, skill: &ProfileSkill) -> Option<&'a Entry> {
    skill.entry_in(catalog).map(|i| &catalog.entries[i])
}

/// The profile as text wrapped to `width`: a line per skill, its note below.
pub fn profile_document(
    catalog: &Catalog,
    name: &str,
    profile: &Profile,
    width: usize,
) -> Document {
    let mut document = Document::default();
    let count = profile.skills.len();
    let skills = if count == 1 { "skill" } else { "skills" };
    let title = Line::new(vec![
        Span::new(format!("Profile {name}"), Mark::Title),
        Span::new(format!("  {count} {skills}"), Mark::Dim),
    ]);
    document.extend(title.wrap(width));
    if profile.skills.is_empty() {
        document.push(Line::plain(
            "No skills yet: skillscope profile set NAME CODE LEVEL adds one.",
        ));
    }
    for skill in &profile.skills {
        document.blank();
        let mut line = Line::new(vec![
            Span::new(skill.code.as_str(), Mark::Code),
            Span::plain("  "),
        ]);
        match loaded(catalog, skill) {
            Some(entry) => line.push(Span::new(entry.skill.name.as_str(), Mark::Title)),
            None => line.push(Span::new("missing: not loaded", Mark::Removed)),
        }
        line.push(Span::plain(format!("  level {}", level_and_target(skill))));
        line.push(Span::new(
            format!("  {}", skill.framework_title()),
            Mark::Dim,
        ));
        document.extend(line.wrap(width));
        if let Some(note) = &skill.note {
            document.extend(wrapped(note, width, "  ", "  "));
        }
    }
    document
}

/// The profile as a document to hand over: a section per skill at its level, the skills that
/// are not loaded listed apart, then where the text comes from.
pub fn profile_markdown(catalog: &Catalog, name: &str, profile: &Profile) -> String {
    let e = markdown_escape;
    let mut out = format!("# Skills profile: {}\n", e(name));
    let mut frameworks: Vec<&FrameworkInfo> = Vec::new();
    let mut missing = Vec::new();
    for skill in &profile.skills {
        let Some(entry) = loaded(catalog, skill) else {
            missing.push(skill);
            continue;
        };
        let framework = catalog.framework_of(entry);
        if !frameworks.iter().any(|f| std::ptr::eq(*f, framework)) {
            frameworks.push(framework);
        }
        out.push_str(&skill_section(catalog, entry, skill));
    }
    if !missing.is_empty() {
        out.push_str("\n## Skills not loaded\n\n");
        for skill in missing {
            let _ = writeln!(
                out,
                "- {} {} at level {}",
                e(&skill.framework_title()),
                e(skill.code.as_str()),
                level_and_target(skill)
            );
        }
    }
    if !frameworks.is_empty() {
        out.push_str("\n---\n\n");
        for framework in frameworks {
            let source = framework
                .source
                .clone()
                .unwrap_or_else(|| framework.title());
            let _ = writeln!(out, "Source: {}  ", e(&source));
        }
    }
    out
}

/// One skill of a profile in Markdown: what it is, then the chosen level.
fn skill_section(catalog: &Catalog, entry: &Entry, chosen: &ProfileSkill) -> String {
    let e = markdown_escape;
    let (skill, framework) = (&entry.skill, catalog.framework_of(entry));
    let level = chosen.level;
    let mut out = format!("\n## {} — {}\n\n", e(&skill.name), e(skill.code.as_str()));
    let _ = writeln!(out, "- Framework: {}", e(&framework.title()));
    let placement = placement(entry);
    if !placement.is_empty() {
        let _ = writeln!(out, "- Category: {}", e(&placement));
    }
    let _ = writeln!(out, "- Level: {level} — {}", e(framework.level_name(level)));
    if let Some(target) = chosen.target {
        let _ = writeln!(
            out,
            "- Target: {target} — {}",
            e(framework.level_name(target))
        );
    }
    if let Some(note) = &chosen.note {
        let _ = writeln!(out, "- Note: {}", e(&note.replace('\n', " ")));
    }
    let _ = writeln!(out, "\n{}", e(&skill.description));
    let _ = writeln!(
        out,
        "\n### Level {level} — {}\n",
        e(framework.level_name(level))
    );
    if let Some(essence) = framework.essence(level) {
        let _ = writeln!(
            out,
            "*Essence of the level:* {}\n",
            e(&essence.replace('\n', " "))
        );
    }
    match skill.statements(level) {
        Some(statements) => {
            for statement in statements {
                let _ = writeln!(out, "- {}", e(statement));
            }
        }
        None => {
            let _ = writeln!(
                out,
                "{} does not define level {level}; it defines levels {}.",
                e(skill.code.as_str()),
                skill.level_range_text()
            );
        }
    }
    out
}

/// The profile as JSON: each skill as the file names it, with what the catalog knows of it.
pub fn profile_json(catalog: &Catalog, name: &str, profile: &Profile) -> Value {
    let skills: Vec<Value> = (profile.skills.iter())
        .map(|skill| {
            let entry = loaded(catalog, skill);
            let framework = entry.map(|entry| catalog.framework_of(entry));
            json!({
                "framework": skill.framework,
                "edition": skill.edition,
                "code": skill.code.as_str(),
                "loaded": entry.is_some(),
                "name": entry.map(|e| &e.skill.name),
                "category": entry.and_then(|e| e.skill.category.as_ref()),
                "level": skill.level.get(),
                "level_name": framework.map(|f| f.level_name(skill.level)),
                "target": skill.target.map(|t| t.get()),
                "target_name": framework.zip(skill.target).map(|(f, t)| f.level_name(t)),
                "note": skill.note,
                "statements": entry.and_then(|e| e.skill.statements(skill.level)),
            })
        })
        .collect();
    json!({ "name": name, "skills": skills })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::{Code, Level};
    use crate::data::sources::{load_catalog, parse_framework, SourceSelection};

    fn catalog() -> Catalog {
        let mut catalog = load_catalog(&SourceSelection {
            built_in: true,
            ..Default::default()
        });
        catalog.make_printable();
        catalog
    }

    fn skill(framework: &str, edition: &str, code: &str, level: u8) -> ProfileSkill {
        ProfileSkill {
            framework: framework.into(),
            edition: Some(edition.into()),
            code: Code::new(code).unwrap(),
            level: Level::new(level).unwrap(),
            target: None,
            note: None,
        }
    }

    fn profile() -> Profile {
        let mut relm = skill("SFIA", "9", "RELM", 4);
        relm.target = Some(Level::new(5).unwrap());
        relm.note = Some("Ran *two* releases".into());
        Profile {
            skills: vec![relm, skill("Gone", "1", "NOPE", 2)],
        }
    }

    #[test]
    fn the_text_lists_level_and_target_and_flags_missing_skills() {
        let catalog = catalog();
        let text = profile_document(&catalog, "me", &profile(), 80).text();
        assert!(text.starts_with("Profile me  2 skills\n"), "{text}");
        assert!(
            text.contains("RELM  Release and deployment  level 4 → 5  SFIA 9"),
            "{text}"
        );
        assert!(text.contains("  Ran *two* releases"), "{text}");
        assert!(
            text.contains("NOPE  missing: not loaded  level 2  Gone 1"),
            "{text}"
        );
    }

    #[test]
    fn a_narrow_width_wraps_the_line_and_keeps_the_level() {
        let catalog = catalog();
        let text = profile_document(&catalog, "me", &profile(), 40).text();
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
        assert!(!text.contains('…'), "{text}");
        let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            joined.contains("RELM Release and deployment level 4 → 5 SFIA 9"),
            "{text}"
        );
    }

    #[test]
    fn the_markdown_holds_what_a_reader_needs_and_the_source() {
        let catalog = catalog();
        let markdown = profile_markdown(&catalog, "me", &profile());
        let relm = &catalog.entries[catalog.find("RELM", None)[0]].skill;
        assert!(markdown.starts_with("# Skills profile: me\n"), "{markdown}");
        assert!(
            markdown.contains("## Release and deployment — RELM"),
            "{markdown}"
        );
        assert!(markdown.contains("- Level: 4 — Enable\n- Target: 5 — Ensure, advise"));
        assert!(
            markdown.contains("- Note: Ran \\*two\\* releases"),
            "{markdown}"
        );
        for statement in relm.statements(Level::new(4).unwrap()).unwrap() {
            assert!(
                markdown.contains(&markdown_escape(statement)),
                "{statement}"
            );
        }
        assert!(markdown.contains("## Skills not loaded\n\n- Gone 1 NOPE at level 2"));
        assert!(markdown.contains("Source: SFIA 9"), "{markdown}");
    }

    #[test]
    fn the_essence_of_the_level_is_given_when_the_framework_has_it() {
        let mut catalog = catalog();
        let text = r#"(framework: "Own", levels: [(level: 4, name: "Enable", essence: "Shares what they know.")],
            skills: [(code: "OWN1", name: "Own skill", description: "Ours.", levels: {4: ["Does it."]})])"#;
        catalog.add("own.ron", parse_framework("own.ron", text).unwrap());
        let own = Profile {
            skills: vec![ProfileSkill {
                edition: None,
                ..skill("Own", "", "OWN1", 4)
            }],
        };
        let markdown = profile_markdown(&catalog, "role", &own);
        assert!(
            markdown.contains("### Level 4 — Enable\n\n*Essence of the level:* Shares what they know.\n\n- Does it.\n"),
            "{markdown}"
        );
        assert!(!profile_markdown(&catalog, "me", &profile()).contains("Essence"));
    }

    #[test]
    fn json_says_which_skills_are_loaded() {
        let catalog = catalog();
        let value = profile_json(&catalog, "me", &profile());
        assert_eq!(value["skills"][0]["loaded"], true);
        assert_eq!(value["skills"][0]["target"], 5);
        assert_eq!(value["skills"][0]["target_name"], "Ensure, advise");
        assert_eq!(value["skills"][1]["loaded"], false);
        assert_eq!(value["skills"][1]["name"], Value::Null);
        assert_eq!(value["skills"][1]["code"], "NOPE");
    }
}
