//! The ranking test set: every phrase of three and four words that stands in the statements of
//! only one skill-level (and in no code, name or category) must rank that skill first, at that
//! level, typed plainly and in quotes. The phrases are computed from whatever data is loaded:
//! the built-in skills, and a generated framework with planted phrases and decoys
//! (`testdata::planted_phrases`).
//!
//! `cargo test --test search_ranking -- --nocapture` prints the hit rates and the misses.

#[path = "support/testdata.rs"]
mod testdata;

use std::collections::{BTreeSet, HashMap};

use skillscope::data::catalog::Catalog;
use skillscope::data::model::Level;
use skillscope::data::sources::{load_catalog, SourceSelection};
use skillscope::query::search::{Place, Query, SearchIndex};

/// Generated skills beside the built-in ones: enough decoys for every planted phrase, few
/// enough for a debug build to search every phrase twice in seconds.
const GENERATED_SKILLS: usize = 40;

/// The built-in data and the generated framework, in one catalog.
fn catalog() -> Catalog {
    let mut catalog = load_catalog(&SourceSelection {
        built_in: true,
        ..Default::default()
    });
    let planted = testdata::planted_phrases(GENERATED_SKILLS, testdata::DEFAULT_SEED);
    catalog.add("planted", planted);
    catalog
}

/// The words of `text` (runs of letters and digits), lower case, each with its byte range.
fn words(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                out.push((text[from..at].to_lowercase(), from..at));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// A phrase of a statement: the words, and the text from its first word to its last as written.
struct Phrase {
    entry: usize,
    level: Level,
    text: String,
}

/// Every phrase of three and four words that stands in the statements of one skill-level only
/// and in no skill's code, name or category, once each.
fn unique_phrases(catalog: &Catalog) -> Vec<Phrase> {
    let mut places: HashMap<String, BTreeSet<(usize, Level)>> = HashMap::new();
    let mut first_text: HashMap<String, (usize, Level, String)> = HashMap::new();
    let mut in_short_fields: BTreeSet<String> = BTreeSet::new();
    for (entry, skill) in catalog
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| (i, &e.skill))
    {
        let short = [skill.code.as_str(), &skill.name]
            .into_iter()
            .chain(skill.category.as_deref())
            .chain(skill.subcategory.as_deref());
        for text in short {
            let words = words(text);
            for size in [3, 4] {
                for window in words.windows(size) {
                    let key: Vec<&str> = window.iter().map(|(w, _)| w.as_str()).collect();
                    in_short_fields.insert(key.join(" "));
                }
            }
        }
        for (&level, statements) in &skill.levels.0 {
            for statement in statements {
                let words = words(statement);
                for size in [3, 4] {
                    for window in words.windows(size) {
                        let key: Vec<&str> = window.iter().map(|(w, _)| w.as_str()).collect();
                        let key = key.join(" ");
                        let span = window[0].1.start..window[size - 1].1.end;
                        places
                            .entry(key.clone())
                            .or_default()
                            .insert((entry, level));
                        first_text
                            .entry(key)
                            .or_insert_with(|| (entry, level, statement[span].to_string()));
                    }
                }
            }
        }
    }
    let mut phrases: Vec<Phrase> = places
        .into_iter()
        .filter(|(key, at)| at.len() == 1 && !in_short_fields.contains(key))
        .map(|(key, _)| {
            let (entry, level, text) = first_text.remove(&key).expect("recorded");
            Phrase { entry, level, text }
        })
        .collect();
    phrases.sort_by(|a, b| (a.entry, a.level, &a.text).cmp(&(b.entry, b.level, &b.text)));
    phrases
}

/// The share of phrases whose search ranks their skill first at their level, and the misses.
struct Rate {
    hits: usize,
    total: usize,
    misses: Vec<String>,
}

impl Rate {
    fn percent(&self) -> f64 {
        100.0 * self.hits as f64 / self.total.max(1) as f64
    }
}

fn measure(
    catalog: &Catalog,
    index: &SearchIndex,
    phrases: &[&Phrase],
    query: impl Fn(&str) -> String,
) -> Rate {
    let mut rate = Rate {
        hits: 0,
        total: phrases.len(),
        misses: Vec::new(),
    };
    for phrase in phrases {
        let typed = query(&phrase.text);
        let hits = index.search(&Query::parse(&typed));
        let first = hits.first();
        if first.is_some_and(|h| h.entry == phrase.entry && h.place == Place::Level(phrase.level)) {
            rate.hits += 1;
            continue;
        }
        let got = first.map_or("nothing".to_string(), |h| {
            let skill = &catalog.entries[h.entry].skill;
            format!("{} {}", skill.code, h.place.label())
        });
        let wanted = &catalog.entries[phrase.entry].skill.code;
        rate.misses.push(format!(
            "{typed}: wanted {wanted} level {}, got {got}",
            phrase.level
        ));
    }
    rate
}

fn report(name: &str, rate: &Rate) {
    println!(
        "{name}: {}/{} ({:.1}%)",
        rate.hits,
        rate.total,
        rate.percent()
    );
    for miss in rate.misses.iter().take(12) {
        println!("  miss: {miss}");
    }
}

#[test]
fn every_unique_phrase_lands_on_its_skill_and_level() {
    let catalog = catalog();
    let index = SearchIndex::new(&catalog);
    let phrases = unique_phrases(&catalog);
    let built_in_skills = catalog
        .entries
        .iter()
        .filter(|e| catalog.framework_of(e).name != "Synthetic")
        .count();
    let (built_in, generated): (Vec<&Phrase>, Vec<&Phrase>) =
        phrases.iter().partition(|p| p.entry < built_in_skills);
    assert!(
        built_in.len() > 100 && generated.len() > 1000,
        "{} built-in and {} generated phrases",
        built_in.len(),
        generated.len()
    );
    let mut rates = Vec::new();
    for (data, set) in [("built-in", &built_in), ("generated", &generated)] {
        for (how, quote) in [("plain", false), ("quoted", true)] {
            let rate = measure(&catalog, &index, set, |text| match quote {
                true => format!("\"{text}\""),
                false => text.to_string(),
            });
            report(&format!("{data}, {how}"), &rate);
            rates.push(rate);
        }
    }
    for rate in &rates {
        assert_eq!(
            rate.hits,
            rate.total,
            "{:?}",
            &rate.misses[..rate.misses.len().min(5)]
        );
    }
}
