//! JSON output: pretty-printed, with the original text of the data, and with every character a
//! terminal could act on or hide written as a `\u` escape. serde_json escapes what JSON itself
//! requires (C0 controls, quotes, backslashes); C1 controls (U+009B starts an escape sequence on
//! some terminals), DEL, bidi controls, invisible characters and line separators it leaves raw.
//! Escaped, they still parse back to the same string, and `skillscope … --format json` shown on
//! a terminal cannot reorder, hide or drive it.

use std::io::{self, Write};

use serde_json::ser::{Formatter, PrettyFormatter};

use super::CommandError;
use crate::data::sanitize::is_hidden_or_control;

/// Writes a JSON value, pretty-printed and escaped as the module says, and a final newline.
pub fn write_json<T: serde::Serialize + ?Sized>(
    out: &mut dyn Write,
    value: &T,
) -> Result<(), CommandError> {
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut *out, EscapingFormatter::default());
    // Through io::Error, which keeps the kind of a write error: a closed pipe ends quietly.
    serde::Serialize::serialize(value, &mut serializer)
        .map_err(|e| CommandError::from(io::Error::from(e)))?;
    writeln!(out)?;
    Ok(())
}

/// serde_json's pretty layout, with the extra escapes in strings.
#[derive(Default)]
struct EscapingFormatter<'a> {
    pretty: PrettyFormatter<'a>,
}

impl Formatter for EscapingFormatter<'_> {
    /// The runs of a string serde_json writes unescaped.
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if is_hidden_or_control(c) {
                writer.write_all(&fragment.as_bytes()[start..at])?;
                // Every such character lies in the Basic Multilingual Plane: one `\uXXXX`.
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = at + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn written(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        write_json(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn terminal_controls_are_escaped_and_the_json_parses_back_exactly() {
        let hostile: String = [
            "C1 \u{9b}31m \u{9d}0;title\u{9c} \u{80}\u{85}\u{9f}",
            " DEL \u{7f} ESC \u{1b}[2J",
            " bidi \u{202a}\u{202b}\u{202c}\u{202d}\u{202e} \u{2066}\u{2067}\u{2068}\u{2069}",
            " marks \u{200e}\u{200f}\u{61c}",
            " invisible \u{200b}\u{200c}\u{200d}\u{2060}\u{feff}",
            " separators \u{2028}\u{2029}",
            " fine: é ✓ 日本 \u{1f600} \u{a0}",
        ]
        .concat();
        let value = json!({ "name": hostile, "keys": { hostile.clone(): [hostile.clone()] } });
        let text = written(&value);
        let raw = text
            .chars()
            .filter(|&c| is_hidden_or_control(c) && c != '\n');
        assert_eq!(
            raw.count(),
            0,
            "only the layout's line breaks stay raw: {text}"
        );
        for escape in [
            "\\u009b", "\\u007f", "\\u001b", "\\u202e", "\\u061c", "\\ufeff",
        ] {
            assert!(text.contains(escape), "{escape} in {text}");
        }
        assert!(text.contains("fine: é ✓ 日本 \u{1f600} \u{a0}"), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn the_layout_is_serde_jsons_pretty_one() {
        let value = json!({ "a": [1, { "b": "c" }], "d": [], "e": {} });
        let text = written(&value);
        assert_eq!(text, serde_json::to_string_pretty(&value).unwrap() + "\n");
    }
}

#[cfg(test)]
mod written_as_they_stand {
    use super::*;
    use crate::query::diff::{compare_statements, DiffRow};

    /// Rows written as they stand must read exactly as the same rows made into a JSON value
    /// first (which sorts keys): the compare command writes them directly.
    #[test]
    fn diff_rows_write_the_same_bytes_directly_and_as_a_value() {
        let mut rows = compare_statements(
            &["Plans the release.".to_string(), "Only left.".to_string()],
            &["Plans the big release.".to_string()],
        );
        rows.push(DiffRow {
            by_position: true,
            ..rows[0].clone()
        });
        let mut direct = Vec::new();
        write_json(&mut direct, &rows).unwrap();
        let mut as_value = Vec::new();
        write_json(&mut as_value, &serde_json::to_value(&rows).unwrap()).unwrap();
        assert_eq!(String::from_utf8(direct), String::from_utf8(as_value));
    }
}
