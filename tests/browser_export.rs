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

#[test]
fn e_exports_the_level_the_progression_or_the_level_of_responsibility_shown() {
    let folder = tempfile::tempdir().unwrap();
    std::env::set_current_dir(folder.path()).unwrap();
    let folder = std::env::current_dir().unwrap();
    let source = "SFIA 9 — text © SFIA Foundation";

    let mut app = built_in_app(80, 24);
    press_keys(&mut app, "/relm<Enter>e");
    let written = folder.join("RELM-L4.md");
    assert_eq!(status(&app), format!("Exported to {}", written.display()));
    let text = std::fs::read_to_string(&written).unwrap();
    assert!(text.contains("### Level 4 — Enable"), "{text}");
    assert!(
        !text.contains("### Level 5"),
        "only the level shown:\n{text}"
    );
    let last = text.lines().last().unwrap();
    assert!(last.starts_with(&format!("Source: {source}")), "{text}");

    press_keys(&mut app, "lcve");
    let written = folder.join("RELM-progression.md");
    assert_eq!(status(&app), format!("Exported to {}", written.display()));
    let text = std::fs::read_to_string(&written).unwrap();
    for level in 2..=6 {
        assert!(text.contains(&format!("### Level {level} — ")), "{text}");
    }
    assert!(
        text.lines().last().unwrap().starts_with("Source: "),
        "{text}"
    );

    press_keys(&mut app, "ve");
    let written = folder.join("RELM-L5-vs-RELM-L6.md");
    assert_eq!(status(&app), format!("Exported to {}", written.display()));
    let text = std::fs::read_to_string(&written).unwrap();
    assert!(
        text.lines().last().unwrap().starts_with("Source: "),
        "{text}"
    );

    press_keys(&mut app, "<Esc>re");
    let written = folder.join("level-5.md");
    assert_eq!(status(&app), format!("Exported to {}", written.display()));

    press_keys(&mut app, "<Esc>he");
    let again = folder.join("RELM-L4-2.md");
    assert!(again.exists(), "a taken name is never replaced");
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
