//! `skillscope profile list|set|unset|delete|show` and `skillscope gap FROM [TO]`: profiles in
//! the user data folder, and what one lacks for another.

use std::io::Write;
use std::process::ExitCode;

use serde_json::json;

use super::{text_style, CommandError, CommandResult};
use crate::cli::args::{Format, OutputArgs, ProfileAction, ProfileFormat, SourceArgs};
use crate::data::catalog::{Catalog, Choice, Entry};
use crate::data::model::Level;
use crate::data::paths::UserPaths;
use crate::data::profile::{Profile, ProfileName, ProfileSkill, ProfileStore};
use crate::data::sanitize::{escaped_path, printable, Lines};
use crate::query::gap::{gap, levels_of, targets_of};
use crate::query::render::gap::{gap_document, gap_json, gap_markdown, GapTitle};
use crate::query::render::profile::{
    level_and_target, profile_document, profile_json, profile_markdown,
};

/// The profiles folder, or why there is none.
fn store(user: Option<&UserPaths>) -> Result<ProfileStore, CommandError> {
    user.map(ProfileStore::for_user).ok_or_else(|| {
        CommandError::Failed(
            "no user data folder for profiles: no home folder was found (HOME must be an \
             absolute path)"
                .into(),
        )
    })
}

/// The profile `name`, an error when it has no file or cannot be read (a broken file is never
/// written over).
fn existing(store: &ProfileStore, name: &ProfileName) -> Result<Profile, CommandError> {
    match store.load(name) {
        Ok(Some(profile)) => Ok(profile),
        Ok(None) => Err(CommandError::Failed(format!(
            "no profile named {:?} (see `skillscope profile list`)",
            name.as_str()
        ))),
        Err(error) => Err(CommandError::Failed(format!("{error}"))),
    }
}

pub fn run(
    action: &ProfileAction,
    sources: &SourceArgs,
    user: Option<&UserPaths>,
    out: &mut dyn Write,
) -> CommandResult {
    let store = store(user)?;
    match action {
        ProfileAction::List { output } => list(&store, output, out),
        ProfileAction::Set {
            name,
            code,
            level,
            target,
            note,
            framework,
        } => {
            let catalog = super::load_reporting_errors(sources, user, Format::Json);
            let wanted = Wanted {
                code,
                level: *level,
                target: *target,
                note: note.as_deref(),
                framework: framework.as_deref(),
            };
            set(&store, catalog, name, wanted, out)
        }
        ProfileAction::Unset {
            name,
            code,
            framework,
        } => unset(&store, name, code, framework.as_deref(), out),
        ProfileAction::Delete { name } => {
            if !store.delete(name)? {
                existing(&store, name)?;
            }
            writeln!(out, "Deleted profile {name}.")?;
            Ok(ExitCode::SUCCESS)
        }
        ProfileAction::Show {
            name,
            format,
            width,
        } => {
            let as_written = *format == ProfileFormat::Json;
            let catalog = super::load_reporting_errors(
                sources,
                user,
                if as_written {
                    Format::Json
                } else {
                    Format::Text
                },
            );
            let mut profile = existing(&store, name)?;
            warn_of_undefined_levels(&store, name, &profile, catalog);
            if !as_written {
                profile.make_printable();
            }
            show(catalog, name, &profile, *format, *width, out)
        }
    }
}

fn list(store: &ProfileStore, output: &OutputArgs, out: &mut dyn Write) -> CommandResult {
    let mut found = Vec::new();
    for listed in store.list() {
        match listed {
            Ok((name, Ok(profile))) => found.push((name, profile.skills.len())),
            Ok((name, Err(error))) => {
                super::note(&format!("warning: profile {name}: {error} (skipped)"))
            }
            Err(error) => super::note(&format!("warning: {error} (skipped)")),
        }
    }
    let skills = |n: usize| if n == 1 { "skill" } else { "skills" };
    match output.format {
        Format::Json => {
            let profiles: Vec<_> = (found.iter())
                .map(|(name, n)| json!({ "name": name, "skills": n }))
                .collect();
            super::write_json(out, &json!({ "profiles": profiles }))?;
        }
        Format::Markdown => {
            for (name, n) in &found {
                let name = crate::query::render::markdown_escape(name.as_str());
                writeln!(out, "- {name}: {n} {}", skills(*n))?;
            }
        }
        Format::Text if found.is_empty() => writeln!(
            out,
            "No profiles yet in {}: `skillscope profile set NAME CODE LEVEL` makes one.",
            escaped_path(store.dir())
        )?,
        Format::Text => {
            for (name, n) in &found {
                writeln!(out, "{name}  {n} {}", skills(*n))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Says on stderr which entries of a (hand-edited) profile are at a level their skill does not
/// define; they are kept as they are.
fn warn_of_undefined_levels(
    store: &ProfileStore,
    name: &ProfileName,
    profile: &Profile,
    catalog: &Catalog,
) {
    for error in store.undefined_levels(name, profile, catalog) {
        super::note(&format!("warning: {error}"));
    }
}

/// What `profile set` asks for.
struct Wanted<'a> {
    code: &'a str,
    level: Level,
    target: Option<Level>,
    note: Option<&'a str>,
    framework: Option<&'a str>,
}

/// The one skill `code` names, as the other commands choose it.
fn chosen_skill<'a>(
    catalog: &'a Catalog,
    code: &str,
    framework: Option<&str>,
) -> Result<&'a Entry, CommandError> {
    match catalog.choose(code, framework) {
        Choice::Missing => Err(super::no_such_skill(catalog, code, framework)),
        Choice::One(entry) => Ok(&catalog.entries[entry]),
        Choice::Newest { entry, others } => {
            let chosen = &catalog.entries[entry];
            let others: Vec<String> = (others.iter())
                .map(|&i| catalog.framework_of(&catalog.entries[i]).title())
                .collect();
            super::note(&format!(
                "{} is also in {}; using {} (choose with --framework)",
                chosen.skill.code,
                others.join(", "),
                catalog.framework_of(chosen).title()
            ));
            Ok(chosen)
        }
        Choice::Several(several) => {
            let titles: Vec<String> = (several.iter())
                .map(|&i| catalog.framework_of(&catalog.entries[i]).title())
                .collect();
            Err(CommandError::Failed(format!(
                "{} is in several frameworks ({}); choose one with --framework",
                catalog.entries[several[0]].skill.code,
                titles.join(", ")
            )))
        }
    }
}

/// A level the skill defines, or an error naming the levels it does.
fn defined(entry: &Entry, level: Level) -> Result<Level, CommandError> {
    if entry.skill.is_defined_at(level) {
        return Ok(level);
    }
    Err(CommandError::Failed(format!(
        "{} is not defined at level {level}; it is defined at levels {}",
        entry.skill.code,
        entry.skill.level_range_text()
    )))
}

fn set(
    store: &ProfileStore,
    catalog: &Catalog,
    name: &ProfileName,
    wanted: Wanted,
    out: &mut dyn Write,
) -> CommandResult {
    let entry = chosen_skill(catalog, wanted.code, wanted.framework)?;
    let level = defined(entry, wanted.level)?;
    let target = wanted.target.map(|t| defined(entry, t)).transpose()?;
    let mut profile = store
        .load(name)
        .map_err(|e| CommandError::Failed(format!("{e} (the profile is left as it is)")))?
        .unwrap_or_default();
    let mut skill = ProfileSkill::for_entry(catalog, entry, level);
    if let Some(old) = profile.position(&skill).map(|i| &profile.skills[i]) {
        skill.target = old.target;
        skill.note = old.note.clone();
    }
    skill.target = target.or(skill.target);
    if let Some(note) = wanted.note {
        skill.note = (!note.trim().is_empty()).then(|| note.to_string());
    }
    let said = format!(
        "{name}: {} ({}) at level {}",
        skill.code,
        skill.framework_title(),
        level_and_target(&skill)
    );
    profile.set(skill);
    store.save(name, &profile)?;
    writeln!(out, "{}", printable(&said, Lines::Single))?;
    Ok(ExitCode::SUCCESS)
}

fn unset(
    store: &ProfileStore,
    name: &ProfileName,
    code: &str,
    framework: Option<&str>,
    out: &mut dyn Write,
) -> CommandResult {
    let mut profile = existing(store, name)?;
    let removed = profile.remove(code, framework);
    if removed.is_empty() {
        let elsewhere: Vec<String> = (profile.skills.iter())
            .filter(|s| s.code.as_str().eq_ignore_ascii_case(code))
            .map(ProfileSkill::framework_title)
            .collect();
        let message = match framework {
            Some(framework) if !elsewhere.is_empty() => format!(
                "profile {name} has no skill {code:?} in framework {framework:?}; it has it in \
                 {} (name that with --framework, or leave --framework out)",
                elsewhere.join(", ")
            ),
            _ => format!("profile {name} has no skill {code:?}"),
        };
        return Err(CommandError::Failed(message));
    }
    store.save(name, &profile)?;
    for skill in removed {
        let said = format!(
            "{name}: removed {} ({})",
            skill.code,
            skill.framework_title()
        );
        writeln!(out, "{}", printable(&said, Lines::Single))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn show(
    catalog: &Catalog,
    name: &ProfileName,
    profile: &Profile,
    format: ProfileFormat,
    width: Option<u16>,
    out: &mut dyn Write,
) -> CommandResult {
    match format {
        ProfileFormat::Json => {
            super::write_json(out, &profile_json(catalog, name.as_str(), profile))?
        }
        ProfileFormat::Markdown => {
            write!(out, "{}", profile_markdown(catalog, name.as_str(), profile))?
        }
        ProfileFormat::Csv => write_csv(catalog, profile, out)?,
        ProfileFormat::Text => {
            let style = text_style(&OutputArgs {
                format: Format::Text,
                width,
            });
            let document = profile_document(catalog, name.as_str(), profile, style.width);
            style.write_document(out, &document)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A header, then a row per skill: framework, edition, code, name, level, target, note.
fn write_csv(
    catalog: &Catalog,
    profile: &Profile,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    let failed = |e: csv::Error| CommandError::Failed(e.to_string());
    let mut writer = csv::Writer::from_writer(out);
    let header = [
        "framework",
        "edition",
        "code",
        "name",
        "level",
        "target",
        "note",
    ];
    writer.write_record(header).map_err(failed)?;
    for skill in &profile.skills {
        let name = (skill.entry_in(catalog)).map(|i| catalog.entries[i].skill.name.clone());
        writer
            .write_record([
                skill.framework.clone(),
                skill.edition.clone().unwrap_or_default(),
                skill.code.to_string(),
                name.unwrap_or_default(),
                skill.level.to_string(),
                skill.target.map(|t| t.to_string()).unwrap_or_default(),
                inert_in_spreadsheets(skill.note.as_deref().unwrap_or_default()),
            ])
            .map_err(failed)?;
    }
    writer.flush()?;
    Ok(())
}

/// `text` as a CSV cell a spreadsheet will not run as a formula: a cell starting with `=`, `+`,
/// `-` or `@` gets a `'` in front.
fn inert_in_spreadsheets(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// `skillscope gap FROM [TO]`.
pub fn run_gap(
    sources: &SourceArgs,
    user: Option<&UserPaths>,
    from: &ProfileName,
    to: Option<&ProfileName>,
    output: &OutputArgs,
    out: &mut dyn Write,
) -> CommandResult {
    let store = store(user)?;
    let catalog = super::load_reporting_errors(sources, user, output.format);
    let printable_profile = |mut profile: Profile| {
        if output.format != Format::Json {
            profile.make_printable();
        }
        profile
    };
    let mine = printable_profile(existing(&store, from)?);
    warn_of_undefined_levels(&store, from, &mine, catalog);
    let theirs = to
        .map(|to| existing(&store, to).map(printable_profile))
        .transpose()?;
    if let Some((to, theirs)) = to.zip(theirs.as_ref()) {
        warn_of_undefined_levels(&store, to, theirs, catalog);
    }
    let required = match &theirs {
        Some(theirs) => levels_of(theirs),
        None => targets_of(&mine),
    };
    let items = gap(catalog, &mine, required);
    let title = GapTitle {
        from: from.as_str(),
        to: to.map(ProfileName::as_str),
    };
    match output.format {
        Format::Json => super::write_json(out, &gap_json(catalog, title, &items))?,
        Format::Markdown => write!(out, "{}", gap_markdown(catalog, title, &items))?,
        Format::Text => {
            let style = text_style(output);
            let document = gap_document(catalog, title, &items, style.width, style.change_marks());
            style.write_document(out, &document)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
