//! How the commands write text: a width, and ANSI colour only on a terminal without NO_COLOR.
//! This is the commands' face of a [`Document`]: each mark becomes an ANSI style, or nothing
//! without colour (a document for text without colour carries its changes in brackets).

use crossterm::style::{ContentStyle, Stylize};

use crate::query::render::comparison::columns::ChangeMarks;
use crate::query::render::document::{Document, Mark};
use crate::query::render::truncate_to_width;

/// How text output looks: its width, whether it may use colour, and whether a line too long for
/// the width is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextStyle {
    pub width: usize,
    pub color: bool,
    /// Only on a terminal or with `--width`: text piped to another program (`list | grep`)
    /// keeps its whole lines.
    pub cut_long_lines: bool,
}

impl TextStyle {
    pub fn plain(width: usize) -> TextStyle {
        TextStyle {
            width,
            color: false,
            cut_long_lines: true,
        }
    }

    /// `line` as it is printed: cut to the width with "…" when lines are cut.
    pub fn fit(&self, line: &str) -> String {
        if self.cut_long_lines {
            truncate_to_width(line, self.width)
        } else {
            line.to_string()
        }
    }

    /// How a comparison shows its changes: styled in colour, else in brackets.
    pub fn change_marks(&self) -> ChangeMarks {
        if self.color {
            ChangeMarks::Styled
        } else {
            ChangeMarks::Bracketed
        }
    }

    pub fn dim(&self, text: &str) -> String {
        paint(text, Mark::Dim, self.color)
    }

    /// Writes the document as [`TextStyle::document`] makes it, a line at a time.
    pub fn write_document(
        &self,
        out: &mut dyn std::io::Write,
        document: &Document,
    ) -> std::io::Result<()> {
        for line in &document.lines {
            for span in &line.spans {
                out.write_all(paint(&span.text, span.mark, self.color).as_bytes())?;
            }
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    /// The document as text: a line break after every line, marks in colour if allowed.
    pub fn document(&self, document: &Document) -> String {
        let mut out = Vec::new();
        self.write_document(&mut out, document)
            .expect("writing to memory");
        String::from_utf8(out).expect("documents are text")
    }
}

/// `text` in the ANSI style of `mark` when `color` allows. Spaces are written bare, as the
/// commands always have: here the spaces inside a run of changed words are not underlined or
/// struck through (the browser's are).
fn paint(text: &str, mark: Mark, color: bool) -> String {
    let blank = !text.is_empty() && text.chars().all(char::is_whitespace);
    match ansi_style(mark) {
        Some(style) if color && !blank => style.apply(text).to_string(),
        _ => text.to_string(),
    }
}

/// The look of each mark; underline and strike-through say what colour says to readers who
/// cannot tell green from red.
fn ansi_style(mark: Mark) -> Option<ContentStyle> {
    let style = ContentStyle::new();
    Some(match mark {
        Mark::Plain => return None,
        Mark::Title => style.bold(),
        Mark::Dim => style.dark_grey(),
        Mark::Code => style.bold().cyan(),
        Mark::Added => style.green().bold().underlined(),
        Mark::Removed => style.red().crossed_out(),
        Mark::Matched => style.yellow().bold().underlined(),
        Mark::Selected => style.reverse().bold(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::render::document::{Line, Span};

    fn document() -> Document {
        Document {
            lines: vec![
                Line::new(vec![
                    Span::new("RELM", Mark::Code),
                    Span::plain("  "),
                    Span::new("Release", Mark::Title),
                ]),
                Line::default(),
                Line::new(vec![
                    Span::plain("• "),
                    Span::new("{+Ensures", Mark::Added),
                    Span::new(" ", Mark::Added),
                    Span::new("that+}", Mark::Added),
                    Span::plain(" rollback "),
                    Span::new("[-Maintains-]", Mark::Removed),
                ]),
            ],
        }
    }

    #[test]
    fn without_colour_a_document_is_its_text_and_keeps_its_brackets() {
        let text = TextStyle::plain(80).document(&document());
        assert_eq!(
            text,
            "RELM  Release\n\n• {+Ensures that+} rollback [-Maintains-]\n"
        );
    }

    #[test]
    fn with_colour_each_mark_has_its_ansi_style_and_spaces_stay_bare() {
        let style = TextStyle {
            color: true,
            ..TextStyle::plain(80)
        };
        let text = style.document(&document());
        let bold_cyan = "RELM".bold().cyan().to_string();
        assert!(text.starts_with(&format!("{bold_cyan}  {}\n\n", "Release".bold())));
        let added = |word: &str| word.green().bold().underlined().to_string();
        assert!(
            text.contains(&format!(
                "{} {} rollback ",
                added("{+Ensures"),
                added("that+}")
            )),
            "{text:?}"
        );
        assert!(text.ends_with(&format!("{}\n", "[-Maintains-]".red().crossed_out())));
        for mark in Mark::ALL.into_iter().filter(|m| *m != Mark::Plain) {
            assert!(paint("x", mark, true).contains('\x1b'), "{mark:?}");
            assert_eq!(paint("x", mark, false), "x", "{mark:?}");
        }
        assert_eq!(paint("x", Mark::Plain, true), "x");
    }

    #[test]
    fn a_comparison_in_colour_has_no_brackets_and_colour_takes_no_columns() {
        use crate::data::sources::{load_catalog, SourceSelection};
        use crate::query::diff::compare_statements;
        use crate::query::render::comparison::built_in_sides;
        use crate::query::render::comparison::columns::ChangeMarks;
        use crate::query::render::comparison::printed::printed_comparison;

        let catalog = load_catalog(&SourceSelection {
            built_in: true,
            ..Default::default()
        });
        let [left, right] = built_in_sides(&catalog, "RELM", [4, 5]);
        let rows = compare_statements(left.statements(), right.statements());
        let style = TextStyle {
            color: true,
            ..TextStyle::plain(50)
        };
        let document = printed_comparison(&left, &right, rows, 50, ChangeMarks::Styled);
        let text = style.document(&document);
        assert!(text.contains('\x1b') && !text.contains("{+") && !text.contains("[-"));
        // display_width leaves out ANSI escapes: what the terminal shows.
        let shown = |line: &str| textwrap::core::display_width(line);
        assert!(text.lines().all(|line| shown(line) <= 50), "{text}");
        let gutters: Vec<usize> = text
            .lines()
            .take_while(|line| !line.is_empty())
            .map(|line| shown(line.split(['│', '┼']).next().unwrap()))
            .collect();
        assert!(
            gutters.len() > 10 && gutters.iter().all(|&c| c == gutters[0]),
            "{text}"
        );
    }
}
