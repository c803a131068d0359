//! The gap between where a profile stands and what another requires: for each skill required,
//! whether the first profile lacks it, is below the required level (then what changes from its
//! level to the required one is a comparison, as `compare` shows it), meets it or exceeds it;
//! a required skill that is not loaded is said so, never dropped.

use serde::Serialize;

use crate::data::catalog::Catalog;
use crate::data::model::Level;
use crate::data::profile::{Profile, ProfileSkill};
use crate::query::diff::{compare_statements, DiffRow};

/// Where the first profile stands against one required skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Standing {
    /// Required, and not in the first profile at all.
    Missing,
    /// In the first profile at a lower level than required.
    Below,
    /// At the required level.
    Met,
    /// Above the required level.
    Above,
    /// Required, but the skill is not loaded: nothing can be said of it.
    Unknown,
}

impl Standing {
    pub const ALL: [Standing; 5] = [
        Standing::Missing,
        Standing::Below,
        Standing::Met,
        Standing::Above,
        Standing::Unknown,
    ];

    /// The heading of a group of skills that stand so.
    pub fn heading(self) -> &'static str {
        match self {
            Standing::Missing => "Missing",
            Standing::Below => "Below the required level",
            Standing::Met => "Met",
            Standing::Above => "Above the required level",
            Standing::Unknown => "Not loaded",
        }
    }
}

/// A skill required of the first profile: by the other profile's level, or by the profile's own
/// target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Required<'a> {
    pub skill: &'a ProfileSkill,
    pub level: Level,
}

/// The levels a role's profile lists, every one of them required.
pub fn levels_of(profile: &Profile) -> Vec<Required<'_>> {
    (profile.skills.iter())
        .map(|skill| Required {
            skill,
            level: skill.level,
        })
        .collect()
}

/// The targets a person's profile sets: only skills with a target are required.
pub fn targets_of(profile: &Profile) -> Vec<Required<'_>> {
    (profile.skills.iter())
        .filter_map(|skill| skill.target.map(|level| Required { skill, level }))
        .collect()
}

/// One required skill and where the first profile stands.
#[derive(Debug, Clone, PartialEq)]
pub struct GapItem<'a> {
    pub required: Required<'a>,
    /// The first profile's level of the skill, if it has it.
    pub have: Option<Level>,
    /// The skill in the catalog, unless it is not loaded.
    pub entry: Option<usize>,
    pub standing: Standing,
}

impl GapItem<'_> {
    /// The level held or required that the skill does not define, if any: a hand-edited
    /// profile can name one, and then there is nothing to compare.
    pub fn undefined_level(&self, catalog: &Catalog) -> Option<Level> {
        let skill = &catalog.entries[self.entry?].skill;
        (self.have.into_iter())
            .chain([self.required.level])
            .find(|&level| !skill.is_defined_at(level))
    }

    /// From the level held to the level required, the statements diffed: for a skill below
    /// whose skill defines both levels.
    pub fn rows(&self, catalog: &Catalog) -> Option<Vec<DiffRow>> {
        if self.undefined_level(catalog).is_some() {
            return None;
        }
        let (entry, have) = (self.entry?, self.have?);
        let skill = &catalog.entries[entry].skill;
        let statements = |level| skill.statements(level).unwrap_or_default();
        (self.standing == Standing::Below)
            .then(|| compare_statements(statements(have), statements(self.required.level)))
    }
}

/// Where `from` stands against each of `required`, in the order required.
pub fn gap<'a>(catalog: &Catalog, from: &Profile, required: Vec<Required<'a>>) -> Vec<GapItem<'a>> {
    (required.into_iter())
        .map(|required| {
            let entry = required.skill.entry_in(catalog);
            let have = from.position(required.skill).map(|i| from.skills[i].level);
            let standing = match (entry, have) {
                (None, _) => Standing::Unknown,
                (Some(_), None) => Standing::Missing,
                (Some(_), Some(have)) if have < required.level => Standing::Below,
                (Some(_), Some(have)) if have == required.level => Standing::Met,
                (Some(_), Some(_)) => Standing::Above,
            };
            GapItem {
                required,
                have,
                entry,
                standing,
            }
        })
        .collect()
}

/// The framework and edition of a built-in code ("SFIA 9" for codes not built in), for tests
/// that write profiles of the built-in skills.
#[cfg(test)]
pub(crate) fn built_in_framework(code: &str) -> (String, Option<String>) {
    match code {
        "SLEN" => ("SFIA".into(), Some("8".into())),
        "DSOP" => ("Proposed skills".into(), None),
        _ => ("SFIA".into(), Some("9".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::Code;
    use crate::data::sources::{load_catalog, SourceSelection};

    fn skill(code: &str, level: u8, target: Option<u8>) -> ProfileSkill {
        let (framework, edition) = built_in_framework(code);
        ProfileSkill {
            framework,
            edition,
            code: Code::new(code).unwrap(),
            level: Level::new(level).unwrap(),
            target: target.and_then(Level::new),
            note: None,
        }
    }

    fn profile(skills: Vec<ProfileSkill>) -> Profile {
        Profile { skills }
    }

    #[test]
    fn every_standing_is_found() {
        let catalog = load_catalog(&SourceSelection {
            built_in: true,
            ..Default::default()
        });
        let me = profile(vec![
            skill("RELM", 3, None),
            skill("SLEN", 5, None),
            skill("DSOP", 5, None),
        ]);
        let role = profile(vec![
            skill("RELM", 5, None),
            skill("SLEN", 4, None),
            skill("DSOP", 5, None),
            skill("NOPE", 2, None),
        ]);
        let mut lacking = me.clone();
        lacking.remove("DSOP", None);
        let items = gap(&catalog, &lacking, levels_of(&role));
        let standings: Vec<Standing> = items.iter().map(|i| i.standing).collect();
        assert_eq!(
            standings,
            [
                Standing::Below,
                Standing::Above,
                Standing::Missing,
                Standing::Unknown
            ]
        );
        let items = gap(&catalog, &me, levels_of(&role));
        assert_eq!(items[2].standing, Standing::Met);
        let rows = items[0].rows(&catalog).unwrap();
        let relm = &catalog.entries[catalog.find("RELM", None)[0]].skill;
        let right: usize = rows.iter().filter(|r| r.right.is_some()).count();
        assert_eq!(
            right,
            relm.statements(Level::new(5).unwrap()).unwrap().len()
        );
        assert!(
            items[1].rows(&catalog).is_none(),
            "only a skill below is diffed"
        );
    }

    #[test]
    fn a_level_the_skill_does_not_define_is_found_and_not_compared() {
        let catalog = load_catalog(&SourceSelection {
            built_in: true,
            ..Default::default()
        });
        let me = profile(vec![skill("RELM", 7, Some(1)), skill("SLEN", 4, Some(5))]);
        let items = gap(&catalog, &me, targets_of(&me));
        assert_eq!(items[0].undefined_level(&catalog).map(Level::get), Some(7));
        assert_eq!(items[0].rows(&catalog), None);
        assert_eq!(items[1].undefined_level(&catalog), None);
        assert!(items[1].rows(&catalog).is_some());
    }

    #[test]
    fn own_targets_are_required_and_skills_without_one_are_not() {
        let catalog = load_catalog(&SourceSelection {
            built_in: true,
            ..Default::default()
        });
        let me = profile(vec![skill("RELM", 3, Some(4)), skill("SLEN", 5, None)]);
        let items = gap(&catalog, &me, targets_of(&me));
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].standing, Standing::Below);
        assert_eq!(items[0].have.map(Level::get), Some(3));
        assert_eq!(items[0].required.level.get(), 4);
    }
}
