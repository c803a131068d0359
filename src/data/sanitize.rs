//! Untrusted text made safe for a terminal.
//!
//! Data files come from anywhere. Before their text reaches a terminal (the browser, text and
//! Markdown output) every control character, bidi control and invisible format character is
//! replaced by something visible, so no escape sequence can move the cursor, clear the screen,
//! retitle the window or write the clipboard, and nothing is silently hidden or reordered. JSON
//! output keeps the original text (serde_json escapes what JSON needs; the commands escape the
//! rest, see `cli::write_json`). Paths are printed escaped ([`escaped_path`]), so that a file
//! name holding a line break cannot forge a line of a report or a warning.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

/// Whether line breaks carry meaning in a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// Names, codes, categories: a line break becomes a space.
    Single,
    /// Descriptions, guidance, notes: line breaks stay.
    Multi,
}

/// Spaces a tab becomes.
const TAB: &str = "    ";
/// Shown in place of C1 controls and bidi overrides, which have no caret notation.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Whether [`printable`] changes a character in single-line text: a control character, a bidi
/// control, an invisible character or a line separator.
pub fn is_hidden_or_control(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || is_invisible(c) || is_line_separator(c)
}

/// Unicode bidi embeddings, overrides, isolates and marks (LRM, RLM, ALM): they reorder what
/// follows them on screen, or change it unseen.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// Characters that take no room: the soft hyphen, the Mongolian vowel separator, zero-width
/// space, (non-)joiners, word joiner, the invisible operators and the zero-width no-break space
/// (BOM). They can make two different names look the same.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

/// U+2028 and U+2029 break lines on some terminals and not on others.
fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// True when [`printable`] leaves `text` as it is: no control character (but line breaks in
/// `Multi` text), bidi control or invisible character. Every string shown passes through here,
/// so this scans bytes, a block at a time, and looks closely only at blocks holding a byte that
/// can start such a character (other than a line break in `Multi` text): C0 controls and DEL
/// are single bytes, C1 controls (U+0080–U+009F) are `C2 80`–`C2 9F` and the soft hyphen
/// `C2 AD`, ALM (U+061C) is `D8 9C`, U+180E `E1 A0 8E`, U+FEFF `EF BB BF`, and the rest lie in
/// U+200B–U+2069, `E2 80 8B`–`E2 81 A9`.
pub(crate) fn is_printable(text: &str, lines: Lines) -> bool {
    const BLOCK: usize = 32;
    // Line breaks are fine in `Multi` text, and common: they need no closer look there (no byte
    // is 0xFF in UTF-8, so in `Single` text nothing is exempt).
    let allowed = if lines == Lines::Multi { b'\n' } else { 0xff };
    let bytes = text.as_bytes();
    bytes.chunks(BLOCK).enumerate().all(|(n, block)| {
        let suspect = block.iter().fold(false, |any, &b| {
            any | ((b < 0x20) & (b != allowed))
                | (b == 0x7f)
                | (b == 0xc2)
                | (b == 0xd8)
                | (b == 0xe1)
                | (b == 0xe2)
                | (b == 0xef)
        });
        !suspect || is_printable_from(bytes, n * BLOCK, n * BLOCK + block.len(), lines)
    })
}

/// The byte-by-byte check of `bytes[from..to]` (looking past `to` for the rest of a char).
fn is_printable_from(bytes: &[u8], from: usize, to: usize, lines: Lines) -> bool {
    let keep_newlines = lines == Lines::Multi;
    (from..to).all(|i| match bytes[i] {
        b'\n' => keep_newlines,
        0x00..=0x1f | 0x7f => false,
        0xc2 => !matches!(bytes.get(i + 1), Some(0x80..=0x9f | 0xad)),
        0xd8 => bytes.get(i + 1) != Some(&0x9c),
        0xe1 => (bytes.get(i + 1), bytes.get(i + 2)) != (Some(&0xa0), Some(&0x8e)),
        0xe2 => !matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0x8b..=0x8f | 0xa8..=0xae))
                | (Some(0x81), Some(0xa0..=0xa4 | 0xa6..=0xa9))
        ),
        0xef => (bytes.get(i + 1), bytes.get(i + 2)) != (Some(&0xbb), Some(&0xbf)),
        _ => true,
    })
}

/// Returns `text` safe to print; borrows when nothing had to change (the common case).
pub fn printable(text: &str, lines: Lines) -> Cow<'_, str> {
    if is_printable(text, lines) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' if lines == Lines::Multi => out.push('\n'),
            '\n' => out.push(' '),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\t' => out.push_str(TAB),
            // C0 controls and DEL in caret notation: ESC shows as ^[.
            '\0'..='\x1f' => {
                out.push('^');
                out.push(char::from(c as u8 + 0x40));
            }
            '\x7f' => out.push_str("^?"),
            c if is_line_separator(c) && lines == Lines::Multi => out.push('\n'),
            c if is_line_separator(c) => out.push(' '),
            c if is_hidden_or_control(c) => out.push(REPLACEMENT),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Makes a string printable in place, allocating only when something had to change.
pub fn make_printable(text: &mut String, lines: Lines) {
    if let Cow::Owned(safe) = printable(text, lines) {
        *text = safe;
    }
}

/// Backslashes are doubled where they are not the path separator, so an escape reads back.
const DOUBLE_BACKSLASH: bool = !cfg!(windows);

/// A path as one line that reads back exactly: `\n`, `\r` and `\t` for line breaks and tabs,
/// `\u{…}` for any other character [`printable`] would change, `\x…` for a byte that is not
/// UTF-8, and a doubled backslash. Every path the commands and the browser print goes through
/// here (or [`escaped_path_text`]).
pub fn escaped_path(path: &Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        push_escaped(&mut out, chunk.valid());
        for byte in chunk.invalid() {
            let _ = write!(out, "\\x{byte:02x}");
        }
    }
    out
}

/// [`escaped_path`] for a path already held as text; borrows when nothing needs escaping.
pub fn escaped_path_text(text: &str) -> Cow<'_, str> {
    if is_printable(text, Lines::Single) && !(DOUBLE_BACKSLASH && text.contains('\\')) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text);
    Cow::Owned(out)
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\\' if DOUBLE_BACKSLASH => out.push_str("\\\\"),
            c if is_hidden_or_control(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(
            printable("Release ✓ 日本", Lines::Single),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escape_sequences_lose_their_escape() {
        let hostile = "a\x1b]0;pwned\x07b\x1b[2Jc\u{9b}31md\x7f";
        let safe = printable(hostile, Lines::Multi);
        assert_eq!(safe, "a^[]0;pwned^Gb^[[2Jc\u{FFFD}31md^?");
        assert!(!safe.chars().any(|c| c.is_control()));
    }

    #[test]
    fn bidi_overrides_are_shown_not_obeyed() {
        let safe = printable("abc\u{202E}fed\u{2066}x\u{2069}", Lines::Single);
        assert_eq!(safe, "abc\u{FFFD}fed\u{FFFD}x\u{FFFD}");
    }

    #[test]
    fn invisible_characters_and_bidi_marks_are_shown() {
        assert_eq!(
            printable("soft\u{AD}hyphen\u{180E}\u{2062}", Lines::Single),
            "soft\u{FFFD}hyphen\u{FFFD}\u{FFFD}"
        );
        let sneaky = "R\u{200B}ELM\u{200C}\u{200D}\u{2060}\u{FEFF}a\u{200E}b\u{200F}c\u{061C}";
        let safe = printable(sneaky, Lines::Single);
        assert_eq!(
            safe,
            "R\u{FFFD}ELM\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}a\u{FFFD}b\u{FFFD}c\u{FFFD}"
        );
        assert_eq!(printable("a\u{2028}b\u{2029}c", Lines::Multi), "a\nb\nc");
        assert_eq!(printable("a\u{2028}b", Lines::Single), "a b");
        // Neighbours of those code points are left alone.
        let fine = "\u{200A}\u{2010}\u{2027}\u{205F}\u{FEFE}\u{061B}ﻼ";
        assert!(matches!(printable(fine, Lines::Single), Cow::Borrowed(_)));
    }

    #[test]
    fn multi_line_text_with_only_line_breaks_is_borrowed() {
        assert!(matches!(printable("a\nb", Lines::Multi), Cow::Borrowed(_)));
        assert_eq!(printable("a\nb", Lines::Single), "a b");
    }

    proptest::proptest! {
        /// The byte scan agrees with the definition: no char that needs a change.
        #[test]
        fn the_byte_scan_finds_exactly_the_chars_that_change(
            text in r"(\PC|[\x00-\x1f\x7f-\x{ff}]|[\x{1800}-\x{180f}]|[\x{2000}-\x{206f}]|[\x{600}-\x{61f}]|[\x{fef0}-\x{ffff}]|[\x{c0}-\x{3000}]){0,12}"
        ) {
            for lines in [Lines::Single, Lines::Multi] {
                let by_chars = !text
                    .chars()
                    .any(|c| is_hidden_or_control(c) && !(c == '\n' && lines == Lines::Multi));
                proptest::prop_assert_eq!(is_printable(&text, lines), by_chars, "{:?}", text);
            }
        }
    }

    #[cfg(not(windows))]
    #[test]
    fn paths_are_escaped_onto_one_line_that_reads_back() {
        let forged = Path::new("/data/a.ron: ok (3 skills)\nb\r\u{202E}\u{9b}\t\\c.ron");
        let shown = escaped_path(forged);
        assert_eq!(
            shown,
            "/data/a.ron: ok (3 skills)\\nb\\r\\u{202e}\\u{9b}\\t\\\\c.ron"
        );
        assert!(!shown.chars().any(is_hidden_or_control));
        assert_eq!(escaped_path_text(forged.to_str().unwrap()), shown);
        assert!(matches!(
            escaped_path_text("/home/ann/skills ✓.ron"),
            Cow::Borrowed(_)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn bytes_that_are_not_utf8_are_escaped_as_bytes() {
        use std::os::unix::ffi::OsStrExt;
        let path = Path::new(std::ffi::OsStr::from_bytes(b"/tmp/\xff\xfeok\n"));
        assert_eq!(escaped_path(path), "/tmp/\\xff\\xfeok\\n");
    }

    #[test]
    fn line_breaks_follow_the_kind_of_text() {
        assert_eq!(printable("a\r\nb\tc", Lines::Multi), "a\nb    c");
        assert_eq!(printable("a\r\nb", Lines::Single), "a b");
        assert_eq!(printable("a\rb", Lines::Single), "a^Mb");
    }
}
