//! `e` in the browser exports what is shown, into the current folder, and says where with the
//! whole path. One test in its own binary: it changes the process's current folder.

use skillscope::tui::state::App;
use skillscope::tui::testing::{buffer_text, built_in_app, press_keys, render};

fn screen(app: &App) -> String {
    buffer_text(&render(app))
}

/// The status line's text, its rows joined as they were wrapped.
fn status(app: &App) -> String {
    let text = screen(app);
    let rows: Vec<&str> = text.lines().collect();
    let footer = rows.len() - 1;
    let first = (0..footer)
        .rev()
        .take_while(|&row| rows[row].starts_with(' ') && !rows[row].starts_with(" │"))
        .last()
        .expect("a status line");
    rows[first..footer]
        .iter()
        .map(|row| row.trim())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Presses `keys`, which end in an export, and checks that the status line gives the whole
/// path `written` and that the file ends with the data's source: its text.
fn export(app: &mut App, keys: &str, written: &std::path::Path) -> String {
    press_keys(app, keys);
    assert_eq!(status(app), format!("Exported to {}", written.display()));
    let text = std::fs::read_to_string(written).unwrap();
    let last = text.lines().last().unwrap_or_default();
    assert!(last.starts_with("Source: "), "{text}");
    text
}

#[test]
fn e_exports_the_level_the_progression_or_the_level_of_responsibility_shown() {
    let folder = tempfile::tempdir().unwrap();
    std::env::set_current_dir(folder.path()).unwrap();
    let folder = std::env::current_dir().unwrap();
    let mut app = built_in_app(80, 24);
    press_keys(&mut app, "/relm<Enter>");
    let relm = app.selected_entry().unwrap();
    let source = app.catalog().framework_of(relm).source.clone().unwrap();
    let source = skillscope::query::render::markdown_escape(&source);
    let text = export(&mut app, "e", &folder.join("RELM-L4.md"));
    assert!(text.contains("### Level 4 — Enable"), "{text}");
    assert!(
        !text.contains("### Level 5"),
        "only the level shown:\n{text}"
    );
    let last = text.lines().last().unwrap();
    assert_eq!(last, format!("Source: {source}"), "{text}");

    let text = export(&mut app, "lcve", &folder.join("RELM-progression.md"));
    for level in 2..=6 {
        assert!(text.contains(&format!("### Level {level} — ")), "{text}");
    }
    export(&mut app, "ve", &folder.join("RELM-L5-vs-RELM-L6.md"));
    export(&mut app, "<Esc>re", &folder.join("level-5.md"));
    export(&mut app, "<Esc>he", &folder.join("RELM-L4-2.md"));
    let mut narrow = built_in_app(40, 12);
    press_keys(&mut narrow, "e");
    let written = folder.join("SLEN-L4.md");
    assert_eq!(
        status(&narrow),
        format!("Exported to {}", written.display()),
        "the whole path, wrapped:\n{}",
        screen(&narrow)
    );
}
