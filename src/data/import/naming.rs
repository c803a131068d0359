//! Names an import takes from the spreadsheet's file name: the framework and edition it
//! suggests, the data file name they give, and the attribution written into that file.

use super::cells::clean_line;

/// The framework and edition a file name suggests: `sfia-9_current-standard_en_250129.xlsx` and
/// `SFIA 8 skills.csv` are SFIA 9 and SFIA 8; any other name gives its stem and no edition.
pub fn names_from_file_name(file_name: &str) -> (String, Option<String>) {
    let stem = std::path::Path::new(file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lower = stem.to_lowercase();
    if let Some(rest) = after_sfia_word(&lower) {
        return ("SFIA".to_string(), edition_at_start(rest));
    }
    let name = clean_line(&stem);
    let name = if name.is_empty() {
        "Imported".to_string()
    } else {
        name
    };
    (name, None)
}

/// The text after the first "sfia" that starts a word ("notsfia" is not one).
fn after_sfia_word(lower: &str) -> Option<&str> {
    let mut search_from = 0;
    while let Some(at) = lower[search_from..].find("sfia") {
        let start = search_from + at;
        search_from = start + 4;
        let starts_word = lower[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if starts_word {
            return Some(&lower[start + 4..]);
        }
    }
    None
}

/// An edition number of one or two digits at the start of the text after "sfia": "-9", " 8",
/// "9", "_v10".
fn edition_at_start(rest: &str) -> Option<String> {
    let rest = rest.trim_start_matches([' ', '-', '_', '.']);
    let rest = rest.strip_prefix('v').unwrap_or(rest);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    (1..=2).contains(&digits.len()).then_some(digits)
}

/// The data file name for a framework and edition: "SFIA", "9" → `sfia-9.ron`.
pub fn default_file_name(framework: &str, edition: Option<&str>) -> String {
    let mut slug = String::new();
    for part in std::iter::once(framework).chain(edition) {
        for c in part.chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() {
                slug.push(c);
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        "imported.ron".to_string()
    } else {
        format!("{slug}.ron")
    }
}

/// The `source:` attribution of an imported file.
pub fn attribution(file_name: &str) -> String {
    format!(
        "Imported from {file_name} by skillscope {}; SFIA text © SFIA Foundation",
        env!("CARGO_PKG_VERSION")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_suggest_framework_and_edition() {
        let cases = [
            ("sfia-9_current-standard_en_250129.xlsx", "SFIA", Some("9")),
            ("SFIA 8 skills.csv", "SFIA", Some("8")),
            ("sfia9.xlsx", "SFIA", Some("9")),
            ("my-SFIA_v10.xlsx", "SFIA", Some("10")),
            ("sfia_250129.xlsx", "SFIA", None),
            ("notsfia9.xlsx", "notsfia9", None),
            ("notsfia-sfia 7.csv", "SFIA", Some("7")),
            ("Acme skills.csv", "Acme skills", None),
            ("\u{a0} .csv", "Imported", None),
        ];
        for (file, framework, edition) in cases {
            let (f, e) = names_from_file_name(file);
            assert_eq!((f.as_str(), e.as_deref()), (framework, edition), "{file}");
        }
    }

    #[test]
    fn default_file_names_are_slugs() {
        assert_eq!(default_file_name("SFIA", Some("9")), "sfia-9.ron");
        assert_eq!(default_file_name("Acme skills", None), "acme-skills.ron");
        assert_eq!(default_file_name("../x", Some("1.2")), "x-1-2.ron");
        assert_eq!(default_file_name("//", None), "imported.ron");
    }
}
