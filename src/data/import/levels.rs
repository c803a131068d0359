//! Level names (and the essence of each level) from a levels-of-responsibility sheet, and which
//! sheet gives them: a separate levels file, the skills file's levels sheet, or none (SFIA's
//! standard names).
//!
//! Two layouts are read. Down the rows: a header row with "Level", "Level name" (or "Guiding
//! phrase") and "Essence", then a level a row. Across the columns: the same names down the first
//! column and a level a column, as SFIA 9 lays out its levels table:
//!
//! ```text
//! Level,                1,        2,      …
//! Guiding phrase,       Follow,   Assist, …
//! Essence of the level, Performs…, Provides…, …
//! ```

use super::cells::{cell, clean_line, clean_text};
use super::header::{find_column, header_key, HEADER_SEARCH_ROWS};
use super::{ImportError, LevelNamesFrom, Sheet, Workbook};
use crate::data::model::{Level, LevelName};

const LEVEL_LABELS: &[&str] = &["level", "level number", "levels", "#"];
const NAME_LABELS: &[&str] = &[
    "level name",
    "name",
    "guiding phrase",
    "guiding phrases",
    "guiding word",
    "guiding words",
    "title",
    "level title",
];
const ESSENCE_LABELS: &[&str] = &[
    "essence",
    "essence of the level",
    "essence of level",
    "level essence",
    "description",
    "level description",
];

/// The level names of an import and where they came from, from the levels file when one was
/// given (`--levels`), else from the skills file. Notes about them are added to `notes`.
pub fn choose_level_names(
    book: &Workbook,
    levels_book: Option<&Workbook>,
    notes: &mut Vec<String>,
) -> Result<(Vec<LevelName>, LevelNamesFrom), ImportError> {
    match levels_book {
        Some(levels_book) => {
            notes.extend(levels_book.notes.iter().cloned());
            from_levels_file(levels_book).map_err(ImportError::NoLevelsInLevelsFile)
        }
        None => Ok(from_skills_file(book, notes)),
    }
}

/// The levels of a levels file: its levels sheet, or its only or first sheet. Asked for by
/// name, the file must name levels; standard names would hide that it was not read.
fn from_levels_file(book: &Workbook) -> Result<(Vec<LevelName>, LevelNamesFrom), String> {
    let sheet = (find_levels_sheet(book).or(book.sheets.first())).ok_or("it has no sheet")?;
    let levels = levels_from_sheet(sheet)?;
    if levels.is_empty() {
        return Err(format!("sheet {:?} names no level", sheet.name));
    }
    Ok(named_by(sheet, levels))
}

/// The levels of the skills file's levels sheet; without one, or when it names none, SFIA's
/// standard names (with a note saying why, when the sheet is there).
fn from_skills_file(book: &Workbook, notes: &mut Vec<String>) -> (Vec<LevelName>, LevelNamesFrom) {
    let Some(sheet) = find_levels_sheet(book) else {
        return standard_levels();
    };
    match levels_from_sheet(sheet) {
        Ok(levels) if !levels.is_empty() => named_by(sheet, levels),
        Ok(_) => {
            notes.push(format!(
                "sheet {:?} names no level; SFIA's standard level names are used",
                sheet.name
            ));
            standard_levels()
        }
        Err(note) => {
            notes.push(note);
            standard_levels()
        }
    }
}

fn named_by(sheet: &Sheet, levels: Vec<LevelName>) -> (Vec<LevelName>, LevelNamesFrom) {
    let from = LevelNamesFrom::Sheet {
        sheet: sheet.name.clone(),
        count: levels.len(),
    };
    (levels, from)
}

fn standard_levels() -> (Vec<LevelName>, LevelNamesFrom) {
    let levels = Level::all().map(LevelName::standard).collect();
    (levels, LevelNamesFrom::Standard)
}

/// The sheet named for the levels ("Levels of responsibility", "Levels", "LoR"), if any.
pub fn find_levels_sheet(book: &Workbook) -> Option<&Sheet> {
    book.sheets.iter().find(|s| {
        let key = header_key(&s.name);
        key.contains("levels of responsibility") || key == "levels" || key == "lor"
    })
}

/// The levels a sheet names, in either layout, or a note saying why none were read.
pub fn levels_from_sheet(sheet: &Sheet) -> Result<Vec<LevelName>, String> {
    let found = |levels: &Vec<LevelName>| !levels.is_empty();
    let by_rows = down_the_rows(sheet);
    (by_rows.clone().filter(found))
        .or_else(|| across_the_columns(sheet).filter(found))
        .or(by_rows)
        .ok_or_else(|| {
            format!(
                "sheet {:?} has no \"Level\" and \"Level name\" (or \"Guiding phrase\") \
                 headings, in a row or down the first column; SFIA's standard level names are used",
                sheet.name
            )
        })
}

/// A level number in a cell: "3", "3.0", "Level 3".
pub fn level_cell(text: &str) -> Option<Level> {
    let key = header_key(text);
    let rest = key.strip_prefix("level").unwrap_or(&key).trim();
    let number = rest.strip_suffix(".0").unwrap_or(rest);
    number.parse::<u8>().ok().and_then(Level::new)
}

/// A header row, then a level a row.
fn down_the_rows(sheet: &Sheet) -> Option<Vec<LevelName>> {
    let (header_row, level_column, name_column, essence_column) = (sheet.rows.iter())
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(i, row)| {
            let keys: Vec<String> = row.iter().map(|c| header_key(c)).collect();
            let level = find_column(&keys, LEVEL_LABELS)?;
            let name = find_column(&keys, NAME_LABELS)?;
            let essence = find_column(&keys, ESSENCE_LABELS)
                .or_else(|| keys.iter().position(|k| k.starts_with("essence")));
            Some((i, level, name, essence))
        })?;
    let mut levels = Vec::new();
    for row in &sheet.rows[header_row + 1..] {
        if let Some(level) = level_cell(cell(row, level_column)) {
            let essence = essence_column.map(|c| cell(row, c));
            add_level(&mut levels, level, cell(row, name_column), essence);
        }
    }
    Some(sorted(levels))
}

/// Labels down one column (the first that holds one), then a level a column.
fn across_the_columns(sheet: &Sheet) -> Option<Vec<LevelName>> {
    let label_of = |row: &Vec<String>, column: usize| header_key(cell(row, column));
    let (level_row, label_column) = (sheet.rows.iter())
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(i, row)| {
            let column = row.iter().position(|c| !clean_line(c).is_empty())?;
            let labelled = LEVEL_LABELS.contains(&label_of(row, column).as_str());
            let numbers = row[column + 1..].iter().any(|c| level_cell(c).is_some());
            (labelled && numbers).then_some((i, column))
        })?;
    // The other labelled rows follow the level row (a title above it is not one of them).
    let below = &sheet.rows[level_row + 1..];
    let row_labelled = |labels: &[&str]| {
        (below.iter()).find(|row| labels.contains(&label_of(row, label_column).as_str()))
    };
    let names = row_labelled(NAME_LABELS)?;
    let essences = row_labelled(ESSENCE_LABELS)
        .or_else(|| (below.iter()).find(|row| label_of(row, label_column).starts_with("essence")));
    let mut levels = Vec::new();
    for (column, text) in sheet.rows[level_row].iter().enumerate() {
        if column <= label_column {
            continue;
        }
        if let Some(level) = level_cell(text) {
            let essence = essences.map(|row| cell(row, column));
            add_level(&mut levels, level, cell(names, column), essence);
        }
    }
    Some(sorted(levels))
}

/// Adds a level unless its name is empty or the level is already named.
fn add_level(levels: &mut Vec<LevelName>, level: Level, name: &str, essence: Option<&str>) {
    let name = clean_line(name);
    if name.is_empty() || levels.iter().any(|l: &LevelName| l.level == level) {
        return;
    }
    let essence = essence.map(clean_text).filter(|text| !text.is_empty());
    levels.push(LevelName {
        level,
        name,
        essence,
        guidance: None,
    });
}

fn sorted(mut levels: Vec<LevelName>) -> Vec<LevelName> {
    levels.sort_by_key(|l| l.level);
    levels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            name: "Levels of responsibility".into(),
            rows: (rows.iter())
                .map(|row| row.iter().map(|c| c.to_string()).collect())
                .collect(),
        }
    }

    fn names(levels: &[LevelName]) -> Vec<(u8, &str, Option<&str>)> {
        (levels.iter())
            .map(|l| (l.level.get(), l.name.as_str(), l.essence.as_deref()))
            .collect()
    }

    #[test]
    fn a_level_a_row_under_a_header_row() {
        let levels = levels_from_sheet(&sheet(&[
            &["Levels of responsibility"],
            &["Level", "Guiding phrase", "Essence of the level"],
            &["1", "Follow", "Performs routine tasks.\r\n"],
            &["2.0", "Assist", ""],
        ]))
        .unwrap();
        assert_eq!(
            names(&levels),
            [
                (1, "Follow", Some("Performs routine tasks.")),
                (2, "Assist", None)
            ]
        );
    }

    #[test]
    fn a_level_a_column_with_labels_down_the_first_column() {
        // SFIA 9's levels table, with a title row above and an empty first column.
        let levels = levels_from_sheet(&sheet(&[
            &["", "Levels of responsibility"],
            &["", "Level", "1", "2", "3"],
            &["", "Guiding phrase", "Follow", "Assist", "Apply"],
            &[
                "",
                "Essence of the level",
                "Performs routine tasks.",
                "",
                "Performs varied work.",
            ],
            &[
                "",
                "URL",
                "https://example.org/1",
                "https://example.org/2",
                "https://example.org/3",
            ],
        ]))
        .unwrap();
        assert_eq!(
            names(&levels),
            [
                (1, "Follow", Some("Performs routine tasks.")),
                (2, "Assist", None),
                (3, "Apply", Some("Performs varied work.")),
            ]
        );
    }

    #[test]
    fn rows_above_the_level_row_and_a_stray_header_do_not_mislead() {
        let levels = levels_from_sheet(&sheet(&[
            &["Title", "SFIA 9 levels of responsibility"],
            &["Level", "Level name"],
            &[],
            &["Level", "1", "2"],
            &["Guiding phrase", "Follow", "Assist"],
        ]))
        .unwrap();
        assert_eq!(names(&levels), [(1, "Follow", None), (2, "Assist", None)]);
    }

    #[test]
    fn a_sheet_without_names_is_a_note() {
        let error = levels_from_sheet(&sheet(&[&["Level", "1", "2"], &["URL", "a", "b"]]));
        assert!(error.unwrap_err().contains("standard level names"));
    }
}
