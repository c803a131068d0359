//! Driving the browser without a terminal: typing key sequences through the real key table and
//! drawing frames into ratatui's TestBackend. Used by the tests and the benchmarks.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;

use super::action::Action;
use super::input::Batch;
use super::keymap::key_event;
use super::state::App;
use super::theme::Theme;
use crate::config::KeySpec;
use crate::data::catalog::Catalog;
use crate::data::sources::{load_catalog, SourceSelection};

/// The browser on the built-in data, without colour, at a size.
pub fn built_in_app(width: u16, height: u16) -> App {
    let catalog = load_catalog(&SourceSelection {
        built_in: true,
        ..Default::default()
    });
    app_for(catalog, width, height)
}

/// The browser on a catalog (made printable here), without colour, at a size.
pub fn app_for(mut catalog: Catalog, width: u16, height: u16) -> App {
    catalog.make_printable();
    let mut app = App::new(catalog, Theme::new(false));
    app.update(Action::Resize(width, height));
    app
}

/// A key named as in the config file ("Enter", "BackTab", "F1", "Ctrl-f"; see
/// [`crate::config::KeySpec`]).
fn parse_key(name: &str) -> KeyEvent {
    let spec: KeySpec = name
        .parse()
        .unwrap_or_else(|e| panic!("unknown key name <{name}>: {e}"));
    key_event(&spec)
}

/// Types a key sequence: plain characters, or names in angle brackets (see [`parse_key`]). The
/// keys arrive as one batch, as when typed faster than the browser draws.
pub fn press_keys(app: &mut App, sequence: &str) {
    let mut batch = Batch::new();
    let mut rest = sequence;
    while let Some(c) = rest.chars().next() {
        let (key, used) = match rest.find('>') {
            Some(end) if c == '<' && end > 1 => (parse_key(&rest[1..end]), end + 1),
            _ => (
                KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
                c.len_utf8(),
            ),
        };
        batch.apply(app, &Event::Key(key));
        rest = &rest[used..];
    }
    batch.finish(app);
}

/// Pastes text, as a terminal with bracketed paste sends it.
pub fn paste(app: &mut App, text: &str) {
    let mut batch = Batch::new();
    batch.apply(app, &Event::Paste(text.to_string()));
    batch.finish(app);
}

/// Draws one frame at the app's size.
pub fn render(app: &App) -> Buffer {
    let (width, height) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| super::ui::draw(frame, &app.screen_view(frame.area())))
        .expect("drawing into memory");
    terminal.backend().buffer().clone()
}

/// The screen's text, one line per row, trailing spaces removed.
pub fn buffer_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            let line: String = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Finds `text` on screen: the (column, row) of its first character.
pub fn find_on_screen(buffer: &Buffer, text: &str) -> Option<(u16, u16)> {
    let area = buffer.area;
    (0..area.height).find_map(|y| {
        let cells: Vec<&str> = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
        let line: String = cells.concat();
        let byte = line.find(text)?;
        // Map the byte offset back to a cell: sum symbol lengths.
        let mut offset = 0;
        for (x, symbol) in cells.iter().enumerate() {
            if offset == byte {
                return Some((x as u16, y));
            }
            offset += symbol.len();
        }
        None
    })
}
