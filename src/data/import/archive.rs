//! A workbook's zip archive, checked before calamine opens it.
//!
//! calamine reads the shared strings, the styles, the relationships and the workbook part as it
//! opens an archive, and some of what it builds there grows with what the file claims or
//! repeats, not with its size: room reserved for as many shared strings as the table's
//! `uniqueCount` says, a copy of a style's font, fill and number format for every cell format
//! that names it, a copy of a relationship's target for every sheet that names it. So every
//! entry is unzipped here once, measured and read as calamine reads XML, counting the records
//! calamine keeps (shared strings, sheets, relationships and defined names); the styles part is
//! then left out of the archive calamine gets, since the import needs no cell formats (a date
//! reads as its serial number).

use std::io::{self, BufReader, Cursor, Read};

use quick_xml::events::Event;
use zip::{ZipArchive, ZipWriter};

use super::limits::{
    grouped, MAX_RECORDS, MAX_SHARED_STRINGS, MAX_SHEETS, MAX_SHEET_READING_BYTES,
    MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES,
};
use super::read::ReadError;
use crate::data::sanitize::{printable, Lines};
use crate::data::sources::size_text;

/// Checks the archive in `bytes` against the limits, and gives it back without its styles.
pub fn checked_archive(bytes: Vec<u8>) -> Result<Vec<u8>, ReadError> {
    // Each entry of the central directory starts with this signature, and the zip reader
    // allocates for every entry before it can be counted: the signatures are counted first.
    let entries = memchr::memmem::find_iter(&bytes, b"PK\x01\x02").count();
    if entries > MAX_ZIP_ENTRIES {
        return Err(ReadError(format!(
            "the workbook's zip archive has more than {} entries; skillscope reads at most that \
             many",
            grouped(MAX_ZIP_ENTRIES as u64)
        )));
    }
    let mut archive = ZipArchive::new(Cursor::new(&bytes[..])).map_err(not_a_spreadsheet)?;
    let mut census = Census::default();
    for index in 0..archive.len() {
        let entry = archive.by_index(index).map_err(not_a_spreadsheet)?;
        let name = entry.name().map_err(not_a_spreadsheet)?.into_owned();
        census.take(entry).map_err(|e| match e {
            CensusError::Exceeded(limit) => limit,
            CensusError::Unzip(e) => {
                not_a_spreadsheet(format!("{}: {e}", printable(&name, Lines::Single)))
            }
        })?;
    }
    census.check_sheet_reading()?;
    without_styles(&mut archive)
}

fn not_a_spreadsheet(error: impl std::fmt::Display) -> ReadError {
    ReadError(format!("cannot read the file as a spreadsheet: {error}"))
}

/// What the entries read so far hold.
#[derive(Debug, Default)]
struct Census {
    unzipped: u64,
    largest_entry: u64,
    shared_strings: u64,
    sheets: u64,
    /// Relationships and defined names.
    records: u64,
}

enum CensusError {
    Exceeded(ReadError),
    Unzip(io::Error),
}

impl From<ReadError> for CensusError {
    fn from(error: ReadError) -> CensusError {
        CensusError::Exceeded(error)
    }
}

impl Census {
    /// Unzips one entry, counting its bytes and, read as XML the way calamine reads it, its
    /// records. Where the XML breaks, calamine's reading of it would stop too: what follows is
    /// only counted as bytes.
    fn take(&mut self, entry: impl Read) -> Result<(), CensusError> {
        let mut counted = Counted {
            inner: entry,
            allowed: MAX_UNZIPPED_BYTES - self.unzipped,
            read: 0,
        };
        let mut xml = quick_xml::Reader::from_reader(BufReader::new(&mut counted));
        let config = xml.config_mut();
        config.check_end_names = false;
        config.trim_text(false);
        config.check_comments = false;
        config.expand_empty_elements = true;
        let mut buf = Vec::new();
        let read = loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(Event::Start(e)) => self.count(e.local_name().as_ref(), e.as_bytes())?,
                Ok(Event::Eof) => break Ok(()),
                Err(_) => break io::copy(xml.get_mut(), &mut io::sink()).map(drop),
                _ => (),
            }
        };
        drop(xml);
        if counted.read > counted.allowed {
            return Err(CensusError::Exceeded(ReadError(format!(
                "the workbook unzips to more than {}; skillscope reads at most that much",
                size_text(MAX_UNZIPPED_BYTES)
            ))));
        }
        read.map_err(CensusError::Unzip)?;
        self.unzipped += counted.read;
        self.largest_entry = self.largest_entry.max(counted.read);
        Ok(())
    }

    /// Counts one start tag: its name without a namespace prefix, and the whole tag.
    fn count(&mut self, name: &str, tag: &[u8]) -> Result<(), ReadError> {
        let (count, most, what) = match name {
            "sst" => {
                let claimed = claimed_strings(tag);
                if claimed > MAX_SHARED_STRINGS {
                    return Err(ReadError(format!(
                        "the workbook's shared-strings table claims {} strings; skillscope reads \
                         at most {}",
                        grouped(claimed),
                        grouped(MAX_SHARED_STRINGS)
                    )));
                }
                return Ok(());
            }
            "si" => {
                self.shared_strings += 1;
                (self.shared_strings, MAX_SHARED_STRINGS, "shared strings")
            }
            "sheet" => {
                self.sheets += 1;
                (self.sheets, MAX_SHEETS as u64, "sheets")
            }
            "Relationship" | "definedName" => {
                self.records += 1;
                (self.records, MAX_RECORDS, "relationships and defined names")
            }
            _ => return Ok(()),
        };
        if count > most {
            return Err(ReadError(format!(
                "the workbook has more than {} {what}; skillscope reads at most {}",
                grouped(most),
                grouped(most)
            )));
        }
        Ok(())
    }

    /// Reading a sheet unzips the entry it names, and sheets may name the same entry (the
    /// largest, say): each sheet counts as the largest entry.
    fn check_sheet_reading(&self) -> Result<(), ReadError> {
        let worst = self.sheets * self.largest_entry;
        if worst > MAX_SHEET_READING_BYTES {
            return Err(ReadError(format!(
                "the workbook has {} sheets and an entry that unzips to {}: reading every sheet \
                 could unzip {}; skillscope reads at most {}",
                self.sheets,
                size_text(self.largest_entry),
                size_text(worst),
                size_text(MAX_SHEET_READING_BYTES)
            )));
        }
        Ok(())
    }
}

/// A reader that counts what it gives, and fails once that is more than `allowed`.
struct Counted<R> {
    inner: R,
    allowed: u64,
    read: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.read > self.allowed {
            return Err(io::Error::other("unzipped past the limit"));
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

/// The largest count any `uniqueCount` attribute of a start tag gives, read leniently (the
/// digits of its value), so that whatever calamine reserves room for is checked.
fn claimed_strings(tag: &[u8]) -> u64 {
    const ATTRIBUTE: &[u8] = b"uniqueCount";
    let skip_spaces = |bytes: &[u8]| -> usize {
        (bytes.iter())
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(bytes.len())
    };
    let mut most = 0;
    for at in memchr::memmem::find_iter(tag, ATTRIBUTE) {
        let rest = &tag[at + ATTRIBUTE.len()..];
        let rest = &rest[skip_spaces(rest)..];
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest = &rest[skip_spaces(rest)..];
        let Some((&quote, value)) = rest.split_first() else {
            continue;
        };
        let value = match memchr::memchr(quote, value) {
            Some(end) => &value[..end],
            None => value,
        };
        let digits: String = (value.iter())
            .filter(|b| b.is_ascii_digit())
            .map(|&b| char::from(b))
            .collect();
        if !digits.is_empty() {
            most = most.max(digits.parse().unwrap_or(u64::MAX));
        }
    }
    most
}

/// Whether calamine could take this entry for the styles part: it looks the part up by name,
/// ignoring case, in the workbook's folder.
fn is_styles(entry: &str) -> bool {
    (entry.replace('\\', "/").to_ascii_lowercase()).ends_with("styles.xml")
}

/// The archive, copied entry by entry as it is (still zipped), but for the styles.
fn without_styles(archive: &mut ZipArchive<Cursor<&[u8]>>) -> Result<Vec<u8>, ReadError> {
    let mut copy = ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(not_a_spreadsheet)?;
        if !is_styles(&entry.name().map_err(not_a_spreadsheet)?) {
            copy.raw_copy_file(entry).map_err(not_a_spreadsheet)?;
        }
    }
    let copy = copy.finish().map_err(not_a_spreadsheet)?;
    Ok(copy.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unique_count_of_a_tag_is_read_leniently() {
        let claimed = |tag: &str| claimed_strings(tag.as_bytes());
        assert_eq!(claimed(r#"sst count="9" uniqueCount="12""#), 12);
        assert_eq!(
            claimed(r#"x:sst uniqueCount = '4294967295'"#),
            4_294_967_295
        );
        assert_eq!(claimed(r#"sst uniqueCount="+0042" a:uniqueCount="7""#), 42);
        assert_eq!(
            claimed(r#"sst uniqueCount="99999999999999999999""#),
            u64::MAX
        );
        assert_eq!(claimed(r#"sst count="5000000""#), 0);
        assert_eq!(claimed(r#"sst uniqueCount"#), 0);
    }

    fn census_of(xml: &str) -> Result<Census, String> {
        let mut census = Census::default();
        match census.take(xml.as_bytes()) {
            Ok(()) => Ok(census),
            Err(CensusError::Exceeded(e)) => Err(e.to_string()),
            Err(CensusError::Unzip(e)) => Err(e.to_string()),
        }
    }

    #[test]
    fn shared_strings_are_counted_as_claimed_and_as_held() {
        let table = |claimed: &str, strings: usize| {
            format!(
                "<?xml version=\"1.0\"?><sst uniqueCount=\"{claimed}\">{}</sst>",
                "<si><t>x</t></si><si/>".repeat(strings / 2)
            )
        };
        let census = census_of(&table("2", 2)).unwrap();
        assert_eq!(census.shared_strings, 2);
        assert_eq!(
            census_of(&table("4294967295", 2)).unwrap_err(),
            "the workbook's shared-strings table claims 4,294,967,295 strings; \
             skillscope reads at most 1,000,000"
        );
        assert_eq!(
            census_of(&table("1", MAX_SHARED_STRINGS as usize + 2)).unwrap_err(),
            "the workbook has more than 1,000,000 shared strings; \
             skillscope reads at most 1,000,000"
        );
    }

    #[test]
    fn sheets_relationships_and_names_are_counted_with_any_prefix() {
        let census = census_of(
            "<x:workbook><x:sheets><x:sheet name=\"a\"/><sheet name=\"b\"></sheet></x:sheets>\
             <definedNames><definedName name=\"n\">A1</definedName></definedNames></x:workbook>\
             <Relationships><Relationship Id=\"r\"/></Relationships>",
        )
        .unwrap();
        assert_eq!((census.sheets, census.records), (2, 2));
        let many = format!("<sheets>{}</sheets>", "<sheet/>".repeat(MAX_SHEETS + 1));
        assert_eq!(
            census_of(&many).unwrap_err(),
            "the workbook has more than 100 sheets; skillscope reads at most 100"
        );
    }

    #[test]
    fn counting_stops_where_the_xml_breaks_but_the_bytes_are_counted() {
        let broken = "<sst><si/><si/><!x><si/><si/></sst>";
        let census = census_of(broken).unwrap();
        assert_eq!(census.shared_strings, 2);
        assert_eq!(census.unzipped, broken.len() as u64);
    }

    #[test]
    fn sheets_are_priced_as_the_largest_entry() {
        let census = |sheets, largest_entry| Census {
            sheets,
            largest_entry,
            ..Census::default()
        };
        let entry = 8 * 1024 * 1024;
        let sheets = MAX_SHEET_READING_BYTES / entry;
        assert!(census(sheets, entry).check_sheet_reading().is_ok());
        let error = census(sheets + 1, entry).check_sheet_reading().unwrap_err();
        assert_eq!(
            error.to_string(),
            "the workbook has 65 sheets and an entry that unzips to 8 MiB: reading every sheet \
             could unzip 520 MiB; skillscope reads at most 512 MiB"
        );
    }

    #[test]
    fn only_the_styles_are_left_out_of_the_archive() {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        for name in [
            "xl/workbook.xml",
            "xl/Styles.xml",
            "xl\\styles.xml",
            "xl/x.xml",
        ] {
            zip.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut zip, name.as_bytes()).unwrap();
        }
        let bytes = zip.finish().unwrap().into_inner();
        let copy = checked_archive(bytes).unwrap();
        let mut copy = ZipArchive::new(Cursor::new(copy)).unwrap();
        let names: Vec<_> = copy.file_names().map(|n| n.unwrap().into_owned()).collect();
        assert_eq!(names, ["xl/workbook.xml", "xl/x.xml"]);
        let mut text = String::new();
        copy.by_name("xl/x.xml")
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "xl/x.xml");
    }
}
