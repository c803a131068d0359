//! The skill list: the grouped tree, or ranked search results while searching.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

use super::text::{fit, mark_chars};
use super::{pane_block, scrollbar};
use crate::data::catalog::Entry;
use crate::data::model::{Level, Status};
use crate::tui::layout;
use crate::tui::layout::Pane;
use crate::tui::state::{App, Search, SearchPurpose};
use crate::tui::tree::Row;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let title = match app.search() {
        Some(search) if search.purpose() == SearchPurpose::PickCompareSide => {
            " Pick a skill to compare ".to_string()
        }
        Some(search) if !search.query().is_empty() => format!(
            " Search: {} of {} ",
            search.hits().len(),
            app.catalog().entries.len()
        ),
        _ => format!(" Skills ({}) ", app.catalog().entries.len()),
    };
    let block: Block = pane_block(app, Pane::List, title);
    frame.render_widget(block, area);
    let (input_area, rows_area) = layout::list_parts(area, app.search().is_some());
    match app.search() {
        Some(search) => {
            draw_input(frame, input_area, app, search);
            if search.query().is_empty() {
                let hint = Line::styled(
                    "Type to search codes, names, categories and text.",
                    app.theme().dim,
                );
                frame.render_widget(Paragraph::new(hint), rows_area);
            } else {
                draw_hits(frame, rows_area, app, search);
            }
        }
        None => draw_tree(frame, rows_area, app),
    }
}

fn draw_input(frame: &mut Frame, area: Rect, app: &App, search: &Search) {
    let line = fit(
        vec![
            Span::styled("/", app.theme().key),
            Span::raw(search.input().to_string()),
            Span::styled("▏", app.theme().key),
        ],
        usize::from(area.width),
    );
    frame.render_widget(Paragraph::new(line), area);
    if area.width > 0 && area.height > 0 {
        let typed = unicode_width::UnicodeWidthStr::width(search.input()) as u16;
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

fn draw_tree(frame: &mut Frame, area: Rect, app: &App) {
    let width = row_width(area, app.tree().rows.len());
    let height = usize::from(area.height);
    let lines: Vec<Line> = app
        .tree()
        .rows
        .iter()
        .enumerate()
        .skip(app.list().offset)
        .take(height)
        .map(|(index, row)| {
            let line = match *row {
                Row::Group { group, depth } => group_line(app, group, depth, width),
                Row::Skill { entry, depth } => skill_line(
                    app,
                    &app.catalog().entries[entry],
                    depth,
                    &[],
                    &[],
                    None,
                    width,
                ),
            };
            if index == app.list().cursor {
                line.patch_style(app.theme().selected)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
    scrollbar(
        frame,
        area,
        app.tree().rows.len(),
        app.list().offset,
        height,
    );
}

fn group_line(app: &App, group: usize, depth: u8, width: usize) -> Line<'static> {
    let g = &app.tree().groups[group];
    let marker = if app.tree().is_folded(group) {
        "▸ "
    } else {
        "▾ "
    };
    let spans = vec![
        Span::raw(" ".repeat(usize::from(depth))),
        Span::styled(marker, app.theme().dim),
        Span::styled(g.label.clone(), app.theme().group),
        Span::styled(format!(" ({})", g.skills), app.theme().dim),
    ];
    let mut line = fit(spans, width);
    let used = line.width();
    line.spans
        .push(Span::raw(" ".repeat(width.saturating_sub(used))));
    line
}

/// A skill row: code, name, status, and the level grid at the right edge.
pub fn skill_line(
    app: &App,
    entry: &Entry,
    depth: u8,
    code_marks: &[usize],
    name_marks: &[usize],
    place: Option<String>,
    width: usize,
) -> Line<'static> {
    let theme = &app.theme();
    let grid = grid_spans(app, entry);
    let grid_width = if width >= 24 { 8 } else { 0 };
    let place_text = place.map(|p| format!(" {p}")).unwrap_or_default();
    let place_width = if width >= 34 {
        unicode_width::UnicodeWidthStr::width(place_text.as_str())
    } else {
        0
    };
    let mut left = vec![Span::raw(" ".repeat(usize::from(depth)))];
    left.extend(mark_chars(
        entry.skill.code.as_str(),
        code_marks,
        theme.code,
        theme.matched,
    ));
    left.push(Span::raw(
        " ".repeat(
            6usize
                .saturating_sub(entry.skill.code.as_str().chars().count())
                .max(1),
        ),
    ));
    left.extend(mark_chars(
        &entry.skill.name,
        name_marks,
        theme.text,
        theme.matched,
    ));
    match entry.skill.status {
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
        line.spans.extend(grid);
    }
    line
}

/// Seven cells, the level number where defined, "·" where not; the selected level's cell is
/// underlined in every row, so the column reads at a glance.
fn grid_spans(app: &App, entry: &Entry) -> Vec<Span<'static>> {
    Level::all()
        .map(|level| {
            let defined = entry.skill.is_defined_at(level);
            let text = if defined {
                level.to_string()
            } else {
                "·".to_string()
            };
            let mut style = if defined {
                app.theme().level_defined
            } else {
                app.theme().level_undefined
            };
            if level == app.level() {
                style = style.add_modifier(ratatui::style::Modifier::UNDERLINED);
            }
            Span::styled(text, style)
        })
        .collect()
}

fn draw_hits(frame: &mut Frame, area: Rect, app: &App, search: &Search) {
    let width = row_width(area, search.hits().len());
    let height = usize::from(area.height);
    if search.hits().is_empty() {
        let line = Line::styled(
            format!("Nothing matches {:?}.", search.input()),
            app.theme().dim,
        );
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let lines: Vec<Line> = search
        .hits()
        .iter()
        .enumerate()
        .skip(search.view().offset)
        .take(height)
        .map(|(index, hit)| {
            let entry = &app.catalog().entries[hit.entry];
            let detail = app.index().detail(app.catalog(), hit, search.query());
            let place = hit.place.short_label();
            let line = skill_line(
                app,
                entry,
                0,
                &detail.code_matches,
                &detail.name_matches,
                Some(place),
                width,
            );
            if index == search.view().cursor {
                line.patch_style(app.theme().selected)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
    scrollbar(
        frame,
        area,
        search.hits().len(),
        search.view().offset,
        height,
    );
}
