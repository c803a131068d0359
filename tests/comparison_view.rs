//! The comparison, progression and presentation views, driven by keys like a trainer would.

#[path = "support/testdata.rs"]
mod testdata;

use ratatui::style::Modifier;
use skillscope::tui::testing::{buffer_text, built_in_app, find_on_screen, press_keys, render};

fn sides(app: &skillscope::tui::state::App) -> Vec<(String, u8)> {
    let comparison = app.comparison().expect("the comparison is open");
    let sides = comparison.skill_sides().expect("skills are compared");
    sides
        .iter()
        .map(|side| {
            (
                app.catalog().entries[side.entry].skill.code.to_string(),
                side.level.get(),
            )
        })
        .collect()
}

#[test]
fn c_opens_the_selected_level_beside_the_next_defined_one() {
    let mut app = built_in_app(120, 40);
    press_keys(&mut app, "/relm<Enter>hhhc");
    assert_eq!(sides(&app), [("RELM".into(), 2), ("RELM".into(), 3)]);
    let text = buffer_text(&render(&app));
    assert!(
        text.contains("RELM L2 — Assist") && text.contains("RELM L3 — Apply"),
        "{text}"
    );
}

#[test]
fn n_and_p_walk_both_sides_through_the_progression() {
    let mut app = built_in_app(120, 40);
    press_keys(&mut app, "/relm<Enter>hhhc");
    let mut seen = Vec::new();
    for _ in 0..5 {
        let s = sides(&app);
        seen.push((s[0].1, s[1].1));
        press_keys(&mut app, "n");
    }
    assert_eq!(
        seen,
        [(2, 3), (3, 4), (4, 5), (5, 6), (5, 6)],
        "stops at the top"
    );
    assert!(buffer_text(&render(&app)).contains("No higher level on both sides."));
    press_keys(&mut app, "pp");
    assert_eq!(sides(&app), [("RELM".into(), 3), ("RELM".into(), 4)]);
}

#[test]
fn one_side_can_be_switched_to_another_skill_at_the_same_level() {
    let mut app = built_in_app(120, 40);
    press_keys(&mut app, "/relm<Enter>c");
    // RELM L4 → L5; pick DSOP for the right side, then bring the left up to L5.
    press_keys(&mut app, "sdsop<Enter>");
    assert_eq!(sides(&app), [("RELM".into(), 4), ("DSOP".into(), 5)]);
    press_keys(&mut app, "<Tab>l");
    assert_eq!(sides(&app), [("RELM".into(), 5), ("DSOP".into(), 5)]);
    let text = buffer_text(&render(&app));
    assert!(
        text.contains("RELM L5 — Ensure, advise") && text.contains("DSOP L5 — Ensure, advise"),
        "{text}"
    );
    insta::assert_snapshot!("compare_relm5_dsop5", text);
}

#[test]
fn added_and_removed_words_are_styled_without_colour() {
    let mut app = built_in_app(140, 45);
    press_keys(&mut app, "/rollback<Enter>c");
    assert_eq!(sides(&app), [("RELM".into(), 4), ("RELM".into(), 5)]);
    let buffer = render(&app);
    insta::assert_snapshot!("compare_relm4_relm5", buffer_text(&buffer));
    // L5 adds "capability." to the rollback statement; L4's "Maintains" is gone from it.
    let (x, y) = find_on_screen(&buffer, "capability.").expect("the added word is shown");
    let added = &buffer[(x, y)];
    assert!(
        added
            .modifier
            .contains(Modifier::UNDERLINED | Modifier::BOLD),
        "{added:?}"
    );
    let (x, y) = find_on_screen(&buffer, "Maintains release").expect("the removed word is shown");
    let removed = &buffer[(x, y)];
    assert!(
        removed.modifier.contains(Modifier::CROSSED_OUT),
        "{removed:?}"
    );
    let (x, y) = find_on_screen(&buffer, "including testing").expect("an unchanged word");
    let unchanged = &buffer[(x, y)];
    assert!(
        !unchanged
            .modifier
            .intersects(Modifier::CROSSED_OUT | Modifier::UNDERLINED),
        "{unchanged:?}"
    );
}

#[test]
fn progression_shows_every_level_marked_against_the_one_below() {
    let mut app = built_in_app(100, 60);
    press_keys(&mut app, "/relm<Enter>cv");
    let buffer = render(&app);
    let text = buffer_text(&buffer);
    insta::assert_snapshot!("progression_relm", text);
    let headings: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("Level ") && l.contains(" — "))
        .collect();
    assert_eq!(headings.len(), 5, "{text}");
    assert!(text.contains("against L2"));
    let (x, y) = find_on_screen(&buffer, "capability.").expect("L5's new word");
    assert!(buffer[(x, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn presentation_fills_the_screen_without_chrome_and_esc_steps_back() {
    let mut app = built_in_app(80, 24);
    press_keys(&mut app, "/relm<Enter>cf");
    let text = buffer_text(&render(&app));
    insta::assert_snapshot!("presentation_80x24", text);
    assert!(
        !text.contains('┌') && !text.contains(" quit "),
        "no borders, no footer:\n{text}"
    );
    assert!(text.contains("RELM L4 — Enable") && text.contains("RELM L5 — Ensure, advise"));
    let first = text.lines().next().unwrap();
    assert!(
        first.ends_with("Esc leaves presentation mode"),
        "how to leave, in the top margin:\n{text}"
    );
    app.update(skillscope::tui::action::Action::Resize(40, 12));
    let narrow = buffer_text(&render(&app));
    insta::assert_snapshot!("presentation_40x12", narrow);
    assert!(
        narrow.lines().next().unwrap().contains("Esc leaves"),
        "{narrow}"
    );
    press_keys(&mut app, "<Esc>");
    assert!(app.comparison().is_some(), "Esc leaves presentation first");
    press_keys(&mut app, "<Esc>");
    assert!(app.comparison().is_none());
}

#[test]
fn narrow_terminals_stack_the_sides() {
    let mut app = built_in_app(40, 30);
    press_keys(&mut app, "/relm<Enter>c");
    let text = buffer_text(&render(&app));
    let left = text.find("RELM L4").expect("left heading");
    let right = text.find("RELM L5").expect("right heading");
    assert!(left < right && !text.contains(" │ "), "{text}");
}

#[test]
fn a_skill_with_one_level_compares_it_with_itself() {
    let catalog = skillscope::data::sources::load_catalog(
        &skillscope::data::sources::SourceSelection::default(),
    );
    let mut catalog = catalog;
    let framework = skillscope::data::sources::parse_framework(
        "one.ron",
        r#"(framework: "F", skills: [(code: "ONE", name: "Single", description: "D", levels: {3: ["Does one thing."]})])"#,
    )
    .unwrap();
    catalog.add("one.ron", framework);
    let mut app = skillscope::tui::testing::app_for(catalog, 100, 30);
    press_keys(&mut app, "c");
    assert_eq!(sides(&app), [("ONE".into(), 3), ("ONE".into(), 3)]);
    assert!(buffer_text(&render(&app)).contains("+0 words, −0 words"));
}

#[test]
fn levels_of_thousands_of_statements_open_and_say_they_were_paired_by_position() {
    // `c` once compared each statement with each: at a hundred thousand it asked for gigabytes
    // and aborted, leaving the terminal raw.
    let mut catalog = skillscope::data::catalog::Catalog::default();
    let framework = testdata::many_statements(5_000, 0, testdata::DEFAULT_SEED);
    catalog.add("many.ron", framework);
    let mut app = skillscope::tui::testing::app_for(catalog, 120, 40);
    press_keys(&mut app, "c");
    assert_eq!(sides(&app), [("MANY".into(), 3), ("MANY".into(), 4)]);
    let screen = render(&app);
    let text = buffer_text(&screen);
    // On its own line below the summary, which keeps its legend.
    let legend = find_on_screen(&screen, "added: like this").expect("the legend");
    let note = find_on_screen(&screen, "too many statements to pair: paired by position");
    assert_eq!(note.map(|(_, y)| y), Some(legend.1 + 1), "{text}");
}
