//! The browser driven as a user would: key events through the real key table into
//! `App::update`, frames drawn into ratatui's TestBackend and compared with snapshots.

use crossterm::event::{Event, KeyModifiers};
use ratatui::style::Modifier;
use skillscope::data::catalog::Catalog;
use skillscope::data::sources::{load_catalog, SourceSelection};
use skillscope::tui::action::Action;
use skillscope::tui::action_for_event;
use skillscope::tui::keymap::{key_event, ActiveBinding, Scope};
use skillscope::tui::layout::Pane;
use skillscope::tui::settings::Settings;
use skillscope::tui::state::App;
use skillscope::tui::testing::{buffer_text, press_keys, render};
use skillscope::tui::theme::Theme;

fn catalog() -> Catalog {
    let mut catalog = load_catalog(&SourceSelection {
        built_in: true,
        ..Default::default()
    });
    catalog.make_printable();
    catalog
}

fn app(width: u16, height: u16) -> App {
    let mut app = App::new(catalog(), Theme::new(false));
    app.update(Action::Resize(width, height));
    app
}

/// The browser as it starts with this config file's text.
fn configured_app(config: &str, width: u16, height: u16) -> App {
    let config = skillscope::config::parse("config.ron", config).unwrap();
    let settings = Settings::from_config(&config, false).unwrap();
    let mut app = App::with_settings(catalog(), settings);
    app.update(Action::Resize(width, height));
    app
}

fn screen(app: &App) -> String {
    buffer_text(&render(app))
}

fn selected_code(app: &App) -> String {
    app.selected_entry().unwrap().skill.code.to_string()
}

#[test]
fn whole_screen_wide() {
    let app = app(160, 45);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn whole_screen_medium() {
    let app = app(80, 24);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn whole_screen_narrow() {
    let mut app = app(40, 12);
    insta::assert_snapshot!("narrow_list", screen(&app));
    press_keys(&mut app, "<Tab>");
    insta::assert_snapshot!("narrow_levels", screen(&app));
    press_keys(&mut app, "<Tab>");
    insta::assert_snapshot!("narrow_guidance", screen(&app));
}

#[test]
fn search_rollback_jumps_to_relm_at_the_level_that_mentions_it() {
    let mut app = app(160, 45);
    press_keys(&mut app, "/rollback");
    let text = screen(&app);
    assert!(text.contains("Search: 1 of 3"), "{text}");
    assert!(text.contains("RELM  Release and deployment"), "{text}");
    assert!(
        text.contains(" L4 "),
        "the result says where it matched:\n{text}"
    );
    insta::assert_snapshot!("search_rollback", text);
    press_keys(&mut app, "<Enter>");
    assert!(app.search().is_none());
    assert_eq!(selected_code(&app), "RELM");
    assert_eq!(app.level().get(), 4);
    assert!(screen(&app).contains("• Maintains release processes and procedures,"));
}

#[test]
fn search_devsec_jumps_to_dsop_and_escape_restores_the_list() {
    let mut app = app(80, 24);
    press_keys(&mut app, "/devsec");
    let text = screen(&app);
    let first_result = text
        .lines()
        .find(|l| l.contains("│D") || l.contains("│S"))
        .unwrap_or_default();
    assert!(first_result.contains("DSOP"), "{text}");
    press_keys(&mut app, "<Enter>");
    assert_eq!(selected_code(&app), "DSOP");
    press_keys(&mut app, "/zzz");
    assert!(screen(&app).contains("Nothing matches"));
    press_keys(&mut app, "<Esc>");
    assert!(app.search().is_none());
    assert_eq!(selected_code(&app), "DSOP", "Esc keeps the skill shown");
    assert!(screen(&app).contains("Skills (3)"));
}

#[test]
fn typing_q_in_search_types_it_instead_of_quitting() {
    let mut app = app(80, 24);
    press_keys(&mut app, "/q");
    assert!(!app.should_quit());
    assert_eq!(app.search().unwrap().input(), "q");
    press_keys(&mut app, "<Backspace><Esc>q");
    assert!(app.should_quit());
}

#[test]
fn level_keys_skip_undefined_levels_and_stop_at_the_ends() {
    let mut app = app(160, 45);
    press_keys(&mut app, "/relm<Enter>");
    assert_eq!(selected_code(&app), "RELM");
    press_keys(&mut app, "hhhhh");
    assert_eq!(app.level().get(), 2, "RELM's lowest level");
    assert!(screen(&app).contains("Level 2 is the lowest defined level of RELM."));
    press_keys(&mut app, "llllllll");
    assert_eq!(app.level().get(), 6);
    press_keys(&mut app, "<Left>");
    assert_eq!(app.level().get(), 5);
}

#[test]
fn moving_between_skills_keeps_the_nearest_defined_level() {
    let mut app = app(160, 45);
    press_keys(&mut app, "/relm<Enter>hhh");
    assert_eq!(app.level().get(), 2);
    press_keys(&mut app, "gj");
    // g goes to the top row (the framework group); j to the first category row: SLEN stays.
    press_keys(&mut app, "jj");
    assert_eq!(selected_code(&app), "SLEN");
    assert_eq!(app.level().get(), 4, "SLEN starts at level 4");
}

#[test]
fn enter_folds_a_group_and_opens_it_again() {
    let mut app = app(160, 45);
    press_keys(&mut app, "g<Enter>");
    let text = screen(&app);
    assert!(
        text.contains("▸ SFIA 8 (1)")
            && !text.contains("SLEN  Systems")
            && text.contains("RELM  Release"),
        "{text}"
    );
    press_keys(&mut app, "<Enter>");
    assert!(screen(&app).contains("SLEN  Systems"));
}

#[test]
fn tab_and_backtab_cycle_focus() {
    let mut app = app(160, 45);
    press_keys(&mut app, "<Tab>");
    assert_eq!(app.focus(), Pane::Levels);
    press_keys(&mut app, "<Tab>");
    assert_eq!(app.focus(), Pane::Guidance);
    press_keys(&mut app, "<BackTab><BackTab>");
    assert_eq!(app.focus(), Pane::List);
}

/// The lines of the help popup on screen, without what is around it.
fn help_popup_lines(screen: &str) -> Vec<String> {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let (top, left) = lines
        .iter()
        .enumerate()
        .find_map(|(y, line)| {
            let x = line
                .windows(6)
                .position(|w| w.iter().collect::<String>() == "┌ Help")?;
            Some((y, x))
        })
        .expect("the help is open");
    let right = left + lines[top][left..].iter().position(|&c| c == '┐').unwrap();
    lines[top..]
        .iter()
        .take_while(|line| line.get(left) != Some(&'└'))
        .map(|line| line.get(left..=right).unwrap_or_default().iter().collect())
        .collect()
}

#[test]
fn help_lists_the_same_keys_as_the_footer() {
    let mut app = app(100, 50);
    press_keys(&mut app, "?");
    insta::assert_snapshot!("help", screen(&app));
    press_keys(&mut app, "<Esc>");
    assert!(app.popup().is_none());

    // With the default keys, and with others for search, help and a level.
    let configured = r#"(keys: {"search": ["Ctrl-f"], "help": ["F1"], "level_up": ["L"]})"#;
    for (config, search_key, help_key) in [("()", "/", "?"), (configured, "<Ctrl-f>", "<F1>")] {
        let setups = [
            ("", Scope::Browse),
            ("c", Scope::Compare),
            (search_key, Scope::Search),
        ];
        for (setup, scope) in setups {
            let mut app = configured_app(config, 200, 80);
            press_keys(&mut app, setup);
            assert_eq!(app.scope(), scope);
            let footer = screen(&app).lines().last().unwrap().to_string();
            let hinted: Vec<ActiveBinding> = app
                .keymap()
                .bindings(scope)
                .filter(|b| b.hint.is_some() && !b.keys.is_empty())
                .cloned()
                .collect();
            let expected: String = hinted
                .iter()
                .map(|b| format!(" {} {} ", b.label, b.hint.unwrap()))
                .collect();
            assert_eq!(
                footer,
                expected.trim_end(),
                "{config} {scope:?}: the footer hints exactly the bound keys"
            );
            for binding in &hinted {
                for key in &binding.keys {
                    let action = app.keymap().action_for(scope, &key_event(key));
                    assert_eq!(
                        action,
                        Some(binding.action.clone()),
                        "{} {key}",
                        binding.label
                    );
                }
            }
            // The help opens from browsing or comparing; a search types the key instead.
            let mut app = configured_app(config, 200, 80);
            press_keys(&mut app, if scope == Scope::Search { "" } else { setup });
            press_keys(&mut app, help_key);
            let help = help_popup_lines(&screen(&app));
            for binding in &hinted {
                let listed = help.iter().any(|line| {
                    let line = line.trim_matches(['│', ' ', '█', '║']);
                    line.starts_with(&binding.label) && line.ends_with(binding.help)
                });
                assert!(
                    listed,
                    "{config} {scope:?}: {:?} in\n{help:#?}",
                    binding.label
                );
            }
        }
    }
    let mut app = configured_app(r#"(keys: {"quit": ["/"]})"#, 200, 80);
    let footer = screen(&app).lines().last().unwrap().to_string();
    assert!(
        !footer.contains("search"),
        "search has no key left: {footer}"
    );
    press_keys(&mut app, "/");
    assert!(app.should_quit());
}

#[test]
fn the_cursor_row_is_visible_without_colour() {
    let app = app(160, 45);
    let buffer = render(&app);
    let row = (0..45u16)
        .find(|&y| {
            buffer_text(&buffer)
                .lines()
                .nth(y as usize)
                .unwrap_or("")
                .contains("SLEN  Systems")
        })
        .unwrap();
    let cell = &buffer[(5, row)];
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
    assert_eq!(
        cell.fg,
        ratatui::style::Color::Reset,
        "no colour with NO_COLOR"
    );
}

#[test]
fn the_selected_level_is_marked_in_the_ladder() {
    let mut app = app(160, 45);
    press_keys(&mut app, "/rollback<Enter>");
    let text = screen(&app);
    assert!(text.contains("▶4 ● Enable"), "{text}");
    assert!(
        text.contains(" 1 · Follow"),
        "undefined levels are marked differently"
    );
}

#[test]
fn mouse_click_selects_a_skill_and_a_level() {
    let mut app = app(160, 45);
    let text = screen(&app);
    let row = text
        .lines()
        .position(|l| l.contains("RELM  Release"))
        .unwrap() as u16;
    let click = |column: u16, row: u16| {
        Event::Mouse(crossterm::event::MouseEvent {
            kind: crossterm::event::MouseEventKind::Down(crossterm::event::MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    let action = action_for_event(&app, &click(10, row)).unwrap();
    app.update(action);
    assert_eq!(selected_code(&app), "RELM");
    let text = screen(&app);
    let ladder_row = text
        .lines()
        .position(|l| l.contains("5 ● Ensure, advise"))
        .unwrap() as u16;
    let column = text
        .lines()
        .nth(ladder_row as usize)
        .unwrap()
        .chars()
        .position(|c| c == '5')
        .unwrap() as u16;
    let action = action_for_event(&app, &click(column, ladder_row)).unwrap();
    app.update(action);
    assert_eq!(app.level().get(), 5);
}

#[test]
fn every_size_draws_without_panic_and_recovers() {
    let mut app = app(10, 10);
    let mut sizes: Vec<(u16, u16)> = Vec::new();
    for width in 1..=24 {
        for height in 1..=14 {
            sizes.push((width, height));
        }
    }
    for width in (25..=200).step_by(25) {
        for height in (15..=60).step_by(15) {
            sizes.push((width, height));
        }
    }
    for setup in ["", "/re", "?", "c", "<Tab><Tab>", "/zz"] {
        press_keys(&mut app, "<Esc><Esc><Esc>");
        press_keys(&mut app, setup);
        for &(width, height) in &sizes {
            app.update(Action::Resize(width, height));
            render(&app);
        }
    }
    app.update(Action::Resize(160, 45));
    press_keys(&mut app, "<Esc><Esc><Esc>");
    assert!(
        screen(&app).contains("Guidance"),
        "the layout recovers when the terminal grows"
    );
}

#[test]
fn overridden_keys_work_and_show_in_the_footer_and_the_help() {
    let mut app = configured_app(
        r#"(
            default_pane: Levels,
            keys: {"search": ["/", "Ctrl-f"], "help": ["F1"], "level_up": ["l", "Right", "L"]},
        )"#,
        100,
        50,
    );
    assert_eq!(app.focus(), Pane::Levels, "default_pane");
    let footer = screen(&app).lines().last().unwrap().to_string();
    assert!(footer.contains(" / or Ctrl-f search "), "{footer}");
    assert!(footer.contains(" F1 help "), "{footer}");
    assert!(!footer.contains(" ? help"), "{footer}");

    press_keys(&mut app, "?");
    assert!(app.popup().is_none(), "? no longer opens the help");
    press_keys(&mut app, "<F1>");
    let help = screen(&app);
    for line in [
        "  / or Ctrl-f search codes, names and text",
        "  F1          help: every key",
        "  l/→/L       higher defined level",
        "  l/→/L       active side: higher level",
    ] {
        assert!(help.contains(line), "{line:?} in\n{help}");
    }
    press_keys(&mut app, "<Esc><Ctrl-f>q");
    assert_eq!(
        app.search().map(|s| s.input()),
        Some("q"),
        "Ctrl-f searches, and q is typed into the query"
    );
    assert!(!app.should_quit());
}

#[test]
fn a_bad_config_is_shown_like_a_data_file_that_failed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.ron");
    std::fs::write(&path, "(\n  theme: \"neon\")").unwrap();
    let (settings, status) = skillscope::tui::settings::load(&path, false);
    assert_eq!(settings, Settings::defaults(false));
    let skillscope::config::ConfigStatus::Failed(error) = status else {
        panic!("{status:?}")
    };
    let mut app = App::with_settings(catalog(), settings).with_config_error(error);
    app.update(Action::Resize(160, 45));
    let text = screen(&app);
    assert!(
        text.contains("⚠ config file not used: defaults apply (!)"),
        "{text}"
    );
    press_keys(&mut app, "!");
    let text = screen(&app);
    assert!(text.contains("The config file failed to load"), "{text}");
    assert!(
        text.contains(&format!(
            "• {}:2:11: unknown theme \"neon\"",
            path.display()
        )),
        "{text}"
    );
}

#[test]
fn the_high_contrast_theme_draws_on_black_and_keeps_the_cursor_reversed() {
    let config = skillscope::config::parse("config.ron", r#"(theme: "high-contrast")"#).unwrap();
    let settings = Settings::from_config(&config, true).unwrap();
    let mut app = App::with_settings(catalog(), settings);
    app.update(Action::Resize(160, 45));
    let buffer = render(&app);
    let blank = &buffer[(100, 30)];
    assert_eq!(blank.bg, ratatui::style::Color::Black, "{blank:?}");
    let text = buffer_text(&buffer);
    let row = text
        .lines()
        .position(|l| l.contains("SLEN  Systems"))
        .unwrap() as u16;
    let cell = &buffer[(5, row)];
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
    assert!(cell.modifier.contains(Modifier::BOLD), "{cell:?}");
}

#[test]
fn a_proposal_is_its_own_group_and_its_rationale_is_labelled() {
    // Tall enough for the guidance pane to reach the rationale.
    let mut app = app(160, 90);
    press_keys(&mut app, "/dsop<Enter>");
    let text = screen(&app);
    assert!(text.contains("▾ Proposed skills (1)"), "{text}");
    assert!(
        text.contains("Proposed: not part of the published"),
        "{text}"
    );
    assert!(text.contains("Rationale"), "{text}");
    assert!(!text.contains("Notes"), "{text}");
}

/// The built-in skills and a framework of invented ones: PROG, defined at levels 2, 3 and 6
/// ("prog" matches its code and name), and TEST, whose level 6 alone says "frobnicate".
fn app_with_invented_skills(width: u16, height: u16) -> App {
    let text = r#"(
        framework: "Invented",
        edition: "1",
        skills: [
            (code: "PROG", name: "Programming", category: "Making",
             description: "Writing code.",
             levels: {2: ["Writes code."], 3: ["Writes more code."], 6: ["Leads coders."]}),
            (code: "TEST", name: "Testing", category: "Making",
             description: "Checking code.",
             levels: {3: ["Checks."], 4: ["Checks more."], 6: ["Plans how to frobnicate."]}),
        ],
    )"#;
    app_with_framework(text, width, height)
}

/// The built-in skills and a framework from its data file's `text`.
fn app_with_framework(text: &str, width: u16, height: u16) -> App {
    let mut catalog = catalog();
    let framework = skillscope::data::sources::parse_framework("added.ron", text).unwrap();
    catalog.add("added.ron", framework);
    catalog.make_printable();
    let mut app = App::new(catalog, Theme::new(false));
    app.update(Action::Resize(width, height));
    app
}

#[test]
fn typing_a_search_previews_results_at_the_level_shown_before_it() {
    let mut app = app_with_invented_skills(80, 24);
    assert_eq!((selected_code(&app), app.level().get()), ("SLEN".into(), 4));
    press_keys(&mut app, "/frob");
    assert_eq!(selected_code(&app), "TEST");
    assert_eq!(app.level().get(), 4, "the preview keeps level 4");
    press_keys(&mut app, "<Enter>");
    assert_eq!(selected_code(&app), "TEST");
    assert_eq!(app.level().get(), 6, "Enter opens the level that matched");

    press_keys(&mut app, "<Left><Left>");
    assert_eq!(app.level().get(), 3);
    press_keys(&mut app, "/prog");
    assert_eq!(selected_code(&app), "PROG");
    assert_eq!(app.level().get(), 3);
    press_keys(&mut app, "<Esc>");
    press_keys(&mut app, "/slen<Enter>");
    assert_eq!((selected_code(&app), app.level().get()), ("SLEN".into(), 4));
    // Previews pass over PROG, which lacks level 4, and come back to level 4.
    press_keys(
        &mut app,
        "/prog<Backspace><Backspace><Backspace><Backspace>frob",
    );
    assert_eq!((selected_code(&app), app.level().get()), ("TEST".into(), 4));
    press_keys(&mut app, "<Esc>/prog<Enter>");
    assert_eq!(selected_code(&app), "PROG");
    assert_eq!(
        app.level().get(),
        3,
        "matched in the name: PROG's level nearest level 4"
    );
}

#[test]
fn escape_in_a_search_restores_the_skill_level_and_pane_shown_before() {
    let mut app = app_with_invented_skills(40, 12);
    press_keys(&mut app, "/relm<Enter>l");
    assert_eq!((selected_code(&app), app.level().get()), ("RELM".into(), 5));
    assert_eq!(
        app.focus(),
        Pane::Levels,
        "one pane: Enter shows the levels"
    );
    press_keys(&mut app, "/frob");
    assert_eq!(app.focus(), Pane::List);
    press_keys(&mut app, "<Down>");
    assert_eq!(selected_code(&app), "TEST");
    press_keys(&mut app, "<Esc>");
    assert!(app.search().is_none());
    assert_eq!((selected_code(&app), app.level().get()), ("RELM".into(), 5));
    assert_eq!(app.focus(), Pane::Levels);
    assert!(screen(&app).contains("Levels · RELM"), "{}", screen(&app));
}

/// The built-in skills, and an invented earlier edition holding RELM too.
fn app_with_two_relms(width: u16, height: u16) -> App {
    let text = r#"(
        framework: "SFIA",
        edition: "8",
        skills: [
            (code: "RELM", name: "Release and deployment", category: "Delivery",
             description: "Invented words for an earlier edition.",
             levels: {3: ["Invented words at level three."], 4: ["Invented words at four."]}),
        ],
    )"#;
    app_with_framework(text, width, height)
}

#[test]
fn skills_with_one_code_in_two_frameworks_are_told_apart_in_flat_lists() {
    for (width, height) in [(80, 24), (40, 12)] {
        let mut app = app_with_two_relms(width, height);
        press_keys(&mut app, "/relm");
        let text = screen(&app);
        let rows: Vec<&str> = text.lines().filter(|l| l.contains("RELM  ")).collect();
        assert_eq!(rows.len(), 2, "{text}");
        assert!(rows.iter().any(|row| row.contains(" SFIA 9")), "{text}");
        assert!(rows.iter().any(|row| row.contains(" SFIA 8")), "{text}");
        insta::assert_snapshot!(format!("two_relms_search_{width}x{height}"), text);
    }
    // A code only one framework holds carries no label: "software" lists SLEN beside RELM.
    let mut app = app_with_two_relms(80, 24);
    press_keys(&mut app, "/software");
    let text = screen(&app);
    let slen = text
        .lines()
        .find(|l| l.contains("SLEN  "))
        .expect("SLEN listed");
    assert!(!slen.contains("SFIA"), "{text}");
    let mut app = app_with_two_relms(80, 24);
    press_keys(&mut app, "/slen<Enter>cs");
    press_keys(&mut app, "relm");
    let text = screen(&app);
    assert!(text.contains("Pick a skill"), "{text}");
    let rows: Vec<&str> = text.lines().filter(|l| l.contains("RELM  ")).collect();
    assert!(rows.iter().any(|row| row.contains(" SFIA 8")), "{text}");
    assert!(rows.iter().any(|row| row.contains(" SFIA 9")), "{text}");
    insta::assert_snapshot!("two_relms_picker_80x24", text);
}

#[test]
fn status_notes_and_headings_wrap_instead_of_being_cut() {
    let mut app = app(40, 12);
    press_keys(&mut app, "/relm<Enter><Tab>");
    assert_eq!(app.focus(), Pane::Guidance);
    insta::assert_snapshot!("narrow_prototype_guidance", screen(&app));
    // At 30 columns the note needs two rows.
    app.update(Action::Resize(30, 12));
    let text = screen(&app);
    let words = text.replace(['│', '█', '║'], " ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("Prototype: may change before release"),
        "{text}"
    );
    assert!(!text.contains('…'), "nothing cut:\n{text}");
    let mut tiny = self::app(24, 12);
    press_keys(&mut tiny, "/relm<Enter>l");
    let words = screen(&tiny).replace(['│', '█', '║'], " ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Level 5 — Ensure, advise"), "{words}");
}

#[test]
fn enter_on_a_search_with_no_results_goes_back_to_what_was_shown() {
    let mut app = app(80, 24);
    press_keys(&mut app, "lll");
    assert_eq!((selected_code(&app), app.level().get()), ("SLEN".into(), 7));
    press_keys(&mut app, "/rel");
    assert_eq!(selected_code(&app), "RELM", "the preview");
    press_keys(&mut app, "zzz<Enter>");
    assert_eq!((selected_code(&app), app.level().get()), ("SLEN".into(), 7));
    assert!(screen(&app).contains("Levels · SLEN"), "{}", screen(&app));
}

#[test]
fn the_comparison_picker_selects_only_rows_it_shows() {
    let skills: Vec<String> = (1..=60)
        .map(|n| {
            format!(
                "(code: \"SK{n}\", name: \"Widget {n}\", description: \"d\", levels: {{3: [\"Does {n}.\"]}})"
            )
        })
        .collect();
    let text = format!("(framework: \"Many\", skills: [{}])", skills.join(", "));
    let mut app = app_with_framework(&text, 40, 12);
    press_keys(&mut app, "/sk1<Enter>cs");
    press_keys(&mut app, "widget<PageDown><PageDown>");
    let picker = screen(&app);
    press_keys(&mut app, "<Enter>");
    let compared = screen(&app);
    // The second side's heading, "SK15 L3 — Apply".
    let right = (compared.lines())
        .map(|line| line.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter_map(|line| line.split_once(" L3 — ").map(|(code, _)| code.to_string()))
        .find(|code| code != "SK1")
        .unwrap_or_else(|| panic!("the skill picked:\n{compared}"));
    assert!(
        picker.contains(&format!("{right} ")),
        "picked {right}, which the picker did not show:\n{picker}"
    );
}

#[test]
fn a_long_query_shows_its_end_where_the_typing_is() {
    let mut app = app(40, 12);
    press_keys(&mut app, &format!("/{}tail", "governance ".repeat(6)));
    let text = screen(&app);
    let input = text.lines().find(|l| l.contains('/')).unwrap();
    assert!(input.contains("…") && input.contains("tail▏"), "{text}");
}
