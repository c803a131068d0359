//! `skillscope profile …` and `skillscope gap …`, run as a user would: the real binary in a
//! sandbox of empty XDG folders, every command and format.

mod common;
use common::{json, stderr, stdout, Sandbox};

/// Me: RELM 4 → 5, SLEN 6. The role: RELM 5, SLEN 5, DSOP 4.
fn me_and_a_role() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.run_ok(&[
        "profile",
        "set",
        "me",
        "RELM",
        "4",
        "--target",
        "5",
        "--note",
        "Shipped the spring release",
    ]);
    sandbox.run_ok(&["profile", "set", "me", "slen", "6"]);
    for (code, level) in [("RELM", "5"), ("SLEN", "5"), ("DSOP", "4")] {
        sandbox.run_ok(&["profile", "set", "Release lead", code, level]);
    }
    sandbox
}

#[test]
fn set_creates_the_profile_file_in_the_data_folder() {
    let sandbox = Sandbox::new();
    let said = sandbox.run_ok(&["profile", "set", "me", "relm", "4", "--target", "5"]);
    assert_eq!(said, "me: RELM (SFIA 9) at level 4 → 5\n");
    let file = sandbox.data_dir().join("profiles/me.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("code: \"RELM\""), "{text}");
    assert!(text.contains("target: 5"), "{text}");
    // Setting the level again keeps the target and note.
    sandbox.run_ok(&["profile", "set", "me", "RELM", "3", "--note", "n"]);
    let said = sandbox.run_ok(&["profile", "set", "me", "RELM", "4"]);
    assert_eq!(said, "me: RELM (SFIA 9) at level 4 → 5\n");
    let value = json(&sandbox.run(&["profile", "show", "me", "--format", "json"]));
    assert_eq!(value["skills"][0]["note"], "n");
    // The profile's files are not read as skill data.
    let list = stdout(&sandbox.run(&["list", "--format", "json"]));
    assert!(
        !stderr(&sandbox.run(&["list"])).contains("me.ron"),
        "{list}"
    );
}

#[test]
fn set_refuses_unknown_codes_and_undefined_levels() {
    let sandbox = Sandbox::new();
    let error = sandbox.run_failing(&["profile", "set", "me", "NOPE", "4"]);
    assert!(error.contains("no skill with code \"NOPE\""), "{error}");
    let error = sandbox.run_failing(&["profile", "set", "me", "RELM", "7"]);
    assert!(
        error.contains("RELM is not defined at level 7; it is defined at levels 2–6"),
        "{error}"
    );
    let error = sandbox.run_failing(&["profile", "set", "me", "RELM", "4", "--target", "1"]);
    assert!(error.contains("not defined at level 1"), "{error}");
    assert!(!sandbox.data_dir().join("profiles/me.ron").exists());
}

#[test]
fn names_with_separators_or_dots_are_refused() {
    let sandbox = Sandbox::new();
    for name in ["../escape", "a/b", "..", "x.y", ""] {
        let error = sandbox.run_failing(&["profile", "set", name, "RELM", "4"]);
        assert!(error.contains("profile name"), "{name}: {error}");
    }
    assert!(!sandbox.path("data/escape.ron").exists());
    assert!(!sandbox.data_dir().join("escape.ron").exists());
    assert!(!sandbox.data_dir().join("profiles").exists());
}

#[test]
fn list_unset_and_delete() {
    let sandbox = me_and_a_role();
    let text = sandbox.run_ok(&["profile", "list"]);
    assert_eq!(text, "Release lead  3 skills\nme  2 skills\n");
    let value = json(&sandbox.run(&["profile", "list", "--format", "json"]));
    assert_eq!(value["profiles"][1]["name"], "me");
    assert_eq!(value["profiles"][1]["skills"], 2);
    let markdown = sandbox.run_ok(&["profile", "list", "--format", "markdown"]);
    assert!(markdown.contains("- me: 2 skills"), "{markdown}");

    assert_eq!(
        sandbox.run_ok(&["profile", "unset", "me", "slen"]),
        "me: removed SLEN (SFIA 8)\n"
    );
    let error = sandbox.run_failing(&["profile", "unset", "me", "SLEN"]);
    assert!(
        error.contains("profile me has no skill \"SLEN\""),
        "{error}"
    );
    assert_eq!(
        sandbox.run_ok(&["profile", "delete", "Release lead"]),
        "Deleted profile Release lead.\n"
    );
    let error = sandbox.run_failing(&["profile", "delete", "Release lead"]);
    assert!(
        error.contains("no profile named \"Release lead\""),
        "{error}"
    );
    assert_eq!(sandbox.run_ok(&["profile", "list"]), "me  1 skill\n");
}

#[test]
fn a_broken_profile_is_located_listed_as_skipped_and_never_overwritten() {
    let sandbox = Sandbox::new();
    let broken = "(skills: [\n  (framework: \"SFIA\", code: \"RELM\", level: 9),\n])";
    let path = sandbox.write("data/skillscope/profiles/me.ron", broken);
    let output = sandbox.run(&["profile", "list"]);
    assert!(output.status.success());
    let warning = stderr(&output);
    assert!(warning.contains("me.ron:2:"), "{warning}");
    assert!(warning.contains("level 9 is outside 1..=7"), "{warning}");
    let error = sandbox.run_failing(&["profile", "set", "me", "RELM", "4"]);
    assert!(error.contains("me.ron:2:"), "{error}");
    assert!(error.contains("left as it is"), "{error}");
    assert_eq!(std::fs::read_to_string(path).unwrap(), broken);
}

#[test]
fn show_in_every_format_keeps_skills_that_are_not_loaded() {
    let sandbox = me_and_a_role();
    let file = sandbox.data_dir().join("profiles/me.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let with_unknown = text.replacen(
        "skills: [",
        "skills: [\n        (framework: \"Gone\", code: \"NOPE\", level: 2),",
        1,
    );
    std::fs::write(&file, with_unknown).unwrap();

    let text = sandbox.run_ok(&["profile", "show", "me", "--width", "80"]);
    assert!(text.starts_with("Profile me  3 skills\n"), "{text}");
    assert!(
        text.contains("NOPE  missing: not loaded  level 2  Gone"),
        "{text}"
    );
    assert!(
        text.contains("RELM  Release and deployment  level 4 → 5  SFIA 9"),
        "{text}"
    );
    assert!(text.contains("  Shipped the spring release"), "{text}");

    let markdown = sandbox.run_ok(&["profile", "show", "me", "--format", "markdown"]);
    assert!(markdown.starts_with("# Skills profile: me\n"), "{markdown}");
    assert!(
        markdown.contains("## Release and deployment — RELM"),
        "{markdown}"
    );
    assert!(markdown.contains("### Level 4 — Enable"), "{markdown}");
    assert!(
        markdown.contains("## Skills not loaded\n\n- Gone NOPE at level 2"),
        "{markdown}"
    );
    assert!(markdown.contains("Source: SFIA 9"), "{markdown}");

    let value = json(&sandbox.run(&["profile", "show", "me", "--format", "json"]));
    assert_eq!(value["name"], "me");
    assert_eq!(value["skills"][0]["loaded"], false);
    assert_eq!(
        value["skills"][1]["statements"]
            .as_array()
            .map(Vec::is_empty),
        Some(false)
    );

    let csv = sandbox.run_ok(&["profile", "show", "me", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "framework",
            "edition",
            "code",
            "name",
            "level",
            "target",
            "note"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[0][2], "NOPE");
    assert_eq!(&rows[0][3], "");
    assert_eq!(
        rows[1].iter().collect::<Vec<_>>(),
        [
            "SFIA",
            "9",
            "RELM",
            "Release and deployment",
            "4",
            "5",
            "Shipped the spring release"
        ]
    );
    let error = sandbox.run_failing(&["profile", "show", "nobody"]);
    assert!(error.contains("no profile named \"nobody\""), "{error}");
}

#[test]
fn gap_between_two_profiles_in_every_format() {
    let sandbox = me_and_a_role();
    let text = sandbox.run_ok(&["gap", "me", "Release lead", "--width", "100"]);
    assert!(text.starts_with("Gap from me to Release lead\n"), "{text}");
    assert!(
        text.contains("Missing (1)\nDSOP  DevSecOps Engineering  required 4\n  • "),
        "{text}"
    );
    assert!(
        text.contains(
            "Below the required level (1)\nRELM  Release and deployment  level 4, required 5"
        ),
        "{text}"
    );
    assert!(text.contains("RELM L4 — Enable"), "{text}");
    assert!(
        text.contains("{+") || text.contains("[-"),
        "words marked without colour: {text}"
    );
    assert!(text.contains("Above the required level (1)\nSLEN  Systems and software life cycle engineering  level 6, required 5"), "{text}");

    let markdown = sandbox.run_ok(&["gap", "me", "Release lead", "--format", "markdown"]);
    assert!(
        markdown.starts_with("# Gap from me to Release lead\n"),
        "{markdown}"
    );
    assert!(
        markdown
            .contains("### RELM L4 → RELM L5\n\n| RELM L4 — Enable | RELM L5 — Ensure, advise |"),
        "{markdown}"
    );

    let value = json(&sandbox.run(&["gap", "me", "Release lead", "--format", "json"]));
    let standings: Vec<&str> = (value["items"].as_array().unwrap().iter())
        .map(|item| item["standing"].as_str().unwrap())
        .collect();
    assert_eq!(standings, ["below", "above", "missing"]);
    assert_eq!(value["items"][0]["level"], 4);
    assert_eq!(value["items"][0]["required"], 5);
}

#[test]
fn gap_against_own_targets_and_met_and_unknown_skills() {
    let sandbox = me_and_a_role();
    let value = json(&sandbox.run(&["gap", "me", "--format", "json"]));
    assert_eq!(
        value["to"],
        serde_json::Value::Null,
        "not a profile named \"its targets\""
    );
    let items = value["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "only RELM has a target");
    assert_eq!(items[0]["standing"], "below");

    sandbox.run_ok(&["profile", "set", "Release lead", "SLEN", "6"]);
    let file = sandbox.data_dir().join("profiles/Release lead.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let with_unknown = text.replacen(
        "skills: [",
        "skills: [\n        (framework: \"Gone\", code: \"NOPE\", level: 2),",
        1,
    );
    std::fs::write(&file, with_unknown).unwrap();
    let text = sandbox.run_ok(&["gap", "me", "Release lead"]);
    assert!(text.contains("Met (1)\nSLEN"), "{text}");
    assert!(
        text.contains("Not loaded (1)\nNOPE  (Gone, not loaded)  required 2"),
        "{text}"
    );
    let output = sandbox.run(&["gap", "Release lead", "me"]);
    assert_eq!(output.status.code(), Some(0), "a gap is not an error");
    let error = sandbox.run_failing(&["gap", "me", "nobody"]);
    assert!(error.contains("no profile named \"nobody\""), "{error}");
}

#[test]
fn the_manual_and_completions_know_the_commands() {
    let sandbox = Sandbox::new();
    let page = sandbox.run_ok(&["man", "profile"]);
    assert!(page.contains("skillscope\\-profile"), "{page}");
    assert!(sandbox.run_ok(&["man", "gap"]).contains("targets"));
    let bash = sandbox.run_ok(&["completions", "bash"]);
    assert!(
        bash.contains("profile") && bash.contains("gap"),
        "completions"
    );
    let main = sandbox.run_ok(&["man"]);
    assert!(
        main.contains("profiles/NAME.ron"),
        "FILES names the profiles"
    );
    let paths = sandbox.run_ok(&["paths"]);
    assert!(paths.contains("Profiles:"), "{paths}");
}
