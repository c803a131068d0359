//! Reading a spreadsheet file into rows of cell texts: `.xlsx` (and the other formats calamine
//! reads: `.xlsm`, `.xlsb`, `.xls`, `.ods`) or a `.csv` export of the skills sheet.

use std::borrow::Cow;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};

use super::header::{find_skills_header, HEADER_SEARCH_ROWS};
use super::{Sheet, Workbook};

/// A spreadsheet larger than this is refused before it is read.
pub const MAX_SPREADSHEET_BYTES: u64 = 64 * 1024 * 1024;

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
    Spreadsheet,
    Csv,
}

fn kind_of(path: &Path, start: &[u8]) -> Kind {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "csv" | "tsv" | "txt" => Kind::Csv,
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Kind::Spreadsheet,
        // A zip (xlsx, ods) or an OLE compound file (xls) whatever its name.
        _ if start.starts_with(b"PK\x03\x04") || start.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) => {
            Kind::Spreadsheet
        }
        _ => Kind::Csv,
    }
}

/// Reads every sheet of a spreadsheet, or the one sheet of a CSV file.
pub fn read_workbook(path: &Path) -> Result<Workbook, ReadError> {
    let fail = |what: &str, e: &dyn fmt::Display| ReadError(format!("cannot {what}: {e}"));
    let file = fs::File::open(path).map_err(|e| fail("open the file", &e))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_SPREADSHEET_BYTES {
        return Err(ReadError(format!(
            "the file is {} MiB; spreadsheets may be at most {} MiB",
            size / (1024 * 1024),
            MAX_SPREADSHEET_BYTES / (1024 * 1024)
        )));
    }
    let mut start = [0u8; 4];
    let read = (&file).read(&mut start).unwrap_or(0);
    match kind_of(path, &start[..read]) {
        Kind::Spreadsheet => read_spreadsheet(path),
        Kind::Csv => {
            let bytes =
                crate::data::sources::read_capped(path, MAX_SPREADSHEET_BYTES, "spreadsheets")
                    .map_err(|e| ReadError(e.message))?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(read_csv(&name, &bytes))
        }
    }
}

fn read_spreadsheet(path: &Path) -> Result<Workbook, ReadError> {
    let mut workbook = open_workbook_auto(path)
        .map_err(|e| ReadError(format!("cannot read the file as a spreadsheet: {e}")))?;
    let mut book = Workbook::default();
    for name in workbook.sheet_names() {
        match workbook.worksheet_range(&name) {
            Ok(range) => {
                let (first_row, first_column) = range.start().unwrap_or((0, 0));
                let mut rows: Vec<Vec<String>> = vec![Vec::new(); first_row as usize];
                for cells in range.rows() {
                    let mut row = vec![String::new(); first_column as usize];
                    row.extend(cells.iter().map(cell_text));
                    rows.push(row);
                }
                book.sheets.push(Sheet { name, rows });
            }
            Err(e) => book.notes.push(format!(
                "sheet {name:?} could not be read ({e}); it was left out"
            )),
        }
    }
    Ok(book)
}

/// A cell as text: whole numbers without ".0", errors as nothing.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(text) => text.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Error(_) | Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// Parses CSV bytes: UTF-8 (a byte-order mark is dropped) or else Windows-1252, as Excel on
/// Windows writes it; comma-separated, or semicolon or tab when that is what finds the skills
/// header. A file without that header (a levels table) takes the separator that splits its
/// first rows into the most cells.
pub fn read_csv(name: &str, bytes: &[u8]) -> Workbook {
    let mut notes = Vec::new();
    let text = decode_csv(bytes, &mut notes);
    // Commas first; the other separators are tried only when commas do not find the header.
    let mut sheets = vec![parse_csv(name, &text, b',')];
    for delimiter in [b';', b'\t'] {
        if find_skills_header(&sheets[sheets.len() - 1]).is_some() {
            break;
        }
        sheets.push(parse_csv(name, &text, delimiter));
    }
    let chosen = (sheets.iter())
        .position(|sheet| find_skills_header(sheet).is_some())
        .unwrap_or_else(|| widest(&sheets));
    let sheet = sheets.swap_remove(chosen);
    Workbook {
        sheets: vec![sheet],
        notes,
    }
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

/// CSV text split at `delimiter` into one sheet; rows may differ in length.
fn parse_csv(name: &str, text: &str, delimiter: u8) -> Sheet {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let rows = reader
        .records()
        .map_while(Result::ok)
        .map(|record| record.iter().map(str::to_string).collect())
        .collect();
    Sheet {
        name: name.to_string(),
        rows,
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
        let book = read_csv("x.csv", text.as_bytes());
        let rows = &book.sheets[0].rows;
        assert_eq!(rows[1], ["Code", "Skill", "Overall description", "Level 1"]);
        assert_eq!(rows[2][1], "Name; with\r\nbreak");
        assert!(book.notes.is_empty());
    }

    #[test]
    fn a_csv_without_the_skills_header_takes_the_separator_that_splits_it_most() {
        let text = "Level;1;2;3\nGuiding phrase;Follow;Assist;Apply\nEssence;Does, under supervision;Helps;Applies\n";
        let rows = &read_csv("levels.csv", text.as_bytes()).sheets[0].rows;
        assert_eq!(rows[0], ["Level", "1", "2", "3"]);
        assert_eq!(rows[2][1], "Does, under supervision");
        let text = "Level,1,2\nGuiding phrase,Follow,Assist\n";
        let rows = &read_csv("levels.csv", text.as_bytes()).sheets[0].rows;
        assert_eq!(rows[1], ["Guiding phrase", "Follow", "Assist"]);
    }

    #[test]
    fn csv_that_is_not_utf8_is_read_as_windows_1252() {
        let bytes = b"Code,Skill,Overall description\nAB,Caf\xe9 \x96 bar,D\n";
        let book = read_csv("x.csv", bytes);
        assert_eq!(book.sheets[0].rows[1][1], "Café – bar");
        assert_eq!(
            book.notes,
            ["the file is not UTF-8; it was read as Windows-1252"]
        );
    }

    #[test]
    fn kinds_are_told_by_name_then_by_content() {
        assert_eq!(kind_of(Path::new("a.CSV"), b"PK\x03\x04"), Kind::Csv);
        assert_eq!(kind_of(Path::new("a.XLSX"), b""), Kind::Spreadsheet);
        assert_eq!(
            kind_of(Path::new("a.bin"), b"PK\x03\x04"),
            Kind::Spreadsheet
        );
        assert_eq!(kind_of(Path::new("export"), b"Code"), Kind::Csv);
    }

    #[test]
    fn whole_numbers_lose_their_fraction() {
        assert_eq!(cell_text(&Data::Float(3.0)), "3");
        assert_eq!(cell_text(&Data::Float(2.5)), "2.5");
        assert_eq!(cell_text(&Data::Int(7)), "7");
        assert_eq!(cell_text(&Data::Empty), "");
    }
}
