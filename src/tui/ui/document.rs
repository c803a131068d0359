//! The browser's face of a [`Document`]: each mark becomes the theme's style for it, so a
//! comparison or a skill laid out once in `query::render` draws in a pane.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::query::render::document::{Document, Mark};
use crate::tui::theme::Theme;

/// The document's lines, styled by `theme`, ready to scroll.
pub fn lines(document: &Document, theme: &Theme) -> Vec<Line<'static>> {
    document
        .lines
        .iter()
        .map(|line| {
            let spans = line
                .spans
                .iter()
                .map(|span| Span::styled(span.text.clone(), style(span.mark, theme)));
            Line::from(spans.collect::<Vec<_>>())
        })
        .collect()
}

/// The theme's style for a mark.
pub fn style(mark: Mark, theme: &Theme) -> Style {
    match mark {
        Mark::Plain => theme.text,
        Mark::Title => theme.title,
        Mark::Dim => theme.dim,
        Mark::Code => theme.code,
        Mark::Added => theme.added,
        Mark::Removed => theme.removed,
        Mark::Matched => theme.matched,
        Mark::Selected => theme.selected,
    }
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Modifier};

    use super::*;
    use crate::config::ThemeName;
    use crate::query::render::document::{Line as DocumentLine, Span as DocumentSpan};

    #[test]
    fn spans_keep_their_text_and_take_their_marks_style() {
        let theme = Theme::named(ThemeName::Default, true);
        let document = Document {
            lines: vec![
                DocumentLine::new(vec![
                    DocumentSpan::plain("• "),
                    DocumentSpan::new("部署", Mark::Added),
                    DocumentSpan::new(" ", Mark::Added),
                    DocumentSpan::new("rollback", Mark::Removed),
                ]),
                DocumentLine::default(),
            ],
        };
        let lines = lines(&document, &theme);
        assert_eq!(lines.len(), 2);
        let shown: Vec<(&str, Style)> = lines[0]
            .spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style))
            .collect();
        assert_eq!(
            shown,
            [
                ("• ", theme.text),
                ("部署", theme.added),
                (" ", theme.added),
                ("rollback", theme.removed),
            ]
        );
        assert_eq!(lines[0].width(), 15);
        assert!(lines[1].spans.is_empty());
        assert_eq!(theme.added.fg, Some(Color::Green));
    }

    #[test]
    fn without_colour_changes_and_the_active_side_still_stand_out() {
        let theme = Theme::new(false);
        for mark in Mark::ALL {
            assert_eq!(
                (style(mark, &theme).fg, style(mark, &theme).bg),
                (None, None)
            );
        }
        let modifiers = |mark| style(mark, &theme).add_modifier;
        assert!(modifiers(Mark::Added).contains(Modifier::UNDERLINED));
        assert!(modifiers(Mark::Removed).contains(Modifier::CROSSED_OUT));
        assert!(modifiers(Mark::Selected).contains(Modifier::REVERSED));
        assert!(modifiers(Mark::Title).contains(Modifier::BOLD));
    }
}
