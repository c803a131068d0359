//! The footer: the key hints of the keys in force. Hints that do not fit are left out whole,
//! never cut mid-word; the ways out (close, help, quit) are the last to go.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::text::fit;
use crate::tui::action::Action;
use crate::tui::keymap::ActiveBinding;
use crate::tui::theme::Theme;

/// What the footer shows.
pub struct FooterView<'a> {
    pub theme: &'a Theme,
    pub hints: Vec<Hint<'a>>,
}

/// One key hint: "q quit".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint<'a> {
    pub keys: &'a str,
    pub hint: &'static str,
    /// A way out or to the help: kept ahead of the others when space is short.
    pub essential: bool,
}

impl<'a> Hint<'a> {
    /// A binding's hint, if it has one.
    pub fn of(binding: &'a ActiveBinding) -> Option<Hint<'a>> {
        Some(Hint {
            keys: &binding.label,
            hint: binding.hint?,
            essential: matches!(binding.action, Action::Back | Action::Help | Action::Quit),
        })
    }

    /// " q quit ": as drawn, with the gap to the next one.
    fn width(&self) -> usize {
        self.keys.width() + self.hint.width() + 3
    }
}

pub fn draw(frame: &mut Frame, area: Rect, view: &FooterView) {
    let width = usize::from(area.width);
    let mut spans = Vec::new();
    for hint in shown(&view.hints, width) {
        spans.push(Span::styled(format!(" {}", hint.keys), view.theme.key));
        spans.push(Span::styled(format!(" {} ", hint.hint), view.theme.dim));
    }
    // The last hint's trailing space may go; a single hint wider than the footer is cut.
    let line = if Line::from(spans.clone()).width() <= width + 1 {
        Line::from(spans)
    } else {
        fit(spans, width)
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// The hints that fit in `width`, in their order: the essential ones first claim their room,
/// then the others in turn, each left out whole when it does not fit.
fn shown<'a>(hints: &[Hint<'a>], width: usize) -> Vec<Hint<'a>> {
    // The last hint's trailing space can fall off the edge.
    let mut room = width + 1;
    let mut kept = vec![false; hints.len()];
    let essential_first = (hints.iter().enumerate().filter(|(_, h)| h.essential))
        .chain(hints.iter().enumerate().filter(|(_, h)| !h.essential));
    for (index, hint) in essential_first {
        if hint.width() <= room {
            room -= hint.width();
            kept[index] = true;
        }
    }
    let mut shown: Vec<Hint> = (hints.iter().zip(&kept))
        .filter(|(_, kept)| **kept)
        .map(|(hint, _)| *hint)
        .collect();
    if shown.is_empty() {
        // Too narrow for any whole hint: the first essential one, cut.
        shown.extend(hints.iter().find(|h| h.essential).or(hints.first()));
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{Keymap, Scope};
    use crate::tui::testing::buffer_text;
    use crate::tui::ui::test_support::{assert_pane_snapshots, monochrome, render};

    fn hints(keymap: &Keymap, scope: Scope) -> Vec<Hint<'_>> {
        keymap.hinted(scope, &[]).filter_map(Hint::of).collect()
    }

    #[test]
    fn the_hints_of_the_default_keys() {
        let (theme, keymap) = (monochrome(), Keymap::default());
        for (name, scope) in [
            ("footer_browse", Scope::Browse),
            ("footer_compare", Scope::Compare),
        ] {
            let view = FooterView {
                theme: &theme,
                hints: hints(&keymap, scope),
            };
            assert_pane_snapshots(name, |frame, area| draw(frame, area, &view));
        }
    }

    #[test]
    fn hints_that_do_not_fit_are_left_out_whole_and_the_way_out_stays() {
        let (theme, keymap) = (monochrome(), Keymap::default());
        for scope in [Scope::Browse, Scope::Compare, Scope::Responsibility] {
            let view = FooterView {
                theme: &theme,
                hints: hints(&keymap, scope),
            };
            for width in [30, 40, 60, 80] {
                let text = buffer_text(&render(width, 1, |frame, area| draw(frame, area, &view)));
                assert!(!text.contains('…'), "{scope:?} at {width}: {text:?}");
                let shown: Vec<Hint> = (view.hints.iter().copied())
                    .filter(|h| text.contains(&format!(" {} {}", h.keys, h.hint)))
                    .collect();
                let words = text.split_whitespace().count();
                let shown_words: usize = (shown.iter())
                    .map(|h| h.keys.split_whitespace().count() + h.hint.split_whitespace().count())
                    .sum();
                assert_eq!(words, shown_words, "only whole hints: {text:?}");
                let way_out = view.hints.iter().find(|h| h.essential).unwrap();
                assert!(shown.contains(way_out), "{scope:?} at {width}: {text:?}");
            }
        }
    }
}
