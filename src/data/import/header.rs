//! Finding the skills sheet and its header row, and the column of each field of a skill, by
//! the names in the header: real exports carry extra sheets and title rows, and columns move
//! between editions.

use super::cells::clean_line;
use super::{Sheet, Workbook};
use crate::data::model::Level;

/// How many rows from the top of a sheet are searched for its header row.
pub const HEADER_SEARCH_ROWS: usize = 20;

/// Where each field of a skill is on the skills sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillColumns {
    pub code: usize,
    pub name: usize,
    pub description: usize,
    pub category: Option<usize>,
    pub subcategory: Option<usize>,
    pub guidance: Option<usize>,
    pub url: Option<usize>,
    /// The level description columns, by level.
    pub levels: Vec<(Level, usize)>,
}

impl SkillColumns {
    /// The columns a row names, if it names at least the code, name and description.
    pub fn from_header(row: &[String]) -> Option<SkillColumns> {
        let keys: Vec<String> = row.iter().map(|cell| header_key(cell)).collect();
        Some(SkillColumns {
            code: find_column(&keys, &["code", "skill code", "skillcode", "short code"])?,
            name: find_column(&keys, &["skill", "skill name", "name", "skill title"])?,
            description: find_column(
                &keys,
                &[
                    "overall description",
                    "skill description",
                    "description",
                    "overall skill description",
                ],
            )?,
            category: find_column(&keys, &["category", "skill category"]),
            subcategory: find_column(
                &keys,
                &[
                    "subcategory",
                    "sub-category",
                    "sub category",
                    "skill subcategory",
                ],
            ),
            guidance: find_column(&keys, GUIDANCE_HEADERS),
            url: find_column(&keys, URL_HEADERS),
            levels: level_columns(&keys),
        })
    }

    /// A note for each optional column the sheet lacks, which leaves that field of every
    /// skill empty.
    pub fn missing_column_notes(&self) -> Vec<String> {
        [
            (self.category, "Category"),
            (self.subcategory, "Subcategory"),
            (self.guidance, "Guidance notes"),
        ]
        .into_iter()
        .filter(|(column, _)| column.is_none())
        .map(|(_, label)| format!("the skills sheet has no {label:?} column"))
        .collect()
    }
}

/// Headings of a guidance notes column (or row).
pub const GUIDANCE_HEADERS: &[&str] = &[
    "guidance notes",
    "guidance",
    "guidance note",
    "level guidance",
    "level guidance notes",
];

/// Headings of a web address column (or row).
pub const URL_HEADERS: &[&str] = &["url", "link", "skill url", "web link", "href", "level url"];

/// A header cell as compared: cleaned, lower case, single spaces, no trailing colon; snake_case
/// written with spaces (`level_1` is `level 1`, `guidance_notes` is `guidance notes`).
pub fn header_key(cell: &str) -> String {
    let key = clean_line(&cell.replace('_', " "));
    key.trim_end_matches(':').trim().to_lowercase()
}

/// The first column whose key is one of `names`, trying the names in order.
pub fn find_column(keys: &[String], names: &[&str]) -> Option<usize> {
    names
        .iter()
        .find_map(|name| keys.iter().position(|key| key == name))
}

/// The first row among the first [`HEADER_SEARCH_ROWS`] that names the skill columns.
pub fn find_skills_header(sheet: &Sheet) -> Option<(usize, SkillColumns)> {
    sheet
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(i, row)| SkillColumns::from_header(row).map(|columns| (i, columns)))
}

/// The skills sheet: the one named "Skills" if it has the header, else the first that has it.
pub fn find_skills_sheet(book: &Workbook) -> Option<(&Sheet, usize, SkillColumns)> {
    let is_named_skills = |sheet: &&Sheet| sheet.name.trim().eq_ignore_ascii_case("skills");
    let named = book.sheets.iter().filter(is_named_skills);
    let others = book.sheets.iter().filter(|sheet| !is_named_skills(sheet));
    named
        .chain(others)
        .find_map(|sheet| find_skills_header(sheet).map(|(row, columns)| (sheet, row, columns)))
}

/// The level description columns, by level; the first column of a level wins.
pub fn level_columns(keys: &[String]) -> Vec<(Level, usize)> {
    let mut levels: Vec<(Level, usize)> = Vec::new();
    for (column, key) in keys.iter().enumerate() {
        if let Some(level) = level_header(key) {
            if !levels.iter().any(|(l, _)| *l == level) {
                levels.push((level, column));
            }
        }
    }
    levels.sort();
    levels
}

/// The level of a header such as "Level 3 description" or "Level 3".
fn level_header(key: &str) -> Option<Level> {
    let rest = key.strip_prefix("level")?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[digits.len()..].trim();
    let described = ["", "description", "descriptions", "text", "statements"];
    if digits.is_empty() || !described.contains(&after) {
        return None;
    }
    digits.parse::<u8>().ok().and_then(Level::new)
}

#[cfg(test)]
mod tests {
    use super::super::test_sheets::{row, sheet};
    use super::*;

    #[test]
    fn headers_are_found_by_name_not_position() {
        let header = row(&[
            "#",
            "Levels",
            "",
            "",
            "Skill",
            "URL",
            "Code",
            "Category",
            "Overall description",
            "Level 3 description",
            "Guidance notes",
            "Level 1 Description ",
            "Level 9 description",
        ]);
        let columns = SkillColumns::from_header(&header).unwrap();
        assert_eq!(columns.code, 6);
        assert_eq!(columns.name, 4);
        assert_eq!(columns.url, Some(5));
        assert_eq!(columns.subcategory, None);
        let levels: Vec<(u8, usize)> = columns.levels.iter().map(|(l, c)| (l.get(), *c)).collect();
        assert_eq!(levels, [(1, 11), (3, 9)]);
        assert_eq!(
            columns.missing_column_notes(),
            ["the skills sheet has no \"Subcategory\" column"]
        );
        assert!(SkillColumns::from_header(&row(&["Code", "Skill"])).is_none());
    }

    #[test]
    fn snake_case_headers_are_read_by_meaning() {
        let header = row(&[
            "name",
            "code",
            "link",
            "guidance",
            "description",
            "level_1",
            "level_2",
            "LEVEL_7",
        ]);
        let columns = SkillColumns::from_header(&header).unwrap();
        assert_eq!(
            (columns.name, columns.code, columns.url, columns.guidance),
            (0, 1, Some(2), Some(3))
        );
        assert_eq!(columns.description, 4);
        let levels: Vec<(u8, usize)> = columns.levels.iter().map(|(l, c)| (l.get(), *c)).collect();
        assert_eq!(levels, [(1, 5), (2, 6), (7, 7)]);
        assert_eq!(
            columns.missing_column_notes(),
            [
                "the skills sheet has no \"Category\" column",
                "the skills sheet has no \"Subcategory\" column"
            ]
        );
        assert_eq!(header_key(" Guidance_Notes: "), "guidance notes");
    }

    #[test]
    fn the_header_is_looked_for_only_near_the_top() {
        let header = row(&["Code", "Skill", "Description", "Level 1"]);
        let mut rows = vec![row(&["Title"]); HEADER_SEARCH_ROWS - 1];
        rows.push(header.clone());
        let found = find_skills_header(&sheet("Skills", rows.clone())).map(|(row, _)| row);
        assert_eq!(found, Some(HEADER_SEARCH_ROWS - 1));
        rows.insert(0, row(&[]));
        assert_eq!(find_skills_header(&sheet("Skills", rows)), None);
    }

    #[test]
    fn a_sheet_named_skills_is_preferred_to_an_earlier_one() {
        let rows = vec![row(&["Code", "Skill", "Description"])];
        let book = Workbook {
            sheets: vec![
                sheet("Other", rows.clone()),
                sheet(" skills ", rows.clone()),
                sheet("Skills without header", vec![]),
            ],
            notes: vec![],
        };
        let (found, _, _) = find_skills_sheet(&book).unwrap();
        assert_eq!(found.name, " skills ");
        let book = Workbook {
            sheets: vec![sheet("Skills", vec![]), sheet("Other", rows)],
            notes: vec![],
        };
        assert_eq!(find_skills_sheet(&book).unwrap().0.name, "Other");
    }
}
