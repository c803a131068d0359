//! The levels of responsibility (names, essence, guidance), and the attributes a levels table
//! carries with them, from a levels sheet; and which sheet gives them: a separate levels file,
//! the skills file's levels sheet, or none (SFIA's standard names).
//!
//! A levels table comes in two layouts, read by [`level_rows`](super::level_rows) (a level a
//! row, as in SFIA 8 and simple tables) and [`level_columns`](super::level_columns) (a level a
//! column, as in SFIA 9 and its beta exports). Both fill a [`LevelsTable`].

use super::attributes::AttributeDraft;
use super::cells::{clean_text, guidance_of_clean, without_label};
use super::header::{header_key, GUIDANCE_HEADERS};
use super::labels::ESSENCE_LABELS;
use super::{
    level_columns, level_rows, FileRole, ImportError, LevelNamesFrom, Origin, Place, Sheet,
    SkippedEntry, Workbook,
};
use crate::data::model::{describe_levels, Level, LevelName};

/// What a levels sheet gives: its levels, its attributes (if it has any), and what was left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LevelsTable {
    pub levels: Vec<LevelName>,
    /// The levels the table gives no name, named with SFIA's standard names.
    pub unnamed: Vec<Level>,
    pub attributes: Vec<AttributeDraft>,
    pub skipped: Vec<SkippedEntry>,
    sheet: String,
    /// Where each level was read, to point at the first when one repeats.
    places: Vec<(Level, Place)>,
}

impl LevelsTable {
    pub fn new(sheet: &Sheet) -> LevelsTable {
        LevelsTable {
            sheet: sheet.name.clone(),
            ..LevelsTable::default()
        }
    }

    /// Adds a level read at `place` with its name (empty: SFIA's standard name) and the raw
    /// cells of its essence and guidance. A level read before is skipped instead: false then.
    pub fn add_level(
        &mut self,
        level: Level,
        place: Place,
        name: String,
        essence: Option<&str>,
        guidance: Option<&str>,
    ) -> bool {
        if let Some((_, first)) = self.places.iter().find(|(l, _)| *l == level) {
            let reason = format!("repeats level {level} (first in {first})");
            self.skip(place, reason);
            return false;
        }
        self.places.push((level, place));
        let name = if name.is_empty() {
            self.unnamed.push(level);
            level.standard_name().to_string()
        } else {
            name
        };
        let essence = essence
            .map(|raw| without_label(&clean_text(raw), ESSENCE_LABELS).to_string())
            .filter(|text| !text.is_empty());
        let guidance = guidance
            .and_then(|raw| guidance_of_clean(without_label(&clean_text(raw), GUIDANCE_HEADERS)));
        self.levels.push(LevelName {
            level,
            name,
            essence,
            guidance,
        });
        true
    }

    /// Adds the text of attribute `index` at a level, from its raw cell
    /// ([`AttributeDraft::add_text`]).
    pub fn add_text(&mut self, index: usize, level: Level, raw: &str) {
        self.attributes[index].add_text(level, raw);
    }

    pub fn skip(&mut self, place: Place, reason: String) {
        self.skipped.push(SkippedEntry {
            sheet: self.sheet.clone(),
            place,
            reason,
        });
    }

    /// The table with its levels in order.
    pub fn finish(mut self) -> LevelsTable {
        self.levels.sort_by_key(|l| l.level);
        self.unnamed.sort();
        self
    }
}

/// The levels of an import, where they came from, the attributes of their table, and what was
/// left out of it.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelsChoice {
    pub levels: Vec<LevelName>,
    pub from: LevelNamesFrom,
    /// The attributes of the levels table, and its sheet.
    pub attributes: Option<(Origin, Vec<AttributeDraft>)>,
    pub skipped: Vec<SkippedEntry>,
}

/// The levels of an import, from the levels file when one was given (`--levels`), else from the
/// skills file. Notes about them are added to `notes`.
pub fn choose_levels(
    book: &Workbook,
    levels_book: Option<&Workbook>,
    notes: &mut Vec<String>,
) -> Result<LevelsChoice, ImportError> {
    match levels_book {
        Some(levels_book) => {
            notes.extend(levels_book.notes.iter().cloned());
            let choice =
                from_levels_file(levels_book).map_err(ImportError::NoLevelsInLevelsFile)?;
            Ok(choice.noting_unnamed(notes))
        }
        None => Ok(from_skills_file(book, notes).noting_unnamed(notes)),
    }
}

/// The levels of a levels file: its levels sheet, or its only or first sheet. Asked for by
/// name, the file must give levels; standard names would hide that it was not read.
fn from_levels_file(book: &Workbook) -> Result<Chosen, String> {
    let sheet = (find_levels_sheet(book).or(book.sheets.first())).ok_or("it has no sheet")?;
    let table = levels_from_sheet(sheet)?;
    if table.levels.is_empty() {
        return Err(format!("sheet {:?} names no level", sheet.name));
    }
    Ok(Chosen::Table(FileRole::Levels, sheet.name.clone(), table))
}

/// The levels of the skills file's levels sheet; without one, or when it gives none, SFIA's
/// standard names (with a note saying why, when the sheet is there).
fn from_skills_file(book: &Workbook, notes: &mut Vec<String>) -> Chosen {
    let Some(sheet) = find_levels_sheet(book) else {
        return Chosen::Standard;
    };
    match levels_from_sheet(sheet) {
        Ok(table) if !table.levels.is_empty() => {
            Chosen::Table(FileRole::Skills, sheet.name.clone(), table)
        }
        Ok(_) => {
            notes.push(format!(
                "sheet {:?} names no level; SFIA's standard level names are used",
                sheet.name
            ));
            Chosen::Standard
        }
        Err(note) => {
            notes.push(note);
            Chosen::Standard
        }
    }
}

/// A levels table found, or none.
enum Chosen {
    Table(FileRole, String, LevelsTable),
    Standard,
}

impl Chosen {
    /// The choice, with a note when the table left levels without a name.
    fn noting_unnamed(self, notes: &mut Vec<String>) -> LevelsChoice {
        match self {
            Chosen::Standard => LevelsChoice {
                levels: Level::all().map(LevelName::standard).collect(),
                from: LevelNamesFrom::Standard,
                attributes: None,
                skipped: Vec::new(),
            },
            Chosen::Table(file, sheet, table) => {
                if !table.unnamed.is_empty() {
                    notes.push(format!(
                        "sheet {sheet:?} gives no name for level {}; SFIA's standard names are used",
                        describe_levels(table.unnamed.iter().copied())
                    ));
                }
                let origin = Origin { file, sheet };
                LevelsChoice {
                    from: LevelNamesFrom::Sheet {
                        origin: origin.clone(),
                        count: table.levels.len(),
                    },
                    levels: table.levels,
                    attributes: Some((origin, table.attributes)),
                    skipped: table.skipped,
                }
            }
        }
    }
}

/// The sheet named for the levels ("Levels of responsibility", "Levels", "LoR",
/// "Responsibilities"), if any.
pub fn find_levels_sheet(book: &Workbook) -> Option<&Sheet> {
    book.sheets.iter().find(|s| {
        let key = header_key(&s.name);
        key.contains("levels of responsibility")
            || key.contains("responsibilities")
            || key == "levels"
            || key == "lor"
    })
}

/// The levels table of a sheet, in either layout, or a note saying why none was read.
pub fn levels_from_sheet(sheet: &Sheet) -> Result<LevelsTable, String> {
    let found = |table: &LevelsTable| !table.levels.is_empty();
    let by_rows = level_rows::read(sheet);
    (by_rows.clone().filter(found))
        .or_else(|| level_columns::read(sheet).filter(found))
        .or(by_rows)
        .ok_or_else(|| {
            format!(
                "sheet {:?} has no \"Level\" and \"Level name\" (or \"Guiding phrase\") \
                 headings, in a row or down the first column; SFIA's standard level names are used",
                sheet.name
            )
        })
}

#[cfg(test)]
mod tests {
    use super::super::test_sheets::{row, sheet};
    use super::*;

    #[test]
    fn a_repeated_level_is_skipped_with_the_place_of_the_first() {
        let mut table = LevelsTable::new(&sheet("LoR", vec![]));
        let level = Level::new(2).unwrap();
        assert!(table.add_level(level, Place::Row(3), "Assist".into(), None, None));
        assert!(!table.add_level(level, Place::Row(5), "Again".into(), None, None));
        assert!(table.add_level(
            Level::new(1).unwrap(),
            Place::Column(2),
            String::new(),
            Some("Essence of the level: <p>Works &amp; learns.</p>"),
            Some("Guidance notes:\nIntro:\none\ntwo"),
        ));
        let table = table.finish();
        assert_eq!(table.levels[0].name, "Follow");
        assert_eq!(table.levels[0].essence.as_deref(), Some("Works & learns."));
        assert_eq!(
            table.levels[0].guidance.as_deref(),
            Some("Intro:\n- one\n- two")
        );
        assert_eq!(table.levels[1].name, "Assist");
        assert_eq!(table.unnamed, [Level::new(1).unwrap()]);
        assert_eq!(
            table.skipped,
            [SkippedEntry {
                sheet: "LoR".into(),
                place: Place::Row(5),
                reason: "repeats level 2 (first in row 3)".into()
            }]
        );
    }

    #[test]
    fn a_levels_sheet_is_found_by_its_name() {
        let named = |name: &str| Workbook {
            sheets: vec![sheet("Skills", vec![]), sheet(name, vec![row(&["x"])])],
            notes: vec![],
        };
        for name in [
            "Levels of Responsibility",
            "LoR",
            "levels",
            "Responsibilities",
        ] {
            assert_eq!(
                find_levels_sheet(&named(name)).map(|s| s.name.as_str()),
                Some(name)
            );
        }
        assert!(find_levels_sheet(&named("Level stuff")).is_none());
    }
}
