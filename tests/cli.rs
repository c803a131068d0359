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
    assert!(stderr(&output).contains("no skill with code \"NOPE\" (try `skillscope search NOPE`)"));
    let output = sandbox.run(&["show", "RELN"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("no skill with code \"RELN\" (did you mean RELM?)"),
        "{}",
        stderr(&output)
    );
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
    for section in [
        ".SH \"BROWSER KEYS\"",
        ".SS Browsing",
        ".SS \"Comparing levels\"",
        ".SH FILES",
        ".SH ENVIRONMENT",
    ] {
        assert!(page.contains(section), "{section}: {page}");
    }
    for text in [
        "compare this level with the next",
        "config.ron",
        "NO_COLOR",
        "COLUMNS",
    ] {
        assert!(page.contains(text), "{text}: {page}");
    }
    // One page per command, each naming itself.
    let help = stdout(&sandbox.run(&["--help"]));
    for command in [
        "list",
        "show",
        "search",
        "compare",
        "validate",
        "paths",
        "import",
        "completions",
    ] {
        assert!(help.contains(command), "{command}");
        let page = stdout(&sandbox.run(&["man", command]));
        assert!(
            page.contains(&format!(".TH skillscope-{command} 1")),
            "{command}: {page}"
        );
    }
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

#[test]
fn piped_text_keeps_whole_lines_and_a_given_width_cuts_them() {
    let sandbox = Sandbox::new();
    let category = "A category whose name is much longer than any terminal is wide, ".repeat(3);
    let data = sandbox.write(
        "long.ron",
        &format!(
            r#"(framework: "F", skills: [(code: "LONG", name: "N", category: "{category}",
               description: "D", levels: {{3: ["S"]}})])"#
        ),
    );
    let args = [
        "list",
        "--data",
        data.to_str().unwrap(),
        "--no-default-data",
    ];
    let piped = stdout(&sandbox.run(&args));
    assert!(piped.contains(category.trim_end()), "{piped}");
    let cut = stdout(&sandbox.run(&[&args[..], &["--width", "60"]].concat()));
    assert!(cut.lines().all(|line| line.chars().count() <= 60), "{cut}");
    assert!(cut.contains('…'), "{cut}");
}

/// Runs skillscope with its output on a new pseudo-terminal of `columns` columns (its
/// controlling terminal, so the terminal's size is that one), and returns what it printed.
#[cfg(unix)]
fn run_on_terminal(sandbox: &Sandbox, args: &[&str], columns: u16, env: &[(&str, &str)]) -> String {
    use std::io::Read;
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::process::CommandExt;
    use std::process::Stdio;

    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: 24,
        ws_col: columns,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two new descriptors, owned below.
    let opened = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(opened, 0, "a pseudo-terminal");
    // SAFETY: both descriptors were just opened and belong to nobody else.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut command = sandbox.command(args);
    command
        .envs(env.iter().copied())
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave));
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        command.pre_exec(|| {
            libc::setsid();
            libc::ioctl(0, libc::TIOCSCTTY as _, 0);
            Ok(())
        });
    }
    let mut child = command.spawn().unwrap();
    drop(command);
    let mut output = Vec::new();
    let mut terminal = std::fs::File::from(master);
    let mut buffer = [0u8; 4096];
    // Reading ends with an error once the child has exited and closed the terminal.
    while let Ok(n) = terminal.read(&mut buffer) {
        if n == 0 {
            break;
        }
        output.extend_from_slice(&buffer[..n]);
    }
    assert!(child.wait().unwrap().success());
    let _ = terminal.as_raw_fd();
    String::from_utf8(output).unwrap().replace('\r', "")
}

#[cfg(unix)]
#[test]
fn a_terminal_of_no_columns_gets_80_and_columns_is_honoured() {
    let sandbox = Sandbox::new();
    // The widest of the wrapped lines (the bullets of the guidance and the levels).
    let widest = |text: &str| {
        (text.lines())
            .filter(|line| line.starts_with("  "))
            .map(|line| line.chars().count())
            .max()
            .unwrap_or(0)
    };
    let args = ["show", "SLEN", "--format", "text"];
    let no_columns = run_on_terminal(&sandbox, &args, 0, &[("NO_COLOR", "1")]);
    assert!((60..=80).contains(&widest(&no_columns)), "{no_columns}");
    let sized = run_on_terminal(&sandbox, &args, 100, &[("NO_COLOR", "1")]);
    assert!((81..=100).contains(&widest(&sized)), "{sized}");
    let columns = run_on_terminal(&sandbox, &args, 0, &[("NO_COLOR", "1"), ("COLUMNS", "50")]);
    assert!((40..=50).contains(&widest(&columns)), "{columns}");
}

#[test]
fn listed_skills_sharing_a_code_say_their_framework() {
    let sandbox = Sandbox::new();
    let data = sandbox.write(
        "sfia-8.ron",
        r#"(framework: "SFIA", edition: "8", skills: [(code: "RELM", name: "Release and deployment", description: "Older.", levels: {4: ["Eight four."]})])"#,
    );
    let text = stdout(&sandbox.run(&["list", "--data", data.to_str().unwrap()]));
    let relm: Vec<&str> = text.lines().filter(|l| l.starts_with("RELM")).collect();
    assert_eq!(relm.len(), 2, "{text}");
    assert!(relm.iter().any(|l| l.contains("[SFIA 9]")), "{text}");
    assert!(relm.iter().any(|l| l.contains("[SFIA 8]")), "{text}");
    let slen = text.lines().find(|l| l.starts_with("SLEN")).unwrap();
    assert!(
        !slen.contains("[SFIA"),
        "a code held once is not labelled: {slen}"
    );
}

#[test]
fn validate_points_a_spreadsheet_to_import() {
    let sandbox = Sandbox::new();
    let sheet = sandbox.write("sfia-9.xlsx", "PK not really a workbook");
    let csv = sandbox.write("skills.CSV", "Code,Skill\n");
    let output = sandbox.run(&["validate", sheet.to_str().unwrap(), csv.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains(
            "sfia-9.xlsx: this is a spreadsheet, not a RON data file: `skillscope import"
        ),
        "{text}"
    );
    assert!(text.contains("skills.CSV: this is a CSV file"), "{text}");
}

#[test]
fn error_messages_quoting_data_reach_the_terminal_printable() {
    let sandbox = Sandbox::new();
    let skill = r#"skills: [(code: "ZZ", name: "N", description: "D", levels: {3: ["S"]})]"#;
    for (file, title) in [
        ("one.ron", "F\u{1b}]0;PWNED\u{7}"),
        ("two.ron", "G\u{9b}31m"),
    ] {
        sandbox.write(
            file,
            &format!("(framework: \"{}\", {skill})", title.escape_unicode()),
        );
    }
    for format in ["json", "text"] {
        let output = sandbox.run(&[
            "compare",
            "ZZ:3",
            "ZZ:3",
            "--no-default-data",
            "--data",
            sandbox.path("one.ron").to_str().unwrap(),
            "--data",
            sandbox.path("two.ron").to_str().unwrap(),
            "--format",
            format,
        ]);
        assert_eq!(output.status.code(), Some(1));
        let message = stderr(&output);
        assert!(message.contains("is in several frameworks"), "{message}");
        assert!(
            !message.chars().any(|c| c.is_control() && c != '\n'),
            "{format}: {message:?}"
        );
    }
}

#[test]
fn a_proposal_shows_its_rationale_as_such_under_its_own_framework() {
    let sandbox = Sandbox::new();
    let text = stdout(&sandbox.run(&["show", "DSOP", "--width", "100"]));
    assert!(
        text.contains("\nProposed skills · Change and Transformation"),
        "{text}"
    );
    let rationale = text.find("\nRationale\n").expect("a Rationale heading");
    assert!(!text.contains("\nNotes\n"), "{text}");
    assert!(text[rationale..].contains("With the adoption of cloud computing services"));
    let value = json(&sandbox.run(&["show", "DSOP", "--format", "json"]));
    assert_eq!(value["framework"], "Proposed skills");
    assert_eq!(value["edition"], serde_json::Value::Null);
    assert_eq!(value["rationale"].as_array().unwrap().len(), 5);
    assert_eq!(value["notes"].as_array().unwrap().len(), 0);
    let markdown = stdout(&sandbox.run(&["show", "DSOP", "--format", "markdown"]));
    assert!(
        markdown.contains("\n### Rationale\n\nWith the adoption"),
        "{markdown}"
    );
    // SLEN is SFIA 8's wording; RELM the SFIA 9 prototype.
    let slen = json(&sandbox.run(&["show", "SLEN", "--format", "json"]));
    assert_eq!(slen["edition"], "8");
    assert_eq!(slen["levels"]["5"].as_array().unwrap().len(), 4);
}
