//! Frameworks with invented levels and attributes for the tests of the level documents (no SFIA
//! text: its licence keeps it out of this repository).

use serde_json::Value;

use crate::data::catalog::{Catalog, FrameworkInfo};
use crate::data::sources::parse_framework;

/// Invented levels and attributes; the command tests load the same file.
pub const LEVELS_RON: &str = include_str!("../../../../tests/fixtures/levels.ron");

/// The framework of [`LEVELS_RON`], as the catalog holds it.
pub fn framework() -> FrameworkInfo {
    only_framework(LEVELS_RON)
}

/// A framework that names its levels and has no essence and no attributes: the built-in data.
pub fn bare() -> FrameworkInfo {
    only_framework(
        r#"(framework: "Bare", levels: [(level: 4, name: "Enable"), (level: 5, name: "Ensure, advise")], skills: [])"#,
    )
}

fn only_framework(text: &str) -> FrameworkInfo {
    let mut catalog = Catalog::default();
    catalog.add("test.ron", parse_framework("test.ron", text).unwrap());
    catalog.frameworks.remove(0)
}

/// The codes of a JSON array of attributes.
pub fn codes(attributes: &Value) -> Vec<&str> {
    let attributes = attributes.as_array().expect("an array of attributes");
    attributes
        .iter()
        .map(|a| a["code"].as_str().unwrap())
        .collect()
}
