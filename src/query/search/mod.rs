//! One query over every skill: code, name, category, description, guidance, level statements
//! and notes. Pure functions over the catalog; the browser and the `search` command share them.
//!
//! Space-separated terms must all match. Short fields (code, name, category) are matched fuzzily
//! with SkimMatcherV2; long text by case-insensitive substring, since a fuzzy subsequence over
//! paragraphs matches nearly everything. An exact code ranks first, then code and name matches,
//! then category, then body text.

use std::collections::HashMap;
use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use memchr::memmem;

use crate::data::catalog::{Catalog, Entry};
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
    Statement(Level, u32),
    Description,
    Guidance,
    Note(u32),
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
            Field::Statement(level, i) => &skill.levels.0[&level][i as usize],
            Field::Description => &skill.description,
            Field::Guidance => skill.guidance.as_deref().unwrap_or(""),
            Field::Note(i) => &skill.notes[i as usize],
        }
    }
}

/// Where one skill's folded text lies in the index: all skills' text is kept in a few large
/// buffers in catalog order, so a search sweeps memory in order instead of chasing thousands
/// of small allocations.
#[derive(Debug, Clone, Copy)]
struct Spans {
    /// `short[short..code_end]` is the code, `short[code_end..name_end]` the name.
    short: usize,
    code_end: usize,
    name_end: usize,
    /// `body[body..body_end]`, each field followed by [`SEPARATOR`].
    body: usize,
    body_end: usize,
    /// `fields[fields..fields_end]`.
    fields: usize,
    fields_end: usize,
    /// The folded "category / subcategory", an index into [`SearchIndex::categories`]: a
    /// catalog has few, so each is matched once per search rather than once per skill.
    category: usize,
}

/// Ends each field of a body: a byte that UTF-8 text never holds, so no term can match across
/// two fields, and the field of a match is told by the separators before it.
const SEPARATOR: u8 = 0xFF;

/// One skill's folded text, borrowed from the index.
struct SkillText<'i> {
    code: &'i str,
    name: &'i str,
    category: usize,
    /// Every body field folded, each followed by [`SEPARATOR`]. Byte offsets within a field
    /// equal those of the original text.
    body: &'i [u8],
    /// The body's fields, in order.
    fields: &'i [Field],
}

impl SkillText<'_> {
    /// The field a body offset lies in, and the offset where that field starts. Counts the
    /// separators before the match (bytes the search has just read) rather than looking the
    /// offset up in a table.
    fn field_at(&self, offset: usize) -> (usize, Field) {
        let before = &self.body[..offset];
        let index = memchr::memchr_iter(SEPARATOR, before).count();
        let start = memchr::memrchr(SEPARATOR, before).map_or(0, |at| at + 1);
        (start, self.fields[index])
    }
}

/// The body fields of a skill, in the order they are joined.
fn body_fields(entry: &Entry) -> impl Iterator<Item = Field> + '_ {
    let skill = &entry.skill;
    let statements = skill.levels.0.iter().flat_map(|(level, statements)| {
        (0..statements.len() as u32).map(|i| Field::Statement(*level, i))
    });
    statements
        .chain([Field::Description])
        .chain(skill.guidance.is_some().then_some(Field::Guidance))
        .chain((0..skill.notes.len() as u32).map(Field::Note))
}

/// Lower case that keeps every byte offset: a character whose lower case has another UTF-8
/// length (rare: 'İ', 'ẞ', the Kelvin sign) is kept as it is. Runs of ASCII are copied and
/// lowered a slice at a time (the index folds every byte of the catalog).
fn fold_into(out: &mut Vec<u8>, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = if rest.is_ascii() {
            rest.len()
        } else {
            rest.bytes()
                .position(|b| !b.is_ascii())
                .unwrap_or(rest.len())
        };
        let start = out.len();
        out.extend_from_slice(&rest.as_bytes()[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        if let Some(c) = rest.chars().next() {
            let mut lower = c.to_lowercase();
            let kept = match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            };
            out.extend_from_slice(kept.encode_utf8(&mut [0; 4]).as_bytes());
            rest = &rest[c.len_utf8()..];
        }
    }
}

fn fold(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    fold_into(&mut out, text);
    String::from_utf8(out).expect("folding keeps UTF-8")
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

const EXACT_CODE: i64 = 1_000_000;
const CODE: i64 = 40_000;
const NAME: i64 = 20_000;
const CATEGORY: i64 = 5_000;
const BODY: i64 = 100;
/// A fuzzy match that scores below this per pattern character is scattered: it counts, but
/// ranks with body text rather than above it.
const CLOSE_FUZZY_PER_CHAR: i64 = 20;
/// SkimMatcherV2's most per pattern character: a match scores 16 and its bonus is at most 16
/// (a head bonus of 8 doubled on the first character; consecutive and camel bonuses are lower);
/// gaps and case mismatches only subtract.
const MAX_FUZZY_PER_CHAR: i64 = 32;
const SNIPPET_BEFORE: usize = 40;
const SNIPPET_LENGTH: usize = 120;

/// The catalog prepared for searching.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    spans: Vec<Spans>,
    /// Every skill's folded code and name.
    short: String,
    /// Every skill's folded body.
    body: Vec<u8>,
    /// Every skill's body fields.
    fields: Vec<Field>,
    /// Each distinct folded "category / subcategory".
    categories: Vec<String>,
}

impl SearchIndex {
    pub fn new(catalog: &Catalog) -> SearchIndex {
        let entries = &catalog.entries;
        // The buffers grow as they fill: counting their lengths first would read every
        // string's length twice, each from its own allocation, which costs more than growing
        // (a large buffer grows by remapping its pages, not by copying them).
        let mut index = SearchIndex {
            spans: Vec::with_capacity(entries.len()),
            short: String::new(),
            body: Vec::new(),
            fields: Vec::new(),
            categories: Vec::new(),
        };
        let mut category_ids: HashMap<String, usize> = HashMap::new();
        for entry in entries {
            let skill = &entry.skill;
            let category = [skill.category.as_deref(), skill.subcategory.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" / ");
            let category = fold(&category);
            let category = match category_ids.get(&category) {
                Some(&id) => id,
                None => {
                    index.categories.push(category.clone());
                    category_ids.insert(category, index.categories.len() - 1);
                    index.categories.len() - 1
                }
            };
            let short = index.short.len();
            index.short.push_str(&fold(skill.code.as_str()));
            let code_end = index.short.len();
            index.short.push_str(&fold(&skill.name));
            let body = index.body.len();
            let fields = index.fields.len();
            for field in body_fields(entry) {
                index.fields.push(field);
                fold_into(&mut index.body, field.text(entry));
                index.body.push(SEPARATOR);
            }
            index.spans.push(Spans {
                short,
                code_end,
                name_end: index.short.len(),
                body,
                body_end: index.body.len(),
                fields,
                fields_end: index.fields.len(),
                category,
            });
        }
        index
    }

    fn skill(&self, entry: usize) -> SkillText<'_> {
        let spans = &self.spans[entry];
        SkillText {
            code: &self.short[spans.short..spans.code_end],
            name: &self.short[spans.code_end..spans.name_end],
            category: spans.category,
            body: &self.body[spans.body..spans.body_end],
            fields: &self.fields[spans.fields..spans.fields_end],
        }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Every entry that matches all terms, best first (ties in catalog order).
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        self.search_among(query, 0..self.spans.len())
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
        // In catalog order, the order of the index's buffers; the result is sorted anyway.
        let mut entries: Vec<usize> = entries.into_iter().collect();
        entries.sort_unstable();
        let mut hits = self.match_entries(query, &entries);
        // Entries are unique, so (score, entry) orders hits totally: unstable sorting is exact.
        hits.sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
        hits
    }

    /// The hits among `entries` (ascending), unsorted.
    fn match_entries(&self, query: &Query, entries: &[usize]) -> Vec<Hit> {
        let mut matching = Matching {
            matcher: SkimMatcherV2::default().ignore_case(),
            terms: query.terms.iter().map(|t| Term::new(t)).collect(),
            category_scores: vec![None; query.terms.len() * self.categories.len()],
        };
        entries
            .iter()
            .filter_map(|&entry| self.match_skill(entry, &mut matching))
            .collect()
    }

    fn match_skill(&self, entry: usize, matching: &mut Matching<'_>) -> Option<Hit> {
        let skill = self.skill(entry);
        let mut score = 0;
        let mut short_place = None;
        let mut body_match = None;
        for index in 0..matching.terms.len() {
            let short = self.best_short_match(&skill, index, matching);
            let term = &matching.terms[index];
            // A close short match (CATEGORY or more) outscores any body match (BODY plus a
            // bonus) and leaves the body place unused, so only then is the body not searched.
            let wants_body = short.is_none_or(|(s, _)| s < CATEGORY);
            let body = if wants_body {
                term.finder.find(skill.body)
            } else {
                None
            };
            let body_score = body.map(|offset| BODY + word_start_bonus(skill.body, offset));
            match (short, body_score) {
                (None, None) => return None,
                (Some((s, place)), b) => {
                    score += s.max(b.unwrap_or(0));
                    short_place.get_or_insert(place);
                }
                (None, Some(b)) => score += b,
            }
            if wants_body {
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

    /// The best of a term's matches in code, name and category: the highest score, and of
    /// equal scores the later field.
    fn best_short_match(
        &self,
        skill: &SkillText<'_>,
        term_index: usize,
        matching: &mut Matching<'_>,
    ) -> Option<(i64, Place)> {
        let term = &matching.terms[term_index];
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
                Place::Code => short_score(&matching.matcher, skill.code, tier, term),
                Place::Name => short_score(&matching.matcher, skill.name, tier, term),
                _ => {
                    let slot = term_index * self.categories.len() + skill.category;
                    *matching.category_scores[slot].get_or_insert_with(|| {
                        let text = &self.categories[skill.category];
                        short_score(&matching.matcher, text, tier, term)
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

    /// The snippet and highlights of a hit: computed only for the hits that are shown.
    pub fn detail(&self, catalog: &Catalog, hit: &Hit, query: &Query) -> HitDetail {
        hit_detail(&catalog.entries[hit.entry], hit, query)
    }
}

/// The snippet and highlights of a hit on `entry` (the entry the hit names).
pub fn hit_detail(entry: &Entry, hit: &Hit, query: &Query) -> HitDetail {
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

/// What one search needs besides the index: the matcher, the terms, and the score of each term
/// in each category once it has been computed.
struct Matching<'q> {
    matcher: SkimMatcherV2,
    terms: Vec<Term<'q>>,
    /// `[term * categories + category]`: `None` until computed, then the category's score.
    category_scores: Vec<Option<Option<i64>>>,
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
    use crate::data::sources::{load_catalog, SourceSelection};

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

    /// The search as first written, on its own copy of the text: every field matched, the
    /// body always searched, fields joined by '\n' and found by their start offsets. The
    /// shortcuts and layout of `SearchIndex` must give exactly its results.
    fn reference_search(catalog: &Catalog, query: &Query) -> Vec<Hit> {
        struct Skill {
            code: String,
            name: String,
            category: String,
            body: String,
            fields: Vec<(usize, Field)>,
        }
        let skills: Vec<Skill> = catalog
            .entries
            .iter()
            .map(|entry| {
                let skill = &entry.skill;
                let mut body = String::new();
                let fields = body_fields(entry)
                    .map(|field| {
                        let start = body.len();
                        body.push_str(&fold_chars(field.text(entry)));
                        body.push('\n');
                        (start, field)
                    })
                    .collect();
                let category = [skill.category.as_deref(), skill.subcategory.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" / ");
                Skill {
                    code: fold_chars(skill.code.as_str()),
                    name: fold_chars(&skill.name),
                    category: fold_chars(&category),
                    body,
                    fields,
                }
            })
            .collect();
        let matcher = SkimMatcherV2::default().ignore_case();
        let short = |skill: &Skill, term: &str| {
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
                let is_close = fuzzy >= close || text.contains(term);
                let score = if is_close {
                    tier + fuzzy
                } else {
                    BODY / 2 + fuzzy / 4
                };
                Some((score, place))
            })
            .max_by_key(|(score, _)| *score)
        };
        let word_start_bonus = |text: &str, offset: usize| {
            let at_word_start = text[..offset]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if at_word_start {
                20
            } else {
                0
            }
        };
        let mut hits: Vec<Hit> = skills
            .iter()
            .enumerate()
            .filter_map(|(entry, skill)| {
                let mut score = 0;
                let mut short_place = None;
                let mut body_match = None;
                for term in &query.terms {
                    let short = short(skill, term);
                    let body = skill.body.find(term.as_str());
                    let body_score =
                        body.map(|offset| BODY + word_start_bonus(&skill.body, offset));
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
                            let i = skill.fields.partition_point(|(start, _)| *start <= offset) - 1;
                            let (start, field) = skill.fields[i];
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
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
        hits
    }

    #[test]
    fn shortcuts_give_exactly_the_reference_results() {
        let mut catalog = Catalog::default();
        catalog.add("gen", crate::testdata::framework(120, 11));
        catalog.add(
            "built-in",
            crate::data::sources::parse_framework("b", crate::data::sources::BUILT_IN_DATA)
                .unwrap(),
        );
        let tricky = r#"(framework: "T", skills: [
            (code: "ETE1", name: "Été İstanbul ẞ governance", category: "日本語 / Kelvin K",
             description: "日本語governance éGOVERNANCE xgovernance",
             guidance: "Line one\n- bullet governance\n\nİGOVERNANCE ẞgov",
             levels: {1: ["a", "governance"], 7: ["ÉTÉ governance rollback"]},
             notes: ["note governance", "K gov"]),
            (code: "G", name: "G", description: "g", levels: {2: ["g g g"]}),
        ])"#;
        catalog.add(
            "tricky",
            crate::data::sources::parse_framework("t", tricky).unwrap(),
        );
        let index = SearchIndex::new(&catalog);
        let queries = [
            "g",
            "go",
            "gov",
            "governance",
            "GOVERNANCE",
            "release security",
            "gov sec",
            "dvsc",
            "relm",
            "ab",
            "e",
            "z",
            "x9",
            "management",
            "ment",
            "and",
            "a b c",
            "planning gov",
            "rollback",
            "deploy rollback",
            "strategy",
            "sad",
            "secur",
            "data",
            "é",
            "日本",
            "engineering practice",
            "people",
            "skills",
            "qq",
            "governanceg",
            "été",
            "étégov",
            "istanbul",
            "ẞ",
            "日本語",
            "本語gov",
            "kelvin",
            "k",
            "éte1",
            "g rollback",
        ];
        for text in queries {
            let query = Query::parse(text);
            assert_eq!(
                index.search(&query),
                reference_search(&catalog, &query),
                "{text}"
            );
        }
        for code in catalog
            .entries
            .iter()
            .take(20)
            .map(|e| e.skill.code.to_string())
        {
            let query = Query::parse(&code);
            assert_eq!(
                index.search(&query),
                reference_search(&catalog, &query),
                "{code}"
            );
        }
    }

    /// Folding by its definition, a character at a time: lower case where that keeps the
    /// character's byte length, else the character itself.
    fn fold_chars(text: &str) -> String {
        text.chars()
            .map(|c| {
                let mut lower = c.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                    _ => c,
                }
            })
            .collect()
    }

    #[test]
    fn folding_matches_the_char_by_char_definition() {
        for text in [
            "Plain ASCII Text",
            "Mixed – ÄÖÜ straße İstanbul K ok",
            "日本語 ÉTÉ Abc",
            "",
        ] {
            assert_eq!(fold(text), fold_chars(text), "{text}");
        }
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
