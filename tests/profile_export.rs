//! `e` in the profile view writes the profile as Markdown into the current folder. A file of
//! its own: the test changes the process's current folder, which no other test may share.

use skillscope::data::profile::ProfileStore;
use skillscope::data::sources::{load_catalog, SourceSelection};
use skillscope::tui::testing::{app_for, buffer_text, press_keys, render};

#[test]
fn e_in_the_profile_exports_it_as_markdown_beside_an_existing_file() {
    let folder = tempfile::tempdir().unwrap();
    std::env::set_current_dir(folder.path()).unwrap();
    std::fs::write("profile-me.md", "kept").unwrap();
    let catalog = load_catalog(&SourceSelection {
        built_in: true,
        ..Default::default()
    });
    let store = ProfileStore::new(folder.path().join("profiles"));
    let mut app = app_for(catalog, 80, 24).with_profile_store(store);
    press_keys(&mut app, "jjjjjjmltPe");
    let screen = buffer_text(&render(&app));
    let written = folder
        .path()
        .canonicalize()
        .unwrap()
        .join("profile-me-2.md");
    assert!(
        screen.contains(&format!("Exported to {}", written.display())),
        "{screen}"
    );
    assert_eq!(std::fs::read_to_string("profile-me.md").unwrap(), "kept");
    let markdown = std::fs::read_to_string("profile-me-2.md").unwrap();
    assert!(markdown.starts_with("# Skills profile: me\n"), "{markdown}");
    assert!(
        markdown.contains("- Level: 4 — Enable\n- Target: 5 — Ensure, advise"),
        "{markdown}"
    );
    assert!(markdown.contains("Source: "), "{markdown}");
}
