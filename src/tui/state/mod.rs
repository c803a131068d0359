//! The browser's state. It changes only in [`App::update`], which hands each action to the mode
//! in force: a popup ([`popup`]), a search ([`search`]), the comparison ([`compare`]), the
//! levels of responsibility ([`levels_of_responsibility`]) or browsing the panes ([`browse`]).
//! Drawing only reads it, through the views of [`views`].

mod browse;
mod compare;
mod levels_of_responsibility;
mod popup;
mod profile;
mod scroll;
mod search;
mod views;

use std::collections::HashMap;
use std::rc::Rc;

use ratatui::layout::Rect;

pub use compare::{Comparison, Side, Subject};
pub use levels_of_responsibility::LevelsOfResponsibility;
pub use popup::Popup;
pub use profile::ProfileState;
pub use search::{Search, SearchPurpose, MAX_QUERY_CHARS};

use super::action::Action;
use super::keymap::{Keymap, Scope};
use super::layout::{self, Pane, Screen};
use super::saved_state::SavedState;
use super::settings::Settings;
use super::theme::Theme;
use super::tree::{Row, Tree};
use super::ui::status;
use crate::data::catalog::{Catalog, Entry};
use crate::data::model::Level;
use crate::data::sources::LoadError;
use crate::query::search::SearchIndex;

/// A scrolled list: the cursor row and the first row shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct ListView {
    cursor: usize,
    offset: usize,
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

/// The browser's state. A copy is cheap: the catalog and its index, which nothing changes while
/// the browser runs, are shared (benchmarks replay a keystroke from copies of one state).
#[derive(Clone)]
pub struct App {
    catalog: Rc<Catalog>,
    index: Rc<SearchIndex>,
    /// For each entry: whether another framework holds its code, so flat lists name its
    /// framework and edition.
    code_shared: Rc<Vec<bool>>,
    theme: Theme,
    /// The keys in force: read for every key press, the footer and the help.
    keymap: Keymap,
    /// Why the config file was not used, if it was not (then the defaults apply).
    config_error: Option<LoadError>,
    tree: Tree,
    list: ListView,
    /// The skill shown in the detail panes.
    selected: Option<usize>,
    level: Level,
    focus: Pane,
    levels_scroll: usize,
    /// The Levels pane shows the level's essence whole, not on one line.
    essence_expanded: bool,
    guidance_scroll: usize,
    search: Option<Search>,
    popup: Option<Popup>,
    comparison: Option<Comparison>,
    /// Under a comparison of levels opened from it, so Esc comes back to it.
    levels_of_responsibility: Option<LevelsOfResponsibility>,
    /// The profile `m` and `t` mark in, and its view (`P`) when open.
    profile: ProfileState,
    size: (u16, u16),
    /// A one-line message in the status line until the next key.
    notice: Option<String>,
    should_quit: bool,
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
        let index = Rc::new(SearchIndex::new(&catalog));
        let code_shared = Rc::new(codes_shared(&catalog));
        let tree = Tree::new(&catalog);
        let mut app = App {
            catalog: Rc::new(catalog),
            index,
            code_shared,
            theme: settings.theme,
            keymap: settings.keymap,
            config_error: None,
            tree,
            list: ListView::default(),
            selected: None,
            level: Level::new(1).expect("level 1"),
            focus: settings.start_pane,
            levels_scroll: 0,
            essence_expanded: false,
            guidance_scroll: 0,
            search: None,
            popup: None,
            comparison: None,
            levels_of_responsibility: None,
            profile: ProfileState::unsaved(settings.profile),
            size: (80, 24),
            notice: None,
            should_quit: false,
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

    /// At start: why the config file was not used, for the status line and the `!` popup.
    pub fn with_config_error(mut self, error: LoadError) -> App {
        self.config_error = Some(error);
        self
    }

    /// At start: the profile as `store` holds it, saved there at every mark.
    pub fn with_profile_store(mut self, store: crate::data::profile::ProfileStore) -> App {
        let name = self.profile.name().clone();
        self.profile = ProfileState::load(name, store);
        self
    }

    /// At start: a message for the status line.
    pub fn with_notice(mut self, notice: String) -> App {
        self.notice = Some(notice);
        self
    }

    /// At start: back at a saved skill, level and pane, if that skill is still loaded.
    pub fn restored(mut self, saved: &SavedState) -> App {
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
        self
    }

    /// What to remember for the next run: the skill, level and pane shown.
    pub fn saved_state(&self) -> Option<SavedState> {
        let entry = self.selected_entry()?;
        Some(SavedState {
            framework: self.catalog.framework_of(entry).title(),
            code: entry.skill.code.to_string(),
            level: self.level.get(),
            pane: self.focus,
        })
    }

    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..) | Action::Scroll(..)) {
            self.notice = None;
        }
        // Typing moves no scrolled text, and must stay quick.
        let typed = matches!(
            action,
            Action::Type(_) | Action::TypeText(_) | Action::DeleteChar | Action::DeleteWord
        );
        let wheel = matches!(action, Action::Scroll(..));
        match action {
            Action::Quit => self.should_quit = true,
            // `clamp_scrolls` below fits the lists and texts to the new size.
            Action::Resize(width, height) => self.size = (width, height),
            _ if self.popup.is_some() => self.update_popup(action),
            _ if self.search.is_some() => self.update_search(action),
            _ if self.comparison.is_some() => self.update_comparison(action),
            _ if self.levels_of_responsibility.is_some() => {
                self.update_levels_of_responsibility(action)
            }
            _ if self.profile.open_at().is_some() => self.update_profile(action),
            _ => self.update_browse(action),
        }
        if !typed {
            self.clamp_scrolls(!wheel);
        }
    }

    // --- reading the state ---

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    pub fn selected_entry(&self) -> Option<&Entry> {
        self.selected.map(|i| &self.catalog.entries[i])
    }

    /// The level shown in the detail panes.
    pub fn level(&self) -> Level {
        self.level
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    pub fn popup(&self) -> Option<Popup> {
        self.popup
    }

    pub fn comparison(&self) -> Option<&Comparison> {
        self.comparison.as_ref()
    }

    /// The profile `m` and `t` mark in.
    pub fn profile(&self) -> &ProfileState {
        &self.profile
    }

    pub fn levels_of_responsibility(&self) -> Option<&LevelsOfResponsibility> {
        self.levels_of_responsibility.as_ref()
    }

    /// Whether the Levels pane shows the level's essence whole.
    pub fn essence_expanded(&self) -> bool {
        self.essence_expanded
    }

    /// The terminal's size: columns, rows.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    pub fn screen(&self) -> Screen {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        layout::screen(area, self.focus, self.status_rows())
    }

    /// The key scope in force: popups first, then search, then the comparison, then the levels
    /// of responsibility, then the profile.
    pub fn scope(&self) -> Scope {
        if self.popup.is_some() {
            Scope::Popup
        } else if self.search.is_some() {
            Scope::Search
        } else if self.comparison.is_some() {
            Scope::Compare
        } else if self.levels_of_responsibility.is_some() {
            Scope::Responsibility
        } else if self.profile.open_at().is_some() {
            Scope::Profile
        } else {
            Scope::Browse
        }
    }

    /// The rows the status line's text needs at the terminal's width.
    fn status_rows(&self) -> u16 {
        status::height(&self.status_view(), self.size.0)
    }

    /// Rows of the list that fit on screen: the comparison's skill picker when it is open,
    /// else the list pane.
    fn list_height(&self) -> usize {
        let searching = self.search.is_some();
        let area = if self.comparison.is_some() && searching {
            Some(layout::picker(Rect::new(0, 0, self.size.0, self.size.1)))
        } else {
            self.screen().list
        };
        area.map(|area| usize::from(layout::list_parts(area, searching).1.height))
            .unwrap_or(10)
    }

    // --- what every mode does ---

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
}

/// For each entry of `catalog`: whether an entry of another framework has the same code.
fn codes_shared(catalog: &Catalog) -> Vec<bool> {
    let mut frameworks: HashMap<String, Vec<usize>> = HashMap::new();
    for entry in &catalog.entries {
        let holders =
            (frameworks.entry(entry.skill.code.as_str().to_ascii_uppercase())).or_default();
        if !holders.contains(&entry.framework) {
            holders.push(entry.framework);
        }
    }
    (catalog.entries.iter())
        .map(|entry| frameworks[&entry.skill.code.as_str().to_ascii_uppercase()].len() > 1)
        .collect()
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
