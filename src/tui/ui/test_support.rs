//! For the panes' tests: drawing one pane into a test terminal at the sizes every pane is
//! checked at, and the buffer as text and as a map of its styles.

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::{Frame, Terminal};

use crate::data::catalog::{Catalog, Entry};
use crate::data::sources::{load_catalog, SourceSelection};
use crate::tui::testing::{buffer_text, find_on_screen};
use crate::tui::theme::Theme;

/// Every pane is snapshot at these sizes: a small terminal, a narrow one and a tiny one.
pub const SIZES: [(u16, u16); 3] = [(80, 24), (40, 12), (20, 5)];

/// No colour at all, as with NO_COLOR: the theme the snapshots are drawn in.
pub fn monochrome() -> Theme {
    Theme::new(false)
}

/// The built-in catalog, printable.
pub fn catalog() -> Catalog {
    let mut catalog = load_catalog(&SourceSelection {
        built_in: true,
        ..Default::default()
    });
    catalog.make_printable();
    catalog
}

pub fn entry<'a>(catalog: &'a Catalog, code: &str) -> &'a Entry {
    catalog
        .entries
        .iter()
        .find(|e| e.skill.code.as_str() == code)
        .unwrap_or_else(|| panic!("{code} is built in"))
}

/// `draw` into a terminal of `width`×`height`, the whole of it as the area.
pub fn render(width: u16, height: u16, draw: impl FnOnce(&mut Frame, Rect)) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| draw(frame, frame.area()))
        .expect("drawing into memory");
    terminal.backend().buffer().clone()
}

/// Snapshots the text `draw` draws at each of [`SIZES`] as `{name}_{width}x{height}`, and the
/// styles at the first size as `{name}_styles`, checking that no cell has a colour (`draw` must
/// use [`monochrome`]).
pub fn assert_pane_snapshots(name: &str, draw: impl Fn(&mut Frame, Rect)) {
    // Named by the pane's test, not by this module.
    insta::with_settings!({ prepend_module_to_snapshot => false }, {
        for (width, height) in SIZES {
            let buffer = render(width, height, &draw);
            assert_no_colour(&buffer);
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), buffer_text(&buffer));
        }
        let (width, height) = SIZES[0];
        let buffer = render(width, height, &draw);
        insta::assert_snapshot!(format!("{name}_styles"), style_map(&buffer));
    });
}

fn assert_no_colour(buffer: &Buffer) {
    for cell in &buffer.content {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
}

/// One letter a cell, for the modifier that carries its meaning without colour: R reversed,
/// X crossed out, U underlined, I italic, B bold, D dim, "." none.
pub fn style_map(buffer: &Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            let row: String = (0..area.width)
                .map(|x| letter(buffer[(x, y)].modifier))
                .collect();
            row.trim_end_matches('.').to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn letter(modifier: Modifier) -> char {
    [
        (Modifier::REVERSED, 'R'),
        (Modifier::CROSSED_OUT, 'X'),
        (Modifier::UNDERLINED, 'U'),
        (Modifier::ITALIC, 'I'),
        (Modifier::BOLD, 'B'),
        (Modifier::DIM, 'D'),
    ]
    .into_iter()
    .find(|(m, _)| modifier.contains(*m))
    .map_or('.', |(_, c)| c)
}

/// The modifiers and foreground of the cell where `text` starts on screen.
pub fn style_at(buffer: &Buffer, text: &str) -> (Modifier, Color) {
    let (x, y) = find_on_screen(buffer, text).unwrap_or_else(|| {
        panic!("{text:?} is not on screen:\n{}", buffer_text(buffer));
    });
    let cell = &buffer[(x, y)];
    (cell.modifier, cell.fg)
}
