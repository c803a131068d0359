//! What each pane shows, read from the state: the views the drawing code draws (see `tui::ui`).

use ratatui::layout::Rect;

use super::{App, Popup, Search, SearchPurpose, Side, Subject};
use crate::query::render::comparison::Side as RenderedSide;
use crate::query::render::levels::LevelSide;
use crate::tui::keymap::Scope;
use crate::tui::layout::{self, Pane};
use crate::tui::tree::Row;
use crate::tui::ui::comparison::{Compared, ComparisonView, LevelAttributes};
use crate::tui::ui::footer::FooterView;
use crate::tui::ui::guidance::{GuidanceView, ShownGuidance};
use crate::tui::ui::help::{HelpSection, HelpView};
use crate::tui::ui::levels::{LevelsView, ShownLevel};
use crate::tui::ui::levels_of_responsibility::LevelsOfResponsibilityView;
use crate::tui::ui::load_errors::LoadErrorsView;
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
                    layout::comparison_screen(area, comparison.presentation);
                let body = Body::Compare(view, self.comparison_view().expect("comparing"));
                (body, status, footer)
            }
            None if self.levels_of_responsibility.is_some() => {
                let [view, status, footer] = layout::comparison_screen(area, false);
                let shown = self.levels_of_responsibility_view().expect("shown");
                (Body::LevelsOfResponsibility(view, shown), status, footer)
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
            }),
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
        }
    }

    pub fn footer_view(&self) -> FooterView<'_> {
        FooterView {
            theme: &self.theme,
            hints: (self.keymap)
                .hints_without(self.scope(), self.idle_actions())
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
