//! Turning the official SFIA spreadsheet (its skills sheet, and its levels and attributes sheets
//! when present, or files of their own) into our data format.
//!
//! The domain part here is pure: it takes the rows of cells of each sheet ([`Workbook`]) and
//! gives a [`Framework`] and an [`ImportReport`]. Nothing here knows about terminals. This
//! module holds the import's types and puts its steps together; the steps live in:
//!
//! - [`read`]: `.xlsx` and `.csv` files into rows of cells, within the limits of `limits`;
//!   `archive` checks a workbook's zip before calamine opens it, `xlsx` streams its cells;
//! - `header`: the skills sheet, its header row and the column of each field, found by name;
//! - `rows`: each row under the header as a skill, or as a skipped row with its reason;
//! - `cells`: cleaning a cell's text into a line, statements or guidance; `html`: HTML cells;
//! - `levels`: the levels of responsibility, from a levels sheet or file, or SFIA's standard
//!   names; `level_rows` and `level_columns` read its two layouts, `labels` their headings;
//! - `attributes`: the generic attributes, from an attributes sheet or file or the levels
//!   table, and their codes;
//! - `output`: the framework as RON text; `naming`: names taken from the spreadsheet's file name.
//!
//! Sheets and columns are found by their names, never by position: real exports carry extra
//! sheets and title rows, and columns move between editions. A row that cannot become a skill
//! (or a level, or an attribute) is skipped with a reason and reported; it never stops the
//! import.

mod archive;
mod attributes;
mod cells;
mod header;
mod html;
mod labels;
mod level_columns;
mod level_rows;
mod levels;
mod limits;
mod naming;
mod output;
mod read;
mod rows;
#[cfg(test)]
mod test_sheets;
mod xlsx;

use std::collections::BTreeSet;
use std::fmt;

pub use header::HEADER_SEARCH_ROWS;
pub use naming::{attribution, default_file_name, names_from_file_name};
pub use output::to_ron;
pub use read::{read_workbook, ReadError};
pub use rows::{SkipReason, SkippedRow};

use crate::data::model::{Framework, Skill};
use crate::data::sources::size_text;

/// One sheet as rows of cell texts. `rows[i]` is the sheet's row `i + 1` and `rows[i][j]` its
/// column `j` (A = 0), so row numbers in reports match what a spreadsheet program shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<String>>,
}

/// The sheets of a file, in the file's order. A CSV file is one sheet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
    /// Things the reader noticed (a sheet it could not read, a text encoding it guessed).
    pub notes: Vec<String>,
}

/// What the import is told besides the cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    pub framework: String,
    pub edition: Option<String>,
    /// The `source:` attribution written into the data file.
    pub source: Option<String>,
    /// A separate file with the levels of responsibility (SFIA 9 ships one), read instead of a
    /// levels sheet in the skills file.
    pub levels_book: Option<Workbook>,
    /// A separate file with the attributes, read instead of an attributes sheet in the skills
    /// file or the attributes of the levels table.
    pub attributes_book: Option<Workbook>,
}

/// Which of the import's files a sheet is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRole {
    /// The file imported, with the skills.
    Skills,
    /// The file given with `--levels`.
    Levels,
    /// The file given with `--attributes`.
    Attributes,
}

/// A sheet of one of the import's files. A CSV file is one sheet named as the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: FileRole,
    pub sheet: String,
}

/// Where the levels came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LevelNamesFrom {
    /// This many levels were read from this sheet.
    Sheet { origin: Origin, count: usize },
    /// There was no levels sheet, or it gave no level: SFIA's standard names.
    Standard,
}

/// Where the attributes came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttributesFrom {
    /// This many attributes, with this many texts at a level between them, from this sheet.
    Sheet {
        origin: Origin,
        count: usize,
        texts: usize,
    },
    /// No sheet gave any.
    None,
}

/// A row or column of a sheet: rows counted from 1, columns from A, as a spreadsheet shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Row(usize),
    /// The column's index, A = 0.
    Column(usize),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Place::Row(row) => write!(f, "row {row}"),
            Place::Column(index) => write!(f, "column {}", column_letters(index)),
        }
    }
}

/// A = 0, Z = 25, AA = 26, …
fn column_letters(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let digit = (n - 1) % 26;
        letters.push(char::from(b'A' + digit as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A level or attribute left out of a levels or attributes sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedEntry {
    pub sheet: String,
    pub place: Place,
    pub reason: String,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub sheet: String,
    pub header_row: usize,
    pub skills: usize,
    /// Skill levels with a description, summed over the skills.
    pub defined_levels: usize,
    pub categories: usize,
    pub level_names: LevelNamesFrom,
    pub attributes: AttributesFrom,
    /// The skills sheet's rows left out.
    pub skipped: Vec<SkippedRow>,
    /// The levels and attributes left out.
    pub skipped_entries: Vec<SkippedEntry>,
    /// Observations that are not errors: a missing optional column, an unreadable levels sheet.
    pub notes: Vec<String>,
}

/// Why nothing could be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// No sheet has a header row naming the needed columns.
    NoSkillsSheet { sheets: Vec<String> },
    /// The header row was found but names no level description column.
    NoLevelColumns { sheet: String, row: usize },
    /// A levels file was given (`--levels`) and no level was read from it: why.
    NoLevelsInLevelsFile(String),
    /// An attributes file was given (`--attributes`) and no attribute was read from it: why.
    NoAttributesInAttributesFile(String),
    /// The result did not re-read as a data file (a bug, never the spreadsheet's fault).
    Serialize(String),
    /// The data file would be larger than skillscope loads.
    TooLarge { bytes: u64, max_bytes: u64 },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NoSkillsSheet { sheets } => {
                let names: Vec<String> = sheets.iter().map(|s| format!("{s:?}")).collect();
                write!(
                    f,
                    "no sheet has a header row with \"Code\", \"Skill\" and \"Overall description\" \
                     in its first {HEADER_SEARCH_ROWS} rows (sheets: {})",
                    if names.is_empty() {
                        "none".to_string()
                    } else {
                        names.join(", ")
                    }
                )
            }
            ImportError::NoLevelColumns { sheet, row } => write!(
                f,
                "the header row (sheet {sheet:?}, row {row}) has no \"Level 1 description\" … \
                 \"Level 7 description\" column"
            ),
            ImportError::NoLevelsInLevelsFile(why) => {
                write!(f, "the levels file gave no level: {why}")
            }
            ImportError::NoAttributesInAttributesFile(why) => {
                write!(f, "the attributes file gave no attribute: {why}")
            }
            ImportError::Serialize(message) => {
                write!(f, "the imported data does not re-read: {message}")
            }
            ImportError::TooLarge { bytes, max_bytes } => write!(
                f,
                "the data file would be {}, and skillscope loads data files of at most {}",
                size_text(*bytes),
                size_text(*max_bytes)
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Builds a framework from the skills sheet, and the levels and attributes from their sheets
/// or files when present.
pub fn import_workbook(
    book: &Workbook,
    options: &ImportOptions,
) -> Result<(Framework, ImportReport), ImportError> {
    let (sheet, header_index, columns) =
        header::find_skills_sheet(book).ok_or_else(|| ImportError::NoSkillsSheet {
            sheets: book.sheets.iter().map(|s| s.name.clone()).collect(),
        })?;
    if columns.levels.is_empty() {
        return Err(ImportError::NoLevelColumns {
            sheet: sheet.name.clone(),
            row: header_index + 1,
        });
    }
    let mut notes = book.notes.clone();
    notes.extend(columns.missing_column_notes());
    let (skills, skipped) = rows::read_skills(sheet, header_index, &columns);
    let levels = levels::choose_levels(book, options.levels_book.as_ref(), &mut notes)?;
    let attributes = attributes::choose_attributes(
        attributes::Sources {
            skills_book: book,
            skills_sheet: &sheet.name,
            attributes_book: options.attributes_book.as_ref(),
            levels_table: levels.attributes,
        },
        &mut notes,
    )?;
    let mut skipped_entries = levels.skipped;
    skipped_entries.extend(attributes.skipped);
    let report = ImportReport {
        sheet: sheet.name.clone(),
        header_row: header_index + 1,
        skills: skills.len(),
        defined_levels: skills.iter().map(|s| s.levels.0.len()).sum(),
        categories: count_categories(&skills),
        level_names: levels.from,
        attributes: attributes.from,
        skipped,
        skipped_entries,
        notes,
    };
    let framework = Framework {
        framework: options.framework.clone(),
        edition: options.edition.clone(),
        source: options.source.clone(),
        levels: levels.levels,
        attributes: attributes.attributes,
        skills,
    };
    Ok((framework, report))
}

fn count_categories(skills: &[Skill]) -> usize {
    (skills.iter())
        .filter_map(|s| s.category.as_deref())
        .collect::<BTreeSet<_>>()
        .len()
}

#[cfg(test)]
mod tests {
    use super::test_sheets::{row, sheet, skills_with_bad_rows, HEADER};
    use super::*;

    fn options() -> ImportOptions {
        ImportOptions {
            framework: "SFIA".into(),
            edition: Some("9".into()),
            source: Some(attribution("x.xlsx")),
            ..ImportOptions::default()
        }
    }

    #[test]
    fn the_report_counts_skills_levels_categories_and_skipped_rows() {
        let rows = skills_with_bad_rows();
        let book = Workbook {
            sheets: vec![sheet("Sheet1", rows)],
            notes: vec![],
        };
        let (framework, report) = import_workbook(&book, &options()).unwrap();
        let codes: Vec<&str> = framework.skills.iter().map(|s| s.code.as_str()).collect();
        assert_eq!(codes, ["ABCD", "EFGH"]);
        assert_eq!(report.header_row, 2);
        assert_eq!(
            (report.skills, report.defined_levels, report.categories),
            (2, 2, 2)
        );
        let skipped_rows: Vec<usize> = report.skipped.iter().map(|s| s.row).collect();
        assert_eq!(skipped_rows, [4, 5, 6, 7, 8]);
        assert_eq!(report.level_names, LevelNamesFrom::Standard);
        assert_eq!(framework.levels.len(), 7);
        assert_eq!(
            report.notes,
            [
                "the skills sheet has no \"Subcategory\" column",
                "the skills sheet has no \"Guidance notes\" column"
            ]
        );
        assert_eq!(
            framework.source.as_deref(),
            Some(attribution("x.xlsx").as_str())
        );
    }

    #[test]
    fn a_sheet_named_skills_wins_and_levels_come_from_their_sheet() {
        let skills = vec![row(&HEADER), row(&["ABCD", "Named", "C", "D", "Two.", ""])];
        let decoy = vec![row(&HEADER), row(&["WXYZ", "Decoy", "C", "D", "Two.", ""])];
        let levels = vec![
            row(&["Levels of responsibility"]),
            row(&["Level", "Guiding phrase", "Essence of the level"]),
            row(&["1", "Follow", "Works under close direction."]),
            row(&["Level 2", "Assist\u{a0}", ""]),
            row(&["2", "Ignored repeat", ""]),
            row(&["9", "Out of range", ""]),
        ];
        let book = Workbook {
            sheets: vec![
                sheet("Export summary", vec![row(&["Exported", "today"])]),
                sheet("Other", decoy),
                sheet("SKILLS ", skills),
                sheet("Levels of Responsibility", levels),
            ],
            notes: vec![],
        };
        let (framework, report) = import_workbook(&book, &options()).unwrap();
        assert_eq!(report.sheet, "SKILLS ");
        assert_eq!(framework.skills[0].code.as_str(), "ABCD");
        assert_eq!(
            report.level_names,
            LevelNamesFrom::Sheet {
                origin: Origin {
                    file: FileRole::Skills,
                    sheet: "Levels of Responsibility".into()
                },
                count: 2
            }
        );
        assert_eq!(framework.levels[0].name, "Follow");
        assert_eq!(
            framework.levels[0].essence.as_deref(),
            Some("Works under close direction.")
        );
        assert_eq!(framework.levels[1].name, "Assist");
        assert_eq!(framework.levels[1].essence, None);
    }

    #[test]
    fn an_unrecognised_levels_sheet_is_a_note_not_an_error() {
        let book = Workbook {
            sheets: vec![
                sheet(
                    "Skills",
                    vec![row(&HEADER), row(&["AB", "N", "C", "D", "S", ""])],
                ),
                sheet("Levels", vec![row(&["Something", "Else"])]),
            ],
            notes: vec![],
        };
        let (framework, report) = import_workbook(&book, &options()).unwrap();
        assert_eq!(report.level_names, LevelNamesFrom::Standard);
        assert_eq!(
            framework.levels[6].name,
            crate::data::model::STANDARD_LEVEL_NAMES[6]
        );
        assert!(
            report.notes.iter().any(|n| n.contains("\"Levels\"")),
            "{:?}",
            report.notes
        );
    }

    #[test]
    fn missing_header_or_level_columns_are_errors() {
        let book = Workbook {
            sheets: vec![sheet("Skills", vec![row(&["Code", "Name"])])],
            notes: vec![],
        };
        let error = import_workbook(&book, &options()).unwrap_err();
        assert!(error.to_string().contains("\"Skills\""), "{error}");
        let book = Workbook {
            sheets: vec![sheet(
                "Skills",
                vec![row(&[]), row(&["Code", "Skill", "Overall description"])],
            )],
            notes: vec![],
        };
        let error = import_workbook(&book, &options()).unwrap_err();
        assert_eq!(
            error,
            ImportError::NoLevelColumns {
                sheet: "Skills".into(),
                row: 2
            }
        );
    }

    #[test]
    fn a_levels_file_must_name_levels() {
        let skills = sheet(
            "Skills",
            vec![row(&HEADER), row(&["AB", "N", "C", "D", "S", ""])],
        );
        let own_levels = sheet(
            "Levels",
            vec![row(&["Level", "Level name"]), row(&["1", "Own"])],
        );
        let book = Workbook {
            sheets: vec![skills, own_levels],
            notes: vec!["skills note".into()],
        };
        let import_with = |levels_book: Workbook| {
            let options = ImportOptions {
                levels_book: Some(levels_book),
                ..options()
            };
            import_workbook(&book, &options)
        };
        let levels_file = Workbook {
            sheets: vec![sheet(
                "levels.csv",
                vec![
                    row(&["Level", "1", "2"]),
                    row(&["Guiding phrase", "Follow", "Assist"]),
                ],
            )],
            notes: vec!["levels note".into()],
        };
        let (framework, report) = import_with(levels_file).unwrap();
        let names: Vec<&str> = framework.levels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(
            names,
            ["Follow", "Assist"],
            "the file wins over the Levels sheet"
        );
        assert_eq!(
            report.level_names,
            LevelNamesFrom::Sheet {
                origin: Origin {
                    file: FileRole::Levels,
                    sheet: "levels.csv".into()
                },
                count: 2
            }
        );
        assert_eq!(
            report.notes.first().map(String::as_str),
            Some("skills note")
        );
        assert_eq!(report.notes.last().map(String::as_str), Some("levels note"));

        let no_sheet = import_with(Workbook::default()).unwrap_err();
        assert_eq!(
            no_sheet.to_string(),
            "the levels file gave no level: it has no sheet"
        );
        let header_only = Workbook {
            sheets: vec![sheet("LoR", vec![row(&["Level", "Level name"])])],
            notes: vec![],
        };
        assert_eq!(
            import_with(header_only).unwrap_err(),
            ImportError::NoLevelsInLevelsFile("sheet \"LoR\" names no level".into())
        );
        let unrecognised = Workbook {
            sheets: vec![sheet("Other", vec![row(&["Something", "Else"])])],
            notes: vec![],
        };
        let error = import_with(unrecognised).unwrap_err().to_string();
        assert!(
            error.contains("sheet \"Other\" has no \"Level\""),
            "{error}"
        );
    }
}
