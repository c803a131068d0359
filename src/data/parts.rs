//! Parsing a data file on every core: its `skills` list is cut between skills into parts that
//! are parsed at the same time, each as a list of skills, and the rest of the file on its own.
//!
//! The cut is found by a scan that knows just enough of RON to skip strings, characters and
//! comments and to count brackets. Whenever it is unsure (a file attribute, a nested comment, a
//! character it cannot read) it gives up, and so does any part that fails to parse: the caller
//! then parses the whole text at once, which also gives a failing file its exact error. A file
//! parsed in parts therefore gives the very framework the whole parse would.

use std::ops::Range;

use crate::data::model::{Framework, Skill};
use crate::data::sources::ron_options;

/// Below this size a file is parsed whole: splitting would cost more than it saves.
pub const PARALLEL_FROM_BYTES: usize = 256 * 1024;

/// The file attribute that [`ron_options`] makes the default.
const IMPLICIT_SOME: &str = "#![enable(implicit_some)]";

/// The framework in `text`, parsed in `parts` pieces at once, or `None` when the text cannot
/// be cut or a piece does not parse (then parse it whole).
pub fn parse_in_parts(text: &str, parts: usize) -> Option<Framework> {
    let list = skills_list(text)?;
    let items = items(text, &list)?;
    let rest = format!("{}{}", &text[..list.start], &text[list.end..]);
    let (head, skills) = std::thread::scope(|scope| {
        let workers: Vec<_> = (groups(&items, parts.max(1)).into_iter())
            .map(|group| scope.spawn(|| parse_skills(text, group)))
            .collect();
        let head = ron_options().from_str::<Framework>(&rest).ok();
        let skills: Option<Vec<Vec<Skill>>> = (workers.into_iter())
            .map(|worker| worker.join().ok().flatten())
            .collect();
        (head, skills)
    });
    let mut framework = head?;
    framework.skills = skills?.into_iter().flatten().collect();
    Some(framework)
}

/// Each item a skill, read where it stands (no copy of the text).
fn parse_skills(text: &str, items: &[Range<usize>]) -> Option<Vec<Skill>> {
    let options = ron_options();
    (items.iter())
        .map(|item| options.from_str(&text[item.clone()]).ok())
        .collect()
}

/// The items split into at most `parts` runs of about equal size in bytes.
fn groups(items: &[Range<usize>], parts: usize) -> Vec<&[Range<usize>]> {
    let total: usize = items.iter().map(|item| item.len()).sum();
    let target = total / parts + 1;
    let mut groups = Vec::with_capacity(parts);
    let (mut start, mut size) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        size += item.len();
        if size >= target && groups.len() + 1 < parts {
            groups.push(&items[start..=i]);
            (start, size) = (i + 1, 0);
        }
    }
    groups.push(&items[start..]);
    groups
}

/// The byte range inside the brackets of the top-level `skills: [...]`.
fn skills_list(text: &str) -> Option<Range<usize>> {
    let mut scan = Scanner::new(text);
    let mut open = None;
    while let Some((at, byte)) = scan.next_structural()? {
        match byte {
            // The attribute our own files carry, which the options already enable; another could
            // change how the parts read, so it is not split.
            b'#' if scan.depth == 0 && text[at..].starts_with(IMPLICIT_SOME) => {
                scan.at = at + IMPLICIT_SOME.len();
            }
            b'#' => return None,
            b'(' | b'[' | b'{' => {
                scan.depth += 1;
                if byte == b'[' && scan.depth == 2 && field_before(text, at) == Some("skills") {
                    open = Some(at + 1);
                }
            }
            b')' | b']' | b'}' => {
                if byte == b']' && scan.depth == 2 {
                    if let Some(start) = open {
                        return Some(start..at);
                    }
                }
                scan.depth = scan.depth.checked_sub(1)?;
            }
            _ => {}
        }
    }
    None
}

/// The name of the field whose value starts at `at`: `name:` right before it.
fn field_before(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].trim_end().strip_suffix(':')?.trim_end();
    let start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    Some(&before[start..])
}

/// Where each item of the list stands, between the commas that separate them. A trailing comma
/// leaves no item after it.
fn items(text: &str, list: &Range<usize>) -> Option<Vec<Range<usize>>> {
    let mut scan = Scanner::new(&text[..list.end]);
    scan.at = list.start;
    let mut items = Vec::new();
    let mut start = list.start;
    while let Some((at, byte)) = scan.next_structural()? {
        match byte {
            b'(' | b'[' | b'{' => scan.depth += 1,
            b')' | b']' | b'}' => scan.depth = scan.depth.checked_sub(1)?,
            b',' if scan.depth == 0 => {
                items.push(start..at);
                start = at + 1;
            }
            _ => {}
        }
    }
    (scan.depth == 0).then_some(())?;
    if !text[start..list.end].trim().is_empty() {
        items.push(start..list.end);
    }
    Some(items)
}

/// Walks RON text byte by byte, stepping over strings, characters and comments.
struct Scanner<'t> {
    bytes: &'t [u8],
    at: usize,
    depth: usize,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str) -> Scanner<'t> {
        Scanner {
            bytes: text.as_bytes(),
            at: 0,
            depth: 0,
        }
    }

    /// The next byte outside strings, characters and comments with its offset; `Some(None)` at
    /// the end, `None` when the text cannot be scanned with confidence.
    fn next_structural(&mut self) -> Option<Option<(usize, u8)>> {
        while let Some(&byte) = self.bytes.get(self.at) {
            let at = self.at;
            self.at += 1;
            match byte {
                b'"' => self.skip_string()?,
                b'\'' => self.skip_char()?,
                b'r' | b'b' if !self.follows_identifier(at) => self.skip_raw_string(at)?,
                b'/' if self.bytes.get(self.at) == Some(&b'/') => self.skip_line(),
                b'/' if self.bytes.get(self.at) == Some(&b'*') => self.skip_block_comment()?,
                b'#' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' => {
                    return Some(Some((at, byte)))
                }
                _ => {}
            }
        }
        Some(None)
    }

    fn follows_identifier(&self, at: usize) -> bool {
        at > 0 && (self.bytes[at - 1].is_ascii_alphanumeric() || self.bytes[at - 1] == b'_')
    }

    /// After the opening quote: to just past the closing one.
    fn skip_string(&mut self) -> Option<()> {
        loop {
            match self.bytes.get(self.at)? {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return Some(());
                }
                _ => self.at += 1,
            }
        }
    }

    /// After the opening quote of a character: `'a'`, `'\''`, `'\u{1F600}'`, `'é'`.
    fn skip_char(&mut self) -> Option<()> {
        let end = if self.bytes.get(self.at) == Some(&b'\\') {
            let close = self.bytes[self.at + 1..].iter().position(|&b| b == b'\'')?;
            self.at + 1 + close
        } else {
            let rest = std::str::from_utf8(self.bytes.get(self.at..self.at + 4)?)
                .or_else(|e| std::str::from_utf8(&self.bytes[self.at..self.at + e.valid_up_to()]))
                .ok()?;
            self.at + rest.chars().next()?.len_utf8()
        };
        (self.bytes.get(end) == Some(&b'\'')).then_some(())?;
        self.at = end + 1;
        Some(())
    }

    /// `r"…"`, `r#"…"#`, `b"…"`, `br#"…"#` starting at `at` (the `r` or `b`); any other word
    /// starting with those letters is stepped over as it is.
    fn skip_raw_string(&mut self, at: usize) -> Option<()> {
        let mut i = at;
        if self.bytes[i] == b'b' {
            i += 1;
            if self.bytes.get(i) == Some(&b'"') {
                self.at = i + 1;
                return self.skip_string();
            }
        }
        if self.bytes.get(i) != Some(&b'r') {
            return Some(());
        }
        i += 1;
        let hashes = self.bytes[i..].iter().take_while(|&&b| b == b'#').count();
        if self.bytes.get(i + hashes) != Some(&b'"') {
            // An identifier such as `renamed`, or `r#name`: not a string.
            return (hashes == 0).then_some(());
        }
        let body = i + hashes + 1;
        let mut closing = vec![b'"'];
        closing.extend(std::iter::repeat_n(b'#', hashes));
        let end = memchr::memmem::find(&self.bytes[body..], &closing)?;
        self.at = body + end + closing.len();
        Some(())
    }

    fn skip_line(&mut self) {
        self.at =
            memchr::memchr(b'\n', &self.bytes[self.at..]).map_or(self.bytes.len(), |i| self.at + i);
    }

    /// After `/`, at `*`: to just past `*/`. A comment holding `/*` may nest: not scanned.
    fn skip_block_comment(&mut self) -> Option<()> {
        let body = self.at + 1;
        let end = memchr::memmem::find(&self.bytes[body..], b"*/")?;
        let comment = &self.bytes[body..body + end];
        memchr::memmem::find(comment, b"/*")
            .is_none()
            .then_some(())?;
        self.at = body + end + 2;
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sources::{parse_framework, BUILT_IN_DATA};

    fn whole(text: &str) -> Framework {
        parse_framework("t.ron", text).unwrap()
    }

    #[test]
    fn parts_give_the_framework_the_whole_parse_gives() {
        let generated = crate::testdata::framework_ron(300, 3);
        assert!(
            generated.starts_with(IMPLICIT_SOME),
            "as our files are written"
        );
        for text in [
            BUILT_IN_DATA,
            &generated,
            include_str!("../../tests/fixtures/hostile.ron"),
        ] {
            for parts in [1, 2, 3, 7] {
                let in_parts = parse_in_parts(text, parts);
                assert!(in_parts == Some(whole(text)), "{parts} parts");
            }
        }
    }

    #[test]
    fn strings_characters_and_comments_hide_their_brackets() {
        let text = r##"// skills: [ not here
(framework: "F", /* ] ) */ source: r#"a "]" b"#,
 skills: [
  (code: "A", name: "x ], (", description: "\"],\\", levels: {3: ["a, b"]}),
  // ), (
  (code: "B", name: 'c'.to_string_is_not_ron, description: "d", levels: {3: ["s"]}),
 ])"##;
        // That second skill is not RON: the piece fails, so does the whole.
        assert_eq!(parse_in_parts(text, 2), None);
        let text = text.replace("'c'.to_string_is_not_ron", "\"b\"");
        assert!(parse_in_parts(&text, 2) == Some(whole(&text)));
        assert_eq!(
            skills_list(&text).map(|r| text[r].trim().starts_with("(code: \"A\"")),
            Some(true)
        );
    }

    #[test]
    fn unsure_scans_give_up() {
        for text in [
            "#![enable(unwrap_newtypes)] (framework: \"F\", skills: [])",
            "(framework: \"F\", /* a /* nested */ comment */ skills: [])",
            "(framework: \"F\", skills: [(code: \"A\", name: \"unterminated)])",
            "(framework: \"F\", skils: [])",
        ] {
            assert_eq!(parse_in_parts(text, 2), None, "{text}");
        }
    }

    #[test]
    fn a_bad_part_means_the_whole_is_parsed_for_its_error() {
        let good = crate::testdata::framework_ron(40, 5);
        let bad = good.replacen("levels: {", "levels: {9: [\"x\"], ", 1);
        assert_eq!(parse_in_parts(&bad, 2), None);
        assert!(parse_framework("t.ron", &bad).is_err());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// Damage the scan could misread (quotes, escapes, brackets, commas, comments, raw
        /// strings): whatever the parts give is what the whole parse gives.
        #[test]
        fn damaged_text_in_parts_is_the_whole_or_nothing(
            edits in proptest::collection::vec((0.0..1.0f64, 0..TRICKY.len()), 1..4),
            parts in 2..5usize,
        ) {
            let mut bytes = SMALL.with(|text| text.clone()).into_bytes();
            for (at, tricky) in edits {
                let at = (at * bytes.len() as f64) as usize;
                let at = at.min(bytes.len() - 1);
                bytes.splice(at..at, TRICKY[tricky].bytes());
            }
            let Ok(text) = String::from_utf8(bytes) else { return Ok(()) };
            if let Some(framework) = parse_in_parts(&text, parts) {
                let whole: Result<Framework, _> = ron_options().from_str(&text);
                proptest::prop_assert!(whole.is_ok_and(|w| w == framework));
            }
        }
    }

    const TRICKY: &[&str] = &[
        "\"", "\\", "]", "[", ",", "(", ")", "'", "'x'", "//", "/*", "*/", "r#\"", "\"#", "#",
        "r\"", "b\"", "\n", "'\\''",
    ];

    thread_local! {
        static SMALL: String = crate::testdata::framework_ron(6, 9);
    }
}
