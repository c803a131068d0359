//! `skillscope import` of the levels of responsibility and the attributes, in every layout the
//! official downloads use: SFIA 8's levels sheet (a level a row, the attributes as columns),
//! SFIA 9's "Attributes" sheet and levels table, both as CSV files of their own, and SFIA 9's
//! beta exports (snake_case headers, HTML cells). Every workbook and CSV is built here, with
//! invented text.

mod common;
use common::{stderr, stdout, Sandbox};

use std::fs;
use std::path::Path;

use skillscope::data::import::{import_workbook, read_workbook, to_ron, ImportOptions};
use skillscope::data::model::{AttributeKind, Framework, Level, Status};
use skillscope::data::sources::parse_framework;

type Rows = Vec<Vec<String>>;

/// Guiding phrases of the levels, invented (not SFIA's), so that a name read from a sheet is
/// told from SFIA's standard name used when the sheet gives none.
const PHRASES: [&str; 7] = ["Watch", "Help", "Do", "Guide", "Assure", "Shape", "Steer"];

fn rows(cells: &[&[&str]]) -> Rows {
    (cells.iter())
        .map(|row| row.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// A workbook of named sheets; cells that read as numbers are written as numbers, as the
/// official files hold level numbers.
fn write_xlsx(path: &Path, sheets: &[(&str, Rows)]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match text.parse::<f64>() {
                    Ok(number) => sheet.write_number(r, c, number).unwrap(),
                    Err(_) if text.is_empty() => continue,
                    Err(_) => sheet.write_string(r, c, text).unwrap(),
                };
            }
        }
    }
    book.save(path).unwrap();
}

fn csv_bytes(rows: &Rows) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(vec![]);
    for row in rows {
        writer.write_record(row).unwrap();
    }
    writer.into_inner().unwrap()
}

/// The text as Windows-1252 bytes, as older Excel writes CSV.
fn windows_1252(text: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(text).unwrap();
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

fn skills_sheet() -> Rows {
    rows(&[
        &[
            "Code",
            "Skill",
            "Category",
            "Overall description",
            "Level 2 description",
            "Level 3 description",
        ],
        &[
            "ABCD",
            "Alpha work",
            "Making",
            "Doing alpha work.",
            "Helps with alpha.",
            "Does alpha.",
        ],
        &[
            "EFGH",
            "Beta work",
            "Running",
            "Doing beta work.",
            "",
            "Does beta.",
        ],
    ])
}

/// Runs the import, expecting success; the report.
fn import(sandbox: &Sandbox, args: &[&str]) -> String {
    let mut all = vec!["import"];
    all.extend_from_slice(args);
    let output = sandbox.run(&all);
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
}

fn assert_contains(report: &str, expected: &[&str]) {
    for line in expected {
        assert!(report.contains(line), "missing {line:?} in:\n{report}");
    }
}

/// The written file, read back; and a check that it is what the import makes of the same files
/// in-process (the round trip: written RON → parse_framework → an equal framework).
fn written(sandbox: &Sandbox, name: &str, options: ImportOptions, files: &[&Path]) -> Framework {
    let path = sandbox.data_dir().join(name);
    let text = fs::read_to_string(&path).unwrap();
    let framework = parse_framework(&path.display().to_string(), &text).unwrap();
    let book = read_workbook(files[0]).unwrap();
    let options = ImportOptions {
        levels_book: files.get(1).map(|p| read_workbook(p).unwrap()),
        attributes_book: files.get(2).map(|p| read_workbook(p).unwrap()),
        ..options
    };
    let (imported, _) = import_workbook(&book, &options).unwrap();
    assert_eq!(imported, framework, "the file holds what was imported");
    let reread = parse_framework("again.ron", &to_ron(&imported).unwrap()).unwrap();
    assert_eq!(reread, imported);
    let validated = sandbox.run(&["validate", path.to_str().unwrap()]);
    assert!(validated.status.success(), "{}", stdout(&validated));
    framework
}

fn options(framework: &str, edition: &str, file: &str) -> ImportOptions {
    ImportOptions {
        framework: framework.into(),
        edition: Some(edition.into()),
        source: Some(skillscope::data::import::attribution(file)),
        ..ImportOptions::default()
    }
}

fn level(n: u8) -> Level {
    Level::new(n).unwrap()
}

fn attribute_summary(framework: &Framework) -> Vec<(&str, &str, AttributeKind)> {
    (framework.attributes.iter())
        .map(|a| (a.code.as_str(), a.name.as_str(), a.kind))
        .collect()
}

fn texts(framework: &Framework, code: &str, n: u8) -> Vec<String> {
    let attribute = framework
        .attributes
        .iter()
        .find(|a| a.code.as_str() == code);
    (attribute.and_then(|a| a.statements(level(n))))
        .unwrap_or_default()
        .to_vec()
}

/// SFIA 8's levels sheet: a title, the header, a level a row with "N - Name" (levels 2 and 5
/// without their name), the five attributes as columns.
fn sfia_8_levels() -> Rows {
    let mut sheet = rows(&[
        &["Levels of responsibility"],
        &[
            "Level",
            "Autonomy",
            "Influence",
            "Complexity",
            "Business skills",
            "Knowledge",
        ],
    ]);
    let names = PHRASES.iter().enumerate().map(|(i, phrase)| match i + 1 {
        2 | 5 => format!("{} - ", i + 1),
        n => format!("{n} - {phrase}"),
    });

    for (i, name) in names.enumerate() {
        let n = i + 1;
        sheet.push(vec![
            name,
            format!("Acts alone at step {n}."),
            format!("Reaches {n} circles."),
            if n == 7 {
                String::new()
            } else {
                format!("Juggles {n} things.")
            },
            format!("Writes at grade {n}.\r\nSpeaks at grade {n}."),
            format!("Knows {n} fields."),
        ]);
    }
    sheet
}

#[test]
fn sfia_8_levels_sheet_gives_levels_and_the_five_attributes() {
    let sandbox = Sandbox::new();
    let xlsx = sandbox.path("SFIA 8 framework.xlsx");
    write_xlsx(
        &xlsx,
        &[
            ("Skills", skills_sheet()),
            ("Levels of responsibility", sfia_8_levels()),
        ],
    );
    let report = import(&sandbox, &[xlsx.to_str().unwrap()]);
    assert_contains(
        &report,
        &[
            "  2 skills\n",
            "  7 levels from sheet \"Levels of responsibility\"\n",
            "  5 attributes with 34 level texts from sheet \"Levels of responsibility\"\n",
            "  sheet \"Levels of responsibility\" gives no name for level 2, 5; SFIA's standard names are used\n",
        ],
    );
    let options = options("SFIA", "8", "SFIA 8 framework.xlsx");
    let framework = written(&sandbox, "sfia-8.ron", options, &[&xlsx]);
    let names: Vec<&str> = framework.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names[..5],
        ["Watch", "Assist", "Do", "Guide", "Ensure, advise"],
        "levels 2 and 5 have SFIA's standard names"
    );
    assert_eq!(framework.levels[6].name, "Steer");
    use AttributeKind::{Attribute, BusinessSkill};
    assert_eq!(
        attribute_summary(&framework),
        [
            ("AUTO", "Autonomy", Attribute),
            ("INFL", "Influence", Attribute),
            ("COMP", "Complexity", Attribute),
            ("BUSI", "Business skills", BusinessSkill),
            ("KNGE", "Knowledge", Attribute),
        ]
    );
    assert_eq!(texts(&framework, "AUTO", 4), ["Acts alone at step 4."]);
    assert_eq!(
        texts(&framework, "BUSI", 2),
        ["Writes at grade 2.", "Speaks at grade 2."]
    );
    assert!(texts(&framework, "COMP", 7).is_empty());
}

fn sfia_9_attributes() -> Rows {
    let mut header: Vec<&str> = vec!["Levels", "", "", "", "", "", ""];
    header.extend([
        "Code",
        "URL",
        "Attribute",
        "Type",
        "Overall description",
        "Guidance notes",
    ]);
    let levels: Vec<String> = (1..=7).map(|n| format!("Level {n} description")).collect();
    let mut sheet = vec![header.iter().map(|c| c.to_string()).chain(levels).collect()];
    let row = |markers: &[&str], fields: [&str; 6], texts: [&str; 7]| -> Vec<String> {
        let mut row: Vec<String> = (0..7)
            .map(|i| markers.get(i).unwrap_or(&"").to_string())
            .collect();
        row.extend(fields.iter().chain(texts.iter()).map(|c| c.to_string()));
        row
    };
    sheet.push(row(
        &["1", "2", "3", "4", "5", "6", "7"],
        [
            "AUTO",
            "https://example.org/AUTO",
            "Autonomy",
            "Attributes",
            "How free the work is.",
            "",
        ],
        [
            "Told each step.",
            "Told most steps.",
            "Sets own steps.",
            "Steers a team.",
            "Steers teams.",
            "Steers a unit.",
            "Steers it all.",
        ],
    ));
    sheet.push(row(
        &["", "", "3", "4"],
        [
            "COLL",
            "",
            "Collaboration",
            "Business skills/Behavioural factors",
            "Working with others.",
            "Collaboration covers:\nsharing\nhelping",
        ],
        ["", "", "Shares work.", "Leads shared work.", "", "", ""],
    ));
    sheet.push(row(
        &[],
        [
            "",
            "",
            "Digital mindset",
            "Business skills/Behavioural factors",
            "Using tools well.",
            "",
        ],
        ["Tries tools.", "", "", "", "", "", ""],
    ));
    sheet.push(row(
        &[],
        ["X Y", "", "Broken", "Attributes", "Has a bad code.", ""],
        ["Never.", "", "", "", "", "", ""],
    ));
    sheet
}

fn sfia_9_levels() -> Rows {
    let mut sheet = rows(&[&["", "Levels of responsibility"]]);
    let across = |label: &str, cells: Vec<String>| {
        let mut row = vec![String::new(), label.to_string()];
        row.extend(cells);
        row
    };
    sheet.push(across("Level", (1..=7).map(|n| n.to_string()).collect()));
    sheet.push(across("Guiding phrase", PHRASES.map(String::from).to_vec()));
    sheet.push(across(
        "Essence of the level",
        (1..=7).map(|n| format!("Core of step {n}.")).collect(),
    ));
    sheet.push(across(
        "URL",
        (1..=7)
            .map(|n| format!("https://example.org/lor/{n}"))
            .collect(),
    ));
    sheet.push(across(
        "Guidance notes",
        vec!["Read first.\n\nThen:\nthis\nthat".into()],
    ));
    sheet
}

#[test]
fn sfia_9_workbook_gives_the_attributes_sheet_and_the_levels_table() {
    let sandbox = Sandbox::new();
    let xlsx = sandbox.path("sfia-9_current-standard_en.xlsx");
    write_xlsx(
        &xlsx,
        &[
            ("Skills", skills_sheet()),
            ("Attributes", sfia_9_attributes()),
            ("Levels of responsibility", sfia_9_levels()),
        ],
    );
    let report = import(&sandbox, &[xlsx.to_str().unwrap()]);
    assert_contains(
        &report,
        &[
            "  7 levels from sheet \"Levels of responsibility\"\n",
            "  3 attributes with 10 level texts from sheet \"Attributes\"\n",
            "Left out of the levels and attributes:\n  sheet \"Attributes\", row 5: \"Broken\": invalid code: the code \"X Y\" may hold only",
        ],
    );
    let options = options("SFIA", "9", "sfia-9_current-standard_en.xlsx");
    let framework = written(&sandbox, "sfia-9.ron", options, &[&xlsx]);
    use AttributeKind::{Attribute, BusinessSkill};
    assert_eq!(
        attribute_summary(&framework),
        [
            ("AUTO", "Autonomy", Attribute),
            ("COLL", "Collaboration", BusinessSkill),
            ("DIGI", "Digital mindset", BusinessSkill),
        ]
    );
    let collaboration = &framework.attributes[1];
    assert_eq!(
        collaboration.description.as_deref(),
        Some("Working with others.")
    );
    assert_eq!(
        collaboration.guidance.as_deref(),
        Some("Collaboration covers:\n- sharing\n- helping")
    );
    assert_eq!(
        framework.attributes[0].url.as_deref(),
        Some("https://example.org/AUTO")
    );
    assert_eq!(texts(&framework, "COLL", 4), ["Leads shared work."]);
    let first = &framework.levels[0];
    assert_eq!(first.essence.as_deref(), Some("Core of step 1."));
    assert_eq!(
        first.guidance.as_deref(),
        Some("Read first.\n\nThen:\n- this\n- that")
    );
    let names: Vec<&str> = framework.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, PHRASES);
    assert_eq!(framework.levels[4].guidance, None);
}

#[test]
fn csv_files_of_their_own_give_the_levels_and_the_attributes_in_windows_1252() {
    let sandbox = Sandbox::new();
    let skills = sandbox.path("sfia-9_skills.csv");
    fs::write(&skills, csv_bytes(&skills_sheet())).unwrap();
    let levels = sandbox.path("sfia-9_levels.csv");
    let level_rows: Rows = sfia_9_levels()
        .into_iter()
        .skip(1)
        .map(|row| row[1..].to_vec())
        .collect();
    fs::write(&levels, csv_bytes(&level_rows)).unwrap();
    let attributes = sandbox.path("sfia-9_attributes.csv");
    let mut attribute_rows = sfia_9_attributes();
    attribute_rows[1][11] = "Café – free work.".into();
    fs::write(&attributes, windows_1252(&csv_bytes(&attribute_rows))).unwrap();
    assert!(std::str::from_utf8(&fs::read(&attributes).unwrap()).is_err());

    let (skills_arg, levels_arg) = (skills.to_str().unwrap(), levels.to_str().unwrap());
    let attributes_arg = attributes.to_str().unwrap();
    let report = import(
        &sandbox,
        &[
            skills_arg,
            "--levels",
            levels_arg,
            "--attributes",
            attributes_arg,
        ],
    );
    assert_contains(
        &report,
        &[
            "  7 levels from sfia-9_levels.csv\n",
            "  3 attributes with 10 level texts from sfia-9_attributes.csv\n",
            "  sheet \"sfia-9_attributes.csv\", row 5: \"Broken\": invalid code",
            "  the file is not UTF-8; it was read as Windows-1252\n",
        ],
    );
    let options = options("SFIA", "9", "sfia-9_skills.csv");
    let framework = written(
        &sandbox,
        "sfia-9.ron",
        options,
        &[&skills, &levels, &attributes],
    );
    assert_eq!(
        framework.attributes[0].description.as_deref(),
        Some("Café – free work.")
    );
    assert_eq!(
        framework.levels[6].essence.as_deref(),
        Some("Core of step 7.")
    );

    // A workbook as the levels file: the report names its sheet too.
    let workbook = sandbox.path("levels.xlsx");
    write_xlsx(
        &workbook,
        &[("Notes", rows(&[&["x"]])), ("LoR", level_rows)],
    );
    let out = sandbox.path("out.ron");
    let (workbook, out) = (workbook.to_str().unwrap(), out.to_str().unwrap());
    let report = import(&sandbox, &[skills_arg, "--levels", workbook, "-o", out]);
    assert_contains(&report, &["  7 levels from sheet \"LoR\" of levels.xlsx\n"]);
}

/// A skills sheet of SFIA 9's beta exports: snake_case headers, no categories, HTML cells.
fn beta_skills() -> Rows {
    let mut header = vec!["name", "code", "link", "guidance", "description"];
    let levels: Vec<String> = (1..=7).map(|n| format!("level_{n}")).collect();
    header.extend(levels.iter().map(String::as_str));
    let mut sheet = rows(&[&header]);
    let skill = |cells: &[&str]| -> Vec<String> {
        let mut row: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
        row.resize(12, String::new());
        row
    };
    sheet.push(skill(&[
        "<p>Gadget care &amp; repair</p>",
        "GCAR",
        "https://example.org/GCAR",
        "<p>Gadget care keeps gadgets going.</p><ul><li>oiling&nbsp;gears</li><li>fixing <strong>springs</strong></li></ul><p>Done daily.</p>",
        "<p>Looking after gadgets &#8211; all of them.</p>",
        "",
        "<p>Oils gears when told.</p><p>Reports &lt;faults&gt;.</p>",
        "<ul><li>Fixes springs.</li><li>Checks cogs.</li></ul>",
    ]));
    sheet.push(skill(&[
        "Widget tuning [prototype]",
        "WTUN",
        "",
        "",
        "Tuning widgets.",
        "",
        "",
        "",
        "<p>Tunes widgets.</p>",
    ]));
    sheet
}

/// The beta responsibilities file: a level a column, labelled rows, HTML and label prefixes.
fn beta_responsibilities() -> Rows {
    let row = |label: &str, cells: Vec<String>| -> Vec<String> {
        std::iter::once(label.to_string()).chain(cells).collect()
    };
    let each = |f: &dyn Fn(usize) -> String| (1..=7).map(f).collect::<Vec<String>>();
    vec![
        row("field", each(&|n| format!("level_{n}"))),
        row(
            "level_title",
            each(&|n| format!("Level {n} - {}", if n == 2 { "" } else { PHRASES[n - 1] })),
        ),
        row(
            "level_essence",
            each(&|n| format!("<p>Essence of the level: Heart of step {n}.</p>")),
        ),
        row(
            "level_guidance",
            each(&|n| {
                if n == 4 {
                    "<p>Mind:</p><ul><li>this</li><li>that</li></ul>".into()
                } else {
                    String::new()
                }
            }),
        ),
        row("autonomy_heading", each(&|_| "Autonomy".into())),
        row(
            "autonomy_description",
            each(&|n| format!("<p>Free at {n}.</p><p>Checks in at {n}.</p>")),
        ),
        row("influence_heading", each(&|_| "Influence".into())),
        row(
            "influence_description",
            each(&|n| format!("Reaches {n} &amp; more.")),
        ),
        row("collaboration_heading", each(&|_| "Collaboration".into())),
        row(
            "collaboration_description",
            each(&|n| {
                if n > 2 {
                    format!("Shares at {n}.")
                } else {
                    String::new()
                }
            }),
        ),
        row(
            "decision_making_description",
            each(&|n| {
                if n == 5 {
                    "Decides.".into()
                } else {
                    String::new()
                }
            }),
        ),
    ]
}

#[test]
fn beta_exports_with_html_snake_case_and_prototypes_are_imported() {
    let sandbox = Sandbox::new();
    let xlsx = sandbox.path("sfia9-beta-skills.xlsx");
    write_xlsx(&xlsx, &[("skills", beta_skills())]);
    let levels = sandbox.path("sfia9-beta-responsibilities.csv");
    fs::write(&levels, csv_bytes(&beta_responsibilities())).unwrap();
    let report = import(
        &sandbox,
        &[xlsx.to_str().unwrap(), "--levels", levels.to_str().unwrap()],
    );
    assert_contains(
        &report,
        &[
            "Imported SFIA 9 from sfia9-beta-skills.xlsx (sheet \"skills\", header on row 1):",
            "  2 skills\n",
            "  7 levels from sfia9-beta-responsibilities.csv\n",
            "  4 attributes with 20 level texts from sfia9-beta-responsibilities.csv\n",
            "gives no name for level 2;",
            "the skills sheet has no \"Category\" column",
        ],
    );
    let options = options("SFIA", "9", "sfia9-beta-skills.xlsx");
    let framework = written(&sandbox, "sfia-9.ron", options, &[&xlsx, &levels]);
    let text = fs::read_to_string(sandbox.data_dir().join("sfia-9.ron")).unwrap();
    for leftover in [
        "<p>",
        "</",
        "<li>",
        "&amp;",
        "&nbsp;",
        "&#",
        "[prototype]",
        "Essence of the level",
        "Level 4 -",
    ] {
        assert!(!text.contains(leftover), "{leftover:?} left in:\n{text}");
    }
    let gadget = &framework.skills[0];
    assert_eq!(gadget.name, "Gadget care & repair");
    assert_eq!(gadget.description, "Looking after gadgets – all of them.");
    assert_eq!(gadget.url.as_deref(), Some("https://example.org/GCAR"));
    assert_eq!(
        gadget.guidance.as_deref(),
        Some("Gadget care keeps gadgets going.\n\n- oiling gears\n- fixing springs\n\nDone daily.")
    );
    assert_eq!(
        gadget.statements(level(2)).unwrap(),
        ["Oils gears when told.", "Reports <faults>."]
    );
    assert_eq!(
        gadget.statements(level(3)).unwrap(),
        ["Fixes springs.", "Checks cogs."]
    );
    let widget = &framework.skills[1];
    assert_eq!(
        (widget.name.as_str(), widget.status),
        ("Widget tuning", Status::Prototype)
    );
    assert_eq!(gadget.status, Status::Published);

    let names: Vec<&str> = framework.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names[..4], ["Watch", "Assist", "Do", "Guide"]);
    assert_eq!(
        framework.levels[2].essence.as_deref(),
        Some("Heart of step 3.")
    );
    assert_eq!(
        framework.levels[3].guidance.as_deref(),
        Some("Mind:\n- this\n- that")
    );
    use AttributeKind::{Attribute, BusinessSkill};
    assert_eq!(
        attribute_summary(&framework),
        [
            ("AUTO", "Autonomy", Attribute),
            ("INFL", "Influence", Attribute),
            ("COLL", "Collaboration", BusinessSkill),
            ("DECI", "Decision making", BusinessSkill),
        ]
    );
    assert_eq!(
        texts(&framework, "AUTO", 6),
        ["Free at 6.", "Checks in at 6."]
    );
    assert_eq!(texts(&framework, "INFL", 1), ["Reaches 1 & more."]);
    assert!(texts(&framework, "COLL", 2).is_empty());
}

#[test]
fn broken_levels_and_attributes_sheets_are_reported_and_the_skills_imported() {
    let sandbox = Sandbox::new();
    let xlsx = sandbox.path("sfia-9-broken.xlsx");
    let junk = rows(&[&["Something", "else"], &["entirely", "here"]]);
    write_xlsx(
        &xlsx,
        &[
            ("Skills", skills_sheet()),
            ("Attributes", junk.clone()),
            ("Levels of responsibility", junk),
        ],
    );
    let report = import(&sandbox, &[xlsx.to_str().unwrap()]);
    assert_contains(
        &report,
        &[
            "  2 skills\n",
            "  SFIA's standard level names\n",
            "  no attributes (no \"Attributes\" sheet or levels table gave any; see --attributes)\n",
            "sheet \"Levels of responsibility\" has no \"Level\" and \"Level name\"",
            "sheet \"Attributes\" has no \"Attribute\" and \"Level 1 description\"",
        ],
    );
    let options = options("SFIA", "9", "sfia-9-broken.xlsx");
    let framework = written(&sandbox, "sfia-9.ron", options, &[&xlsx]);
    assert_eq!(framework.skills.len(), 2);
    assert!(framework.attributes.is_empty());
    assert_eq!(framework.levels[3].name, "Enable");
}

#[test]
fn an_attributes_sheet_of_bad_rows_leaves_the_attributes_to_the_levels_sheet() {
    let sandbox = Sandbox::new();
    let xlsx = sandbox.path("sfia-8-odd.xlsx");
    let bad = rows(&[
        &["Code", "Attribute", "Level 1 description"],
        &["", "", "Text without a name."],
        &["A-B", "Bad code", "Text."],
        &["NONE", "No text", ""],
    ]);
    write_xlsx(
        &xlsx,
        &[
            ("Skills", skills_sheet()),
            ("Attributes", bad),
            ("Levels of responsibility", sfia_8_levels()),
        ],
    );
    let report = import(&sandbox, &[xlsx.to_str().unwrap()]);
    assert_contains(
        &report,
        &[
            "  5 attributes with 34 level texts from sheet \"Levels of responsibility\"\n",
            "Left out of the levels and attributes:\n",
            "  sheet \"Attributes\", row 2: no attribute name\n",
            "  sheet \"Attributes\", row 4: \"No text\": no description and no text at any level\n",
            "  sheet \"Attributes\", row 3: \"Bad code\": invalid code",
            "  sheet \"Attributes\" gives no attribute\n",
        ],
    );
    let options = options("SFIA", "8", "sfia-8-odd.xlsx");
    let framework = written(&sandbox, "sfia-8.ron", options, &[&xlsx]);
    assert_eq!(framework.attributes.len(), 5);
}

#[test]
fn an_attributes_file_without_attributes_stops_the_import_before_writing() {
    let sandbox = Sandbox::new();
    let skills = sandbox.path("sfia-9.csv");
    fs::write(&skills, csv_bytes(&skills_sheet())).unwrap();
    let empty = sandbox.path("attributes.csv");
    fs::write(&empty, "Attribute,Level 1 description\n").unwrap();
    let out = sandbox.path("out.ron");
    for (attributes, message) in [
        (
            &empty,
            "the attributes file gave no attribute: sheet \"attributes.csv\" gives no attribute",
        ),
        (
            &sandbox.path("missing.csv"),
            "cannot read the attributes from",
        ),
        (
            &skills,
            "the attributes file gave no attribute: sheet \"sfia-9.csv\" has no \"Attribute\"",
        ),
    ] {
        let output = sandbox.run(&[
            "import",
            skills.to_str().unwrap(),
            "--attributes",
            attributes.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(output.status.code(), Some(1));
        assert!(stderr(&output).contains(message), "{}", stderr(&output));
        assert!(!out.exists());
    }
}
