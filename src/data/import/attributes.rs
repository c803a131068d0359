//! The generic attributes (SFIA's autonomy, influence, complexity, knowledge) and the business
//! skills / behavioural factors, with their text at each level: where they come from, the
//! attributes sheet's layout, and their codes.
//!
//! They come from the first of: the file given with `--attributes`; the skills file's sheet
//! named for them ("Attributes"); the levels table (SFIA 8's attribute columns, the beta
//! exports' `X_description` rows). The attributes sheet has a row per attribute (SFIA 9):
//!
//! ```text
//! Code, URL, Attribute, Type,                Overall description, Guidance notes, Level 1 description, …
//! AUTO, …,   Autonomy,  Attributes,          …,                   …,              Works under …,       …
//! COLL, …,   Collaboration, Business skills/Behavioural factors, …
//! ```
//!
//! An attribute without a code gets SFIA 9's code for its name, or one made from its name
//! ([`attribute_code_for_name`]); when that code is taken in the file, the first free of
//! `CODE2`, `CODE3`, … (noted in the report).

use std::collections::{BTreeMap, HashMap};

use super::cells::{
    cell, clean_line, clean_text, guidance_text, statements_of_clean, without_label,
};
use super::header::{
    find_column, header_key, level_columns, GUIDANCE_HEADERS, HEADER_SEARCH_ROWS, URL_HEADERS,
};
use super::levels::levels_from_sheet;
use super::{AttributesFrom, FileRole, ImportError, Origin, Place, Sheet, SkippedEntry, Workbook};
use crate::data::model::{
    attribute_code_for_name, Attribute, AttributeKind, AttributeLevels, Code, Level,
};

/// An attribute as a sheet gives it, before it has its code.
#[derive(Debug, Clone, PartialEq)]
pub struct AttributeDraft {
    /// The code as the sheet writes it, cleaned; none where the sheet has no code for it.
    pub code: Option<String>,
    pub name: String,
    /// As the sheet says; none: told by the name.
    pub kind: Option<AttributeKind>,
    pub description: Option<String>,
    pub guidance: Option<String>,
    pub url: Option<String>,
    pub levels: BTreeMap<Level, Vec<String>>,
    /// Where the sheet holds it.
    pub place: Place,
}

impl AttributeDraft {
    /// An attribute with only a name so far.
    pub fn named(name: String, place: Place) -> AttributeDraft {
        AttributeDraft {
            code: None,
            name,
            kind: None,
            description: None,
            guidance: None,
            url: None,
            levels: BTreeMap::new(),
            place,
        }
    }

    /// Adds its text at a level from a raw cell: a statement a line, without a leading label
    /// that repeats the attribute's name ("Autonomy: …"). The first text of a level stays.
    pub fn add_text(&mut self, level: Level, raw: &str) {
        let label = header_key(&self.name);
        let statements = statements_of_clean(without_label(&clean_text(raw), &[label.as_str()]));
        if !statements.is_empty() {
            self.levels.entry(level).or_insert(statements);
        }
    }

    fn has_text(&self) -> bool {
        self.description.is_some() || self.guidance.is_some() || !self.levels.is_empty()
    }
}

/// Where an import looks for attributes.
pub struct Sources<'a> {
    pub skills_book: &'a Workbook,
    /// The skills sheet, never read as attributes.
    pub skills_sheet: &'a str,
    pub attributes_book: Option<&'a Workbook>,
    /// The attributes of the levels table used for the levels, and its sheet.
    pub levels_table: Option<(Origin, Vec<AttributeDraft>)>,
}

/// The attributes of an import, where they came from and what was left out.
#[derive(Debug, Clone, PartialEq)]
pub struct AttributesChoice {
    pub attributes: Vec<Attribute>,
    pub from: AttributesFrom,
    pub skipped: Vec<SkippedEntry>,
}

/// The attributes from the first source that gives any (see the module's documentation).
/// Notes (a broken attributes sheet, codes made unique) are added to `notes`.
pub fn choose_attributes(
    sources: Sources<'_>,
    notes: &mut Vec<String>,
) -> Result<AttributesChoice, ImportError> {
    let levels_table = sources
        .levels_table
        .filter(|(_, drafts)| !drafts.is_empty());
    let mut skipped = Vec::new();
    if let Some(book) = sources.attributes_book {
        notes.extend(book.notes.iter().cloned());
        let sheet = (find_attributes_sheet(book, None).or(book.sheets.first()))
            .ok_or_else(|| ImportError::NoAttributesInAttributesFile("it has no sheet".into()))?;
        let origin = Origin {
            file: FileRole::Attributes,
            sheet: sheet.name.clone(),
        };
        let (drafts, sheet_skipped) =
            read_sheet(sheet).map_err(ImportError::NoAttributesInAttributesFile)?;
        let choice = finish(origin, drafts, sheet_skipped, notes);
        if choice.attributes.is_empty() {
            let mut why = format!("sheet {:?} gives no attribute", sheet.name);
            let left_out: Vec<String> = (choice.skipped.iter())
                .map(|entry| format!("{}: {}", entry.place, entry.reason))
                .collect();
            if !left_out.is_empty() {
                why = format!("{why} (left out: {})", left_out.join("; "));
            }
            return Err(ImportError::NoAttributesInAttributesFile(why));
        }
        return Ok(choice.noting_unused(levels_table, notes));
    }
    let own_sheet = find_attributes_sheet(sources.skills_book, Some(sources.skills_sheet));
    if let Some(sheet) = own_sheet {
        let origin = Origin {
            file: FileRole::Skills,
            sheet: sheet.name.clone(),
        };
        match read_sheet(sheet) {
            Ok((drafts, sheet_skipped)) => {
                let choice = finish(origin, drafts, sheet_skipped, notes);
                if !choice.attributes.is_empty() {
                    return Ok(choice.noting_unused(levels_table, notes));
                }
                notes.push(format!("sheet {:?} gives no attribute", sheet.name));
                skipped = choice.skipped;
            }
            Err(note) => notes.push(note),
        }
    }
    let mut choice = match levels_table {
        Some((origin, drafts)) => finish(origin, drafts, Vec::new(), notes),
        None => AttributesChoice {
            attributes: Vec::new(),
            from: AttributesFrom::None,
            skipped: Vec::new(),
        },
    };
    skipped.append(&mut choice.skipped);
    choice.skipped = skipped;
    Ok(choice)
}

impl AttributesChoice {
    /// The choice, with a note when the levels table also had attributes, left unused.
    fn noting_unused(
        self,
        levels_table: Option<(Origin, Vec<AttributeDraft>)>,
        notes: &mut Vec<String>,
    ) -> AttributesChoice {
        if let (Some((unused, _)), AttributesFrom::Sheet { origin, .. }) =
            (levels_table, &self.from)
        {
            notes.push(format!(
                "the attributes in sheet {:?} were not used: sheet {:?} gives them",
                unused.sheet, origin.sheet
            ));
        }
        self
    }
}

/// The sheet named for the attributes ("Attributes", "Generic attributes"), other than the
/// skills sheet.
fn find_attributes_sheet<'b>(book: &'b Workbook, skills_sheet: Option<&str>) -> Option<&'b Sheet> {
    (book.sheets.iter()).find(|sheet| {
        Some(sheet.name.as_str()) != skills_sheet && header_key(&sheet.name).contains("attribute")
    })
}

/// The attributes of a sheet: a row per attribute, or else a levels table with attributes;
/// and the rows left out. A note saying why when it is neither.
fn read_sheet(sheet: &Sheet) -> Result<(Vec<AttributeDraft>, Vec<SkippedEntry>), String> {
    if let Some((header_index, columns)) = find_attributes_header(sheet) {
        return Ok(read_rows(sheet, header_index, &columns));
    }
    match levels_from_sheet(sheet) {
        Ok(table) if !table.attributes.is_empty() => Ok((table.attributes, Vec::new())),
        _ => Err(format!(
            "sheet {:?} has no \"Attribute\" and \"Level 1 description\" … headings, nor a \
             levels table with attributes; no attribute was read from it",
            sheet.name
        )),
    }
}

/// Where each field of an attribute is on the attributes sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
struct AttributeColumns {
    name: usize,
    code: Option<usize>,
    kind: Option<usize>,
    description: Option<usize>,
    guidance: Option<usize>,
    url: Option<usize>,
    levels: Vec<(Level, usize)>,
}

impl AttributeColumns {
    /// The columns a row names, if it names the attribute and at least one level.
    fn from_header(row: &[String]) -> Option<AttributeColumns> {
        let keys: Vec<String> = row.iter().map(|cell| header_key(cell)).collect();
        let levels = level_columns(&keys);
        let name = &["attribute", "attribute name", "name", "generic attribute"];
        let description = &[
            "overall description",
            "description",
            "attribute description",
        ];
        Some(AttributeColumns {
            name: find_column(&keys, name)?,
            code: find_column(&keys, &["code", "attribute code", "short code"]),
            kind: find_column(&keys, &["type", "attribute type", "kind"]),
            description: find_column(&keys, description),
            guidance: find_column(&keys, GUIDANCE_HEADERS),
            url: find_column(&keys, URL_HEADERS),
            levels: (!levels.is_empty()).then_some(levels)?,
        })
    }
}

fn find_attributes_header(sheet: &Sheet) -> Option<(usize, AttributeColumns)> {
    (sheet.rows.iter().take(HEADER_SEARCH_ROWS).enumerate())
        .find_map(|(index, row)| AttributeColumns::from_header(row).map(|c| (index, c)))
}

/// An attribute a row; a row with text but no name is left out.
fn read_rows(
    sheet: &Sheet,
    header_index: usize,
    columns: &AttributeColumns,
) -> (Vec<AttributeDraft>, Vec<SkippedEntry>) {
    let mut drafts = Vec::new();
    let mut skipped = Vec::new();
    let line = |row: &[String], column: Option<usize>| {
        column
            .map(|c| clean_line(cell(row, c)))
            .filter(|text| !text.is_empty())
    };
    for (index, row) in sheet.rows.iter().enumerate().skip(header_index + 1) {
        if row.iter().all(|c| clean_line(c).is_empty()) {
            continue;
        }
        let place = Place::Row(index + 1);
        let name = clean_line(cell(row, columns.name));
        if name.is_empty() {
            skipped.push(SkippedEntry {
                sheet: sheet.name.clone(),
                place,
                reason: "no attribute name".to_string(),
            });
            continue;
        }
        let mut draft = AttributeDraft::named(name, place);
        draft.code = line(row, columns.code);
        draft.kind = line(row, columns.kind).and_then(|kind| kind_of_type(&kind));
        draft.description = (columns.description)
            .map(|c| clean_text(cell(row, c)))
            .filter(|text| !text.is_empty());
        draft.guidance = columns.guidance.and_then(|c| guidance_text(cell(row, c)));
        draft.url = line(row, columns.url);
        for &(level, column) in &columns.levels {
            draft.add_text(level, cell(row, column));
        }
        drafts.push(draft);
    }
    (drafts, skipped)
}

/// The kind a "Type" cell names: business skills and behavioural factors, or attributes.
fn kind_of_type(text: &str) -> Option<AttributeKind> {
    let key = header_key(text);
    if ["business", "behaviour", "behavior"]
        .iter()
        .any(|word| key.contains(word))
    {
        Some(AttributeKind::BusinessSkill)
    } else if key.contains("attribute") {
        Some(AttributeKind::Attribute)
    } else {
        None
    }
}

/// SFIA's four attributes proper; every other name is a business skill or behavioural factor.
const GENERIC_ATTRIBUTES: [&str; 4] = ["autonomy", "influence", "complexity", "knowledge"];

fn kind_of_name(name: &str) -> AttributeKind {
    if GENERIC_ATTRIBUTES.contains(&header_key(name).as_str()) {
        AttributeKind::Attribute
    } else {
        AttributeKind::BusinessSkill
    }
}

/// The attributes of the drafts, with their codes; the drafts left out are skipped with why.
fn finish(
    origin: Origin,
    drafts: Vec<AttributeDraft>,
    mut skipped: Vec<SkippedEntry>,
    notes: &mut Vec<String>,
) -> AttributesChoice {
    let mut skip = |draft: &AttributeDraft, reason: String| {
        skipped.push(SkippedEntry {
            sheet: origin.sheet.clone(),
            place: draft.place,
            reason: format!("{:?}: {reason}", draft.name),
        });
    };
    let drafts: Vec<AttributeDraft> = (drafts.into_iter())
        .filter(|draft| {
            let has_text = draft.has_text();
            if !has_text {
                skip(draft, "no description and no text at any level".into());
            }
            has_text
        })
        .collect();
    let codes = assign_codes(&drafts, &mut skip, notes);
    let attributes: Vec<Attribute> = (drafts.into_iter().zip(codes))
        .filter_map(|(draft, code)| Some(attribute(draft, code?)))
        .collect();
    let from = if attributes.is_empty() {
        AttributesFrom::None
    } else {
        AttributesFrom::Sheet {
            origin,
            count: attributes.len(),
            texts: attributes.iter().map(|a| a.levels.0.len()).sum(),
        }
    };
    AttributesChoice {
        attributes,
        from,
        skipped,
    }
}

fn attribute(draft: AttributeDraft, code: Code) -> Attribute {
    Attribute {
        code,
        kind: draft.kind.unwrap_or_else(|| kind_of_name(&draft.name)),
        name: draft.name,
        description: draft.description,
        guidance: draft.guidance,
        url: draft.url,
        levels: AttributeLevels(draft.levels),
    }
}

/// Each draft's code, or none when it is left out (an invalid or repeated code, a name that
/// makes none). The sheet's own codes are taken first, so a made code never takes one of them;
/// codes are told apart without regard to case, as the catalog looks them up.
fn assign_codes(
    drafts: &[AttributeDraft],
    skip: &mut impl FnMut(&AttributeDraft, String),
    notes: &mut Vec<String>,
) -> Vec<Option<Code>> {
    let mut taken: HashMap<String, Place> = HashMap::new();
    let mut codes: Vec<Option<Code>> = vec![None; drafts.len()];
    for (draft, slot) in drafts.iter().zip(codes.iter_mut()) {
        let Some(text) = &draft.code else { continue };
        match Code::new(text) {
            Err(why) => skip(draft, format!("invalid code: {why}")),
            Ok(code) => match taken.get(&text.to_uppercase()) {
                Some(first) => skip(draft, format!("repeats code {text:?} (first in {first})")),
                None => {
                    taken.insert(text.to_uppercase(), draft.place);
                    *slot = Some(code);
                }
            },
        }
    }
    for (draft, slot) in drafts.iter().zip(codes.iter_mut()) {
        if draft.code.is_some() {
            continue;
        }
        let Some(base) = attribute_code_for_name(&draft.name) else {
            skip(
                draft,
                "no code, and its name has no letter or digit to make one".into(),
            );
            continue;
        };
        let code = (1..)
            .map(|n| match n {
                1 => base.to_string(),
                n => format!("{base}{n}"),
            })
            .find(|code| !taken.contains_key(&code.to_uppercase()))
            .and_then(|code| Code::new(&code).ok());
        let Some(code) = code else {
            skip(draft, format!("no free code could be made from {base}"));
            continue;
        };
        if code != base {
            notes.push(format!(
                "attribute {:?} has code {code}: {base} is another attribute's",
                draft.name
            ));
        }
        taken.insert(code.as_str().to_uppercase(), draft.place);
        *slot = Some(code);
    }
    codes
}

#[cfg(test)]
mod tests {
    use super::super::test_sheets::{row, sheet};
    use super::*;

    const HEADER: [&str; 9] = [
        "Levels",
        "Code",
        "URL",
        "Attribute",
        "Type",
        "Overall description",
        "Guidance notes",
        "Level 1 description",
        "Level 2 description",
    ];

    fn level(n: u8) -> Level {
        Level::new(n).unwrap()
    }

    fn book(sheets: Vec<Sheet>) -> Workbook {
        Workbook {
            sheets,
            notes: vec![],
        }
    }

    fn choose(
        skills_book: &Workbook,
        attributes_book: Option<&Workbook>,
        levels_table: Option<(Origin, Vec<AttributeDraft>)>,
    ) -> (Result<AttributesChoice, ImportError>, Vec<String>) {
        let mut notes = Vec::new();
        let sources = Sources {
            skills_book,
            skills_sheet: "Skills",
            attributes_book,
            levels_table,
        };
        (choose_attributes(sources, &mut notes), notes)
    }

    fn sfia_9_sheet() -> Sheet {
        sheet(
            "Attributes",
            vec![
                row(&["Attributes and business skills"]),
                row(&HEADER),
                row(&[
                    "",
                    "AUTO",
                    "https://example.org/AUTO",
                    "Autonomy",
                    "Attributes",
                    "Being free.",
                    "",
                    "Is told.",
                    "Is guided.",
                ]),
                row(&[
                    "",
                    "",
                    "",
                    "Decision-making",
                    "Business skills/Behavioural factors",
                    "",
                    "<ul><li>Weighs.</li></ul>",
                    "",
                    "Decides small things.",
                ]),
                row(&[
                    "",
                    "auto",
                    "",
                    "Autonomy again",
                    "Attributes",
                    "Repeat.",
                    "",
                    "",
                    "",
                ]),
                row(&["", "A-1", "", "Bad code", "Attributes", "Bad.", "", "", ""]),
                row(&["", "", "", "", "", "Text without a name.", "", "", ""]),
                row(&["", "", "", "Empty", "Attributes", "", "", "", ""]),
                row(&["", "DECI", "", "Decisiveness", "", "", "", "Decides.", ""]),
            ],
        )
    }

    #[test]
    fn an_attributes_sheet_gives_a_row_per_attribute_with_its_kind_and_texts() {
        let skills = book(vec![sheet("Skills", vec![]), sfia_9_sheet()]);
        let (choice, notes) = choose(&skills, None, None);
        let choice = choice.unwrap();
        let codes: Vec<&str> = choice.attributes.iter().map(|a| a.code.as_str()).collect();
        assert_eq!(codes, ["AUTO", "DECI2", "DECI"]);
        let autonomy = &choice.attributes[0];
        assert_eq!(autonomy.kind, AttributeKind::Attribute);
        assert_eq!(autonomy.url.as_deref(), Some("https://example.org/AUTO"));
        assert_eq!(autonomy.description.as_deref(), Some("Being free."));
        assert_eq!(autonomy.statements(level(2)).unwrap(), ["Is guided."]);
        let deciding = &choice.attributes[1];
        assert_eq!(deciding.kind, AttributeKind::BusinessSkill);
        assert_eq!(deciding.guidance.as_deref(), Some("- Weighs."));
        assert_eq!(deciding.levels.0.len(), 1);
        assert_eq!(
            choice.attributes[2].kind,
            AttributeKind::BusinessSkill,
            "no type: told by the name"
        );
        assert_eq!(
            choice.from,
            AttributesFrom::Sheet {
                origin: Origin {
                    file: FileRole::Skills,
                    sheet: "Attributes".into()
                },
                count: 3,
                texts: 4
            }
        );
        let skipped: Vec<String> = (choice.skipped.iter())
            .map(|s| format!("{}: {}", s.place, s.reason))
            .collect();
        assert_eq!(skipped.len(), 4, "{skipped:?}");
        assert_eq!(skipped[0], "row 7: no attribute name");
        assert_eq!(
            skipped[1],
            "row 8: \"Empty\": no description and no text at any level"
        );
        assert_eq!(
            skipped[2],
            "row 5: \"Autonomy again\": repeats code \"auto\" (first in row 3)"
        );
        assert!(
            skipped[3].starts_with("row 6: \"Bad code\": invalid code"),
            "{skipped:?}"
        );
        assert_eq!(
            notes,
            ["attribute \"Decision-making\" has code DECI2: DECI is another attribute's"]
        );
    }

    #[test]
    fn a_broken_attributes_sheet_is_a_note_and_the_levels_table_serves_instead() {
        let broken = sheet("Attributes", vec![row(&["Something", "Else"])]);
        let skills = book(vec![sheet("Skills", vec![]), broken]);
        let origin = Origin {
            file: FileRole::Skills,
            sheet: "Levels of responsibility".into(),
        };
        let mut autonomy = AttributeDraft::named("Autonomy".into(), Place::Column(1));
        autonomy.add_text(level(1), "Autonomy: Is told.");
        let mut business = AttributeDraft::named("Business skills".into(), Place::Column(2));
        business.add_text(level(1), "Talks.");
        let table = Some((origin.clone(), vec![autonomy, business]));
        let (choice, notes) = choose(&skills, None, table);
        let choice = choice.unwrap();
        let found: Vec<(&str, &str, AttributeKind)> = (choice.attributes.iter())
            .map(|a| (a.code.as_str(), a.name.as_str(), a.kind))
            .collect();
        assert_eq!(
            found,
            [
                ("AUTO", "Autonomy", AttributeKind::Attribute),
                ("BUSI", "Business skills", AttributeKind::BusinessSkill)
            ]
        );
        assert_eq!(
            choice.attributes[0].statements(level(1)).unwrap(),
            ["Is told."]
        );
        assert!(
            matches!(choice.from, AttributesFrom::Sheet { origin: o, count: 2, texts: 2 } if o == origin)
        );
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].contains("sheet \"Attributes\" has no \"Attribute\""),
            "{notes:?}"
        );
    }

    #[test]
    fn an_attributes_file_wins_and_must_give_attributes() {
        let skills = book(vec![sheet("Skills", vec![]), sfia_9_sheet()]);
        let file = book(vec![sheet(
            "attributes.csv",
            vec![
                row(&["Attribute", "Level 1"]),
                row(&["Influence", "Meets few."]),
            ],
        )]);
        let table_origin = Origin {
            file: FileRole::Levels,
            sheet: "levels.csv".into(),
        };
        let mut drafted = AttributeDraft::named("Autonomy".into(), Place::Row(4));
        drafted.add_text(level(1), "x");
        let (choice, notes) = choose(&skills, Some(&file), Some((table_origin, vec![drafted])));
        let choice = choice.unwrap();
        assert_eq!(choice.attributes.len(), 1);
        assert_eq!(choice.attributes[0].code.as_str(), "INFL");
        assert_eq!(
            notes,
            ["the attributes in sheet \"levels.csv\" were not used: sheet \"attributes.csv\" gives them"]
        );

        let empty = book(vec![sheet(
            "attributes.csv",
            vec![row(&["Attribute", "Level 1"])],
        )]);
        let (error, _) = choose(&skills, Some(&empty), None);
        assert_eq!(
            error.unwrap_err().to_string(),
            "the attributes file gave no attribute: sheet \"attributes.csv\" gives no attribute"
        );
        let bad = book(vec![sheet(
            "attributes.csv",
            vec![
                row(&["Code", "Attribute", "Level 1"]),
                row(&["", "", "Orphan."]),
                row(&["X-1", "Bad", "Text."]),
            ],
        )]);
        let (error, _) = choose(&skills, Some(&bad), None);
        let error = error.unwrap_err().to_string();
        assert!(
            error.ends_with(
                "gives no attribute (left out: row 2: no attribute name; \
                 row 3: \"Bad\": invalid code: the code \"X-1\" may hold only ASCII letters \
                 and digits (A–Z, a–z, 0–9))"
            ),
            "{error}"
        );
        let (error, _) = choose(&skills, Some(&book(vec![])), None);
        assert!(error.unwrap_err().to_string().ends_with("it has no sheet"));
    }

    #[test]
    fn no_source_means_no_attributes() {
        let (choice, notes) = choose(&book(vec![sheet("Skills", vec![])]), None, None);
        let choice = choice.unwrap();
        assert!(choice.attributes.is_empty() && choice.skipped.is_empty() && notes.is_empty());
        assert_eq!(choice.from, AttributesFrom::None);
    }

    #[test]
    fn types_and_names_tell_the_kind() {
        assert_eq!(kind_of_type("Attributes"), Some(AttributeKind::Attribute));
        assert_eq!(
            kind_of_type("Business skills/Behavioural factors"),
            Some(AttributeKind::BusinessSkill)
        );
        assert_eq!(kind_of_type("Other"), None);
        assert_eq!(kind_of_name(" Knowledge "), AttributeKind::Attribute);
        assert_eq!(kind_of_name("Leadership"), AttributeKind::BusinessSkill);
    }
}
