//! One query over every skill: code, name, category, description, guidance, level statements
//! and notes. Pure functions over the catalog; the browser and the `search` command share them.
//!
//! A query is words, `"quoted phrases"` and `level:N` ([`Query`]); every term must match
//! somewhere in a skill. Words match whole, at the start of a word or inside one; code and name
//! also fuzzily (SkimMatcherV2), since a fuzzy subsequence over paragraphs matches nearly
//! everything. Hits rank by an exact code, then how well each term matches, then how well they
//! match together in one place and how closely they stand there, then the kind of place (see
//! `score`).
//!
//! The steps, each in its own file: [`Query`] parses what was typed (`query`); [`SearchIndex`]
//! lays the catalog's folded text out for sweeping and runs a search (`index`); `matching`
//! finds where a term stands in folded text and how well; `score` decides whether and how well
//! one skill matches, with `proximity` measuring how closely the terms stand in one place;
//! `snippet` builds what a shown hit displays ([`HitDetail`]), only for the hits that are
//! shown. `fold` is the lower case that the query, the index and the snippets share.

mod fold;
mod index;
mod matching;
mod proximity;
mod query;
mod score;
mod snippet;
#[cfg(test)]
mod tests;

pub use index::SearchIndex;
pub use query::{Query, Term};
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
    /// The level of a statement.
    fn level(self) -> Option<Level> {
        match self {
            Field::Statement(level, _) => Some(level),
            _ => None,
        }
    }

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
    /// The place where the terms match best together (with `level:N`, a statement of level N).
    pub place: Place,
    /// With a body place: the field and the byte offset of the match in it.
    body_match: Option<(Field, usize)>,
}
