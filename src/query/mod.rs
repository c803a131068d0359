//! Questions asked of the data: search, the codes nearest to a mistyped one, the word diff of
//! two levels, and rendering skills and comparisons as documents (text with marks, Markdown,
//! JSON) that both faces show.

pub mod diff;
pub mod gap;
pub mod nearest;
pub mod render;
pub mod search;
