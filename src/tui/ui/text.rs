//! Text helpers for drawing: wrapping by display width, fitting spans to a width, and marking
//! search terms.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::query::render::document::wrap_pieces;

/// Wraps `text` to `width` columns; the first line starts with `first`, the rest with `rest`.
/// Words longer than a line (CJK runs, URLs, junk) are broken, so nothing overflows.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let width = width.max(first.width() + 1).max(rest.width() + 1);
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(true);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|line| line.into_owned())
        .collect()
}

/// Cuts spans to at most `width` columns, ending in "…" when something was cut.
pub fn fit(spans: Vec<Span<'static>>, width: usize) -> Line<'static> {
    let total: usize = spans.iter().map(|s| s.content.width()).sum();
    if total <= width {
        return Line::from(spans);
    }
    let mut out = Vec::new();
    let mut used = 0;
    let budget = width.saturating_sub(1);
    'spans: for span in spans {
        let mut kept = String::new();
        for c in span.content.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > budget {
                out.push(Span::styled(kept, span.style));
                break 'spans;
            }
            used += w;
            kept.push(c);
        }
        out.push(Span::styled(kept, span.style));
    }
    if width > 0 {
        out.push(Span::raw("…"));
    }
    Line::from(out)
}

/// Wraps styled spans to `width` columns at spaces, keeping each word's style; rows after the
/// first start with a space, as the first does. A word longer than a row is broken.
pub fn wrap_spans(spans: &[Span<'static>], width: usize) -> Vec<Line<'static>> {
    let pieces = spans.iter().map(|span| (span.content.as_ref(), span.style));
    wrap_pieces(pieces, width, " ")
        .into_iter()
        .map(|row| {
            Line::from_iter(
                row.into_iter()
                    .map(|(text, style)| Span::styled(text, style)),
            )
        })
        .collect()
}

/// Pads or cuts `text` to exactly `width` columns.
pub fn pad(text: &str, width: usize) -> String {
    let line = fit(vec![Span::raw(text.to_string())], width);
    let content: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let fill = width.saturating_sub(content.width());
    format!("{content}{}", " ".repeat(fill))
}

/// Splits `text` into spans, with the characters at `indices` (char positions) in `mark`.
pub fn mark_chars(text: &str, indices: &[usize], base: Style, mark: Style) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut current = String::new();
    let mut current_marked = false;
    for (i, c) in text.chars().enumerate() {
        let marked = indices.binary_search(&i).is_ok();
        if marked != current_marked && !current.is_empty() {
            let style = if current_marked { mark } else { base };
            spans.push(Span::styled(std::mem::take(&mut current), style));
        }
        current_marked = marked;
        current.push(c);
    }
    if !current.is_empty() {
        spans.push(Span::styled(
            current,
            if current_marked { mark } else { base },
        ));
    }
    spans
}

/// Splits `text` into spans, with every case-insensitive occurrence of a term in `mark`.
pub fn mark_terms(text: &str, terms: &[String], base: Style, mark: Style) -> Vec<Span<'static>> {
    if terms.is_empty() {
        return vec![Span::styled(text.to_string(), base)];
    }
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = chars
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    let mut marked = Vec::new();
    for term in terms {
        let term: Vec<char> = term.chars().collect();
        if term.is_empty() || term.len() > folded.len() {
            continue;
        }
        let found: Vec<usize> = (0..=folded.len() - term.len())
            .filter(|&start| folded[start..start + term.len()] == term[..])
            .collect();
        // As the search ranks: where the term starts a word, if it does anywhere in the text
        // ("to" in "to" and "tools", not in "into"); else wherever it stands.
        let starts_word = |&start: &usize| start == 0 || !folded[start - 1].is_alphanumeric();
        let at_word_starts: Vec<usize> = found.iter().copied().filter(starts_word).collect();
        let shown = if at_word_starts.is_empty() {
            found
        } else {
            at_word_starts
        };
        for start in shown {
            marked.extend(start..start + term.len());
        }
    }
    marked.sort_unstable();
    marked.dedup();
    mark_chars(text, &marked, base, mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn terms_are_marked_where_they_start_words_if_they_do_anywhere() {
        let (base, mark) = (Style::default(), Style::default().bold());
        let marked = |text: &str, term: &str| -> Vec<String> {
            (mark_terms(text, &[term.to_string()], base, mark).into_iter())
                .filter(|span| span.style == mark)
                .map(|span| span.content.to_string())
                .collect()
        };
        // "to" starts "to" and "tools", so the one inside "into" stays plain.
        assert_eq!(marked("Goes into tools to", "to"), ["to", "to"]);
        assert_eq!(
            text_of(&Line::from(mark_terms(
                "Goes into tools to",
                &["to".into()],
                base,
                mark
            ))),
            "Goes into tools to"
        );
        // Nowhere at a word's start: marked inside words.
        assert_eq!(marked("into onto", "to"), ["to", "to"]);
    }

    #[test]
    fn wrapping_respects_display_width() {
        let lines = wrap(&"日本語".repeat(20), 10, "• ", "  ");
        assert!(lines.iter().all(|l| l.width() <= 10), "{lines:?}");
        let long_word = "x".repeat(5000);
        assert!(wrap(&long_word, 30, "", "").iter().all(|l| l.width() <= 30));
    }

    #[test]
    fn fitting_cuts_with_an_ellipsis() {
        let line = fit(vec![Span::raw("Release"), Span::raw(" and deployment")], 10);
        assert_eq!(text_of(&line), "Release a…");
        assert_eq!(text_of(&fit(vec![Span::raw("日本語")], 4)), "日…");
        assert_eq!(pad("ab", 4), "ab  ");
    }

    #[test]
    fn styled_spans_wrap_at_spaces_and_keep_their_styles() {
        let bold = Style::new().bold();
        let spans = vec![
            Span::styled(" ⚠ warned ", bold),
            Span::raw(" Exported to /a/very/long/path/that/goes/on/RELM.md"),
        ];
        let lines = wrap_spans(&spans, 20);
        let texts: Vec<String> = lines.iter().map(text_of).collect();
        assert_eq!(
            texts,
            [
                " ⚠ warned  Exported",
                " to",
                " /a/very/long/path/t",
                " hat/goes/on/RELM.md"
            ]
        );
        assert!(lines.iter().all(|l| l.width() <= 20), "{texts:?}");
        assert_eq!(lines[0].spans[0].style, bold);
        assert_eq!(lines[0].spans[1].style, Style::new());
        assert_eq!(wrap_spans(&[Span::raw(" short")], 20).len(), 1);
    }

    #[test]
    fn terms_are_marked_case_insensitively() {
        let mark = Style::new().bold();
        let spans = mark_terms(
            "Rollback and ROLLBACK",
            &["rollback".into()],
            Style::new(),
            mark,
        );
        let marked: Vec<&str> = spans
            .iter()
            .filter(|s| s.style == mark)
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(marked, ["Rollback", "ROLLBACK"]);
    }
}
