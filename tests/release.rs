//! What a release promises: one version number, from Cargo.toml, in everything that shows one
//! (the Debian package's is checked by tests/e2e/deb-contents.sh), and every manual page written
//! by `skillscope man --out-dir`, as the package installs them.

mod common;
use common::{stderr, stdout, Sandbox};

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

fn repository_file(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The value of `key = "…"` in Cargo.toml's `[package]` table.
fn package_field(manifest: &str, key: &str) -> String {
    let package = manifest
        .split("\n[")
        .find(|table| table.starts_with("[package]") || table.starts_with("package]"))
        .expect("a [package] table");
    let prefix = format!("{key} = \"");
    package
        .lines()
        .find_map(|line| line.strip_prefix(&prefix)?.strip_suffix('"'))
        .unwrap_or_else(|| panic!("no {key} in [package]"))
        .to_string()
}

/// The page's `.TH` line: title, section, date, source.
fn title_line(page: &str) -> &str {
    page.lines()
        .find(|line| line.starts_with(".TH "))
        .unwrap_or_else(|| panic!("no .TH line: {page}"))
}

#[test]
fn the_version_in_cargo_toml_is_the_one_shown_everywhere() {
    let manifest = repository_file("Cargo.toml");
    let version = package_field(&manifest, "version");
    assert_eq!(version, env!("CARGO_PKG_VERSION"), "the binary is stale");
    let sandbox = Sandbox::new();

    let shown = stdout(&sandbox.run(&["--version"]));
    assert_eq!(shown.trim(), format!("skillscope {version}"));

    // clap_mangen puts the source in the .TH line and the VERSION section.
    let stamp = format!("\"skillscope {version}\"");
    let page = stdout(&sandbox.run(&["man"]));
    assert!(title_line(&page).trim_end().ends_with(&stamp), "{page}");
    assert!(page.contains(&format!(".SH VERSION\nv{version}")), "{page}");
    let dir = sandbox.path("man1");
    assert!(sandbox.run(&["man", "--out-dir", "man1"]).status.success());
    for entry in fs::read_dir(&dir).unwrap() {
        let page = fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(title_line(&page).trim_end().ends_with(&stamp), "{page}");
    }

    // Keep a Changelog: the released version has its own dated section.
    let changelog = repository_file("CHANGELOG.md");
    let heading = format!("## [{version}] - ");
    assert!(
        changelog.lines().any(|line| line.starts_with(&heading)),
        "CHANGELOG.md has no {heading:?} section"
    );
}

#[test]
fn the_documented_rust_version_is_the_one_in_cargo_toml() {
    let rust_version = package_field(&repository_file("Cargo.toml"), "rust-version");
    let install = repository_file("docs/install.md");
    assert!(
        install.contains(&format!("Rust {rust_version}")),
        "docs/install.md does not say Rust {rust_version}"
    );
}

#[test]
fn man_out_dir_writes_every_page_as_man_prints_it() {
    let sandbox = Sandbox::new();
    let dir = sandbox.path("share/man/man1");
    let output = sandbox.run(&["man", "--out-dir", dir.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let listed: BTreeSet<String> = stdout(&output).lines().map(String::from).collect();

    let mut written = BTreeSet::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        assert!(
            listed.contains(path.to_str().unwrap()),
            "{path:?} not listed"
        );
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let command = name
            .strip_suffix(".1")
            .and_then(|stem| stem.strip_prefix("skillscope"))
            .unwrap_or_else(|| panic!("{name}: not skillscope*.1"));
        let printed = match command.strip_prefix('-') {
            Some(command) => stdout(&sandbox.run(&["man", command])),
            None => stdout(&sandbox.run(&["man"])),
        };
        assert_eq!(fs::read_to_string(&path).unwrap(), printed, "{name}");
        written.insert(name);
    }
    assert_eq!(listed.len(), written.len());
    let commands = [
        "list",
        "show",
        "search",
        "compare",
        "levels",
        "profile",
        "gap",
        "validate",
        "paths",
        "import",
        "completions",
        "man",
    ];
    for command in commands {
        assert!(
            written.contains(&format!("skillscope-{command}.1")),
            "{command}"
        );
    }
    assert!(written.contains("skillscope.1"));
    assert!(
        !written.contains("skillscope-help.1"),
        "clap's help has no page"
    );

    // A second run replaces the pages: packaging regenerates them on every build.
    fs::write(dir.join("skillscope.1"), "stale").unwrap();
    let again = sandbox.run(&["man", "--out-dir", dir.to_str().unwrap()]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(
        fs::read_to_string(dir.join("skillscope.1")).unwrap(),
        stdout(&sandbox.run(&["man"]))
    );
}

#[test]
fn man_out_dir_takes_no_command_and_reports_a_folder_it_cannot_make() {
    let sandbox = Sandbox::new();
    let both = sandbox.run(&["man", "import", "--out-dir", "pages"]);
    assert_eq!(both.status.code(), Some(2), "clap refuses the pair");
    assert!(!sandbox.path("pages").exists());

    sandbox.write("taken", "a file, not a folder");
    let output = sandbox.run(&["man", "--out-dir", "taken/man1"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("cannot create taken/man1"),
        "{}",
        stderr(&output)
    );
}
