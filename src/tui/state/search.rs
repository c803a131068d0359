//! Search mode: a query typed into the list pane, its ranked results, and jumping to one; or,
//! from the comparison, picking the skill for its active side. What is typed or pasted is text:
//! line breaks become spaces, control and invisible characters are dropped, and the query is
//! capped at [`MAX_QUERY_CHARS`].
//!
//! A browsing search previews the result under the cursor at the level shown before it began
//! (or the result's level nearest it); Enter opens the result at the level where it matched, and
//! Esc puts back the skill, level and pane shown before.

use super::{App, ListView};
use crate::data::model::Level;
use crate::data::sanitize::is_hidden_or_control;
use crate::query::search::{Hit, Query};
use crate::tui::action::Action;
use crate::tui::layout::Pane;

/// What a search is for: browsing, or picking a skill for one side of the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchPurpose {
    Browse,
    PickCompareSide,
}

/// The longest query, in characters: far more than any search needs, and it bounds the work of
/// one search and of drawing the search line whatever is pasted.
pub const MAX_QUERY_CHARS: usize = 256;

#[derive(Debug, Clone)]
pub struct Search {
    pub(super) input: String,
    /// Characters in `input`.
    pub(super) input_chars: usize,
    /// How many times the index was searched since the search began.
    pub(super) runs: usize,
    pub(super) query: Query,
    pub(super) hits: Vec<Hit>,
    /// The cursor among the hits and the first hit shown.
    pub(super) view: ListView,
    pub(super) purpose: SearchPurpose,
    /// What the detail panes showed when the search began.
    pub(super) before: Shown,
}

/// The skill, level, pane and scrolling shown, to put back when a search is left with Esc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Shown {
    selected: Option<usize>,
    level: Level,
    focus: Pane,
    levels_scroll: usize,
    guidance_scroll: usize,
}

impl Search {
    /// The query as typed.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// How many times the index was searched since the search began: once per batch of typing
    /// or paste, not once per character.
    pub fn runs(&self) -> usize {
        self.runs
    }

    /// Appends typed or pasted text as the module says; false when nothing was added.
    fn insert(&mut self, text: &str) -> bool {
        let before = self.input_chars;
        let mut chars = text.chars().peekable();
        while self.input_chars < MAX_QUERY_CHARS {
            let Some(c) = chars.next() else { break };
            let typed = match c {
                '\r' if chars.peek() == Some(&'\n') => continue,
                '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => ' ',
                c if is_hidden_or_control(c) => continue,
                c => c,
            };
            self.input.push(typed);
            self.input_chars += 1;
        }
        self.input_chars > before
    }

    fn delete_char(&mut self) {
        if self.input.pop().is_some() {
            self.input_chars -= 1;
        }
    }

    fn delete_word(&mut self) {
        let kept = self.input.trim_end().rfind(' ').map_or(0, |i| i + 1);
        self.input.truncate(kept);
        self.input_chars = self.input.chars().count();
    }
}

impl App {
    pub(super) fn start_search(&mut self, purpose: SearchPurpose) {
        let before = Shown {
            selected: self.selected,
            level: self.level,
            focus: self.focus,
            levels_scroll: self.levels_scroll,
            guidance_scroll: self.guidance_scroll,
        };
        self.search = Some(Search {
            input: String::new(),
            input_chars: 0,
            runs: 0,
            query: Query::default(),
            hits: Vec::new(),
            view: ListView::default(),
            purpose,
            before,
        });
        if purpose == SearchPurpose::Browse && self.screen().is_single_pane() {
            self.focus = Pane::List;
        }
    }

    pub(super) fn update_search(&mut self, action: Action) {
        let height = self.list_height();
        let Some(search) = &mut self.search else {
            return;
        };
        let mut view = search.view;
        let len = search.hits.len();
        let edits = matches!(
            action,
            Action::Type(_) | Action::TypeText(_) | Action::DeleteChar | Action::DeleteWord
        );
        match action {
            Action::Type(c) => self.type_text(c.encode_utf8(&mut [0; 4])),
            Action::TypeText(text) => self.type_text(&text),
            Action::DeleteChar => {
                search.delete_char();
                self.run_search();
            }
            Action::DeleteWord => {
                search.delete_word();
                self.run_search();
            }
            Action::Down => view.move_by(1, len, height),
            Action::Up => view.move_by(-1, len, height),
            Action::PageDown => view.move_by(height as isize, len, height),
            Action::PageUp => view.move_by(-(height as isize), len, height),
            Action::Top => view.move_to(0, len, height),
            Action::Bottom => view.move_to(len.saturating_sub(1), len, height),
            Action::ClickListRow(row) => view.move_to(view.offset + row, len, height),
            Action::Scroll(_, delta) => view.move_by(delta as isize, len, height),
            Action::Activate => self.finish_search(),
            Action::Back => self.cancel_search(),
            _ => {}
        }
        if let Some(search) = &mut self.search {
            if !edits {
                search.view = view;
            }
        }
        self.preview_search_cursor();
    }

    /// Adds to the query and searches, unless nothing could be added (the query is full).
    fn type_text(&mut self, text: &str) {
        if self
            .search
            .as_mut()
            .is_some_and(|search| search.insert(text))
        {
            self.run_search();
        }
    }

    /// Leaves the search; a browsing one puts back the list, and the skill, level and pane
    /// shown before it.
    fn cancel_search(&mut self) {
        let Some(search) = self.search.take() else {
            return;
        };
        if search.purpose == SearchPurpose::Browse {
            self.restore_before_search(search.before);
        }
    }

    /// What was shown before a search: skill, level, pane, scrolling, and the list's cursor.
    fn restore_before_search(&mut self, before: Shown) {
        self.selected = before.selected;
        self.level = before.level;
        self.focus = before.focus;
        self.levels_scroll = before.levels_scroll;
        self.guidance_scroll = before.guidance_scroll;
        if let Some(row) = self.selected.and_then(|e| self.tree.reveal(e)) {
            let height = self.list_height();
            self.list.move_to(row, self.tree.rows.len(), height);
        }
    }

    fn run_search(&mut self) {
        let Some(search) = &mut self.search else {
            return;
        };
        let query = Query::parse(&search.input);
        let hits = if query.narrows(&search.query) {
            self.index
                .search_among(&query, search.hits.iter().map(|h| h.entry))
        } else {
            self.index.search(&query)
        };
        search.query = query;
        search.hits = hits;
        search.runs += 1;
        search.view = ListView::default();
    }

    /// While browsing search results, the detail panes follow the result under the cursor, at
    /// its level nearest the one shown before the search: typing never moves the level.
    fn preview_search_cursor(&mut self) {
        let Some(search) = &self.search else { return };
        if search.purpose != SearchPurpose::Browse {
            return;
        }
        if let Some(hit) = search.hits.get(search.view.cursor) {
            let (entry, level) = (hit.entry, search.before.level);
            self.select_entry(entry, Some(level));
        }
    }

    fn finish_search(&mut self) {
        let Some(search) = self.search.take() else {
            return;
        };
        let Some(hit) = search.hits.get(search.view.cursor) else {
            // Nothing to open: back to what was shown, not the last preview.
            if search.purpose == SearchPurpose::Browse {
                self.restore_before_search(search.before);
            }
            if !search.input.trim().is_empty() {
                self.notice = Some(format!("Nothing matches {:?}.", search.input));
            }
            return;
        };
        match search.purpose {
            SearchPurpose::Browse => {
                // Where the query matched, or the level shown before the search.
                let level = hit.place.level().unwrap_or(search.before.level);
                self.select_entry(hit.entry, Some(level));
                if let Some(row) = self.tree.reveal(hit.entry) {
                    let height = self.list_height();
                    self.list.move_to(row, self.tree.rows.len(), height);
                }
                if self.screen().is_single_pane() {
                    self.focus = Pane::Levels;
                }
            }
            SearchPurpose::PickCompareSide => {
                self.pick_skill_for_active_side(hit.entry, hit.place.level())
            }
        }
    }
}
