//! The status line: warnings, then a notice or the counts and the skill shown, and while only
//! the built-in sample is loaded, how to import the full framework. What does not fit on one
//! row wraps onto more (see [`height`]), up to [`MAX_ROWS`].

use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::text::{fit, wrap_spans};
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
    /// Only the built-in sample is loaded: say how to import the full framework.
    pub sample_only: bool,
}

/// The most rows the status line takes; what is left is cut.
pub const MAX_ROWS: u16 = 3;

/// Said after the counts while only the built-in sample is loaded.
pub const IMPORT_HINT: &str = "sample only: skillscope import FILE";

/// The rows the status line needs at `width`, at most [`MAX_ROWS`].
pub fn height(view: &StatusView, width: u16) -> u16 {
    let rows = wrap_spans(&fitted_spans(view, usize::from(width)), usize::from(width)).len();
    u16::try_from(rows).unwrap_or(u16::MAX).clamp(1, MAX_ROWS)
}

pub fn draw(frame: &mut Frame, area: Rect, view: &StatusView) {
    let width = usize::from(area.width);
    let mut lines = wrap_spans(&fitted_spans(view, width), width);
    let rows = usize::from(area.height.max(1));
    if lines.len() > rows {
        let rest: Vec<Span<'static>> = lines.drain(rows - 1..).flat_map(|l| l.spans).collect();
        lines.push(fit(rest, width));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The status line's spans, a notice too long for [`MAX_ROWS`] rows shortened in its middle:
/// the end of a notice (the file name of a path written) is what matters.
fn fitted_spans(view: &StatusView, width: usize) -> Vec<Span<'static>> {
    let mut spans = spans(view, view.notice);
    let Some(notice) = view.notice else {
        return spans;
    };
    let mut keep = notice.chars().count();
    while wrap_spans(&spans, width).len() > usize::from(MAX_ROWS) && keep > MIN_KEPT {
        keep = keep.saturating_sub(width.max(2) / 2).max(MIN_KEPT);
        spans = self::spans(view, Some(&middle_shortened(notice, keep)));
    }
    spans
}

/// The fewest characters of a notice kept when it is shortened.
const MIN_KEPT: usize = 8;

/// `text` in at most `keep` characters: a third from its start, `…`, the rest from its end.
fn middle_shortened(text: &str, keep: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= keep {
        return text.to_string();
    }
    let head = keep / 3;
    let tail = keep.saturating_sub(head + 1);
    let mut out: String = chars[..head].iter().collect();
    out.push('…');
    out.extend(&chars[chars.len() - tail..]);
    out
}

fn spans(view: &StatusView, notice: Option<&str>) -> Vec<Span<'static>> {
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
    match notice {
        Some(notice) => spans.push(Span::styled(format!(" {notice}"), theme.title)),
        None => {
            spans.push(Span::styled(counts(view), theme.dim));
            if view.sample_only && view.matches.is_none() {
                spans.push(Span::styled(format!(" · {IMPORT_HINT}"), theme.dim));
            }
        }
    }
    spans
}

/// " 3 skills from 1 source · 1 match · RELM L4".
fn counts(view: &StatusView) -> String {
    let plural = |n: usize, one: &str, many: &str| if n == 1 { one } else { many }.to_string();
    let mut text = format!(
        " {} skill{} from {} source{}",
        view.skills,
        plural(view.skills, "", "s"),
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
            sample_only: false,
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
    fn a_long_notice_wraps_onto_more_rows_up_to_the_most() {
        let theme = monochrome();
        let path = "/home/someone/a/rather/deep/folder/RELM-L4-vs-RELM-L5.md";
        let notice = format!("Exported to {path}");
        let view = StatusView {
            notice: Some(&notice),
            ..view(&theme)
        };
        assert_eq!(height(&view, 160), 1);
        assert_eq!(height(&view, 80), 2, "the warnings, then the notice");
        let text = buffer_text(&render(80, 2, |frame, area| draw(frame, area, &view)));
        assert!(text.ends_with(&format!("\n {notice}")), "{text}");
        assert_eq!(height(&view, 20), MAX_ROWS);
        let text = buffer_text(&render(20, MAX_ROWS, |frame, area| {
            draw(frame, area, &view)
        }));
        assert!(text.ends_with('…'), "the warnings fill the rows: {text}");
        // Without warnings, a notice too long for three rows is shortened in the middle, its
        // file name kept.
        let long = format!(
            "Exported to /home/someone{}/RELM-L4-vs-RELM-L5.md",
            "/deep".repeat(30)
        );
        let view = StatusView {
            failed_files: 0,
            config_failed: false,
            notice: Some(&long),
            ..view
        };
        let text = buffer_text(&render(30, MAX_ROWS, |frame, area| {
            draw(frame, area, &view)
        }));
        let compact: String = text.split('\n').map(str::trim).collect();
        assert!(compact.contains('…'), "{text}");
        assert!(compact.ends_with("RELM-L4-vs-RELM-L5.md"), "{text}");
        assert!(compact.contains("Exported to"), "{text}");
    }

    #[test]
    fn one_skill_is_one_skill() {
        let theme = monochrome();
        let view = StatusView {
            failed_files: 0,
            config_failed: false,
            skills: 1,
            matches: None,
            ..view(&theme)
        };
        let text = buffer_text(&render(80, 1, |frame, area| draw(frame, area, &view)));
        assert_eq!(text, " 1 skill from 1 source · RELM L4");
    }

    #[test]
    fn the_sample_alone_says_how_to_import_the_full_framework() {
        let theme = monochrome();
        let view = StatusView {
            failed_files: 0,
            config_failed: false,
            matches: None,
            sample_only: true,
            ..view(&theme)
        };
        let text = buffer_text(&render(80, 1, |frame, area| draw(frame, area, &view)));
        assert_eq!(
            text,
            " 3 skills from 1 source · RELM L4 · sample only: skillscope import FILE"
        );
        assert_eq!(height(&view, 40), 2);
        let searching = StatusView {
            matches: Some(2),
            ..view
        };
        let text = buffer_text(&render(80, 1, |frame, area| draw(frame, area, &searching)));
        assert!(!text.contains("import"), "not while searching: {text}");
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
