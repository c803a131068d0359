//! How much an import reads, and the rows of cells it builds within that.
//!
//! A spreadsheet can claim sizes it does not have (a single cell far down and to the right of a
//! tiny file, billions of shared strings, a zip entry that unzips a thousandfold), and a CSV file
//! can hold millions of rows. Nothing is allocated from what a file claims: the zip is measured
//! before calamine opens it (`archive`), and cells are placed one at a time into a [`Grid`], which
//! refuses the first cell past a limit. The limits sit far above what the official SFIA workbook
//! needs, and low enough that reading a file at all of them at once stays within a few hundred
//! megabytes.

use crate::data::sanitize::{printable, Lines};

const MIB: u64 = 1024 * 1024;

/// A spreadsheet or CSV file larger than this is refused before it is read.
pub const MAX_SPREADSHEET_BYTES: u64 = 64 * MIB;
/// Entries (files) in a workbook's zip archive.
pub const MAX_ZIP_ENTRIES: usize = 10_000;
/// A workbook's entries once unzipped, in bytes, in all.
pub const MAX_UNZIPPED_BYTES: u64 = 64 * MIB;
/// What reading every sheet may unzip, counting each sheet as large as the largest entry.
pub const MAX_SHEET_READING_BYTES: u64 = 512 * MIB;
/// Strings in a workbook's shared-strings table, as it claims them and as they are counted.
pub const MAX_SHARED_STRINGS: u64 = 1_000_000;
/// Sheets in a workbook.
pub const MAX_SHEETS: usize = 100;
/// Relationships between a workbook's parts, and defined names, together.
pub const MAX_RECORDS: u64 = 100_000;
/// Rows of a sheet or CSV file: no value may stand below this row.
pub const MAX_ROWS: u32 = 100_000;
/// Columns of a sheet or CSV file: no value may stand right of this column.
pub const MAX_COLUMNS: u32 = 1_000;
/// Cells of a whole file, counting the blank cells left of each row's last value.
pub const MAX_CELLS: usize = 2_000_000;
/// The text of all the cells of a file, in bytes.
pub const MAX_CELL_TEXT_BYTES: usize = 64 * MIB as usize;

/// What the sheets of one file have used of [`MAX_CELLS`] and [`MAX_CELL_TEXT_BYTES`].
#[derive(Debug, Default)]
pub struct Budget {
    cells: usize,
    text_bytes: usize,
}

/// A limit a file went past, with where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    /// A value at this (0-based) row and column, past [`MAX_ROWS`] or [`MAX_COLUMNS`].
    Position {
        row: u32,
        column: u32,
    },
    Cells,
    Text,
}

/// Where a value stood, for the message.
#[derive(Debug, Clone, Copy)]
pub enum Place<'a> {
    Sheet(&'a str),
    Csv,
}

impl Exceeded {
    /// The refusal, naming the limit.
    pub fn message(self, place: Place<'_>) -> String {
        let positions = format!(
            "skillscope reads at most {} rows and {} columns",
            grouped(MAX_ROWS.into()),
            grouped(MAX_COLUMNS.into())
        );
        match (self, place) {
            (Exceeded::Position { row, column }, Place::Sheet(name)) => format!(
                "sheet {:?} has a value in cell {}{} (row {}, column {}); {positions}",
                printable(name, Lines::Single),
                column_letters(column),
                u64::from(row) + 1,
                grouped(u64::from(row) + 1),
                grouped(u64::from(column) + 1),
            ),
            (Exceeded::Position { row, .. }, Place::Csv) if row >= MAX_ROWS => format!(
                "the file has more than {} rows; {positions}",
                grouped(MAX_ROWS.into())
            ),
            (Exceeded::Position { row, .. }, Place::Csv) => format!(
                "row {} has more than {} columns; {positions}",
                grouped(u64::from(row) + 1),
                grouped(MAX_COLUMNS.into())
            ),
            (Exceeded::Cells, _) => format!(
                "the file has more than {} cells (counting the blank cells left of each row's \
                 last value); skillscope reads at most that many",
                grouped(MAX_CELLS as u64)
            ),
            (Exceeded::Text, _) => format!(
                "the cells hold more than {} MiB of text; skillscope reads at most that much",
                MAX_CELL_TEXT_BYTES as u64 / MIB
            ),
        }
    }
}

/// The rows of one sheet, filled a cell at a time: `rows[i][j]` is row `i`, column `j`, and
/// each row is as long as its last value. Values may come in any order; a later value at the
/// same place replaces the earlier one.
#[derive(Debug)]
pub struct Grid<'b> {
    rows: Vec<Vec<String>>,
    budget: &'b mut Budget,
}

impl<'b> Grid<'b> {
    pub fn new(budget: &'b mut Budget) -> Grid<'b> {
        Grid {
            rows: Vec::new(),
            budget,
        }
    }

    /// Places `text` at the 0-based `row` and `column`, or says which limit that goes past
    /// (before anything is allocated for it). A row counts as at least one cell.
    pub fn put(&mut self, row: u32, column: u32, text: String) -> Result<(), Exceeded> {
        if row >= MAX_ROWS || column >= MAX_COLUMNS {
            return Err(Exceeded::Position { row, column });
        }
        let (row, column) = (row as usize, column as usize);
        if row >= self.rows.len() {
            self.spend_cells(row + 1 - self.rows.len())?;
            self.rows.resize_with(row + 1, Vec::new);
        }
        let length = self.rows[row].len();
        if column >= length {
            self.spend_cells(column + 1 - length.max(1))?;
        }
        let replaced = self.rows[row].get(column).map_or(0, String::len);
        let text_bytes = self.budget.text_bytes - replaced + text.len();
        if text_bytes > MAX_CELL_TEXT_BYTES {
            return Err(Exceeded::Text);
        }
        self.budget.text_bytes = text_bytes;
        let cells = &mut self.rows[row];
        if column >= cells.len() {
            cells.resize_with(column + 1, String::new);
        }
        cells[column] = text;
        Ok(())
    }

    fn spend_cells(&mut self, cells: usize) -> Result<(), Exceeded> {
        if self.budget.cells + cells > MAX_CELLS {
            return Err(Exceeded::Cells);
        }
        self.budget.cells += cells;
        Ok(())
    }

    pub fn into_rows(self) -> Vec<Vec<String>> {
        self.rows
    }
}

/// A 0-based column as a spreadsheet names it: 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(column: u32) -> String {
    let mut letters = Vec::new();
    let mut rest = u64::from(column) + 1;
    while rest > 0 {
        let digit = ((rest - 1) % 26) as u8;
        letters.push(b'A' + digit);
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().map(|&b| char::from(b)).collect()
}

/// A count with thousands separated by commas: 1048576 → "1,048,576".
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(99), "CV");
        assert_eq!(column_letters(16_383), "XFD");
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(1_048_576), "1,048,576");
        assert_eq!(grouped(u32::MAX.into()), "4,294,967,295");
    }

    #[test]
    fn a_grid_places_values_in_any_order_with_rows_as_long_as_their_last_value() {
        let mut budget = Budget::default();
        let mut grid = Grid::new(&mut budget);
        grid.put(2, 1, "c".into()).unwrap();
        grid.put(0, 0, "a".into()).unwrap();
        grid.put(2, 1, "d".into()).unwrap();
        let rows = grid.into_rows();
        assert_eq!(rows, [vec!["a"], vec![], vec!["", "d"]]);
        // Three rows, one of them two cells long; "c" was replaced by "d".
        assert_eq!((budget.cells, budget.text_bytes), (4, 2));
    }

    #[test]
    fn a_value_past_the_last_row_or_column_is_refused() {
        let mut budget = Budget::default();
        let mut grid = Grid::new(&mut budget);
        let far = grid.put(1_048_575, 16_383, "x".into()).unwrap_err();
        assert_eq!(
            far.message(Place::Sheet("Sheet1")),
            "sheet \"Sheet1\" has a value in cell XFD1048576 (row 1,048,576, column 16,384); \
             skillscope reads at most 100,000 rows and 1,000 columns"
        );
        assert!(grid.put(MAX_ROWS - 1, MAX_COLUMNS - 1, "x".into()).is_ok());
        let below = grid.put(MAX_ROWS, 0, "x".into()).unwrap_err();
        assert_eq!(
            below.message(Place::Csv),
            "the file has more than 100,000 rows; \
             skillscope reads at most 100,000 rows and 1,000 columns"
        );
        let right = grid.put(4, MAX_COLUMNS, "x".into()).unwrap_err();
        assert_eq!(
            right.message(Place::Csv),
            "row 5 has more than 1,000 columns; \
             skillscope reads at most 100,000 rows and 1,000 columns"
        );
    }

    #[test]
    fn cells_and_text_are_counted_across_the_sheets_of_a_file() {
        let mut budget = Budget::default();
        let wide = (MAX_COLUMNS - 1) as usize + 1;
        let rows_that_fit = (MAX_CELLS / wide) as u32;
        let mut first = Grid::new(&mut budget);
        for row in 0..rows_that_fit {
            first.put(row, MAX_COLUMNS - 1, String::new()).unwrap();
        }
        drop(first);
        let mut second = Grid::new(&mut budget);
        assert_eq!(
            second.put(0, MAX_COLUMNS - 1, String::new()),
            Err(Exceeded::Cells)
        );
        let mut budget = Budget::default();
        let mut grid = Grid::new(&mut budget);
        let half = "x".repeat(MAX_CELL_TEXT_BYTES / 2);
        grid.put(0, 0, half.clone()).unwrap();
        grid.put(0, 1, half.clone()).unwrap();
        assert_eq!(grid.put(0, 2, "x".into()), Err(Exceeded::Text));
        assert!(
            grid.put(0, 1, "y".into()).is_ok(),
            "replacing a value gives its text back"
        );
        assert!(Exceeded::Text.message(Place::Csv).contains("64 MiB"));
    }
}
