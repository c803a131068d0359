//! The profile in the browser, driven by keys as a user would: `m` and `t` on the levels shown,
//! the marks in the list's grid and the ladder, the status line, the file saved at once, and
//! `P` with Enter into the comparison from a level to its target. Screens at 80×24 and 40×12,
//! monochrome.

use skillscope::data::profile::{parse_profile, ProfileName, ProfileStore};
use skillscope::data::sources::{load_catalog, SourceSelection};
use skillscope::tui::keymap::Scope;
use skillscope::tui::state::App;
use skillscope::tui::testing::{app_for, buffer_text, press_keys, render};
use tempfile::TempDir;

/// The browser on the built-in data, its profile `me` kept in a folder of its own.
fn app_with_profiles(width: u16, height: u16) -> (App, TempDir) {
    let folder = TempDir::new().unwrap();
    let catalog = load_catalog(&SourceSelection {
        built_in: true,
        ..Default::default()
    });
    let app = app_for(catalog, width, height)
        .with_profile_store(ProfileStore::new(folder.path().join("profiles")));
    (app, folder)
}

fn screen(app: &App) -> String {
    buffer_text(&render(app))
}

/// The status line's rows (it wraps), between the last pane's border and the footer, joined.
fn status_line(app: &App) -> String {
    let text = screen(app);
    let lines: Vec<&str> = text.lines().collect();
    let below_panes = lines.iter().rposition(|l| l.starts_with('└')).unwrap() + 1;
    let rows = &lines[below_panes..lines.len() - 1];
    rows.iter()
        .map(|row| row.trim())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The profile file as saved.
fn saved(folder: &TempDir) -> String {
    std::fs::read_to_string(folder.path().join("profiles/me.ron")).unwrap_or_default()
}

/// From SLEN at level 4, where the browser starts, down to RELM at level 4.
const TO_RELM_4: &str = "jjjjjj";

#[test]
fn m_marks_my_level_saves_it_and_m_again_unmarks_it() {
    // Tall enough for the whole ladder.
    let (mut app, folder) = app_with_profiles(160, 45);
    press_keys(&mut app, TO_RELM_4);
    assert_eq!(app.selected_entry().unwrap().skill.code.as_str(), "RELM");
    assert_eq!(app.level().get(), 4);
    press_keys(&mut app, "m");
    assert!(
        status_line(&app).contains("RELM: my level 4 in profile me."),
        "{}",
        screen(&app)
    );
    let profile = parse_profile("me.ron", &saved(&folder)).unwrap();
    assert_eq!(profile.skills.len(), 1);
    assert_eq!(profile.skills[0].code.as_str(), "RELM");
    assert_eq!(profile.skills[0].level.get(), 4);
    let text = screen(&app);
    assert!(
        text.contains("·23M56·"),
        "the list's grid marks level 4:\n{text}"
    );
    assert!(
        text.contains("▶4 M Enable  mine"),
        "the ladder marks it:\n{text}"
    );

    press_keys(&mut app, "lm");
    assert!(
        status_line(&app).contains("RELM: my level 5 (was 4)."),
        "{}",
        screen(&app)
    );
    press_keys(&mut app, "m");
    assert!(status_line(&app).contains("RELM taken out of profile me."));
    let profile = parse_profile("me.ron", &saved(&folder)).unwrap();
    assert!(profile.skills.is_empty());
    assert!(screen(&app).contains("·23456·"));
}

#[test]
fn t_marks_a_target_after_my_level_and_t_again_unmarks_it() {
    let (mut app, folder) = app_with_profiles(160, 45);
    press_keys(&mut app, TO_RELM_4);
    press_keys(&mut app, "t");
    assert!(status_line(&app).contains("Mark my level of RELM first (m)"));
    assert_eq!(saved(&folder), "", "nothing written");
    press_keys(&mut app, "mlt");
    assert!(
        status_line(&app).contains("RELM: my target 5 (my level 4)."),
        "{}",
        screen(&app)
    );
    let profile = parse_profile("me.ron", &saved(&folder)).unwrap();
    assert_eq!(profile.skills[0].target.map(|t| t.get()), Some(5));
    let text = screen(&app);
    assert!(text.contains("·23MT6·"), "{text}");
    assert!(text.contains("▶5 T Ensure, advise  target"), "{text}");
    assert!(text.contains(" 4 M Enable  mine"), "{text}");
    let compact = {
        let (mut small, _folder) = app_with_profiles(80, 24);
        press_keys(&mut small, &format!("{TO_RELM_4}mlt"));
        screen(&small)
    };
    assert!(
        compact.contains(" 3 M4 T5  6 "),
        "the one-row ladder:\n{compact}"
    );
    press_keys(&mut app, "t");
    assert!(status_line(&app).contains("RELM: target 5 removed."));
    let profile = parse_profile("me.ron", &saved(&folder)).unwrap();
    assert_eq!(profile.skills[0].target, None);
}

#[test]
fn the_profile_opens_and_enter_compares_the_level_with_the_target() {
    for (width, height, name) in [(80, 24, "profile_80x24"), (40, 12, "profile_40x12")] {
        let (mut app, _folder) = app_with_profiles(width, height);
        press_keys(&mut app, TO_RELM_4);
        press_keys(&mut app, "mltkkkkkkm");
        assert_eq!(app.selected_entry().unwrap().skill.code.as_str(), "SLEN");
        press_keys(&mut app, "P");
        assert_eq!(app.scope(), Scope::Profile);
        let text = screen(&app);
        assert!(text.contains("Profile · me (2)"), "{text}");
        insta::assert_snapshot!(name, text);

        press_keys(&mut app, "<Enter>");
        let sides = app.comparison().and_then(|c| c.skill_sides()).unwrap();
        let levels: Vec<u8> = sides.iter().map(|side| side.level.get()).collect();
        assert_eq!(levels, [4, 5], "RELM from my level to my target");
        assert!(screen(&app).contains("RELM L4"), "{}", screen(&app));
        press_keys(&mut app, "<Esc>");
        assert_eq!(app.scope(), Scope::Profile, "Esc comes back to the profile");
        press_keys(&mut app, "j<Enter>");
        assert!(app.comparison().is_none());
        assert!(
            status_line(&app).contains("SLEN has no target"),
            "{}",
            screen(&app)
        );
        press_keys(&mut app, "<Esc>");
        assert_eq!(app.scope(), Scope::Browse);
    }
}

#[test]
fn a_skill_that_is_not_loaded_is_flagged_and_kept() {
    let folder = TempDir::new().unwrap();
    let store = ProfileStore::new(folder.path().to_path_buf());
    let text = "(skills: [(framework: \"Gone\", edition: \"1\", code: \"NOPE\", level: 2, note: \"From \\u{1b}[31mbefore\")])";
    std::fs::write(folder.path().join("me.ron"), text).unwrap();
    let catalog = load_catalog(&SourceSelection {
        built_in: true,
        ..Default::default()
    });
    let mut app = app_for(catalog, 80, 24).with_profile_store(store.clone());
    press_keys(&mut app, "P");
    let shown = screen(&app);
    assert!(
        shown.contains("NOPE  missing: Gone 1 not loaded"),
        "{shown}"
    );
    assert!(
        shown.contains("Note on NOPE: From ^[[31mbefore"),
        "the note is shown, escaped: {shown}"
    );
    assert!(
        !shown.contains('\u{1b}'),
        "no escape byte reaches the screen: {shown}"
    );
    press_keys(&mut app, "<Enter>");
    assert!(status_line(&app).contains("NOPE is not loaded: nothing to compare."));
    press_keys(&mut app, "<Esc>jjjjjjm");
    let name = ProfileName::new("me").unwrap();
    let profile = store.load(&name).unwrap().unwrap();
    let codes: Vec<&str> = profile.skills.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(
        codes,
        ["NOPE", "RELM"],
        "the unknown skill is kept when saving"
    );
}

#[test]
fn an_unreadable_profile_is_never_written_over() {
    let folder = TempDir::new().unwrap();
    let broken = "(skills: [(framework: \"SFIA\", code: \"RELM\", level: 9)])";
    std::fs::write(folder.path().join("me.ron"), broken).unwrap();
    let catalog = load_catalog(&SourceSelection {
        built_in: true,
        ..Default::default()
    });
    let mut app =
        app_for(catalog, 80, 24).with_profile_store(ProfileStore::new(folder.path().to_path_buf()));
    press_keys(&mut app, "m");
    let status = status_line(&app);
    assert!(status.contains("Profile me is left as it is"), "{status}");
    assert_eq!(
        std::fs::read_to_string(folder.path().join("me.ron")).unwrap(),
        broken
    );
}

#[test]
fn without_a_folder_marks_say_they_are_not_saved() {
    let catalog = load_catalog(&SourceSelection {
        built_in: true,
        ..Default::default()
    });
    let mut app = app_for(catalog, 160, 45);
    press_keys(&mut app, "m");
    let text = screen(&app);
    assert!(text.contains("(Not saved: no user data folder.)"), "{text}");
    assert_eq!(app.profile().profile().skills.len(), 1);
}

#[test]
fn help_lists_the_profile_keys() {
    let (mut app, _folder) = app_with_profiles(100, 60);
    press_keys(&mut app, "?");
    let text = screen(&app);
    for expected in [
        "mark this level as mine",
        "mark this level as my target",
        "the profile: my skills",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
}

#[test]
fn the_profile_scrolls_with_the_same_keys_as_every_list() {
    let folder = TempDir::new().unwrap();
    let entries: Vec<String> = (1..=30)
        .map(|n| format!("(framework: \"Gone\", code: \"NOPE{n}\", level: 2)"))
        .collect();
    let text = format!("(skills: [{}])", entries.join(", "));
    std::fs::write(folder.path().join("me.ron"), text).unwrap();
    let catalog = load_catalog(&SourceSelection {
        built_in: true,
        ..Default::default()
    });
    let store = ProfileStore::new(folder.path().to_path_buf());
    let mut app = app_for(catalog, 80, 12).with_profile_store(store);
    // Enter on a missing skill names it in the status line: which row is selected.
    let selected = |app: &mut App, keys: &str| {
        press_keys(app, keys);
        press_keys(app, "<Enter>");
        status_line(app)
    };
    press_keys(&mut app, "P");
    assert!(selected(&mut app, "G").contains("NOPE30 is not loaded"));
    assert!(selected(&mut app, "g").contains("NOPE1 is not loaded"));
    assert!(selected(&mut app, "<End>").contains("NOPE30 is not loaded"));
    assert!(selected(&mut app, "<Home><PageDown>").contains("NOPE9 is not loaded"));
    assert!(selected(&mut app, "<PageDown><PageUp>k").contains("NOPE8 is not loaded"));
    assert!(
        screen(&app).contains("NOPE8"),
        "the selected row is in view"
    );
}
