//! Reading a spreadsheet file into rows of cell texts: an `.xlsx` or `.xlsm` workbook (`xlsx`)
//! or a `.csv` export of the skills sheet, within the limits of `limits`.

use std::borrow::Cow;
use std::fmt;
use std::path::Path;

use super::header::{find_skills_header, HEADER_SEARCH_ROWS};
use super::limits::{Budget, Exceeded, Grid, Place, MAX_COLUMNS, MAX_SPREADSHEET_BYTES};
use super::xlsx::read_xlsx;
use super::{Sheet, Workbook};
use crate::data::sources::read_capped;

/// Why a file could not be read as a spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError(pub String);

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for ReadError {}

/// The file kinds told apart by name, then by their first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Xlsx,
    Csv,
    /// A format calamine reads only whole (it builds every sheet in full when it opens the
    /// file), so its size cannot be checked before it costs memory: refused.
    Unsupported(&'static str),
}

/// An OLE compound file: an old `.xls` workbook, or an encrypted `.xlsx`.
const OLE_MAGIC: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];

fn kind_of(path: &Path, start: &[u8]) -> Kind {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "csv" | "tsv" | "txt" => Kind::Csv,
        _ if start.starts_with(&OLE_MAGIC) => {
            Kind::Unsupported("an old Excel workbook (.xls) or an encrypted one")
        }
        "xlsx" | "xlsm" => Kind::Xlsx,
        "xlsb" => Kind::Unsupported("a binary Excel workbook (.xlsb)"),
        "xls" => Kind::Unsupported("an old Excel workbook (.xls)"),
        "ods" => Kind::Unsupported("an OpenDocument spreadsheet (.ods)"),
        // A zip is read as a workbook whatever its name.
        _ if start.starts_with(b"PK\x03\x04") => Kind::Xlsx,
        _ => Kind::Csv,
    }
}

/// Reads every sheet of a workbook, or the one sheet of a CSV file. Only a regular file is
/// read (a FIFO would block), and only one of at most [`MAX_SPREADSHEET_BYTES`].
pub fn read_workbook(path: &Path) -> Result<Workbook, ReadError> {
    let bytes = read_capped(path, MAX_SPREADSHEET_BYTES, "spreadsheets")
        .map_err(|e| ReadError(e.message))?;
    match kind_of(path, &bytes[..bytes.len().min(OLE_MAGIC.len())]) {
        Kind::Xlsx => read_xlsx(bytes),
        Kind::Csv => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            read_csv(&name, &bytes)
        }
        Kind::Unsupported(what) => Err(ReadError(format!(
            "the file is {what}; skillscope reads .xlsx, .xlsm and .csv files: \
             save it as one of those (without a password)"
        ))),
    }
}

/// Parses CSV bytes: UTF-8 (a byte-order mark is dropped) or else Windows-1252, as Excel on
/// Windows writes it; comma-separated, or semicolon or tab when that is what finds the skills
/// header. A file without that header (a levels table) takes the separator that splits its
/// first rows into the most cells. Empty fields are not placed: rows end at their last value.
pub fn read_csv(name: &str, bytes: &[u8]) -> Result<Workbook, ReadError> {
    let mut notes = Vec::new();
    let text = decode_csv(bytes, &mut notes);
    let delimiter = choose_delimiter(&text);
    let rows = parse_csv(&text, delimiter).map_err(|limit| ReadError(limit.message(Place::Csv)))?;
    Ok(Workbook {
        sheets: vec![Sheet {
            name: name.to_string(),
            rows,
        }],
        notes,
    })
}

const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// Commas first; the other separators are tried only when commas do not find the header. Only
/// the rows the header is looked for in are split.
fn choose_delimiter(text: &str) -> u8 {
    let mut tried: Vec<Sheet> = Vec::new();
    for delimiter in DELIMITERS {
        let sheet = first_rows(text, delimiter);
        if find_skills_header(&sheet).is_some() {
            return delimiter;
        }
        tried.push(sheet);
    }
    DELIMITERS[widest(&tried)]
}

fn csv_reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// The rows the header is looked for in, split at `delimiter`, each cut one cell past the
/// column limit (enough to tell that a row is too wide).
fn first_rows(text: &str, delimiter: u8) -> Sheet {
    let rows = (csv_reader(text, delimiter).into_records())
        .map_while(Result::ok)
        .take(HEADER_SEARCH_ROWS)
        .map(|record| {
            let cells = record.iter().take(MAX_COLUMNS as usize + 1);
            cells.map(str::to_string).collect()
        })
        .collect();
    Sheet {
        name: String::new(),
        rows,
    }
}

/// CSV text split at `delimiter` into rows, within the limits.
fn parse_csv(text: &str, delimiter: u8) -> Result<Vec<Vec<String>>, Exceeded> {
    let mut budget = Budget::default();
    let mut grid = Grid::new(&mut budget);
    let records = csv_reader(text, delimiter)
        .into_records()
        .map_while(Result::ok);
    for (row, record) in records.enumerate() {
        let row = u32::try_from(row).unwrap_or(u32::MAX);
        for (column, field) in record.iter().enumerate() {
            if !field.is_empty() {
                let column = u32::try_from(column).unwrap_or(u32::MAX);
                grid.put(row, column, field.to_string())?;
            }
        }
    }
    Ok(grid.into_rows())
}

/// CSV bytes as text: UTF-8 without its byte-order mark, or else Windows-1252 (with a note).
fn decode_csv<'b>(bytes: &'b [u8], notes: &mut Vec<String>) -> Cow<'b, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(_) => {
            notes.push("the file is not UTF-8; it was read as Windows-1252".to_string());
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
        }
    }
}

/// The first of the sheets whose first rows hold the most cells: commas win ties.
fn widest(sheets: &[Sheet]) -> usize {
    let width = |sheet: &Sheet| {
        (sheet.rows.iter().take(HEADER_SEARCH_ROWS))
            .map(Vec::len)
            .max()
            .unwrap_or(0)
    };
    let most = sheets.iter().map(width).max().unwrap_or(0);
    sheets.iter().position(|s| width(s) == most).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_finds_its_delimiter_and_keeps_multi_line_cells() {
        let text = "\u{feff}Title;;\r\nCode;Skill;Overall description;Level 1\r\nAB;\"Name; with\r\nbreak\";D;S\r\n";
        let book = read_csv("x.csv", text.as_bytes()).unwrap();
        let rows = &book.sheets[0].rows;
        assert_eq!(rows[1], ["Code", "Skill", "Overall description", "Level 1"]);
        assert_eq!(rows[2][1], "Name; with\r\nbreak");
        assert!(book.notes.is_empty());
    }

    #[test]
    fn a_csv_without_the_skills_header_takes_the_separator_that_splits_it_most() {
        let text = "Level;1;2;3\nGuiding phrase;Follow;Assist;Apply\nEssence;Does, under supervision;Helps;Applies\n";
        let rows = &read_csv("levels.csv", text.as_bytes()).unwrap().sheets[0].rows;
        assert_eq!(rows[0], ["Level", "1", "2", "3"]);
        assert_eq!(rows[2][1], "Does, under supervision");
        let text = "Level,1,2\nGuiding phrase,Follow,Assist\n";
        let rows = &read_csv("levels.csv", text.as_bytes()).unwrap().sheets[0].rows;
        assert_eq!(rows[1], ["Guiding phrase", "Follow", "Assist"]);
    }

    #[test]
    fn csv_that_is_not_utf8_is_read_as_windows_1252() {
        let bytes = b"Code,Skill,Overall description\nAB,Caf\xe9 \x96 bar,D\n";
        let book = read_csv("x.csv", bytes).unwrap();
        assert_eq!(book.sheets[0].rows[1][1], "Café – bar");
        assert_eq!(
            book.notes,
            ["the file is not UTF-8; it was read as Windows-1252"]
        );
    }

    #[test]
    fn kinds_are_told_by_name_then_by_content() {
        assert_eq!(kind_of(Path::new("a.CSV"), b"PK\x03\x04"), Kind::Csv);
        assert_eq!(kind_of(Path::new("a.XLSX"), b""), Kind::Xlsx);
        assert_eq!(kind_of(Path::new("a.bin"), b"PK\x03\x04"), Kind::Xlsx);
        assert_eq!(kind_of(Path::new("export"), b"Code"), Kind::Csv);
        assert!(matches!(
            kind_of(Path::new("a.xlsx"), &OLE_MAGIC),
            Kind::Unsupported(_)
        ));
        assert!(matches!(
            kind_of(Path::new("a.ods"), b"PK\x03\x04"),
            Kind::Unsupported(_)
        ));
    }
}
