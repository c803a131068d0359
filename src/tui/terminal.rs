//! Entering and leaving the full-screen terminal: raw mode, the alternate screen, mouse
//! reporting, bracketed paste and the hidden cursor. They are undone on every way out: a normal
//! quit and errors (the guard's Drop), a panic (the hook restores before the message is
//! printed), signals (restored from the thread of `signals`), and an abort, which unwinds
//! nothing (an allocation that fails aborts): a SIGABRT handler writes the restoring sequence
//! and puts back the terminal mode, both safe to do in a signal handler.
//!
//! Raw mode keeps the terminal's signal keys: Ctrl-c, Ctrl-\ and Ctrl-z reach the browser as
//! SIGINT, SIGQUIT and SIGTSTP from the terminal driver, before any input is parsed. So they
//! work even while crossterm's input parser waits for the end of an escape sequence that never
//! comes (a stray paste start swallows every key until a paste end: see docs/security.md).

use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

pub type Backend = CrosstermBackend<Stdout>;

/// Whether the browser holds the terminal: from [`TerminalGuard::enter`] to the guard's drop.
static HELD: AtomicBool = AtomicBool::new(false);

/// Whether the browser's terminal modes are on (they are off while suspended).
static ENTERED: AtomicBool = AtomicBool::new(false);

/// Whether raw mode keeps the terminal's signal keys: only when their signals are handled.
static SIGNAL_KEYS: AtomicBool = AtomicBool::new(false);

/// Held while a frame is written, so that a signal's restoring sequence never lands inside one.
static OUTPUT: Mutex<()> = Mutex::new(());

pub struct TerminalGuard {
    pub terminal: Terminal<Backend>,
}

impl TerminalGuard {
    /// Takes the terminal. `signal_keys`: whether Ctrl-c, Ctrl-\ and Ctrl-z are to send their
    /// signals (only when `signals` handles them).
    pub fn enter(signal_keys: bool) -> io::Result<TerminalGuard> {
        SIGNAL_KEYS.store(signal_keys, Ordering::SeqCst);
        install_panic_hook();
        #[cfg(unix)]
        on_abort::prepare();
        HELD.store(true, Ordering::SeqCst);
        let guard = enter_modes().and_then(|()| Terminal::new(CrosstermBackend::new(io::stdout())));
        match guard {
            Ok(terminal) => Ok(TerminalGuard { terminal }),
            Err(error) => {
                HELD.store(false, Ordering::SeqCst);
                restore();
                Err(error)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        HELD.store(false, Ordering::SeqCst);
        restore();
    }
}

/// Whether the browser holds the terminal (it may be suspended: see [`is_entered`]).
pub fn is_held() -> bool {
    HELD.load(Ordering::SeqCst)
}

/// Turns the browser's terminal modes on (again, after a suspension).
pub fn enter_modes() -> io::Result<()> {
    enable_raw_mode()?;
    #[cfg(unix)]
    if SIGNAL_KEYS.load(Ordering::SeqCst) {
        tty::keep_signal_keys();
    }
    ENTERED.store(true, Ordering::SeqCst);
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        cursor::Hide
    )
}

/// Whether the browser's terminal modes are on.
pub fn is_entered() -> bool {
    ENTERED.load(Ordering::SeqCst)
}

/// Turns off bracketed paste and mouse reporting, leaves the alternate screen, shows the cursor
/// and turns raw mode off. Safe to call more than once.
pub fn restore() {
    ENTERED.store(false, Ordering::SeqCst);
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
}

/// The output lock, for writing a frame.
pub fn lock_output() -> MutexGuard<'static, ()> {
    OUTPUT.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The output lock, for the signal thread: waits for a frame being written to be finished, but
/// no longer than `patience` (a frame blocked on a terminal that stopped reading must not keep
/// the process from ending).
pub fn lock_output_within(patience: Duration) -> Option<MutexGuard<'static, ()>> {
    let deadline = Instant::now() + patience;
    loop {
        match OUTPUT.try_lock() {
            Ok(guard) => return Some(guard),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => return Some(poisoned.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(2));
            }
            Err(std::sync::TryLockError::WouldBlock) => return None,
        }
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        eprintln!(
            "skillscope crashed. This is a bug: please report it to the skillscope issue tracker \
             with the message below, what you did, and `skillscope --version`."
        );
        previous(info);
    }));
}

/// The terminal device the browser reads keys from: standard input when it is a terminal,
/// else `/dev/tty`, as crossterm chooses.
#[cfg(unix)]
mod tty {
    use std::os::fd::{IntoRawFd, RawFd};
    use std::sync::OnceLock;

    pub fn fd() -> Option<RawFd> {
        static FD: OnceLock<Option<RawFd>> = OnceLock::new();
        *FD.get_or_init(|| {
            // SAFETY: isatty only inspects the descriptor.
            if unsafe { libc::isatty(libc::STDIN_FILENO) } == 1 {
                return Some(libc::STDIN_FILENO);
            }
            // Kept open for the life of the process: the abort handler may need it.
            let tty = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open("/dev/tty");
            tty.ok().map(IntoRawFd::into_raw_fd)
        })
    }

    /// The terminal's mode, or None when there is no terminal.
    pub fn mode() -> Option<libc::termios> {
        let fd = fd()?;
        let mut mode = std::mem::MaybeUninit::<libc::termios>::uninit();
        // SAFETY: tcgetattr fills the struct when it returns 0.
        (unsafe { libc::tcgetattr(fd, mode.as_mut_ptr()) } == 0)
            .then(|| unsafe { mode.assume_init() })
    }

    /// Raw mode turns the signal keys off; the browser wants them (see the module's notes).
    pub fn keep_signal_keys() {
        let (Some(fd), Some(mut mode)) = (fd(), mode()) else {
            return;
        };
        mode.c_lflag |= libc::ISIG;
        // SAFETY: a valid descriptor and a mode read from it.
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, &mode) };
    }
}

/// Restoring the terminal when the process aborts.
#[cfg(unix)]
mod on_abort {
    use std::os::fd::RawFd;
    use std::sync::atomic::Ordering;
    use std::sync::OnceLock;

    use crossterm::Command;

    use super::{tty, ENTERED};

    struct Saved {
        /// What [`super::restore`] writes, as bytes.
        sequence: String,
        tty: RawFd,
        /// The terminal's mode before the browser changed it.
        mode: libc::termios,
    }

    static SAVED: OnceLock<Saved> = OnceLock::new();

    /// Saves what the handler needs and installs it, once.
    pub fn prepare() {
        if SAVED.get().is_some() {
            return;
        }
        let (Some(tty), Some(mode)) = (tty::fd(), tty::mode()) else {
            return;
        };
        let _ = SAVED.set(Saved {
            sequence: restoring_sequence(),
            tty,
            mode,
        });
        // SAFETY: the handler only reads what was saved above and calls write and tcsetattr,
        // which are async-signal-safe.
        let _ = unsafe { signal_hook::low_level::register(libc::SIGABRT, restore_now) };
    }

    /// Restores, then ends the process as SIGABRT does by default (abort() would too, but a
    /// SIGABRT sent by `kill` would otherwise leave it running).
    fn restore_now() {
        if let (Some(saved), true) = (SAVED.get(), ENTERED.load(Ordering::SeqCst)) {
            let bytes = saved.sequence.as_bytes();
            // SAFETY: a valid buffer and descriptors; the results do not matter, the process
            // ends.
            unsafe {
                libc::write(libc::STDOUT_FILENO, bytes.as_ptr().cast(), bytes.len());
                libc::tcsetattr(saved.tty, libc::TCSANOW, &saved.mode);
            }
        }
        let _ = signal_hook::low_level::emulate_default_handler(libc::SIGABRT);
    }

    /// The escape sequences of [`super::restore`].
    pub(super) fn restoring_sequence() -> String {
        let mut sequence = String::new();
        let _ = crossterm::event::DisableBracketedPaste.write_ansi(&mut sequence);
        let _ = crossterm::event::DisableMouseCapture.write_ansi(&mut sequence);
        let _ = crossterm::terminal::LeaveAlternateScreen.write_ansi(&mut sequence);
        let _ = crossterm::cursor::Show.write_ansi(&mut sequence);
        sequence
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn the_abort_handler_undoes_every_mode_the_browser_sets() {
        let sequence = on_abort::restoring_sequence();
        for off in [
            "\x1b[?2004l",
            "\x1b[?1000l",
            "\x1b[?1006l",
            "\x1b[?1049l",
            "\x1b[?25h",
        ] {
            assert!(sequence.contains(off), "{off:?} in {sequence:?}");
        }
    }

    #[test]
    fn the_signal_thread_waits_for_a_frame_but_not_forever() {
        let frame = lock_output();
        let started = Instant::now();
        assert!(lock_output_within(Duration::from_millis(50)).is_none());
        assert!(started.elapsed() >= Duration::from_millis(50));
        drop(frame);
        assert!(lock_output_within(Duration::from_millis(50)).is_some());
    }
}
