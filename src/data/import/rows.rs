//! The rows under the header of the skills sheet, each a skill or a skipped row with its
//! reason. A row that cannot become a skill never stops the import.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use super::cells::{
    cell, clean_line, clean_text, guidance_text, statements, without_prototype_marker,
};
use super::header::SkillColumns;
use super::Sheet;
use crate::data::model::{Code, Level, LevelStatements, Skill, Status};

/// Why a row of the skills sheet did not become a skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    NoCode,
    InvalidCode(String),
    DuplicateCode { code: String, first_row: usize },
    NoName,
    NoLevels,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::NoCode => write!(f, "no skill code"),
            SkipReason::InvalidCode(message) => write!(f, "invalid code: {message}"),
            SkipReason::DuplicateCode { code, first_row } => {
                write!(f, "duplicate code {code:?} (first on row {first_row})")
            }
            SkipReason::NoName => write!(f, "no skill name"),
            SkipReason::NoLevels => write!(f, "no level descriptions"),
        }
    }
}

/// A row of the skills sheet that was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRow {
    /// The sheet's row number (1-based, as a spreadsheet program shows it).
    pub row: usize,
    /// The row's code, when it had one.
    pub code: Option<String>,
    pub reason: SkipReason,
}

/// The skills of the rows below the header (row `header_index + 1` of the sheet), and the rows
/// that were skipped. Blank rows are neither.
pub fn read_skills(
    sheet: &Sheet,
    header_index: usize,
    columns: &SkillColumns,
) -> (Vec<Skill>, Vec<SkippedRow>) {
    let mut skills: Vec<Skill> = Vec::new();
    let mut skipped: Vec<SkippedRow> = Vec::new();
    // The row of each code taken so far, by upper case: codes are matched without case.
    let mut first_rows: HashMap<String, usize> = HashMap::new();
    for (index, row) in sheet.rows.iter().enumerate().skip(header_index + 1) {
        if row.iter().all(|c| clean_line(c).is_empty()) {
            continue;
        }
        let row_number = index + 1;
        let code_text = clean_line(cell(row, columns.code));
        let taken_on = first_rows.get(&code_text.to_uppercase()).copied();
        match skill_from_row(row, &code_text, taken_on, columns) {
            Ok(skill) => {
                first_rows.insert(code_text.to_uppercase(), row_number);
                skills.push(skill);
            }
            Err(reason) => skipped.push(SkippedRow {
                row: row_number,
                code: (!code_text.is_empty()).then_some(code_text),
                reason,
            }),
        }
    }
    (skills, skipped)
}

/// The skill of one row whose cleaned code is `code_text`, or why there is none.
/// `taken_on` is the row of an earlier skill with the same code.
fn skill_from_row(
    row: &[String],
    code_text: &str,
    taken_on: Option<usize>,
    columns: &SkillColumns,
) -> Result<Skill, SkipReason> {
    if code_text.is_empty() {
        return Err(SkipReason::NoCode);
    }
    let code = Code::new(code_text).map_err(SkipReason::InvalidCode)?;
    if let Some(first_row) = taken_on {
        return Err(SkipReason::DuplicateCode {
            code: code_text.to_string(),
            first_row,
        });
    }
    let (name, prototype) = without_prototype_marker(&clean_line(cell(row, columns.name)));
    if name.is_empty() {
        return Err(SkipReason::NoName);
    }
    let levels = level_statements(row, columns);
    if levels.is_empty() {
        return Err(SkipReason::NoLevels);
    }
    Ok(Skill {
        code,
        name,
        category: optional_line(row, columns.category),
        subcategory: optional_line(row, columns.subcategory),
        status: if prototype {
            Status::Prototype
        } else {
            Status::Published
        },
        url: optional_line(row, columns.url),
        description: clean_text(cell(row, columns.description)),
        guidance: columns.guidance.and_then(|c| guidance_text(cell(row, c))),
        levels: LevelStatements(levels),
        rationale: Vec::new(),
        notes: Vec::new(),
    })
}

/// The statements of each level the row describes.
fn level_statements(row: &[String], columns: &SkillColumns) -> BTreeMap<Level, Vec<String>> {
    columns
        .levels
        .iter()
        .map(|&(level, column)| (level, statements(cell(row, column))))
        .filter(|(_, statements)| !statements.is_empty())
        .collect()
}

/// A one-line field in an optional column: none when the column is missing or the cell empty.
fn optional_line(row: &[String], column: Option<usize>) -> Option<String> {
    column
        .map(|c| clean_line(cell(row, c)))
        .filter(|text| !text.is_empty())
}

#[cfg(test)]
mod tests {
    use super::super::test_sheets::{row, sheet, skills_with_bad_rows};
    use super::*;

    #[test]
    fn rows_that_cannot_be_skills_are_skipped_with_reasons() {
        let mut rows = skills_with_bad_rows();
        rows.push(row(&["nonm", "Named now", "", "Desc", "Two.", ""]));
        let sheet = sheet("Sheet1", rows);
        let columns = SkillColumns::from_header(&sheet.rows[1]).unwrap();
        let (skills, skipped) = read_skills(&sheet, 1, &columns);
        let codes: Vec<&str> = skills.iter().map(|s| s.code.as_str()).collect();
        assert_eq!(
            codes,
            ["ABCD", "EFGH", "nonm"],
            "a code skipped for another reason is not taken"
        );
        let skipped: Vec<(usize, Option<&str>, String)> = skipped
            .iter()
            .map(|s| (s.row, s.code.as_deref(), s.reason.to_string()))
            .collect();
        assert_eq!(skipped.len(), 5, "{skipped:?}");
        assert_eq!(skipped[0], (4, None, "no skill code".to_string()));
        assert_eq!((skipped[1].0, skipped[1].1), (5, Some("A-B")));
        assert!(skipped[1].2.contains("letters and digits"), "{skipped:?}");
        assert_eq!(
            skipped[2],
            (
                6,
                Some("abcd"),
                "duplicate code \"abcd\" (first on row 3)".to_string()
            )
        );
        assert_eq!(skipped[3], (7, Some("NONM"), "no skill name".to_string()));
        assert_eq!(
            skipped[4],
            (8, Some("NOLV"), "no level descriptions".to_string())
        );
        let efgh = &skills[1];
        assert_eq!(efgh.category.as_deref(), Some("Dog"));
        assert_eq!(
            efgh.statements(Level::new(3).unwrap()).unwrap(),
            ["Three.", "More."]
        );
        assert_eq!(skills[2].category, None, "an empty cell is no category");
    }

    #[test]
    fn a_name_marked_prototype_makes_a_prototype_and_only_the_marker_alone_is_no_name() {
        let sheet = sheet(
            "Skills",
            vec![
                row(&super::super::test_sheets::HEADER),
                row(&["PROT", "<p>New things [prototype]</p>", "", "D", "Two.", ""]),
                row(&["ONLY", "[Prototype]", "", "D", "Two.", ""]),
            ],
        );
        let columns = SkillColumns::from_header(&sheet.rows[0]).unwrap();
        let (skills, skipped) = read_skills(&sheet, 0, &columns);
        assert_eq!(skills[0].name, "New things");
        assert_eq!(skills[0].status, Status::Prototype);
        assert_eq!(skipped[0].reason, SkipReason::NoName);
    }
}
