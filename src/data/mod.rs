//! What skills are and where they come from: the model, the sources (built-in data, the user
//! folder, `--data`), the catalog of everything loaded, the spreadsheet import, and the safe
//! handling of untrusted text and files. Knows nothing of terminals or the command line.

pub mod atomic;
pub mod catalog;
pub mod import;
pub mod model;
pub mod paths;
pub mod profile;
pub mod sanitize;
pub mod sources;
