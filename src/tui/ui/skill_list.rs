//! The skill list: the grouped tree, or ranked search results while searching.

use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::text::{fit, mark_chars};
use super::{pane_block, scrollbar};
use crate::data::model::{Level, Skill, Status};
use crate::tui::layout;
use crate::tui::theme::Theme;

/// What the list pane shows.
pub struct SkillListView<'a> {
    pub theme: &'a Theme,
    /// " Skills (3) ", " Search: 1 of 3 ".
    pub title: String,
    pub focused: bool,
    /// The level shown in the detail panes, underlined in every row's level grid.
    pub level: Level,
    pub body: ListBody<'a>,
}

pub enum ListBody<'a> {
    /// The grouped skills.
    Tree(ListRows<'a>),
    Search {
        /// The query as typed.
        input: &'a str,
        results: SearchResults<'a>,
    },
}

pub enum SearchResults<'a> {
    /// Nothing typed yet: a hint.
    NotYet,
    /// Nothing matches the input.
    None,
    Found(ListRows<'a>),
}

/// The rows on screen, from `offset`, of `total` rows.
pub struct ListRows<'a> {
    pub shown: Vec<ListRow<'a>>,
    pub total: usize,
    pub offset: usize,
    /// The cursor's row, counted from the first of all rows.
    pub cursor: usize,
}

pub enum ListRow<'a> {
    Group {
        label: &'a str,
        depth: u8,
        /// Skills in the group and the groups inside it.
        skills: usize,
        folded: bool,
    },
    Skill(SkillRow<'a>),
}

pub struct SkillRow<'a> {
    pub skill: &'a Skill,
    pub depth: u8,
    /// Char indices of the code and the name that a search matched.
    pub code_marks: Vec<usize>,
    pub name_marks: Vec<usize>,
    /// Where a search matched: "L4", "guidance".
    pub place: Option<String>,
}

pub fn draw(frame: &mut Frame, area: Rect, view: &SkillListView) {
    let block = pane_block(view.theme, view.focused, view.title.clone());
    frame.render_widget(block, area);
    let searching = matches!(view.body, ListBody::Search { .. });
    let (input_area, rows_area) = layout::list_parts(area, searching);
    match &view.body {
        ListBody::Tree(rows) => draw_rows(frame, rows_area, view, rows),
        ListBody::Search { input, results } => {
            draw_input(frame, input_area, view.theme, input);
            let message = match results {
                SearchResults::Found(rows) => return draw_rows(frame, rows_area, view, rows),
                SearchResults::NotYet => "Type to search codes, names, categories and text.".into(),
                SearchResults::None => format!("Nothing matches {input:?}."),
            };
            let line = Line::styled(message, view.theme.dim);
            frame.render_widget(Paragraph::new(line), rows_area);
        }
    }
}

fn draw_input(frame: &mut Frame, area: Rect, theme: &Theme, input: &str) {
    let line = fit(
        vec![
            Span::styled("/", theme.key),
            Span::raw(input.to_string()),
            Span::styled("▏", theme.key),
        ],
        usize::from(area.width),
    );
    frame.render_widget(Paragraph::new(line), area);
    if area.width > 0 && area.height > 0 {
        let typed = input.width() as u16;
        let x = area.x + (1 + typed).min(area.width - 1);
        frame.set_cursor_position((x, area.y));
    }
}

/// The width rows may use: one column less when a scrollbar is drawn.
fn row_width(area: Rect, total: usize) -> usize {
    let width = usize::from(area.width);
    if total > usize::from(area.height) {
        width.saturating_sub(1)
    } else {
        width
    }
}

fn draw_rows(frame: &mut Frame, area: Rect, view: &SkillListView, rows: &ListRows) {
    let width = row_width(area, rows.total);
    let height = usize::from(area.height);
    let lines: Vec<Line> = rows
        .shown
        .iter()
        .take(height)
        .enumerate()
        .map(|(index, row)| {
            let line = match row {
                ListRow::Group {
                    label,
                    depth,
                    skills,
                    folded,
                } => group_line(view.theme, label, *depth, *skills, *folded, width),
                ListRow::Skill(row) => skill_line(view.theme, row, view.level, width),
            };
            if rows.offset + index == rows.cursor {
                line.patch_style(view.theme.selected)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
    scrollbar(frame, area, rows.total, rows.offset, height);
}

fn group_line(
    theme: &Theme,
    label: &str,
    depth: u8,
    skills: usize,
    folded: bool,
    width: usize,
) -> Line<'static> {
    let marker = if folded { "▸ " } else { "▾ " };
    let spans = vec![
        Span::raw(" ".repeat(usize::from(depth))),
        Span::styled(marker, theme.dim),
        Span::styled(label.to_string(), theme.group),
        Span::styled(format!(" ({skills})"), theme.dim),
    ];
    let mut line = fit(spans, width);
    let used = line.width();
    line.spans
        .push(Span::raw(" ".repeat(width.saturating_sub(used))));
    line
}

/// A skill row: code, name, status, and the level grid at the right edge.
fn skill_line(theme: &Theme, row: &SkillRow, level: Level, width: usize) -> Line<'static> {
    let skill = row.skill;
    let grid_width = if width >= 24 { 8 } else { 0 };
    let place_text = row
        .place
        .as_ref()
        .map(|p| format!(" {p}"))
        .unwrap_or_default();
    let place_width = if width >= 34 { place_text.width() } else { 0 };
    let mut left = vec![Span::raw(" ".repeat(usize::from(row.depth)))];
    let code = skill.code.as_str();
    left.extend(mark_chars(code, &row.code_marks, theme.code, theme.matched));
    left.push(Span::raw(
        " ".repeat(6usize.saturating_sub(code.chars().count()).max(1)),
    ));
    left.extend(mark_chars(
        &skill.name,
        &row.name_marks,
        theme.text,
        theme.matched,
    ));
    match skill.status {
        Status::Published => {}
        Status::Prototype => left.push(Span::styled(" prototype", theme.status_prototype)),
        Status::Proposed => left.push(Span::styled(" proposed", theme.status_proposed)),
    }
    let mut line = fit(left, width.saturating_sub(grid_width + place_width));
    let fill = width.saturating_sub(line.width() + grid_width + place_width);
    line.spans.push(Span::raw(" ".repeat(fill)));
    if place_width > 0 {
        line.spans.push(Span::styled(place_text, theme.dim));
    }
    if grid_width > 0 {
        line.spans.push(Span::raw(" "));
        line.spans.extend(grid_spans(theme, skill, level));
    }
    line
}

/// Seven cells, the level number where defined, "·" where not; the selected level's cell is
/// underlined in every row, so the column reads at a glance.
fn grid_spans(theme: &Theme, skill: &Skill, selected: Level) -> Vec<Span<'static>> {
    Level::all()
        .map(|level| {
            let defined = skill.is_defined_at(level);
            let text = if defined {
                level.to_string()
            } else {
                "·".to_string()
            };
            let mut style = if defined {
                theme.level_defined
            } else {
                theme.level_undefined
            };
            if level == selected {
                style = style.add_modifier(Modifier::UNDERLINED);
            }
            Span::styled(text, style)
        })
        .collect()
}
