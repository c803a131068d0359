//! What each pane shows, read from the state: the views the drawing code draws (see `tui::ui`).

use ratatui::layout::Rect;

use super::{App, Popup, Search, SearchPurpose, Side, Subject};
use crate::data::sanitize::{printable, Lines};
use crate::data::sources::is_built_in;
use crate::query::render::comparison::Side as RenderedSide;
use crate::query::render::levels::LevelSide;
use crate::tui::action::Action;
use crate::tui::keymap::Scope;
use crate::tui::layout::{self, Pane};
use crate::tui::tree::Row;
use crate::tui::ui::comparison::{Compared, ComparisonView, LevelAttributes};
use crate::tui::ui::footer::{FooterView, Hint};
use crate::tui::ui::guidance::{GuidanceView, ShownGuidance};
use crate::tui::ui::help::{HelpSection, HelpView};
use crate::tui::ui::levels::{LevelsView, Marked, ShownLevel};
use crate::tui::ui::levels_of_responsibility::LevelsOfResponsibilityView;
use crate::tui::ui::load_errors::LoadErrorsView;
use crate::tui::ui::profile::{ProfileRow, ProfileView};
use crate::tui::ui::skill_list::{
    ListBody, ListRow, ListRows, SearchResults, SkillListView, SkillRow,
};
use crate::tui::ui::status::StatusView;
use crate::tui::ui::{Body, PopupView, ScreenView};

impl App {
    /// The whole frame for a terminal `area`. The panes are laid out for the size the state
    /// knows, as mouse clicks are read; the comparison and popups fill `area`.
    pub fn screen_view(&self, area: Rect) -> ScreenView<'_> {
        let (body, status, footer) = match &self.comparison {
            Some(comparison) => {
                let [view, status, footer] =
                    layout::comparison_screen(area, comparison.presentation, self.status_rows());
                let body = Body::Compare(view, self.comparison_view().expect("comparing"));
                (body, status, footer)
            }
            None if self.levels_of_responsibility.is_some() => {
                let [view, status, footer] =
                    layout::comparison_screen(area, false, self.status_rows());
                let shown = self.levels_of_responsibility_view().expect("shown");
                (Body::LevelsOfResponsibility(view, shown), status, footer)
            }
            None if self.profile.open_at().is_some() => {
                let [view, status, footer] =
                    layout::comparison_screen(area, false, self.status_rows());
                (Body::Profile(view, self.profile_view()), status, footer)
            }
            None => {
                let screen = self.screen();
                let body = Body::Browse {
                    list: screen.list.map(|area| (area, self.skill_list_view(area))),
                    levels: screen.levels.map(|area| (area, self.levels_view())),
                    guidance: screen.guidance.map(|area| (area, self.guidance_view())),
                };
                (body, screen.status, screen.footer)
            }
        };
        let picker = (self.comparison.is_some() && self.search.is_some()).then(|| {
            let area = layout::picker(area);
            (area, self.skill_list_view(area))
        });
        let popup = self.popup.map(|popup| match popup {
            Popup::Help { scroll } => PopupView::Help(self.help_view(scroll)),
            Popup::LoadErrors { scroll } => PopupView::LoadErrors(self.load_errors_view(scroll)),
        });
        ScreenView {
            base: self.theme.base,
            body,
            status: (status, self.status_view()),
            footer: (footer, self.footer_view()),
            picker,
            popup,
        }
    }

    /// The list pane drawn in `area`: the rows that fit in it.
    pub fn skill_list_view(&self, area: Rect) -> SkillListView<'_> {
        let rows_height = usize::from(layout::list_parts(area, self.search.is_some()).1.height);
        let skills = self.catalog.entries.len();
        let (title, body) = match &self.search {
            Some(search) => {
                let title = match search.purpose {
                    SearchPurpose::PickCompareSide => " Pick a skill to compare ".to_string(),
                    _ if !search.query.is_empty() => {
                        format!(" Search: {} of {skills} ", search.hits.len())
                    }
                    _ => format!(" Skills ({skills}) "),
                };
                let body = ListBody::Search {
                    input: &search.input,
                    results: self.search_results(search, rows_height),
                };
                (title, body)
            }
            None => (
                format!(" Skills ({skills}) "),
                ListBody::Tree(self.tree_rows(rows_height)),
            ),
        };
        SkillListView {
            theme: &self.theme,
            title,
            focused: self.focus == Pane::List && self.comparison.is_none(),
            level: self.level,
            body,
        }
    }

    fn tree_rows(&self, height: usize) -> ListRows<'_> {
        let shown = self.tree.rows.iter().skip(self.list.offset).take(height);
        let shown = shown
            .map(|row| match *row {
                Row::Group { group, depth } => {
                    let g = &self.tree.groups[group];
                    ListRow::Group {
                        label: &g.label,
                        depth,
                        skills: g.skills,
                        folded: self.tree.is_folded(group),
                    }
                }
                Row::Skill { entry, depth } => ListRow::Skill(SkillRow {
                    skill: &self.catalog.entries[entry].skill,
                    depth,
                    code_marks: Vec::new(),
                    name_marks: Vec::new(),
                    place: None,
                    marked: self.marked(entry),
                    // The tree's groups name the framework.
                    framework: None,
                }),
            })
            .collect();
        ListRows {
            shown,
            total: self.tree.rows.len(),
            offset: self.list.offset,
            cursor: self.list.cursor,
        }
    }

    fn search_results(&self, search: &Search, height: usize) -> SearchResults<'_> {
        if search.query.is_empty() {
            return SearchResults::NotYet;
        }
        if search.hits.is_empty() {
            return SearchResults::None;
        }
        let shown = search.hits.iter().skip(search.view.offset).take(height);
        let shown = shown
            .map(|hit| {
                let detail = self.index.detail(&self.catalog, hit, &search.query);
                ListRow::Skill(SkillRow {
                    skill: &self.catalog.entries[hit.entry].skill,
                    depth: 0,
                    code_marks: detail.code_matches,
                    name_marks: detail.name_matches,
                    place: Some(hit.place.short_label()),
                    marked: self.marked(hit.entry),
                    framework: self.framework_if_shared(hit.entry),
                })
            })
            .collect();
        SearchResults::Found(ListRows {
            shown,
            total: search.hits.len(),
            offset: search.view.offset,
            cursor: search.view.cursor,
        })
    }

    /// "SFIA 8" for an entry whose code another framework holds too.
    fn framework_if_shared(&self, entry: usize) -> Option<String> {
        let shared = self.code_shared[entry];
        shared.then(|| {
            self.catalog
                .framework_of(&self.catalog.entries[entry])
                .title()
        })
    }

    /// Search terms to mark in the detail panes while a search is open.
    fn search_terms(&self) -> &[String] {
        self.search.as_ref().map_or(&[], |s| s.query.words())
    }

    fn focused(&self, pane: Pane) -> bool {
        self.focus == pane && self.comparison.is_none()
    }

    pub fn levels_view(&self) -> LevelsView<'_> {
        LevelsView {
            theme: &self.theme,
            focused: self.focused(Pane::Levels),
            shown: self.selected_entry().map(|entry| ShownLevel {
                skill: &entry.skill,
                framework: self.catalog.framework_of(entry),
                level: self.level,
                terms: self.search_terms(),
                scroll: self.levels_scroll,
                essence_expanded: self.essence_expanded,
                attributes_elsewhere: self.attributes_elsewhere(entry.framework),
                marked: self
                    .selected
                    .map_or_else(Marked::default, |i| self.marked(i)),
            }),
        }
    }

    /// My level and target of catalog entry `entry`, from the profile.
    fn marked(&self, entry: usize) -> Marked {
        let entry = &self.catalog.entries[entry];
        let skill = self.profile.profile().for_entry(&self.catalog, entry);
        Marked {
            level: skill.map(|s| s.level),
            target: skill.and_then(|s| s.target),
        }
    }

    /// The profile view: its skills, the one under the cursor's note.
    pub fn profile_view(&self) -> ProfileView<'_> {
        let shown = |text: &str| printable(text, Lines::Single).into_owned();
        let profile = self.profile.profile();
        let rows = (profile.skills.iter())
            .map(|skill| ProfileRow {
                code: skill.code.to_string(),
                name: (skill.entry_in(&self.catalog))
                    .map(|i| self.catalog.entries[i].skill.name.clone()),
                framework: shown(&skill.framework_title()),
                level: skill.level,
                target: skill.target,
            })
            .collect();
        let cursor = self.profile.open_at().unwrap_or(0);
        let note = (profile.skills.get(cursor))
            .and_then(|skill| skill.note.as_deref())
            .map(shown);
        ProfileView {
            theme: &self.theme,
            name: self.profile.name().as_str(),
            rows,
            cursor,
            note,
        }
    }

    /// The levels of responsibility, when they are shown.
    pub fn levels_of_responsibility_view(&self) -> Option<LevelsOfResponsibilityView<'_>> {
        let shown = self.levels_of_responsibility.as_ref()?;
        Some(LevelsOfResponsibilityView {
            theme: &self.theme,
            framework: &self.catalog.frameworks[shown.framework],
            level: shown.level,
            scroll: shown.scroll,
        })
    }

    pub fn guidance_view(&self) -> GuidanceView<'_> {
        GuidanceView {
            theme: &self.theme,
            focused: self.focused(Pane::Guidance),
            shown: self.selected_entry().map(|entry| ShownGuidance {
                entry,
                framework: self.catalog.framework_of(entry),
                terms: self.search_terms(),
                scroll: self.guidance_scroll,
            }),
        }
    }

    /// The comparison, when one is open.
    pub fn comparison_view(&self) -> Option<ComparisonView<'_>> {
        let comparison = self.comparison.as_ref()?;
        let catalog = &*self.catalog;
        let entry = |side: Side| &catalog.entries[side.entry];
        let compared = match comparison.subject {
            Subject::Skills(sides) if comparison.progression => Compared::Progression {
                catalog,
                entry: entry(sides[0]),
            },
            Subject::Skills(sides) => Compared::Sides {
                sides: sides.map(|side| RenderedSide {
                    catalog,
                    entry: entry(side),
                    level: side.level,
                }),
                active: comparison.active,
                level_attributes: self.level_attributes(sides, comparison.level_attributes),
            },
            Subject::Levels { framework, levels } => Compared::Levels {
                sides: levels.map(|level| LevelSide::new(&catalog.frameworks[framework], level)),
                active: comparison.active,
            },
        };
        Some(ComparisonView {
            theme: &self.theme,
            presentation: comparison.presentation,
            leave_key: self.key_label(Scope::Compare, &Action::Back, "Esc"),
            scroll: comparison.scroll,
            compared,
        })
    }

    /// What goes under two skills compared: their levels' attributes when `shown`, or where
    /// they are when a skill's framework has none.
    fn level_attributes(&self, sides: [Side; 2], shown: bool) -> LevelAttributes<'_> {
        if !shown {
            return LevelAttributes::Hidden;
        }
        let elsewhere = (sides.iter())
            .map(|side| self.catalog.entries[side.entry].framework)
            .find_map(|framework| self.attributes_elsewhere(framework));
        elsewhere.map_or(LevelAttributes::Shown, LevelAttributes::Elsewhere)
    }

    /// How the keys of `action` in `scope` are shown ("Esc", or the config file's), or
    /// `unbound` when it has none.
    pub(super) fn key_label<'a>(
        &'a self,
        scope: Scope,
        action: &Action,
        unbound: &'a str,
    ) -> &'a str {
        (self.keymap.bindings(scope))
            .find(|binding| binding.action == *action)
            .map_or(unbound, |binding| binding.label.as_str())
    }

    pub fn status_view(&self) -> StatusView<'_> {
        let matches = self
            .search
            .as_ref()
            .filter(|search| !search.query.is_empty())
            .map(|search| search.hits.len());
        StatusView {
            theme: &self.theme,
            failed_files: self.catalog.errors.len(),
            config_failed: self.config_error.is_some(),
            notice: self.notice.as_deref(),
            skills: self.catalog.entries.len(),
            sources: self.catalog.sources.len(),
            matches,
            shown: self
                .selected_entry()
                .map(|entry| (entry.skill.code.as_str(), self.level)),
            sample_only: !self.catalog.sources.is_empty()
                && (self.catalog.sources.iter()).all(|source| is_built_in(&source.path)),
        }
    }

    pub fn footer_view(&self) -> FooterView<'_> {
        FooterView {
            theme: &self.theme,
            hints: (self.keymap)
                .hinted(self.scope(), self.idle_actions())
                .filter_map(Hint::of)
                .collect(),
        }
    }

    pub fn help_view(&self, scroll: usize) -> HelpView<'_> {
        let sections = Scope::ALL
            .into_iter()
            .map(|scope| HelpSection {
                title: scope.title(),
                keys: (self.keymap.bindings(scope))
                    .map(|binding| (binding.label.as_str(), binding.help))
                    .collect(),
            })
            .collect();
        HelpView {
            theme: &self.theme,
            sections,
            scroll,
        }
    }

    pub fn load_errors_view(&self, scroll: usize) -> LoadErrorsView<'_> {
        LoadErrorsView {
            theme: &self.theme,
            config_error: self.config_error.as_ref(),
            data_errors: &self.catalog.errors,
            scroll,
        }
    }
}
