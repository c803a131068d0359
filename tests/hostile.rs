//! Hostile data and random input: nothing from a data file reaches the terminal as a control
//! sequence, no input crashes the loader or the browser, oversized files are refused.

use std::fs;
use std::process::Command;

use proptest::prelude::*;
use skillscope::data::sources::{
    load_catalog, parse_framework, read_framework_file, SourceSelection, BUILT_IN_DATA,
};
use skillscope::tui::action::Action;
use skillscope::tui::testing::{app_for, buffer_text, press_keys, render};

const HOSTILE: &str = "tests/fixtures/hostile.ron";

/// Characters that must never be printed: C0 (but newline), DEL, C1, bidi controls.
fn is_dangerous(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn run(args: &[&str]) -> std::process::Output {
    let home = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_skillscope"))
        .args(args)
        .env("XDG_DATA_HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .output()
        .unwrap()
}

fn hostile_catalog() -> skillscope::data::catalog::Catalog {
    load_catalog(&SourceSelection {
        built_in: true,
        extra: vec![HOSTILE.into()],
        ..Default::default()
    })
}

#[test]
fn the_fixture_really_is_hostile() {
    let catalog = hostile_catalog();
    assert!(catalog.errors.is_empty(), "{:?}", catalog.errors);
    let host = &catalog.entries[catalog.find("HOST", None)[0]].skill;
    assert!(host.name.contains("\u{1b}]0;PWNED\u{7}") && host.name.contains("\u{1b}]52;c;"));
    assert!(host.description.contains("\u{1b}[2J") && host.description.contains('\u{9b}'));
    assert!(host.name.contains('\u{202e}'));
    assert_eq!(
        host.statements(skillscope::data::model::Level::new(3).unwrap())
            .unwrap()
            .len(),
        300
    );
}

#[test]
fn text_and_markdown_output_carry_no_control_sequences() {
    let commands: [&[&str]; 8] = [
        &["show", "HOST"],
        &["show", "HOST", "--format", "markdown"],
        &["show", "HOST", "--width", "30"],
        &["list"],
        &["list", "--format", "markdown"],
        &["search", "statement"],
        &["search", "hostile", "--format", "markdown"],
        &["compare", "HOST:2", "HOST:3"],
    ];
    for args in commands {
        let mut full = args.to_vec();
        full.extend(["--data", HOSTILE, "--no-user-data"]);
        let output = run(&full);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = String::from_utf8(output.stdout).unwrap();
        let bad: Vec<char> = text.chars().filter(|&c| is_dangerous(c)).collect();
        assert!(bad.is_empty(), "{args:?} printed {bad:?}");
        if args[0] == "show" {
            assert!(
                text.contains("^[]0;PWNED^G"),
                "escapes are shown, not hidden: {args:?}"
            );
            assert!(
                text.contains('\u{FFFD}'),
                "C1 and bidi controls are shown as �"
            );
        }
    }
}

#[test]
fn json_keeps_the_original_text_escaped() {
    let output = run(&[
        "show",
        "HOST",
        "--format",
        "json",
        "--data",
        HOSTILE,
        "--no-user-data",
    ]);
    let raw = String::from_utf8(output.stdout).unwrap();
    assert!(!raw.contains('\u{1b}'), "JSON escapes control characters");
    let value: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert!(value["name"]
        .as_str()
        .unwrap()
        .contains("\u{1b}]0;PWNED\u{7}"));
}

#[test]
fn a_broken_file_beside_a_hostile_one_loses_nothing_else() {
    let output = run(&[
        "list",
        "--data",
        HOSTILE,
        "--data",
        "tests/fixtures/broken.ron",
        "--no-user-data",
    ]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("tests/fixtures/broken.ron:4:65: level 9 is outside 1..=7"),
        "{stderr}"
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("HOST") && stdout.contains("RELM") && stdout.contains("WIDE"));
}

#[test]
fn the_browser_draws_hostile_text_safely_at_every_size() {
    let mut app = app_for(hostile_catalog(), 120, 40);
    press_keys(&mut app, "/host<Enter>");
    assert_eq!(app.selected_entry().unwrap().skill.code.as_str(), "HOST");
    for setup in ["", "l", "ll<Tab>G", "<Tab>G", "c", "cv", "cf", "/漢", "?"] {
        press_keys(&mut app, "<Esc><Esc><Esc>");
        press_keys(&mut app, setup);
        for (width, height) in [
            (1, 1),
            (3, 2),
            (20, 5),
            (40, 12),
            (80, 24),
            (120, 40),
            (200, 60),
        ] {
            app.update(Action::Resize(width, height));
            let text = buffer_text(&render(&app));
            let bad: Vec<char> = text.chars().filter(|&c| is_dangerous(c)).collect();
            assert!(bad.is_empty(), "{setup:?} at {width}x{height}: {bad:?}");
        }
    }
}

#[test]
fn hundreds_of_statements_and_huge_words_scroll_to_the_end() {
    let mut app = app_for(hostile_catalog(), 80, 24);
    press_keys(&mut app, "/host<Enter><Tab>");
    assert_eq!(
        app.level().get(),
        3,
        "the defined level nearest SLEN's 4 (the lower on a tie)"
    );
    press_keys(&mut app, "G");
    let text = buffer_text(&render(&app));
    assert!(
        text.contains("Statement 299"),
        "the last statement is reachable:\n{text}"
    );
    press_keys(&mut app, "l");
    assert_eq!(app.level().get(), 5);
    assert!(
        buffer_text(&render(&app)).contains("xxxxxxxx"),
        "a 6000-character word is wrapped, not lost"
    );
}

#[test]
fn oversized_files_are_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("junk.ron");
    // A sparse 200 MB file: refusing it must not read (or allocate) 200 MB.
    fs::File::create(&path)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let started = std::time::Instant::now();
    let error = read_framework_file(&path).unwrap_err();
    assert!(error.message.contains("at most 64 MiB"), "{error}");
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn files_that_are_not_utf8_say_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.ron");
    fs::write(&path, b"(framework: \"Caf\xe9\", skills: [])").unwrap();
    let error = read_framework_file(&path).unwrap_err();
    assert_eq!(error.position, Some((1, 17)), "{error}");
    assert!(
        error
            .to_string()
            .ends_with("latin1.ron:1:17: the file is not valid UTF-8 text"),
        "{error}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_loader_survives_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("random.ron");
        fs::write(&path, &bytes).unwrap();
        let _ = read_framework_file(&path);
    }

    #[test]
    fn the_loader_survives_damaged_real_data(cut in 0usize..BUILT_IN_DATA.len(), junk in "[\\[\\](){}:,\"a-z0-9 \\\\]{0,12}") {
        let mut cut = cut;
        while !BUILT_IN_DATA.is_char_boundary(cut) {
            cut -= 1;
        }
        let truncated = &BUILT_IN_DATA[..cut];
        let spliced = format!("{truncated}{junk}{}", &BUILT_IN_DATA[cut..]);
        for damaged in [truncated, spliced.as_str()] {
            if let Err(error) = parse_framework("damaged.ron", damaged) {
                prop_assert!(error.position.is_some(), "{error}");
            }
        }
    }
}

fn any_action() -> impl Strategy<Value = Action> {
    use skillscope::tui::layout::Pane;
    let simple = prop_oneof![
        Just(Action::Quit),
        Just(Action::NextPane),
        Just(Action::PreviousPane),
        Just(Action::Up),
        Just(Action::Down),
        Just(Action::PageUp),
        Just(Action::PageDown),
        Just(Action::Top),
        Just(Action::Bottom),
        Just(Action::LevelDown),
        Just(Action::LevelUp),
        Just(Action::Activate),
        Just(Action::Back),
        Just(Action::Search),
        Just(Action::DeleteChar),
        Just(Action::DeleteWord),
        Just(Action::Help),
        Just(Action::LoadErrors),
        Just(Action::FoldAll),
        Just(Action::Compare),
        Just(Action::StepUp),
        Just(Action::StepDown),
        Just(Action::SwitchSide),
        Just(Action::PickSkill),
        Just(Action::Progression),
        Just(Action::Presentation),
    ];
    prop_oneof![
        6 => simple,
        3 => any::<char>().prop_map(Action::Type),
        1 => (0usize..80).prop_map(Action::ClickListRow),
        1 => (1u8..=7).prop_map(|n| Action::ClickLevel(skillscope::data::model::Level::new(n).unwrap())),
        1 => (prop_oneof![Just(Pane::List), Just(Pane::Levels), Just(Pane::Guidance)], -50i16..50).prop_map(|(p, d)| Action::Scroll(p, d)),
        1 => (0u16..220, 0u16..70).prop_map(|(w, h)| Action::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any sequence of actions at any size: update and draw never panic. Quit is ignored so the
    /// sequence keeps going.
    #[test]
    fn any_action_sequence_at_any_size_never_panics(actions in proptest::collection::vec(any_action(), 1..60)) {
        let mut app = app_for(hostile_catalog(), 80, 24);
        for action in actions {
            if action == Action::Quit {
                continue;
            }
            app.update(action);
            let _ = render(&app);
        }
    }
}
