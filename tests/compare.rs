//! `skillscope compare`, run as a user would: the real binary, isolated from the user's folders.

mod common;
use common::{json, stderr, stdout, testdata, Sandbox};

use serde_json::Value;
use unicode_width::UnicodeWidthStr;

/// The words of one side of a row with the given change, joined by spaces.
fn words(line: &Value, change: &str) -> String {
    line["words"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["change"] == change)
        .map(|w| w["text"].as_str().unwrap())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The display column of the gutter (`│`, or `┼` on the rule) on every line.
fn gutter_columns(text: &str) -> Vec<usize> {
    text.lines()
        .take_while(|line| !line.is_empty())
        .map(|line| line.split(['│', '┼']).next().unwrap().width())
        .collect()
}

#[test]
fn json_pairs_the_reworded_statement_and_marks_words_only_in_level_5_as_added() {
    let value = json(&Sandbox::new().run(&["compare", "relm:4", "RELM:5", "--format", "json"]));
    assert_eq!(value["left"]["code"], "RELM");
    assert_eq!(value["left"]["level"], 4);
    assert_eq!(value["left"]["level_name"], "Enable");
    assert_eq!(value["right"]["level_name"], "Ensure, advise");
    assert_eq!(value["right"]["framework"], "SFIA");
    assert_eq!(value["left"]["statements"].as_array().unwrap().len(), 4);
    assert_eq!(value["right"]["statements"].as_array().unwrap().len(), 4);
    let rows = value["rows"].as_array().unwrap();
    // Every statement of each side appears once; only "…processes and procedures…" pairs.
    assert_eq!(rows.len(), 4 + 4 - 1);
    let paired: Vec<&Value> = rows
        .iter()
        .filter(|r| !r["left"].is_null() && !r["right"].is_null())
        .collect();
    assert_eq!(paired.len(), 1);
    let row = paired[0];
    assert_eq!(row["left"]["statement"], 2);
    assert_eq!(row["right"]["statement"], 2);
    assert_eq!(words(&row["left"], "removed"), "Maintains");
    assert_eq!(
        words(&row["right"], "added"),
        "Ensures that are applied , capability."
    );
    assert_eq!(words(&row["left"], "added"), "");
    assert_eq!(words(&row["right"], "removed"), "");
    // The summary counts what the rows hold.
    let count = |side: &str, change: &str| -> usize {
        rows.iter()
            .filter(|r| !r[side].is_null())
            .flat_map(|r| r[side]["words"].as_array().unwrap())
            .filter(|w| w["change"] == change)
            .count()
    };
    assert_eq!(value["summary"]["added"], count("right", "added"));
    assert_eq!(value["summary"]["removed"], count("left", "removed"));
    assert_eq!(value["summary"]["unchanged"], count("left", "unchanged"));
    assert_eq!(value["summary"]["unchanged"], 9);
    // Paired by what the statements say: no row, and not the summary, speaks of position.
    assert_eq!(value["summary"]["paired_by_position"], 0);
    assert!(rows.iter().all(|r| r.get("by_position").is_none()));
}

#[test]
fn markdown_is_a_table_with_bold_additions_and_struck_removals() {
    let output = Sandbox::new().run(&["compare", "RELM:4", "RELM:5", "--format", "markdown"]);
    assert!(output.status.success());
    let markdown = stdout(&output);
    assert!(
        markdown.starts_with("## RELM L4 → RELM L5\n\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| RELM L4 — Enable | RELM L5 — Ensure, advise |\n|---|---|\n"),
        "{markdown}"
    );
    // Runs of changed words are one span; "capability." is only in level 5.
    assert!(
        markdown.contains(
            "| ~~Maintains~~ release processes and procedures, including testing, validation, and rollback. \
             | **Ensures that** release processes and procedures **are applied ,** including testing, \
             validation, and rollback **capability.** |"
        ),
        "{markdown}"
    );
    // A statement only in level 5 is struck through on neither side, bold on the right.
    assert!(markdown.contains(
        "|  | **Liaises with business and technology teams on release scheduling and communication \
         of progress. Conducts post-release reviews and gathers feedback.** |"
    ));
    assert!(markdown.contains(
        "| ~~Collaborates with other teams to coordinate release and deployment activities.~~ |  |"
    ));
    assert!(markdown.trim_end().ends_with("words"), "{markdown}");
}

#[test]
fn text_shows_two_aligned_columns_with_plain_marks_and_a_summary() {
    let sandbox = Sandbox::new();
    let output = sandbox.run(&["compare", "RELM:4", "RELM:5", "--width", "100"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(!text.contains('\x1b'), "no colour when not on a terminal");
    let first = text.lines().next().unwrap();
    assert!(first.starts_with("RELM L4 — Enable "), "{text}");
    assert!(first.ends_with(" │ RELM L5 — Ensure, advise"), "{text}");
    assert!(
        text.contains("• [-Maintains-] release processes and"),
        "{text}"
    );
    assert!(
        text.contains("│ • {+Ensures that+} release processes and"),
        "{text}"
    );
    assert!(text.contains("{+capability.+}"), "{text}");
    for line in text.lines() {
        assert!(line.width() <= 100, "{line:?}");
    }
    let columns = gutter_columns(&text);
    assert!(
        columns.len() > 20 && columns.iter().all(|&c| c == 49),
        "{text}"
    );
    let summary =
        json(&sandbox.run(&["compare", "RELM:4", "RELM:5", "--format", "json"]))["summary"].clone();
    assert_eq!(
        text.lines().last().unwrap(),
        format!("+{} words, −{} words", summary["added"], summary["removed"])
    );
}

#[test]
fn the_same_level_of_two_skills_is_compared() {
    let sandbox = Sandbox::new();
    let value = json(&sandbox.run(&["compare", "RELM:5", "DSOP:5", "--format", "json"]));
    assert_eq!(value["left"]["code"], "RELM");
    assert_eq!(value["right"]["code"], "DSOP");
    assert_eq!(value["right"]["name"], "DevSecOps Engineering");
    assert_eq!(value["left"]["level"], value["right"]["level"]);
    // The two skills share phrasing ("appropriate … automation tools") but no statement says
    // the same thing, so nothing pairs: 4 removed rows, 8 added ones.
    let rows = value["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 4 + 8);
    assert!(rows
        .iter()
        .all(|r| r["left"].is_null() != r["right"].is_null()));
    assert_eq!(value["summary"]["unchanged"], 0);
    // Skills of two frameworks: each heading names its framework.
    let text = stdout(&sandbox.run(&["compare", "RELM:5", "DSOP:5", "--width", "100"]));
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with("SFIA 9 · RELM L5 — Ensure, advise")
            && first.ends_with("│ Proposed skills · DSOP L5 — Ensure, advise"),
        "{text}"
    );
}

#[test]
fn wide_characters_keep_the_columns_aligned() {
    let sandbox = Sandbox::new();
    let data = sandbox.write(
        "zh.ron",
        r#"(framework: "ZH", levels: [(level: 3, name: "应用"), (level: 4, name: "使能")], skills: [(code: "BS", name: "部署", description: "部署。", levels: {
            3: ["按照 既定 流程 部署 软件 变更。", "记录 部署 结果 🚀"],
            4: ["按照 既定 流程 部署 和 发布 软件 变更。", "维护 部署 工具 与 方法"],
        })])"#,
    );
    let data = data.to_str().unwrap();
    for width in ["30", "47", "80"] {
        let output = sandbox.run(&["compare", "BS:3", "BS:4", "--data", data, "--width", width]);
        assert!(output.status.success(), "{}", stderr(&output));
        let text = stdout(&output);
        assert!(text.starts_with("BS L3 — 应用"), "{text}");
        let columns = gutter_columns(&text);
        assert!(columns.iter().all(|&c| c == columns[0]), "{width}:\n{text}");
        let width: usize = width.parse().unwrap();
        assert!(text.lines().all(|l| l.width() <= width), "{text}");
        if width >= 47 {
            assert!(text.contains("{+和 发布+}"), "{text}");
        }
    }
}

#[test]
fn unknown_codes_undefined_levels_and_malformed_sides_are_explained() {
    let sandbox = Sandbox::new();
    let output = sandbox.run(&["compare", "NOPE:3", "RELM:5"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("no skill with code \"NOPE\""),
        "{}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty());
    let output = sandbox.run(&["compare", "RELM:4", "dsp:5"]);
    assert!(
        stderr(&output).contains("no skill with code \"dsp\" (did you mean DSOP?)"),
        "{}",
        stderr(&output)
    );

    let output = sandbox.run(&["compare", "RELM:4", "relm:7"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "skillscope: RELM:7 is not defined: RELM is defined at levels 2–6\n"
    );

    for bad in ["RELM", "RELM:x", "RELM:8", ":4", "RE-LM:4"] {
        let output = sandbox.run(&["compare", "RELM:4", bad]);
        assert_eq!(output.status.code(), Some(2), "{bad}");
        assert!(
            stderr(&output).contains("expected CODE:LEVEL, e.g. RELM:4"),
            "{bad}: {}",
            stderr(&output)
        );
    }
    let output = sandbox.run(&["compare", "RELM:4"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_code_in_several_frameworks_needs_framework() {
    let sandbox = Sandbox::new();
    let data = sandbox.write(
        "acme.ron",
        r#"(framework: "Acme", skills: [(code: "RELM", name: "Acme releases", description: "Ours.", levels: {4: ["Ships small things."], 5: ["Ships big things."]})])"#,
    );
    let data = data.to_str().unwrap();
    let output = sandbox.run(&["compare", "RELM:4", "RELM:5", "--data", data]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "skillscope: RELM is in several frameworks (SFIA 9, Acme); choose one with --framework \
         (or --left-framework for this side only)\n"
    );
    let value = json(&sandbox.run(&[
        "compare",
        "RELM:4",
        "RELM:5",
        "--data",
        data,
        "--framework",
        "acme",
        "--format",
        "json",
    ]));
    assert_eq!(value["left"]["framework"], "Acme");
    assert_eq!(value["left"]["edition"], Value::Null);
    assert_eq!(words(&value["rows"][0]["right"], "added"), "big");
    assert_eq!(words(&value["rows"][0]["left"], "removed"), "small");
    let output = sandbox.run(&[
        "compare",
        "RELM:4",
        "DSOP:5",
        "--data",
        data,
        "--framework",
        "acme",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no skill with code \"DSOP\" in framework \"acme\""));

    // Each side in its own framework: Acme's RELM 4 against SFIA 9's RELM 4.
    let value = json(&sandbox.run(&[
        "compare",
        "RELM:4",
        "RELM:4",
        "--data",
        data,
        "--left-framework",
        "acme",
        "--right-framework",
        "SFIA 9",
        "--format",
        "json",
    ]));
    assert_eq!(value["left"]["framework"], "Acme");
    assert_eq!(value["right"]["framework"], "SFIA");
    assert_eq!(value["right"]["edition"], "9");
    assert_eq!(value["summary"]["unchanged"], 0, "{value}");
    // In text and Markdown each side names its framework, or the two would read alike.
    let args = [
        "compare",
        "RELM:4",
        "RELM:4",
        "--data",
        data,
        "--left-framework",
        "acme",
        "--right-framework",
        "SFIA 9",
        "--width",
        "120",
    ];
    let text = stdout(&sandbox.run(&args));
    assert!(
        text.starts_with("Acme · RELM L4 — Enable") && text.contains("│ SFIA 9 · RELM L4 — Enable"),
        "{text}"
    );
    let markdown = stdout(&sandbox.run(&[&args[..], &["--format", "markdown"]].concat()));
    assert!(
        markdown.starts_with("## Acme · RELM L4 → SFIA 9 · RELM L4"),
        "{markdown}"
    );
    // A side option wins over --framework for its side only.
    let output = sandbox.run(&[
        "compare",
        "RELM:4",
        "RELM:5",
        "--data",
        data,
        "--framework",
        "acme",
        "--right-framework",
        "SFIA 9",
        "--format",
        "json",
    ]);
    let value = json(&output);
    assert_eq!(value["left"]["framework"], "Acme");
    assert_eq!(value["right"]["framework"], "SFIA");
    // Only one side ambiguous: the message names that side's option.
    let output = sandbox.run(&[
        "compare",
        "RELM:4",
        "RELM:5",
        "--data",
        data,
        "--left-framework",
        "acme",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("(or --right-framework for this side only)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn help_lists_compare() {
    let help = stdout(&Sandbox::new().run(&["--help"]));
    assert!(help.contains("compare"), "{help}");
    let help = stdout(&Sandbox::new().run(&["compare", "--help"]));
    assert!(
        help.contains("CODE:LEVEL") && help.contains("--framework"),
        "{help}"
    );
}

#[test]
fn a_code_in_two_editions_compares_the_newest_and_says_so() {
    let sandbox = Sandbox::new();
    let data = sandbox.write(
        "sfia-8.ron",
        r#"(framework: "SFIA", edition: "8", skills: [(code: "RELM", name: "Release and deployment", description: "Older.", levels: {4: ["Eight four."], 5: ["Eight five."]})])"#,
    );
    let data = data.to_str().unwrap();
    let output = sandbox.run(&[
        "compare", "RELM:4", "RELM:5", "--data", data, "--format", "json",
    ]);
    assert_eq!(
        stderr(&output),
        "skillscope: RELM is also in SFIA 8; using SFIA 9 (choose with --framework)\n"
    );
    let value = json(&output);
    assert_eq!(value["left"]["edition"], "9");
    assert_eq!(value["right"]["edition"], "9");
    let value = json(&sandbox.run(&[
        "compare",
        "RELM:4",
        "RELM:5",
        "--data",
        data,
        "--framework",
        "SFIA 8",
        "--format",
        "json",
    ]));
    assert_eq!(value["left"]["edition"], "8");
}

/// What the summary says when statements were paired by position.
const PAIRED_BY_POSITION: &str = "; too many statements to pair: paired by position";

/// Writes a data file of one skill, MANY, with `count` generated statements at levels 3 and 4.
fn write_many_statements(sandbox: &Sandbox, count: usize) -> String {
    let framework = testdata::many_statements(count, 0, testdata::DEFAULT_SEED);
    let path = sandbox.write("many.ron", &testdata::to_ron(&framework));
    path.to_str().unwrap().to_string()
}

#[test]
fn twenty_thousand_statements_a_level_are_compared_and_paired_by_position() {
    // Pairing them by similarity compared each with each: n×m cells, minutes, and at a hundred
    // thousand an allocation of gigabytes that aborted.
    let sandbox = Sandbox::new();
    let data = write_many_statements(&sandbox, 20_000);
    let output = sandbox.run(&["compare", "MANY:3", "MANY:4", "--data", &data]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let summary = text.lines().last().unwrap();
    assert!(summary.ends_with(PAIRED_BY_POSITION), "{summary}");
    // Every statement of both levels is shown, each as one bullet.
    assert_eq!(text.matches('•').count(), 40_000);
}

#[test]
fn json_and_markdown_say_which_statements_were_paired_by_position() {
    let sandbox = Sandbox::new();
    let data = write_many_statements(&sandbox, 2_000);
    let compare = |format| {
        sandbox.run(&[
            "compare", "MANY:3", "MANY:4", "--data", &data, "--format", format,
        ])
    };
    let value = json(&compare("json"));
    let rows = value["rows"].as_array().unwrap();
    let by_position: Vec<&Value> = rows.iter().filter(|r| r["by_position"] == true).collect();
    assert!(by_position.len() > 1_000, "{}", by_position.len());
    assert_eq!(value["summary"]["paired_by_position"], by_position.len());
    // A row paired by position holds a statement of each side, each at its own place.
    for row in by_position {
        assert!(
            row["left"]["statement"].is_u64() && row["right"]["statement"].is_u64(),
            "{row}"
        );
    }
    let markdown = stdout(&compare("markdown"));
    assert!(
        markdown.trim_end().ends_with(PAIRED_BY_POSITION),
        "{markdown}"
    );
}

#[test]
fn narrow_text_wraps_the_headings_and_cuts_nothing() {
    let sandbox = Sandbox::new();
    let text = stdout(&sandbox.run(&["compare", "RELM:5", "DSOP:5", "--width", "40"]));
    assert!(!text.contains('…'), "{text}");
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for heading in ["SFIA 9 · RELM L5", "Proposed skills ·", "DSOP L5"] {
        assert!(words.contains(heading), "{heading}: {text}");
    }
    for line in text.lines() {
        assert!(line.width() <= 40, "{line:?}");
    }
}
