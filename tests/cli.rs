//! The commands, run as a user would: the real binary, isolated from the user's folders.

mod common;
use common::{json, stderr, stdout, Sandbox};

use std::fs;
use std::path::Path;

const EXTRA: &str = r#"(
    framework: "Acme",
    skills: [
        (code: "RELM", name: "Acme releases", description: "Our own release skill.", levels: {1: ["Ships small things."]}),
        (code: "ACME1", name: "Widget wrangling", category: "Widgets", description: "Wrangles.", levels: {3: ["Wrangles widgets."], 4: ["Leads wranglers."]}),
    ],
)"#;

#[test]
fn search_ranks_the_seed_skills_as_documented() {
    let sandbox = Sandbox::new();
    for (query, first) in [
        ("rollback", "RELM"),
        ("devsecops", "DSOP"),
        ("slen", "SLEN"),
    ] {
        let output = sandbox.run(&["search", query, "--format", "json"]);
        assert!(output.status.success());
        let value = json(&output);
        assert_eq!(value["results"][0]["skill"]["code"], first, "{query}");
    }
}

#[test]
fn search_results_say_where_they_matched() {
    let output = Sandbox::new().run(&["search", "rollback", "--format", "json"]);
    let first = &json(&output)["results"][0];
    assert_eq!(first["matched"], "level 4");
    assert_eq!(first["level"], 4);
    let snippet: Vec<char> = first["snippet"].as_str().unwrap().chars().collect();
    let [start, end] = [
        first["ranges"][0][0].as_u64().unwrap() as usize,
        first["ranges"][0][1].as_u64().unwrap() as usize,
    ];
    assert_eq!(snippet[start..end].iter().collect::<String>(), "rollback");
    let text = stdout(&Sandbox::new().run(&["search", "rollback"]));
    assert!(
        text.starts_with("RELM   Release and deployment  (SFIA 9, level 4)"),
        "{text}"
    );
}

#[test]
fn search_limit_cuts_the_list_and_says_so() {
    let output = Sandbox::new().run(&["search", "e", "--limit", "1"]);
    let text = stdout(&output);
    assert!(text.contains("… and 2 more (use --limit)"), "{text}");
    let none = stdout(&Sandbox::new().run(&["search", "zzzqqq"]));
    assert!(none.contains("No skills match"));
}

#[test]
fn list_filters_by_level_and_category() {
    let sandbox = Sandbox::new();
    let all = stdout(&sandbox.run(&["list"]));
    assert_eq!(all.lines().count(), 3);
    let at_two = stdout(&sandbox.run(&["list", "--level", "2"]));
    assert_eq!(
        at_two.lines().map(|l| &l[..4]).collect::<Vec<_>>(),
        ["RELM"]
    );
    let delivery = json(&sandbox.run(&[
        "list",
        "--category",
        "technology MANAGEMENT",
        "--format",
        "json",
    ]));
    assert_eq!(delivery.as_array().unwrap().len(), 1);
    let markdown = stdout(&sandbox.run(&["list", "--format", "markdown"]));
    assert!(
        markdown.contains("| RELM | Release and deployment (Prototype) | 2–6 |"),
        "{markdown}"
    );
    assert!(!sandbox.run(&["list", "--level", "8"]).status.success());
}

#[test]
fn show_prints_every_format() {
    let sandbox = Sandbox::new();
    let text = stdout(&sandbox.run(&["show", "relm", "--width", "72"]));
    assert!(text.starts_with("RELM  Release and deployment  [Prototype]"));
    assert!(text.contains("Guidance notes") && text.contains("Level 6 — Initiate, influence"));
    assert!(!text.contains('\x1b'), "no colour when not on a terminal");
    let markdown = stdout(&sandbox.run(&["show", "SLEN", "--format", "markdown"]));
    assert!(markdown.contains("### Level 7 — Set strategy, inspire, mobilise"));
    let value = json(&sandbox.run(&["show", "DSOP", "--level", "5", "--format", "json"]));
    assert_eq!(value["status"], "Proposed");
    assert_eq!(
        value["levels"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["5"]
    );
}

#[test]
fn show_explains_unknown_codes_and_undefined_levels() {
    let sandbox = Sandbox::new();
    let output = sandbox.run(&["show", "NOPE"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no skill with code \"NOPE\""));
    let output = sandbox.run(&["show", "RELM", "--level", "1"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("RELM is not defined at level 1; it is defined at levels 2–6"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_same_code_in_two_frameworks_is_shown_twice_or_picked() {
    let sandbox = Sandbox::new();
    let extra = sandbox.write("acme.ron", EXTRA);
    let extra = extra.to_str().unwrap();
    let both = json(&sandbox.run(&["show", "RELM", "--data", extra, "--format", "json"]));
    let frameworks: Vec<&str> = both
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["framework"].as_str().unwrap())
        .collect();
    assert_eq!(frameworks, ["SFIA", "Acme"]);
    let one = json(&sandbox.run(&[
        "show",
        "RELM",
        "--data",
        extra,
        "--framework",
        "acme",
        "--format",
        "json",
    ]));
    assert_eq!(one["name"], "Acme releases");
}

#[test]
fn later_sources_replace_earlier_skills_and_user_data_is_read() {
    let sandbox = Sandbox::new();
    let replacement = r#"(framework: "SFIA", edition: "9", skills: [(code: "RELM", name: "Replaced", description: "New.", levels: {3: ["Only this."]})])"#;
    fs::create_dir_all(sandbox.data_dir()).unwrap();
    fs::write(sandbox.data_dir().join("mine.ron"), replacement).unwrap();
    let value = json(&sandbox.run(&["show", "RELM", "--format", "json"]));
    assert_eq!(value["name"], "Replaced");
    let value = json(&sandbox.run(&["show", "RELM", "--no-user-data", "--format", "json"]));
    assert_eq!(value["name"], "Release and deployment");
    let listed = stdout(&sandbox.run(&["list", "--no-default-data"]));
    assert_eq!(listed.lines().count(), 1, "{listed}");
}

#[test]
fn a_broken_file_is_reported_and_everything_else_loads() {
    let sandbox = Sandbox::new();
    let broken = sandbox.write(
        "broken.ron",
        "(framework: \"X\",\n  skills: [(code: \"A\", name: 5)])",
    );
    let good = sandbox.write("acme.ron", EXTRA);
    let output = sandbox.run(&[
        "list",
        "--data",
        broken.to_str().unwrap(),
        "--data",
        good.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    let warning = stderr(&output);
    assert!(
        warning.contains(&format!("{}:2:", broken.display())),
        "{warning}"
    );
    assert!(stdout(&output).contains("ACME1"));
}

#[test]
fn validate_reports_positions_and_fails_on_any_error() {
    let sandbox = Sandbox::new();
    let good = sandbox.write("dir/good.ron", EXTRA);
    let bad = sandbox.write("dir/bad.ron", "(framework: \"X\", skills: [\n(code: \"A\", name: \"N\", description: \"D\", levels: {9: [\"S\"]})])");
    let output = sandbox.run(&["validate", good.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stdout(&output));
    let output = sandbox.run(&["validate", good.parent().unwrap().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains(&format!("{}:2:", bad.display()))
            && text.contains("level 9 is outside 1..=7"),
        "{text}"
    );
    assert!(text.contains("1 valid, 1 with errors"));
}

/// A file name holding line breaks is printed escaped, on one line: it cannot forge a line of
/// the report (here, a summary claiming success).
#[cfg(unix)]
#[test]
fn validate_prints_file_names_escaped_on_one_line() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "dir/a.ron: ok (1 skills)\n2 valid, 0 with errors\nb.ron",
        EXTRA,
    );
    sandbox.write("dir/bad\r\n\u{202e}.ron", "(");
    let output = sandbox.run(&["validate", sandbox.path("dir").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0]
            .ends_with("dir/a.ron: ok (1 skills)\\n2 valid, 0 with errors\\nb.ron: ok (2 skills)"),
        "{text}"
    );
    assert!(lines[1].contains("dir/bad\\r\\n\\u{202e}.ron:1:"), "{text}");
    assert_eq!(lines[2], "1 valid, 1 with errors");
}

#[test]
fn paths_lists_the_data_folder_and_its_files() {
    let sandbox = Sandbox::new();
    fs::create_dir_all(sandbox.data_dir()).unwrap();
    fs::write(sandbox.data_dir().join("a.ron"), EXTRA).unwrap();
    let text = stdout(&sandbox.run(&["paths", "--data", "x.ron"]));
    assert!(text.contains("<built-in>"));
    assert!(
        text.contains(&format!("{}", sandbox.data_dir().join("a.ron").display())),
        "{text}"
    );
    assert!(text.contains("x.ron  (--data)"));
    assert!(text.contains(&format!(
        "{}",
        Path::new(&sandbox.home.path().join("config/skillscope/config.ron")).display()
    )));
}

#[test]
fn help_and_version_follow_conventions() {
    let sandbox = Sandbox::new();
    let help = stdout(&sandbox.run(&["--help"]));
    for command in [
        "list",
        "show",
        "search",
        "validate",
        "paths",
        "import",
        "completions",
        "man",
    ] {
        assert!(help.contains(command), "{command}");
    }
    let version = stdout(&sandbox.run(&["--version"]));
    assert_eq!(
        version.trim(),
        format!("skillscope {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn completions_are_printed_for_each_shell() {
    let sandbox = Sandbox::new();
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef skillscope"),
        ("fish", "complete -c skillscope"),
    ] {
        let output = sandbox.run(&["completions", shell]);
        assert!(output.status.success(), "{shell}: {}", stderr(&output));
        let script = stdout(&output);
        assert!(script.contains(marker), "{shell}: no {marker:?}");
        assert!(script.contains("skillscope"), "{shell}");
        assert!(script.contains("import"), "{shell}: no subcommand");
    }
    assert!(!sandbox.run(&["completions", "cmd.exe"]).status.success());
}

#[test]
fn man_prints_a_manual_page_and_one_per_command() {
    let sandbox = Sandbox::new();
    let page = stdout(&sandbox.run(&["man"]));
    assert!(page.contains(".TH skillscope 1"), "{page}");
    assert!(page.contains(".SH SUBCOMMANDS"), "{page}");
    assert!(page.contains("skillscope\\-import(1)"), "{page}");
    let import = stdout(&sandbox.run(&["man", "import"]));
    assert!(
        import.contains(".TH skillscope-import 1  \"skillscope "),
        "{import}"
    );
    assert!(import.contains("\\-\\-force"), "{import}");
    let output = sandbox.run(&["man", "nope"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("commands: list, show"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_broken_config_is_reported_and_the_commands_still_work() {
    let sandbox = Sandbox::new();
    let config = sandbox.write("config/skillscope/config.ron", "(\n  theme: \"neon\",\n)");
    let located = format!("{}:2:11: unknown theme \"neon\"", config.display());

    let output = sandbox.run(&["paths"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(
        text.contains("config.ron  (failed: defaults apply)"),
        "{text}"
    );
    assert!(text.contains(&located), "{text}");

    let output = sandbox.run(&["list"]);
    assert!(output.status.success());
    assert_eq!(stdout(&output).lines().count(), 3);
    let warning = stderr(&output);
    assert!(
        warning.starts_with(&format!("skillscope: warning: {located}")),
        "{warning}"
    );

    sandbox.write(
        "config/skillscope/config.ron",
        "(theme: \"monochrome\", keys: {\"quit\": [\"x\"]})",
    );
    assert!(stdout(&sandbox.run(&["paths"])).contains("config.ron  (loaded)"));
    assert_eq!(stderr(&sandbox.run(&["list"])), "");

    sandbox.write(
        "config/skillscope/config.ron",
        "(keys: {\"quit\": [\"x\"], \"export\": [\"x\"]})",
    );
    let text = stdout(&sandbox.run(&["paths"]));
    assert!(
        text.contains("key \"x\" is given to both \"quit\" and \"export\""),
        "{text}"
    );
}

#[test]
fn paths_says_when_there_is_no_config() {
    let text = stdout(&Sandbox::new().run(&["paths"]));
    assert!(
        text.contains("config.ron  (not present: defaults apply)"),
        "{text}"
    );
}

#[test]
fn commands_write_nothing_outside_what_they_are_asked_to() {
    let sandbox = Sandbox::new();
    let big = sandbox.write_big_data();
    let big = big.to_str().unwrap();
    let search = ["search", "governance", "--data", big, "--no-default-data"];
    let first = sandbox.run(&search);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).contains("… and"), "{}", stdout(&first));
    let again = sandbox.run(&search);
    assert_eq!(stdout(&again), stdout(&first));
    for args in [&["list", "--data", big][..], &["show", "SLEN"], &["paths"]] {
        assert!(sandbox.run(args).status.success(), "{args:?}");
    }
    assert!(
        !sandbox.path("cache").exists(),
        "no cache is written: every run reads the data files themselves"
    );
    assert!(!sandbox.data_dir().exists());
}

#[test]
fn a_relative_home_gives_no_user_folders() {
    let sandbox = Sandbox::new();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_skillscope"))
        .arg("paths")
        .current_dir(sandbox.home.path())
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .env("HOME", "relative/home")
        .output()
        .unwrap();
    let text = stdout(&output);
    assert!(
        text.contains("no home folder was found (HOME must be an absolute path)"),
        "{text}"
    );
    assert!(!sandbox.path("relative").exists());
}
