//! Where each pane goes for a terminal size. Pure, so drawing and mouse hit-testing agree.

use ratatui::layout::{Constraint, Layout, Rect};

/// The browser's three panes, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Pane {
    List,
    Levels,
    Guidance,
}

impl Pane {
    pub fn next(self) -> Pane {
        match self {
            Pane::List => Pane::Levels,
            Pane::Levels => Pane::Guidance,
            Pane::Guidance => Pane::List,
        }
    }

    pub fn previous(self) -> Pane {
        self.next().next()
    }
}

/// From this width the three panes stand side by side.
pub const WIDE: u16 = 120;
/// Below this width one pane is shown at a time.
pub const NARROW: u16 = 70;
/// Rows of the level ladder at the top of the levels pane.
pub const LADDER_ROWS: u16 = 7;
/// Below this inner height the ladder shrinks to one row, leaving room for the statements.
pub const FULL_LADDER_MIN_HEIGHT: u16 = 14;
/// Columns of one level in the one-row ladder.
pub const COMPACT_LADDER_CELL: u16 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Screen {
    pub list: Option<Rect>,
    pub levels: Option<Rect>,
    pub guidance: Option<Rect>,
    pub status: Rect,
    pub footer: Rect,
}

impl Screen {
    pub fn pane_at(&self, column: u16, row: u16) -> Option<(Pane, Rect)> {
        let position = ratatui::layout::Position::new(column, row);
        [
            (Pane::List, self.list),
            (Pane::Levels, self.levels),
            (Pane::Guidance, self.guidance),
        ]
        .into_iter()
        .find_map(|(pane, rect)| rect.filter(|r| r.contains(position)).map(|r| (pane, r)))
    }

    pub fn is_single_pane(&self) -> bool {
        [self.list, self.levels, self.guidance]
            .iter()
            .flatten()
            .count()
            <= 1
    }
}

/// The panes for `area` with `focus`, and a status line of `status_rows` (what its text needs:
/// it wraps), never more than a third of the rows.
pub fn screen(area: Rect, focus: Pane, status_rows: u16) -> Screen {
    let footer_rows = if area.height >= 8 { 1 } else { 0 };
    let [body, status, footer] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(status_height(area, status_rows)),
        Constraint::Length(footer_rows),
    ]));
    let mut screen = Screen {
        status,
        footer,
        ..Screen::default()
    };
    if area.width >= WIDE {
        let [list, levels, guidance] = body.layout(&Layout::horizontal([
            Constraint::Percentage(36),
            Constraint::Percentage(36),
            Constraint::Percentage(28),
        ]));
        screen.list = Some(list);
        screen.levels = Some(levels);
        screen.guidance = Some(guidance);
    } else if area.width >= NARROW && body.height >= 16 {
        let [top, guidance] = body.layout(&Layout::vertical([
            Constraint::Percentage(62),
            Constraint::Fill(1),
        ]));
        let [list, levels] = top.layout(&Layout::horizontal([
            Constraint::Percentage(45),
            Constraint::Fill(1),
        ]));
        screen.list = Some(list);
        screen.levels = Some(levels);
        screen.guidance = Some(guidance);
    } else if area.width >= NARROW {
        // Too short for a third row of panes: list beside the focused detail pane.
        let [list, detail] = body.layout(&Layout::horizontal([
            Constraint::Percentage(45),
            Constraint::Fill(1),
        ]));
        screen.list = Some(list);
        if focus == Pane::Guidance {
            screen.guidance = Some(detail);
        } else {
            screen.levels = Some(detail);
        }
    } else {
        match focus {
            Pane::List => screen.list = Some(body),
            Pane::Levels => screen.levels = Some(body),
            Pane::Guidance => screen.guidance = Some(body),
        }
    }
    screen
}

/// The comparison's screen: the view, the status line and the footer. Presentation mode gives
/// the whole screen to the view.
pub fn comparison_screen(area: Rect, presentation: bool, status_rows: u16) -> [Rect; 3] {
    let footer_rows = if presentation || area.height < 6 {
        0
    } else {
        1
    };
    let status = if presentation {
        0
    } else {
        status_height(area, status_rows)
    };
    area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(status),
        Constraint::Length(footer_rows),
    ]))
}

/// One row, or up to `rows` while they take at most a third of `area`.
fn status_height(area: Rect, rows: u16) -> u16 {
    rows.min(area.height / 3).max(1).min(area.height)
}

/// Where the list to pick a skill for the comparison is drawn over it.
pub fn picker(area: Rect) -> Rect {
    centered(area, 90, area.height.saturating_sub(2))
}

/// The inside of a bordered block.
pub fn inner(area: Rect) -> Rect {
    ratatui::widgets::Block::bordered().inner(area)
}

/// The levels pane split into its ladder and the statements below it.
pub fn levels_parts(area: Rect) -> (Rect, Rect) {
    let inside = inner(area);
    let rows = if inside.height >= FULL_LADDER_MIN_HEIGHT {
        LADDER_ROWS
    } else {
        1
    };
    let ladder = rows.min(inside.height);
    let [ladder, _gap, statements] = inside.layout(&Layout::vertical([
        Constraint::Length(ladder),
        Constraint::Length(1.min(inside.height.saturating_sub(ladder))),
        Constraint::Fill(1),
    ]));
    (ladder, statements)
}

/// The list pane split into the search line (when searching) and the rows.
pub fn list_parts(area: Rect, searching: bool) -> (Rect, Rect) {
    let inside = inner(area);
    let input = if searching { 1.min(inside.height) } else { 0 };
    let [input, rows] = inside.layout(&Layout::vertical([
        Constraint::Length(input),
        Constraint::Fill(1),
    ]));
    (input, rows)
}

/// A rectangle of at most `width`×`height` centred in `area`, never larger than it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_medium_and_narrow_layouts() {
        let wide = screen(Rect::new(0, 0, 160, 45), Pane::List, 1);
        assert!(wide.list.is_some() && wide.levels.is_some() && wide.guidance.is_some());
        assert_eq!(
            wide.list.unwrap().y,
            wide.guidance.unwrap().y,
            "side by side"
        );
        let medium = screen(Rect::new(0, 0, 100, 40), Pane::List, 1);
        assert!(
            medium.guidance.unwrap().y > medium.list.unwrap().y,
            "guidance below"
        );
        let narrow = screen(Rect::new(0, 0, 40, 12), Pane::Levels, 1);
        assert!(narrow.list.is_none() && narrow.levels.is_some() && narrow.is_single_pane());
    }

    #[test]
    fn every_rectangle_fits_in_tiny_terminals() {
        for width in 0..30 {
            for height in 0..12 {
                let area = Rect::new(0, 0, width, height);
                let s = screen(area, Pane::Levels, 3);
                for rect in [s.list, s.levels, s.guidance]
                    .into_iter()
                    .flatten()
                    .chain([s.status, s.footer])
                {
                    assert_eq!(rect.intersection(area), rect, "{width}x{height}");
                }
                let (ladder, statements) = levels_parts(area);
                assert!(ladder.height + statements.height <= height);
                assert_eq!(
                    centered(area, 50, 20).intersection(area),
                    centered(area, 50, 20)
                );
            }
        }
    }
}
