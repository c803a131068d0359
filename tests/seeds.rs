//! The built-in data holds every level statement, description and guidance item of the three
//! seed documents (copied into tests/seeds/ from the project's shared sources), word for word.

use skillscope::data::model::{Framework, Level, Skill};
use skillscope::data::sources::{parse_framework, BUILT_IN_FILES};

/// Folds line wrapping: joins words hyphenated across a line break, collapses all white space
/// (non-breaking spaces included) into single spaces.
fn normalize(text: &str) -> String {
    let text = text.replace('\u{a0}', " ");
    let mut joined = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let line = line.trim();
        joined.push_str(line);
        if !(line.ends_with('-') && lines.peek().is_some_and(|l| !l.trim().is_empty())) {
            joined.push(' ');
        }
    }
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The paragraphs of a text (separated by lines with nothing but white space), normalized.
fn paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = vec![String::new()];
    for line in text.lines() {
        if line.trim().is_empty() {
            paragraphs.push(String::new());
        } else {
            let last = paragraphs.last_mut().unwrap();
            last.push_str(line);
            last.push('\n');
        }
    }
    (paragraphs.iter())
        .map(|p| normalize(p))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The text under each "Level N" heading ("Level 4", "Level 4 description:",
/// "Release and deployment: Level 4") up to the next heading or a blank-line gap before prose.
fn level_sections(document: &str) -> Vec<(u8, String)> {
    let mut sections: Vec<(u8, String)> = Vec::new();
    for line in document.lines() {
        let trimmed = line
            .trim()
            .trim_end_matches(':')
            .trim_end_matches(" description");
        let heading = trimmed
            .rsplit_once("Level ")
            .filter(|(before, _)| before.is_empty() || before.ends_with(": "));
        match heading.and_then(|(_, n)| n.parse::<u8>().ok()) {
            Some(n) if trimmed.len() < 40 => sections.push((n, String::new())),
            _ => {
                if let Some((_, text)) = sections.last_mut() {
                    text.push_str(line);
                    text.push('\n');
                }
            }
        }
    }
    sections
        .into_iter()
        .map(|(n, text)| (n, normalize(&text)))
        .collect()
}

fn built_in() -> Vec<Framework> {
    (BUILT_IN_FILES.iter())
        .map(|file| parse_framework(file.name, file.text).expect("the built-in data loads"))
        .collect()
}

fn skill<'a>(frameworks: &'a [Framework], code: &str) -> &'a Skill {
    (frameworks.iter())
        .flat_map(|framework| &framework.skills)
        .find(|s| s.code.as_str() == code)
        .unwrap()
}

fn framework_of<'a>(frameworks: &'a [Framework], code: &str) -> &'a Framework {
    (frameworks.iter())
        .find(|framework| framework.skills.iter().any(|s| s.code.as_str() == code))
        .unwrap()
}

fn check_levels(code: &str, document: &str, expected_levels: &[u8]) {
    let framework = built_in();
    let skill = skill(&framework, code);
    let defined: Vec<u8> = skill.defined_levels().map(Level::get).collect();
    assert_eq!(defined, expected_levels, "{code}: defined levels");
    let sections = level_sections(document);
    let found: Vec<u8> = sections
        .iter()
        .filter(|(_, text)| !text.contains("not typically observed"))
        .map(|(n, _)| *n)
        .collect();
    assert_eq!(
        found, expected_levels,
        "{code}: level sections found in the document"
    );
    for (n, section) in sections {
        let level = Level::new(n).unwrap();
        match skill.statements(level) {
            Some(statements) => assert_eq!(
                normalize(&statements.join(" ")),
                section,
                "{code} level {n}"
            ),
            None => assert!(
                section.is_empty() || section.contains("not typically observed"),
                "{code} level {n} is in the document but not in the data: {section}"
            ),
        }
    }
}

#[test]
fn slen_levels_match_the_document() {
    check_levels("SLEN", include_str!("seeds/slen.txt"), &[4, 5, 6, 7]);
}

#[test]
fn dsop_levels_match_the_document() {
    check_levels("DSOP", include_str!("seeds/dsop.txt"), &[4, 5, 6]);
}

#[test]
fn relm_levels_match_the_document() {
    check_levels("RELM", include_str!("seeds/relm.txt"), &[2, 3, 4, 5, 6]);
}

#[test]
fn descriptions_guidance_and_notes_come_from_the_documents() {
    let framework = built_in();
    for (code, document) in [
        ("SLEN", include_str!("seeds/slen.txt")),
        ("DSOP", include_str!("seeds/dsop.txt")),
        ("RELM", include_str!("seeds/relm.txt")),
    ] {
        let document = normalize(document).replace(" • ", " ");
        let skill = skill(&framework, code);
        assert!(
            document.contains(&normalize(&skill.description)),
            "{code} description"
        );
        for block in skill.guidance.as_deref().unwrap_or("").lines() {
            let item = normalize(block.trim_start_matches("- "));
            assert!(document.contains(&item), "{code} guidance: {item}");
        }
        // RELM's first change note joins a heading bullet and its sub-bullet with a colon.
        for note in &skill.notes {
            let note = normalize(note).replace("Guidance notes updated: ", "");
            assert!(document.contains(&note), "{code} note: {note}");
        }
    }
}

#[test]
fn placements_and_statuses_are_as_documented() {
    let framework = built_in();
    let dsop = skill(&framework, "DSOP");
    assert_eq!(dsop.category.as_deref(), Some("Change and Transformation"));
    assert_eq!(
        dsop.subcategory.as_deref(),
        Some("Software Life-Cycle Optimization")
    );
    assert_eq!(dsop.status, skillscope::data::model::Status::Proposed);
    let document = include_str!("seeds/dsop.txt");
    let rationale = document
        .split_once("Rational:")
        .and_then(|(_, rest)| rest.split_once("DevSecOps Engineering (DSOP)"))
        .unwrap()
        .0;
    assert_eq!(
        dsop.rationale
            .iter()
            .map(|n| normalize(n))
            .collect::<Vec<_>>(),
        paragraphs(rationale),
        "the rationale is the proposal's, a paragraph each"
    );
    assert!(dsop.notes.is_empty(), "the rationale is not given as notes");
    let relm = skill(&framework, "RELM");
    assert_eq!(relm.status, skillscope::data::model::Status::Prototype);
    assert!(relm.notes.iter().any(|n| n.starts_with("Disclaimer")));
    let slen = skill(&framework, "SLEN");
    assert_eq!(slen.subcategory.as_deref(), Some("Systems development"));
    for code in ["SLEN", "RELM", "DSOP"] {
        let levels = &framework_of(&framework, code).levels;
        let names: Vec<&str> = levels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names[6], "Set strategy, inspire, mobilise", "{code}");
    }
}

#[test]
fn each_skill_is_under_the_framework_and_edition_of_its_document() {
    let frameworks = built_in();
    let title = |code: &str| {
        let framework = framework_of(&frameworks, code);
        (framework.framework.as_str(), framework.edition.as_deref())
    };
    // SLEN's document carries the SFIA 8 wording; RELM is the SFIA 9 prototype; DSOP is a
    // proposal, part of no edition.
    assert_eq!(title("SLEN"), ("SFIA", Some("8")));
    assert_eq!(title("RELM"), ("SFIA", Some("9")));
    assert_eq!(title("DSOP"), ("Proposed skills", None));
}

/// SLEN and RELM publish one statement per line: each statement is one whole line of its
/// document, so two sentences on one line stay one statement.
#[test]
fn one_source_line_is_one_statement() {
    let frameworks = built_in();
    for (code, document, counts) in [
        (
            "SLEN",
            include_str!("seeds/slen.txt"),
            [(4, 4), (5, 4), (6, 4), (7, 4)].as_slice(),
        ),
        (
            "RELM",
            include_str!("seeds/relm.txt"),
            [(2, 4), (3, 3), (4, 4), (5, 4), (6, 4)].as_slice(),
        ),
    ] {
        let lines: Vec<String> = document.lines().map(normalize).collect();
        let skill = skill(&frameworks, code);
        for &(level, count) in counts {
            let statements = skill.statements(Level::new(level).unwrap()).unwrap();
            assert_eq!(statements.len(), count, "{code} level {level}");
            for statement in statements {
                assert!(
                    lines.contains(&normalize(statement)),
                    "{code} level {level}: not a whole line of the document: {statement}"
                );
            }
        }
    }
}
