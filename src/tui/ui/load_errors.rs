//! The load errors popup: the config file and the data files that failed to load, and why.

use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::Frame;

use super::text::wrap;
use crate::data::sources::LoadError;
use crate::tui::theme::Theme;

/// What the load errors popup shows.
pub struct LoadErrorsView<'a> {
    pub theme: &'a Theme,
    pub config_error: Option<&'a LoadError>,
    pub data_errors: &'a [LoadError],
    pub scroll: usize,
}

/// The popup's widest.
const WIDTH: u16 = 100;

pub fn draw(frame: &mut Frame, area: Rect, view: &LoadErrorsView) {
    let title = match (view.config_error.is_some(), view.data_errors.len()) {
        (true, 0) => " The config file failed to load ".to_string(),
        (true, n) => format!(" The config file and {n} data file(s) failed to load "),
        (false, n) => format!(" {n} data file(s) failed to load "),
    };
    let lines = error_lines(area, view);
    super::draw_popup(frame, area, view.theme, &title, lines, WIDTH, view.scroll);
}

/// How far the popup drawn in `area` can scroll.
pub fn scroll_limit(area: Rect, view: &LoadErrorsView) -> usize {
    super::popup_scroll_limit(area, error_lines(area, view).len(), WIDTH)
}

fn error_lines(area: Rect, view: &LoadErrorsView) -> Vec<Line<'static>> {
    let width = usize::from(area.width.min(WIDTH).saturating_sub(4));
    let theme = view.theme;
    let mut lines = Vec::new();
    let errors = |lines: &mut Vec<Line<'static>>, error: &LoadError| {
        for row in wrap(&error.to_string(), width, "• ", "  ") {
            lines.push(Line::raw(row));
        }
    };
    if let Some(error) = view.config_error {
        errors(&mut lines, error);
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "The config file was not used: the defaults apply until it is fixed.",
            theme.dim,
        ));
    }
    if !view.data_errors.is_empty() {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        for error in view.data_errors {
            errors(&mut lines, error);
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "These files were skipped; everything else loaded.",
            theme.dim,
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::testing::buffer_text;
    use crate::tui::ui::test_support::{assert_pane_snapshots, monochrome, render};

    fn error(path: &str, position: Option<(usize, usize)>, message: &str) -> LoadError {
        LoadError {
            path: path.to_string(),
            position,
            message: message.to_string(),
        }
    }

    #[test]
    fn the_config_file_and_data_files_that_failed() {
        let theme = monochrome();
        let config = error("config.ron", Some((2, 11)), "unknown theme \"neon\"");
        let data = [
            error("broken.ron", Some((1, 1)), "expected opening `(`"),
            error("empty.ron", None, "the file is empty"),
        ];
        let view = LoadErrorsView {
            theme: &theme,
            config_error: Some(&config),
            data_errors: &data,
            scroll: 0,
        };
        assert_pane_snapshots("load_errors", |frame, area| draw(frame, area, &view));
    }

    #[test]
    fn the_title_counts_what_failed() {
        let theme = monochrome();
        let data = [error("broken.ron", None, "bad")];
        let view = LoadErrorsView {
            theme: &theme,
            config_error: None,
            data_errors: &data,
            scroll: 0,
        };
        let text = buffer_text(&render(80, 24, |frame, area| draw(frame, area, &view)));
        assert!(text.contains(" 1 data file(s) failed to load "), "{text}");
        assert!(!text.contains("config file"), "{text}");
    }
}
