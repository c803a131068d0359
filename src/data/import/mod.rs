//! Turning the official SFIA spreadsheet (its skills sheet, and its levels sheet when present)
//! into our data format.
//!
//! The domain part here is pure: it takes the rows of cells of each sheet ([`Workbook`]) and
//! gives a [`Framework`] and an [`ImportReport`]. Reading `.xlsx` and `.csv` files into rows lives
//! in [`read`]. Nothing here knows about terminals.
//!
//! Sheets and columns are found by their names, never by position: real exports carry extra
//! sheets and title rows, and columns move between editions. A row that cannot become a skill is
//! skipped with a reason and reported; it never stops the import.

mod levels;
mod read;

use std::collections::{BTreeSet, HashMap};
use std::fmt;

pub use read::{read_workbook, ReadError};

use crate::data::model::{Code, Framework, Level, LevelName, LevelStatements, Skill, Status};
use crate::data::sources::{parse_framework, write_framework, LoadError};

/// How many rows from the top of a sheet are searched for its header row.
pub const HEADER_SEARCH_ROWS: usize = 20;

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
}

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

/// Where the level names came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LevelNamesFrom {
    /// This many levels were named by this sheet.
    Sheet { sheet: String, count: usize },
    /// There was no levels sheet, or it named no level: SFIA's standard names.
    Standard,
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
    pub skipped: Vec<SkippedRow>,
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
    /// The result did not re-read as a data file (a bug, never the spreadsheet's fault).
    Serialize(String),
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
            ImportError::Serialize(message) => {
                write!(f, "the imported data does not re-read: {message}")
            }
        }
    }
}

impl std::error::Error for ImportError {}

// ---------------------------------------------------------------------------------------------
// Cleaning cells

/// Excel's escapes for characters XML cannot hold, which some exports leave in the text.
const LITERAL_ESCAPES: [(&str, char); 3] =
    [("_x000d_", '\r'), ("_x000a_", '\n'), ("_x0009_", '\t')];

fn replace_literal_escapes(raw: &str) -> std::borrow::Cow<'_, str> {
    if !raw.contains("_x") && !raw.contains("_X") {
        return std::borrow::Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    'outer: while let Some(at) = rest.find('_') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        for (escape, replacement) in LITERAL_ESCAPES {
            if rest.len() >= escape.len()
                && rest.is_char_boundary(escape.len())
                && rest[..escape.len()].eq_ignore_ascii_case(escape)
            {
                out.push(replacement);
                rest = &rest[escape.len()..];
                continue 'outer;
            }
        }
        out.push('_');
        rest = &rest[1..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Cleans a cell's text: line breaks (CR, CRLF, literal `_x000D_`, vertical tab, Unicode line
/// separators) become `\n`; non-breaking and other odd spaces become plain spaces; zero-width
/// characters, soft hyphens and other control characters go; each line is trimmed and its runs
/// of spaces collapsed; blank lines at the ends go and runs of blank lines become one.
pub fn clean_text(raw: &str) -> String {
    let unescaped = replace_literal_escapes(raw);
    let mut text = String::with_capacity(unescaped.len());
    let mut chars = unescaped.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                text.push('\n')
            }
            '\t'
            | '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}' => text.push(' '),
            '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => {}
            c if c.is_control() => {}
            c => text.push(c),
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut blank_pending = false;
    for line in text.split('\n') {
        let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_pending { "\n\n" } else { "\n" });
        }
        blank_pending = false;
        out.push_str(&words.join(" "));
    }
    out
}

/// Cleans a cell that holds one line (a code, a name, a category): line breaks become spaces.
pub fn clean_line(raw: &str) -> String {
    clean_text(raw)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The statements of a level description: one a line, trimmed, empty lines dropped.
pub fn statements(raw: &str) -> Vec<String> {
    clean_text(raw)
        .lines()
        .map(|line| strip_bullet(line).unwrap_or(line).trim().to_string())
        .filter(|line| !line.is_empty())
        .collect()
}

/// The item of a line that starts with a bullet mark ("•", "-", "–", "*", …) and a space.
fn strip_bullet(line: &str) -> Option<&str> {
    let mut chars = line.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    let is_mark = matches!(
        first,
        '•' | '◦' | '▪' | '‣' | '·' | '-' | '–' | '—' | '*' | '⁃'
    );
    (is_mark && rest.starts_with(' ')).then(|| rest.trim())
}

/// Guidance notes in our format: each line of the cell is a paragraph (paragraphs are separated
/// by a blank line); a line ending with ":" ("Activities may include, but are not limited to:")
/// is a paragraph of its own and the lines after it are "- " bullet items, as are lines that
/// already start with a bullet mark. The list ends at a sentence (a capital letter first, a full
/// stop last) after a blank line, or at the next line ending with ":".
pub fn guidance_text(raw: &str) -> Option<String> {
    enum Block {
        Paragraph(String),
        Intro(String),
        Bullets(Vec<String>),
    }
    let cleaned = clean_text(raw);
    let mut blocks: Vec<Block> = Vec::new();
    let mut in_list = false;
    let mut after_blank = false;
    for line in cleaned.lines() {
        if line.is_empty() {
            after_blank = true;
            continue;
        }
        let bullet = strip_bullet(line);
        let ends_list = after_blank
            && matches!(blocks.last(), Some(Block::Bullets(_)))
            && line.chars().next().is_some_and(char::is_uppercase)
            && line.ends_with('.');
        after_blank = false;
        let item = match bullet {
            Some(item) => Some(item),
            None if in_list && !ends_list && !line.ends_with(':') => Some(line),
            None => None,
        };
        match item {
            Some("") => {}
            Some(item) => match blocks.last_mut() {
                Some(Block::Bullets(items)) => items.push(item.to_string()),
                _ => blocks.push(Block::Bullets(vec![item.to_string()])),
            },
            None if line.ends_with(':') => {
                blocks.push(Block::Intro(line.to_string()));
                in_list = true;
            }
            None => {
                blocks.push(Block::Paragraph(line.to_string()));
                in_list = false;
            }
        }
    }
    let mut out = String::new();
    let mut previous_was_intro = false;
    for block in &blocks {
        let (text, is_intro) = match block {
            Block::Paragraph(text) => (text.clone(), false),
            Block::Intro(text) => (text.clone(), true),
            Block::Bullets(items) => (
                items
                    .iter()
                    .map(|item| format!("- {item}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
                false,
            ),
        };
        if !out.is_empty() {
            let bullets_after_intro = previous_was_intro && matches!(block, Block::Bullets(_));
            out.push_str(if bullets_after_intro { "\n" } else { "\n\n" });
        }
        out.push_str(&text);
        previous_was_intro = is_intro;
    }
    (!out.is_empty()).then_some(out)
}

// ---------------------------------------------------------------------------------------------
// Finding sheets and columns

/// A header cell as compared: cleaned, lower case, single spaces, no trailing colon.
fn header_key(cell: &str) -> String {
    clean_line(cell).trim_end_matches(':').trim().to_lowercase()
}

/// The level of a header such as "Level 3 description" or "Level 3".
fn level_header(key: &str) -> Option<Level> {
    let rest = key.strip_prefix("level")?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[digits.len()..].trim();
    if digits.is_empty() || !matches!(after, "" | "description" | "descriptions") {
        return None;
    }
    digits.parse::<u8>().ok().and_then(Level::new)
}

fn find_column(keys: &[String], names: &[&str]) -> Option<usize> {
    names
        .iter()
        .find_map(|name| keys.iter().position(|key| key == name))
}

/// Where each field of a skill is on the skills sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SkillColumns {
    code: usize,
    name: usize,
    description: usize,
    category: Option<usize>,
    subcategory: Option<usize>,
    guidance: Option<usize>,
    url: Option<usize>,
    levels: Vec<(Level, usize)>,
}

impl SkillColumns {
    fn from_header(row: &[String]) -> Option<SkillColumns> {
        let keys: Vec<String> = row.iter().map(|cell| header_key(cell)).collect();
        let code = find_column(&keys, &["code", "skill code"])?;
        let name = find_column(&keys, &["skill", "skill name", "name"])?;
        let description = find_column(
            &keys,
            &["overall description", "skill description", "description"],
        )?;
        let mut levels: Vec<(Level, usize)> = Vec::new();
        for (column, key) in keys.iter().enumerate() {
            if let Some(level) = level_header(key) {
                if !levels.iter().any(|(l, _)| *l == level) {
                    levels.push((level, column));
                }
            }
        }
        levels.sort();
        Some(SkillColumns {
            code,
            name,
            description,
            category: find_column(&keys, &["category"]),
            subcategory: find_column(&keys, &["subcategory", "sub-category", "sub category"]),
            guidance: find_column(&keys, &["guidance notes", "guidance", "guidance note"]),
            url: find_column(&keys, &["url", "link", "skill url"]),
            levels,
        })
    }
}

/// The first row among the first [`HEADER_SEARCH_ROWS`] that names the skill columns.
fn find_skills_header(sheet: &Sheet) -> Option<(usize, SkillColumns)> {
    sheet
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(i, row)| SkillColumns::from_header(row).map(|columns| (i, columns)))
}

/// The skills sheet: the one named "Skills" if it has the header, else the first that has it.
fn find_skills_sheet(book: &Workbook) -> Option<(&Sheet, usize, SkillColumns)> {
    let named = book
        .sheets
        .iter()
        .filter(|s| s.name.trim().eq_ignore_ascii_case("skills"));
    let others = book
        .sheets
        .iter()
        .filter(|s| !s.name.trim().eq_ignore_ascii_case("skills"));
    named
        .chain(others)
        .find_map(|sheet| find_skills_header(sheet).map(|(row, columns)| (sheet, row, columns)))
}

fn cell(row: &[String], column: usize) -> &str {
    row.get(column).map_or("", String::as_str)
}

fn optional(row: &[String], column: Option<usize>) -> Option<String> {
    column
        .map(|c| clean_line(cell(row, c)))
        .filter(|text| !text.is_empty())
}

// ---------------------------------------------------------------------------------------------
// The import

/// Builds a framework from the skills sheet (and the levels sheet, when present).
pub fn import_workbook(
    book: &Workbook,
    options: &ImportOptions,
) -> Result<(Framework, ImportReport), ImportError> {
    let (sheet, header_index, columns) =
        find_skills_sheet(book).ok_or_else(|| ImportError::NoSkillsSheet {
            sheets: book.sheets.iter().map(|s| s.name.clone()).collect(),
        })?;
    if columns.levels.is_empty() {
        return Err(ImportError::NoLevelColumns {
            sheet: sheet.name.clone(),
            row: header_index + 1,
        });
    }
    let mut notes = book.notes.clone();
    for (column, label) in [
        (columns.category, "Category"),
        (columns.subcategory, "Subcategory"),
        (columns.guidance, "Guidance notes"),
    ] {
        if column.is_none() {
            notes.push(format!("the skills sheet has no {label:?} column"));
        }
    }
    let mut skills: Vec<Skill> = Vec::new();
    let mut skipped: Vec<SkippedRow> = Vec::new();
    let mut first_rows: HashMap<String, usize> = HashMap::new();
    for (index, row) in sheet.rows.iter().enumerate().skip(header_index + 1) {
        let row_number = index + 1;
        if row.iter().all(|c| clean_line(c).is_empty()) {
            continue;
        }
        let code_text = clean_line(cell(row, columns.code));
        let skip = |reason: SkipReason| SkippedRow {
            row: row_number,
            code: (!code_text.is_empty()).then(|| code_text.clone()),
            reason,
        };
        if code_text.is_empty() {
            skipped.push(skip(SkipReason::NoCode));
            continue;
        }
        let code = match Code::new(&code_text) {
            Ok(code) => code,
            Err(message) => {
                skipped.push(skip(SkipReason::InvalidCode(message)));
                continue;
            }
        };
        if let Some(&first_row) = first_rows.get(&code_text.to_uppercase()) {
            skipped.push(skip(SkipReason::DuplicateCode {
                code: code_text.clone(),
                first_row,
            }));
            continue;
        }
        let name = clean_line(cell(row, columns.name));
        if name.is_empty() {
            skipped.push(skip(SkipReason::NoName));
            continue;
        }
        let levels: std::collections::BTreeMap<Level, Vec<String>> = columns
            .levels
            .iter()
            .map(|&(level, column)| (level, statements(cell(row, column))))
            .filter(|(_, statements)| !statements.is_empty())
            .collect();
        if levels.is_empty() {
            skipped.push(skip(SkipReason::NoLevels));
            continue;
        }
        first_rows.insert(code_text.to_uppercase(), row_number);
        skills.push(Skill {
            code,
            name,
            category: optional(row, columns.category),
            subcategory: optional(row, columns.subcategory),
            status: Status::Published,
            url: optional(row, columns.url),
            description: clean_text(cell(row, columns.description)),
            guidance: columns.guidance.and_then(|c| guidance_text(cell(row, c))),
            levels: LevelStatements(levels),
            notes: Vec::new(),
        });
    }
    // A separate levels file (`--levels`): its levels sheet, or its only or first sheet.
    let levels_sheet = match &options.levels_book {
        Some(levels_book) => levels::find_levels_sheet(levels_book).or(levels_book.sheets.first()),
        None => levels::find_levels_sheet(book),
    };
    let found = levels_sheet.map(|sheet| (sheet.name.clone(), levels::levels_from_sheet(sheet)));
    if let Some(levels_book) = &options.levels_book {
        notes.extend(levels_book.notes.iter().cloned());
        // Asked for by name, the levels file must give them; standard names would hide that.
        match &found {
            Some((_, Ok(levels))) if !levels.is_empty() => {}
            Some((_, Err(why))) => return Err(ImportError::NoLevelsInLevelsFile(why.clone())),
            Some((sheet, Ok(_))) => {
                return Err(ImportError::NoLevelsInLevelsFile(format!(
                    "sheet {sheet:?} names no level"
                )))
            }
            None => {
                return Err(ImportError::NoLevelsInLevelsFile(
                    "it has no sheet".to_string(),
                ))
            }
        }
    }
    let (levels, level_names) = match found {
        Some((sheet, Ok(levels))) if !levels.is_empty() => {
            let count = levels.len();
            (levels, LevelNamesFrom::Sheet { sheet, count })
        }
        found => {
            match found {
                Some((_, Err(note))) => notes.push(note),
                Some((sheet, Ok(_))) => notes.push(format!(
                    "sheet {sheet:?} names no level; SFIA's standard level names are used"
                )),
                None => {}
            }
            let standard = Level::all().map(LevelName::standard).collect();
            (standard, LevelNamesFrom::Standard)
        }
    };
    let report = ImportReport {
        sheet: sheet.name.clone(),
        header_row: header_index + 1,
        skills: skills.len(),
        defined_levels: skills.iter().map(|s| s.levels.0.len()).sum(),
        categories: skills
            .iter()
            .filter_map(|s| s.category.as_deref())
            .collect::<BTreeSet<_>>()
            .len(),
        level_names,
        skipped,
        notes,
    };
    let framework = Framework {
        framework: options.framework.clone(),
        edition: options.edition.clone(),
        source: options.source.clone(),
        levels,
        attributes: Vec::new(),
        skills,
    };
    Ok((framework, report))
}

/// The framework as RON text that [`parse_framework`] reads back to an equal framework (checked
/// here, so a file that would not load is never written).
pub fn to_ron(framework: &Framework) -> Result<String, ImportError> {
    let text = write_framework(framework).map_err(|e| ImportError::Serialize(e.to_string()))?;
    let reread = parse_framework("<imported>", &text)
        .map_err(|e: LoadError| ImportError::Serialize(e.to_string()))?;
    if reread != *framework {
        return Err(ImportError::Serialize(
            "the re-read framework differs from the imported one".to_string(),
        ));
    }
    Ok(text + "\n")
}

// ---------------------------------------------------------------------------------------------
// Names

/// The framework and edition a file name suggests: `sfia-9_current-standard_en_250129.xlsx` and
/// `SFIA 8 skills.csv` are SFIA 9 and SFIA 8; any other name gives its stem and no edition.
pub fn names_from_file_name(file_name: &str) -> (String, Option<String>) {
    let stem = std::path::Path::new(file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lower = stem.to_lowercase();
    let mut search_from = 0;
    while let Some(at) = lower[search_from..].find("sfia") {
        let start = search_from + at;
        search_from = start + 4;
        let starts_word = lower[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if !starts_word {
            continue;
        }
        let rest = lower[start + 4..].trim_start_matches([' ', '-', '_', '.']);
        let rest = rest.strip_prefix('v').unwrap_or(rest);
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let edition = (1..=2).contains(&digits.len()).then_some(digits);
        return ("SFIA".to_string(), edition);
    }
    let name = clean_line(&stem);
    let name = if name.is_empty() {
        "Imported".to_string()
    } else {
        name
    };
    (name, None)
}

/// The data file name for a framework and edition: "SFIA", "9" → `sfia-9.ron`.
pub fn default_file_name(framework: &str, edition: Option<&str>) -> String {
    let mut slug = String::new();
    for part in std::iter::once(framework).chain(edition) {
        for c in part.chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() {
                slug.push(c);
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        "imported.ron".to_string()
    } else {
        format!("{slug}.ron")
    }
}

/// The `source:` attribution of an imported file.
pub fn attribution(file_name: &str) -> String {
    format!("Imported from {file_name} by skillscope; SFIA text © SFIA Foundation")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn cells_lose_carriage_returns_odd_spaces_and_literal_escapes() {
        assert_eq!(
            clean_text("First\u{a0}line  \r\nsecond_x000D_\nthird _x000d_ fourth\rfifth "),
            "First line\nsecond\nthird\nfourth\nfifth"
        );
        assert_eq!(
            clean_text("  \r\n\u{a0}a\n\n\n\nb\u{200b}\t c \n \n"),
            "a\n\nb c"
        );
        assert_eq!(
            clean_text("keep_x00 and _xyz_ and snake_case"),
            "keep_x00 and _xyz_ and snake_case"
        );
        assert_eq!(clean_text("bell\u{7}less\u{feff}"), "bellless");
        assert_eq!(
            clean_line(" Delivery and\r\noperation\u{a0} "),
            "Delivery and operation"
        );
        assert_eq!(clean_text("café_x000D_"), "café");
    }

    #[test]
    fn level_descriptions_hold_one_statement_a_line() {
        assert_eq!(
            statements("Does one thing. \r\n\r\n\u{a0}\r\nDoes another._x000D_\n• Does a third."),
            ["Does one thing.", "Does another.", "Does a third."]
        );
        assert!(statements(" \u{a0}_x000D_\n ").is_empty());
    }

    #[test]
    fn guidance_activities_become_bullets_after_their_own_paragraph() {
        let raw = "Intro paragraph.\u{a0}\r\nSecond paragraph._x000D_\n\r\nActivities may include, but are not limited to:\r\n\r\nfirst activity \r\nsecond\u{a0}activity\r\n";
        assert_eq!(
            guidance_text(raw).unwrap(),
            "Intro paragraph.\n\nSecond paragraph.\n\nActivities may include, but are not limited to:\n- first activity\n- second activity"
        );
    }

    #[test]
    fn guidance_lists_end_at_a_sentence_after_a_blank_line_and_keep_bullet_marks() {
        let raw =
            "Activities include:\n• one\n- two\nthree\n\nThis is a closing sentence.\nAlso:\nfour";
        let text = guidance_text(raw).unwrap();
        assert_eq!(
            text,
            "Activities include:\n- one\n- two\n- three\n\nThis is a closing sentence.\n\nAlso:\n- four"
        );
        let blocks = crate::data::model::parse_guidance(&text);
        assert_eq!(blocks.len(), 5, "{blocks:?}");
        assert_eq!(
            blocks[1],
            crate::data::model::GuidanceBlock::Bullets(vec!["one", "two", "three"])
        );
        assert_eq!(guidance_text(" \r\n_x000D_"), None);
        assert_eq!(
            guidance_text("Only a paragraph.").as_deref(),
            Some("Only a paragraph.")
        );
    }

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
        assert!(SkillColumns::from_header(&row(&["Code", "Skill"])).is_none());
    }

    fn sheet(name: &str, rows: Vec<Vec<String>>) -> Sheet {
        Sheet {
            name: name.to_string(),
            rows,
        }
    }

    fn options() -> ImportOptions {
        ImportOptions {
            framework: "SFIA".into(),
            edition: Some("9".into()),
            source: Some(attribution("x.xlsx")),
            levels_book: None,
        }
    }

    const HEADER: [&str; 6] = [
        "Code",
        "Skill",
        "Category",
        "Overall description",
        "Level 2 description",
        "Level 3 description",
    ];

    #[test]
    fn rows_that_cannot_be_skills_are_skipped_with_reasons() {
        let rows = vec![
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
        ];
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
        let skipped: Vec<(usize, String)> = report
            .skipped
            .iter()
            .map(|s| (s.row, s.reason.to_string()))
            .collect();
        assert_eq!(skipped.len(), 5, "{skipped:?}");
        assert_eq!(skipped[0], (4, "no skill code".to_string()));
        assert_eq!(skipped[1].0, 5);
        assert!(skipped[1].1.contains("letters and digits"), "{skipped:?}");
        assert_eq!(
            skipped[2],
            (6, "duplicate code \"abcd\" (first on row 3)".to_string())
        );
        assert_eq!(skipped[3], (7, "no skill name".to_string()));
        assert_eq!(skipped[4], (8, "no level descriptions".to_string()));
        assert_eq!(report.level_names, LevelNamesFrom::Standard);
        assert_eq!(framework.levels.len(), 7);
        assert!(report.notes.iter().any(|n| n.contains("Guidance notes")));
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
                sheet: "Levels of Responsibility".into(),
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
    fn imports_round_trip_through_ron_with_plain_options() {
        let rows = vec![
            row(&HEADER),
            row(&[
                "ABCD",
                "Quotes \"and\" \\ back",
                "Cat",
                "Línea\nnext",
                "Two.",
                "Three.",
            ]),
            row(&["EFGH", "No category", "", "D", "", "Three."]),
        ];
        let book = Workbook {
            sheets: vec![sheet("Skills", rows)],
            notes: vec![],
        };
        let (framework, _) = import_workbook(&book, &options()).unwrap();
        let text = to_ron(&framework).unwrap();
        assert!(!text.contains("Some("), "{text}");
        assert!(text.contains("category: \"Cat\""), "{text}");
        assert!(text.contains("Línea"), "non-ASCII stays readable: {text}");
        let reread = parse_framework("t.ron", &text).unwrap();
        assert_eq!(reread, framework);
        assert_eq!(reread.skills[1].category, None);
    }

    #[test]
    fn file_names_suggest_framework_and_edition() {
        let cases = [
            ("sfia-9_current-standard_en_250129.xlsx", "SFIA", Some("9")),
            ("SFIA 8 skills.csv", "SFIA", Some("8")),
            ("sfia9.xlsx", "SFIA", Some("9")),
            ("my-SFIA_v10.xlsx", "SFIA", Some("10")),
            ("sfia_250129.xlsx", "SFIA", None),
            ("notsfia9.xlsx", "notsfia9", None),
            ("Acme skills.csv", "Acme skills", None),
        ];
        for (file, framework, edition) in cases {
            let (f, e) = names_from_file_name(file);
            assert_eq!((f.as_str(), e.as_deref()), (framework, edition), "{file}");
        }
    }

    #[test]
    fn default_file_names_are_slugs() {
        assert_eq!(default_file_name("SFIA", Some("9")), "sfia-9.ron");
        assert_eq!(default_file_name("Acme skills", None), "acme-skills.ron");
        assert_eq!(default_file_name("../x", Some("1.2")), "x-1-2.ron");
        assert_eq!(default_file_name("//", None), "imported.ron");
    }
}
