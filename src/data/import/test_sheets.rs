//! Sheets for the import's unit tests.

use super::Sheet;
use crate::data::model::LevelName;

/// A row of cells.
pub fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

pub fn sheet(name: &str, rows: Vec<Vec<String>>) -> Sheet {
    Sheet {
        name: name.to_string(),
        rows,
    }
}

/// A skills header with two level columns and no subcategory or guidance column.
pub const HEADER: [&str; 6] = [
    "Code",
    "Skill",
    "Category",
    "Overall description",
    "Level 2 description",
    "Level 3 description",
];

/// A title row, [`HEADER`] on row 2, two good skills (rows 3 and 10), a blank row (9), and a
/// row for each reason to skip one: no code (4), an invalid code (5), the code of row 3 again
/// (6), no name (7), no level statements (8).
pub fn skills_with_bad_rows() -> Vec<Vec<String>> {
    vec![
        row(&["Title"]),
        row(&HEADER),
        row(&["ABCD", "Good", "Cat", "Desc", "Two.", ""]),
        row(&["", "No code", "Cat", "Desc", "Two.", ""]),
        row(&["A-B", "Bad code", "Cat", "Desc", "Two.", ""]),
        row(&["abcd", "Again", "Cat", "Desc", "Two.", ""]),
        row(&["NONM", " ", "Cat", "Desc", "Two.", ""]),
        row(&["NOLV", "No levels", "Cat", "Desc", " ", "\u{a0}"]),
        row(&["", "", "", "", "", ""]),
        row(&["EFGH", "Other", "Dog", "Desc", "", "Three.\nMore."]),
    ]
}

/// Each level's number, name and essence, to compare in one assertion.
pub fn level_summary(levels: &[LevelName]) -> Vec<(u8, &str, Option<&str>)> {
    (levels.iter())
        .map(|l| (l.level.get(), l.name.as_str(), l.essence.as_deref()))
        .collect()
}
