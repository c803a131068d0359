//! `skillscope import`, run as a user would: the real binary, isolated XDG folders, and a small
//! spreadsheet built here with the quirks of real SFIA exports (an extra sheet first, a title row
//! above the header, CR/LF and literal `_x000D_` in cells, non-breaking spaces, blank
//! level-marker columns, a row without a code, a duplicate code, an invalid code).

mod common;
use common::{json, stderr, stdout, Sandbox};

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use skillscope::data::import::{attribution, import_workbook, read_workbook, ImportOptions};
use skillscope::data::model::{Framework, Level};
use skillscope::data::sources::parse_framework;

#[derive(Clone, Copy)]
enum Cell {
    Text(&'static str),
    Number(f64),
    Empty,
}

use Cell::{Empty, Number as N, Text as T};

const GUIDANCE: &str = "Strategic planning aligns plans with objectives.\u{a0}\r\nIt covers the whole organisation._x000D_\n\r\nActivities may include, but are not limited to:\r\n\r\ndeveloping a strategy \r\nreviewing\u{a0}plans\r\n";

/// The skills sheet: a title row, then the header, then skills. Columns as in SFIA 9:
/// `#`, `Levels` and six unnamed level-marker columns, Code, URL, Skill, Category, Subcategory,
/// Overall description, Guidance notes, Level 1..7 description.
fn skills_rows() -> Vec<Vec<Cell>> {
    let mut header = vec![
        T("#"),
        T("Levels"),
        Empty,
        Empty,
        Empty,
        Empty,
        Empty,
        Empty,
    ];
    header.extend([
        T("Code"),
        T("URL"),
        T("Skill"),
        T("Category"),
        T("Subcategory"),
        T("Overall description"),
        T("Guidance notes"),
    ]);
    header.extend(
        [
            "Level 1 description",
            "Level 2 description",
            "Level 3 description",
            "Level 4 description",
            "Level 5 description",
            "Level 6 description",
            "Level 7 description",
        ]
        .map(T),
    );
    let skill =
        |number: f64, markers: [Cell; 7], fields: [Cell; 7], levels: [Cell; 7]| -> Vec<Cell> {
            let mut row = vec![N(number)];
            row.extend(markers);
            row.extend(fields);
            row.extend(levels);
            row
        };
    vec![
        vec![T("SFIA 9 skills — exported 29 January 2025")],
        header,
        skill(
            1.0,
            [Empty, Empty, N(3.0), N(4.0), N(5.0), Empty, Empty],
            [
                T("ITSP"),
                T("https://sfia-online.org/en/skillcode/9/ITSP"),
                T("Strategic planning"),
                T("Strategy and architecture"),
                T("Strategy and planning\u{a0}"),
                T("Creating and maintaining\u{a0}strategies. \r\n"),
                T(GUIDANCE),
            ],
            [
                Empty,
                Empty,
                T("Contributes to planning._x000D_\nGathers data.\u{a0} "),
                T("Collates information.\r\n\r\nCreates reports.\r\n"),
                T("Leads planning."),
                Empty,
                Empty,
            ],
        ),
        skill(
            2.0,
            [Empty; 7],
            [
                T("PROG"),
                Empty,
                T("Programming/software development"),
                T("Development and implementation"),
                T("Systems development"),
                T("Developing software components."),
                T("Only a paragraph of guidance."),
            ],
            [
                Empty,
                T("Writes simple code."),
                T("Designs, codes and tests."),
                Empty,
                Empty,
                Empty,
                Empty,
            ],
        ),
        skill(
            3.0,
            [Empty, Empty, N(3.0), Empty, Empty, Empty, Empty],
            [
                Empty,
                Empty,
                T("A skill without a code"),
                T("Strategy and architecture"),
                Empty,
                T("Orphan."),
                Empty,
            ],
            [Empty, Empty, T("Does things."), Empty, Empty, Empty, Empty],
        ),
        skill(
            4.0,
            [Empty; 7],
            [
                T("ITSP"),
                Empty,
                T("Strategic planning again"),
                T("Strategy and architecture"),
                Empty,
                T("A repeat."),
                Empty,
            ],
            [Empty, Empty, T("Repeats."), Empty, Empty, Empty, Empty],
        ),
        vec![],
        skill(
            5.0,
            [Empty, Empty, Empty, N(4.0), Empty, Empty, Empty],
            [
                T("RELM"),
                Empty,
                T("Release management"),
                T("Delivery and operation"),
                T("Technology management"),
                T("Releasing things."),
                // As SFIA 8 lays out some lists: phrases, the last ending with a colon, and a
                // closing paragraph straight after it.
                T("Activities include:\r\nplanning releases\r\nadopting frameworks to guide improvements:\r\nThe focus is on safe releases."),
            ],
            [
                Empty,
                Empty,
                Empty,
                T("Imported statement."),
                Empty,
                Empty,
                Empty,
            ],
        ),
        skill(
            6.0,
            [Empty; 7],
            [
                T("BAD-1"),
                Empty,
                T("Bad code"),
                T("Delivery and operation"),
                Empty,
                T("Bad."),
                Empty,
            ],
            [Empty, Empty, T("Bad."), Empty, Empty, Empty, Empty],
        ),
    ]
}

const ESSENCE: [&str; 7] = [
    "Performs routine tasks under close supervision.",
    "Provides assistance to others.",
    "Performs varied tasks.",
    "Performs diverse activities.",
    "Provides authoritative guidance.",
    "Has significant organisational influence.",
    "Operates at the highest level.",
];

fn levels_rows() -> Vec<Vec<Cell>> {
    let names = [
        "Follow",
        "Assist\u{a0}",
        "Apply",
        "Enable",
        "Ensure, advise",
        "Initiate, influence",
        "Set strategy, inspire, mobilise",
    ];
    let mut rows = vec![
        vec![T("SFIA levels of responsibility")],
        vec![T("Level"), T("Guiding phrase"), T("Essence of the level")],
    ];
    for (i, name) in names.into_iter().enumerate() {
        rows.push(vec![N(i as f64 + 1.0), T(name), T(ESSENCE[i])]);
    }
    rows
}

fn write_sheet(sheet: &mut rust_xlsxwriter::Worksheet, rows: &[Vec<Cell>]) {
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match *cell {
                T(text) => {
                    sheet.write_string(r, c, text).unwrap();
                }
                N(number) => {
                    sheet.write_number(r, c, number).unwrap();
                }
                Empty => {}
            }
        }
    }
}

fn write_xlsx(path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let summary = book.add_worksheet();
    summary.set_name("Export summary").unwrap();
    write_sheet(
        summary,
        &[
            vec![T("Export summary")],
            vec![T("Code"), T("Skill"), T("not the header")],
        ],
    );
    let skills = book.add_worksheet();
    skills.set_name("Skills").unwrap();
    write_sheet(skills, &skills_rows());
    let levels = book.add_worksheet();
    levels.set_name("Levels of responsibility").unwrap();
    write_sheet(levels, &levels_rows());
    book.save(path).unwrap();
}

fn write_csv(path: &Path) {
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_path(path)
        .unwrap();
    for row in skills_rows() {
        let cells: Vec<String> = row
            .iter()
            .map(|cell| match *cell {
                T(text) => text.to_string(),
                N(number) => number.to_string(),
                Empty => String::new(),
            })
            .collect();
        // A blank row is written as empty fields, as spreadsheet programs do.
        let cells = if cells.is_empty() {
            vec![String::new(); 3]
        } else {
            cells
        };
        writer.write_record(&cells).unwrap();
    }
    writer.flush().unwrap();
}

const XLSX_NAME: &str = "sfia-9_current-standard_en_250129.xlsx";

fn read_ron(path: &Path) -> (String, Framework) {
    let text = fs::read_to_string(path).unwrap();
    let framework = parse_framework(&path.display().to_string(), &text).unwrap();
    (text, framework)
}

fn statements(framework: &Framework, code: &str, level: u8) -> Vec<String> {
    let skill = framework
        .skills
        .iter()
        .find(|s| s.code.as_str() == code)
        .unwrap();
    skill
        .statements(Level::new(level).unwrap())
        .unwrap_or_default()
        .to_vec()
}

#[test]
fn an_xlsx_is_imported_into_the_data_folder_and_the_commands_find_it() {
    let sandbox = Sandbox::new();
    let xlsx = sandbox.path(XLSX_NAME);
    write_xlsx(&xlsx);

    let started = Instant::now();
    let output = sandbox.run(&["import", xlsx.to_str().unwrap()]);
    let took = started.elapsed();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(took < Duration::from_secs(10), "import took {took:?}");
    let report = stdout(&output);
    let written = sandbox.data_dir().join("sfia-9.ron");
    for expected in [
        format!("Imported SFIA 9 from {XLSX_NAME} (sheet \"Skills\", header on row 2):"),
        "  3 skills\n".to_string(),
        "  6 defined levels\n".to_string(),
        "  3 categories\n".to_string(),
        "  7 levels from sheet \"Levels of responsibility\"\n".to_string(),
        "  no attributes (no \"Attributes\" sheet or levels table gave any; see --attributes)\n".to_string(),
        "Skipped 3 rows:\n".to_string(),
        "  row 5: no skill code\n".to_string(),
        "  row 6: duplicate code \"ITSP\" (first on row 3)\n".to_string(),
        "  row 9: invalid code: the code \"BAD-1\" may hold only ASCII letters and digits (A–Z, a–z, 0–9)\n"
            .to_string(),
        format!("Wrote {}\n", written.display()),
    ] {
        assert!(
            report.contains(&expected),
            "missing {expected:?} in:\n{report}"
        );
    }
    assert!(
        !report.contains("row 7"),
        "a blank row is not reported:\n{report}"
    );

    let (text, framework) = read_ron(&written);
    assert!(!text.contains("Some("), "options are written plainly");
    for junk in ["_x000D_", "\\r", "\u{a0}", "\\u{a0}"] {
        assert!(!text.contains(junk), "{junk:?} left in:\n{text}");
    }
    assert_eq!(framework.framework, "SFIA");
    assert_eq!(framework.edition.as_deref(), Some("9"));
    assert_eq!(
        framework.source.as_deref(),
        Some(
            format!(
                "Imported from {XLSX_NAME} by skillscope {}; SFIA text © SFIA Foundation",
                env!("CARGO_PKG_VERSION")
            )
            .as_str()
        )
    );
    let codes: Vec<&str> = framework.skills.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes, ["ITSP", "PROG", "RELM"]);
    assert_eq!(
        statements(&framework, "ITSP", 3),
        ["Contributes to planning.", "Gathers data."]
    );
    assert_eq!(
        statements(&framework, "ITSP", 4),
        ["Collates information.", "Creates reports."]
    );
    assert_eq!(statements(&framework, "PROG", 2), ["Writes simple code."]);
    let itsp = &framework.skills[0];
    assert_eq!(itsp.level_range_text(), "3–5");
    assert_eq!(itsp.description, "Creating and maintaining strategies.");
    assert_eq!(itsp.subcategory.as_deref(), Some("Strategy and planning"));
    assert_eq!(
        itsp.url.as_deref(),
        Some("https://sfia-online.org/en/skillcode/9/ITSP")
    );
    assert_eq!(
        itsp.guidance.as_deref(),
        Some(
            "Strategic planning aligns plans with objectives.\n\n\
             It covers the whole organisation.\n\n\
             Activities may include, but are not limited to:\n\
             - developing a strategy\n\
             - reviewing plans"
        )
    );
    assert_eq!(framework.skills[1].url, None);
    let relm = framework.skills.iter().find(|s| s.code.as_str() == "RELM");
    assert_eq!(
        relm.unwrap().guidance.as_deref(),
        Some(
            "Activities include:\n\
             - planning releases\n\
             - adopting frameworks to guide improvements:\n\n\
             The focus is on safe releases."
        )
    );
    assert_eq!(framework.levels.len(), 7);
    assert_eq!(framework.levels[1].name, "Assist");
    assert_eq!(framework.levels[0].essence.as_deref(), Some(ESSENCE[0]));

    // Round trip: the file re-reads to exactly what the import made of the spreadsheet.
    let book = read_workbook(&xlsx).unwrap();
    let options = ImportOptions {
        framework: "SFIA".into(),
        edition: Some("9".into()),
        source: Some(attribution(XLSX_NAME)),
        ..ImportOptions::default()
    };
    let (imported, _) = import_workbook(&book, &options).unwrap();
    assert_eq!(imported, framework);
    let output = sandbox.run(&["validate", written.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stdout(&output));

    // The next run of skillscope finds the imported skills in the user data folder.
    let itsp = json(&sandbox.run(&["show", "itsp", "--format", "json"]));
    assert_eq!(itsp["name"], "Strategic planning");
    assert_eq!(itsp["framework"], "SFIA");
    assert_eq!(itsp["edition"], "9");
    assert_eq!(itsp["levels"]["4"][1], "Creates reports.");
    // The imported RELM replaces the built-in SFIA 9 prototype of the same code.
    let relm = json(&sandbox.run(&["show", "RELM", "--format", "json"]));
    assert_eq!(relm["name"], "Release management");
    let text = stdout(&sandbox.run(&["show", "ITSP", "--width", "100"]));
    assert!(
        text.contains(
            "Activities may include, but are not limited to:\n  • developing a strategy\n"
        ),
        "{text}"
    );
    let listed = stdout(&sandbox.run(&["list", "--framework", "SFIA 9"]));
    assert!(
        listed.contains("PROG") && listed.contains("ITSP"),
        "{listed}"
    );
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let sandbox = Sandbox::new();
    let xlsx = sandbox.path(XLSX_NAME);
    write_xlsx(&xlsx);
    let written = sandbox.data_dir().join("sfia-9.ron");
    fs::create_dir_all(sandbox.data_dir()).unwrap();
    fs::write(&written, "(framework: \"Mine\", skills: [])").unwrap();

    let output = sandbox.run(&["import", xlsx.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains(&written.display().to_string()) && message.contains("--force"),
        "{message}"
    );
    assert_eq!(
        fs::read_to_string(&written).unwrap(),
        "(framework: \"Mine\", skills: [])"
    );

    let output = sandbox.run(&["import", xlsx.to_str().unwrap(), "--force"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains(&format!("Replaced {}", written.display())),
        "{}",
        stdout(&output)
    );
    assert_eq!(read_ron(&written).1.skills.len(), 3);
    let leftovers: Vec<_> = fs::read_dir(sandbox.data_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers,
        ["sfia-9.ron"],
        "no temporary file is left behind"
    );

    // -o writes elsewhere, under the same rule.
    let out = sandbox.path("elsewhere.ron");
    let output = sandbox.run(&[
        "import",
        xlsx.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(read_ron(&out).1.skills.len(), 3);
    let again = sandbox.run(&[
        "import",
        xlsx.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("--force"));
}

/// SFIA 9's levels table as its own CSV file: the labels down the first column, a level a
/// column (the layout of the official levels file).
fn write_levels_csv(path: &Path) {
    let rows = levels_rows();
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_path(path)
        .unwrap();
    writer
        .write_record(["Level", "1", "2", "3", "4", "5", "6", "7"])
        .unwrap();
    for (label, column) in [("Guiding phrase", 1), ("Essence of the level", 2)] {
        let mut record = vec![label.to_string()];
        for row in &rows[2..] {
            record.push(match row[column] {
                T(text) => text.to_string(),
                _ => String::new(),
            });
        }
        writer.write_record(&record).unwrap();
    }
    writer
        .write_record([
            "URL",
            "https://example.org/lor/1",
            "https://example.org/lor/2",
        ])
        .unwrap();
    writer.flush().unwrap();
}

#[test]
fn levels_from_a_separate_file_laid_out_across_the_columns() {
    let sandbox = Sandbox::new();
    let skills = sandbox.path("sfia-9_skills.csv");
    write_csv(&skills);
    let levels = sandbox.path("sfia-9_levels.csv");
    write_levels_csv(&levels);
    let output = sandbox.run(&[
        "import",
        skills.to_str().unwrap(),
        "--levels",
        levels.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(
        report.contains("  7 levels from sfia-9_levels.csv\n"),
        "{report}"
    );
    let (_, framework) = read_ron(&sandbox.data_dir().join("sfia-9.ron"));
    assert_eq!(framework.levels.len(), 7);
    assert_eq!(framework.levels[1].name, "Assist");
    assert_eq!(framework.levels[4].name, "Ensure, advise");
    assert_eq!(framework.levels[6].essence.as_deref(), Some(ESSENCE[6]));

    // A levels file that cannot be read stops the import before anything is written.
    let output = sandbox.run(&[
        "import",
        skills.to_str().unwrap(),
        "--levels",
        sandbox.path("missing.csv").to_str().unwrap(),
        "-o",
        sandbox.path("out.ron").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("cannot read the levels from"),
        "{}",
        stderr(&output)
    );
    assert!(!sandbox.path("out.ron").exists());

    // Nor does one that names no level (here: the skills file given as the levels file).
    let output = sandbox.run(&[
        "import",
        skills.to_str().unwrap(),
        "--levels",
        skills.to_str().unwrap(),
        "-o",
        sandbox.path("out.ron").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("the levels file gave no level"),
        "{}",
        stderr(&output)
    );
    assert!(!sandbox.path("out.ron").exists());
}

#[test]
fn a_csv_export_with_the_same_quirks_is_imported() {
    let sandbox = Sandbox::new();
    let csv = sandbox.path("SFIA 8 skills.csv");
    write_csv(&csv);
    let raw = fs::read_to_string(&csv).unwrap();
    assert!(raw.contains("\r\n") && raw.contains("_x000D_") && raw.contains('\u{a0}'));

    let output = sandbox.run(&["import", csv.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = stdout(&output);
    for expected in [
        "Imported SFIA 8 from SFIA 8 skills.csv (sheet \"SFIA 8 skills.csv\", header on row 2):",
        "  3 skills\n",
        "  6 defined levels\n",
        "  SFIA's standard level names",
        "  row 5: no skill code\n",
        "  row 6: duplicate code \"ITSP\" (first on row 3)\n",
        "  row 9: invalid code",
    ] {
        assert!(
            report.contains(expected),
            "missing {expected:?} in:\n{report}"
        );
    }
    let written = sandbox.data_dir().join("sfia-8.ron");
    let (_, framework) = read_ron(&written);
    assert_eq!(framework.edition.as_deref(), Some("8"));
    assert_eq!(
        statements(&framework, "ITSP", 3),
        ["Contributes to planning.", "Gathers data."]
    );
    assert!(framework.skills[0]
        .guidance
        .as_deref()
        .unwrap()
        .ends_with("not limited to:\n- developing a strategy\n- reviewing plans"));
    assert_eq!(framework.levels[1].name, "Assist");
    assert_eq!(framework.levels[1].essence, None);

    // Same code in SFIA 8 (imported) and SFIA 9 (built in): both stay reachable.
    let relm = json(&sandbox.run(&["show", "RELM", "--framework", "SFIA 8", "--format", "json"]));
    assert_eq!(relm["name"], "Release management");
    let builtin =
        json(&sandbox.run(&["show", "RELM", "--framework", "SFIA 9", "--format", "json"]));
    assert_eq!(builtin["name"], "Release and deployment");
}

#[test]
fn framework_and_edition_can_be_named() {
    let sandbox = Sandbox::new();
    let csv = sandbox.path("export.csv");
    write_csv(&csv);
    let output = sandbox.run(&[
        "import",
        csv.to_str().unwrap(),
        "--framework",
        "Acme skills",
        "--edition",
        "2",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let (_, framework) = read_ron(&sandbox.data_dir().join("acme-skills-2.ron"));
    assert_eq!(framework.framework, "Acme skills");
    assert_eq!(framework.edition.as_deref(), Some("2"));
    let prog = json(&sandbox.run(&["show", "PROG", "--format", "json"]));
    assert_eq!(prog["framework"], "Acme skills");

    // Without flags, a name that says nothing of SFIA gives the framework its stem.
    let output = sandbox.run(&["import", csv.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let (_, framework) = read_ron(&sandbox.data_dir().join("export.ron"));
    assert_eq!(
        (framework.framework.as_str(), framework.edition),
        ("export", None)
    );
}

#[test]
fn files_without_a_skills_sheet_are_refused_and_nothing_is_written() {
    let sandbox = Sandbox::new();
    let csv = sandbox.path("sfia-9.csv");
    fs::write(&csv, "Name,Value\nA,B\n").unwrap();
    let output = sandbox.run(&["import", csv.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("no sheet has a header row with \"Code\""),
        "{}",
        stderr(&output)
    );
    assert!(!sandbox.data_dir().join("sfia-9.ron").exists());

    let missing = sandbox.run(&["import", "nope.xlsx"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("nope.xlsx"),
        "{}",
        stderr(&missing)
    );
}
