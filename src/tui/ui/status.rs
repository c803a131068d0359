//! The status line: warnings, then a notice or the counts and the skill shown.

use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::text::fit;
use crate::data::model::Level;
use crate::tui::theme::Theme;

/// What the status line shows.
pub struct StatusView<'a> {
    pub theme: &'a Theme,
    /// Data files that failed to load.
    pub failed_files: usize,
    pub config_failed: bool,
    /// A message until the next key, shown instead of the counts.
    pub notice: Option<&'a str>,
    pub skills: usize,
    pub sources: usize,
    /// Results of the search, when a query is typed.
    pub matches: Option<usize>,
    /// The code and level shown in the detail panes.
    pub shown: Option<(&'a str, Level)>,
}

pub fn draw(frame: &mut Frame, area: Rect, view: &StatusView) {
    let theme = view.theme;
    let mut spans = Vec::new();
    if view.failed_files > 0 {
        spans.push(Span::styled(
            format!(" ⚠ {} file(s) failed to load (!) ", view.failed_files),
            theme.warning,
        ));
    }
    if view.config_failed {
        spans.push(Span::styled(
            " ⚠ config file not used: defaults apply (!) ",
            theme.warning,
        ));
    }
    match view.notice {
        Some(notice) => spans.push(Span::styled(format!(" {notice}"), theme.title)),
        None => spans.push(Span::styled(counts(view), theme.dim)),
    }
    frame.render_widget(Paragraph::new(fit(spans, usize::from(area.width))), area);
}

/// " 3 skills from 1 source · 1 match · RELM L4".
fn counts(view: &StatusView) -> String {
    let plural = |n: usize, one: &str, many: &str| if n == 1 { one } else { many }.to_string();
    let mut text = format!(
        " {} skills from {} source{}",
        view.skills,
        view.sources,
        plural(view.sources, "", "s")
    );
    if let Some(matches) = view.matches {
        text.push_str(&format!(" · {matches} match{}", plural(matches, "", "es")));
    }
    if let Some((code, level)) = view.shown {
        text.push_str(&format!(" · {code} L{level}"));
    }
    text
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Modifier};

    use super::*;
    use crate::tui::testing::buffer_text;
    use crate::tui::ui::test_support::{assert_pane_snapshots, monochrome, render, style_at};

    fn view(theme: &Theme) -> StatusView<'_> {
        StatusView {
            theme,
            failed_files: 2,
            config_failed: true,
            notice: None,
            skills: 3,
            sources: 1,
            matches: Some(1),
            shown: Some(("RELM", Level::new(4).unwrap())),
        }
    }

    #[test]
    fn warnings_counts_and_the_skill_shown() {
        let theme = monochrome();
        let view = view(&theme);
        assert_pane_snapshots("status", |frame, area| draw(frame, area, &view));
    }

    #[test]
    fn a_notice_replaces_the_counts() {
        let theme = monochrome();
        let view = StatusView {
            failed_files: 0,
            config_failed: false,
            notice: Some("Exported to RELM.md"),
            ..view(&theme)
        };
        let text = buffer_text(&render(80, 1, |frame, area| draw(frame, area, &view)));
        assert_eq!(text, " Exported to RELM.md");
        let view = StatusView {
            notice: None,
            matches: Some(2),
            sources: 2,
            ..view
        };
        let text = buffer_text(&render(80, 1, |frame, area| draw(frame, area, &view)));
        assert_eq!(text, " 3 skills from 2 sources · 2 matches · RELM L4");
    }

    #[test]
    fn warnings_are_bold_and_red_in_colour() {
        for (theme, colour) in [(monochrome(), Color::Reset), (Theme::new(true), Color::Red)] {
            let view = view(&theme);
            let buffer = render(120, 1, |frame, area| draw(frame, area, &view));
            for warning in ["⚠ 2 file(s)", "⚠ config file"] {
                let (modifier, fg) = style_at(&buffer, warning);
                assert!(modifier.contains(Modifier::BOLD), "{modifier:?}");
                assert_eq!(fg, colour);
            }
        }
    }
}
