//! The skills data model: what a data file holds, as serde types.
//!
//! Validation that concerns a single value (a code's characters, a level number, an empty
//! statement, a skill without levels) happens while deserializing, so the RON parser can report
//! the exact `line:column`. Checks across values (duplicate codes) live in [`crate::data::sources`].

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// One data file: a framework (or an edition of one) and its skills.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    pub framework: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<LevelName>,
    /// The generic attributes that define the levels across all skills (autonomy, influence, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute>,
    pub skills: Vec<Skill>,
}

impl Framework {
    /// The index of the first skill whose code an earlier skill already has: codes must be
    /// unique in a file.
    pub fn duplicate_code(&self) -> Option<usize> {
        first_repeat(self.skills.iter().map(|skill| &skill.code))
    }

    /// The index of the first attribute whose code an earlier attribute already has.
    pub fn duplicate_attribute_code(&self) -> Option<usize> {
        first_repeat(self.attributes.iter().map(|attribute| &attribute.code))
    }

    /// The index of the first level definition whose level an earlier one already defines.
    pub fn duplicate_level(&self) -> Option<usize> {
        first_repeat(self.levels.iter().map(|level| &level.level))
    }
}

fn first_repeat<T: Eq + std::hash::Hash>(items: impl Iterator<Item = T>) -> Option<usize> {
    let mut items = items;
    let mut seen = std::collections::HashSet::new();
    items.position(|item| !seen.insert(item))
}

/// One level of responsibility: its name (SFIA's guiding phrase), and optionally its essence and
/// guidance notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelName {
    pub level: Level,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub essence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
}

impl LevelName {
    /// The level with SFIA's standard name and no essence.
    pub fn standard(level: Level) -> LevelName {
        LevelName {
            level,
            name: level.standard_name().to_string(),
            essence: None,
            guidance: None,
        }
    }
}

/// A generic attribute of the levels of responsibility (SFIA's autonomy, influence, complexity,
/// knowledge) or a business skill / behavioural factor (communication, leadership, …): what it
/// means at each level, across all skills.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attribute {
    pub code: Code,
    pub name: String,
    #[serde(default)]
    pub kind: AttributeKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Its text at each level it describes, a statement a line as for skills.
    #[serde(default, skip_serializing_if = "AttributeLevels::is_empty")]
    pub levels: AttributeLevels,
}

impl Attribute {
    pub fn statements(&self, level: Level) -> Option<&[Statement]> {
        self.levels.0.get(&level).map(Vec::as_slice)
    }
}

/// SFIA 9's codes for the attributes that SFIA 8 names without a code.
const SFIA_9_ATTRIBUTE_CODES: [(&str, &str); 4] = [
    ("autonomy", "AUTO"),
    ("influence", "INFL"),
    ("complexity", "COMP"),
    ("knowledge", "KNGE"),
];

/// The code for an attribute its source names without one: SFIA 9's code where SFIA 9 uses the
/// same name (Autonomy AUTO, Influence INFL, Complexity COMP, Knowledge KNGE), otherwise the
/// first four ASCII letters and digits of the name, upper-cased ("Business skills" → BUSI).
/// `None` for a name without any.
pub fn attribute_code_for_name(name: &str) -> Option<Code> {
    let key = name.trim().to_lowercase();
    if let Some((_, code)) = SFIA_9_ATTRIBUTE_CODES.iter().find(|(n, _)| *n == key) {
        return Code::new(code).ok();
    }
    let derived: String = (name.chars())
        .filter(char::is_ascii_alphanumeric)
        .take(4)
        .collect();
    Code::new(&derived.to_ascii_uppercase()).ok()
}

/// Which of SFIA's two families an attribute belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub enum AttributeKind {
    /// Autonomy, influence, complexity, knowledge.
    #[default]
    Attribute,
    /// SFIA 8's business skills; SFIA 9's business skills / behavioural factors.
    BusinessSkill,
}

impl AttributeKind {
    pub const ALL: [AttributeKind; 2] = [AttributeKind::Attribute, AttributeKind::BusinessSkill];

    /// "Attributes", "Business skills / behavioural factors": a heading for a group of them.
    pub fn heading(self) -> &'static str {
        match self {
            AttributeKind::Attribute => "Attributes",
            AttributeKind::BusinessSkill => "Business skills / behavioural factors",
        }
    }

    /// The name in JSON output and data files.
    pub fn label(self) -> &'static str {
        match self {
            AttributeKind::Attribute => "Attribute",
            AttributeKind::BusinessSkill => "BusinessSkill",
        }
    }
}

/// How settled a skill is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Status {
    #[default]
    Published,
    Prototype,
    Proposed,
}

impl Status {
    pub fn is_published(&self) -> bool {
        *self == Status::Published
    }

    pub fn label(&self) -> &'static str {
        match self {
            Status::Published => "Published",
            Status::Prototype => "Prototype",
            Status::Proposed => "Proposed",
        }
    }
}

/// One skill with its statements at each defined level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub code: Code,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcategory: Option<String>,
    #[serde(default, skip_serializing_if = "Status::is_published")]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
    pub levels: LevelStatements,
    /// Why the skill is proposed, a paragraph each (a proposal's "Rationale").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rationale: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Skill {
    /// The defined levels, lowest first.
    pub fn defined_levels(&self) -> impl DoubleEndedIterator<Item = Level> + '_ {
        self.levels.0.keys().copied()
    }

    pub fn statements(&self, level: Level) -> Option<&[Statement]> {
        self.levels.0.get(&level).map(Vec::as_slice)
    }

    pub fn is_defined_at(&self, level: Level) -> bool {
        self.levels.0.contains_key(&level)
    }

    /// "2–6", or "2, 4–6" when there are gaps.
    pub fn level_range_text(&self) -> String {
        describe_levels(self.defined_levels())
    }

    /// The guidance notes split into paragraphs and bullet items.
    pub fn guidance_blocks(&self) -> Vec<GuidanceBlock<'_>> {
        self.guidance
            .as_deref()
            .map(parse_guidance)
            .unwrap_or_default()
    }
}

/// A level of responsibility, 1 to 7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Level(u8);

impl Level {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 7;

    pub fn new(n: u8) -> Option<Level> {
        (Self::MIN..=Self::MAX).contains(&n).then_some(Level(n))
    }

    pub fn all() -> impl DoubleEndedIterator<Item = Level> {
        (Self::MIN..=Self::MAX).map(Level)
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// Index 0..7, for arrays of the seven levels.
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }

    /// The standard SFIA name of this level of responsibility.
    pub fn standard_name(self) -> &'static str {
        STANDARD_LEVEL_NAMES[self.index()]
    }
}

/// The names SFIA gives its seven levels of responsibility.
pub const STANDARD_LEVEL_NAMES: [&str; 7] = [
    "Follow",
    "Assist",
    "Apply",
    "Enable",
    "Ensure, advise",
    "Initiate, influence",
    "Set strategy, inspire, mobilise",
];

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n = i64::deserialize(deserializer)?;
        u8::try_from(n)
            .ok()
            .and_then(Level::new)
            .ok_or_else(|| serde::de::Error::custom(format!("level {n} is outside 1..=7")))
    }
}

/// A skill code: letters and digits only, such as `RELM`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Code(String);

impl Code {
    /// The longest code: SFIA's are four letters.
    pub const MAX_LENGTH: usize = 16;

    /// A code of ASCII letters and digits only, so that a look-alike (a Cyrillic Е in RЕLM)
    /// can never pass for another skill.
    pub fn new(text: &str) -> Result<Code, String> {
        if text.is_empty() {
            Err("the code is empty".to_string())
        } else if !text.chars().all(|c| c.is_ascii_alphanumeric()) {
            Err(format!(
                "the code {text:?} may hold only ASCII letters and digits (A–Z, a–z, 0–9)"
            ))
        } else if text.len() > Code::MAX_LENGTH {
            Err(format!(
                "the code {text:?} is longer than {} characters",
                Code::MAX_LENGTH
            ))
        } else {
            Ok(Code(text.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Code::new(&text).map_err(serde::de::Error::custom)
    }
}

/// One statement of what a person does at a level. Never empty.
pub type Statement = String;

/// Level → statements, with at least one level and no empty statement.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(transparent)]
pub struct LevelStatements(pub BTreeMap<Level, Vec<Statement>>);

impl<'de> Deserialize<'de> for LevelStatements {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = statements_by_level(deserializer)?;
        if map.is_empty() {
            return Err(serde::de::Error::custom(
                "a skill needs at least one level with statements",
            ));
        }
        Ok(LevelStatements(map))
    }
}

/// An attribute's statements by level: like a skill's, but it may describe no level at all.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(transparent)]
pub struct AttributeLevels(pub BTreeMap<Level, Vec<Statement>>);

impl AttributeLevels {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de> Deserialize<'de> for AttributeLevels {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        statements_by_level(deserializer).map(AttributeLevels)
    }
}

/// Level → statements, refusing a level without statements and an empty statement.
fn statements_by_level<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<Level, Vec<Statement>>, D::Error> {
    let map = BTreeMap::<Level, Vec<Statement>>::deserialize(deserializer)?;
    for (level, statements) in &map {
        if statements.is_empty() {
            return Err(serde::de::Error::custom(format!(
                "level {level} has no statements"
            )));
        }
        if statements.iter().any(|s| s.trim().is_empty()) {
            return Err(serde::de::Error::custom(format!(
                "level {level} has an empty statement"
            )));
        }
    }
    Ok(map)
}

/// Describes a set of levels compactly: "2–6", "4, 6–7".
pub fn describe_levels(levels: impl Iterator<Item = Level>) -> String {
    let mut runs: Vec<(u8, u8)> = Vec::new();
    for level in levels {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == level.get() => *end = level.get(),
            _ => runs.push((level.get(), level.get())),
        }
    }
    runs.iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A paragraph or a bullet list of the guidance notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuidanceBlock<'a> {
    Paragraph(String),
    Bullets(Vec<&'a str>),
}

/// Splits guidance into paragraphs (separated by blank lines) and bullets (lines starting "- ").
pub fn parse_guidance(text: &str) -> Vec<GuidanceBlock<'_>> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut bullets: Vec<&str> = Vec::new();
    let flush_paragraph = |paragraph: &mut Vec<&str>, blocks: &mut Vec<GuidanceBlock<'_>>| {
        if !paragraph.is_empty() {
            blocks.push(GuidanceBlock::Paragraph(paragraph.join(" ")));
            paragraph.clear();
        }
    };
    for line in text.lines().map(str::trim) {
        if let Some(item) = line.strip_prefix("- ") {
            flush_paragraph(&mut paragraph, &mut blocks);
            bullets.push(item.trim());
            continue;
        }
        if !bullets.is_empty() {
            blocks.push(GuidanceBlock::Bullets(std::mem::take(&mut bullets)));
        }
        if line.is_empty() {
            flush_paragraph(&mut paragraph, &mut blocks);
        } else {
            paragraph.push(line);
        }
    }
    flush_paragraph(&mut paragraph, &mut blocks);
    if !bullets.is_empty() {
        blocks.push(GuidanceBlock::Bullets(bullets));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_outside_one_to_seven_do_not_exist() {
        assert!(Level::new(0).is_none());
        assert!(Level::new(8).is_none());
        assert_eq!(Level::new(7).map(Level::get), Some(7));
        assert_eq!(Level::new(5).unwrap().standard_name(), "Ensure, advise");
    }

    #[test]
    fn codes_hold_letters_and_digits_only() {
        assert!(Code::new("RELM").is_ok());
        assert!(Code::new("A1").is_ok());
        assert!(Code::new("").is_err());
        assert!(Code::new("RE LM").is_err());
        assert!(Code::new("RE\u{1b}M").is_err());
        let lookalike = Code::new("R\u{415}LM").unwrap_err();
        assert!(
            lookalike.contains("ASCII letters and digits"),
            "{lookalike}"
        );
        assert!(Code::new("ÉTÉ1").is_err());
        assert!(Code::new(&"A".repeat(16)).is_ok());
        assert!(Code::new(&"A".repeat(17))
            .unwrap_err()
            .contains("longer than 16"));
    }

    #[test]
    fn attributes_named_without_codes_get_sfia_9_codes_or_derived_ones() {
        let code = |name: &str| attribute_code_for_name(name).map(|c| c.to_string());
        assert_eq!(code("Autonomy").as_deref(), Some("AUTO"));
        assert_eq!(code(" influence ").as_deref(), Some("INFL"));
        assert_eq!(code("Complexity").as_deref(), Some("COMP"));
        assert_eq!(code("Knowledge").as_deref(), Some("KNGE"));
        assert_eq!(code("Business skills").as_deref(), Some("BUSI"));
        assert_eq!(code("Decision-making").as_deref(), Some("DECI"));
        assert_eq!(code("AI").as_deref(), Some("AI"));
        assert_eq!(code("— ·"), None);
    }

    #[test]
    fn attribute_levels_may_be_absent_but_never_empty() {
        let parse = |text: &str| ron::from_str::<Attribute>(text);
        let attribute = parse(r#"(code: "AUTO", name: "Autonomy")"#).unwrap();
        assert_eq!(attribute.kind, AttributeKind::Attribute);
        assert!(attribute.levels.is_empty());
        let attribute = parse(
            r#"(code: "LEAD", name: "Leadership", kind: BusinessSkill, levels: {3: ["Leads."]})"#,
        )
        .unwrap();
        assert_eq!(attribute.kind, AttributeKind::BusinessSkill);
        assert_eq!(attribute.statements(Level(3)).unwrap(), ["Leads."]);
        for bad in [
            r#"(code: "A", name: "N", levels: {3: []})"#,
            r#"(code: "A", name: "N", levels: {3: [" "]})"#,
            r#"(code: "A", name: "N", levels: {9: ["x"]})"#,
            r#"(code: "A-B", name: "N")"#,
            r#"(code: "A", name: "N", colour: 1)"#,
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn level_sets_are_described_as_runs() {
        let levels = [2, 3, 4, 6].map(|n| Level::new(n).unwrap());
        assert_eq!(describe_levels(levels.into_iter()), "2–4, 6");
        assert_eq!(describe_levels([Level(5)].into_iter()), "5");
        assert_eq!(describe_levels(std::iter::empty()), "");
    }

    #[test]
    fn guidance_splits_paragraphs_and_bullets() {
        let text = "First line\ncontinues.\n\nActivities:\n- one\n- two\nAfter.";
        let blocks = parse_guidance(text);
        assert_eq!(
            blocks,
            vec![
                GuidanceBlock::Paragraph("First line continues.".into()),
                GuidanceBlock::Paragraph("Activities:".into()),
                GuidanceBlock::Bullets(vec!["one", "two"]),
                GuidanceBlock::Paragraph("After.".into()),
            ]
        );
    }
}
