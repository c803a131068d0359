//! The layering of docs/architecture.md, checked on the source: `data` and `query` use no
//! terminal or command-line crate and import neither face; `config` imports neither face; `cli`
//! never imports `tui`, nor `tui` `cli`.

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/<layer>`.
fn sources(layer: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(layer),
        &mut files,
    );
    assert!(!files.is_empty(), "src/{layer} has sources");
    files
}

/// The lines of a layer's code (comments left out) that name one of `forbidden`: a crate, or a
/// module of this crate however it is reached (`crate::tui`, `skillscope::tui`, `super::tui`
/// from a layer's top file, or `tui` inside a grouped `use crate::{…}`).
fn offending_lines(layer: &str, forbidden: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for file in sources(layer) {
        let text = fs::read_to_string(&file).unwrap();
        let mut in_crate_group = false;
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains("use crate::{") || code.contains("use skillscope::{") {
                in_crate_group = true;
            }
            let names = |name: &str| {
                let module = format!("::{name}");
                let word = |at: usize, len: usize| {
                    let before = code[..at].chars().next_back();
                    let after = code[at + len..].chars().next();
                    !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                        && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
                };
                let as_crate = code.match_indices(name).any(|(at, _)| word(at, name.len()));
                let as_module = code
                    .match_indices(&module)
                    .any(|(at, _)| word(at + 2, name.len()));
                let in_group = in_crate_group && as_crate;
                match name {
                    "ratatui" | "crossterm" | "clap" => as_crate,
                    _ => as_module || in_group,
                }
            };
            if forbidden.iter().any(|name| names(name)) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
            if code.contains('}') {
                in_crate_group = false;
            }
        }
    }
    found
}

const FACES: [&str; 2] = ["cli", "tui"];
const TERMINAL_AND_ARGUMENTS: [&str; 3] = ["ratatui", "crossterm", "clap"];

#[test]
fn data_and_query_know_no_terminal_no_command_line_and_no_face() {
    for layer in ["data", "query"] {
        let forbidden: Vec<&str> = FACES.into_iter().chain(TERMINAL_AND_ARGUMENTS).collect();
        let found = offending_lines(layer, &forbidden);
        assert!(found.is_empty(), "{}", found.join("\n"));
    }
}

#[test]
fn config_imports_neither_face() {
    let found = offending_lines("config", &FACES);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_faces_do_not_import_each_other() {
    let found = offending_lines("cli", &["tui", "ratatui"]);
    assert!(found.is_empty(), "{}", found.join("\n"));
    let found = offending_lines("tui", &["cli"]);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_check_finds_what_it_looks_for() {
    // A check that could never find anything would pass on any code.
    assert!(!offending_lines("tui", &["ratatui"]).is_empty());
    assert!(!offending_lines("cli", &["clap"]).is_empty());
    assert!(!offending_lines("tui", &["config"]).is_empty());
    assert!(!offending_lines("cli", &["query"]).is_empty());
    // Words that merely contain a module's name are not it.
    assert!(offending_lines("data", &["cli"]).is_empty());
}
