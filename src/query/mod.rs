//! Questions asked of the data: search, the word diff of two levels, and rendering skills and
//! comparisons as documents (text with marks, Markdown, JSON) that both faces show.

pub mod diff;
pub mod gap;
pub mod render;
pub mod search;
