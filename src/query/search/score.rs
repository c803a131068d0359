//! Whether one skill's text matches every term of a query, and how well: the score that ranks
//! hits and the place a hit names. Reads a skill's text as the index hands it over
//! ([`SkillText`]) and knows nothing of how the index lays it out.
//!
//! A skill's places are its name, code and category and each body field (a level statement,
//! the description, the guidance, a note). The score compares, in order:
//! 1. an exact code;
//! 2. how well each term matches at its best place (whole word, start of a word, inside a
//!    word, fuzzily), summed over the terms;
//! 3. at the best single place: how well the terms match there, summed, so all terms in one
//!    statement beat terms spread over the skill;
//! 4. there, how closely they stand ([`Proximity`]): the longest run in query order, the words
//!    the closest group spans, the neighbours that follow each other;
//! 5. the kind of place: name, code, level statement, description, category, guidance, notes.
//!
//! With `level:N`, only the statements of level N compete for the best place.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use super::index::SkillText;
use super::matching::{Kind, Matcher, Occurrence};
use super::proximity::{proximity, Proximity, MOST_PER_FIELD};
use super::{Field, Hit, Place, Query};
use crate::data::model::Level;

/// Places before the body fields: `NAME`, `CODE`, `CATEGORY`, then body field `i` at
/// `BODY + i`.
pub(super) const NAME: usize = 0;
pub(super) const CODE: usize = 1;
pub(super) const CATEGORY: usize = 2;
pub(super) const BODY: usize = 3;

/// Bits of each part of the score, from the most significant.
const RANK_BITS: u32 = 3;
const PAIRS_BITS: u32 = 8;
const SPAN_BITS: u32 = 12;
const RUN_BITS: u32 = 8;
const SUM_BITS: u32 = 10;

/// The score of an exact code: above anything the other parts add up to.
#[cfg(test)]
pub(super) const EXACT_CODE: i64 =
    1 << (RANK_BITS + PAIRS_BITS + SPAN_BITS + RUN_BITS + 2 * SUM_BITS);

/// One search's scoring: the matchers, the catalog's categories and what each term makes of
/// each, and the buffers one skill's scoring reuses.
pub(super) struct Scorer<'s> {
    fuzzy: SkimMatcherV2,
    matchers: Vec<Matcher<'s>>,
    level: Option<Level>,
    /// Only codes, names and categories are searched (see [`Query::is_one_character`]).
    short_fields_only: bool,
    /// The catalog's folded categories, which [`SkillText::category`] indexes.
    categories: &'s [String],
    /// `[term * categories + category]`: `None` until computed.
    category_kinds: Vec<Option<Kind>>,
    /// `[term * places + place]`: each term's best kind at each place of the skill.
    kinds: Vec<Kind>,
    /// Per term: its body occurrences of its best kind in each field (at most
    /// [`MOST_PER_FIELD`] a field), in order, kept only for queries of several terms.
    occurrences: Vec<Vec<Occurrence>>,
    /// Per term: the field of each of those occurrences (ascending).
    occurrence_fields: Vec<Vec<usize>>,
    /// Per term and place: where the first occurrence of the best kind there starts, for the
    /// snippet.
    first: Vec<Option<usize>>,
}

/// The best place of a skill and how it ranks there.
#[derive(Clone, Copy)]
pub(super) struct BestPlace {
    /// The place's index among the skill's places (see [`NAME`]).
    pub place: usize,
    /// The kinds of the terms there, summed.
    pub sum: u32,
    pub proximity: Proximity,
    pub rank: u32,
}

impl BestPlace {
    /// What ranks places of one skill: the order of the score's parts after the quality.
    pub fn key(&self) -> (u32, u32, u32, u32, u32) {
        let p = &self.proximity;
        (self.sum, p.run, u32::MAX - p.span, p.pairs, self.rank)
    }
}

impl<'s> Scorer<'s> {
    pub fn new(query: &'s Query, categories: &'s [String]) -> Scorer<'s> {
        let terms = query.terms();
        Scorer {
            fuzzy: SkimMatcherV2::default().ignore_case(),
            matchers: terms.iter().map(Matcher::new).collect(),
            level: query.level(),
            short_fields_only: query.is_one_character(),
            categories,
            category_kinds: vec![None; terms.len() * categories.len()],
            kinds: Vec::new(),
            occurrences: vec![Vec::new(); terms.len()],
            occurrence_fields: vec![Vec::new(); terms.len()],
            first: Vec::new(),
        }
    }

    /// The hit of catalog entry `entry`, whose text is `skill`, if every term matches it.
    pub fn hit(&mut self, entry: usize, skill: &SkillText<'_>) -> Option<Hit> {
        if self
            .level
            .is_some_and(|level| !skill.fields.iter().any(|f| f.level() == Some(level)))
        {
            return None;
        }
        let places = BODY + skill.fields.len();
        self.kinds.clear();
        self.kinds.resize(self.matchers.len() * places, Kind::None);
        self.first.clear();
        self.first.resize(self.matchers.len() * places, None);
        let mut exact = false;
        let mut quality = 0;
        for term in 0..self.matchers.len() {
            let (best, is_code) = self.match_term(term, skill, places);
            if best == Kind::None {
                return None;
            }
            exact |= is_code;
            quality += best as u32;
        }
        let best = self.best_place(skill, places);
        // With `level:N` what counts is how well the terms match at that level: a skill whose
        // level-N statements hold the words ranks above one that holds them elsewhere.
        if self.level.is_some() {
            quality = best.as_ref().map_or(0, |best| best.sum);
        }
        let score = pack(exact, quality, best.as_ref());
        let (place, body_match) = match best {
            Some(best) if best.place >= BODY => {
                let field = skill.fields[best.place - BODY];
                let (start, _) = skill.field_at(best.proximity.start);
                (field.place(), Some((field, best.proximity.start - start)))
            }
            Some(best) => (self.place_of(skill, best.place), None),
            None => match self.level {
                Some(level) => {
                    let first = Field::Statement(level, 0);
                    (Place::Level(level), Some((first, 0)))
                }
                None => (Place::Code, None),
            },
        };
        Some(Hit {
            entry,
            score,
            place,
            body_match,
        })
    }

    /// Fills in term `term`'s kinds at every place of the skill: its best kind anywhere, and
    /// whether it is the skill's exact code.
    fn match_term(&mut self, term: usize, skill: &SkillText<'_>, places: usize) -> (Kind, bool) {
        let row = term * places;
        let matcher = &self.matchers[term];
        // An exact code is counted as such, not at any place: the skill's best place is where
        // its other terms stand.
        if matcher.term.plain_word() == Some(skill.code) {
            return (Kind::Whole, true);
        }
        self.kinds[row + CODE] = short_kind(&self.fuzzy, matcher, skill.code);
        self.kinds[row + NAME] = short_kind(&self.fuzzy, matcher, skill.name);
        self.kinds[row + CATEGORY] = self.category_kind(term, skill.category);
        let name_or_code = self.kinds[row + NAME].max(self.kinds[row + CODE]);
        let short_best = name_or_code.max(self.kinds[row + CATEGORY]);
        // One term can do no better in the body than a whole word in the name or code.
        let single = self.matchers.len() == 1 && self.level.is_none();
        let body_best = if self.short_fields_only || single && name_or_code == Kind::Whole {
            Kind::None
        } else {
            self.match_body(term, skill, places, single)
        };
        (short_best.max(body_best), false)
    }

    /// A category's best kind for term `term`, computed once per search: categories are
    /// matched as text only, never fuzzily, so a scattered match pulls no skill in.
    fn category_kind(&mut self, term: usize, category: usize) -> Kind {
        let slot = term * self.categories.len() + category;
        if let Some(kind) = self.category_kinds[slot] {
            return kind;
        }
        let text = self.categories[category].as_bytes();
        let kind = (self.matchers[term].kinds(text))
            .map(|(_, kind)| kind)
            .max()
            .unwrap_or_default();
        self.category_kinds[slot] = Some(kind);
        kind
    }

    /// Finds term `term` in the skill's body fields; the best kind there. With `single` (the
    /// only term, no level), stops at the first whole word in a level statement: nothing later
    /// in the body ranks above it.
    fn match_body(
        &mut self,
        term: usize,
        skill: &SkillText<'_>,
        places: usize,
        single: bool,
    ) -> Kind {
        let row = term * places;
        let keep = self.matchers.len() > 1;
        let occurrences = &mut self.occurrences[term];
        let fields = &mut self.occurrence_fields[term];
        occurrences.clear();
        fields.clear();
        let mut best = Kind::None;
        let mut field = 0;
        let mut field_end = skill.field_ends.first().map_or(0, |&end| end as usize);
        let mut kept_in_field = 0;
        let matcher = &self.matchers[term];
        for (at, kind) in matcher.kinds(skill.body) {
            while at > field_end {
                field += 1;
                kept_in_field = 0;
                field_end = skill.field_ends[field] as usize;
            }
            let slot = row + BODY + field;
            best = best.max(kind);
            if kind > self.kinds[slot] {
                self.kinds[slot] = kind;
                self.first[slot] = Some(at);
                if keep {
                    // Occurrences of a lesser kind in this field (the last ones) no longer count.
                    let kept = fields.partition_point(|&f| f < field);
                    occurrences.truncate(kept);
                    fields.truncate(kept);
                    kept_in_field = 0;
                }
            }
            if keep && kind == self.kinds[slot] && kept_in_field < MOST_PER_FIELD {
                let occurrence = matcher.occurrence_at(skill.body, at).expect("found there");
                occurrences.push(occurrence);
                fields.push(field);
                kept_in_field += 1;
            }
            let in_statement = matches!(skill.fields[field], Field::Statement(..));
            if single && kind == Kind::Whole && in_statement {
                break;
            }
        }
        best
    }

    /// The place where the terms, together, match best; `None` when no place competing holds
    /// any (only an exact code matched, or no statement of the wanted level holds a term).
    fn best_place(&self, skill: &SkillText<'_>, places: usize) -> Option<BestPlace> {
        let terms = self.matchers.len();
        let competing = (0..places).filter(|&place| match self.level {
            Some(level) => place >= BODY && skill.fields[place - BODY].level() == Some(level),
            None => true,
        });
        let sums: Vec<(usize, u32)> = competing
            .map(|place| {
                let sum = (0..terms)
                    .map(|t| self.kinds[t * places + place] as u32)
                    .sum();
                (place, sum)
            })
            .collect();
        let top = sums.iter().map(|&(_, sum)| sum).max().filter(|&s| s > 0)?;
        (sums.into_iter())
            .filter(|&(_, sum)| sum == top)
            .map(|(place, sum)| BestPlace {
                place,
                sum,
                proximity: self.proximity_at(skill, places, place),
                rank: rank(self.place_of(skill, place)),
            })
            .reduce(|best, next| if next.key() > best.key() { next } else { best })
    }

    /// How closely the terms stand at `place`; for one term, where it stands.
    fn proximity_at(&self, skill: &SkillText<'_>, places: usize, place: usize) -> Proximity {
        let terms = self.matchers.len();
        if terms == 1 {
            let start = self.first[place].unwrap_or(0);
            return Proximity {
                start,
                ..Proximity::default()
            };
        }
        let text = match place {
            NAME | CODE | CATEGORY => self.short_text(skill, place),
            _ => skill.body,
        };
        if place >= BODY {
            let field = place - BODY;
            let slices: Vec<&[Occurrence]> = (0..terms)
                .map(|t| {
                    let fields = &self.occurrence_fields[t];
                    let from = fields.partition_point(|&f| f < field);
                    let to = fields.partition_point(|&f| f <= field);
                    &self.occurrences[t][from..to]
                })
                .collect();
            return proximity(text, &slices);
        }
        let lists: Vec<Vec<Occurrence>> = (0..terms)
            .map(|t| {
                let kind = self.kinds[t * places + place];
                (self.matchers[t].occurrences(text))
                    .filter(|o| o.kind == kind)
                    .take(MOST_PER_FIELD)
                    .collect()
            })
            .collect();
        let slices: Vec<&[Occurrence]> = lists.iter().map(Vec::as_slice).collect();
        proximity(text, &slices)
    }

    fn place_of(&self, skill: &SkillText<'_>, place: usize) -> Place {
        match place {
            NAME => Place::Name,
            CODE => Place::Code,
            CATEGORY => Place::Category,
            _ => skill.fields[place - BODY].place(),
        }
    }

    fn short_text<'t>(&'t self, skill: &SkillText<'t>, place: usize) -> &'t [u8] {
        match place {
            NAME => skill.name.as_bytes(),
            CODE => skill.code.as_bytes(),
            _ => self.categories[skill.category].as_bytes(),
        }
    }
}

/// Which kind of place ranks first when all else is equal.
pub(super) fn rank(place: Place) -> u32 {
    match place {
        Place::Name => 7,
        Place::Code => 6,
        Place::Level(_) => 5,
        Place::Description => 4,
        Place::Category => 3,
        Place::Guidance => 2,
        Place::Rationale => 1,
        Place::Notes => 0,
    }
}

/// The parts of a score in one number, the first part most significant; each part is capped
/// to its bits.
pub(super) fn pack(exact: bool, quality: u32, best: Option<&BestPlace>) -> i64 {
    let cap = |value: u32, bits: u32| i64::from(value.min((1 << bits) - 1));
    let mut score = i64::from(exact);
    score = (score << SUM_BITS) | cap(quality, SUM_BITS);
    let (sum, run, closeness, pairs, rank) = match best {
        Some(best) => {
            let p = &best.proximity;
            let max_span = (1 << SPAN_BITS) - 1;
            (
                best.sum,
                p.run,
                max_span - p.span.min(max_span),
                p.pairs,
                best.rank,
            )
        }
        None => (0, 0, 0, 0, 0),
    };
    score = (score << SUM_BITS) | cap(sum, SUM_BITS);
    score = (score << RUN_BITS) | cap(run, RUN_BITS);
    score = (score << SPAN_BITS) | cap(closeness, SPAN_BITS);
    score = (score << PAIRS_BITS) | cap(pairs, PAIRS_BITS);
    (score << RANK_BITS) | cap(rank, RANK_BITS)
}

/// A term's best kind in a short field (code or name): as text, else fuzzily (never for a
/// quoted phrase).
pub(super) fn short_kind(fuzzy: &SkimMatcherV2, matcher: &Matcher<'_>, text: &str) -> Kind {
    let best = (matcher.kinds(text.as_bytes()))
        .map(|(_, kind)| kind)
        .max()
        .unwrap_or_default();
    if best != Kind::None {
        return best;
    }
    match matcher.term.plain_word() {
        Some(word) if is_subsequence(word.as_bytes(), text.as_bytes()) => {
            match fuzzy.fuzzy_match(text, word) {
                Some(_) => Kind::Fuzzy,
                None => Kind::None,
            }
        }
        _ => Kind::None,
    }
}

/// Whether `needle`'s bytes occur in `haystack` in order. For folded text this is necessary for
/// SkimMatcherV2 (ignoring ASCII case) to match: its characters in order are their bytes in
/// order.
fn is_subsequence(needle: &[u8], haystack: &[u8]) -> bool {
    let mut rest = haystack.iter();
    needle.iter().all(|byte| rest.any(|b| b == byte))
}
