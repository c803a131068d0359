//! skillscope: browse skills frameworks such as SFIA in a terminal.
//!
//! The domain (model, load, catalog, search, import, diff, config) knows nothing about terminals;
//! the browser (`tui`) and the commands (`commands`) are two thin faces over it.

pub mod atomic;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod config;
pub mod diff;
pub mod import;
pub mod load;
pub mod model;
pub mod output;
pub mod paths;
pub mod sanitize;
pub mod search;
pub mod testdata;
pub mod tui;
