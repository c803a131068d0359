//! Terminal events into actions. The event loop hands over the events in batches (those already
//! waiting when it looks); within a batch, characters typed into a search and pastes are
//! gathered into one [`Action::TypeText`], so a fast typist or a terminal without bracketed
//! paste costs one search per batch, not one per character. A paste is only ever text for a
//! search: outside a search it is ignored, so pasted letters and line breaks never act as keys.

use crossterm::event::{Event, MouseButton, MouseEventKind};

use super::action::Action;
use super::keymap::Scope;
use super::layout::{self, Pane};
use super::state::App;
use super::ui;

/// Maps a terminal event to an action, using the same layout the screen was drawn with.
pub fn action_for_event(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.is_press() || key.is_repeat() => {
            app.keymap().action_for(app.scope(), key)
        }
        Event::Paste(text) if app.scope() == Scope::Search => Some(Action::TypeText(text.clone())),
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        Event::Mouse(mouse) => {
            let screen = app.screen();
            let (pane, area) = screen
                .pane_at(mouse.column, mouse.row)
                .unwrap_or((Pane::List, ratatui::layout::Rect::default()));
            match mouse.kind {
                MouseEventKind::ScrollDown => Some(Action::Scroll(pane, 3)),
                MouseEventKind::ScrollUp => Some(Action::Scroll(pane, -3)),
                MouseEventKind::Down(MouseButton::Left)
                    if app.comparison().is_none() && app.popup().is_none() =>
                {
                    match pane {
                        Pane::List if area.width > 0 => {
                            let (_, rows) = layout::list_parts(area, app.search().is_some());
                            (mouse.row >= rows.y && mouse.row < rows.y + rows.height)
                                .then(|| Action::ClickListRow(usize::from(mouse.row - rows.y)))
                        }
                        Pane::Levels => ui::levels::ladder_level_at(area, mouse.column, mouse.row)
                            .map(Action::ClickLevel),
                        _ => None,
                    }
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// Typed text a batch keeps for the search, in bytes: the search takes at most
/// [`MAX_QUERY_CHARS`](super::state::MAX_QUERY_CHARS) characters of it, after dropping control
/// characters, so the rest of a huge paste need not be copied.
const MAX_TYPED_BYTES: usize = 64 * 1024;

/// One batch of events applied to the browser: call [`Batch::apply`] for each event, then
/// [`Batch::finish`]. Text typed into a search waits here until something else happens or the
/// batch ends, and then goes to the search as one action.
#[derive(Default)]
pub struct Batch {
    typed: String,
}

impl Batch {
    pub fn new() -> Batch {
        Batch::default()
    }

    pub fn apply(&mut self, app: &mut App, event: &Event) {
        // Typing leaves the scope as it is, so the events after it map as they would have.
        match action_for_event(app, event) {
            Some(Action::Type(c)) => self.type_text(c.encode_utf8(&mut [0; 4])),
            Some(Action::TypeText(text)) => self.type_text(&text),
            Some(action) => {
                self.flush(app);
                app.update(action);
            }
            None => {}
        }
    }

    pub fn finish(mut self, app: &mut App) {
        self.flush(app);
    }

    fn type_text(&mut self, text: &str) {
        let room = MAX_TYPED_BYTES.saturating_sub(self.typed.len());
        let mut end = text.len().min(room);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        self.typed.push_str(&text[..end]);
    }

    fn flush(&mut self, app: &mut App) {
        if !self.typed.is_empty() {
            app.update(Action::TypeText(std::mem::take(&mut self.typed)));
        }
    }
}
