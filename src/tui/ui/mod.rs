//! Drawing. Each pane and popup has its own file with a view, the data it shows and nothing
//! more, and `draw(frame, area, &view)`; the browser's state builds the views (see
//! `tui::state`), so every pane can be drawn, and tested, from a view made by hand. Lines are
//! made from the view each frame; only the visible slice is copied into the frame.

pub mod comparison;
pub mod document;
pub mod footer;
pub mod guidance;
pub mod help;
pub mod levels;
pub mod levels_of_responsibility;
pub mod load_errors;
pub mod profile;
pub mod skill_list;
pub mod status;
#[cfg(test)]
mod test_support;
pub mod text;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};
use ratatui::Frame;

use super::layout;
use super::theme::Theme;
use comparison::ComparisonView;
use footer::FooterView;
use guidance::GuidanceView;
use help::HelpView;
use levels::LevelsView;
use levels_of_responsibility::LevelsOfResponsibilityView;
use load_errors::LoadErrorsView;
use profile::ProfileView;
use skill_list::SkillListView;
use status::StatusView;

/// A whole frame: every pane and popup shown, each with the area it is drawn in.
pub struct ScreenView<'a> {
    /// The style every cell starts with.
    pub base: Style,
    pub body: Body<'a>,
    pub status: (Rect, StatusView<'a>),
    pub footer: (Rect, FooterView<'a>),
    /// The list of skills to pick one for the comparison, drawn over it.
    pub picker: Option<(Rect, SkillListView<'a>)>,
    pub popup: Option<PopupView<'a>>,
}

/// The panes above the status line.
pub enum Body<'a> {
    Browse {
        list: Option<(Rect, SkillListView<'a>)>,
        levels: Option<(Rect, LevelsView<'a>)>,
        guidance: Option<(Rect, GuidanceView<'a>)>,
    },
    Compare(Rect, ComparisonView<'a>),
    LevelsOfResponsibility(Rect, LevelsOfResponsibilityView<'a>),
    Profile(Rect, ProfileView<'a>),
}

pub enum PopupView<'a> {
    Help(HelpView<'a>),
    LoadErrors(LoadErrorsView<'a>),
}

pub fn draw(frame: &mut Frame, view: &ScreenView) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    frame.buffer_mut().set_style(area, view.base);
    match &view.body {
        Body::Browse {
            list,
            levels,
            guidance,
        } => {
            if let Some((area, list)) = list {
                skill_list::draw(frame, *area, list);
            }
            if let Some((area, levels)) = levels {
                levels::draw(frame, *area, levels);
            }
            if let Some((area, guidance)) = guidance {
                guidance::draw(frame, *area, guidance);
            }
        }
        Body::Compare(area, comparison) => comparison::draw(frame, *area, comparison),
        Body::LevelsOfResponsibility(area, levels) => {
            levels_of_responsibility::draw(frame, *area, levels)
        }
        Body::Profile(area, shown) => profile::draw(frame, *area, shown),
    }
    status::draw(frame, view.status.0, &view.status.1);
    footer::draw(frame, view.footer.0, &view.footer.1);
    if let Some((picker, list)) = &view.picker {
        frame.render_widget(Clear, *picker);
        frame.buffer_mut().set_style(*picker, view.base);
        skill_list::draw(frame, *picker, list);
    }
    match &view.popup {
        Some(PopupView::Help(help)) => help::draw(frame, area, help),
        Some(PopupView::LoadErrors(errors)) => load_errors::draw(frame, area, errors),
        None => {}
    }
}

/// What a detail pane (levels, guidance) shows: its border, and `T` of the selected skill.
pub struct DetailView<'a, T> {
    pub theme: &'a Theme,
    pub focused: bool,
    /// Nothing when no skill is selected.
    pub shown: Option<T>,
}

/// A pane's border, bright when it has the focus.
pub fn pane_block(theme: &Theme, focused: bool, title: String) -> Block<'static> {
    let (style, title_style) = if focused {
        (theme.focused_border, theme.title)
    } else {
        (theme.border, theme.text)
    };
    Block::bordered()
        .border_style(style)
        .title(Line::styled(title, title_style))
}

/// A popup: a bordered box centred in `area`, as high as its lines (within `area`) and at most
/// `width` wide, with the lines scrolled.
pub fn draw_popup(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    title: &str,
    lines: Vec<Line<'static>>,
    width: u16,
    scroll: usize,
) {
    let area = popup_area(area, lines.len(), width);
    frame.render_widget(Clear, area);
    frame.buffer_mut().set_style(area, theme.base);
    let block = Block::bordered()
        .title(title.to_string())
        .border_style(theme.focused_border);
    let inside = block.inner(area);
    frame.render_widget(block, area);
    draw_scrolled(frame, inside, lines, scroll);
}

/// Where a popup of `lines` rows and at most `width` columns goes in `area`.
fn popup_area(area: Rect, lines: usize, width: u16) -> Rect {
    let height = u16::try_from(lines + 2).unwrap_or(u16::MAX);
    super::layout::centered(area, width, height)
}

/// How far a popup of `lines` rows drawn in `area` can scroll.
pub fn popup_scroll_limit(area: Rect, lines: usize, width: u16) -> usize {
    scroll_limit(lines, layout::inner(popup_area(area, lines, width)))
}

/// The furthest first row of `total` rows shown in `area`: the last row at the bottom.
pub fn scroll_limit(total: usize, area: Rect) -> usize {
    total.saturating_sub(usize::from(area.height))
}

/// Draws the visible slice of `lines` from `scroll` (clamped), with a scrollbar when they overflow.
/// Only the visible lines are copied and drawn.
pub fn draw_scrolled(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>, scroll: usize) {
    let height = usize::from(area.height);
    let total = lines.len();
    let scroll = scroll.min(scroll_limit(total, area));
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(visible), area);
    scrollbar(frame, area, total, scroll, height);
}

/// A vertical scrollbar at the right edge of `area` when `total` rows exceed the `height` shown.
pub fn scrollbar(frame: &mut Frame, area: Rect, total: usize, position: usize, height: usize) {
    if total <= height || area.width == 0 || area.height == 0 {
        return;
    }
    let mut state = ScrollbarState::new(total.saturating_sub(height))
        .position(position)
        .viewport_content_length(height);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None);
    frame.render_stateful_widget(bar, area, &mut state);
}
