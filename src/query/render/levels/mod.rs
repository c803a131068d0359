//! The levels of responsibility as documents for both faces: the list of levels ([`list`]), one
//! level with every attribute's text at it ([`level`]), and two levels compared attribute by
//! attribute ([`compared`]) with the word diff and layouts of a skill comparison; each also as
//! Markdown and JSON. Where a framework has no attributes, each says so in one line
//! ([`NO_ATTRIBUTES`]): no attribute text is built in, it comes with `skillscope import`.

pub mod compared;
pub mod level;
pub mod list;

use serde_json::{json, Value};
use unicode_width::UnicodeWidthStr;

use super::comparison::Side;
use super::document::{Line, Mark, Span};
use crate::data::catalog::FrameworkInfo;
use crate::data::model::{Attribute, AttributeKind, Level};

/// What every place that would show attributes says when the framework has none.
pub const NO_ATTRIBUTES: &str = "No attributes loaded: import the SFIA spreadsheet \
     (`skillscope import FILE`) to see what each level asks.";

/// One level of one framework: what is shown of a level, and a side of a comparison of two.
#[derive(Debug, Clone, Copy)]
pub struct LevelSide<'a> {
    pub framework: &'a FrameworkInfo,
    pub level: Level,
}

impl<'a> LevelSide<'a> {
    pub fn new(framework: &'a FrameworkInfo, level: Level) -> LevelSide<'a> {
        LevelSide { framework, level }
    }

    /// The level of one side of a skill comparison, in that skill's framework.
    pub fn of(side: &Side<'a>) -> LevelSide<'a> {
        LevelSide::new(side.catalog.framework_of(side.entry), side.level)
    }

    /// "Level 4", or "SFIA 8 · Level 4" when `other` is in another framework.
    pub fn label(&self, other: &LevelSide) -> String {
        let label = format!("Level {}", self.level);
        if self.in_framework_of(other) {
            label
        } else {
            format!("{} · {label}", self.framework.title())
        }
    }

    /// [`LevelSide::label`] and the level's name: "Level 4 — Enable".
    pub fn heading(&self, other: &LevelSide) -> String {
        format!("{} — {}", self.label(other), self.name())
    }

    pub fn name(&self) -> &'a str {
        self.framework.level_name(self.level)
    }

    pub fn in_framework_of(&self, other: &LevelSide) -> bool {
        self.framework.name == other.framework.name
            && self.framework.edition == other.framework.edition
    }

    /// Whether both are the same level of the same framework.
    pub fn is(&self, other: &LevelSide) -> bool {
        self.level == other.level && self.in_framework_of(other)
    }

    /// `{"framework", "edition", "level", "name", "essence"}`.
    pub fn json(&self) -> Value {
        json!({
            "framework": self.framework.name,
            "edition": self.framework.edition,
            "level": self.level.get(),
            "name": self.name(),
            "essence": self.framework.essence(self.level),
        })
    }
}

/// Which attributes to show: every one, or those with the given codes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttributeFilter {
    codes: Vec<String>,
}

impl AttributeFilter {
    /// Every attribute.
    pub fn every() -> AttributeFilter {
        AttributeFilter::default()
    }

    /// Only the attributes with these codes (in any case); no codes at all means every one.
    pub fn codes<S: Into<String>>(codes: impl IntoIterator<Item = S>) -> AttributeFilter {
        AttributeFilter {
            codes: codes.into_iter().map(Into::into).collect(),
        }
    }

    pub fn is_every(&self) -> bool {
        self.codes.is_empty()
    }

    pub fn admits(&self, attribute: &Attribute) -> bool {
        self.is_every()
            || (self.codes.iter()).any(|code| attribute.code.as_str().eq_ignore_ascii_case(code))
    }
}

/// "Autonomy (AUTO)": the name as a title, the code as a code.
pub fn attribute_title(attribute: &Attribute) -> Line {
    Line::new(vec![
        Span::new(attribute.name.as_str(), Mark::Title),
        Span::plain(" ("),
        Span::new(attribute.code.as_str(), Mark::Code),
        Span::plain(")"),
    ])
}

/// The attributes of `framework` that `filter` admits, each kind together (attributes first).
pub fn attributes_by_kind<'a: 'f, 'f>(
    framework: &'a FrameworkInfo,
    filter: &'f AttributeFilter,
) -> impl Iterator<Item = &'a Attribute> + 'f {
    AttributeKind::ALL
        .into_iter()
        .flat_map(|kind| framework.attributes_of(kind))
        .filter(|attribute| filter.admits(attribute))
}

/// [`NO_ATTRIBUTES`] wrapped to `width`, dim.
pub fn no_attributes_lines(width: usize) -> Vec<Line> {
    paragraph(NO_ATTRIBUTES, width, "", Mark::Dim)
}

/// The essence of a level for the Levels pane: "Essence: …" on one line cut to `width` (ending
/// in "…" when cut), or wrapped whole when `expanded`. Without an essence, [`NO_ATTRIBUTES`]
/// when the framework has no attributes either (one line, or wrapped when `expanded`), else
/// nothing.
pub fn essence_lines(
    framework: &FrameworkInfo,
    level: Level,
    width: usize,
    expanded: bool,
) -> Vec<Line> {
    match (framework.essence(level), expanded) {
        (Some(essence), true) => essence_paragraph(essence, width),
        (Some(essence), false) => {
            let one_line = essence.split_whitespace().collect::<Vec<_>>().join(" ");
            let line = Line::new(vec![
                Span::new(ESSENCE_LABEL, Mark::Dim),
                Span::plain(one_line),
            ]);
            vec![line.fit(width)]
        }
        (None, _) if !framework.attributes.is_empty() => Vec::new(),
        (None, true) => no_attributes_lines(width),
        (None, false) => vec![Line::marked(NO_ATTRIBUTES, Mark::Dim).fit(width)],
    }
}

const ESSENCE_LABEL: &str = "Essence: ";

/// "Essence: …" wrapped to `width`, the label dim.
fn essence_paragraph(essence: &str, width: usize) -> Vec<Line> {
    let mut lines = paragraph(&format!("{ESSENCE_LABEL}{essence}"), width, "", Mark::Plain);
    if let Some(first) = lines.first_mut() {
        let text = first.text();
        // A narrow width may break the label itself: then the line stays plain.
        if let Some(rest) = text.strip_prefix(ESSENCE_LABEL) {
            *first = Line::new(vec![Span::new(ESSENCE_LABEL, Mark::Dim), Span::plain(rest)]);
        }
    }
    lines
}

/// `text` wrapped to `width` columns after `indent` on every line, in `mark`; a word wider than
/// a line is broken. Line breaks in `text` are kept. Lines are at least two columns past the
/// indent, so a wide character always fits.
fn paragraph(text: &str, width: usize, indent: &str, mark: Mark) -> Vec<Line> {
    let width = width.max(indent.width() + 2);
    let options = textwrap::Options::new(width)
        .initial_indent(indent)
        .subsequent_indent(indent);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|line| Line::marked(line.into_owned(), mark))
        .collect()
}

#[cfg(test)]
pub(crate) mod test_framework;

#[cfg(test)]
mod tests {
    use super::test_framework::{bare, framework};
    use super::*;

    fn level(n: u8) -> Level {
        Level::new(n).unwrap()
    }

    #[test]
    fn the_essence_is_one_line_cut_to_the_width_or_wrapped_whole() {
        let framework = framework();
        let line = essence_lines(&framework, level(4), 40, false);
        assert_eq!(line.len(), 1);
        assert_eq!(line[0].width(), 40);
        assert!(line[0].text().ends_with('…'), "{:?}", line[0].text());
        assert_eq!(line[0].spans[0], Span::new("Essence: ", Mark::Dim));
        let whole = essence_lines(&framework, level(4), 40, true);
        assert!(whole.len() > 1);
        assert!(whole.iter().all(|line| line.width() <= 40));
        assert_eq!(whole[0].spans[0], Span::new("Essence: ", Mark::Dim));
        let words = |lines: &[Line]| {
            let text: Vec<String> = lines.iter().map(Line::text).collect();
            text.join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let essence = framework.essence(level(4)).unwrap();
        assert_eq!(words(&whole), format!("Essence: {essence}"));
        assert!(essence_lines(&framework, level(1), 40, false).is_empty());
    }

    #[test]
    fn without_essence_or_attributes_the_essence_says_how_to_get_them() {
        let bare = bare();
        let line = essence_lines(&bare, level(4), 30, false);
        assert_eq!(line.len(), 1);
        assert!(line[0].width() <= 30);
        assert!(line[0].text().starts_with("No attributes loaded"));
        let whole = essence_lines(&bare, level(4), 30, true);
        let text: Vec<String> = whole.iter().map(Line::text).collect();
        assert_eq!(text.join(" "), NO_ATTRIBUTES);
        assert!(whole
            .iter()
            .all(|line| line.width() <= 30 && line.spans[0].mark == Mark::Dim));
    }

    #[test]
    fn a_filter_admits_codes_in_any_case_and_none_means_every_one() {
        let framework = framework();
        let codes = |filter: &AttributeFilter| -> Vec<String> {
            let found = attributes_by_kind(&framework, filter);
            found.map(|a| a.code.to_string()).collect()
        };
        assert_eq!(
            codes(&AttributeFilter::every()),
            ["AUTO", "INFL", "COMM", "LEAD"]
        );
        let filter = AttributeFilter::codes(["lead", "Auto"]);
        assert_eq!(codes(&filter), ["AUTO", "LEAD"], "in the framework's order");
        assert_eq!(
            AttributeFilter::codes(Vec::<String>::new()),
            AttributeFilter::every()
        );
    }

    #[test]
    fn sides_name_their_framework_only_beside_another() {
        let (one, other) = (framework(), bare());
        let four = LevelSide::new(&one, level(4));
        let five = LevelSide::new(&one, level(5));
        let bare_five = LevelSide::new(&other, level(5));
        assert_eq!(four.heading(&five), "Level 4 — Enable");
        assert_eq!(
            five.heading(&bare_five),
            "Testing 1 · Level 5 — Ensure, advise"
        );
        assert_eq!(bare_five.label(&five), "Bare · Level 5");
        assert!(four.is(&LevelSide::new(&one, level(4))) && !four.is(&five));
        assert_eq!(four.json()["essence"], one.essence(level(4)).unwrap());
    }
}
