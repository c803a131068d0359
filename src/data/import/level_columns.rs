//! A levels table laid out a level a column, with labels down one column, as SFIA 9 lays out
//! its levels table and its beta exports their responsibilities file:
//!
//! ```text
//! Level,                1,          2,          …
//! Guiding phrase,       Follow,     Assist,     …
//! Essence of the level, Performs …, Provides …, …
//! URL,                  https://…,  https://…,  …
//!
//! level_title,          Level 1 - Follow,           Level 2 - Assist, …
//! level_essence,        Essence of the level: …,    …
//! level_guidance,       …
//! autonomy_heading,     Autonomy,                   Autonomy, …
//! autonomy_description, Works under …,              …
//! ```
//!
//! The labels are told by their meaning ([`classify`]): the level row (optional when the names
//! carry the numbers, "Level 4 - Enable"), the names, the essence, the guidance; `X_heading` and
//! `X_description` rows name an attribute and give its text at each level; any other labelled
//! row is an attribute of that name.

use super::attributes::AttributeDraft;
use super::cells::{cell, clean_line};
use super::header::{find_skills_header, header_key, HEADER_SEARCH_ROWS};
use super::labels::{classify, level_cell, level_name, Label, LevelCell};
use super::level_rows::capitalised;
use super::levels::LevelsTable;
use super::{Place, Sheet};
use crate::data::model::Level;

/// Where the labels are: their column, and the rows below the first label that are read.
struct Layout {
    label_column: usize,
    /// The row with the level numbers, if the sheet has one.
    level_row: Option<usize>,
    /// The first row read for names, essence, guidance and attributes.
    first_row: usize,
    name_row: usize,
}

/// The table, if the sheet has labels of this layout (it may still give no level).
pub fn read(sheet: &Sheet) -> Option<LevelsTable> {
    let layout = find_layout(sheet)?;
    let mut table = LevelsTable::new(sheet);
    let levels = column_levels(sheet, &layout, &mut table);
    let row_labelled = |wanted: Label| {
        (sheet.rows.iter().enumerate().skip(layout.first_row))
            .find(|(_, row)| label_of(row, layout.label_column) == wanted)
            .map(|(_, row)| row)
    };
    let essences = row_labelled(Label::Essence);
    let guidance = row_labelled(Label::Guidance);
    let names = &sheet.rows[layout.name_row];
    let attribute_rows = attribute_rows(sheet, &layout, &mut table);
    for (column, level) in levels {
        let essence = essences.map(|row| cell(row, column));
        let guidance = guidance.map(|row| cell(row, column));
        let name = level_name(cell(names, column));
        if table.add_level(level, Place::Column(column), name, essence, guidance) {
            for (index, row) in attribute_rows.iter().enumerate() {
                table.add_text(index, level, cell(&sheet.rows[*row], column));
            }
        }
    }
    Some(table.finish())
}

fn label_of(row: &[String], column: usize) -> Label {
    classify(&header_key(cell(row, column)))
}

/// The column of a row's first filled cell, and whether a filled cell follows it.
fn first_filled(row: &[String]) -> Option<(usize, bool)> {
    let column = row.iter().position(|c| !clean_line(c).is_empty())?;
    let more = row[column + 1..].iter().any(|c| !clean_line(c).is_empty());
    Some((column, more))
}

/// A level row (a "Level" label with level numbers after it) near the top, or else a row of
/// names; and a row of names below it, or the level row when its cells name the levels.
fn find_layout(sheet: &Sheet) -> Option<Layout> {
    if find_skills_header(sheet).is_some() {
        return None;
    }
    let near_top = || sheet.rows.iter().take(HEADER_SEARCH_ROWS).enumerate();
    let level_row = near_top().find_map(|(index, row)| {
        let (column, _) = first_filled(row)?;
        let numbers = row[column + 1..]
            .iter()
            .any(|c| matches!(level_cell(c), LevelCell::Level(..)));
        (label_of(row, column) == Label::Level && numbers).then_some((index, column))
    });
    let (first_row, label_column) = match level_row {
        Some((index, column)) => (index + 1, column),
        None => near_top().find_map(|(index, row)| {
            let (column, more) = first_filled(row)?;
            (more && label_of(row, column) == Label::Name).then_some((index, column))
        })?,
    };
    // Without a row of names, a level row of "1 - Follow" cells names the levels itself.
    let names_in_level_row = level_row.map(|(index, _)| index).filter(|&index| {
        (sheet.rows[index].iter().skip(label_column + 1))
            .any(|text| matches!(level_cell(text), LevelCell::Level(_, name) if !name.is_empty()))
    });
    let name_row = (first_row..sheet.rows.len())
        .find(|&index| label_of(&sheet.rows[index], label_column) == Label::Name)
        .or(names_in_level_row)?;
    Some(Layout {
        label_column,
        level_row: level_row.map(|(index, _)| index),
        first_row,
        name_row,
    })
}

/// Each column's level, from the level row or else from the number in its name ("Level 4 -
/// Enable"), in column order; columns that give no level are skipped (reported when they have a
/// name).
fn column_levels(sheet: &Sheet, layout: &Layout, table: &mut LevelsTable) -> Vec<(usize, Level)> {
    let names = &sheet.rows[layout.name_row];
    let numbers = layout.level_row.map(|index| &sheet.rows[index]);
    let width = names.len().max(numbers.map_or(0, Vec::len));
    let mut levels = Vec::new();
    for column in layout.label_column + 1..width {
        let from_number = numbers.map(|row| level_cell(cell(row, column)));
        let from_name = level_cell(cell(names, column));
        match (from_number, from_name) {
            (Some(LevelCell::Level(level, _)), _)
            | (None | Some(LevelCell::NotALevel), LevelCell::Level(level, _)) => {
                levels.push((column, level))
            }
            (Some(LevelCell::OutOfRange(n)), _) | (None, LevelCell::OutOfRange(n)) => {
                table.skip(Place::Column(column), format!("level {n} is outside 1–7"));
            }
            _ if !clean_line(cell(names, column)).is_empty() => {
                table.skip(Place::Column(column), "no level number".to_string());
            }
            _ => {}
        }
    }
    levels
}

/// The rows of attributes, in the order of the attributes added to the table: an `X_description`
/// row (named by its `X_heading` row), or a row with any other label.
fn attribute_rows(sheet: &Sheet, layout: &Layout, table: &mut LevelsTable) -> Vec<usize> {
    let rows = || sheet.rows.iter().enumerate().skip(layout.first_row);
    let heading = |key: &str| {
        rows()
            .find(|(_, row)| label_of(row, layout.label_column) == Label::Heading(key.into()))
            .and_then(|(_, row)| {
                (row[layout.label_column + 1..].iter())
                    .map(|text| clean_line(text))
                    .find(|text| !text.is_empty())
            })
    };
    let mut found = Vec::new();
    for (index, row) in rows() {
        let name = match label_of(row, layout.label_column) {
            Label::Texts(key) => heading(&key).unwrap_or_else(|| capitalised(&key)),
            Label::Attribute => clean_line(cell(row, layout.label_column)),
            _ => continue,
        };
        table
            .attributes
            .push(AttributeDraft::named(name, Place::Row(index + 1)));
        found.push(index);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::super::test_sheets::{level_summary, row, sheet};
    use super::*;

    fn levels_sheet(rows: &[&[&str]]) -> Sheet {
        sheet(
            "Levels of responsibility",
            rows.iter().map(|cells| row(cells)).collect(),
        )
    }

    #[test]
    fn a_level_a_column_with_labels_down_the_first_column() {
        // SFIA 9's levels table, with a title row above and an empty first column.
        let table = read(&levels_sheet(&[
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
                "",
            ],
            &["", "Guidance notes", "One.\n\nTwo.", "", ""],
        ]))
        .unwrap();
        assert_eq!(
            level_summary(&table.levels),
            [
                (1, "Follow", Some("Performs routine tasks.")),
                (2, "Assist", None),
                (3, "Apply", Some("Performs varied work.")),
            ]
        );
        assert_eq!(table.levels[0].guidance.as_deref(), Some("One.\n\nTwo."));
        assert!(table.attributes.is_empty() && table.skipped.is_empty());
    }

    #[test]
    fn rows_above_the_level_row_and_a_stray_header_do_not_mislead() {
        let table = read(&levels_sheet(&[
            &["Title", "SFIA 9 levels of responsibility"],
            &["Level", "Level name"],
            &[],
            &["Level", "1", "2"],
            &["Guiding phrase", "Follow", "Assist"],
        ]))
        .unwrap();
        assert_eq!(
            level_summary(&table.levels),
            [(1, "Follow", None), (2, "Assist", None)]
        );
    }

    #[test]
    fn beta_responsibilities_name_their_levels_and_attributes_by_snake_case_rows() {
        let table = read(&sheet(
            "responsibilities.csv",
            vec![
                row(&[
                    "level_title",
                    "Level 1 - Follow",
                    "Level 2 - ",
                    "<p>Level 3 - Apply</p>",
                    "Level 9 - Far",
                    "Notes",
                ]),
                row(&[
                    "level_essence",
                    "Essence of the level: Does as told.",
                    "",
                    "<p>Essence of the level:</p><p>Works &amp; plans.</p>",
                ]),
                row(&["level_guidance", "<ul><li>one</li><li>two</li></ul>"]),
                row(&["autonomy_heading", "Autonomy", "Autonomy", "Autonomy"]),
                row(&[
                    "autonomy_description",
                    "<p>Is told.</p><p>Asks.</p>",
                    "Is guided.",
                    "",
                ]),
                row(&["decision_making_description", "Decides little.", "", ""]),
                row(&["business_skills_heading", "Business skills", "", ""]),
                row(&["", "stray", "", ""]),
            ],
        ))
        .unwrap();
        assert_eq!(
            level_summary(&table.levels),
            [
                (1, "Follow", Some("Does as told.")),
                (2, "Assist", None),
                (3, "Apply", Some("Works & plans.")),
            ]
        );
        assert_eq!(table.unnamed, [Level::new(2).unwrap()]);
        assert_eq!(table.levels[0].guidance.as_deref(), Some("- one\n- two"));
        let attributes: Vec<(&str, Place)> = (table.attributes.iter())
            .map(|a| (a.name.as_str(), a.place))
            .collect();
        assert_eq!(
            attributes,
            [
                ("Autonomy", Place::Row(5)),
                ("Decision making", Place::Row(6))
            ]
        );
        let autonomy = &table.attributes[0].levels;
        assert_eq!(autonomy[&Level::new(1).unwrap()], ["Is told.", "Asks."]);
        assert_eq!(autonomy[&Level::new(2).unwrap()], ["Is guided."]);
        assert_eq!(autonomy.len(), 2);
        let skipped: Vec<String> = (table.skipped.iter())
            .map(|s| format!("{}: {}", s.place, s.reason))
            .collect();
        assert_eq!(
            skipped,
            [
                "column E: level 9 is outside 1–7",
                "column F: no level number"
            ]
        );
    }

    #[test]
    fn a_level_row_wins_over_the_numbers_in_the_names_and_repeats_are_skipped() {
        let table = read(&levels_sheet(&[
            &["Level", "4", "5", "5"],
            &["Guiding phrase", "Level 4 - Enable", "Ensure", "Again"],
            &["Autonomy", "Broad.", "Wide.", "Never read."],
        ]))
        .unwrap();
        assert_eq!(
            level_summary(&table.levels),
            [(4, "Enable", None), (5, "Ensure", None)]
        );
        assert_eq!(table.attributes[0].levels.len(), 2);
        assert_eq!(
            table.skipped[0].reason,
            "repeats level 5 (first in column C)".to_string()
        );
    }

    #[test]
    fn a_level_row_of_numbers_and_names_needs_no_row_of_names() {
        let table = read(&levels_sheet(&[
            &["Level", "1 - Follow", "2 - ", "3 - Apply"],
            &["Autonomy", "Is told.", "Is guided.", "Plans."],
        ]))
        .unwrap();
        assert_eq!(
            level_summary(&table.levels),
            [(1, "Follow", None), (2, "Assist", None), (3, "Apply", None)]
        );
        assert_eq!(table.attributes[0].levels.len(), 3);
    }

    #[test]
    fn a_sheet_without_names_is_not_this_layout() {
        assert!(read(&levels_sheet(&[&["Level", "1", "2"], &["URL", "a", "b"]])).is_none());
    }
}
