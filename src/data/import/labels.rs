//! What the headings of a levels table mean, and what a level cell says: the labels of rows or
//! columns ("Guiding phrase", `level_essence`, `autonomy_heading`, "Influence"), and cells such
//! as "3", "Level 3", "4 - Enable" or `Level 4 - Enable`.

use super::cells::clean_line;
use super::header::{GUIDANCE_HEADERS, URL_HEADERS};
use crate::data::model::Level;

pub const LEVEL_LABELS: &[&str] = &[
    "level",
    "level number",
    "levels",
    "#",
    "responsibility level",
    "level of responsibility",
    "levels of responsibility",
];
pub const NAME_LABELS: &[&str] = &[
    "level name",
    "name",
    "guiding phrase",
    "guiding phrases",
    "guiding word",
    "guiding words",
    "title",
    "level title",
    "level guiding phrase",
];
pub const ESSENCE_LABELS: &[&str] = &[
    "essence",
    "essence of the level",
    "essence of level",
    "level essence",
    "description",
    "level description",
];
/// Headings that are neither the level's fields nor an attribute.
const IGNORED_LABELS: &[&str] = &["code", "level code", "id", "type", "kind"];

/// What a row (or column) of a levels table holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// The level numbers.
    Level,
    /// The level names (guiding phrases).
    Name,
    Essence,
    Guidance,
    /// Nothing read: no heading, a web address, a code, a level number.
    Ignored,
    /// `<key>_heading`: the name of the attribute whose texts are under `<key>_description`.
    Heading(String),
    /// `<key>_description`: an attribute's text at each level.
    Texts(String),
    /// Any other heading: an attribute of that name, its text at each level.
    Attribute,
}

/// The meaning of a heading, from its key (see [`header_key`]).
pub fn classify(key: &str) -> Label {
    if LEVEL_LABELS.contains(&key) {
        Label::Level
    } else if NAME_LABELS.contains(&key) {
        Label::Name
    } else if ESSENCE_LABELS.contains(&key) || key.starts_with("essence") {
        Label::Essence
    } else if GUIDANCE_HEADERS.contains(&key) {
        Label::Guidance
    } else if key.is_empty()
        || URL_HEADERS.contains(&key)
        || IGNORED_LABELS.contains(&key)
        || !matches!(level_cell(key), LevelCell::NotALevel)
    {
        Label::Ignored
    } else if let Some(attribute) = key.strip_suffix(" heading") {
        Label::Heading(attribute.trim().to_string())
    } else if let Some(attribute) = key.strip_suffix(" description") {
        Label::Texts(attribute.trim().to_string())
    } else {
        Label::Attribute
    }
}

/// What a level cell says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LevelCell {
    /// A level, and the name after its number ("4 - Enable" → "Enable"; "1 - " → "").
    Level(Level, String),
    /// A level number outside 1–7.
    OutOfRange(u64),
    NotALevel,
}

/// Reads "3", "3.0", "Level 3", `level_3`, "4 - Enable", "Level 4: Enable", "Level 4 Enable",
/// "1 - ". A number must end the cell or be followed by a separator (`-`, `–`, `—`, `:`, `.`,
/// `)`), or by a space after the word "Level": "3D printing" is no level.
pub fn level_cell(text: &str) -> LevelCell {
    let line = clean_line(&text.replace('_', " "));
    let (rest, has_word) = match line.get(..5) {
        Some(word) if word.eq_ignore_ascii_case("level") => (line[5..].trim_start(), true),
        _ => (line.as_str(), false),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return LevelCell::NotALevel;
    }
    let after = &rest[digits..];
    let after = after
        .strip_prefix(".0")
        .filter(|a| a.is_empty())
        .unwrap_or(after);
    let trimmed = after.trim_start();
    let name = if trimmed.is_empty() {
        ""
    } else if let Some(name) = trimmed.strip_prefix(['-', '–', '—', ':', '.', ')']) {
        name.trim()
    } else if has_word && trimmed.len() < after.len() {
        trimmed
    } else {
        return LevelCell::NotALevel;
    };
    let number: u64 = rest[..digits].parse().unwrap_or(u64::MAX);
    match u8::try_from(number).ok().and_then(Level::new) {
        Some(level) => LevelCell::Level(level, name.to_string()),
        None => LevelCell::OutOfRange(number),
    }
}

/// A level's name from a name cell: without a "Level 4 - " prefix; empty when the cell holds
/// nothing else.
pub fn level_name(cell: &str) -> String {
    match level_cell(cell) {
        LevelCell::Level(_, name) => name,
        _ => clean_line(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::super::header::header_key;
    use super::*;

    fn level(n: u8, name: &str) -> LevelCell {
        LevelCell::Level(Level::new(n).unwrap(), name.to_string())
    }

    #[test]
    fn level_cells_give_the_level_and_the_name_after_it() {
        assert_eq!(level_cell("3"), level(3, ""));
        assert_eq!(level_cell("3.0"), level(3, ""));
        assert_eq!(level_cell("Level 3"), level(3, ""));
        assert_eq!(level_cell("level_3"), level(3, ""));
        assert_eq!(level_cell("1 - Follow"), level(1, "Follow"));
        assert_eq!(level_cell("1 - "), level(1, ""));
        assert_eq!(level_cell("Level 4 - Enable"), level(4, "Enable"));
        assert_eq!(level_cell("Level 4: Enable"), level(4, "Enable"));
        assert_eq!(
            level_cell("LEVEL 5 Ensure, advise"),
            level(5, "Ensure, advise")
        );
        assert_eq!(level_cell("6) Initiate"), level(6, "Initiate"));
        assert_eq!(level_cell("9"), LevelCell::OutOfRange(9));
        assert_eq!(level_cell("Level 0 - Nothing"), LevelCell::OutOfRange(0));
        for not_a_level in [
            "",
            "Level",
            "3D printing",
            "Levels 3",
            "Autonomy",
            "30 days",
        ] {
            assert_eq!(
                level_cell(not_a_level),
                LevelCell::NotALevel,
                "{not_a_level}"
            );
        }
    }

    #[test]
    fn names_lose_their_level_prefix() {
        assert_eq!(level_name("Level 4 - Enable"), "Enable");
        assert_eq!(level_name("Level 4 - "), "");
        assert_eq!(level_name(" Assist\u{a0}"), "Assist");
        assert_eq!(
            level_name("Set strategy, inspire, mobilise"),
            "Set strategy, inspire, mobilise"
        );
    }

    #[test]
    fn headings_are_told_by_meaning() {
        let label = |cell: &str| classify(&header_key(cell));
        assert_eq!(label("Level"), Label::Level);
        assert_eq!(label("Guiding phrase"), Label::Name);
        assert_eq!(label("level_title"), Label::Name);
        assert_eq!(label("Essence of the level"), Label::Essence);
        assert_eq!(label("level_essence"), Label::Essence);
        assert_eq!(label("level_guidance"), Label::Guidance);
        assert_eq!(label("Guidance notes"), Label::Guidance);
        assert_eq!(label("URL"), Label::Ignored);
        assert_eq!(label("2"), Label::Ignored);
        assert_eq!(label(""), Label::Ignored);
        assert_eq!(label("autonomy_heading"), Label::Heading("autonomy".into()));
        assert_eq!(
            label("decision_making_description"),
            Label::Texts("decision making".into())
        );
        assert_eq!(label("Business skills"), Label::Attribute);
        assert_eq!(label("Influence"), Label::Attribute);
    }
}
