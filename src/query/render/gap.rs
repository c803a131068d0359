//! The gap between two profiles (see [`crate::query::gap`]) as text, Markdown and JSON: the
//! skills missing with what their required level says, the skills below it as the comparison
//! from the level held to the level required, and a line for each skill met, exceeded or not
//! loaded.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::comparison::columns::ChangeMarks;
use super::comparison::printed::printed_comparison;
use super::comparison::{markdown, rows_summary, Side};
use super::document::{Document, Line, Mark, Span};
use super::markdown_escape;
use super::skill::wrapped;
use crate::data::catalog::{Catalog, Entry};
use crate::data::model::Level;
use crate::query::gap::{GapItem, Standing};

/// What is compared: "me" and "Senior dev", or "me" and its own targets (`to` is `None`).
#[derive(Debug, Clone, Copy)]
pub struct GapTitle<'a> {
    pub from: &'a str,
    pub to: Option<&'a str>,
}

impl GapTitle<'_> {
    fn text(&self) -> String {
        format!(
            "Gap from {} to {}",
            self.from,
            self.to.unwrap_or("its targets")
        )
    }
}

/// "RELM does not define level 7; it defines levels 2–6", for an item with such a level.
fn undefined_text(catalog: &Catalog, item: &GapItem) -> Option<String> {
    let level = item.undefined_level(catalog)?;
    let skill = &entry(catalog, item)?.skill;
    Some(format!(
        "{} does not define level {level}; it defines levels {}",
        skill.code,
        skill.level_range_text()
    ))
}

fn entry<'a>(catalog: &'a Catalog, item: &GapItem) -> Option<&'a Entry> {
    item.entry.map(|i| &catalog.entries[i])
}

/// "RELM  Release and deployment", or the code and framework of a skill not loaded.
fn skill_label(catalog: &Catalog, item: &GapItem) -> String {
    let code = item.required.skill.code.as_str();
    match entry(catalog, item) {
        Some(entry) => format!("{code}  {}", entry.skill.name),
        None => format!(
            "{code}  ({}, not loaded)",
            item.required.skill.framework_title()
        ),
    }
}

/// "level 3, required 4", "required 4" when the skill is not held.
fn levels_text(item: &GapItem) -> String {
    match item.have {
        Some(have) => format!("level {have}, required {}", item.required.level),
        None => format!("required {}", item.required.level),
    }
}

fn count_line(items: &[GapItem]) -> String {
    Standing::ALL
        .into_iter()
        .map(|standing| {
            let n = items.iter().filter(|i| i.standing == standing).count();
            format!("{} {n}", standing.heading().to_lowercase())
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The gap as text wrapped to `width`, the comparisons in two columns as `compare` prints them.
pub fn gap_document(
    catalog: &Catalog,
    title: GapTitle,
    items: &[GapItem],
    width: usize,
    marks: ChangeMarks,
) -> Document {
    let mut document = Document::default();
    document.extend(Line::marked(title.text(), Mark::Title).wrap(width));
    document.extend(Line::marked(count_line(items), Mark::Dim).wrap(width));
    if items.is_empty() {
        document.blank();
        document.push(Line::plain("Nothing is required: no skills to compare."));
    }
    for standing in Standing::ALL {
        let group: Vec<&GapItem> = items.iter().filter(|i| i.standing == standing).collect();
        if group.is_empty() {
            continue;
        }
        document.blank();
        document.push(Line::marked(
            format!("{} ({})", standing.heading(), group.len()),
            Mark::Title,
        ));
        for (n, item) in group.into_iter().enumerate() {
            // A comparison ends with its summary: a blank line before the next skill's heading.
            if n > 0 && standing == Standing::Below {
                document.blank();
            }
            let heading = Line::new(vec![
                Span::new(skill_label(catalog, item), Mark::Code),
                Span::new(format!("  {}", levels_text(item)), Mark::Dim),
            ]);
            document.extend(heading.wrap(width));
            let Some(entry) = entry(catalog, item) else {
                continue;
            };
            if let Some(undefined) = undefined_text(catalog, item) {
                document.extend(wrapped(&undefined, width, "  ", "  "));
                continue;
            }
            match standing {
                Standing::Missing => {
                    let level = item.required.level;
                    for statement in entry.skill.statements(level).unwrap_or_default() {
                        document.extend(wrapped(statement, width, "  • ", "    "));
                    }
                }
                Standing::Below => {
                    let rows = item.rows(catalog).unwrap_or_default();
                    let [left, right] = sides(catalog, entry, item);
                    document.blank();
                    document.extend(printed_comparison(&left, &right, rows, width, marks).lines);
                }
                _ => {}
            }
        }
    }
    document
}

/// The level held and the level required, as the two sides of a comparison.
fn sides<'a>(catalog: &'a Catalog, entry: &'a Entry, item: &GapItem) -> [Side<'a>; 2] {
    let have = item.have.unwrap_or(item.required.level);
    [have, item.required.level].map(|level: Level| Side {
        catalog,
        entry,
        level,
    })
}

/// The gap as Markdown: a section per standing, comparisons as tables.
pub fn gap_markdown(catalog: &Catalog, title: GapTitle, items: &[GapItem]) -> String {
    let e = markdown_escape;
    let mut out = format!("# {}\n\n{}\n", e(&title.text()), count_line(items));
    for standing in Standing::ALL {
        let group: Vec<&GapItem> = items.iter().filter(|i| i.standing == standing).collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n## {} ({})\n", standing.heading(), group.len());
        for item in group {
            let label = format!("{}: {}", skill_label(catalog, item), levels_text(item));
            let entry = entry(catalog, item);
            if let Some(undefined) = undefined_text(catalog, item) {
                let _ = writeln!(out, "- {}: {}", e(&label), e(&undefined));
                continue;
            }
            match (standing, entry) {
                (Standing::Missing, Some(entry)) => {
                    let _ = writeln!(out, "### {}\n", e(&label));
                    let level = item.required.level;
                    for statement in entry.skill.statements(level).unwrap_or_default() {
                        let _ = writeln!(out, "- {}", e(statement));
                    }
                    out.push('\n');
                }
                (Standing::Below, Some(entry)) => {
                    let rows = item.rows(catalog).unwrap_or_default();
                    let [left, right] = sides(catalog, entry, item);
                    out.push_str(&markdown(&left, &right, &rows).replacen("## ", "### ", 1));
                    let _ = writeln!(out, "\n{}\n", rows_summary(&rows));
                }
                _ => {
                    let _ = writeln!(out, "- {}", e(&label));
                }
            }
        }
    }
    out
}

/// The gap as JSON: every item with its standing, levels, and for a skill below the rows of the
/// comparison as `compare --format json` writes them.
pub fn gap_json(catalog: &Catalog, title: GapTitle, items: &[GapItem]) -> Value {
    let items: Vec<Value> = (items.iter())
        .map(|item| {
            let skill = item.required.skill;
            let entry = entry(catalog, item);
            let required_statements = entry
                .and_then(|e| e.skill.statements(item.required.level))
                .filter(|_| item.standing == Standing::Missing);
            json!({
                "framework": skill.framework,
                "edition": skill.edition,
                "code": skill.code.as_str(),
                "name": entry.map(|e| &e.skill.name),
                "standing": item.standing,
                "level": item.have.map(Level::get),
                "required": item.required.level.get(),
                "required_statements": required_statements,
                "rows": item.rows(catalog),
                "undefined_level": item.undefined_level(catalog).map(Level::get),
            })
        })
        .collect();
    json!({ "from": title.from, "to": title.to, "items": items })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::Code;
    use crate::data::profile::{Profile, ProfileSkill};
    use crate::data::sources::{load_catalog, SourceSelection};
    use crate::query::gap::{built_in_framework, gap, levels_of};

    fn skill(code: &str, level: u8) -> ProfileSkill {
        let (framework, edition) = built_in_framework(code);
        ProfileSkill {
            framework,
            edition,
            code: Code::new(code).unwrap(),
            level: Level::new(level).unwrap(),
            target: None,
            note: None,
        }
    }

    fn fixture() -> (Catalog, Profile, Profile) {
        let mut catalog = load_catalog(&SourceSelection {
            built_in: true,
            ..Default::default()
        });
        catalog.make_printable();
        let me = Profile {
            skills: vec![skill("RELM", 4), skill("SLEN", 6)],
        };
        let role = Profile {
            skills: vec![
                skill("RELM", 5),
                skill("SLEN", 5),
                skill("DSOP", 4),
                skill("NOPE", 3),
            ],
        };
        (catalog, me, role)
    }

    const TITLE: GapTitle = GapTitle {
        from: "me",
        to: Some("lead"),
    };

    #[test]
    fn text_groups_the_skills_and_diffs_the_ones_below() {
        let (catalog, me, role) = fixture();
        let items = gap(&catalog, &me, levels_of(&role));
        let text = gap_document(&catalog, TITLE, &items, 80, ChangeMarks::Bracketed).text();
        // The count line is wider than 80 columns: wrapped, never cut.
        assert!(text.starts_with("Gap from me to lead\nmissing 1 · below the required level 1 · met 0 · above the required level 1 ·\nnot loaded 1\n"), "{text}");
        let order = [
            "Missing (1)",
            "Below the required level (1)",
            "Above the required level (1)",
            "Not loaded (1)",
        ];
        let places: Vec<usize> = order
            .iter()
            .map(|h| text.find(h).unwrap_or_else(|| panic!("{h}\n{text}")))
            .collect();
        assert!(places.windows(2).all(|w| w[0] < w[1]), "{text}");
        assert!(text.contains("RELM L4 — Enable"), "{text}");
        assert!(text.contains("RELM L5 — Ensure, advise"), "{text}");
        assert!(
            text.contains("{+") || text.contains("[-"),
            "the word diff is marked: {text}"
        );
        assert!(
            text.contains("NOPE  (SFIA 9, not loaded)  required 3"),
            "{text}"
        );
        assert!(
            text.contains("SLEN  Systems and software life cycle engineering  level 6, required 5")
        );
    }

    #[test]
    fn markdown_and_json_say_the_same() {
        let (catalog, me, role) = fixture();
        let items = gap(&catalog, &me, levels_of(&role));
        let markdown = gap_markdown(&catalog, TITLE, &items);
        assert!(
            markdown.contains("## Missing (1)\n\n### DSOP  DevSecOps Engineering: required 4\n"),
            "{markdown}"
        );
        assert!(markdown.contains("### RELM L4 → RELM L5\n"), "{markdown}");
        let value = gap_json(&catalog, TITLE, &items);
        let standings: Vec<&str> = (value["items"].as_array().unwrap().iter())
            .map(|i| i["standing"].as_str().unwrap())
            .collect();
        assert_eq!(standings, ["below", "above", "missing", "unknown"]);
        assert!(value["items"][0]["rows"]
            .as_array()
            .is_some_and(|r| !r.is_empty()));
        assert!(value["items"][2]["required_statements"]
            .as_array()
            .is_some());
        assert_eq!(value["items"][3]["name"], Value::Null);
        assert_eq!(value["to"], "lead");
        let own = GapTitle {
            from: "me",
            to: None,
        };
        assert_eq!(gap_json(&catalog, own, &items)["to"], Value::Null);
        assert!(gap_markdown(&catalog, own, &items).starts_with("# Gap from me to its targets"));
    }

    #[test]
    fn headings_wrap_at_a_narrow_width_and_lose_nothing() {
        let (catalog, me, role) = fixture();
        let items = gap(&catalog, &me, levels_of(&role));
        let text = gap_document(&catalog, TITLE, &items, 40, ChangeMarks::Bracketed).text();
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
        // Only the comparison's column headings are cut, as `compare` cuts them.
        let outside_columns = text.lines().filter(|l| !l.contains('│'));
        assert!(outside_columns.clone().all(|l| !l.contains('…')), "{text}");
        let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            joined.contains("SLEN Systems and software life cycle engineering level 6, required 5"),
            "{text}"
        );
    }

    #[test]
    fn a_level_the_skill_does_not_define_is_said_instead_of_an_empty_comparison() {
        let (catalog, _, _) = fixture();
        let me = Profile {
            skills: vec![ProfileSkill {
                target: Level::new(1),
                ..skill("RELM", 7)
            }],
        };
        let items = gap(&catalog, &me, crate::query::gap::targets_of(&me));
        let own = GapTitle {
            from: "me",
            to: None,
        };
        let text = gap_document(&catalog, own, &items, 80, ChangeMarks::Bracketed).text();
        assert!(
            text.contains("  RELM does not define level 7; it defines levels 2–6"),
            "{text}"
        );
        assert!(!text.contains('│'), "no comparison: {text}");
        let markdown = gap_markdown(&catalog, own, &items);
        assert!(
            markdown.contains("RELM does not define level 7"),
            "{markdown}"
        );
        assert!(!markdown.contains('|'), "{markdown}");
        let value = gap_json(&catalog, own, &items);
        assert_eq!(value["items"][0]["undefined_level"], 7);
        assert_eq!(value["items"][0]["rows"], Value::Null);
    }
}
