//! The terminal browser: `skillscope` with no command.

pub mod action;
mod export;
pub mod keymap;
pub mod layout;
pub mod saved_state;
pub mod settings;
pub mod state;
mod terminal;
#[doc(hidden)]
pub mod testing;
pub mod theme;
pub mod tree;
pub mod ui;

use std::io;
use std::time::Duration;

use crossterm::event::{self, Event, MouseButton, MouseEventKind};

use crate::config::ConfigStatus;
use crate::data::catalog::Catalog;
use crate::data::paths::UserPaths;
use action::Action;
use layout::Pane;
use state::App;

/// Maps a terminal event to an action, using the same layout the screen was drawn with.
pub fn action_for_event(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.is_press() || key.is_repeat() => {
            app.keymap().action_for(app.scope(), key)
        }
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

/// Runs the browser until the user quits, with the settings of the user's config file.
/// `catalog` must be printable; `color` is false with NO_COLOR.
pub fn run(catalog: Catalog, user: Option<UserPaths>, color: bool) -> io::Result<()> {
    let (settings, config_status) = match &user {
        Some(user) => settings::load(&user.config_file(), color),
        None => (settings::Settings::defaults(color), ConfigStatus::Absent),
    };
    let state_path = user.as_ref().map(UserPaths::state_file);
    let (saved, state_notice) = match state_path.as_deref().map(saved_state::load) {
        Some(Ok(saved)) => (saved, None),
        Some(Err(notice)) => (None, Some(notice)),
        None => (None, None),
    };
    let mut app = App::with_settings(catalog, settings);
    if let ConfigStatus::Failed(mut error) = config_status {
        error.make_printable();
        app = app.with_config_error(error);
    }
    if let Some(saved) = &saved {
        app = app.restored(saved);
    }
    if let Some(notice) = state_notice {
        app = app.with_notice(notice);
    }
    terminal::exit_on_termination_signals();
    let mut guard = terminal::TerminalGuard::enter()?;
    let size = guard.terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    while !app.should_quit() {
        guard
            .terminal
            .draw(|frame| ui::draw(frame, &app.screen_view(frame.area())))?;
        // Nothing changes on its own, so wait for the next event (signals end the process from
        // their own thread, see `terminal`). Then handle every event already waiting before
        // drawing again, so fast typing and pastes never queue up behind frames.
        loop {
            let event = event::read()?;
            if let Some(action) = action_for_event(&app, &event) {
                app.update(action);
            }
            if app.should_quit() || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    drop(guard);
    if let (Some(path), Some(state)) = (state_path, app.saved_state()) {
        if let Err(error) = saved_state::save(&path, &state) {
            eprintln!(
                "skillscope: could not remember the last skill in {}: {error}",
                path.display()
            );
        }
    }
    Ok(())
}
