//! The terminal browser: `skillscope` with no command.

pub mod action;
mod export;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod saved_state;
pub mod settings;
mod signals;
pub mod state;
mod terminal;
#[doc(hidden)]
pub mod testing;
pub mod theme;
pub mod tree;
pub mod ui;

use std::io;
use std::time::Duration;

use crossterm::event;

use crate::config::ConfigStatus;
use crate::data::catalog::Catalog;
use crate::data::paths::UserPaths;
use crate::data::sanitize::escaped_path;
use action::Action;
pub use input::action_for_event;
use state::App;

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
    if let Some(user) = &user {
        app = app.with_profile_store(crate::data::profile::ProfileStore::for_user(user));
    }
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
    let place = signals::Place::default();
    place.remember(app.saved_state());
    let watching = signals::watch(place.clone(), state_path.clone());
    let mut guard = terminal::TerminalGuard::enter(watching)?;
    let size = guard.terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    while !app.should_quit() {
        {
            let _output = terminal::lock_output();
            if signals::take_redraw_request() {
                guard.terminal.clear()?;
            }
            guard
                .terminal
                .draw(|frame| ui::draw(frame, &app.screen_view(frame.area())))?;
        }
        // Nothing changes on its own, so wait for the next event (signals are handled on their
        // own thread, see `signals`). Then handle every event already waiting before drawing
        // again, as one batch: fast typing and pastes never queue up behind frames, and a
        // search runs once for all the characters of a batch.
        let mut batch = input::Batch::new();
        loop {
            let event = event::read()?;
            batch.apply(&mut app, &event);
            if app.should_quit() || !event::poll(Duration::ZERO)? {
                break;
            }
        }
        batch.finish(&mut app);
        place.remember(app.saved_state());
    }
    drop(guard);
    if let (Some(path), Some(state)) = (state_path, app.saved_state()) {
        if let Err(error) = saved_state::save(&path, &state) {
            eprintln!(
                "skillscope: could not remember the last skill in {}: {error}",
                escaped_path(&path)
            );
        }
    }
    Ok(())
}
