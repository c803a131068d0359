//! The synthetic data generator behind the benchmarks and the big-data tests.

#[path = "support/testdata.rs"]
mod testdata;

use skillscope::data::sources::parse_framework;
use testdata::*;

#[test]
fn generated_data_loads_and_is_deterministic() {
    let text = framework_ron(150, DEFAULT_SEED);
    assert_eq!(text, framework_ron(150, DEFAULT_SEED));
    assert_ne!(text, framework_ron(150, DEFAULT_SEED + 1));
    let framework = parse_framework("gen.ron", &text).unwrap();
    assert_eq!(framework, testdata::framework(150, DEFAULT_SEED));
    assert_eq!(framework.skills.len(), 150);
}

#[test]
fn generated_skills_look_like_the_brief() {
    let framework = framework(600, 7);
    let mut categories = std::collections::BTreeSet::new();
    let mut text_bytes = 0;
    for skill in &framework.skills {
        let levels = skill.levels.0.len();
        assert!((2..=6).contains(&levels), "{levels}");
        assert!(skill.levels.0.values().all(|s| (2..=6).contains(&s.len())));
        assert!(skill.guidance.as_deref().unwrap().contains("\n- "));
        categories.insert((skill.category.clone(), skill.subcategory.clone()));
        text_bytes += record_line(skill).len();
    }
    let every_placement: std::collections::BTreeSet<_> = (CATEGORIES.iter())
        .flat_map(|(category, subcategories)| {
            (subcategories.iter()).map(|sub| (Some(category.to_string()), Some(sub.to_string())))
        })
        .collect();
    assert_eq!(
        categories, every_placement,
        "600 skills use every placement"
    );
    let per_skill = text_bytes / framework.skills.len();
    assert!((2_500..=3_500).contains(&per_skill), "{per_skill} bytes");
    let records = records(&framework);
    assert_eq!(records.lines().count(), 600);
    for word in ["governance", "release", "deployment", "security"] {
        let hits = records.lines().filter(|l| l.contains(word)).count();
        assert!(hits > 30 && hits < 600, "{word}: {hits}");
    }
}

#[test]
fn codes_never_repeat() {
    let codes: std::collections::HashSet<String> =
        (0..30_000).map(|i| code_for(i).to_string()).collect();
    assert_eq!(codes.len(), 30_000);
    assert_eq!(code_for(26usize.pow(4) + 3).as_str().len(), 5);
}
