//! Profiles at their edges, run as a user would: symbolic links, narrow widths, levels a skill
//! does not define, long names, editions, failing paths, formula-like notes, escape sequences
//! in notes and a reader that goes away.

mod common;
use common::{stderr, stdout, Sandbox};

fn profile_path(sandbox: &Sandbox, name: &str) -> std::path::PathBuf {
    sandbox.data_dir().join(format!("profiles/{name}.ron"))
}

#[cfg(unix)]
#[test]
fn a_profile_that_is_a_symbolic_link_is_refused_and_its_target_untouched() {
    let sandbox = Sandbox::new();
    let outside = sandbox.write("outside.ron", "(skills: [])");
    std::fs::create_dir_all(sandbox.data_dir().join("profiles")).unwrap();
    std::os::unix::fs::symlink(&outside, profile_path(&sandbox, "me")).unwrap();
    for args in [
        &["profile", "set", "me", "RELM", "4"][..],
        &["profile", "show", "me"],
        &["profile", "delete", "me"],
    ] {
        let error = sandbox.run_failing(args);
        assert!(
            error.contains("me.ron") && error.contains("symbolic link"),
            "{args:?}: {error}"
        );
    }
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "(skills: [])");
    assert!(profile_path(&sandbox, "me").is_symlink());
}

#[test]
fn a_narrow_width_wraps_profile_and_gap_lines_and_keeps_the_levels() {
    let sandbox = Sandbox::new();
    sandbox.run_ok(&["profile", "set", "me", "RELM", "4", "--target", "5"]);
    for args in [
        &["profile", "show", "me", "--width", "40"][..],
        &["gap", "me", "--width", "40"],
    ] {
        let text = sandbox.run_ok(args);
        // Only the comparison's column headings are cut, as `compare` cuts them.
        let outside_columns = text.lines().filter(|l| !l.contains('│'));
        assert!(
            outside_columns.clone().all(|l| !l.contains('…')),
            "{args:?}: {text}"
        );
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
        let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let level = if args[0] == "gap" {
            "level 4, required 5"
        } else {
            "level 4 → 5"
        };
        assert!(
            joined.contains(&format!("Release and deployment {level}")),
            "{text}"
        );
    }
}

#[test]
fn a_level_the_skill_does_not_define_is_reported_and_kept() {
    let sandbox = Sandbox::new();
    let text = "(skills: [\n  (framework: \"SFIA\", edition: \"9\", code: \"RELM\", level: 7, target: 1),\n])";
    let path = sandbox.write("data/skillscope/profiles/me.ron", text);
    for args in [&["profile", "show", "me"][..], &["gap", "me"]] {
        let output = sandbox.run(args);
        assert!(output.status.success(), "{args:?}");
        let warning = stderr(&output);
        assert!(
            warning.contains("me.ron:2:43: SFIA 9 RELM does not define level 7"),
            "{args:?}: {warning}"
        );
    }
    let gap = sandbox.run_ok(&["gap", "me"]);
    assert!(gap.contains("RELM does not define level 7"), "{gap}");
    assert!(!gap.contains('│'), "no empty comparison: {gap}");
    assert_eq!(std::fs::read_to_string(path).unwrap(), text);
}

#[test]
fn a_name_of_too_many_bytes_is_refused_clearly() {
    let sandbox = Sandbox::new();
    let name = "\u{10400}".repeat(64);
    let error = sandbox.run_failing(&["profile", "set", &name, "RELM", "4"]);
    assert!(error.contains("200 bytes"), "{error}");
    assert!(!error.contains("os error"), "{error}");
}

#[test]
fn set_says_which_edition_it_chose() {
    let sandbox = Sandbox::new();
    let data = sandbox.write(
        "eight.ron",
        r#"(framework: "SFIA", edition: "8", skills: [(code: "RELM", name: "Release and deployment", description: "Older.", levels: {4: ["Eight four."]})])"#,
    );
    let output = sandbox.run(&[
        "profile",
        "set",
        "me",
        "RELM",
        "4",
        "--data",
        data.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    assert_eq!(stdout(&output), "me: RELM (SFIA 9) at level 4\n");
    assert_eq!(
        stderr(&output),
        "skillscope: RELM is also in SFIA 8; using SFIA 9 (choose with --framework)\n"
    );
}

#[test]
fn failing_paths_are_named() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(profile_path(&sandbox, "me")).unwrap();
    let error = sandbox.run_failing(&["profile", "delete", "me"]);
    assert!(error.contains("profiles/me.ron: "), "{error}");
    let other = Sandbox::new();
    other.write("data/skillscope/profiles", "a file where the folder goes");
    let error = other.run_failing(&["profile", "set", "me", "RELM", "4"]);
    assert!(error.contains("skillscope/profiles/me.ron: "), "{error}");
}

#[test]
fn unset_with_another_framework_says_so() {
    let sandbox = Sandbox::new();
    sandbox.run_ok(&["profile", "set", "me", "RELM", "4"]);
    let error = sandbox.run_failing(&["profile", "unset", "me", "RELM", "--framework", "Acme"]);
    assert!(
        error.contains("no skill \"RELM\" in framework \"Acme\"; it has it in SFIA 9"),
        "{error}"
    );
}

#[test]
fn csv_notes_that_a_spreadsheet_would_run_start_with_a_quote() {
    let sandbox = Sandbox::new();
    for (code, note) in [
        ("RELM", "=HYPERLINK(\"x\")"),
        ("SLEN", "-1+2"),
        ("DSOP", "plain"),
    ] {
        let level = if code == "DSOP" { "4" } else { "5" };
        sandbox.run_ok(&[
            "profile",
            "set",
            "me",
            code,
            level,
            &format!("--note={note}"),
        ]);
    }
    let csv = sandbox.run_ok(&["profile", "show", "me", "--format", "csv"]);
    assert!(csv.contains(",\"'=HYPERLINK(\"\"x\"\")\"\n"), "{csv}");
    assert!(csv.contains(",'-1+2\n"), "{csv}");
    assert!(csv.contains(",plain\n"), "{csv}");
}

#[test]
fn an_escape_sequence_in_a_note_never_reaches_the_output() {
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
        "Red \u{1b}[31malert\u{1b}]0;title\u{7}",
    ]);
    for args in [
        &["profile", "show", "me"][..],
        &["profile", "show", "me", "--format", "markdown"],
        &["profile", "show", "me", "--format", "csv"],
        &["profile", "show", "me", "--format", "json"],
        &["gap", "me"],
        &["gap", "me", "--format", "markdown"],
    ] {
        let output = sandbox.command(args).env("NO_COLOR", "1").output().unwrap();
        assert!(output.status.success(), "{args:?}");
        let text = stdout(&output);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{args:?}: {text:?}"
        );
        if args[0] == "profile" {
            assert!(
                text.contains("alert"),
                "the note is shown: {args:?}: {text}"
            );
        }
    }
}

/// `gap … --format json | head -1`: the reader goes away, and skillscope ends quietly.
#[cfg(unix)]
#[test]
fn json_to_a_closed_pipe_ends_quietly() {
    use std::os::fd::{FromRawFd, OwnedFd};
    use std::process::Stdio;

    let sandbox = Sandbox::new();
    sandbox.run_ok(&["profile", "set", "me", "RELM", "4", "--target", "5"]);
    let mut ends = [0; 2];
    // SAFETY: pipe writes two new descriptors, owned below.
    assert_eq!(unsafe { libc::pipe(ends.as_mut_ptr()) }, 0);
    // SAFETY: both descriptors were just opened and belong to nobody else.
    let (reader, writer) =
        unsafe { (OwnedFd::from_raw_fd(ends[0]), OwnedFd::from_raw_fd(ends[1])) };
    // The reader is gone before skillscope writes a byte: every write fails with a closed pipe.
    drop(reader);
    let output = sandbox
        .command(&["gap", "me", "--format", "json"])
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(stderr(&output), "");
    assert!(output.status.success());
}
