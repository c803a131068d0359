//! Signals, handled on a thread of their own: after a hang-up crossterm's `poll` can spin on
//! end-of-file without returning, so the event loop cannot be relied on to notice them.
//!
//! - The signals that end a process (SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2,
//!   SIGALRM, SIGVTALRM, SIGXCPU, SIGXFSZ) restore the terminal, save where the browser was (a
//!   dropped SSH connection must not lose the place) and exit with 128 + the signal's number.
//! - SIGTSTP (Ctrl-z) restores the terminal and stops the process, as editors do; SIGCONT takes
//!   the terminal back and has the whole screen drawn again. The event loop learns of it from a
//!   resize event: the thread raises SIGWINCH, which crossterm turns into one.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use super::saved_state::{self, SavedState};
use super::terminal;

/// How long a signal waits for a frame being written before it restores the terminal anyway.
const PATIENCE: Duration = Duration::from_millis(500);

/// Set when the screen must be drawn whole again (it was given back to the shell meanwhile).
static REDRAW: AtomicBool = AtomicBool::new(false);

/// Whether the screen must be drawn whole again; asking clears the request.
pub fn take_redraw_request() -> bool {
    REDRAW.swap(false, Ordering::SeqCst)
}

/// Where the browser is, kept up to date by the event loop for a signal that ends it.
#[derive(Clone, Default)]
pub struct Place {
    latest: Arc<Mutex<Option<SavedState>>>,
}

impl Place {
    pub fn remember(&self, state: Option<SavedState>) {
        *self.latest.lock().unwrap_or_else(PoisonError::into_inner) = state;
    }

    fn latest(&self) -> Option<SavedState> {
        self.latest
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

/// Starts the signal thread. On a signal that ends the process, `place` is saved to
/// `state_path`. False when the signals could not be watched (then their default actions
/// apply, and the terminal's signal keys should stay off).
pub fn watch(place: Place, state_path: Option<PathBuf>) -> bool {
    #[cfg(unix)]
    {
        use signal_hook::consts::*;
        let ending = [
            SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGXCPU,
            SIGXFSZ,
        ];
        let Ok(mut signals) =
            signal_hook::iterator::Signals::new(ending.iter().chain(&[SIGTSTP, SIGCONT]))
        else {
            return false;
        };
        let spawned = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                for signal in signals.forever() {
                    match signal {
                        SIGTSTP => suspend(),
                        SIGCONT => resume(),
                        _ => end(signal, &place, state_path.as_deref()),
                    }
                }
            });
        spawned.is_ok()
    }
    #[cfg(not(unix))]
    {
        let _ = (place, state_path);
        false
    }
}

/// Restores the terminal, saves the place and exits. The output lock is held to the end, so the
/// event loop draws nothing more on the restored screen.
fn end(signal: i32, place: &Place, state_path: Option<&std::path::Path>) -> ! {
    let _output = terminal::lock_output_within(PATIENCE);
    terminal::restore();
    if let (Some(path), Some(state)) = (state_path, place.latest()) {
        if let Err(error) = saved_state::save(path, &state) {
            eprintln!(
                "skillscope: could not remember the last skill in {}: {error}",
                crate::data::sanitize::escaped_path(path)
            );
        }
    }
    std::process::exit(128 + signal);
}

/// Gives the terminal back and stops, until SIGCONT. The output lock is held while stopped.
#[cfg(unix)]
fn suspend() {
    if !can_be_continued() {
        return;
    }
    let _output = terminal::lock_output_within(PATIENCE);
    let held = terminal::is_held();
    if held {
        terminal::restore();
    }
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
    // Continued: take the terminal back before the event loop may draw again.
    if held {
        let _ = terminal::enter_modes();
    }
}

/// After a stop (ours, or anyone's SIGSTOP): the terminal modes on again, everything redrawn.
#[cfg(unix)]
fn resume() {
    {
        let _output = terminal::lock_output_within(PATIENCE);
        if terminal::is_held() && !terminal::is_entered() {
            let _ = terminal::enter_modes();
        }
    }
    REDRAW.store(true, Ordering::SeqCst);
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
}

/// Whether a stopped browser would be continued: a shell with job control runs it in a process
/// group of its own within the shell's session. Otherwise (an orphaned process group) the
/// system ignores a terminal's stop signal, and so does the browser, rather than stop for good.
#[cfg(unix)]
fn can_be_continued() -> bool {
    // SAFETY: these calls only read process ids.
    unsafe {
        let parent = libc::getppid();
        libc::getpgid(parent) != libc::getpgrp() && libc::getsid(parent) == libc::getsid(0)
    }
}
