//! The browser's state. It changes only in [`App::update`]; drawing only reads it.

use super::wrap_cache::WrapCache;
use ratatui::layout::Rect;

use super::action::Action;
use super::keymap::{Keymap, Scope};
use super::layout::{self, Screen};
use super::settings::Settings;
use super::theme::Theme;
use super::tree::{Row, Tree};
use crate::data::catalog::{Catalog, Entry};
use crate::data::model::Level;
use crate::data::sources::LoadError;
use crate::query::search::{Hit, Query, SearchIndex};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Pane {
    List,
    Levels,
    Guidance,
}

impl Pane {
    fn next(self) -> Pane {
        match self {
            Pane::List => Pane::Levels,
            Pane::Levels => Pane::Guidance,
            Pane::Guidance => Pane::List,
        }
    }

    fn previous(self) -> Pane {
        self.next().next()
    }
}

/// What a search is for: browsing, or picking a skill for one side of the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchPurpose {
    Browse,
    PickCompareSide,
}

#[derive(Debug, Clone)]
pub struct Search {
    pub input: String,
    pub query: Query,
    pub hits: Vec<Hit>,
    /// The cursor among the hits and the first hit shown.
    pub view: ListView,
    pub purpose: SearchPurpose,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Popup {
    Help { scroll: usize },
    LoadErrors { scroll: usize },
}

/// One side of a comparison: a skill at a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Side {
    pub entry: usize,
    pub level: Level,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comparison {
    pub sides: [Side; 2],
    /// Which side h/l and skill picking change: 0 left, 1 right.
    pub active: usize,
    pub progression: bool,
    pub presentation: bool,
    pub scroll: usize,
}

/// A scrolled list: the cursor row and the first row shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListView {
    pub cursor: usize,
    pub offset: usize,
}

impl ListView {
    fn move_to(&mut self, row: usize, len: usize, height: usize) {
        self.cursor = row.min(len.saturating_sub(1));
        let height = height.max(1);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + height {
            self.offset = self.cursor + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }

    fn move_by(&mut self, delta: isize, len: usize, height: usize) {
        let row = self.cursor.saturating_add_signed(delta);
        self.move_to(row, len, height);
    }
}

pub struct App {
    pub catalog: Catalog,
    pub index: SearchIndex,
    pub theme: Theme,
    /// The keys in force: read for every key press, the footer and the help.
    pub keymap: Keymap,
    /// Why the config file was not used, if it was not (then the defaults apply).
    pub config_error: Option<LoadError>,
    pub tree: Tree,
    pub list: ListView,
    /// The skill shown in the detail panes.
    pub selected: Option<usize>,
    pub level: Level,
    pub focus: Pane,
    pub levels_scroll: usize,
    pub guidance_scroll: usize,
    pub search: Option<Search>,
    pub popup: Option<Popup>,
    pub comparison: Option<Comparison>,
    pub size: (u16, u16),
    /// A one-line message in the status line until the next key.
    pub notice: Option<String>,
    pub should_quit: bool,
    /// The detail panes' wrapped lines from the last frame (a memo that drawing fills). Its key
    /// leaves out the catalog and the theme, which nothing changes while the browser runs:
    /// whatever comes to change them must call `wrapped.clear()`.
    pub wrapped: WrapCache,
}

impl App {
    /// With the default keys. `catalog` must already be printable (see
    /// [`Catalog::make_printable`]).
    pub fn new(catalog: Catalog, theme: Theme) -> App {
        let settings = Settings {
            theme,
            ..Settings::defaults(false)
        };
        App::with_settings(catalog, settings)
    }

    /// With the config file's settings. `catalog` must already be printable.
    pub fn with_settings(catalog: Catalog, settings: Settings) -> App {
        let index = SearchIndex::new(&catalog);
        let tree = Tree::new(&catalog);
        let mut app = App {
            catalog,
            index,
            theme: settings.theme,
            keymap: settings.keymap,
            config_error: None,
            tree,
            list: ListView::default(),
            selected: None,
            level: Level::new(1).expect("level 1"),
            focus: settings.start_pane,
            levels_scroll: 0,
            guidance_scroll: 0,
            search: None,
            popup: None,
            comparison: None,
            size: (80, 24),
            notice: None,
            should_quit: false,
            wrapped: WrapCache::default(),
        };
        if let Some(first) = app
            .tree
            .rows
            .iter()
            .position(|r| matches!(r, Row::Skill { .. }))
        {
            app.move_list_to(first);
        }
        app
    }

    pub fn selected_entry(&self) -> Option<&Entry> {
        self.selected.map(|i| &self.catalog.entries[i])
    }

    pub fn screen(&self) -> Screen {
        layout::screen(Rect::new(0, 0, self.size.0, self.size.1), self.focus)
    }

    /// The key scope in force: popups first, then search, then the comparison.
    pub fn scope(&self) -> Scope {
        if self.popup.is_some() {
            Scope::Popup
        } else if self.search.is_some() {
            Scope::Search
        } else if self.comparison.is_some() {
            Scope::Compare
        } else {
            Scope::Browse
        }
    }

    /// Rows of the list pane that fit on screen.
    pub fn list_height(&self) -> usize {
        let screen = self.screen();
        screen
            .list
            .map(|area| usize::from(layout::list_parts(area, self.search.is_some()).1.height))
            .unwrap_or(10)
    }

    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..) | Action::Scroll(..)) {
            self.notice = None;
        }
        match action {
            Action::Quit => self.should_quit = true,
            Action::Resize(width, height) => self.resize(width, height),
            _ if self.popup.is_some() => self.update_popup(action),
            _ if self.search.is_some() => self.update_search(action),
            _ if self.comparison.is_some() => self.update_comparison(action),
            _ => self.update_browse(action),
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        let (len, height) = (self.tree.rows.len(), self.list_height());
        self.list.move_to(self.list.cursor, len, height);
        if let Some(search) = &mut self.search {
            let view = &mut search.view;
            view.move_to(view.cursor, search.hits.len(), height);
        }
    }

    fn update_popup(&mut self, action: Action) {
        let Some(popup) = &mut self.popup else { return };
        let scroll = match popup {
            Popup::Help { scroll } | Popup::LoadErrors { scroll } => scroll,
        };
        match action {
            Action::Back | Action::Help => self.popup = None,
            Action::Down => *scroll = scroll.saturating_add(1),
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::Scroll(_, delta) => *scroll = scroll.saturating_add_signed(delta as isize),
            _ => {}
        }
    }

    fn update_browse(&mut self, action: Action) {
        let page = self.list_height().saturating_sub(1).max(1) as isize;
        match action {
            Action::NextPane => self.focus = self.focus.next(),
            Action::PreviousPane => self.focus = self.focus.previous(),
            Action::Down => self.move_in_focus(1),
            Action::Up => self.move_in_focus(-1),
            Action::PageDown => self.move_in_focus(page),
            Action::PageUp => self.move_in_focus(-page),
            Action::Top => self.move_in_focus(isize::MIN / 2),
            Action::Bottom => self.move_in_focus(isize::MAX / 2),
            Action::LevelDown => self.step_level(false),
            Action::LevelUp => self.step_level(true),
            Action::Activate => self.activate_list_row(),
            Action::Back if self.focus != Pane::List && self.screen().is_single_pane() => {
                self.focus = Pane::List;
            }
            Action::Search => self.start_search(SearchPurpose::Browse),
            Action::Help => self.popup = Some(Popup::Help { scroll: 0 }),
            Action::LoadErrors => {
                if self.catalog.errors.is_empty() && self.config_error.is_none() {
                    self.notice = Some("Every data file loaded.".into());
                } else {
                    self.popup = Some(Popup::LoadErrors { scroll: 0 });
                }
            }
            Action::FoldAll => {
                let entry = self.selected;
                self.tree.toggle_all();
                let row = entry
                    .and_then(|e| {
                        self.tree
                            .rows
                            .iter()
                            .position(|r| matches!(r, Row::Skill { entry, .. } if *entry == e))
                    })
                    .unwrap_or(0);
                self.move_list_to(row);
            }
            Action::Compare => self.open_comparison(),
            Action::Export => self.export_skill(),
            Action::ClickListRow(row) => {
                self.focus = Pane::List;
                self.move_list_to(self.list.offset + row);
            }
            Action::ClickLevel(level) => self.choose_level(level),
            Action::Scroll(pane, delta) => self.scroll_pane(pane, delta as isize),
            _ => {}
        }
    }

    fn move_in_focus(&mut self, delta: isize) {
        match self.focus {
            Pane::List => {
                let target = self.list.cursor.saturating_add_signed(delta);
                self.move_list_to(target);
            }
            pane => self.scroll_pane(pane, delta),
        }
    }

    fn scroll_pane(&mut self, pane: Pane, delta: isize) {
        match pane {
            // (While searching, `update_search` scrolls the results.)
            Pane::List => {
                let max = self.tree.rows.len().saturating_sub(1);
                self.list.offset = self.list.offset.saturating_add_signed(delta).min(max);
            }
            // Drawing clamps these to the text's length; here they only need to stay finite.
            Pane::Levels => {
                self.levels_scroll = self.levels_scroll.saturating_add_signed(delta).min(1 << 20)
            }
            Pane::Guidance => {
                self.guidance_scroll = self
                    .guidance_scroll
                    .saturating_add_signed(delta)
                    .min(1 << 20)
            }
        }
    }

    fn move_list_to(&mut self, row: usize) {
        let (len, height) = (self.tree.rows.len(), self.list_height());
        self.list.move_to(row, len, height);
        if let Some(Row::Skill { entry, .. }) = self.tree.rows.get(self.list.cursor) {
            self.select_entry(*entry, None);
        }
    }

    /// Shows a skill at `level`, or at the defined level nearest the current one.
    fn select_entry(&mut self, entry: usize, level: Option<Level>) {
        if self.selected != Some(entry) {
            self.levels_scroll = 0;
            self.guidance_scroll = 0;
        }
        self.selected = Some(entry);
        let wanted = level.unwrap_or(self.level);
        let chosen = nearest_defined(&self.catalog.entries[entry], wanted);
        if chosen != self.level {
            self.levels_scroll = 0;
        }
        self.level = chosen;
    }

    fn step_level(&mut self, up: bool) {
        let Some(entry) = self.selected_entry() else {
            return;
        };
        match next_defined(entry, self.level, up) {
            Some(level) => {
                self.level = level;
                self.levels_scroll = 0;
            }
            None => {
                let edge = if up { "highest" } else { "lowest" };
                self.notice = Some(format!(
                    "Level {} is the {edge} defined level of {}.",
                    self.level, entry.skill.code
                ));
            }
        }
    }

    fn choose_level(&mut self, level: Level) {
        let Some(entry) = self.selected_entry() else {
            return;
        };
        if entry.skill.is_defined_at(level) {
            self.level = level;
            self.levels_scroll = 0;
        } else {
            self.notice = Some(format!(
                "{} is not defined at level {level}; it is defined at levels {}.",
                entry.skill.code,
                entry.skill.level_range_text()
            ));
        }
    }

    fn activate_list_row(&mut self) {
        if self.focus != Pane::List {
            return;
        }
        match self.tree.rows.get(self.list.cursor).copied() {
            Some(Row::Group { group, .. }) => {
                self.tree.toggle(group);
                let (len, height) = (self.tree.rows.len(), self.list_height());
                self.list.move_to(self.list.cursor, len, height);
            }
            Some(Row::Skill { .. }) => self.focus = Pane::Levels,
            None => {}
        }
    }

    /// Returns to a saved skill, level and pane, if that skill is still loaded.
    pub fn restore(&mut self, saved: &super::saved_state::SavedState) {
        let found = self.catalog.entries.iter().position(|e| {
            e.skill.code.as_str() == saved.code
                && self.catalog.framework_of(e).title() == saved.framework
        });
        if let Some(entry) = found {
            self.select_entry(entry, Level::new(saved.level));
            if let Some(row) = self.tree.reveal(entry) {
                let height = self.list_height();
                self.list.move_to(row, self.tree.rows.len(), height);
            }
            self.focus = saved.pane;
        }
    }

    pub fn saved_state(&self) -> Option<super::saved_state::SavedState> {
        let entry = self.selected_entry()?;
        Some(super::saved_state::SavedState {
            framework: self.catalog.framework_of(entry).title(),
            code: entry.skill.code.to_string(),
            level: self.level.get(),
            pane: self.focus,
        })
    }

    // --- search ---

    fn start_search(&mut self, purpose: SearchPurpose) {
        self.search = Some(Search {
            input: String::new(),
            query: Query::default(),
            hits: Vec::new(),
            view: ListView::default(),
            purpose,
        });
        if purpose == SearchPurpose::Browse && self.screen().is_single_pane() {
            self.focus = Pane::List;
        }
    }

    fn update_search(&mut self, action: Action) {
        let height = self.list_height();
        let Some(search) = &mut self.search else {
            return;
        };
        let mut view = search.view;
        let len = search.hits.len();
        match action {
            Action::Type(c) => {
                search.input.push(c);
                self.run_search();
            }
            Action::DeleteChar => {
                search.input.pop();
                self.run_search();
            }
            Action::DeleteWord => {
                let kept = search.input.trim_end().rfind(' ').map_or(0, |i| i + 1);
                search.input.truncate(kept);
                self.run_search();
            }
            Action::Down => view.move_by(1, len, height),
            Action::Up => view.move_by(-1, len, height),
            Action::PageDown => view.move_by(height as isize, len, height),
            Action::PageUp => view.move_by(-(height as isize), len, height),
            Action::ClickListRow(row) => view.move_to(view.offset + row, len, height),
            Action::Scroll(_, delta) => view.move_by(delta as isize, len, height),
            Action::Activate => self.finish_search(),
            Action::Back => {
                let purpose = search.purpose;
                self.search = None;
                if purpose == SearchPurpose::Browse {
                    let row = self
                        .selected
                        .and_then(|e| self.tree.reveal(e))
                        .unwrap_or(self.list.cursor);
                    self.move_list_to(row);
                }
            }
            _ => {}
        }
        if let Some(search) = &mut self.search {
            if !matches!(
                action,
                Action::Type(_) | Action::DeleteChar | Action::DeleteWord
            ) {
                search.view = view;
            }
        }
        self.preview_search_cursor();
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
        search.view = ListView::default();
    }

    /// While browsing search results, the detail panes follow the result under the cursor.
    fn preview_search_cursor(&mut self) {
        let Some(search) = &self.search else { return };
        if search.purpose != SearchPurpose::Browse {
            return;
        }
        if let Some(hit) = search.hits.get(search.view.cursor) {
            let (entry, level) = (hit.entry, hit.place.level());
            self.select_entry(entry, level);
        }
    }

    fn finish_search(&mut self) {
        let Some(search) = self.search.take() else {
            return;
        };
        let Some(hit) = search.hits.get(search.view.cursor) else {
            if !search.input.trim().is_empty() {
                self.notice = Some(format!("Nothing matches {:?}.", search.input));
            }
            return;
        };
        match search.purpose {
            SearchPurpose::Browse => {
                self.select_entry(hit.entry, hit.place.level());
                if let Some(row) = self.tree.reveal(hit.entry) {
                    let height = self.list_height();
                    self.list.move_to(row, self.tree.rows.len(), height);
                }
                if self.screen().is_single_pane() {
                    self.focus = Pane::Levels;
                }
            }
            SearchPurpose::PickCompareSide => {
                if let Some(comparison) = &mut self.comparison {
                    let entry = &self.catalog.entries[hit.entry];
                    let side = &mut comparison.sides[comparison.active];
                    let level = hit.place.level().unwrap_or(side.level);
                    *side = Side {
                        entry: hit.entry,
                        level: nearest_defined(entry, level),
                    };
                    comparison.scroll = 0;
                }
            }
        }
    }

    // --- comparison ---

    fn open_comparison(&mut self) {
        let Some(entry_index) = self.selected else {
            return;
        };
        let entry = &self.catalog.entries[entry_index];
        let right = next_defined(entry, self.level, true);
        let (left_level, right_level) = match right {
            Some(right) => (self.level, right),
            None => match next_defined(entry, self.level, false) {
                Some(lower) => (lower, self.level),
                None => (self.level, self.level),
            },
        };
        self.comparison = Some(Comparison {
            sides: [
                Side {
                    entry: entry_index,
                    level: left_level,
                },
                Side {
                    entry: entry_index,
                    level: right_level,
                },
            ],
            active: 1,
            progression: false,
            presentation: false,
            scroll: 0,
        });
    }

    fn update_comparison(&mut self, action: Action) {
        let Some(mut comparison) = self.comparison else {
            return;
        };
        match action {
            Action::Back => {
                if comparison.presentation {
                    comparison.presentation = false;
                } else {
                    self.comparison = None;
                    return;
                }
            }
            Action::StepUp | Action::StepDown => {
                self.step_both(&mut comparison, action == Action::StepUp)
            }
            Action::SwitchSide => comparison.active = 1 - comparison.active,
            Action::LevelUp | Action::LevelDown => {
                let side = &mut comparison.sides[comparison.active];
                let entry = &self.catalog.entries[side.entry];
                match next_defined(entry, side.level, action == Action::LevelUp) {
                    Some(level) => side.level = level,
                    None => {
                        self.notice = Some(format!(
                            "{} has no level beyond {}.",
                            entry.skill.code, side.level
                        ))
                    }
                }
                comparison.scroll = 0;
            }
            Action::PickSkill => {
                self.comparison = Some(comparison);
                self.start_search(SearchPurpose::PickCompareSide);
                return;
            }
            Action::Progression => {
                comparison.progression = !comparison.progression;
                comparison.scroll = 0;
            }
            Action::Presentation => comparison.presentation = !comparison.presentation,
            Action::Down | Action::Scroll(_, 1..) => {
                comparison.scroll = comparison.scroll.saturating_add(1).min(1 << 20)
            }
            Action::Up | Action::Scroll(..) => {
                comparison.scroll = comparison.scroll.saturating_sub(1)
            }
            Action::PageDown => {
                comparison.scroll = comparison
                    .scroll
                    .saturating_add(usize::from(self.size.1 / 2))
                    .min(1 << 20)
            }
            Action::PageUp => {
                comparison.scroll = comparison
                    .scroll
                    .saturating_sub(usize::from(self.size.1 / 2))
            }
            Action::Help => self.popup = Some(Popup::Help { scroll: 0 }),
            Action::Export => self.export_comparison(&comparison),
            _ => {}
        }
        self.comparison = Some(comparison);
    }

    /// Moves both sides one defined level up or down, if both can move.
    fn step_both(&mut self, comparison: &mut Comparison, up: bool) {
        let next: Vec<Option<Level>> = comparison
            .sides
            .iter()
            .map(|side| next_defined(&self.catalog.entries[side.entry], side.level, up))
            .collect();
        match (next[0], next[1]) {
            (Some(left), Some(right)) => {
                comparison.sides[0].level = left;
                comparison.sides[1].level = right;
                comparison.scroll = 0;
            }
            _ => {
                let way = if up { "higher" } else { "lower" };
                self.notice = Some(format!("No {way} level on both sides."));
            }
        }
    }

    // --- export ---

    fn export_skill(&mut self) {
        let Some(entry) = self.selected_entry() else {
            return;
        };
        let markdown = crate::query::render::skill::skill_markdown(&self.catalog, entry, None);
        let name = format!("{}.md", entry.skill.code);
        self.notice = Some(super::export::write_new_file(&name, &markdown));
    }

    fn export_comparison(&mut self, comparison: &Comparison) {
        let [left, right] = comparison.sides;
        let markdown = super::export::comparison_markdown(&self.catalog, left, right);
        let name = format!(
            "{}-L{}-vs-{}-L{}.md",
            self.catalog.entries[left.entry].skill.code,
            left.level,
            self.catalog.entries[right.entry].skill.code,
            right.level
        );
        self.notice = Some(super::export::write_new_file(&name, &markdown));
    }
}

/// The defined level next above (or below) `level`.
pub fn next_defined(entry: &Entry, level: Level, up: bool) -> Option<Level> {
    if up {
        entry.skill.defined_levels().find(|l| *l > level)
    } else {
        entry.skill.defined_levels().rev().find(|l| *l < level)
    }
}

/// `level` if defined, else the closest defined level (the lower one on a tie).
pub fn nearest_defined(entry: &Entry, level: Level) -> Level {
    entry
        .skill
        .defined_levels()
        .min_by_key(|l| (l.get().abs_diff(level.get()), l.get()))
        .unwrap_or(level)
}
