//! The catalog laid out for searching: every skill's folded text in a few large buffers, in
//! catalog order, so a search sweeps memory in order instead of chasing thousands of small
//! allocations. How a skill's text is scored is `score`'s business; the index only hands it
//! each skill's text ([`SkillText`]) and sorts the hits.

use std::collections::HashMap;

use super::fold::{fold, fold_into};
use super::score::Scorer;
use super::snippet::{hit_detail, HitDetail};
use super::{Field, Hit, Query};
use crate::data::catalog::{Catalog, Entry};
use crate::data::model::Skill;

/// Ends each field of a body: a byte that UTF-8 text never holds, so no term can match across
/// two fields, and the field of a match is told by the separators before it.
pub(super) const SEPARATOR: u8 = 0xFF;

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
    /// Where each of those fields' separator stands, from the start of its skill's body:
    /// a search steps from field to field without looking for separators.
    field_ends: Vec<u32>,
    /// Each distinct folded "category / subcategory".
    categories: Vec<String>,
}

/// Where one skill's folded text lies in the index's buffers.
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

/// One skill's folded text, borrowed from the index: what scoring reads.
pub(super) struct SkillText<'i> {
    pub code: &'i str,
    pub name: &'i str,
    /// The skill's "category / subcategory", an index into the categories the scorer is given.
    pub category: usize,
    /// Every body field folded, each followed by [`SEPARATOR`]. Byte offsets within a field
    /// equal those of the original text.
    pub body: &'i [u8],
    /// The body's fields, in order.
    pub fields: &'i [Field],
    /// The offset of each field's separator in `body`.
    pub field_ends: &'i [u32],
}

impl SkillText<'_> {
    /// The field a body offset lies in, and the offset where that field starts.
    pub fn field_at(&self, offset: usize) -> (usize, Field) {
        let index = self
            .field_ends
            .partition_point(|&end| (end as usize) < offset);
        let start = index
            .checked_sub(1)
            .map_or(0, |before| self.field_ends[before] as usize + 1);
        (start, self.fields[index])
    }
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
            field_ends: Vec::new(),
            categories: Vec::new(),
        };
        let mut category_ids: HashMap<String, usize> = HashMap::new();
        for entry in entries {
            let category = index.category_id(&entry.skill, &mut category_ids);
            index.push_skill(entry, category);
        }
        index
    }

    /// The index of a skill's folded "category / subcategory" in `categories`, added if new.
    fn category_id(&mut self, skill: &Skill, ids: &mut HashMap<String, usize>) -> usize {
        let category = [skill.category.as_deref(), skill.subcategory.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" / ");
        let category = fold(&category);
        if let Some(&id) = ids.get(&category) {
            return id;
        }
        self.categories.push(category.clone());
        ids.insert(category, self.categories.len() - 1);
        self.categories.len() - 1
    }

    /// Appends a skill's folded code, name and body fields to the buffers.
    fn push_skill(&mut self, entry: &Entry, category: usize) {
        let skill = &entry.skill;
        let short = self.short.len();
        self.short.push_str(&fold(skill.code.as_str()));
        let code_end = self.short.len();
        self.short.push_str(&fold(&skill.name));
        let body = self.body.len();
        let fields = self.fields.len();
        for field in Field::all_of(entry) {
            self.fields.push(field);
            fold_into(&mut self.body, field.text(entry));
            // A skill's body beyond 4 GiB cannot be: data files are capped far below that.
            self.field_ends.push((self.body.len() - body) as u32);
            self.body.push(SEPARATOR);
        }
        self.spans.push(Spans {
            short,
            code_end,
            name_end: self.short.len(),
            body,
            body_end: self.body.len(),
            fields,
            fields_end: self.fields.len(),
            category,
        });
    }

    fn skill(&self, entry: usize) -> SkillText<'_> {
        let spans = &self.spans[entry];
        SkillText {
            code: &self.short[spans.short..spans.code_end],
            name: &self.short[spans.code_end..spans.name_end],
            category: spans.category,
            body: &self.body[spans.body..spans.body_end],
            fields: &self.fields[spans.fields..spans.fields_end],
            field_ends: &self.field_ends[spans.fields..spans.fields_end],
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
        let mut scorer = Scorer::new(query, &self.categories);
        entries
            .iter()
            .filter_map(|&entry| scorer.hit(entry, &self.skill(entry)))
            .collect()
    }

    /// The snippet and highlights of a hit: computed only for the hits that are shown.
    pub fn detail(&self, catalog: &Catalog, hit: &Hit, query: &Query) -> HitDetail {
        hit_detail(&catalog.entries[hit.entry], hit, query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_skill(text: &str) -> Catalog {
        let mut catalog = Catalog::default();
        let framework = crate::data::sources::parse_framework("t", text).unwrap();
        catalog.add("t", framework);
        catalog
    }

    #[test]
    fn each_body_offset_is_told_its_field_and_where_that_field_starts() {
        let catalog = one_skill(
            r#"(framework: "T", skills: [(code: "AB", name: "Ab", description: "Dé",
                guidance: "G", levels: {2: ["s1", "s2"], 5: ["s3"]}, notes: ["n"])])"#,
        );
        let index = SearchIndex::new(&catalog);
        let skill = index.skill(0);
        assert_eq!((skill.code, skill.name), ("ab", "ab"));
        let not_text = std::str::from_utf8(skill.body).unwrap_err();
        assert_eq!(not_text.valid_up_to(), 2, "a separator is not UTF-8");
        let starts: Vec<(usize, Field)> = [0, 3, 6, 9, 13, 15]
            .into_iter()
            .map(|offset| skill.field_at(offset))
            .collect();
        let level = |n| crate::data::model::Level::new(n).unwrap();
        assert_eq!(
            starts,
            [
                (0, Field::Statement(level(2), 0)),
                (3, Field::Statement(level(2), 1)),
                (6, Field::Statement(level(5), 0)),
                (9, Field::Description),
                (13, Field::Guidance),
                (15, Field::Note(0)),
            ]
        );
        assert_eq!(&skill.body[9..12], "dé".as_bytes(), "folded in place");
    }

    #[test]
    fn skills_of_one_category_share_it() {
        let catalog = one_skill(
            r#"(framework: "T", skills: [
                (code: "A", name: "A", category: "Cat", subcategory: "Sub", description: "d", levels: {1: ["s"]}),
                (code: "B", name: "B", category: "CAT", subcategory: "sub", description: "d", levels: {1: ["s"]}),
                (code: "C", name: "C", category: "Cat", description: "d", levels: {1: ["s"]}),
            ])"#,
        );
        let index = SearchIndex::new(&catalog);
        assert_eq!(index.categories, ["cat / sub", "cat"]);
        let ids: Vec<usize> = (0..3).map(|entry| index.skill(entry).category).collect();
        assert_eq!(ids, [0, 0, 1]);
    }
}
