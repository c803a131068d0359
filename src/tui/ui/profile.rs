//! The profile (`P`): its skills, each with my level → my target, skills that are not loaded
//! flagged, the cursor's note below.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::text::{fit, wrap};
use super::{pane_block, scrollbar};
use crate::data::model::Level;
use crate::tui::theme::Theme;

/// What the profile view shows.
pub struct ProfileView<'a> {
    pub theme: &'a Theme,
    pub name: &'a str,
    pub rows: Vec<ProfileRow>,
    pub cursor: usize,
    /// The note of the skill under the cursor, printable.
    pub note: Option<String>,
}

/// One skill of the profile, its text printable.
pub struct ProfileRow {
    pub code: String,
    /// The skill's name; `None` when it is not loaded.
    pub name: Option<String>,
    /// "SFIA 9": said for a skill that is not loaded.
    pub framework: String,
    pub level: Level,
    pub target: Option<Level>,
}

/// Said in an empty profile.
const EMPTY: &str = "No skills yet. In the skill list, show a skill's level and press m to mark it as mine, t as my target.";

pub fn draw(frame: &mut Frame, area: Rect, view: &ProfileView) {
    let title = format!(" Profile · {} ({}) ", view.name, view.rows.len());
    let block = pane_block(view.theme, true, title);
    let inside = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inside.width);
    if view.rows.is_empty() {
        let lines: Vec<Line> = (wrap(EMPTY, width, "", ""))
            .into_iter()
            .map(|row| Line::styled(row, view.theme.dim))
            .collect();
        frame.render_widget(Paragraph::new(lines), inside);
        return;
    }
    let code = view
        .rows
        .get(view.cursor)
        .map_or("", |row| row.code.as_str());
    let note: Vec<Line> = (view.note.iter())
        .flat_map(|note| wrap(&format!("Note on {code}: {note}"), width, "", "  "))
        .map(|row| Line::styled(row, view.theme.dim))
        .collect();
    // The note takes at most half the rows, and only when there is room for both.
    let note_rows = if inside.height >= 6 {
        (note.len() as u16).min(inside.height / 2)
    } else {
        0
    };
    let gap = u16::from(note_rows > 0);
    // The note stands right under the rows.
    let rows = u16::try_from(view.rows.len()).unwrap_or(u16::MAX);
    let list_height = inside.height.saturating_sub(note_rows + gap).min(rows);
    let list = Rect::new(inside.x, inside.y, inside.width, list_height);
    draw_rows(frame, list, view);
    if note_rows > 0 {
        let below = Rect::new(inside.x, list.bottom() + gap, inside.width, note_rows);
        let shown: Vec<Line> = note.into_iter().take(usize::from(note_rows)).collect();
        frame.render_widget(Paragraph::new(shown), below);
    }
}

fn draw_rows(frame: &mut Frame, area: Rect, view: &ProfileView) {
    let height = usize::from(area.height).max(1);
    let offset = view.cursor.saturating_sub(height - 1);
    // One column is kept for the scrollbar.
    let width = usize::from(area.width.saturating_sub(1));
    let lines: Vec<Line> = (view.rows.iter().enumerate())
        .skip(offset)
        .take(height)
        .map(|(i, row)| row_line(view.theme, row, width, i == view.cursor))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
    scrollbar(frame, area, view.rows.len(), offset, height);
}

/// "RELM  Release and deployment   4 → 5", the levels at the right edge.
fn row_line(theme: &Theme, row: &ProfileRow, width: usize, selected: bool) -> Line<'static> {
    let levels = match row.target {
        Some(target) => format!(" {} → {target}", row.level),
        None => format!(" {}", row.level),
    };
    let levels_width = levels.chars().count();
    let mut left = vec![
        Span::styled(row.code.clone(), theme.code),
        Span::raw(" ".repeat(6usize.saturating_sub(row.code.chars().count()).max(1))),
    ];
    match &row.name {
        Some(name) => left.push(Span::styled(name.clone(), theme.text)),
        None => left.push(Span::styled(
            format!("missing: {} not loaded", row.framework),
            theme.warning,
        )),
    }
    let mut line = fit(left, width.saturating_sub(levels_width));
    let fill = width.saturating_sub(line.width() + levels_width);
    line.spans.push(Span::raw(" ".repeat(fill)));
    line.spans.push(Span::styled(levels, theme.level_defined));
    if selected {
        line = line.patch_style(theme.selected);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::ui::test_support::{assert_pane_snapshots, monochrome};

    fn level(n: u8) -> Level {
        Level::new(n).unwrap()
    }

    fn rows() -> Vec<ProfileRow> {
        vec![
            ProfileRow {
                code: "RELM".into(),
                name: Some("Release and deployment".into()),
                framework: "SFIA 9".into(),
                level: level(4),
                target: Some(level(5)),
            },
            ProfileRow {
                code: "NOPE".into(),
                name: None,
                framework: "Gone 1".into(),
                level: level(2),
                target: None,
            },
        ]
    }

    /// Two skills, one not loaded; the cursor on the first, its note below.
    #[test]
    fn profile() {
        let theme = monochrome();
        assert_pane_snapshots("profile", |frame, area| {
            let view = ProfileView {
                theme: &theme,
                name: "me",
                rows: rows(),
                cursor: 0,
                note: Some("Ran the spring release; next: lead one.".into()),
            };
            draw(frame, area, &view);
        });
    }
}
