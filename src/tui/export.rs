//! `e` in the browser: what is shown as Markdown, in the current folder: the skill at the level
//! shown, the comparison or the progression, or a level of responsibility; each file ends with
//! where its text comes from (the data's source line, with its attribution).

use std::path::Path;

use super::state::{Side, Subject};
use crate::data::catalog::{Catalog, Entry, FrameworkInfo};
use crate::data::model::Level;
use crate::data::sanitize::escaped_path;
use crate::query::render::comparison::{markdown_document, progression_markdown};
use crate::query::render::levels::compared::level_comparison_markdown;
use crate::query::render::levels::{level, AttributeFilter, LevelSide};
use crate::query::render::markdown_escape;
use crate::query::render::skill::skill_markdown;

/// Writes a new file named `name` (or `name-2`, `name-3`, … when taken) in the current folder
/// and says where, with the whole path.
pub fn write_new_file(name: &str, contents: &str) -> String {
    let folder = match std::env::current_dir() {
        Ok(folder) => folder,
        Err(e) => return format!("Export failed: no current folder: {e}"),
    };
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, "md"));
    for attempt in 1..100 {
        let candidate = if attempt == 1 {
            name.to_string()
        } else {
            format!("{stem}-{attempt}.{extension}")
        };
        let path = folder.join(&candidate);
        match crate::data::atomic::write_new(Path::new(&path), contents.as_bytes()) {
            Ok(()) => return format!("Exported to {}", escaped_path(&path)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return format!("Export failed: {e}"),
        }
    }
    format!("Export failed: {name} and 98 more names are taken")
}

/// A file to export: its name and its Markdown.
pub struct Export {
    pub name: String,
    pub markdown: String,
}

/// A skill at the level shown, as `skillscope show RELM --level 4 --format markdown` writes it,
/// with the data's source (`RELM-L4.md`).
pub fn skill_level(catalog: &Catalog, entry: &Entry, level: Level) -> Export {
    let markdown = skill_markdown(catalog, entry, Some(level));
    Export {
        name: format!("{}-L{level}.md", entry.skill.code),
        markdown: with_source(markdown, catalog.framework_of(entry)),
    }
}

/// A skill through all its levels, as the progression shows it, with the data's source
/// (`RELM-progression.md`).
pub fn progression(catalog: &Catalog, entry: &Entry) -> Export {
    Export {
        name: format!("{}-progression.md", entry.skill.code),
        markdown: with_source(
            progression_markdown(catalog, entry),
            catalog.framework_of(entry),
        ),
    }
}

/// The comparison on screen: of skills as `skillscope compare --format markdown` writes it
/// (`RELM-L4-vs-RELM-L5.md`), of levels of responsibility as `skillscope levels 4 5 --format
/// markdown` does (`levels-4-vs-5.md`), each with the data's source.
pub fn comparison(catalog: &Catalog, subject: Subject) -> Export {
    match subject {
        Subject::Skills([left, right]) => {
            let side = |s: Side| (&catalog.entries[s.entry], s.level);
            let code = |s: Side| &catalog.entries[s.entry].skill.code;
            let mut markdown = markdown_document(catalog, side(left), side(right));
            let [a, b] = [left, right].map(|s| catalog.framework_of(&catalog.entries[s.entry]));
            markdown = with_source(markdown, a);
            if !std::ptr::eq(a, b) {
                markdown = with_source(markdown, b);
            }
            Export {
                name: format!(
                    "{}-L{}-vs-{}-L{}.md",
                    code(left),
                    left.level,
                    code(right),
                    right.level
                ),
                markdown,
            }
        }
        Subject::Levels { framework, levels } => {
            let framework = &catalog.frameworks[framework];
            let [left, right] = levels.map(|level| LevelSide::new(framework, level));
            let every = AttributeFilter::every();
            let markdown = level_comparison_markdown(left, right, &every);
            Export {
                name: format!("levels-{}-vs-{}.md", left.level, right.level),
                markdown: with_source(markdown, framework),
            }
        }
    }
}

/// One level of responsibility as `skillscope levels 5 --format markdown` writes it, with the
/// data's source.
pub fn level_markdown(framework: &FrameworkInfo, level: Level) -> String {
    let markdown = level::level_markdown(framework, level, &AttributeFilter::every());
    with_source(markdown, framework)
}

/// The Markdown, then where its text comes from: the data file's `source:` (an imported file
/// carries SFIA's attribution there), else the framework's title.
fn with_source(mut markdown: String, framework: &FrameworkInfo) -> String {
    let source = framework
        .source
        .clone()
        .unwrap_or_else(|| framework.title());
    markdown.push_str(&format!("\nSource: {}\n", markdown_escape(&source)));
    markdown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sources::{load_catalog, parse_framework, SourceSelection};

    fn level(n: u8) -> Level {
        Level::new(n).unwrap()
    }

    /// The built-in skills, and the invented levels of the tests as "Testing 1", with a source.
    fn catalog() -> Catalog {
        let mut catalog = load_catalog(&SourceSelection {
            built_in: true,
            ..Default::default()
        });
        let text = include_str!("../../tests/fixtures/levels.ron").replace(
            "edition: \"1\",",
            "edition: \"1\",\n    source: \"Invented | for *tests*\",",
        );
        catalog.add("levels.ron", parse_framework("levels.ron", &text).unwrap());
        catalog
    }

    #[test]
    fn two_levels_export_as_the_levels_command_writes_them_with_their_source() {
        let catalog = catalog();
        let framework = catalog.frameworks.iter().position(|f| f.name == "Testing");
        let subject = Subject::Levels {
            framework: framework.unwrap(),
            levels: [level(4), level(5)],
        };
        let export = comparison(&catalog, subject);
        assert_eq!(export.name, "levels-4-vs-5.md");
        let testing = &catalog.frameworks[framework.unwrap()];
        let [four, five] = [4, 5].map(|n| LevelSide::new(testing, level(n)));
        let written = level_comparison_markdown(four, five, &AttributeFilter::every());
        assert_eq!(
            export.markdown,
            format!("{written}\nSource: Invented \\| for \\*tests\\*\n")
        );
        assert!(export.markdown.contains("#### Autonomy (AUTO)"));
        let one = level_markdown(testing, level(5));
        assert!(one.starts_with("## Level 5 — Ensure, advise\n"), "{one}");
        assert!(
            one.ends_with("\nSource: Invented \\| for \\*tests\\*\n"),
            "{one}"
        );
    }

    #[test]
    fn two_skills_export_as_compare_writes_them() {
        let catalog = catalog();
        let relm = catalog.find("RELM", None)[0];
        let sides = [4, 5].map(|n| Side {
            entry: relm,
            level: level(n),
        });
        let export = comparison(&catalog, Subject::Skills(sides));
        assert_eq!(export.name, "RELM-L4-vs-RELM-L5.md");
        let entry = &catalog.entries[relm];
        let written = markdown_document(&catalog, (entry, level(4)), (entry, level(5)));
        let source = catalog.framework_of(entry).source.clone().unwrap();
        assert!(source.contains("© SFIA Foundation"), "{source}");
        let source = markdown_escape(&source);
        assert_eq!(export.markdown, format!("{written}\nSource: {source}\n"));
    }

    #[test]
    fn a_skill_exports_the_level_shown_and_the_progression_every_level() {
        let catalog = catalog();
        let entry = &catalog.entries[catalog.find("RELM", None)[0]];
        let source = markdown_escape(catalog.framework_of(entry).source.as_ref().unwrap());
        let one = skill_level(&catalog, entry, level(4));
        assert_eq!(one.name, "RELM-L4.md");
        assert!(
            one.markdown.contains("### Level 4 — Enable"),
            "{}",
            one.markdown
        );
        assert!(!one.markdown.contains("### Level 5"), "{}", one.markdown);
        assert!(one.markdown.ends_with(&format!("\nSource: {source}\n")));

        let all = progression(&catalog, entry);
        assert_eq!(all.name, "RELM-progression.md");
        let headings: Vec<&str> = (all.markdown.lines())
            .filter(|line| line.starts_with("### Level"))
            .collect();
        assert_eq!(headings.len(), 5, "levels 2 to 6:\n{}", all.markdown);
        assert!(all.markdown.contains("against L4\n"), "{}", all.markdown);
        assert!(all.markdown.contains("**"), "new words in bold");
        assert!(all.markdown.ends_with(&format!("\nSource: {source}\n")));
    }
}
