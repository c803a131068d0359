//! The search as a whole, over the built-in data and generated data: ranking, places, and the
//! reference search that the index's layout and shortcuts must match exactly.

use super::fold::fold_chars;
use super::score::{BODY, CATEGORY, CLOSE_FUZZY_PER_CHAR, CODE, EXACT_CODE, NAME};
use super::*;
use crate::data::catalog::Catalog;
use crate::data::sources::{load_catalog, SourceSelection};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

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
            let fields = Field::all_of(entry)
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
            for term in query.terms() {
                let short = short(skill, term);
                let body = skill.body.find(term.as_str());
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
    for file in crate::data::sources::BUILT_IN_FILES {
        catalog.add(
            file.name,
            crate::data::sources::parse_framework(file.name, file.text).unwrap(),
        );
    }
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

#[test]
fn searching_among_previous_hits_gives_the_same_result() {
    let (_, index) = built_in();
    let previous = index.search(&Query::parse("re"));
    let query = Query::parse("release");
    let narrowed = index.search_among(&query, previous.iter().map(|h| h.entry));
    assert_eq!(narrowed, index.search(&query));
}
