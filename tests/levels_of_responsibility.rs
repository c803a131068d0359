//! The levels of responsibility in the browser, driven by keys as a trainer would: `r` and its
//! keys, the comparison of two levels, `a` under a comparison of skills, and the essence in the
//! Levels pane. The attributes are the invented ones of tests/fixtures/levels.ron, loaded with
//! the built-in data: as a framework of their own ("Testing 1"), or as SFIA 9's, as an imported
//! SFIA 9 workbook gives them to the built-in skills.

use skillscope::data::catalog::Catalog;
use skillscope::data::model::Level;
use skillscope::data::sources::{load_catalog, parse_framework, SourceSelection};
use skillscope::tui::state::{App, Subject};
use skillscope::tui::testing::{app_for, buffer_text, press_keys, render};

const LEVELS: &str = include_str!("fixtures/levels.ron");
const TESTING: &str = "framework: \"Testing\",\n    edition: \"1\",";

fn built_in() -> Catalog {
    load_catalog(&SourceSelection {
        built_in: true,
        ..Default::default()
    })
}

/// The built-in skills, and the fixture's levels as a framework of their own.
fn beside_testing(width: u16, height: u16) -> App {
    let mut catalog = built_in();
    catalog.add("levels.ron", parse_framework("levels.ron", LEVELS).unwrap());
    app_for(catalog, width, height)
}

/// The built-in skills with the fixture's levels as their own, under `framework` and `edition`.
fn levels_as(catalog: &mut Catalog, framework: &str, edition: &str) {
    assert!(
        LEVELS.contains(TESTING),
        "the fixture names its framework so"
    );
    let header = format!("framework: {framework:?},\n    edition: {edition:?},");
    let text = LEVELS.replace(TESTING, &header);
    catalog.add("levels.ron", parse_framework("levels.ron", &text).unwrap());
}

fn as_sfia_9(width: u16, height: u16) -> App {
    let mut catalog = built_in();
    levels_as(&mut catalog, "SFIA", "9");
    app_for(catalog, width, height)
}

fn screen(app: &App) -> String {
    buffer_text(&render(app))
}

/// The words on screen with borders and scrollbars dropped, each row after the one before: at
/// a narrow width, where one pane fills the screen, its text as one paragraph.
fn words_on_screen(app: &App) -> String {
    let text = screen(app).replace(['│', '█', '║'], " ");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn level(n: u8) -> Level {
    Level::new(n).unwrap()
}

/// The framework's title and the level shown in the levels of responsibility.
fn shown(app: &App) -> (String, u8) {
    let shown = app
        .levels_of_responsibility()
        .expect("the levels are shown");
    let framework = &app.catalog().frameworks[shown.framework()];
    (framework.title(), shown.level().get())
}

/// The levels compared, when two levels of responsibility are.
fn compared_levels(app: &App) -> [u8; 2] {
    let comparison = app.comparison().expect("the comparison is open");
    match comparison.subject() {
        Subject::Levels { levels, .. } => levels.map(Level::get),
        Subject::Skills(_) => panic!("skills are compared, not levels"),
    }
}

#[test]
fn r_opens_the_levels_at_the_selected_level_and_h_l_step_through_them() {
    let mut app = beside_testing(80, 24);
    press_keys(&mut app, "/relm<Enter>");
    assert_eq!(app.level(), level(4));
    press_keys(&mut app, "r");
    assert_eq!(
        shown(&app),
        ("Testing 1".into(), 4),
        "SFIA 9 has no attributes: the levels that have them"
    );
    let text = screen(&app);
    assert!(text.contains("│▶4 Enable"), "{text}");
    assert!(text.contains("Essence: Performs varied work"), "{text}");
    assert!(text.contains("Autonomy (AUTO)"), "{text}");
    assert!(text.contains(" h/← level  c compare"), "the footer: {text}");
    press_keys(&mut app, "l");
    assert_eq!(shown(&app).1, 5);
    assert!(screen(&app).contains("• Works under broad direction."));
    press_keys(&mut app, "<Left>hhh");
    assert_eq!(shown(&app).1, 1);
    press_keys(&mut app, "h");
    assert_eq!(shown(&app).1, 1);
    assert!(screen(&app).contains("Level 1 is the lowest level of Testing 1."));
    press_keys(&mut app, "<Esc>");
    assert!(app.levels_of_responsibility().is_none());
    assert_eq!(app.level(), level(4), "the skill's level is kept");
    assert!(screen(&app).contains("Levels · RELM"));
}

#[test]
fn the_skills_own_framework_comes_first_when_it_has_attributes() {
    let mut catalog = built_in();
    levels_as(&mut catalog, "SFIA", "9");
    levels_as(&mut catalog, "Testing", "10");
    let mut app = app_for(catalog, 80, 24);
    press_keys(&mut app, "/relm<Enter>r");
    assert_eq!(
        shown(&app),
        ("SFIA 9".into(), 4),
        "not the newer Testing 10"
    );
    let mut only_newest = built_in();
    levels_as(&mut only_newest, "Testing", "10");
    levels_as(&mut only_newest, "Testing", "2");
    let mut app = app_for(only_newest, 80, 24);
    press_keys(&mut app, "/relm<Enter>r");
    assert_eq!(
        shown(&app),
        ("Testing 10".into(), 4),
        "as `skillscope levels`"
    );
}

#[test]
fn without_attributes_r_shows_the_skills_levels_and_says_how_to_get_them() {
    let mut app = app_for(built_in(), 100, 30);
    press_keys(&mut app, "/relm<Enter>r");
    assert_eq!(shown(&app), ("SFIA 9".into(), 4));
    let text = screen(&app);
    assert!(
        text.contains("No attributes loaded: import the SFIA spreadsheet"),
        "{text}"
    );
    let mut catalog = Catalog::default();
    let framework = r#"(framework: "F", skills: [(code: "ONE", name: "One", description: "D", levels: {3: ["Does."]})])"#;
    catalog.add("one.ron", parse_framework("one.ron", framework).unwrap());
    let mut app = app_for(catalog, 80, 24);
    press_keys(&mut app, "r");
    assert!(app.levels_of_responsibility().is_none());
    assert!(screen(&app).contains("No framework defines levels of responsibility"));
}

#[test]
fn c_compares_two_levels_n_p_step_both_and_esc_comes_back() {
    let mut app = beside_testing(100, 30);
    press_keys(&mut app, "/relm<Enter>rc");
    assert_eq!(compared_levels(&app), [4, 5]);
    let text = screen(&app);
    assert!(text.contains("Compare levels of responsibility"), "{text}");
    assert!(
        text.contains("Level 4 — Enable") && text.contains("Level 5 — Ensure, advise"),
        "{text}"
    );
    assert!(text.contains("Autonomy (AUTO)"), "{text}");
    assert!(
        text.contains(" n next  p prev"),
        "the comparison's keys: {text}"
    );
    let mut seen = Vec::new();
    for _ in 0..4 {
        seen.push(compared_levels(&app));
        press_keys(&mut app, "n");
    }
    assert_eq!(seen, [[4, 5], [5, 6], [6, 7], [6, 7]], "stops at the top");
    assert!(screen(&app).contains("No higher level on both sides."));
    press_keys(&mut app, "ppp");
    assert_eq!(compared_levels(&app), [3, 4]);
    press_keys(&mut app, "l<Tab>h");
    assert_eq!(compared_levels(&app), [2, 5], "h/l move the active side");
    press_keys(&mut app, "s");
    assert!(app.search().is_none(), "no skill to pick among levels");
    assert!(screen(&app).contains("This compares levels of responsibility"));
    press_keys(&mut app, "<Esc>");
    assert!(app.comparison().is_none());
    assert_eq!(
        shown(&app),
        ("Testing 1".into(), 4),
        "back where c was pressed"
    );
    press_keys(&mut app, "<Esc>");
    assert!(app.levels_of_responsibility().is_none());
}

#[test]
fn at_the_highest_level_c_compares_it_with_the_one_below() {
    let mut app = beside_testing(100, 30);
    press_keys(&mut app, "rllllllc");
    assert_eq!(shown(&app).1, 7);
    assert_eq!(compared_levels(&app), [6, 7]);
}

#[test]
fn f_presents_the_levels_compared_and_esc_steps_back() {
    let mut app = beside_testing(80, 24);
    press_keys(&mut app, "/relm<Enter>rcf");
    let text = screen(&app);
    assert!(!text.contains('┌') && !text.contains(" n next"), "{text}");
    assert!(text.contains("Level 4 — Enable"), "{text}");
    press_keys(&mut app, "<Esc>");
    assert!(app.comparison().is_some(), "Esc leaves presentation first");
    press_keys(&mut app, "<Esc><Esc>");
    assert!(app.comparison().is_none() && app.levels_of_responsibility().is_none());
}

#[test]
fn a_shows_what_the_two_levels_ask_under_a_comparison_of_skills() {
    let mut app = as_sfia_9(120, 60);
    press_keys(&mut app, "/relm<Enter>c");
    let before = screen(&app);
    assert!(!before.contains("What the levels ask"), "{before}");
    press_keys(&mut app, "a");
    assert!(app.comparison().unwrap().shows_level_attributes());
    let text = screen(&app);
    let statements = text.find("RELM L4 — Enable").expect("the skills first");
    let asked = text
        .find("What the levels ask: Level 4 → Level 5")
        .expect("then the levels");
    assert!(statements < asked, "{text}");
    let autonomy = text
        .lines()
        .find(|line| line.contains("• Works under general direction within"))
        .expect("level 4's autonomy");
    assert!(
        autonomy.contains("• Works under broad direction."),
        "aligned with level 5's on the same row: {autonomy}"
    );
    press_keys(&mut app, "n");
    assert!(
        screen(&app).contains("What the levels ask: Level 5 → Level 6"),
        "n keeps them shown"
    );
    press_keys(&mut app, "a");
    assert!(!screen(&app).contains("What the levels ask"));
}

#[test]
fn a_names_the_levels_elsewhere_or_how_to_get_them() {
    let mut app = beside_testing(120, 40);
    press_keys(&mut app, "/relm<Enter>ca");
    let text = screen(&app);
    assert!(
        text.contains("No attributes for SFIA 9; r shows Testing 1's levels."),
        "{text}"
    );
    let mut app = app_for(built_in(), 120, 40);
    press_keys(&mut app, "/relm<Enter>ca");
    assert!(screen(&app).contains("No attributes loaded: import the SFIA spreadsheet"));
}

#[test]
fn the_levels_pane_names_the_essence_on_one_line_and_x_shows_it_whole() {
    let mut app = as_sfia_9(80, 50);
    press_keys(&mut app, "/relm<Enter>");
    let text = screen(&app);
    let essence = text
        .lines()
        .find(|line| line.contains("Essence: Performs varied work"))
        .unwrap_or_else(|| panic!("the essence under the statements:\n{text}"));
    assert!(essence.contains('…'), "cut to one line: {essence}");
    assert!(!text.contains("small group."), "{text}");
    press_keys(&mut app, "x");
    assert!(app.essence_expanded());
    let text = screen(&app);
    assert!(text.contains("small group."), "whole: {text}");
    press_keys(&mut app, "x");
    assert!(!screen(&app).contains("small group."));
}

#[test]
fn the_levels_pane_says_where_the_attributes_are_or_how_to_get_them() {
    // One pane at a time: the Levels pane.
    let mut app = beside_testing(40, 30);
    press_keys(&mut app, "/relm<Enter>");
    let words = words_on_screen(&app);
    assert!(
        words.contains("No attributes for SFIA 9; r shows Testing 1's levels."),
        "{words}"
    );
    let mut app = app_for(built_in(), 40, 30);
    press_keys(&mut app, "/relm<Enter>");
    let text = screen(&app);
    let line = text
        .lines()
        .find(|l| l.contains("No attributes loaded"))
        .expect(&text);
    assert!(line.contains('…'), "one line: {text}");
    press_keys(&mut app, "x");
    let words = words_on_screen(&app);
    assert!(
        words.contains("(`skillscope import FILE`) to see what each level asks."),
        "whole: {words}"
    );
}

#[test]
fn a_rebound_key_is_the_one_the_panes_name() {
    let config = r#"(keys: {"levels_of_responsibility": ["L"]})"#;
    let config = skillscope::config::parse("config.ron", config).unwrap();
    let settings = skillscope::tui::settings::Settings::from_config(&config, false).unwrap();
    let mut catalog = built_in();
    catalog.add("levels.ron", parse_framework("levels.ron", LEVELS).unwrap());
    catalog.make_printable();
    let mut app = App::with_settings(catalog, settings);
    app.update(skillscope::tui::action::Action::Resize(40, 30));
    press_keys(&mut app, "/relm<Enter>");
    let words = words_on_screen(&app);
    assert!(
        words.contains("No attributes for SFIA 9; L shows Testing 1's levels."),
        "{words}"
    );
    press_keys(&mut app, "L");
    assert_eq!(shown(&app), ("Testing 1".into(), 4));
}

#[test]
fn the_help_lists_the_keys_of_the_levels() {
    let mut app = beside_testing(80, 100);
    press_keys(&mut app, "r?");
    let text = screen(&app);
    assert!(text.contains("Levels of responsibility"), "{text}");
    assert!(text.contains("export this level as Markdown"), "{text}");
    assert!(
        text.contains("levels of responsibility: what each level asks"),
        "{text}"
    );
    press_keys(&mut app, "<Esc>");
    assert!(app.popup().is_none() && app.levels_of_responsibility().is_some());
}

// Whole screens, monochrome, at a small terminal and a narrow one.

#[test]
fn the_levels_view_at_80x24_and_40x12() {
    for (width, height) in [(80, 24), (40, 12)] {
        let mut app = beside_testing(width, height);
        press_keys(&mut app, "/relm<Enter>r");
        insta::assert_snapshot!(format!("levels_view_{width}x{height}"), screen(&app));
    }
}

#[test]
fn two_levels_compared_at_80x24_and_40x12() {
    for (width, height) in [(80, 24), (40, 12)] {
        let mut app = beside_testing(width, height);
        press_keys(&mut app, "/relm<Enter>rc");
        insta::assert_snapshot!(format!("levels_compared_{width}x{height}"), screen(&app));
    }
}

#[test]
fn a_comparison_of_skills_with_the_levels_attributes_at_80x24_and_40x12() {
    for (width, height) in [(80, 24), (40, 12)] {
        let mut app = as_sfia_9(width, height);
        press_keys(&mut app, "/relm<Enter>ca");
        // Scrolled until the levels' heading is the first row: they follow the statements.
        let first_row = |app: &App| screen(app).lines().nth(1).unwrap_or_default().to_string();
        let mut scrolled = 0;
        while !first_row(&app).contains("What the levels ask") && scrolled < 200 {
            press_keys(&mut app, "j");
            scrolled += 1;
        }
        assert!(
            (1..200).contains(&scrolled),
            "below the statements:\n{}",
            screen(&app)
        );
        insta::assert_snapshot!(
            format!("skills_compared_with_levels_{width}x{height}"),
            screen(&app)
        );
    }
}
