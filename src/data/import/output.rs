//! The data file an import writes: the framework as RON text.

use super::ImportError;
use crate::data::model::Framework;
use crate::data::sources::{parse_framework, write_framework, LoadError, MAX_FILE_BYTES};

/// The framework as RON text that [`parse_framework`] reads back to an equal framework, and no
/// larger than a data file may be (both checked here, so a file that would not load is never
/// written).
pub fn to_ron(framework: &Framework) -> Result<String, ImportError> {
    to_ron_within(framework, MAX_FILE_BYTES)
}

fn to_ron_within(framework: &Framework, max_bytes: u64) -> Result<String, ImportError> {
    let text = write_framework(framework).map_err(|e| ImportError::Serialize(e.to_string()))?;
    let bytes = text.len() as u64 + 1;
    if bytes > max_bytes {
        return Err(ImportError::TooLarge { bytes, max_bytes });
    }
    let reread = parse_framework("<imported>", &text)
        .map_err(|e: LoadError| ImportError::Serialize(e.to_string()))?;
    if reread != *framework {
        return Err(ImportError::Serialize(
            "the re-read framework differs from the imported one".to_string(),
        ));
    }
    Ok(text + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::{Code, Level, LevelName, LevelStatements, Skill, Status};

    fn skill(code: &str, name: &str, category: Option<&str>, description: &str) -> Skill {
        let statements = [(Level::new(2).unwrap(), vec!["Two.".to_string()])];
        Skill {
            code: Code::new(code).unwrap(),
            name: name.into(),
            category: category.map(str::to_string),
            subcategory: None,
            status: Status::Published,
            url: None,
            description: description.into(),
            guidance: None,
            levels: LevelStatements(statements.into_iter().collect()),
            rationale: Vec::new(),
            notes: Vec::new(),
        }
    }

    #[test]
    fn imports_round_trip_through_ron_with_plain_options() {
        let framework = Framework {
            framework: "SFIA".into(),
            edition: Some("9".into()),
            source: Some(super::super::attribution("x.xlsx")),
            levels: Level::all().map(LevelName::standard).collect(),
            attributes: Vec::new(),
            skills: vec![
                skill("ABCD", "Quotes \"and\" \\ back", Some("Cat"), "Línea\nnext"),
                skill("EFGH", "No category", None, "D"),
            ],
        };
        let text = to_ron(&framework).unwrap();
        assert!(!text.contains("Some("), "{text}");
        assert!(text.contains("category: \"Cat\""), "{text}");
        assert!(text.contains("Línea"), "non-ASCII stays readable: {text}");
        assert!(text.ends_with(")\n"), "{text}");
        let reread = parse_framework("t.ron", &text).unwrap();
        assert_eq!(reread, framework);
        assert_eq!(reread.skills[1].category, None);
    }

    /// A framework of these skills and nothing else.
    fn bare(skills: Vec<Skill>) -> Framework {
        Framework {
            framework: "SFIA".into(),
            edition: None,
            source: None,
            levels: Vec::new(),
            attributes: Vec::new(),
            skills,
        }
    }

    #[test]
    fn a_framework_larger_than_a_data_file_may_be_is_refused() {
        let framework = bare(vec![skill("ABCD", "One", None, &"word ".repeat(400))]);
        let fits = to_ron(&framework).unwrap().len() as u64;
        assert_eq!(to_ron_within(&framework, fits).unwrap().len() as u64, fits);
        let error = to_ron_within(&framework, fits - 1).unwrap_err();
        assert_eq!(
            error,
            ImportError::TooLarge {
                bytes: fits,
                max_bytes: fits - 1
            }
        );
        assert_eq!(
            ImportError::TooLarge {
                bytes: 100 * 1024 * 1024,
                max_bytes: MAX_FILE_BYTES
            }
            .to_string(),
            "the data file would be 100 MiB, and skillscope loads data files of at most 64 MiB"
        );
    }

    #[test]
    fn a_framework_that_would_not_load_is_refused() {
        let framework = bare(vec![
            skill("ABCD", "One", None, "D"),
            skill("ABCD", "Two", None, "D"),
        ]);
        let error = to_ron(&framework).unwrap_err();
        assert!(matches!(error, ImportError::Serialize(_)), "{error}");
    }
}
