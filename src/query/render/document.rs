//! A document: lines of text made of spans, each span with a [`Mark`] that says what it is (a
//! title, an added word, …). Layouts decide where the text goes; the faces decide how a mark
//! looks: ANSI colour for the commands, ratatui styles for the browser, nothing in a pipe.
//! Widths are display widths (a CJK character counts two).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What a span of text is; each face gives every mark its look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    Plain,
    /// A title or heading.
    Title,
    /// Secondary text: context, counts, rules between columns.
    Dim,
    /// A skill's code.
    Code,
    /// Words only on the right side of a comparison.
    Added,
    /// Words only on the left side of a comparison.
    Removed,
    /// Text that matches a search.
    Matched,
    /// The side of a comparison that keys act on.
    Selected,
}

impl Mark {
    /// Every mark, for tests that check each face shows each one.
    #[cfg(test)]
    pub(crate) const ALL: [Mark; 8] = [
        Mark::Plain,
        Mark::Title,
        Mark::Dim,
        Mark::Code,
        Mark::Added,
        Mark::Removed,
        Mark::Matched,
        Mark::Selected,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub mark: Mark,
}

impl Span {
    pub fn new(text: impl Into<String>, mark: Mark) -> Span {
        Span {
            text: text.into(),
            mark,
        }
    }

    pub fn plain(text: impl Into<String>) -> Span {
        Span::new(text, Mark::Plain)
    }

    pub fn width(&self) -> usize {
        self.text.width()
    }
}

/// One line of a document; it holds no line break.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    pub spans: Vec<Span>,
}

impl Line {
    pub fn new(spans: Vec<Span>) -> Line {
        Line { spans }
    }

    /// A line of one span.
    pub fn marked(text: impl Into<String>, mark: Mark) -> Line {
        Line::new(vec![Span::new(text, mark)])
    }

    pub fn plain(text: impl Into<String>) -> Line {
        Line::marked(text, Mark::Plain)
    }

    pub fn push(&mut self, span: Span) {
        self.spans.push(span);
    }

    pub fn width(&self) -> usize {
        self.spans.iter().map(Span::width).sum()
    }

    /// The text without its marks.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    /// Cut to at most `width` columns, ending in "…" when something was cut. The "…" takes the
    /// mark of the span it cuts, so a cut heading still reads as one.
    pub fn fit(self, width: usize) -> Line {
        if self.width() <= width {
            return self;
        }
        let mut out = Vec::new();
        // Room for the "…", one column wide.
        let budget = width.saturating_sub(1);
        let mut used = 0;
        for span in self.spans {
            let mut kept = String::new();
            for c in span.text.chars() {
                let w = c.width().unwrap_or(0);
                if used + w > budget {
                    if width > 0 {
                        kept.push('…');
                    }
                    out.push(Span::new(kept, span.mark));
                    return Line::new(out);
                }
                used += w;
                kept.push(c);
            }
            out.push(Span::new(kept, span.mark));
        }
        Line::new(out)
    }

    /// Wrapped at spaces to rows of at most `width` columns, each word in its mark; a word
    /// longer than a row is broken. For headings and notes, which are never cut.
    pub fn wrap(self, width: usize) -> Vec<Line> {
        if self.width() <= width {
            return vec![self];
        }
        let pieces = self
            .spans
            .iter()
            .map(|span| (span.text.as_str(), span.mark));
        wrap_pieces(pieces, width, "")
            .into_iter()
            .map(|row| {
                Line::new(
                    row.into_iter()
                        .map(|(text, mark)| Span::new(text, mark))
                        .collect(),
                )
            })
            .collect()
    }

    /// `left` padded to `left_width` columns, a gutter in `gutter`'s mark, then `right`. A line
    /// with nothing on the right ends at the gutter's bar, with no trailing space.
    pub fn beside(left: Line, right: Line, left_width: usize, gutter: Mark) -> Line {
        let pad = left_width.saturating_sub(left.width());
        let mut spans = left.spans;
        if pad > 0 {
            spans.push(Span::plain(" ".repeat(pad)));
        }
        if right.spans.iter().all(|s| s.text.is_empty()) {
            spans.push(Span::new(GUTTER.trim_end(), gutter));
        } else {
            spans.push(Span::new(GUTTER, gutter));
            spans.extend(right.spans);
        }
        Line::new(spans)
    }
}

/// What stands between two columns.
pub const GUTTER: &str = " │ ";

/// Lines of marked text, ready for a face to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub lines: Vec<Line>,
}

impl Document {
    pub fn push(&mut self, line: Line) {
        self.lines.push(line);
    }

    pub fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    pub fn extend(&mut self, lines: impl IntoIterator<Item = Line>) {
        self.lines.extend(lines);
    }

    /// The text without its marks, a line break after every line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            out.push_str(&line.text());
            out.push('\n');
        }
        out
    }

    /// The width of the widest line.
    pub fn width(&self) -> usize {
        self.lines.iter().map(Line::width).max().unwrap_or(0)
    }
}

/// Pieces of text, each with its style (a mark, a terminal style), wrapped at spaces to rows
/// of at most `width` columns; rows after the first start with `indent`. Runs of one style
/// stay one piece; a word longer than a row is broken; spaces at a row's end are dropped.
pub fn wrap_pieces<'a, S: Copy + PartialEq>(
    pieces: impl IntoIterator<Item = (&'a str, S)>,
    width: usize,
    indent: &str,
) -> Vec<Vec<(String, S)>> {
    let width = width.max(indent.width() + 1);
    let mut rows: Vec<Vec<(String, S)>> = vec![Vec::new()];
    let mut used = 0;
    let start = indent.width();
    let new_row = |rows: &mut Vec<Vec<(String, S)>>, used: &mut usize, style: S| {
        trim_row_end(rows.last_mut().expect("a row"));
        rows.push(if indent.is_empty() {
            Vec::new()
        } else {
            vec![(indent.to_string(), style)]
        });
        *used = start;
    };
    for (text, style) in pieces {
        for word in text.split_inclusive(' ') {
            let visible = word.trim_end().width();
            let at_start = used <= start && rows.len() > 1;
            if !at_start && used > 0 && used + visible > width {
                new_row(&mut rows, &mut used, style);
            }
            if used <= start && rows.len() > 1 && word.trim().is_empty() {
                continue;
            }
            for c in word.chars() {
                let w = c.width().unwrap_or(0);
                if used + w > width && !c.is_whitespace() {
                    new_row(&mut rows, &mut used, style);
                }
                let row = rows.last_mut().expect("a row");
                match row.last_mut() {
                    Some((last, last_style)) if *last_style == style => last.push(c),
                    _ => row.push((c.to_string(), style)),
                }
                used += w;
            }
        }
    }
    trim_row_end(rows.last_mut().expect("a row"));
    rows
}

/// Drops the spaces at the end of a row, and pieces left empty.
fn trim_row_end<S>(row: &mut Vec<(String, S)>) {
    while let Some((text, _)) = row.last_mut() {
        let kept = text.trim_end_matches(' ').len();
        text.truncate(kept);
        if !text.is_empty() {
            break;
        }
        row.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_marks_and_breaks_only_words_longer_than_a_row() {
        let line = Line::new(vec![
            Span::new("Level 5 — Ensure, advise", Mark::Title),
            Span::new("   +3 words against L4", Mark::Dim),
        ]);
        let rows = line.clone().wrap(20);
        let texts: Vec<String> = rows.iter().map(Line::text).collect();
        assert_eq!(
            texts,
            ["Level 5 — Ensure,", "advise   +3 words", "against L4"]
        );
        assert_eq!(rows[1].spans[0], Span::new("advise", Mark::Title));
        assert_eq!(rows[1].spans[1], Span::new("   +3 words", Mark::Dim));
        assert_eq!(line.clone().wrap(80), [line]);
        let long = Line::plain("x".repeat(25)).wrap(10);
        assert_eq!(
            long.iter().map(Line::width).collect::<Vec<_>>(),
            [10, 10, 5]
        );
        let indented = wrap_pieces([("one two three", ())], 8, " ");
        let texts: Vec<String> = (indented.iter())
            .map(|row| row.iter().map(|(t, _)| t.as_str()).collect())
            .collect();
        assert_eq!(texts, ["one two", " three"]);
    }

    #[test]
    fn fitting_cuts_with_an_ellipsis_in_the_mark_it_cuts() {
        let line = Line::new(vec![
            Span::new("Release", Mark::Title),
            Span::plain(" and deployment"),
        ]);
        let cut = line.clone().fit(10);
        assert_eq!(cut.text(), "Release a…");
        assert_eq!(cut.spans[1], Span::plain(" a…"));
        assert_eq!(line.clone().fit(22), line, "fits: unchanged");
        let heading = Line::marked("RELM L4 — Enable", Mark::Title).fit(8);
        assert_eq!(heading, Line::marked("RELM L4…", Mark::Title));
        assert_eq!(Line::plain("日本語").fit(4).text(), "日…");
        assert_eq!(Line::plain("日本語").fit(3).text(), "日…");
        assert_eq!(Line::plain("abc").fit(0).width(), 0);
        for width in 0..12 {
            assert!(line.clone().fit(width).width() <= width, "{width}");
        }
    }

    #[test]
    fn lines_beside_each_other_pad_by_display_width() {
        let left = Line::new(vec![Span::plain("• "), Span::new("部署", Mark::Removed)]);
        let right = Line::marked("x", Mark::Added);
        let line = Line::beside(left.clone(), right, 8, Mark::Dim);
        assert_eq!(line.text(), "• 部署   │ x");
        assert_eq!(line.spans[3], Span::new(" │ ", Mark::Dim));
        assert_eq!(line.spans[4], Span::new("x", Mark::Added));
        let alone = Line::beside(left, Line::default(), 8, Mark::Plain);
        assert_eq!(alone.text(), "• 部署   │");
        let empty = Line::beside(Line::default(), Line::default(), 3, Mark::Plain);
        assert_eq!(empty.text(), "    │");
    }

    #[test]
    fn a_document_reads_as_text_and_knows_its_width() {
        let mut document = Document::default();
        document.push(Line::marked("Title", Mark::Title));
        document.blank();
        document.extend([Line::plain("日本語 text")]);
        assert_eq!(document.text(), "Title\n\n日本語 text\n");
        assert_eq!(document.width(), 11);
    }
}
