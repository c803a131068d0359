//! The codes nearest to one that names no skill, for "did you mean PROG?": by edit distance
//! (a letter added, dropped, changed, or two neighbours swapped), ignoring case.

use crate::data::catalog::Catalog;

/// The most codes suggested.
const MOST: usize = 3;

/// The codes of `catalog` (in frameworks matching `framework`, when given) within a small
/// edit distance of `code`: at most 1 for codes of up to four characters (RELN is not near
/// SLEN), else 2. Nearest first, then in catalog order; each code once, as the catalog writes
/// it; none when `code` itself names a skill.
pub fn nearest_codes<'c>(
    catalog: &'c Catalog,
    code: &str,
    framework: Option<&str>,
) -> Vec<&'c str> {
    let wanted: Vec<char> = code.chars().flat_map(char::to_uppercase).collect();
    let allowed = if wanted.len() <= 4 { 1 } else { 2 };
    let mut found: Vec<(usize, &str)> = Vec::new();
    for entry in &catalog.entries {
        if framework.is_some_and(|f| !catalog.framework_matches(entry, f)) {
            continue;
        }
        let candidate = entry.skill.code.as_str();
        if found.iter().any(|(_, c)| c.eq_ignore_ascii_case(candidate)) {
            continue;
        }
        let chars: Vec<char> = candidate.chars().flat_map(char::to_uppercase).collect();
        let distance = edit_distance(&wanted, &chars);
        if distance == 0 {
            return Vec::new();
        }
        if distance <= allowed {
            found.push((distance, candidate));
        }
    }
    found.sort_by_key(|(distance, _)| *distance);
    found.into_iter().take(MOST).map(|(_, c)| c).collect()
}

/// Edits between `a` and `b`: insertions, deletions, substitutions and swaps of neighbours
/// (optimal string alignment).
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut rows = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in rows.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = best;
        }
    }
    rows[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sources::parse_framework;

    fn catalog() -> Catalog {
        let text = r#"(framework: "T", skills: [
            (code: "PROG", name: "P", description: "d", levels: {1: ["s"]}),
            (code: "PRMG", name: "P", description: "d", levels: {1: ["s"]}),
            (code: "RELM", name: "R", description: "d", levels: {1: ["s"]}),
            (code: "SLEN", name: "S", description: "d", levels: {1: ["s"]}),
        ])"#;
        let mut catalog = Catalog::default();
        catalog.add("t", parse_framework("t", text).unwrap());
        let other = r#"(framework: "Other", skills: [
            (code: "PROGX", name: "P", description: "d", levels: {1: ["s"]}),
        ])"#;
        catalog.add("o", parse_framework("o", other).unwrap());
        catalog
    }

    #[test]
    fn the_nearest_codes_come_first_and_far_ones_not_at_all() {
        let catalog = catalog();
        assert_eq!(
            nearest_codes(&catalog, "PROGG", None),
            ["PROG", "PROGX", "PRMG"]
        );
        assert_eq!(
            nearest_codes(&catalog, "progg", Some("T")),
            ["PROG", "PRMG"]
        );
        assert_eq!(
            nearest_codes(&catalog, "SLNE", None),
            ["SLEN"],
            "a swap is one edit"
        );
        assert_eq!(nearest_codes(&catalog, "RELM", None), Vec::<&str>::new());
        assert_eq!(nearest_codes(&catalog, "XYZW", None), Vec::<&str>::new());
        assert_eq!(
            nearest_codes(&catalog, "RE", None),
            Vec::<&str>::new(),
            "two edits"
        );
    }
}
