//! `skillscope import` given hostile spreadsheets, generated here: files that claim or unzip to
//! far more than they hold, a CSV file with too many rows, a FIFO in place of a file. Each is
//! refused with a message naming the limit, writes nothing, and stays within a bounded peak of
//! memory (measured by the kernel for the child process, on Linux).
#![cfg(unix)]

mod common;
use common::Sandbox;

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use zip::write::SimpleFileOptions;
use zip::{ZipArchive, ZipWriter};

/// What a hostile file may cost the import at most, far below what it cost before the limits.
const PEAK_MEMORY_KIB: i64 = 128 * 1024;

/// How an import that should be refused ended.
struct Refusal {
    stderr: String,
    /// The child's peak resident memory, in KiB (Linux reports it so). The kernel counts in it
    /// the peak of this test process as it was when the child was started.
    peak_kib: i64,
    /// This test process's own peak, in KiB, after the child ended.
    own_peak_kib: i64,
}

/// This process's peak resident memory, in KiB.
fn own_peak_kib() -> i64 {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmHWM:"));
    let kib = line.and_then(|l| l.split_whitespace().nth(1)?.parse().ok());
    kib.unwrap_or(0)
}

/// Runs `skillscope import FILE` and waits for it (killing it, and failing, should it hang),
/// then checks that it failed and wrote nothing.
fn refused_import(sandbox: &Sandbox, file: &Path) -> Refusal {
    // The child is reaped by `wait4`, which also reports what it used.
    #[allow(clippy::zombie_processes)]
    let mut child = sandbox
        .command(&["import", file.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let deadline = Instant::now() + Duration::from_secs(60);
    let reap = |options| {
        let mut status = 0;
        // SAFETY: `rusage` is plain data, written by the kernel when the child is reaped.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: waits for our own child only; the pointers are to live locals.
        let reaped = unsafe { libc::wait4(pid, &mut status, options, &mut usage) };
        assert!(reaped >= 0, "wait4 failed");
        (reaped == pid).then_some((status, usage))
    };
    let (status, usage) = loop {
        if let Some(ended) = reap(libc::WNOHANG) {
            break ended;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            reap(0);
            panic!("import of {} did not finish: it hangs", file.display());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(libc::WIFEXITED(status), "killed by a signal: {stderr}");
    assert_eq!(libc::WEXITSTATUS(status), 1, "{stderr}");
    assert!(
        !sandbox.data_dir().exists(),
        "nothing may be written: {:?}",
        fs::read_dir(sandbox.data_dir()).map(|d| d.count())
    );
    Refusal {
        stderr,
        peak_kib: usage.ru_maxrss,
        own_peak_kib: own_peak_kib(),
    }
}

/// Checks the message and, on Linux, the peak memory of a refusal.
fn assert_refused(refusal: &Refusal, message: &str) {
    assert!(
        refusal.stderr.contains(message),
        "expected {message:?} in {:?}",
        refusal.stderr
    );
    // A peak above the limit that is not this process's own (a failing test's backtrace can
    // take more) is the child's.
    if cfg!(target_os = "linux") {
        assert!(
            refusal.peak_kib < PEAK_MEMORY_KIB.max(refusal.own_peak_kib + 1),
            "peak memory {} KiB",
            refusal.peak_kib
        );
    }
}

/// A workbook with one value, at the 0-based `row` and `column`.
fn workbook_with_a_value_at(path: &Path, row: u32, column: u16) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Code").unwrap();
    sheet.write_string(row, column, "far away").unwrap();
    book.save(path).unwrap();
}

/// A small workbook (one value at B2) as `name` in the sandbox, with its entry `entry` written
/// anew by `write` (which gets the entry's old content).
fn workbook_with_entry(
    sandbox: &Sandbox,
    name: &str,
    entry: &str,
    write: impl Fn(&[u8], &mut dyn Write),
) -> PathBuf {
    let honest = sandbox.path("honest.xlsx");
    workbook_with_a_value_at(&honest, 1, 1);
    let file = sandbox.path(name);
    let mut archive = ZipArchive::new(fs::File::open(&honest).unwrap()).unwrap();
    let mut out = ZipWriter::new(fs::File::create(&file).unwrap());
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).unwrap();
        let part_name = part.name().unwrap().into_owned();
        let mut content = Vec::new();
        part.read_to_end(&mut content).unwrap();
        out.start_file(part_name.as_str(), SimpleFileOptions::default())
            .unwrap();
        if part_name == entry {
            write(&content, &mut out);
        } else {
            out.write_all(&content).unwrap();
        }
    }
    out.finish().unwrap();
    file
}

#[test]
fn a_value_in_the_last_cell_of_the_grid_is_refused() {
    let sandbox = Sandbox::new();
    let file = sandbox.path("far.xlsx");
    workbook_with_a_value_at(&file, 1_048_575, 16_383);
    let refusal = refused_import(&sandbox, &file);
    assert_refused(
        &refusal,
        "sheet \"Sheet1\" has a value in cell XFD1048576 (row 1,048,576, column 16,384); \
         skillscope reads at most 100,000 rows and 1,000 columns\n",
    );
}

#[test]
fn a_value_in_the_last_row_is_refused() {
    let sandbox = Sandbox::new();
    let file = sandbox.path("deep.xlsx");
    workbook_with_a_value_at(&file, 1_048_575, 99);
    let refusal = refused_import(&sandbox, &file);
    assert_refused(
        &refusal,
        "sheet \"Sheet1\" has a value in cell CV1048576 (row 1,048,576, column 100)",
    );
}

#[test]
fn a_shared_strings_table_claiming_four_billion_strings_is_refused() {
    let sandbox = Sandbox::new();
    let file = workbook_with_entry(
        &sandbox,
        "claims.xlsx",
        "xl/sharedStrings.xml",
        |old, out| {
            let old = String::from_utf8(old.to_vec()).unwrap();
            assert!(old.contains("uniqueCount=\"2\""), "{old}");
            let claims = old.replace("uniqueCount=\"2\"", "uniqueCount=\"4294967295\"");
            out.write_all(claims.as_bytes()).unwrap();
        },
    );
    let refusal = refused_import(&sandbox, &file);
    assert_refused(
        &refusal,
        "the workbook's shared-strings table claims 4,294,967,295 strings; \
         skillscope reads at most 1,000,000\n",
    );
}

#[test]
fn a_sheet_that_unzips_to_more_than_the_limit_is_refused() {
    let sandbox = Sandbox::new();
    // Rows of one number each (padded, so that the test runs fast), well past the limit once
    // unzipped, a few hundred KiB zipped.
    let row = format!("<row><c><v>1</v></c>{}</row>", " ".repeat(4000));
    let rows = row.repeat(200);
    let file = workbook_with_entry(
        &sandbox,
        "bomb.xlsx",
        "xl/worksheets/sheet1.xml",
        |_, out| {
            out.write_all(b"<?xml version=\"1.0\"?><worksheet><sheetData>")
                .unwrap();
            for _ in 0..200 {
                out.write_all(rows.as_bytes()).unwrap();
            }
            out.write_all(b"</sheetData></worksheet>").unwrap();
        },
    );
    assert!(fs::metadata(&file).unwrap().len() < 2 * 1024 * 1024);
    let refusal = refused_import(&sandbox, &file);
    assert_refused(
        &refusal,
        "the workbook unzips to more than 64 MiB; skillscope reads at most that much\n",
    );
}

#[test]
fn styles_that_copy_a_huge_number_format_into_every_cell_format_are_not_read() {
    let sandbox = Sandbox::new();
    // Read, each cell format would copy the megabyte-long number format: gigabytes in all.
    let format = "0".repeat(1024 * 1024);
    let cell_formats = "<xf numFmtId=\"164\"/>".repeat(10_000);
    let file = workbook_with_entry(&sandbox, "styles.xlsx", "xl/styles.xml", |_, out| {
        let styles = format!(
            "<?xml version=\"1.0\"?><styleSheet><numFmts count=\"1\">\
             <numFmt numFmtId=\"164\" formatCode=\"{format}\"/></numFmts>\
             <cellXfs count=\"10000\">{cell_formats}</cellXfs></styleSheet>"
        );
        out.write_all(styles.as_bytes()).unwrap();
    });
    let refusal = refused_import(&sandbox, &file);
    // Read without its styles, the workbook gets as far as looking for the skills header.
    assert_refused(&refusal, "no sheet has a header row with \"Code\"");
}

#[test]
fn an_archive_of_too_many_entries_is_refused() {
    let sandbox = Sandbox::new();
    let file = sandbox.path("entries.xlsx");
    let mut out = ZipWriter::new(fs::File::create(&file).unwrap());
    for index in 0..10_001 {
        out.start_file(format!("e{index}"), SimpleFileOptions::default())
            .unwrap();
    }
    out.finish().unwrap();
    let refusal = refused_import(&sandbox, &file);
    assert_refused(
        &refusal,
        "the workbook's zip archive has more than 10,000 entries; \
         skillscope reads at most that many\n",
    );
}

#[test]
fn a_csv_file_of_more_rows_than_the_limit_is_refused() {
    let sandbox = Sandbox::new();
    let mut text = String::from("Code,Skill,Overall description,Level 1 description\n");
    for row in 0..100_000 {
        text.push_str(&format!("A{row},Name,Description,Does.\n"));
    }
    let file = sandbox.write("long.csv", &text);
    let refusal = refused_import(&sandbox, &file);
    assert_refused(
        &refusal,
        "the file has more than 100,000 rows; \
         skillscope reads at most 100,000 rows and 1,000 columns\n",
    );
}

#[test]
fn a_fifo_in_place_of_the_spreadsheet_is_refused_without_waiting_for_a_writer() {
    let sandbox = Sandbox::new();
    let file = sandbox.path("skills.xlsx");
    let name = std::ffi::CString::new(file.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    let refusal = refused_import(&sandbox, &file);
    assert_refused(&refusal, "not a regular file");
}

#[test]
fn formats_whose_size_cannot_be_checked_first_are_refused() {
    let sandbox = Sandbox::new();
    let file = sandbox.path("skills.ods");
    fs::write(&file, b"PK\x03\x04 whatever follows").unwrap();
    let refusal = refused_import(&sandbox, &file);
    assert_refused(
        &refusal,
        "the file is an OpenDocument spreadsheet (.ods); \
         skillscope reads .xlsx, .xlsm and .csv files",
    );
}
