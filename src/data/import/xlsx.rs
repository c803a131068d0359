//! Reading an `.xlsx` or `.xlsm` workbook without trusting what it claims.
//!
//! The archive is checked first (`archive`); then each sheet's cells are streamed into a
//! [`Grid`], so a sheet takes what its values take, never the rectangle its dimension claims
//! (calamine's own ranges allocate that rectangle). Everything is read from one copy of the file
//! in memory, so what was checked is what calamine reads.

use std::io::Cursor;

use calamine::{Data, DataRef, Reader, Xlsx, XlsxError};

use super::archive::checked_archive;
use super::limits::{Budget, Exceeded, Grid, Place, MAX_CELL_TEXT_BYTES};
use super::read::ReadError;
use super::{Sheet, Workbook};

/// Reads every sheet of the workbook in `bytes` (the whole file), or refuses it naming the limit
/// it goes past. A sheet calamine cannot read is left out with a note.
pub fn read_xlsx(bytes: Vec<u8>) -> Result<Workbook, ReadError> {
    let bytes = checked_archive(bytes)?;
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| ReadError(format!("cannot read the file as a spreadsheet: {e}")))?;
    let mut budget = Budget::default();
    let mut book = Workbook::default();
    for name in workbook.sheet_names() {
        match read_sheet(&mut workbook, &name, &mut budget) {
            Ok(rows) => book.sheets.push(Sheet { name, rows }),
            Err(SheetError::Unreadable(e)) => book.notes.push(format!(
                "sheet {name:?} could not be read ({e}); it was left out"
            )),
            Err(SheetError::Exceeded(limit)) => {
                return Err(ReadError(limit.message(Place::Sheet(&name))))
            }
        }
    }
    Ok(book)
}

enum SheetError {
    Unreadable(XlsxError),
    Exceeded(Exceeded),
}

/// One sheet's values, streamed: blank cells are not placed.
fn read_sheet(
    workbook: &mut Xlsx<Cursor<Vec<u8>>>,
    name: &str,
    budget: &mut Budget,
) -> Result<Vec<Vec<String>>, SheetError> {
    let mut cells = match workbook.worksheet_cells_reader(name) {
        Ok(cells) => cells,
        // A chart sheet has no cells, as calamine's own ranges have it.
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        Err(e) => return Err(SheetError::Unreadable(e)),
    };
    let mut grid = Grid::new(budget);
    while let Some(cell) = cells.next_cell().map_err(SheetError::Unreadable)? {
        let value = cell.get_value();
        // A shared string is copied into each cell that shows it: not past the limit.
        if let DataRef::SharedString(text) = value {
            if text.len() > MAX_CELL_TEXT_BYTES {
                return Err(SheetError::Exceeded(Exceeded::Text));
            }
        }
        let text = cell_text(Data::from(value.clone()));
        if !text.is_empty() {
            let (row, column) = cell.get_position();
            grid.put(row, column, text).map_err(SheetError::Exceeded)?;
        }
    }
    Ok(grid.into_rows())
}

/// A cell as text: whole numbers without ".0", errors as nothing.
fn cell_text(cell: Data) -> String {
    match cell {
        Data::String(text) => text,
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
        Data::Error(_) | Data::Empty => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_lose_their_fraction() {
        assert_eq!(cell_text(Data::Float(3.0)), "3");
        assert_eq!(cell_text(Data::Float(2.5)), "2.5");
        assert_eq!(cell_text(Data::Int(7)), "7");
        assert_eq!(cell_text(Data::Empty), "");
    }
}
