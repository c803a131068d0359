//! The skill list: the grouped tree, or ranked search results while searching.

use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::levels::Marked;
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
    /// My level and target of the skill, shown in its level grid.
    pub marked: Marked,
    /// The framework and edition, "SFIA 8", where another framework has the same code.
    pub framework: Option<String>,
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
    // The end of a query too long for the row, where the typing happens: "/…end▏".
    let room = usize::from(area.width).saturating_sub(3);
    let shown = if input.width() > room {
        let mut tail: Vec<char> = Vec::new();
        let mut used = 0;
        for c in input.chars().rev() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > room {
                break;
            }
            used += w;
            tail.push(c);
        }
        format!("…{}", tail.iter().rev().collect::<String>())
    } else {
        input.to_string()
    };
    let line = fit(
        vec![
            Span::styled("/", theme.key),
            Span::raw(shown.clone()),
            Span::styled("▏", theme.key),
        ],
        usize::from(area.width),
    );
    frame.render_widget(Paragraph::new(line), area);
    if area.width > 0 && area.height > 0 {
        let typed = shown.width() as u16;
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
    // The framework tells two skills apart, so it is kept longer than where a search matched.
    let framework = (row.framework.as_ref()).filter(|_| width >= 24);
    let place = row.place.as_ref().filter(|_| width >= 34);
    let place_text: String = [framework, place]
        .into_iter()
        .flatten()
        .map(|text| format!(" {text}"))
        .collect();
    let place_width = place_text.width();
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
        line.spans
            .extend(grid_spans(theme, skill, level, row.marked));
    }
    line
}

/// Seven cells, the level number where defined, "·" where not, "M" at my level and "T" at my
/// target (reversed); the selected level's cell is underlined in every row, so the column reads
/// at a glance.
fn grid_spans(theme: &Theme, skill: &Skill, selected: Level, marked: Marked) -> Vec<Span<'static>> {
    Level::all()
        .map(|level| {
            let defined = skill.is_defined_at(level);
            if let Some(letter) = marked.letter(level) {
                let mut style = theme.level_selected;
                if level == selected {
                    style = style.add_modifier(Modifier::UNDERLINED);
                }
                return Span::styled(letter, style);
            }
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

#[cfg(test)]
mod tests {
    use ratatui::style::Color;

    use super::*;
    use crate::data::catalog::Catalog;
    use crate::tui::ui::test_support::{assert_pane_snapshots, catalog, entry, monochrome};
    use crate::tui::ui::test_support::{render, style_at};

    fn skill<'a>(catalog: &'a Catalog, code: &str, depth: u8) -> ListRow<'a> {
        ListRow::Skill(SkillRow {
            skill: &entry(catalog, code).skill,
            depth,
            code_marks: Vec::new(),
            name_marks: Vec::new(),
            place: None,
            marked: Marked::default(),
            framework: None,
        })
    }

    fn group(label: &str, depth: u8, skills: usize, folded: bool) -> ListRow<'_> {
        ListRow::Group {
            label,
            depth,
            skills,
            folded,
        }
    }

    /// The grouped list with the cursor on RELM, the level grid underlining level 4.
    fn tree_view<'a>(catalog: &'a Catalog, theme: &'a Theme) -> SkillListView<'a> {
        let shown = vec![
            group("SFIA 9", 0, 3, false),
            group("Development and implementation", 1, 1, false),
            group("Systems development", 2, 1, false),
            skill(catalog, "SLEN", 3),
            group("Change and Transformation", 1, 1, false),
            group("Software Life-Cycle Optimization", 2, 1, false),
            skill(catalog, "DSOP", 3),
            group("Delivery and operation", 1, 1, true),
        ];
        let total = shown.len();
        SkillListView {
            theme,
            title: " Skills (3) ".to_string(),
            focused: true,
            level: Level::new(4).unwrap(),
            body: ListBody::Tree(ListRows {
                shown,
                total,
                offset: 0,
                cursor: 3,
            }),
        }
    }

    /// The results of "rel": RELM, its code and name marked, found at level 4.
    fn results_view<'a>(catalog: &'a Catalog, theme: &'a Theme) -> SkillListView<'a> {
        let relm = SkillRow {
            skill: &entry(catalog, "RELM").skill,
            depth: 0,
            code_marks: vec![0, 1, 2],
            name_marks: vec![0, 1, 2],
            place: Some("L4".to_string()),
            marked: Marked::default(),
            framework: None,
        };
        SkillListView {
            theme,
            title: " Search: 1 of 3 ".to_string(),
            focused: true,
            level: Level::new(4).unwrap(),
            body: ListBody::Search {
                input: "rel",
                results: SearchResults::Found(ListRows {
                    shown: vec![ListRow::Skill(relm)],
                    total: 1,
                    offset: 0,
                    cursor: 0,
                }),
            },
        }
    }

    #[test]
    fn the_grouped_list() {
        let (catalog, theme) = (catalog(), monochrome());
        let view = tree_view(&catalog, &theme);
        assert_pane_snapshots("skill_list_tree", |frame, area| draw(frame, area, &view));
    }

    #[test]
    fn search_results() {
        let (catalog, theme) = (catalog(), monochrome());
        let view = results_view(&catalog, &theme);
        assert_pane_snapshots("skill_list_results", |frame, area| draw(frame, area, &view));
    }

    #[test]
    fn a_search_with_no_query_or_no_results_says_so() {
        let theme = monochrome();
        for (results, expected) in [
            (SearchResults::NotYet, "Type to search codes"),
            (SearchResults::None, "Nothing matches \"zzz\"."),
        ] {
            let view = SkillListView {
                theme: &theme,
                title: " Skills (3) ".to_string(),
                focused: true,
                level: Level::new(1).unwrap(),
                body: ListBody::Search {
                    input: "zzz",
                    results,
                },
            };
            let buffer = render(80, 24, |frame, area| draw(frame, area, &view));
            let text = crate::tui::testing::buffer_text(&buffer);
            assert!(text.contains("/zzz▏"), "{text}");
            assert!(text.contains(expected), "{text}");
        }
    }

    #[test]
    fn the_cursor_row_is_reversed_and_matches_are_marked_in_every_theme() {
        let catalog = catalog();
        for theme in [monochrome(), Theme::new(true)] {
            let view = tree_view(&catalog, &theme);
            let buffer = render(80, 24, |frame, area| draw(frame, area, &view));
            let (cursor, _) = style_at(&buffer, "SLEN");
            assert!(cursor.contains(Modifier::REVERSED), "{cursor:?}");
            let (other, _) = style_at(&buffer, "DSOP");
            assert!(!other.contains(Modifier::REVERSED), "{other:?}");

            let view = results_view(&catalog, &theme);
            let buffer = render(80, 24, |frame, area| draw(frame, area, &view));
            let (rest, _) = style_at(&buffer, "ease and");
            assert!(!rest.contains(Modifier::UNDERLINED), "only the marks");
            let (matched, colour) = style_at(&buffer, "Release");
            assert!(matched.contains(Modifier::UNDERLINED), "{matched:?}");
            let expected = if theme == monochrome() {
                Color::Reset
            } else {
                Color::Yellow
            };
            assert_eq!(colour, expected);
        }
    }
}
