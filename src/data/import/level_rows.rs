//! A levels table laid out a level a row, under a header row that names its columns:
//!
//! ```text
//! Level,       Autonomy,       Influence, …, Business skills
//! 1 - Follow,  Works under …,  Interacts …, …
//! 2 - ,        Works under …,  …
//! ```
//!
//! The level column is the one headed "Level" (or left unheaded, when the rows under it hold
//! "1 - Follow"); a level's name is in a "Level name" / "Guiding phrase" column, or after the
//! number in the level cell, or else SFIA's standard one. "Essence" and "Guidance notes" columns
//! are the level's; every other headed column is an attribute (SFIA 8's autonomy, influence,
//! complexity, knowledge and business skills), its cell in a level's row its text at that level.

use super::attributes::AttributeDraft;
use super::cells::{cell, clean_line};
use super::header::{find_skills_header, header_key, HEADER_SEARCH_ROWS};
use super::labels::{classify, level_cell, level_name, Label, LevelCell};
use super::levels::LevelsTable;
use super::{Place, Sheet};

/// Where each field is in the header row.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RowColumns {
    level: usize,
    name: Option<usize>,
    essence: Option<usize>,
    guidance: Option<usize>,
    /// The attribute columns and their names.
    attributes: Vec<(usize, String)>,
}

impl RowColumns {
    /// The columns whose text is read, to tell a row with something in it.
    fn read(&self) -> impl Iterator<Item = usize> + '_ {
        [self.name, self.essence, self.guidance]
            .into_iter()
            .flatten()
            .chain(self.attributes.iter().map(|(column, _)| *column))
    }
}

/// The table, if the sheet has a header row of this layout (it may still give no level).
pub fn read(sheet: &Sheet) -> Option<LevelsTable> {
    let (header_index, columns) = find_header(sheet)?;
    let mut table = LevelsTable::new(sheet);
    for (column, name) in &columns.attributes {
        let draft = AttributeDraft::named(name.clone(), Place::Column(*column));
        table.attributes.push(draft);
    }
    for (index, row) in sheet.rows.iter().enumerate().skip(header_index + 1) {
        let place = Place::Row(index + 1);
        match level_cell(cell(row, columns.level)) {
            LevelCell::Level(level, name_in_cell) => {
                let name = (columns.name)
                    .map(|column| level_name(cell(row, column)))
                    .filter(|name| !name.is_empty())
                    .unwrap_or(name_in_cell);
                let essence = columns.essence.map(|column| cell(row, column));
                let guidance = columns.guidance.map(|column| cell(row, column));
                if table.add_level(level, place, name, essence, guidance) {
                    for (index, (column, _)) in columns.attributes.iter().enumerate() {
                        table.add_text(index, level, cell(row, *column));
                    }
                }
            }
            LevelCell::OutOfRange(number) => {
                table.skip(place, format!("level {number} is outside 1–7"));
            }
            LevelCell::NotALevel => {
                if columns.read().any(|c| !clean_line(cell(row, c)).is_empty()) {
                    table.skip(place, "no level number".to_string());
                }
            }
        }
    }
    Some(table.finish())
}

/// The first row near the top with a level column and at least one column to read, that is
/// not the skills sheet's header.
fn find_header(sheet: &Sheet) -> Option<(usize, RowColumns)> {
    if find_skills_header(sheet).is_some() {
        return None;
    }
    (sheet.rows.iter())
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(index, row)| {
            let columns = columns_of(sheet, index, row)?;
            let reads_something = columns.read().next().is_some();
            reads_something.then_some((index, columns))
        })
}

fn columns_of(sheet: &Sheet, header_index: usize, row: &[String]) -> Option<RowColumns> {
    let labels: Vec<Label> = row.iter().map(|text| classify(&header_key(text))).collect();
    let level = (labels.iter().position(|label| *label == Label::Level))
        .or_else(|| unheaded_level_column(sheet, header_index, row))?;
    let mut columns = RowColumns {
        level,
        name: None,
        essence: None,
        guidance: None,
        attributes: Vec::new(),
    };
    for (column, label) in labels.into_iter().enumerate() {
        if column == level {
            continue;
        }
        let slot = match label {
            Label::Name => &mut columns.name,
            Label::Essence => &mut columns.essence,
            Label::Guidance => &mut columns.guidance,
            Label::Attribute => {
                columns.attributes.push((column, clean_line(&row[column])));
                continue;
            }
            Label::Texts(key) => {
                columns.attributes.push((column, capitalised(&key)));
                continue;
            }
            Label::Level | Label::Ignored | Label::Heading(_) => continue,
        };
        slot.get_or_insert(column);
    }
    Some(columns)
}

/// A column without a heading whose cell in the next filled row is a level ("1 - Follow").
fn unheaded_level_column(sheet: &Sheet, header_index: usize, header: &[String]) -> Option<usize> {
    let next = (sheet.rows.iter().skip(header_index + 1))
        .find(|row| row.iter().any(|c| !clean_line(c).is_empty()))?;
    (0..next.len()).find(|&column| {
        clean_line(cell(header, column)).is_empty()
            && matches!(level_cell(&next[column]), LevelCell::Level(..))
    })
}

/// "decision making" → "Decision making".
pub fn capitalised(key: &str) -> String {
    let mut chars = key.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_sheets::{level_summary, row, sheet};
    use super::*;
    use crate::data::model::Level;

    fn texts(table: &LevelsTable, attribute: usize, level: u8) -> Vec<String> {
        let levels = &table.attributes[attribute].levels;
        (levels.get(&Level::new(level).unwrap()).cloned()).unwrap_or_default()
    }

    #[test]
    fn a_level_a_row_under_a_header_row() {
        let table = read(&sheet(
            "Levels of responsibility",
            vec![
                row(&["Levels of responsibility"]),
                row(&["Level", "Guiding phrase", "Essence of the level"]),
                row(&["1", "Follow", "Performs routine tasks.\r\n"]),
                row(&["2.0", "Assist", ""]),
            ],
        ))
        .unwrap();
        assert_eq!(
            level_summary(&table.levels),
            [
                (1, "Follow", Some("Performs routine tasks.")),
                (2, "Assist", None)
            ]
        );
        assert!(table.attributes.is_empty() && table.skipped.is_empty());
    }

    #[test]
    fn sfia_8_levels_hold_their_names_in_the_level_cell_and_attributes_as_columns() {
        let table = read(&sheet(
            "Levels of responsibility",
            vec![
                row(&[
                    "Level",
                    "Autonomy",
                    "Influence",
                    "Complexity",
                    "Business skills",
                    "Knowledge",
                ]),
                row(&[
                    "1 - Follow",
                    "Is told what.\nAsks.",
                    "Meets few.",
                    "",
                    "Uses tools.",
                    "",
                ]),
                row(&["2 - ", "Is guided.", "", "", "", "Knows some."]),
                row(&[
                    "Level 3 - Apply",
                    "Autonomy: Plans own work.",
                    "",
                    "",
                    "",
                    "",
                ]),
                row(&["3 - Again", "Ignored.", "", "", "", ""]),
                row(&["8 - Beyond", "Ignored.", "", "", "", ""]),
                row(&["Note", "Text without a level.", "", "", "", ""]),
                row(&["© nobody"]),
            ],
        ))
        .unwrap();
        assert_eq!(
            level_summary(&table.levels),
            [(1, "Follow", None), (2, "Assist", None), (3, "Apply", None)]
        );
        assert_eq!(table.unnamed, [Level::new(2).unwrap()]);
        let attribute_names: Vec<&str> = table.attributes.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            attribute_names,
            [
                "Autonomy",
                "Influence",
                "Complexity",
                "Business skills",
                "Knowledge"
            ]
        );
        assert_eq!(texts(&table, 0, 1), ["Is told what.", "Asks."]);
        assert_eq!(
            texts(&table, 0, 3),
            ["Plans own work."],
            "the label is dropped"
        );
        assert_eq!(texts(&table, 4, 2), ["Knows some."]);
        assert!(table.attributes[2].levels.is_empty());
        assert_eq!(table.attributes[3].place, Place::Column(4));
        let skipped: Vec<String> = (table.skipped.iter())
            .map(|s| format!("{}: {}", s.place, s.reason))
            .collect();
        assert_eq!(
            skipped,
            [
                "row 5: repeats level 3 (first in row 4)",
                "row 6: level 8 is outside 1–7",
                "row 7: no level number",
            ]
        );
    }

    #[test]
    fn an_unheaded_level_column_is_found_by_its_cells() {
        let table = read(&sheet(
            "LoR",
            vec![
                row(&["", "Autonomy", "Influence"]),
                row(&[]),
                row(&["1 - Follow", "Is told.", "Meets few."]),
            ],
        ))
        .unwrap();
        assert_eq!(level_summary(&table.levels), [(1, "Follow", None)]);
        assert_eq!(texts(&table, 1, 1), ["Meets few."]);
    }

    #[test]
    fn a_skills_sheet_or_a_header_without_columns_to_read_is_not_this_layout() {
        let skills = sheet(
            "Skills",
            vec![
                row(&[
                    "#",
                    "Code",
                    "Skill",
                    "Overall description",
                    "Level 1 description",
                ]),
                row(&["1", "ABCD", "Name", "D", "S"]),
            ],
        );
        assert_eq!(read(&skills), None);
        let bare = sheet(
            "LoR",
            vec![row(&["Level", "1", "2"]), row(&["URL", "a", "b"])],
        );
        assert_eq!(read(&bare), None);
    }
}
