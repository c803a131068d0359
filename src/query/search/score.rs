//! Whether one skill's text matches every term of a query, and how well: the score that ranks
//! hits and the place a hit names. Reads a skill's text as the index hands it over
//! ([`SkillText`]) and knows nothing of how the index lays it out.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use memchr::memmem;

use super::index::SkillText;
use super::{Hit, Place, Query};

pub(super) const EXACT_CODE: i64 = 1_000_000;
pub(super) const CODE: i64 = 40_000;
pub(super) const NAME: i64 = 20_000;
pub(super) const CATEGORY: i64 = 5_000;
pub(super) const BODY: i64 = 100;
/// A fuzzy match that scores below this per pattern character is scattered: it counts, but
/// ranks with body text rather than above it.
pub(super) const CLOSE_FUZZY_PER_CHAR: i64 = 20;
/// SkimMatcherV2's most per pattern character: a match scores 16 and its bonus is at most 16
/// (a head bonus of 8 doubled on the first character; consecutive and camel bonuses are lower);
/// gaps and case mismatches only subtract.
const MAX_FUZZY_PER_CHAR: i64 = 32;

/// One search's scoring: the matcher, the query's terms prepared once, and the score of each
/// term in each category once it has been computed.
pub(super) struct Scorer<'s> {
    matcher: SkimMatcherV2,
    terms: Vec<Term<'s>>,
    /// The catalog's folded categories, which [`SkillText::category`] indexes.
    categories: &'s [String],
    /// `[term * categories + category]`: `None` until computed, then the category's score.
    category_scores: Vec<Option<Option<i64>>>,
}

/// One term of a query, prepared once per search.
struct Term<'q> {
    text: &'q str,
    finder: memmem::Finder<'q>,
    /// A fuzzy score at least this high is a close match (see [`CLOSE_FUZZY_PER_CHAR`]).
    close: i64,
    /// No fuzzy score of this term can exceed this (see [`MAX_FUZZY_PER_CHAR`]).
    max_fuzzy: i64,
}

impl<'q> Term<'q> {
    fn new(text: &'q str) -> Term<'q> {
        let chars = text.chars().count() as i64;
        Term {
            text,
            finder: memmem::Finder::new(text.as_bytes()),
            close: CLOSE_FUZZY_PER_CHAR * chars,
            max_fuzzy: MAX_FUZZY_PER_CHAR * chars,
        }
    }
}

/// How one term matched one skill.
struct TermMatch {
    score: i64,
    /// The short field of the best short match, if any.
    short_place: Option<Place>,
    /// The offset of the first body match, when the body was searched and matched.
    body_offset: Option<usize>,
}

impl<'s> Scorer<'s> {
    pub fn new(query: &'s Query, categories: &'s [String]) -> Scorer<'s> {
        let terms = query.terms();
        Scorer {
            matcher: SkimMatcherV2::default().ignore_case(),
            terms: terms.iter().map(|t| Term::new(t)).collect(),
            categories,
            category_scores: vec![None; terms.len() * categories.len()],
        }
    }

    /// The hit of catalog entry `entry`, whose text is `skill`, if every term matches it.
    pub fn hit(&mut self, entry: usize, skill: &SkillText<'_>) -> Option<Hit> {
        let mut score = 0;
        let mut short_place = None;
        let mut body_match = None;
        for index in 0..self.terms.len() {
            let matched = self.match_term(index, skill)?;
            score += matched.score;
            if let Some(place) = matched.short_place {
                short_place.get_or_insert(place);
            }
            if let (None, Some(offset)) = (body_match, matched.body_offset) {
                let (start, field) = skill.field_at(offset);
                body_match = Some((field, offset - start));
            }
        }
        let place = match (body_match, short_place) {
            (Some((field, _)), _) => field.place(),
            (None, Some(place)) => place,
            (None, None) => return None,
        };
        Some(Hit {
            entry,
            score,
            place,
            body_match,
        })
    }

    /// How term `index` matches the skill: the better of its short and body scores.
    fn match_term(&mut self, index: usize, skill: &SkillText<'_>) -> Option<TermMatch> {
        let short = self.best_short_match(skill, index);
        // A close short match (CATEGORY or more) outscores any body match (BODY plus a
        // bonus) and leaves the body place unused, so only then is the body not searched.
        let wants_body = short.is_none_or(|(s, _)| s < CATEGORY);
        let body_offset = if wants_body {
            self.terms[index].finder.find(skill.body)
        } else {
            None
        };
        let body_score = body_offset.map(|offset| BODY + word_start_bonus(skill.body, offset));
        let (score, short_place) = match (short, body_score) {
            (None, None) => return None,
            (Some((s, place)), b) => (s.max(b.unwrap_or(0)), Some(place)),
            (None, Some(b)) => (b, None),
        };
        Some(TermMatch {
            score,
            short_place,
            body_offset,
        })
    }

    /// The best of a term's matches in code, name and category: the highest score, and of
    /// equal scores the later field.
    fn best_short_match(&mut self, skill: &SkillText<'_>, index: usize) -> Option<(i64, Place)> {
        let term = &self.terms[index];
        if skill.code == term.text {
            return Some((EXACT_CODE, Place::Code));
        }
        let mut best: Option<(i64, Place)> = None;
        for (tier, place) in [
            (CODE, Place::Code),
            (NAME, Place::Name),
            (CATEGORY, Place::Category),
        ] {
            // A field whose best possible score is below the best so far cannot change it: a
            // close name match leaves the category unmatched.
            if best.is_some_and(|(score, _)| tier + term.max_fuzzy < score) {
                continue;
            }
            let score = match place {
                Place::Code => short_score(&self.matcher, skill.code, tier, term),
                Place::Name => short_score(&self.matcher, skill.name, tier, term),
                _ => {
                    let slot = index * self.categories.len() + skill.category;
                    *self.category_scores[slot].get_or_insert_with(|| {
                        let text = &self.categories[skill.category];
                        short_score(&self.matcher, text, tier, term)
                    })
                }
            };
            if let Some(score) = score {
                if best.is_none_or(|(b, _)| score >= b) {
                    best = Some((score, place));
                }
            }
        }
        best
    }
}

/// A term's score in one short field at `tier`, if it matches there at all.
fn short_score(matcher: &SkimMatcherV2, text: &str, tier: i64, term: &Term<'_>) -> Option<i64> {
    // The matcher needs the term's characters in order in the text; both are folded, so a scan
    // of bytes rules most fields out before the matcher's set-up.
    if !is_subsequence(term.text.as_bytes(), text.as_bytes()) {
        return None;
    }
    let fuzzy = matcher.fuzzy_match(text, term.text)?;
    // A scattered match still matches, but ranks with body text.
    let is_close = fuzzy >= term.close || text.contains(term.text);
    Some(if is_close {
        tier + fuzzy
    } else {
        BODY / 2 + fuzzy / 4
    })
}

/// Whether `needle`'s bytes occur in `haystack` in order. For folded text this is necessary for
/// SkimMatcherV2 (ignoring ASCII case) to match: its characters in order are their bytes in
/// order.
fn is_subsequence(needle: &[u8], haystack: &[u8]) -> bool {
    let mut rest = haystack.iter();
    needle.iter().all(|byte| rest.any(|b| b == byte))
}

/// A bonus for a body match at the start of a word: after a character that is not a letter or
/// digit, a separator, or nothing.
fn word_start_bonus(body: &[u8], offset: usize) -> i64 {
    let before = &body[..offset];
    // The last char before the match starts at the last byte that is not a continuation byte.
    let last = before.iter().rposition(|b| !(0x80..0xc0).contains(b));
    let after_word_char = last.is_some_and(|at| {
        std::str::from_utf8(&before[at..])
            .ok()
            .and_then(|c| c.chars().next_back())
            .is_some_and(char::is_alphanumeric)
    });
    if after_word_char {
        0
    } else {
        20
    }
}
