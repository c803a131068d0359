//! `skillscope levels`, run as a user would: the real binary in a sandbox, on a data file of
//! invented levels and attributes written by the test (no SFIA text ships or is checked in).

mod common;
use common::{json, stderr, stdout, Sandbox};

use serde_json::Value;
use unicode_width::UnicodeWidthStr;

const LEVELS: &str = include_str!("fixtures/levels.ron");

const NO_ATTRIBUTES: &str = "No attributes loaded: import the SFIA spreadsheet \
     (`skillscope import FILE`) to see what each level asks.";

/// A sandbox with `levels.ron` (the framework "Testing 1") written into it.
fn sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.write("levels.ron", LEVELS);
    sandbox
}

/// Runs `skillscope levels ARGS --data levels.ron`.
fn levels(sandbox: &Sandbox, args: &[&str]) -> std::process::Output {
    let mut all = vec!["levels"];
    all.extend(args);
    all.extend(["--data", "levels.ron"]);
    sandbox.run(&all)
}

/// What a successful run printed.
fn ok(output: &std::process::Output) -> String {
    assert!(output.status.success(), "{}", stderr(output));
    stdout(output)
}

/// The error a failed run gave, checking it failed with exit code `code`.
fn failure(output: &std::process::Output, code: i32) -> String {
    assert_eq!(output.status.code(), Some(code), "{}", stdout(output));
    assert!(output.stdout.is_empty());
    stderr(output)
}

#[test]
fn the_list_has_each_levels_number_name_and_essence_and_the_attributes() {
    let sandbox = sandbox();
    let text = ok(&levels(&sandbox, &[]));
    assert!(
        text.starts_with("Testing 1 — levels of responsibility\n\n1  Follow\n\n2  Assist\n   Helps others with routine work.\n"),
        "{text}"
    );
    assert!(text.contains("\n7  Set strategy, inspire, mobilise\n"));
    assert!(text.contains("\nAttributes\n──────────\nAutonomy (AUTO) · Influence (INFL)\n"));
    assert!(
        text.ends_with("Communication (COMM) · Leadership (LEAD)\n"),
        "{text}"
    );
    let markdown = ok(&levels(&sandbox, &["--format", "markdown"]));
    assert!(markdown.starts_with("## Testing 1 — levels of responsibility\n\n### 1 — Follow\n"));
    assert!(markdown.contains("\n### 4 — Enable\n\nPerforms varied work"));
    let value = json(&levels(&sandbox, &["--format", "json"]));
    assert_eq!(value["framework"], "Testing");
    assert_eq!(value["edition"], "1");
    let levels = value["levels"].as_array().unwrap();
    assert_eq!(levels.len(), 7);
    assert_eq!(levels[3]["level"], 4);
    assert_eq!(levels[3]["name"], "Enable");
    assert_eq!(levels[1]["essence"], "Helps others with routine work.");
    assert_eq!(levels[0]["essence"], Value::Null);
    assert!(levels[4]["guidance"]
        .as_str()
        .unwrap()
        .starts_with("Often leads a team."));
    let attribute = &value["attributes"][0];
    for (field, expected) in [
        ("code", "AUTO".into()),
        ("name", "Autonomy".into()),
        ("kind", "Attribute".into()),
        ("description", "How freely one works.".into()),
        ("guidance", Value::Null),
        ("url", Value::Null),
        ("levels", serde_json::json!([3, 4, 5])),
    ] {
        assert_eq!(attribute[field], expected, "{field}");
    }
}

#[test]
fn one_level_has_every_attributes_text_at_it_grouped_by_kind() {
    let sandbox = sandbox();
    let text = ok(&levels(&sandbox, &["5"]));
    let expected = "Level 5 — Ensure, advise\nTesting 1\n\nEssence: Gives trusted advice in a field and answers for the results of a larger\ngroup.\n";
    assert!(text.starts_with(expected), "{text}");
    let order = [
        "Attributes",
        "Autonomy (AUTO)",
        "• Works under broad direction.",
        "Influence (INFL)",
        "Business skills / behavioural factors",
        "Communication (COMM)",
        "Leadership (LEAD)",
        "• Leads a team and grows its members.",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|line| {
            text.find(&format!("\n{line}\n"))
                .unwrap_or_else(|| panic!("{line}\n{text}"))
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
    let markdown = ok(&levels(&sandbox, &["5", "--format", "markdown"]));
    assert!(markdown.starts_with("## Level 5 — Ensure, advise\n\n- Framework: Testing 1\n\n**Essence:** Gives trusted advice"));
    assert!(markdown.contains("\n### Attributes\n\n#### Autonomy (AUTO)\n\n- Works under broad direction.\n- Plans the work of others.\n"), "{markdown}");
    assert!(markdown
        .contains("\n### Business skills / behavioural factors\n\n#### Communication (COMM)\n"));
    let value = json(&levels(&sandbox, &["5", "--format", "json"]));
    assert_eq!(value["level"], 5);
    assert_eq!(value["name"], "Ensure, advise");
    assert_eq!(value["framework"], "Testing");
    assert!(value["guidance"]
        .as_str()
        .unwrap()
        .contains("- reviews plans"));
    let attributes = value["attributes"].as_array().unwrap();
    let kinds: Vec<(&str, &str)> = attributes
        .iter()
        .map(|a| (a["code"].as_str().unwrap(), a["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("AUTO", "Attribute"),
            ("INFL", "Attribute"),
            ("COMM", "BusinessSkill"),
            ("LEAD", "BusinessSkill")
        ]
    );
    assert_eq!(
        attributes[3]["statements"][0],
        "Leads a team and grows its members."
    );
}

#[test]
fn two_levels_side_by_side_at_80_columns() {
    let sandbox = sandbox();
    let text = ok(&levels(&sandbox, &["4", "5", "--width", "80"]));
    assert!(text.lines().all(|line| line.width() <= 80), "{text}");
    assert!(!text.contains('\x1b'), "no colour in a pipe");
    insta::assert_snapshot!("levels_4_5_width_80", text);
}

#[test]
fn the_comparison_has_the_word_diff_of_compare_in_every_format() {
    let sandbox = sandbox();
    let markdown = ok(&levels(
        &sandbox,
        &["4", "5", "--attribute", "auto", "--format", "markdown"],
    ));
    assert!(markdown.starts_with("## Testing 1 · Level 4 → Level 5\n\n### Attributes\n\n#### Autonomy (AUTO)\n\n| Level 4 — Enable | Level 5 — Ensure, advise |\n|---|---|\n| Works under ~~general~~ direction"), "{markdown}");
    assert!(
        markdown.contains("| Works under **broad** direction. |"),
        "{markdown}"
    );
    assert!(markdown.ends_with("\n+6 words, −9 words\n"), "{markdown}");
    let value = json(&levels(&sandbox, &["4", "5", "--format", "json"]));
    assert_eq!(value["left"]["level"], 4);
    assert_eq!(value["left"]["name"], "Enable");
    assert_eq!(value["right"]["framework"], "Testing");
    assert!(value["right"]["essence"]
        .as_str()
        .unwrap()
        .starts_with("Gives trusted advice"));
    let essence = &value["essence"]["rows"];
    assert_eq!(
        essence.as_array().unwrap().len(),
        2,
        "the essences share too few words to pair"
    );
    let autonomy = &value["attributes"][0];
    assert_eq!(autonomy["code"], "AUTO");
    let first = &autonomy["rows"][0];
    let words = |line: &Value, change: &str| -> Vec<String> {
        (line["words"].as_array().unwrap().iter())
            .filter(|w| w["change"] == change)
            .map(|w| w["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(words(&first["right"], "added"), ["broad"]);
    assert_eq!(
        words(&first["left"], "removed"),
        ["general", "within", "a", "clear", "framework."]
    );
    let total: u64 = (value["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .chain([&value["essence"]]))
    .map(|a| a["summary"]["added"].as_u64().unwrap())
    .sum();
    assert_eq!(value["summary"]["added"], total);
}

#[test]
fn the_attribute_filter_is_repeatable_and_ignores_case() {
    let sandbox = sandbox();
    let text = ok(&levels(
        &sandbox,
        &["4", "5", "--attribute", "lead", "--attribute", "Auto"],
    ));
    assert!(
        text.contains("\nAutonomy (AUTO)\n") && text.contains("\nLeadership (LEAD)\n"),
        "{text}"
    );
    assert!(
        !text.contains("Influence") && !text.contains("Communication") && !text.contains("Essence"),
        "{text}"
    );
    let value = json(&levels(
        &sandbox,
        &["5", "--attribute", "comm", "--format", "json"],
    ));
    let codes: Vec<&str> = value["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["COMM"]);
}

#[test]
fn an_unknown_attribute_is_an_error_naming_the_known_ones() {
    let sandbox = sandbox();
    let error = failure(
        &levels(
            &sandbox,
            &["4", "5", "--attribute", "AUTO", "--attribute", "xyz"],
        ),
        1,
    );
    assert_eq!(
        error,
        "skillscope: no attribute \"xyz\" in Testing 1; its attributes: AUTO, INFL, COMM, LEAD\n"
    );
    let error = failure(&levels(&sandbox, &["--attribute", "AUTO"]), 1);
    assert!(error.contains("--attribute needs a level"), "{error}");
}

#[test]
fn levels_outside_one_to_seven_and_a_third_level_are_refused() {
    let sandbox = sandbox();
    for level in ["0", "8", "9", "x"] {
        let error = failure(&levels(&sandbox, &[level]), 2);
        assert!(
            error.contains("invalid value") && error.contains("LEVEL"),
            "{level}: {error}"
        );
    }
    assert!(failure(&levels(&sandbox, &["8"]), 2).contains("8 is not in 1..=7"));
    let error = failure(&levels(&sandbox, &["3", "4", "5"]), 2);
    assert!(error.contains("unexpected value '5'"), "{error}");
}

#[test]
fn a_framework_without_levels_or_a_level_it_lacks_is_an_error() {
    let sandbox = Sandbox::new();
    sandbox.write("mine.ron", r#"(framework: "Mine", skills: [(code: "AB", name: "N", description: "D", levels: {3: ["Does it."]})])"#);
    sandbox.write("some.ron", r#"(framework: "Some", levels: [(level: 4, name: "Enable"), (level: 5, name: "Ensure, advise")], skills: [])"#);
    let alone = ["levels", "--no-default-data", "--data", "mine.ron"];
    let error = failure(&sandbox.run(&alone), 1);
    assert!(
        error.starts_with("skillscope: no framework defines levels of responsibility: import"),
        "{error}"
    );
    let error = failure(
        &sandbox.run(&["levels", "--data", "mine.ron", "--framework", "mine"]),
        1,
    );
    assert_eq!(
        error,
        "skillscope: Mine defines no levels of responsibility (its data has no `levels:`)\n"
    );
    let error = failure(
        &sandbox.run(&["levels", "--data", "mine.ron", "--framework", "nope"]),
        1,
    );
    assert_eq!(
        error,
        "skillscope: no framework \"nope\"; loaded: SFIA 8, SFIA 9, Proposed skills, Mine\n"
    );
    let error = failure(
        &sandbox.run(&["levels", "6", "--data", "some.ron", "--framework", "some"]),
        1,
    );
    assert_eq!(
        error,
        "skillscope: Some does not define level 6; it defines levels 4–5\n"
    );
}

#[test]
fn the_built_in_data_names_the_levels_and_says_how_to_get_attributes() {
    let sandbox = Sandbox::new();
    let text = ok(&sandbox.run(&["levels", "--width", "200"]));
    assert!(
        text.starts_with("SFIA 9 — levels of responsibility\n\n1  Follow\n2  Assist\n"),
        "{text}"
    );
    assert!(text.ends_with(&format!("\n\n{NO_ATTRIBUTES}\n")), "{text}");
    let one = ok(&sandbox.run(&["levels", "5", "--width", "200"]));
    assert_eq!(
        one,
        format!("Level 5 — Ensure, advise\nSFIA 9\n\n{NO_ATTRIBUTES}\n")
    );
    let two = ok(&sandbox.run(&["levels", "4", "5", "--width", "200"]));
    assert!(two.ends_with(&format!("\n\n{NO_ATTRIBUTES}\n")), "{two}");
    assert_eq!(
        two.lines().filter(|l| l.contains("No attributes")).count(),
        1
    );
    let markdown = ok(&sandbox.run(&["levels", "4", "5", "--format", "markdown"]));
    assert!(markdown.contains(NO_ATTRIBUTES), "{markdown}");
    let error = failure(&sandbox.run(&["levels", "5", "--attribute", "AUTO"]), 1);
    assert!(
        error.contains("SFIA 9 has no attributes: import"),
        "{error}"
    );
}

#[test]
fn the_first_framework_with_attributes_is_shown_and_the_others_named() {
    let sandbox = sandbox();
    sandbox.write("other.ron", &LEVELS.replace("\"Testing\"", "\"Other\""));
    let both = ["levels", "4", "--data", "levels.ron", "--data", "other.ron"];
    let output = sandbox.run(&both);
    assert!(ok(&output).contains("\nTesting 1\n"));
    assert_eq!(
        stderr(&output),
        "skillscope: showing the levels of Testing 1; Other 1 also with attributes (choose with --framework)\n"
    );
    let chosen = sandbox.run(&[
        "levels",
        "4",
        "--data",
        "levels.ron",
        "--data",
        "other.ron",
        "--framework",
        "other 1",
    ]);
    assert!(ok(&chosen).contains("\nOther 1\n"));
    assert_eq!(stderr(&chosen), "");
    // A newer edition wins wherever it was loaded, as in `compare`.
    sandbox.write(
        "newer.ron",
        &LEVELS.replace("edition: \"1\"", "edition: \"2\""),
    );
    let newer = sandbox.run(&["levels", "4", "--data", "newer.ron", "--data", "levels.ron"]);
    assert!(ok(&newer).contains("\nTesting 2\n"), "{}", stdout(&newer));
    assert!(stderr(&newer).contains("showing the levels of Testing 2; Testing 1 also"));
    // Alone, the framework with attributes wins over the built-in one loaded before it.
    let alone = levels(&sandbox, &["4"]);
    assert!(ok(&alone).contains("\nTesting 1\n") && stderr(&alone).is_empty());
}
