//! The footer: the key hints of the keys in force.

use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::text::fit;
use crate::tui::theme::Theme;

/// What the footer shows.
pub struct FooterView<'a> {
    pub theme: &'a Theme,
    /// (keys, what they do): ("q", "quit").
    pub hints: Vec<(&'a str, &'static str)>,
}

pub fn draw(frame: &mut Frame, area: Rect, view: &FooterView) {
    let mut spans = Vec::new();
    for (keys, hint) in &view.hints {
        spans.push(Span::styled(format!(" {keys}"), view.theme.key));
        spans.push(Span::styled(format!(" {hint} "), view.theme.dim));
    }
    frame.render_widget(Paragraph::new(fit(spans, usize::from(area.width))), area);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{Keymap, Scope};
    use crate::tui::ui::test_support::{assert_pane_snapshots, monochrome};

    #[test]
    fn the_hints_of_the_default_keys() {
        let (theme, keymap) = (monochrome(), Keymap::default());
        for (name, scope) in [
            ("footer_browse", Scope::Browse),
            ("footer_compare", Scope::Compare),
        ] {
            let view = FooterView {
                theme: &theme,
                hints: keymap.hints(scope).collect(),
            };
            assert_pane_snapshots(name, |frame, area| draw(frame, area, &view));
        }
    }
}
