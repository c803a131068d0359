//! skillscope: browse skills frameworks such as SFIA in a terminal.
//!
//! Layers, with dependencies pointing down only:
//! - [`data`]: the model, loading, the catalog, import; no terminal, no command line.
//! - [`query`]: search, comparison and rendering as documents over the data.
//! - [`config`]: the config file and its checks, used by both faces, importing neither.
//! - [`cli`] and [`tui`]: the two faces, the commands and the browser. Neither imports the other.

pub mod cli;
pub mod config;
pub mod data;
pub mod query;
pub mod tui;

// Lets code shared with the integration tests (tests/support) name this crate the same way
// inside and outside it.
extern crate self as skillscope;

#[cfg(test)]
#[path = "../tests/support/testdata.rs"]
pub(crate) mod testdata;
