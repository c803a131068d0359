//! The search as a whole, over the built-in data and generated data: ranking, places, and the
//! reference search that the index's layout and shortcuts must match exactly.

use super::fold::fold_chars;
use super::matching::{Kind, Matcher, Occurrence};
use super::proximity::{proximity, Proximity, MOST_PER_FIELD};
use super::score::{pack, rank, short_kind, BestPlace, EXACT_CODE};
use super::*;
use crate::data::catalog::Catalog;
use crate::data::sources::{load_catalog, SourceSelection};
use fuzzy_matcher::skim::SkimMatcherV2;

fn built_in() -> (Catalog, SearchIndex) {
    let catalog = load_catalog(&SourceSelection {
        built_in: true,
        ..Default::default()
    });
    let index = SearchIndex::new(&catalog);
    (catalog, index)
}

/// A catalog of one data file's `text`, and its index.
fn catalog_of(text: &str) -> (Catalog, SearchIndex) {
    let mut catalog = Catalog::default();
    catalog.add(
        "t",
        crate::data::sources::parse_framework("t", text).unwrap(),
    );
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

/// A small framework whose skills each hold the words of a query one way.
fn ranking_catalog() -> (Catalog, SearchIndex) {
    let text = r#"(framework: "R", skills: [
        (code: "INSD", name: "Insides", category: "Work", description: "d",
         levels: {3: ["Stores prebackups in the pretools cabinet."]}),
        (code: "PREF", name: "Prefixes", category: "Work", description: "d",
         levels: {3: ["Keeps toolsets and backupsets."]}),
        (code: "SPRD", name: "Spread", category: "Work", description: "d",
         levels: {2: ["Sorts tools."], 3: ["Runs backups."]}),
        (code: "FAR", name: "Far apart", category: "Work", description: "d",
         levels: {4: ["Backups of the data are kept apart from the tools."]}),
        (code: "NEAR", name: "Near", category: "Work", description: "d",
         guidance: "Tools backups, as a guide.",
         levels: {5: ["Checks tools and keeps backups."], 6: ["Tools backups at this level."]}),
        (code: "GUID", name: "Guided", category: "Work", description: "d",
         guidance: "Tools backups at this level.", levels: {1: ["Other things."]}),
    ])"#;
    let mut catalog = Catalog::default();
    catalog.add(
        "r",
        crate::data::sources::parse_framework("r", text).unwrap(),
    );
    let index = SearchIndex::new(&catalog);
    (catalog, index)
}

#[test]
fn ranking_prefers_whole_words_one_place_closeness_and_statements() {
    let (catalog, index) = ranking_catalog();
    let hits = index.search(&Query::parse("tools backups"));
    let ranked: Vec<String> = (hits.iter())
        .map(|h| {
            format!(
                "{} {}",
                codes(&catalog, std::slice::from_ref(h))[0],
                h.place.short_label()
            )
        })
        .collect();
    // In a row and in order, at a level, beats the same in guidance; then in one statement
    // closer beats farther; then both words spread over two levels; then starts of words;
    // then insides of words.
    assert_eq!(
        ranked,
        [
            "NEAR L6",
            "GUID guidance",
            "FAR L4",
            "SPRD L2",
            "PREF L3",
            "INSD L3"
        ]
    );
    let quoted = index.search(&Query::parse("\"tools backups\""));
    assert_eq!(codes(&catalog, &quoted), ["NEAR", "GUID"]);
    assert_eq!(quoted[0].place, Place::Level(Level::new(6).unwrap()));
}

#[test]
fn a_level_narrows_and_the_hit_is_taken_there() {
    let (catalog, index) = ranking_catalog();
    let hits = index.search(&Query::parse("tools level:5"));
    assert_eq!(codes(&catalog, &hits), ["NEAR"]);
    assert_eq!(hits[0].place, Place::Level(Level::new(5).unwrap()));
    let detail = index.detail(&catalog, &hits[0], &Query::parse("tools level:5"));
    assert_eq!(detail.snippet, "Checks tools and keeps backups.");
    // Defined at the level, though the words stand elsewhere: the hit is still that level.
    let hits = index.search(&Query::parse("level:1 tools"));
    assert_eq!(codes(&catalog, &hits), ["GUID"]);
    assert_eq!(hits[0].place, Place::Level(Level::new(1).unwrap()));
}

#[test]
fn with_a_level_the_words_at_that_level_rank_first() {
    let text = r#"(framework: "T", skills: [
        (code: "BBBB", name: "Planning", description: "d", guidance: "Risk risk risk.",
         levels: {5: ["Plans the work."]}),
        (code: "AAAA", name: "Managing", description: "d",
         levels: {5: ["Manages risks and issues."]}),
    ])"#;
    let (catalog, index) = catalog_of(text);
    let hits = index.search(&Query::parse("level:5 risk"));
    // BBBB has "risk" as a whole word, but only in its guidance.
    assert_eq!(codes(&catalog, &hits), ["AAAA", "BBBB"]);
    assert_eq!(hits[0].place, Place::Level(Level::new(5).unwrap()));
}

#[test]
fn one_character_is_looked_for_in_codes_names_and_categories_only() {
    let text = r#"(framework: "T", skills: [
        (code: "AA", name: "Quality", description: "d", levels: {3: ["x"]}),
        (code: "BB", name: "Bb", description: "d", levels: {3: ["q is in a statement"]}),
        (code: "CC", name: "Cc", category: "Quiet", description: "d", levels: {3: ["x"]}),
        (code: "Q", name: "Dd", description: "d", levels: {3: ["x"]}),
    ])"#;
    let (catalog, index) = catalog_of(text);
    let hits = index.search(&Query::parse("q"));
    assert_eq!(codes(&catalog, &hits), ["Q", "AA", "CC"]);
    // From two characters on, the statements count again.
    let hits = index.search(&Query::parse("q is"));
    assert_eq!(codes(&catalog, &hits), ["BB"]);
}

#[test]
fn a_category_matched_only_fuzzily_lists_nothing() {
    let (catalog, index) = built_in();
    let hits = index.search(&Query::parse("PROGG"));
    assert!(hits.is_empty(), "{:?}", codes(&catalog, &hits));
}

/// The search written plainly, on its own copy of the text: every place of a skill a string
/// of its own, every term matched everywhere, no early stops and no cached categories. The
/// layout, the shortcuts and the buffers of `SearchIndex` must give exactly its results.
fn reference_search(catalog: &Catalog, query: &Query) -> Vec<Hit> {
    let fuzzy = SkimMatcherV2::default().ignore_case();
    let matchers: Vec<Matcher> = query.terms().iter().map(Matcher::new).collect();
    let mut hits = Vec::new();
    for (entry, e) in catalog.entries.iter().enumerate() {
        let skill = &e.skill;
        let category = [skill.category.as_deref(), skill.subcategory.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" / ");
        let fields: Vec<Field> = Field::all_of(e).collect();
        if query
            .level()
            .is_some_and(|level| !fields.iter().any(|f| f.level() == Some(level)))
        {
            continue;
        }
        let mut places: Vec<(Place, Option<Field>, String)> = vec![
            (Place::Name, None, fold_chars(&skill.name)),
            (Place::Code, None, fold_chars(skill.code.as_str())),
            (Place::Category, None, fold_chars(&category)),
        ];
        places.extend((fields.iter()).map(|&f| (f.place(), Some(f), fold_chars(f.text(e)))));
        let code = fold_chars(skill.code.as_str());
        let mut exact = false;
        let mut quality = 0;
        let mut kinds: Vec<Vec<Kind>> = Vec::new();
        let mut unmatched = Vec::new();
        for matcher in &matchers {
            let is_code = matcher.term.plain_word() == Some(code.as_str());
            exact |= is_code;
            let row: Vec<Kind> = (places.iter())
                .map(|(place, _, text)| match place {
                    _ if is_code => Kind::None,
                    Place::Name | Place::Code => short_kind(&fuzzy, matcher, text),
                    // One character is looked for in codes, names and categories only.
                    _ if query.is_one_character() && *place != Place::Category => Kind::None,
                    _ => (matcher.occurrences(text.as_bytes()))
                        .map(|o| o.kind)
                        .max()
                        .unwrap_or_default(),
                })
                .collect();
            let best = row.iter().copied().max().unwrap_or_default();
            let best = if is_code { Kind::Whole } else { best };
            if best == Kind::None {
                unmatched.push(matcher.term.clone());
            }
            quality += best as u32;
            kinds.push(row);
        }
        if !unmatched.is_empty() {
            continue;
        }
        let competing = |i: usize| match query.level() {
            Some(level) => i >= 3 && places[i].0 == Place::Level(level),
            None => true,
        };
        let best = (0..places.len())
            .filter(|&i| competing(i))
            .map(|i| {
                let text = places[i].2.as_bytes();
                let lists: Vec<Vec<Occurrence>> = (matchers.iter().enumerate())
                    .map(|(t, m)| {
                        (m.occurrences(text))
                            .filter(|o| o.kind == kinds[t][i] && o.kind != Kind::None)
                            .take(MOST_PER_FIELD)
                            .collect()
                    })
                    .collect();
                let slices: Vec<&[Occurrence]> = lists.iter().map(Vec::as_slice).collect();
                let proximity = if matchers.len() == 1 {
                    let start = slices[0].first().map_or(0, |o| o.start);
                    Proximity {
                        start,
                        ..Proximity::default()
                    }
                } else {
                    proximity(text, &slices)
                };
                BestPlace {
                    place: i,
                    sum: kinds.iter().map(|row| row[i] as u32).sum(),
                    proximity,
                    rank: rank(places[i].0),
                }
            })
            .filter(|b| b.sum > 0)
            .reduce(|best, next| if next.key() > best.key() { next } else { best });
        if query.level().is_some() {
            quality = best.as_ref().map_or(0, |b| b.sum);
        }
        let score = pack(exact, quality, best.as_ref());
        let (place, body_match) = match best {
            Some(b) => (
                places[b.place].0,
                places[b.place].1.map(|f| (f, b.proximity.start)),
            ),
            None => match query.level() {
                Some(level) => (Place::Level(level), Some((Field::Statement(level, 0), 0))),
                None => (Place::Code, None),
            },
        };
        hits.push(Hit {
            entry,
            score,
            place,
            body_match,
        });
    }
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
    hits
}

#[test]
fn shortcuts_give_exactly_the_reference_results() {
    let mut catalog = Catalog::default();
    catalog.add("gen", crate::testdata::framework(120, 11));
    catalog.add("planted", crate::testdata::planted_phrases(30, 5));
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
        "\"release and",
        "\"governance rollback\"",
        "\"g g",
        "g g g",
        "level:4 release",
        "level:7 gov",
        "release level:2 security",
        "the release of",
        "\"lantern harbour\" quarterly",
        "lantern harbour quarterly rehearsal",
        "\"tidal",
        "progg",
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
