//! What the integration tests share: the real binary run in a sandbox of empty XDG folders, so a
//! test never reads or writes the user's data, config or cache.
#![allow(dead_code)] // each test file uses a part of this

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

use tempfile::TempDir;

#[path = "../support/testdata.rs"]
pub mod testdata;

/// How many skills [`Sandbox::write_big_data`] generates.
pub const BIG_SKILLS: usize = 320;

/// A temporary home folder; the XDG data, config and cache folders are inside it and empty.
pub struct Sandbox {
    pub home: TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            home: TempDir::new().unwrap(),
        }
    }

    /// A path inside the sandbox.
    pub fn path(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }

    /// The user data folder skillscope reads (and imports into).
    pub fn data_dir(&self) -> PathBuf {
        self.path("data/skillscope")
    }

    /// Writes `text` to `name` inside the sandbox, creating folders, and returns its path.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        path
    }

    /// Writes `big.ron`, 320 generated skills (about 1 MiB), and returns its path.
    pub fn write_big_data(&self) -> PathBuf {
        let text = testdata::framework_ron(BIG_SKILLS, testdata::DEFAULT_SEED);
        self.write("big.ron", &text)
    }

    /// Runs skillscope with `args`, in the sandbox folder, with colour allowed.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// Runs skillscope, asserts it succeeded and returns its stdout.
    pub fn run_ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        stdout(&output)
    }

    /// Runs skillscope, asserts it failed and returns its stderr.
    pub fn run_failing(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(
            !output.status.success(),
            "{args:?} should fail: {}",
            stdout(&output)
        );
        stderr(&output)
    }

    /// The command [`Sandbox::run`] runs, to change before running it.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_skillscope"));
        command
            .args(args)
            .current_dir(self.home.path())
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env("HOME", self.home.path())
            .env_remove("NO_COLOR")
            .env_remove("COLUMNS");
        command
    }
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// The JSON a successful run printed.
pub fn json(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "{}", stderr(output));
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(output)))
}
