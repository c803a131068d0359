//! The lines of the detail panes and of the comparison view, kept between frames.
//!
//! Wrapping is the costliest part of drawing a long skill (a level with hundreds of statements,
//! a long guidance text), and a comparison also pairs every statement of one side with every
//! statement of the other. Their results change only with what is shown (the skill, the level,
//! the sides compared), the width and the search terms, not with scrolling. So each keeps the
//! lines it drew last, with what they were made from, and makes them again only when one of
//! those changes. This is a memo, not state: a frame drawn with
//! an empty cache is the same frame (a test checks this after every key of a long session).

use std::cell::RefCell;
use std::rc::Rc;

use ratatui::text::Line;

use crate::data::model::Level;
use crate::tui::state::Comparison;

/// What a pane's lines were made from. Anything else they depend on (the catalog, the theme)
/// does not change while the browser runs; code that changes either must clear the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrapKey {
    /// The skill's index in the catalog.
    pub skill: usize,
    /// The level shown, for panes that show one.
    pub level: Option<Level>,
    pub width: usize,
    /// The search terms marked in the text.
    pub terms: Vec<String>,
}

/// What the comparison view's lines were made from: the comparison without its scroll
/// position, and the width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparisonKey {
    pub comparison: Comparison,
    pub width: usize,
}

impl ComparisonKey {
    pub fn new(comparison: &Comparison, width: usize) -> ComparisonKey {
        ComparisonKey {
            comparison: comparison.unscrolled(),
            width,
        }
    }
}

/// One pane's last lines, with the key `K` they were made from.
#[derive(Debug, Clone)]
pub struct WrappedLines<K = WrapKey> {
    last: RefCell<Option<(K, Rc<[Line<'static>]>)>>,
}

impl<K> Default for WrappedLines<K> {
    fn default() -> Self {
        WrappedLines {
            last: RefCell::new(None),
        }
    }
}

impl<K: PartialEq> WrappedLines<K> {
    /// The lines for `key`: the kept ones if they were made from the same key, else `wrap()`'s.
    pub fn get_or_wrap(
        &self,
        key: K,
        wrap: impl FnOnce() -> Vec<Line<'static>>,
    ) -> Rc<[Line<'static>]> {
        let mut last = self.last.borrow_mut();
        if let Some((kept_key, lines)) = last.as_ref() {
            if *kept_key == key {
                return Rc::clone(lines);
            }
        }
        let lines: Rc<[Line<'static>]> = wrap().into();
        *last = Some((key, Rc::clone(&lines)));
        lines
    }

    /// Forgets the kept lines.
    pub fn clear(&self) {
        self.last.borrow_mut().take();
    }
}

/// The wrapped lines of the levels and guidance panes and of the comparison view.
#[derive(Debug, Default, Clone)]
pub struct WrapCache {
    pub levels: WrappedLines,
    pub guidance: WrappedLines,
    pub comparison: WrappedLines<ComparisonKey>,
}

impl WrapCache {
    pub fn clear(&self) {
        self.levels.clear();
        self.guidance.clear();
        self.comparison.clear();
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    fn key(skill: usize, width: usize, terms: &[&str]) -> WrapKey {
        WrapKey {
            skill,
            level: Level::new(3),
            width,
            terms: terms.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn lines_are_wrapped_again_only_when_what_they_were_made_from_changes() {
        let cache = WrappedLines::default();
        let wraps = Cell::new(0);
        let wrap = |text: &'static str| {
            wraps.set(wraps.get() + 1);
            vec![Line::raw(text)]
        };
        let first = cache.get_or_wrap(key(1, 40, &[]), || wrap("a"));
        let again = cache.get_or_wrap(key(1, 40, &[]), || wrap("b"));
        assert_eq!(wraps.get(), 1);
        assert!(Rc::ptr_eq(&first, &again));
        for (changed, text) in [
            (key(1, 41, &[]), "width"),
            (key(2, 41, &[]), "skill"),
            (key(2, 41, &["gov"]), "terms"),
            (
                WrapKey {
                    level: Level::new(4),
                    ..key(2, 41, &["gov"])
                },
                "level",
            ),
        ] {
            let lines = cache.get_or_wrap(changed, || wrap(text));
            assert_eq!(lines[0], Line::raw(text), "a change of {text} is seen");
        }
        assert_eq!(wraps.get(), 5);
        cache.clear();
        let level_4 = WrapKey {
            level: Level::new(4),
            ..key(2, 41, &["gov"])
        };
        cache.get_or_wrap(level_4, || wrap("cleared"));
        assert_eq!(wraps.get(), 6);
    }
}
