//! `skillscope levels [LEVEL [LEVEL]]`: the levels of responsibility; one level with every
//! attribute's text at it; or two levels side by side, attribute by attribute.

use std::io::Write;
use std::process::ExitCode;

use super::{text_style, CommandError, CommandResult};
use crate::cli::args::{Format, OutputArgs};
use crate::data::catalog::{newest_edition, newest_with_attributes, Catalog, FrameworkInfo};
use crate::data::model::{describe_levels, Level};
use crate::query::render::levels::compared::{
    level_comparison_json, level_comparison_markdown, printed_level_comparison,
};
use crate::query::render::levels::level::{level_document, level_json, level_markdown};
use crate::query::render::levels::list::{levels_document, levels_json, levels_markdown};
use crate::query::render::levels::{attributes_by_kind, AttributeFilter, LevelSide};

/// What the command line asks for.
#[derive(Debug, Clone, Copy)]
pub struct Wanted<'a> {
    /// None, one or two levels, each 1 to 7 (clap checks the range).
    pub levels: &'a [u8],
    /// Attribute codes from `--attribute`, as typed.
    pub attributes: &'a [String],
    pub framework: Option<&'a str>,
}

pub fn run(
    catalog: &Catalog,
    wanted: Wanted,
    output: &OutputArgs,
    out: &mut dyn Write,
) -> CommandResult {
    let chosen = choose_framework(catalog, wanted.framework)?;
    if let Some(note) = &chosen.note {
        super::note(note);
    }
    let framework = chosen.framework;
    let levels = defined_levels(framework, wanted.levels)?;
    let filter = attribute_filter(framework, wanted.attributes, !levels.is_empty())?;
    match (levels.as_slice(), output.format) {
        ([], Format::Json) => super::write_json(out, &levels_json(framework))?,
        ([], Format::Markdown) => write!(out, "{}", levels_markdown(framework))?,
        ([], Format::Text) => {
            let style = text_style(output);
            write!(
                out,
                "{}",
                style.document(&levels_document(framework, style.width))
            )?;
        }
        ([level], Format::Json) => super::write_json(out, &level_json(framework, *level, &filter))?,
        ([level], Format::Markdown) => {
            write!(out, "{}", level_markdown(framework, *level, &filter))?
        }
        ([level], Format::Text) => {
            let style = text_style(output);
            let document = level_document(framework, *level, &filter, style.width);
            write!(out, "{}", style.document(&document))?;
        }
        ([left, right], format) => {
            let [left, right] = [*left, *right].map(|level| LevelSide::new(framework, level));
            match format {
                Format::Json => {
                    super::write_json(out, &level_comparison_json(left, right, &filter))?;
                }
                Format::Markdown => {
                    write!(out, "{}", level_comparison_markdown(left, right, &filter))?;
                }
                Format::Text => {
                    let style = text_style(output);
                    let marks = style.change_marks();
                    let document =
                        printed_level_comparison(left, right, &filter, style.width, marks);
                    write!(out, "{}", style.document(&document))?;
                }
            }
        }
        (more, _) => {
            // clap takes at most two levels.
            return Err(CommandError::Failed(format!(
                "give at most two levels, not {}",
                more.len()
            )));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The framework whose levels to show, and a note for stderr when another one could have been.
#[derive(Debug)]
struct Chosen<'a> {
    framework: &'a FrameworkInfo,
    note: Option<String>,
}

/// Among the frameworks `wanted` names (every one without it): the newest edition with
/// attributes, else the newest that defines levels (of equal editions the first loaded). Naming
/// the others with attributes in a note tells the user that `--framework` chooses.
fn choose_framework<'a>(
    catalog: &'a Catalog,
    wanted: Option<&str>,
) -> Result<Chosen<'a>, CommandError> {
    let candidates: Vec<&FrameworkInfo> = (catalog.frameworks.iter())
        .filter(|framework| wanted.is_none_or(|w| framework.answers_to(w)))
        .collect();
    if let (Some(wanted), true) = (wanted, candidates.is_empty()) {
        return Err(CommandError::Failed(format!(
            "no framework {wanted:?}; loaded: {}",
            titles(catalog.frameworks.iter())
        )));
    }
    let with_attributes: Vec<&FrameworkInfo> = (candidates.iter().copied())
        .filter(|framework| !framework.attributes.is_empty())
        .collect();
    // The newest edition, as `compare` chooses.
    if let Some(chosen) = newest_with_attributes(with_attributes.iter().copied()) {
        let others: Vec<&FrameworkInfo> = (with_attributes.iter().copied())
            .filter(|framework| !std::ptr::eq(*framework, chosen))
            .collect();
        let note = (!others.is_empty()).then(|| {
            format!(
                "showing the levels of {}; {} also with attributes (choose with --framework)",
                chosen.title(),
                titles(others.into_iter())
            )
        });
        return Ok(Chosen {
            framework: chosen,
            note,
        });
    }
    match newest_edition(
        (candidates.iter().copied()).filter(|f| f.defined_levels().next().is_some()),
    ) {
        Some(framework) => Ok(Chosen {
            framework,
            note: None,
        }),
        None => Err(CommandError::Failed(match wanted {
            Some(_) => format!(
                "{} defines no levels of responsibility (its data has no `levels:`)",
                titles(candidates.into_iter())
            ),
            None => "no framework defines levels of responsibility: import the SFIA \
                     spreadsheet (`skillscope import FILE`) or add `levels:` to a data file"
                .to_string(),
        })),
    }
}

/// The levels asked for, each one the framework defines.
fn defined_levels(framework: &FrameworkInfo, asked: &[u8]) -> Result<Vec<Level>, CommandError> {
    let mut levels = Vec::with_capacity(asked.len());
    for &n in asked {
        let level = Level::new(n)
            .ok_or_else(|| CommandError::Failed(format!("level {n} is outside 1–7")))?;
        if !framework.level_defined[level.index()] {
            return Err(CommandError::Failed(format!(
                "{} does not define level {level}; it defines levels {}",
                framework.title(),
                describe_levels(framework.defined_levels())
            )));
        }
        levels.push(level);
    }
    Ok(levels)
}

/// The filter of `--attribute` codes, each one the framework has.
fn attribute_filter(
    framework: &FrameworkInfo,
    codes: &[String],
    with_a_level: bool,
) -> Result<AttributeFilter, CommandError> {
    if codes.is_empty() {
        return Ok(AttributeFilter::every());
    }
    let fail = |message: String| Err(CommandError::Failed(message));
    if !with_a_level {
        return fail(format!(
            "--attribute needs a level: `skillscope levels 5 --attribute {}`",
            codes[0]
        ));
    }
    if framework.attributes.is_empty() {
        return fail(format!(
            "{} has no attributes: import the SFIA spreadsheet (`skillscope import FILE`)",
            framework.title()
        ));
    }
    if let Some(unknown) = codes
        .iter()
        .find(|code| framework.attribute(code).is_none())
    {
        let every = AttributeFilter::every();
        let known: Vec<&str> = (attributes_by_kind(framework, &every))
            .map(|a| a.code.as_str())
            .collect();
        return fail(format!(
            "no attribute {:?} in {}; its attributes: {}",
            unknown,
            framework.title(),
            known.join(", ")
        ));
    }
    Ok(AttributeFilter::codes(codes.iter().cloned()))
}

/// Frameworks' titles: "SFIA 8, SFIA 9".
fn titles<'a>(frameworks: impl Iterator<Item = &'a FrameworkInfo>) -> String {
    let titles: Vec<String> = frameworks.map(FrameworkInfo::title).collect();
    titles.join(", ")
}
