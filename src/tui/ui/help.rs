//! The help popup: every key in force, by scope.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::text::pad;
use crate::tui::theme::Theme;

/// What the help shows.
pub struct HelpView<'a> {
    pub theme: &'a Theme,
    pub sections: Vec<HelpSection<'a>>,
    pub scroll: usize,
}

/// The keys of one scope: "Browsing", then (keys, what they do).
pub struct HelpSection<'a> {
    pub title: &'static str,
    pub keys: Vec<(&'a str, &'static str)>,
}

/// The help's widest.
const WIDTH: u16 = 64;

pub fn draw(frame: &mut Frame, area: Rect, view: &HelpView) {
    let lines = help_lines(view, area.width);
    let title = " Help — Esc to close ";
    super::draw_popup(frame, area, view.theme, title, lines, WIDTH, view.scroll);
}

/// How far the help drawn in `area` can scroll.
pub fn scroll_limit(area: Rect, view: &HelpView) -> usize {
    super::popup_scroll_limit(area, help_lines(view, area.width).len(), WIDTH)
}

/// The help's lines for a screen `screen_width` columns wide.
fn help_lines(view: &HelpView, screen_width: u16) -> Vec<Line<'static>> {
    let theme = view.theme;
    // As wide as the longest label (overridden keys can make long ones), within reason; a
    // label cut short still ends with "…" and a space before its text.
    let column = view
        .sections
        .iter()
        .flat_map(|section| &section.keys)
        .map(|(label, _)| label.width())
        .max()
        .unwrap_or(0)
        .clamp(11, 30);
    let mut lines = Vec::new();
    for section in &view.sections {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(section.title, theme.title));
        for (label, help) in &section.keys {
            lines.push(Line::from(vec![
                Span::styled(format!("  {} ", pad(label, column)), theme.key),
                Span::raw(*help),
            ]));
        }
    }
    lines.push(Line::raw(""));
    let mouse = "Mouse: click a skill or a level; the wheel scrolls the pane under it.";
    // Within the popup's borders and scrollbar, as wide as the screen lets it be.
    let width = usize::from(WIDTH.min(screen_width).saturating_sub(3));
    for row in super::text::wrap(mouse, width, "", "") {
        lines.push(Line::styled(row, theme.dim));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{Keymap, Scope};
    use crate::tui::testing::buffer_text;
    use crate::tui::ui::test_support::{assert_pane_snapshots, monochrome, render};

    fn view<'a>(theme: &'a Theme, keymap: &'a Keymap, scroll: usize) -> HelpView<'a> {
        let scopes = [Scope::Browse, Scope::Search];
        HelpView {
            theme,
            sections: scopes
                .into_iter()
                .map(|scope| HelpSection {
                    title: scope.title(),
                    keys: (keymap.bindings(scope))
                        .map(|b| (b.label.as_str(), b.help))
                        .collect(),
                })
                .collect(),
            scroll,
        }
    }

    #[test]
    fn every_key_by_scope() {
        let (theme, keymap) = (monochrome(), Keymap::default());
        let view = view(&theme, &keymap, 0);
        assert_pane_snapshots("help", |frame, area| draw(frame, area, &view));
    }

    #[test]
    fn the_mouse_line_wraps_to_the_popup_drawn_every_word_kept() {
        let (theme, keymap) = (monochrome(), Keymap::default());
        for width in [40, 80] {
            let area = Rect::new(0, 0, width, 24);
            let mut view = view(&theme, &keymap, 0);
            view.scroll = scroll_limit(area, &view);
            let text = buffer_text(&render(width, 24, |frame, area| draw(frame, area, &view)));
            let words: Vec<&str> = (text.split(|c: char| c.is_whitespace() || "│█║".contains(c)))
                .filter(|w| !w.is_empty())
                .collect();
            let joined = words.join(" ");
            assert!(
                joined.contains("the wheel scrolls the pane under it."),
                "{width} columns:\n{text}"
            );
        }
    }

    #[test]
    fn long_labels_widen_the_column_within_reason() {
        let theme = monochrome();
        let long = "Ctrl-Alt-PageDown/Ctrl-Alt-PageUp/Ctrl-x";
        let view = HelpView {
            theme: &theme,
            sections: vec![HelpSection {
                title: "Browsing",
                keys: vec![("q", "quit"), ("G/End/Ctrl-e", "last"), (long, "long")],
            }],
            scroll: 0,
        };
        let text = buffer_text(&render(80, 24, |frame, area| draw(frame, area, &view)));
        assert!(text.contains("  G/End/Ctrl-e "), "{text}");
        let quit = text.lines().find(|l| l.contains(" quit")).unwrap();
        let last = text.lines().find(|l| l.contains(" last")).unwrap();
        assert_eq!(
            quit.find(" quit"),
            last.find(" last"),
            "one column:\n{text}"
        );
        assert!(
            text.contains("…"),
            "a label over 30 columns is cut:\n{text}"
        );
    }
}
