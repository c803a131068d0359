//! One query over every skill: code, name, category, description, guidance, level statements
//! and notes. Pure functions over the catalog; the browser and the `search` command share them.
//!
//! Space-separated terms must all match. Short fields (code, name, category) are matched fuzzily
//! with SkimMatcherV2; long text by case-insensitive substring, since a fuzzy subsequence over
//! paragraphs matches nearly everything. An exact code ranks first, then code and name matches,
//! then category, then body text.
//!
//! The steps, each in its own file: [`Query`] parses what was typed (`query`); [`SearchIndex`]
//! lays the catalog's folded text out for sweeping and runs a search (`index`); `score` decides
//! whether and how well one skill's text matches the terms; `snippet` builds what a shown hit
//! displays ([`HitDetail`]), only for the hits that are shown. `fold` is the lower case that
//! the query, the index and the snippets share.

mod fold;
mod index;
mod query;
mod score;
mod snippet;
#[cfg(test)]
mod tests;

pub use index::SearchIndex;
pub use query::Query;
pub use snippet::{hit_detail, HitDetail};

use crate::data::catalog::Entry;
use crate::data::model::Level;

/// Where in a skill a query matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    Code,
    Name,
    Category,
    Level(Level),
    Description,
    Guidance,
    Rationale,
    Notes,
}

impl Place {
    /// "level 4", "guidance", … for command output.
    pub fn label(&self) -> String {
        match self {
            Place::Code => "code".into(),
            Place::Name => "name".into(),
            Place::Category => "category".into(),
            Place::Level(level) => format!("level {level}"),
            Place::Description => "description".into(),
            Place::Guidance => "guidance".into(),
            Place::Rationale => "rationale".into(),
            Place::Notes => "notes".into(),
        }
    }

    /// "L4", "guidance", … for narrow columns.
    pub fn short_label(&self) -> String {
        match self {
            Place::Level(level) => format!("L{level}"),
            other => other.label(),
        }
    }

    pub fn level(&self) -> Option<Level> {
        match self {
            Place::Level(level) => Some(*level),
            _ => None,
        }
    }
}

/// Which string of a skill a body match lies in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Statement(Level, u32),
    Description,
    Guidance,
    Rationale(u32),
    Note(u32),
}

impl Field {
    fn place(self) -> Place {
        match self {
            Field::Statement(level, _) => Place::Level(level),
            Field::Description => Place::Description,
            Field::Guidance => Place::Guidance,
            Field::Rationale(_) => Place::Rationale,
            Field::Note(_) => Place::Notes,
        }
    }

    fn text(self, entry: &Entry) -> &str {
        let skill = &entry.skill;
        match self {
            Field::Statement(level, i) => &skill.levels.0[&level][i as usize],
            Field::Description => &skill.description,
            Field::Guidance => skill.guidance.as_deref().unwrap_or(""),
            Field::Rationale(i) => &skill.rationale[i as usize],
            Field::Note(i) => &skill.notes[i as usize],
        }
    }

    /// The body fields of a skill, in the order the index joins them.
    fn all_of(entry: &Entry) -> impl Iterator<Item = Field> + '_ {
        let skill = &entry.skill;
        let statements = skill.levels.0.iter().flat_map(|(level, statements)| {
            (0..statements.len() as u32).map(|i| Field::Statement(*level, i))
        });
        statements
            .chain([Field::Description])
            .chain(skill.guidance.is_some().then_some(Field::Guidance))
            .chain((0..skill.rationale.len() as u32).map(Field::Rationale))
            .chain((0..skill.notes.len() as u32).map(Field::Note))
    }
}

/// One skill that matched a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub score: i64,
    /// Where the match is most informative: the body place of the first term that matched no
    /// short field, else the short field of the first term.
    pub place: Place,
    /// With a body place: the field and the byte offset of the match in it.
    body_match: Option<(Field, usize)>,
}
