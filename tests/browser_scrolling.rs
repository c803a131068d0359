//! Every scrolled text in the browser, driven by keys: the same keys scroll each one (PgUp/PgDn,
//! g/G, Home/End), and scrolling stops at the end, so that after `G`, or `j` past the end, one
//! `k` moves up at once.

use skillscope::data::sources::{load_catalog, parse_framework, SourceSelection};
use skillscope::tui::state::{App, Popup};
use skillscope::tui::testing::{app_for, buffer_text, built_in_app, press_keys, render};

fn screen(app: &App) -> String {
    buffer_text(&render(app))
}

/// With the built-in skills, the invented levels and attributes of tests/fixtures/levels.ron.
fn with_levels(width: u16, height: u16) -> App {
    let mut catalog = load_catalog(&SourceSelection {
        built_in: true,
        ..Default::default()
    });
    let text = include_str!("fixtures/levels.ron");
    catalog.add("levels.ron", parse_framework("levels.ron", text).unwrap());
    app_for(catalog, width, height)
}

/// From `app`, `bottom` reaches the end: more `j` change nothing, one `k` moves up at once,
/// and `top` comes back to the first screen.
fn assert_scrolls_to_the_end_and_back(app: &mut App, bottom: &str, top: &str, what: &str) {
    let first = screen(app);
    press_keys(app, bottom);
    let end = screen(app);
    assert_ne!(first, end, "{what}: {bottom} scrolls:\n{end}");
    press_keys(app, "jjjjj");
    assert_eq!(screen(app), end, "{what}: nothing beyond the end");
    press_keys(app, "k");
    assert_ne!(screen(app), end, "{what}: one k after {bottom} moves up");
    press_keys(app, top);
    assert_eq!(screen(app), first, "{what}: {top} goes back to the top");
}

#[test]
fn the_comparison_and_the_progression_scroll_to_the_end_and_back() {
    let mut app = built_in_app(80, 24);
    press_keys(&mut app, "/relm<Enter>c");
    for (bottom, top) in [("G", "g"), ("<End>", "<Home>")] {
        assert_scrolls_to_the_end_and_back(&mut app, bottom, top, "comparison");
    }
    press_keys(&mut app, "v");
    assert_scrolls_to_the_end_and_back(&mut app, "G", "g", "progression");
    press_keys(&mut app, "f");
    assert_scrolls_to_the_end_and_back(&mut app, "<End>", "<Home>", "presentation");
    let top = screen(&app);
    press_keys(&mut app, "<PageDown>");
    assert_ne!(screen(&app), top, "PgDn pages");
    press_keys(&mut app, "<PageUp>");
    assert_eq!(screen(&app), top, "PgUp pages back");
}

#[test]
fn the_help_scrolls_with_the_keys_of_every_list() {
    let mut app = built_in_app(80, 24);
    press_keys(&mut app, "?");
    for (bottom, top) in [("G", "g"), ("<End>", "<Home>")] {
        assert_scrolls_to_the_end_and_back(&mut app, bottom, top, "help");
    }
    let page = help_scroll(&mut app, "<PageDown>");
    assert!(page > 1, "a page at a time: {page}");
    let back = help_scroll(&mut app, "<PageDown><PageDown><PageDown><PageDown><PageUp>");
    let end = help_scroll(&mut app, "G");
    let text = screen(&app);
    assert!(text.contains("│under it."), "its last line whole:\n{text}");
    assert!(
        back < end,
        "PgUp from the end moves up at once: {back} < {end}"
    );
}

/// How far the help is scrolled after `keys`.
fn help_scroll(app: &mut App, keys: &str) -> usize {
    press_keys(app, keys);
    match app.popup() {
        Some(Popup::Help { scroll }) => scroll,
        other => panic!("the help is open: {other:?}"),
    }
}

#[test]
fn the_levels_of_responsibility_and_the_detail_panes_stop_at_the_end() {
    let mut app = with_levels(80, 24);
    press_keys(&mut app, "r");
    assert_scrolls_to_the_end_and_back(&mut app, "G", "g", "levels of responsibility");
    let mut app = built_in_app(40, 12);
    press_keys(&mut app, "<Tab>");
    assert_scrolls_to_the_end_and_back(&mut app, "G", "g", "levels pane");
    press_keys(&mut app, "<Tab>");
    assert_scrolls_to_the_end_and_back(&mut app, "G", "g", "guidance pane");
}

#[test]
fn search_results_go_to_the_first_and_last_with_home_and_end() {
    let mut app = built_in_app(80, 24);
    press_keys(&mut app, "/e");
    let hits = app.search().expect("searching");
    assert_eq!(hits.input(), "e");
    press_keys(&mut app, "<End>");
    let last = app.selected_entry().unwrap().skill.code.to_string();
    press_keys(&mut app, "<Home>");
    let first = app.selected_entry().unwrap().skill.code.to_string();
    assert_ne!(first, last, "three skills match \"e\"");
    press_keys(&mut app, "<Down><Down><Down><Down>");
    assert_eq!(app.selected_entry().unwrap().skill.code.as_str(), last);
    assert_eq!(
        app.search().unwrap().input(),
        "e",
        "Home and End are not typed"
    );
}
