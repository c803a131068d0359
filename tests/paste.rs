//! Pasted text and fast typing in the browser: a paste is text for a search, never keys, and a
//! batch of characters costs one search.

use skillscope::tui::state::{App, MAX_QUERY_CHARS};
use skillscope::tui::testing::{buffer_text, built_in_app, paste, press_keys, render};

fn screen(app: &App) -> String {
    buffer_text(&render(app))
}

fn input(app: &App) -> &str {
    app.search().expect("a search is open").input()
}

#[test]
fn a_paste_into_the_search_is_text_whatever_it_holds() {
    let mut app = built_in_app(100, 30);
    press_keys(&mut app, "/");
    paste(&mut app, "x\nq");
    assert!(!app.should_quit(), "the q was pasted, not pressed");
    assert_eq!(input(&app), "x q");
    assert_eq!(app.search().unwrap().runs(), 1);
    assert!(screen(&app).contains("/x q"), "{}", screen(&app));

    // A line break does not submit the search: the search is still open, and goes on.
    paste(&mut app, "\r\nrel\u{1b}[2J\u{9b}1m\u{202e}\u{200b}\t");
    assert_eq!(input(&app), "x q rel[2J1m ");
    press_keys(&mut app, "<Backspace>");
    assert_eq!(input(&app), "x q rel[2J1m");
}

#[test]
fn ten_thousand_pasted_characters_cost_one_search_and_are_capped() {
    let mut app = built_in_app(100, 30);
    press_keys(&mut app, "/");
    let text: String = "release management ".chars().cycle().take(10_000).collect();
    paste(&mut app, &text);
    let search = app.search().unwrap();
    assert_eq!(search.runs(), 1);
    assert_eq!(search.input().chars().count(), MAX_QUERY_CHARS);
    assert!(text.starts_with(search.input()));

    // Typed characters of one batch (a terminal without bracketed paste) cost one search too.
    press_keys(&mut app, "<Esc>/");
    press_keys(&mut app, &text);
    let search = app.search().unwrap();
    assert_eq!(search.runs(), 1);
    assert_eq!(search.input().chars().count(), MAX_QUERY_CHARS);

    // Once full, more text starts no search.
    paste(&mut app, "more");
    assert_eq!(app.search().unwrap().runs(), 1);
}

#[test]
fn a_paste_outside_a_search_does_nothing() {
    let mut app = built_in_app(100, 30);
    press_keys(&mut app, "j");
    let before = screen(&app);
    let place = app.saved_state();
    for text in ["q", "/rel\n", "c\ne\n", "\u{1b}[201~q"] {
        paste(&mut app, text);
        assert!(!app.should_quit(), "{text:?}");
        assert!(app.search().is_none(), "{text:?} started a search");
        assert_eq!(app.saved_state(), place, "{text:?}");
        assert_eq!(screen(&app), before, "{text:?}");
    }
    // Nor over the help, or in the comparison.
    press_keys(&mut app, "?");
    let help = screen(&app);
    paste(&mut app, "q\n");
    assert_eq!(screen(&app), help);
    press_keys(&mut app, "<Esc>c");
    let comparison = screen(&app);
    paste(&mut app, "q\n");
    assert!(!app.should_quit());
    assert_eq!(screen(&app), comparison);
}

#[test]
fn typing_after_a_paste_in_one_batch_searches_once_for_both() {
    let mut app = built_in_app(100, 30);
    press_keys(&mut app, "/");
    paste(&mut app, "rel");
    press_keys(&mut app, "ea<Down>se");
    let search = app.search().unwrap();
    assert_eq!(search.input(), "release");
    // The paste, the characters before the arrow, and those after it.
    assert_eq!(search.runs(), 3);
}
