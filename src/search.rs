//! One query over every skill: code, name, category, description, guidance, level statements
//! and notes. Pure functions over the catalog; the browser and the `search` command share them.
//!
//! Space-separated terms must all match. Short fields (code, name, category) are matched fuzzily
//! with SkimMatcherV2; long text by case-insensitive substring, since a fuzzy subsequence over
//! paragraphs matches nearly everything. An exact code ranks first, then code and name matches,
//! then category, then body text.

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use memchr::memmem;

use crate::catalog::{Catalog, Entry};
use crate::model::Level;

/// Where in a skill a query matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    Code,
    Name,
    Category,
    Level(Level),
    Description,
    Guidance,
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
    Statement(Level, usize),
    Description,
    Guidance,
    Note(usize),
}

impl Field {
    fn place(self) -> Place {
        match self {
            Field::Statement(level, _) => Place::Level(level),
            Field::Description => Place::Description,
            Field::Guidance => Place::Guidance,
            Field::Note(_) => Place::Notes,
        }
    }

    fn text(self, entry: &Entry) -> &str {
        let skill = &entry.skill;
        match self {
            Field::Statement(level, i) => &skill.levels.0[&level][i],
            Field::Description => &skill.description,
            Field::Guidance => skill.guidance.as_deref().unwrap_or(""),
            Field::Note(i) => &skill.notes[i],
        }
    }
}

/// A skill's text folded to lower case, laid out for fast scanning.
#[derive(Debug, Clone)]
struct IndexedSkill {
    code: String,
    name: String,
    category: String,
    /// Every body field folded and joined by '\n' (terms never hold whitespace, so a term
    /// cannot match across two fields). Byte offsets equal those of the original text.
    body: String,
    /// Start offset in `body` of each field, ascending.
    fields: Vec<(usize, Field)>,
}

impl IndexedSkill {
    fn new(entry: &Entry) -> IndexedSkill {
        let skill = &entry.skill;
        let mut fields = Vec::new();
        for (level, statements) in &skill.levels.0 {
            fields.extend((0..statements.len()).map(|i| Field::Statement(*level, i)));
        }
        fields.push(Field::Description);
        if skill.guidance.is_some() {
            fields.push(Field::Guidance);
        }
        fields.extend((0..skill.notes.len()).map(Field::Note));
        let mut body = String::new();
        let fields = fields
            .into_iter()
            .map(|field| {
                let start = body.len();
                fold_into(&mut body, field.text(entry));
                body.push('\n');
                (start, field)
            })
            .collect();
        let category = [skill.category.as_deref(), skill.subcategory.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" / ");
        IndexedSkill {
            code: fold(skill.code.as_str()),
            name: fold(&skill.name),
            category: fold(&category),
            body,
            fields,
        }
    }

    fn field_at(&self, offset: usize) -> (usize, Field) {
        let i = self.fields.partition_point(|(start, _)| *start <= offset) - 1;
        self.fields[i]
    }
}

/// Lower case that keeps every byte offset: a character whose lower case has another UTF-8
/// length (rare: 'İ', 'ẞ', the Kelvin sign) is kept as it is.
fn fold_into(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
                _ => out.push(c),
            }
        }
    }
}

fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
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

/// What a hit shows: a snippet with the matched ranges, and the matched characters of code and
/// name for highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HitDetail {
    pub snippet: String,
    /// Byte ranges of `snippet` that matched a term.
    pub snippet_ranges: Vec<Range<usize>>,
    /// Char indices of the code that matched.
    pub code_matches: Vec<usize>,
    /// Char indices of the name that matched.
    pub name_matches: Vec<usize>,
}

/// The parsed query: lower-cased terms.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        Query {
            terms: text.split_whitespace().map(fold).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The lower-cased terms, for highlighting.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// True when every result of `self` is also a result of `previous`: each earlier term is
    /// contained in the term at the same position (the query only grew).
    pub fn narrows(&self, previous: &Query) -> bool {
        !previous.is_empty()
            && previous.terms.len() <= self.terms.len()
            && previous
                .terms
                .iter()
                .zip(&self.terms)
                .all(|(p, t)| t.contains(p.as_str()))
    }
}

const EXACT_CODE: i64 = 1_000_000;
const CODE: i64 = 40_000;
const NAME: i64 = 20_000;
const CATEGORY: i64 = 5_000;
const BODY: i64 = 100;
/// A fuzzy match that scores below this per pattern character is scattered: it counts, but
/// ranks with body text rather than above it.
const CLOSE_FUZZY_PER_CHAR: i64 = 20;
const SNIPPET_BEFORE: usize = 40;
const SNIPPET_LENGTH: usize = 120;

/// The catalog prepared for searching.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    skills: Vec<IndexedSkill>,
}

impl SearchIndex {
    pub fn new(catalog: &Catalog) -> SearchIndex {
        SearchIndex {
            skills: catalog.entries.iter().map(IndexedSkill::new).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.skills.len()
    }

    pub fn is_empty(&self) -> bool {
        self.skills.is_empty()
    }

    /// Every entry that matches all terms, best first (ties in catalog order).
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        self.search_among(query, 0..self.skills.len())
    }

    /// Like [`search`](Self::search) over some entries only: when a query narrows the previous
    /// one, its results are among the previous results.
    pub fn search_among(
        &self,
        query: &Query,
        entries: impl IntoIterator<Item = usize>,
    ) -> Vec<Hit> {
        if query.is_empty() {
            return Vec::new();
        }
        let matcher = SkimMatcherV2::default().ignore_case();
        let finders: Vec<memmem::Finder<'_>> = query
            .terms
            .iter()
            .map(|t| memmem::Finder::new(t.as_bytes()))
            .collect();
        let mut hits: Vec<Hit> = entries
            .into_iter()
            .filter_map(|entry| self.match_skill(entry, query, &finders, &matcher))
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
        hits
    }

    fn match_skill(
        &self,
        entry: usize,
        query: &Query,
        finders: &[memmem::Finder<'_>],
        matcher: &SkimMatcherV2,
    ) -> Option<Hit> {
        let skill = &self.skills[entry];
        let mut score = 0;
        let mut short_place = None;
        let mut body_match = None;
        for (term, finder) in query.terms.iter().zip(finders) {
            let short = best_short_match(skill, term, matcher);
            let body = finder.find(skill.body.as_bytes());
            let body_score = body.map(|offset| BODY + word_start_bonus(&skill.body, offset));
            match (short, body_score) {
                (None, None) => return None,
                (Some((s, place)), b) => {
                    score += s.max(b.unwrap_or(0));
                    short_place.get_or_insert(place);
                }
                (None, Some(b)) => score += b,
            }
            if short.is_none_or(|(s, _)| s < CATEGORY) {
                if let (None, Some(offset)) = (body_match, body) {
                    let (start, field) = skill.field_at(offset);
                    body_match = Some((field, offset - start));
                }
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

    /// The snippet and highlights of a hit: computed only for the hits that are shown.
    pub fn detail(&self, catalog: &Catalog, hit: &Hit, query: &Query) -> HitDetail {
        let entry = &catalog.entries[hit.entry];
        let matcher = SkimMatcherV2::default().ignore_case();
        let mut code_matches = Vec::new();
        let mut name_matches = Vec::new();
        for term in &query.terms {
            if let Some((_, indices)) = matcher.fuzzy_indices(entry.skill.code.as_str(), term) {
                code_matches.extend(indices);
            }
            if let Some((_, indices)) = matcher.fuzzy_indices(&entry.skill.name, term) {
                name_matches.extend(indices);
            }
        }
        for list in [&mut code_matches, &mut name_matches] {
            list.sort_unstable();
            list.dedup();
        }
        let (snippet, snippet_ranges) = match hit.body_match {
            Some((field, offset)) => snippet_around(field.text(entry), offset, &query.terms),
            None => (String::new(), Vec::new()),
        };
        HitDetail {
            snippet,
            snippet_ranges,
            code_matches,
            name_matches,
        }
    }
}

fn best_short_match(
    skill: &IndexedSkill,
    term: &str,
    matcher: &SkimMatcherV2,
) -> Option<(i64, Place)> {
    if skill.code == term {
        return Some((EXACT_CODE, Place::Code));
    }
    let close = CLOSE_FUZZY_PER_CHAR * term.chars().count() as i64;
    [
        (&skill.code, CODE, Place::Code),
        (&skill.name, NAME, Place::Name),
        (&skill.category, CATEGORY, Place::Category),
    ]
    .into_iter()
    .filter_map(|(text, tier, place)| {
        let fuzzy = matcher.fuzzy_match(text, term)?;
        // A scattered match still matches, but ranks with body text.
        let is_close = fuzzy >= close || text.contains(term);
        let score = if is_close {
            tier + fuzzy
        } else {
            BODY / 2 + fuzzy / 4
        };
        Some((score, place))
    })
    .max_by_key(|(score, _)| *score)
}

fn word_start_bonus(text: &str, offset: usize) -> i64 {
    let at_word_start = text[..offset]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    if at_word_start {
        20
    } else {
        0
    }
}

/// A window of `text` around byte `offset`, cut at char boundaries (and word boundaries where
/// possible), with every occurrence of any term marked.
fn snippet_around(text: &str, offset: usize, terms: &[String]) -> (String, Vec<Range<usize>>) {
    let mut start = offset.saturating_sub(SNIPPET_BEFORE);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    if start > 0 {
        if let Some(space) = text[start..offset].find(' ') {
            start += space + 1;
        }
    }
    let mut end = (start + SNIPPET_LENGTH).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if end < text.len() {
        if let Some(space) = text[offset..end].rfind(' ') {
            end = offset + space;
        }
    }
    let prefix = if start > 0 { "…" } else { "" };
    let suffix = if end < text.len() { "…" } else { "" };
    let window = &text[start..end];
    let snippet = format!("{prefix}{window}{suffix}");
    let folded = fold(window);
    let mut ranges: Vec<Range<usize>> = terms
        .iter()
        .flat_map(|term| {
            memmem::find_iter(folded.as_bytes(), term.as_bytes())
                .map(|at| prefix.len() + at..prefix.len() + at + term.len())
                .collect::<Vec<_>>()
        })
        .collect();
    ranges.sort_by_key(|r| r.start);
    (snippet, merge_ranges(ranges))
}

fn merge_ranges(ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{load_catalog, SourceSelection};

    fn built_in() -> (Catalog, SearchIndex) {
        let catalog = load_catalog(&SourceSelection {
            built_in: true,
            ..Default::default()
        });
        let index = SearchIndex::new(&catalog);
        (catalog, index)
    }

    fn codes(catalog: &Catalog, hits: &[Hit]) -> Vec<String> {
        hits.iter()
            .map(|h| catalog.entries[h.entry].skill.code.to_string())
            .collect()
    }

    #[test]
    fn seed_queries_rank_the_expected_skill_first() {
        let (catalog, index) = built_in();
        for (query, first) in [
            ("rollback", "RELM"),
            ("devsecops", "DSOP"),
            ("slen", "SLEN"),
            ("devsec", "DSOP"),
        ] {
            let hits = index.search(&Query::parse(query));
            assert_eq!(
                codes(&catalog, &hits).first().map(String::as_str),
                Some(first),
                "{query}"
            );
        }
    }

    #[test]
    fn an_exact_code_ranks_above_everything() {
        let (catalog, index) = built_in();
        let hits = index.search(&Query::parse("RELM"));
        assert_eq!(codes(&catalog, &hits)[0], "RELM");
        assert_eq!(hits[0].place, Place::Code);
        assert!(hits[0].score >= EXACT_CODE);
    }

    #[test]
    fn every_term_must_match() {
        let (catalog, index) = built_in();
        let hits = index.search(&Query::parse("rollback devsecops"));
        assert!(hits.is_empty(), "{:?}", codes(&catalog, &hits));
        let hits = index.search(&Query::parse("rollback release"));
        assert_eq!(codes(&catalog, &hits), ["RELM"]);
    }

    #[test]
    fn body_hits_say_where_and_mark_the_term() {
        let (catalog, index) = built_in();
        let query = Query::parse("ROLLBACK");
        let hits = index.search(&query);
        assert_eq!(hits[0].place, Place::Level(Level::new(4).unwrap()));
        let detail = index.detail(&catalog, &hits[0], &query);
        let marked: Vec<&str> = detail
            .snippet_ranges
            .iter()
            .map(|r| &detail.snippet[r.clone()])
            .collect();
        assert_eq!(marked, ["rollback"]);
    }

    #[test]
    fn name_matches_carry_character_indices() {
        let (catalog, index) = built_in();
        let query = Query::parse("devsec");
        let hits = index.search(&query);
        let detail = index.detail(&catalog, &hits[0], &query);
        assert_eq!(detail.name_matches, [0, 1, 2, 3, 4, 5]);
        assert_eq!(hits[0].place, Place::Name);
    }

    #[test]
    fn folding_keeps_byte_offsets() {
        for text in ["ÄÖÜ straße İstanbul K", "日本語 ÉTÉ"] {
            assert_eq!(fold(text).len(), text.len());
        }
        assert_eq!(fold("ÉTÉ Abc"), "été abc");
    }

    #[test]
    fn snippets_cut_at_char_boundaries_in_wide_text() {
        let text = "日本語".repeat(100) + " rollback " + &"語".repeat(100);
        let offset = text.find("rollback").unwrap();
        let (snippet, ranges) = snippet_around(&text, offset, &["rollback".to_string()]);
        assert_eq!(&snippet[ranges[0].clone()], "rollback");
        assert!(snippet.starts_with('…') && snippet.ends_with('…'));
    }

    #[test]
    fn a_growing_query_narrows_the_previous_one() {
        let go = Query::parse("go");
        assert!(Query::parse("gov").narrows(&go));
        assert!(Query::parse("gov x").narrows(&go));
        assert!(!Query::parse("g").narrows(&go));
        assert!(!Query::parse("x go").narrows(&go));
        assert!(!go.narrows(&Query::default()));
    }

    #[test]
    fn searching_among_previous_hits_gives_the_same_result() {
        let (_, index) = built_in();
        let previous = index.search(&Query::parse("re"));
        let query = Query::parse("release");
        let narrowed = index.search_among(&query, previous.iter().map(|h| h.entry));
        assert_eq!(narrowed, index.search(&query));
    }
}
