//! Hostile data and random input: nothing from a data file reaches the terminal as a control
//! sequence, no input crashes the loader or the browser, oversized files are refused.

use std::collections::HashSet;
use std::fs;
use std::process::Command;

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestCaseError;
use skillscope::data::model::Framework;
use skillscope::data::sources::{
    load_catalog, parse_framework, read_framework_file, write_framework, LoadError,
    SourceSelection, BUILT_IN_FILES,
};
use skillscope::tui::action::Action;
use skillscope::tui::testing::{app_for, buffer_text, press_keys, render};

const HOSTILE: &str = "tests/fixtures/hostile.ron";
const HOSTILE_DATA: &str = include_str!("fixtures/hostile.ron");

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
    let evil = catalog.framework_of(&catalog.entries[catalog.find("HOST", None)[0]]);
    assert!(evil.attributes[0].name.contains("\u{1b}]0;PWNED\u{7}"));
    assert_eq!(
        host.statements(skillscope::data::model::Level::new(3).unwrap())
            .unwrap()
            .len(),
        300
    );
}

#[test]
fn text_and_markdown_output_carry_no_control_sequences() {
    let commands: [&[&str]; 10] = [
        &["show", "HOST"],
        &["show", "HOST", "--format", "markdown"],
        &["show", "HOST", "--width", "30"],
        &["list"],
        &["list", "--format", "markdown"],
        &["search", "statement"],
        &["search", "hostile", "--format", "markdown"],
        &["compare", "HOST:2", "HOST:3"],
        &["levels", "1"],
        &["levels", "1", "1", "--format", "markdown"],
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
    assert!(
        !raw.chars().any(is_dangerous),
        "JSON escapes C1 controls and bidi overrides too: {raw}"
    );
    let value: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let name = value["name"].as_str().unwrap();
    assert!(name.contains("\u{1b}]0;PWNED\u{7}") && name.contains('\u{202e}'));
    assert!(value["description"].as_str().unwrap().contains('\u{9b}'));
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
    // The terminal library drops control characters on its own; the browser shows them, as the
    // commands do, so a reader sees that the data holds them.
    let text = buffer_text(&render(&app));
    assert!(text.contains("^[]0;PWNED^G"), "escapes are shown:\n{text}");
    assert!(
        text.contains('\u{FFFD}'),
        "C1 and bidi controls are shown as �:\n{text}"
    );
    press_keys(&mut app, "r");
    let text = buffer_text(&render(&app));
    assert!(
        text.contains("Attribute text ^[]52;c;cHduZWQ=^G"),
        "the level's attributes are shown, escapes visible:\n{text}"
    );
    press_keys(&mut app, "<Esc>");
    let setups = [
        "", "l", "ll<Tab>G", "<Tab>G", "c", "cv", "cf", "ca", "x", "r", "rc", "rcf", "/漢", "?",
    ];
    for setup in setups {
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

/// A small valid data file with every kind of field, so damage often lands somewhere that
/// still parses and the checks on a loaded framework run.
const SMALL: &str = r#"// comment
(
    framework: "Small",
    edition: "1",
    levels: [(level: 1, name: "Follow", essence: "Does \"it\"."), (level: 7, name: "Lead")],
    skills: [
        (code: "AB", name: "Ab", category: "Cat", status: Prototype, description: "D\u{e9}", guidance: "G\n- one", levels: {1: ["One."], 7: ["Seven.", "More."]}, notes: ["N"]),
        (code: "CD", name: "Cd", description: "E", levels: {3: ["Three."]}),
        (code: "EF", name: "Ef", url: "https://example.org", description: "F", levels: {2: ["Two."]}),
    ],
)
"#;

/// One kind of damage to a data file's bytes; positions scale to the file's length.
#[derive(Debug, Clone)]
enum Damage {
    /// A byte xor-ed with a non-zero mask.
    Flip(Index, u8),
    /// Everything from here on cut off.
    Cut(Index),
    /// Bytes inserted here.
    Insert(Index, Vec<u8>),
    /// Up to this many bytes removed from here.
    Remove(Index, usize),
    /// Up to this many bytes from here written twice.
    Repeat(Index, usize),
    /// The line this byte is on written twice (a skill pasted twice repeats its code).
    RepeatLine(Index),
    /// The text between the next two quotes replaced by spaces (a field emptied).
    Blank(Index),
    /// The next digit replaced by this one (a level mistyped).
    Digit(Index, u8),
}

fn apply(bytes: &mut Vec<u8>, damage: &Damage) {
    let at = |index: &Index| index.index(bytes.len() + 1);
    match damage {
        Damage::Flip(index, mask) if !bytes.is_empty() => {
            let at = index.index(bytes.len());
            bytes[at] ^= mask;
        }
        Damage::Flip(..) => {}
        Damage::Cut(index) => bytes.truncate(at(index)),
        Damage::Insert(index, inserted) => {
            let at = at(index);
            bytes.splice(at..at, inserted.iter().copied());
        }
        Damage::Remove(index, len) => {
            let at = at(index);
            bytes.drain(at..(at + len).min(bytes.len()));
        }
        Damage::Repeat(index, len) => {
            let at = at(index);
            let span = bytes[at..(at + len).min(bytes.len())].to_vec();
            bytes.splice(at..at, span);
        }
        Damage::RepeatLine(index) => {
            let at = at(index);
            let start = bytes[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let end = bytes[at..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| at + i + 1);
            let line = bytes[start..end].to_vec();
            bytes.splice(start..start, line);
        }
        Damage::Blank(index) => {
            let at = at(index);
            let mut quotes = (at..bytes.len()).filter(|&i| bytes[i] == b'"');
            if let (Some(open), Some(close)) = (quotes.next(), quotes.next()) {
                bytes[open + 1..close].fill(b' ');
            }
        }
        Damage::Digit(index, digit) => {
            let at = at(index);
            if let Some(found) = bytes[at..].iter().position(u8::is_ascii_digit) {
                bytes[at + found] = b'0' + digit;
            }
        }
    }
}

/// Pieces of RON, our field names, and text that is not RON at all.
#[rustfmt::skip]
const TOKENS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", ",", " ", "\n", "\t", "\r\n", "// note\n", "/*", "*/",
    "\"\"", "\"AB\"", "\"A B\"", "\"\\u{1b}\"", "\"\\\"", "r#\"raw\"#", "'c'",
    "1", "7", "9", "-1", "1.5", "true", "None", "Some(", "Prototype",
    "framework", "skills", "code", "name", "description", "levels", "notes", "status",
    "é", "日本", "\u{1b}[2J",
];

/// Valid data files damaged a few times, RON-like token soup after the first token, and raw
/// bytes.
fn loader_input() -> impl Strategy<Value = Vec<u8>> {
    let damage = prop_oneof![
        (any::<Index>(), 1u8..).prop_map(|(at, mask)| Damage::Flip(at, mask)),
        any::<Index>().prop_map(Damage::Cut),
        (
            any::<Index>(),
            prop_oneof![
                proptest::collection::vec(any::<u8>(), 1..8),
                proptest::sample::select(TOKENS).prop_map(|t| t.as_bytes().to_vec()),
            ]
        )
            .prop_map(|(at, bytes)| Damage::Insert(at, bytes)),
        (any::<Index>(), 1usize..64).prop_map(|(at, len)| Damage::Remove(at, len)),
        (any::<Index>(), 1usize..400).prop_map(|(at, len)| Damage::Repeat(at, len)),
        any::<Index>().prop_map(Damage::RepeatLine),
        any::<Index>().prop_map(Damage::Blank),
        (any::<Index>(), 0u8..10).prop_map(|(at, digit)| Damage::Digit(at, digit)),
    ];
    let valid = proptest::sample::select(vec![
        SMALL,
        BUILT_IN_FILES[0].text,
        BUILT_IN_FILES[1].text,
        BUILT_IN_FILES[2].text,
        HOSTILE_DATA,
    ]);
    let damaged = (valid, proptest::collection::vec(damage, 1..4)).prop_map(|(text, damage)| {
        let mut bytes = text.as_bytes().to_vec();
        for damage in &damage {
            apply(&mut bytes, damage);
        }
        bytes
    });
    let soup = proptest::collection::vec(proptest::sample::select(TOKENS), 0..60)
        .prop_map(|tokens| format!("(framework:{}", tokens.concat()).into_bytes());
    prop_oneof![
        6 => damaged,
        3 => soup,
        1 => proptest::collection::vec(any::<u8>(), 0..256),
    ]
}

/// What the loader makes of some bytes: a framework, or an error with a message and a line and
/// column inside the input.
fn load(bytes: &[u8]) -> Result<Framework, LoadError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.ron");
    fs::write(&path, bytes).unwrap();
    read_framework_file(&path)
}

/// A loaded framework keeps the rules the loader promises: unique, well-formed codes, levels
/// 1 to 7 each with statements, none blank; and it writes out as a file that loads back equal.
fn check_framework(framework: &Framework) -> Result<(), TestCaseError> {
    let codes: HashSet<&str> = framework.skills.iter().map(|s| s.code.as_str()).collect();
    prop_assert_eq!(codes.len(), framework.skills.len(), "codes are unique");
    for skill in &framework.skills {
        let code = skill.code.as_str();
        prop_assert!(
            !code.is_empty() && code.chars().all(char::is_alphanumeric),
            "{code:?}"
        );
        prop_assert!(!skill.levels.0.is_empty(), "{code}");
        for (level, statements) in &skill.levels.0 {
            prop_assert!((1..=7).contains(&level.get()), "{code} {level}");
            prop_assert!(!statements.is_empty(), "{code} {level}");
            prop_assert!(
                statements.iter().all(|s| !s.trim().is_empty()),
                "{code} {level}"
            );
        }
    }
    for name in &framework.levels {
        prop_assert!((1..=7).contains(&name.level.get()));
    }
    let written = write_framework(framework).unwrap();
    prop_assert_eq!(&parse_framework("again.ron", &written).unwrap(), framework);
    Ok(())
}

/// An error says what is wrong and where: a line of the input, and a column on that line (one
/// past its end for an error at the end of a line).
fn check_error(error: &LoadError, bytes: &[u8]) -> Result<(), TestCaseError> {
    prop_assert!(!error.message.trim().is_empty(), "{error}");
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.split('\n').collect();
    let Some((line, column)) = error.position else {
        return Err(TestCaseError::fail(format!("no position: {error}")));
    };
    prop_assert!(
        (1..=lines.len()).contains(&line),
        "{error}: {} lines",
        lines.len()
    );
    let width = lines[line - 1].chars().count();
    prop_assert!(
        (1..=width + 1).contains(&column),
        "{error}: line {line} has {width} chars"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_loader_gives_a_valid_framework_or_an_error_that_says_where(bytes in loader_input()) {
        match load(&bytes) {
            Ok(framework) => check_framework(&framework)?,
            Err(error) => check_error(&error, &bytes)?,
        }
    }
}

/// The inputs above reach past the first token: some still load, and many fail deep inside the
/// file, in more than one way.
#[test]
fn damaged_inputs_reach_deep_into_the_parser() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = loader_input();
    let (mut loaded, mut deep) = (0, 0);
    let mut messages = std::collections::BTreeSet::new();
    for _ in 0..300 {
        let bytes = strategy.new_tree(&mut runner).unwrap().current();
        match load(&bytes) {
            Ok(_) => loaded += 1,
            Err(error) => {
                deep += usize::from(error.position.is_some_and(|(line, _)| line > 5));
                messages.insert(error.message.split(':').next().unwrap().to_string());
            }
        }
    }
    assert!(loaded >= 10, "{loaded} of 300 loaded");
    assert!(deep >= 100, "{deep} of 300 failed past line 5");
    assert!(messages.len() >= 10, "{messages:#?}");
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
        Just(Action::LevelsOfResponsibility),
        Just(Action::ExpandEssence),
        Just(Action::LevelAttributes),
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

    /// Any sequence of actions at any size: update and draw never panic, and no frame carries
    /// a control character of the hostile data. Quit is ignored so the sequence keeps going.
    #[test]
    fn any_action_sequence_at_any_size_draws_safely(actions in proptest::collection::vec(any_action(), 1..60)) {
        let mut app = app_for(hostile_catalog(), 80, 24);
        for action in actions {
            if action == Action::Quit {
                continue;
            }
            let shown = format!("{action:?}");
            app.update(action);
            let text = buffer_text(&render(&app));
            let bad: Vec<char> = text.chars().filter(|&c| is_dangerous(c)).collect();
            prop_assert!(bad.is_empty(), "after {}: {:?}", shown, bad);
        }
    }
}
