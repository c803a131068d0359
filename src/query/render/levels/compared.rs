//! Two levels of responsibility compared attribute by attribute: a [`Comparison`] with the
//! essence and then a section per attribute, laid out by the same code as a skill comparison
//! (printed for the commands, in a pane for the browser), and as Markdown and JSON.
//!
//! The two sides may be in different frameworks (a skill of SFIA 8 beside one of SFIA 9):
//! attributes are matched by code, the left framework's order first.

use serde_json::{json, Value};

use super::level::attributes_document;
use super::{
    attribute_title, attributes_by_kind, no_attributes_lines, paragraph, AttributeFilter,
    LevelSide, NO_ATTRIBUTES,
};
use crate::data::model::{Attribute, AttributeKind};
use crate::query::diff::{change_counts, compare_statements, DiffRow};
use crate::query::render::comparison::columns::ChangeMarks;
use crate::query::render::comparison::pane::{pane, pane_sides, PaneLayout};
use crate::query::render::comparison::printed::printed_sides;
use crate::query::render::comparison::{Comparison, Section};
use crate::query::render::document::{Document, Line, Mark};

/// Said when the attributes asked for describe neither level.
const DESCRIBE_NEITHER: &str = "The attributes asked for describe neither level.";

/// One attribute of the two levels, diffed.
struct ComparedAttribute<'a> {
    /// The left side's, or the right side's when only that framework has it.
    attribute: &'a Attribute,
    rows: Vec<DiffRow>,
}

/// What two levels share to compare: their essences and their attributes.
struct LevelsCompared<'a> {
    left: LevelSide<'a>,
    right: LevelSide<'a>,
    /// The essences diffed, when either level has one and no filter narrows the comparison.
    essence: Option<Vec<DiffRow>>,
    attributes: Vec<ComparedAttribute<'a>>,
}

impl<'a> LevelsCompared<'a> {
    fn new(left: LevelSide<'a>, right: LevelSide<'a>, filter: &AttributeFilter) -> Self {
        let essences = [left, right].map(|side| side.framework.essence(side.level));
        let essence = (filter.is_every() && essences.iter().any(Option::is_some)).then(|| {
            let [l, r] = essences.map(|e| e.map(|text| vec![text.to_string()]).unwrap_or_default());
            compare_statements(&l, &r)
        });
        let attributes = matched_attributes(left, right, filter)
            .into_iter()
            .filter_map(|(attribute, [l, r])| {
                let [l, r] = [(l, left), (r, right)].map(|(attribute, side)| {
                    attribute
                        .and_then(|a| a.statements(side.level))
                        .unwrap_or_default()
                });
                (!l.is_empty() || !r.is_empty()).then(|| ComparedAttribute {
                    attribute,
                    rows: compare_statements(l, r),
                })
            })
            .collect();
        LevelsCompared {
            left,
            right,
            essence,
            attributes,
        }
    }

    /// Whether both frameworks have attributes to compare.
    fn has_attributes(&self) -> bool {
        [self.left, self.right]
            .iter()
            .all(|side| !side.framework.attributes.is_empty())
    }

    /// What to say under the sections when no attribute is compared: that a framework has
    /// none, or that the ones asked for describe neither level.
    fn missing_attributes(&self) -> Option<&'static str> {
        if !self.has_attributes() {
            Some(NO_ATTRIBUTES)
        } else if self.attributes.is_empty() {
            Some(DESCRIBE_NEITHER)
        } else {
            None
        }
    }

    /// [`LevelsCompared::missing_attributes`] after a blank line, dim, wrapped to `width`.
    fn missing_attributes_lines(&self, width: usize) -> Vec<Line> {
        let Some(note) = self.missing_attributes() else {
            return Vec::new();
        };
        let mut lines = vec![Line::default()];
        lines.extend(paragraph(note, width, "", Mark::Dim));
        lines
    }

    fn comparison(&self) -> Comparison {
        let essence = self.essence.iter().map(|rows| Section {
            group: None,
            title: Some(Line::marked("Essence", Mark::Title)),
            rows: rows.clone(),
        });
        let mut kind = None;
        let attributes = self.attributes.iter().map(|compared| {
            let attribute = compared.attribute;
            let opens_group = kind != Some(attribute.kind);
            kind = Some(attribute.kind);
            Section {
                group: opens_group.then(|| attribute.kind.heading().to_string()),
                title: Some(attribute_title(attribute)),
                rows: compared.rows.clone(),
            }
        });
        let sections = essence.chain(attributes).collect();
        let (left, right) = (self.left, self.right);
        Comparison {
            headings: [left.heading(&right), right.heading(&left)],
            sections,
        }
    }
}

/// The attributes `filter` admits, each kind together, matched by code: each with the left
/// and right framework's own (either may be missing).
fn matched_attributes<'a>(
    left: LevelSide<'a>,
    right: LevelSide<'a>,
    filter: &AttributeFilter,
) -> Vec<(&'a Attribute, [Option<&'a Attribute>; 2])> {
    let mut matched = Vec::new();
    for kind in AttributeKind::ALL {
        let of_kind = |attribute: &&Attribute| attribute.kind == kind;
        for attribute in attributes_by_kind(left.framework, filter).filter(of_kind) {
            let other = right.framework.attribute(attribute.code.as_str());
            matched.push((attribute, [Some(attribute), other]));
        }
        for attribute in attributes_by_kind(right.framework, filter).filter(of_kind) {
            if left.framework.attribute(attribute.code.as_str()).is_none() {
                matched.push((attribute, [None, Some(attribute)]));
            }
        }
    }
    matched
}

/// The two levels as a [`Comparison`]: the essence, then a section per attribute.
pub fn level_comparison(left: LevelSide, right: LevelSide, filter: &AttributeFilter) -> Comparison {
    LevelsCompared::new(left, right, filter).comparison()
}

/// The two levels in two columns that fill `width`, as `compare` prints skills; then
/// [`NO_ATTRIBUTES`] when a side's framework has no attributes, and the summary.
pub fn printed_level_comparison(
    left: LevelSide,
    right: LevelSide,
    filter: &AttributeFilter,
    width: usize,
    marks: ChangeMarks,
) -> Document {
    let compared = LevelsCompared::new(left, right, filter);
    let comparison = compared.comparison();
    let mut document = printed_sides(&comparison, width, marks);
    document.extend(compared.missing_attributes_lines(width));
    if !comparison.sections.is_empty() {
        document.blank();
        document.push(Line::plain(comparison.summary()));
    }
    document
}

/// The two levels laid out for the browser's comparison pane, as `pane_comparison` lays out
/// skills: the framework, the summary and its legend, then the sides.
pub fn pane_level_comparison(
    left: LevelSide,
    right: LevelSide,
    filter: &AttributeFilter,
    layout: PaneLayout,
) -> Document {
    let compared = LevelsCompared::new(left, right, filter);
    let title = if left.in_framework_of(&right) {
        format!("{} levels of responsibility", left.framework.title())
    } else {
        format!(
            "{} · {} levels of responsibility",
            left.framework.title(),
            right.framework.title()
        )
    };
    let mut document = pane(&title, &compared.comparison(), layout);
    document.extend(compared.missing_attributes_lines(layout.width));
    document
}

/// What the two levels ask, to go under a skill comparison: a blank line, a heading, then
/// the levels' essences and attributes aligned attribute by attribute (one column when both
/// sides are the same level); or [`NO_ATTRIBUTES`]. Headings are never selected: the
/// keys act on the skills above.
pub fn pane_level_attributes(left: LevelSide, right: LevelSide, layout: PaneLayout) -> Document {
    let width = layout.width;
    let mut document = Document::default();
    document.blank();
    let both_have = [left, right]
        .iter()
        .all(|side| !side.framework.attributes.is_empty());
    if !both_have {
        document.extend(no_attributes_lines(width));
        return document;
    }
    let every = AttributeFilter::every();
    if left.is(&right) {
        let heading = format!("What level {} asks: {}", left.level, left.name());
        document.extend(Line::marked(heading, Mark::Title).wrap(width));
        if let Some(essence) = left.framework.essence(left.level) {
            document.extend(super::essence_paragraph(essence, width));
        }
        document.extend(attributes_document(left.framework, left.level, &every, width).lines);
        return document;
    }
    let comparison = level_comparison(left, right, &every);
    let heading = format!(
        "What the levels ask: {} → {}",
        left.label(&right),
        right.label(&left)
    );
    document.extend(Line::marked(heading, Mark::Title).wrap(width));
    document.extend(Line::marked(comparison.summary(), Mark::Dim).wrap(width));
    document.extend(pane_sides(&comparison, [Mark::Title; 2], layout).lines);
    document
}

/// The comparison as Markdown: under the title, a table per section; then the summary.
pub fn level_comparison_markdown(
    left: LevelSide,
    right: LevelSide,
    filter: &AttributeFilter,
) -> String {
    let compared = LevelsCompared::new(left, right, filter);
    let title = if left.in_framework_of(&right) {
        format!(
            "{} · {} → {}",
            left.framework.title(),
            left.label(&right),
            right.label(&left)
        )
    } else {
        format!("{} → {}", left.label(&right), right.label(&left))
    };
    let comparison = compared.comparison();
    let mut out = comparison.markdown(&title);
    if let Some(note) = compared.missing_attributes() {
        out.push_str(&format!("\n{note}\n"));
    }
    out.push_str(&format!("\n{}\n", comparison.summary()));
    out
}

/// `{"left", "right", "essence", "attributes", "summary"}`, documented in docs/commands.md.
pub fn level_comparison_json(left: LevelSide, right: LevelSide, filter: &AttributeFilter) -> Value {
    let compared = LevelsCompared::new(left, right, filter);
    let diffed = |rows: &[DiffRow]| json!({"rows": rows, "summary": summary_json(rows)});
    let attributes: Vec<Value> = (compared.attributes.iter())
        .map(|compared| {
            let attribute = compared.attribute;
            let mut value = diffed(&compared.rows);
            value["code"] = json!(attribute.code.as_str());
            value["name"] = json!(attribute.name);
            value["kind"] = json!(attribute.kind.label());
            value
        })
        .collect();
    let (added, removed, unchanged) = compared.comparison().change_counts();
    json!({
        "left": left.json(),
        "right": right.json(),
        "essence": compared.essence.as_deref().map(diffed),
        "attributes": attributes,
        "summary": {"added": added, "removed": removed, "unchanged": unchanged},
    })
}

fn summary_json(rows: &[DiffRow]) -> Value {
    let (added, removed, unchanged) = change_counts(rows);
    json!({"added": added, "removed": removed, "unchanged": unchanged})
}

#[cfg(test)]
mod tests {
    use super::super::test_framework::{bare, codes, framework};
    use super::*;
    use crate::data::catalog::FrameworkInfo;
    use crate::data::model::Level;
    use crate::query::render::document::Span;

    fn side(framework: &FrameworkInfo, level: u8) -> LevelSide<'_> {
        LevelSide::new(framework, Level::new(level).unwrap())
    }

    fn texts(document: &Document) -> Vec<String> {
        document.lines.iter().map(Line::text).collect()
    }

    fn layout(width: usize, active: usize, presentation: bool) -> PaneLayout {
        PaneLayout {
            width,
            active,
            presentation,
        }
    }

    #[test]
    fn sections_are_the_essence_then_each_attribute_grouped_by_kind() {
        let framework = framework();
        let comparison = level_comparison(
            side(&framework, 4),
            side(&framework, 5),
            &AttributeFilter::every(),
        );
        assert_eq!(
            comparison.headings,
            ["Level 4 — Enable", "Level 5 — Ensure, advise"]
        );
        let titles: Vec<(Option<&str>, String)> = (comparison.sections.iter())
            .map(|s| (s.group.as_deref(), s.title.as_ref().unwrap().text()))
            .collect();
        assert_eq!(
            titles,
            [
                (None, "Essence".to_string()),
                (Some("Attributes"), "Autonomy (AUTO)".to_string()),
                (None, "Influence (INFL)".to_string()),
                (
                    Some("Business skills / behavioural factors"),
                    "Communication (COMM)".to_string()
                ),
                (None, "Leadership (LEAD)".to_string()),
            ]
        );
        // Leadership is described at level 5 only: its statement is all added.
        let lead = &comparison.sections[4].rows;
        assert_eq!(lead.len(), 1);
        assert!(lead[0].left.is_none() && lead[0].right.is_some());
        // Level 3 has no Influence, Communication or Leadership; 2 has no attribute at all.
        let fewer = level_comparison(
            side(&framework, 2),
            side(&framework, 3),
            &AttributeFilter::every(),
        );
        let titles: Vec<String> = fewer
            .sections
            .iter()
            .map(|s| s.title.as_ref().unwrap().text())
            .collect();
        assert_eq!(titles, ["Essence", "Autonomy (AUTO)"]);
    }

    #[test]
    fn printed_rows_carry_the_word_diff_of_compare() {
        let framework = framework();
        let document = printed_level_comparison(
            side(&framework, 4),
            side(&framework, 5),
            &AttributeFilter::codes(["auto"]),
            80,
            ChangeMarks::Bracketed,
        );
        let lines = texts(&document);
        assert_eq!(
            lines[0],
            "Level 4 — Enable                       │ Level 5 — Ensure, advise"
        );
        assert_eq!(lines[1], format!("{}─┼─{}", "─".repeat(38), "─".repeat(39)));
        assert_eq!(&lines[2..5], ["", "Attributes", "──────────"]);
        assert_eq!(lines[5], "Autonomy (AUTO)");
        assert!(
            lines[6].starts_with("• Works under [-general-] direction"),
            "{lines:#?}"
        );
        assert!(
            lines[6].ends_with("│ • Works under {+broad+} direction."),
            "{lines:#?}"
        );
        assert!(
            lines
                .iter()
                .all(|l| !l.contains("Essence") && !l.contains("Influence")),
            "the filter narrows"
        );
        assert!(
            lines.last().unwrap().starts_with('+'),
            "the summary ends it: {lines:#?}"
        );
        let styled = printed_level_comparison(
            side(&framework, 4),
            side(&framework, 5),
            &AttributeFilter::codes(["auto"]),
            80,
            ChangeMarks::Styled,
        );
        let spans = || styled.lines.iter().flat_map(|l| &l.spans);
        assert!(spans().any(|s| *s == Span::new("broad", Mark::Added)));
        assert!(spans().any(|s| *s == Span::new("general", Mark::Removed)));
        assert!(!styled.text().contains("{+"));
    }

    #[test]
    fn no_layout_is_wider_than_its_width() {
        let framework = framework();
        let every = AttributeFilter::every();
        for (l, r) in [(4, 5), (1, 7), (5, 5), (3, 4)] {
            let (left, right) = (side(&framework, l), side(&framework, r));
            for width in 20..120 {
                for marks in [ChangeMarks::Bracketed, ChangeMarks::Styled] {
                    let document = printed_level_comparison(left, right, &every, width, marks);
                    assert!(document.width() <= width, "{width}\n{}", document.text());
                }
            }
            for width in 4..120 {
                for presentation in [false, true] {
                    let layout = layout(width, 0, presentation);
                    let pane = pane_level_comparison(left, right, &every, layout);
                    assert!(pane.width() <= width.max(4), "{width}\n{}", pane.text());
                    let under = pane_level_attributes(left, right, layout);
                    assert!(under.width() <= width.max(4), "{width}\n{}", under.text());
                }
            }
        }
    }

    #[test]
    fn the_pane_selects_the_active_side_and_stacks_when_narrow() {
        let framework = framework();
        let (four, five) = (side(&framework, 4), side(&framework, 5));
        let every = AttributeFilter::every();
        let document = pane_level_comparison(four, five, &every, layout(100, 1, false));
        assert_eq!(
            document.lines[0],
            Line::marked("Testing 1 levels of responsibility", Mark::Title)
        );
        assert!(document.lines[1].text().contains("added: like this"));
        let heading = &document.lines[3].spans;
        assert_eq!(heading[0], Span::new("Level 4 — Enable", Mark::Title));
        assert_eq!(
            heading.last().unwrap(),
            &Span::new("Level 5 — Ensure, advise", Mark::Selected)
        );
        let narrow = texts(&pane_level_comparison(
            four,
            five,
            &every,
            layout(40, 0, false),
        ));
        let at = |text: &str| narrow.iter().position(|l| l == text);
        assert!(at("Level 4 — Enable") < at("Level 5 — Ensure, advise"));
        assert_eq!(
            narrow.iter().filter(|l| *l == "Autonomy (AUTO)").count(),
            2,
            "each side has its sections"
        );
        assert!(narrow.iter().all(|l| !l.contains('│')));
    }

    #[test]
    fn under_a_skill_comparison_the_levels_are_aligned_and_never_selected() {
        let framework = framework();
        let document = pane_level_attributes(
            side(&framework, 4),
            side(&framework, 5),
            layout(100, 0, false),
        );
        let lines = texts(&document);
        assert_eq!(lines[0], "");
        assert_eq!(lines[1], "What the levels ask: Level 4 → Level 5");
        assert!(lines[2].starts_with('+'), "{lines:#?}");
        assert!(
            lines[3].starts_with("Level 4 — Enable")
                && lines[3].ends_with("Level 5 — Ensure, advise")
        );
        assert!(document.lines[3]
            .spans
            .iter()
            .all(|s| s.mark != Mark::Selected));
        assert!(lines
            .iter()
            .any(|l| l.starts_with("• Works under general direction")));
        // The same level on both sides is shown once.
        let same = texts(&pane_level_attributes(
            side(&framework, 5),
            side(&framework, 5),
            layout(100, 0, false),
        ));
        assert_eq!(same[1], "What level 5 asks: Ensure, advise");
        assert!(same[2].starts_with("Essence: Gives trusted advice"));
        assert_eq!(
            same.iter()
                .filter(|l| l.contains("Works under broad direction."))
                .count(),
            1
        );
        assert!(same.iter().all(|l| !l.contains('│')));
    }

    #[test]
    fn without_attributes_every_layout_says_so_in_one_line() {
        let (bare, framework) = (bare(), framework());
        let (four, five) = (side(&bare, 4), side(&bare, 5));
        let every = AttributeFilter::every();
        let under = pane_level_attributes(four, five, layout(200, 0, false));
        assert_eq!(texts(&under), ["", NO_ATTRIBUTES]);
        assert_eq!(under.lines[1].spans[0].mark, Mark::Dim);
        let beside_one_with =
            pane_level_attributes(side(&framework, 4), five, layout(200, 0, false));
        assert_eq!(texts(&beside_one_with), ["", NO_ATTRIBUTES]);
        let printed = texts(&printed_level_comparison(
            four,
            five,
            &every,
            200,
            ChangeMarks::Bracketed,
        ));
        assert_eq!(printed[2..], ["", NO_ATTRIBUTES], "no summary of nothing");
        let pane = texts(&pane_level_comparison(
            four,
            five,
            &every,
            layout(200, 0, false),
        ));
        assert_eq!(pane.last().unwrap(), NO_ATTRIBUTES);
        let markdown = level_comparison_markdown(four, five, &every);
        assert!(
            markdown.contains(&format!("\n{NO_ATTRIBUTES}\n")),
            "{markdown}"
        );
        let value = level_comparison_json(four, five, &every);
        assert_eq!(value["attributes"], json!([]));
        assert_eq!(value["essence"], Value::Null);
    }

    #[test]
    fn attributes_that_describe_neither_level_say_so() {
        let framework = framework();
        let (three, four) = (side(&framework, 3), side(&framework, 4));
        let lead = AttributeFilter::codes(["LEAD"]);
        let printed = printed_level_comparison(three, four, &lead, 80, ChangeMarks::Bracketed);
        assert_eq!(texts(&printed)[2..], ["", DESCRIBE_NEITHER]);
        assert_eq!(printed.lines[3].spans[0].mark, Mark::Dim);
        let pane = texts(&pane_level_comparison(
            three,
            four,
            &lead,
            layout(80, 0, false),
        ));
        assert_eq!(pane.last().unwrap(), DESCRIBE_NEITHER);
        let markdown = level_comparison_markdown(three, four, &lead);
        assert!(
            markdown.contains(&format!("\n{DESCRIBE_NEITHER}\n")),
            "{markdown}"
        );
        let every = printed_level_comparison(
            three,
            four,
            &AttributeFilter::every(),
            80,
            ChangeMarks::Bracketed,
        );
        assert!(!every.text().contains(DESCRIBE_NEITHER));
    }

    #[test]
    fn levels_of_two_frameworks_match_attributes_by_code() {
        let framework = framework();
        let mut other = framework.clone();
        other.name = "Other".into();
        other.attributes.retain(|a| a.code.as_str() != "INFL");
        let mut extra = other.attributes[0].clone();
        extra.code = crate::data::model::Code::new("KNGE").unwrap();
        extra.name = "Knowledge".into();
        other.attributes.push(extra);
        let comparison = level_comparison(
            side(&framework, 5),
            side(&other, 5),
            &AttributeFilter::every(),
        );
        assert_eq!(
            comparison.headings,
            [
                "Testing 1 · Level 5 — Ensure, advise",
                "Other 1 · Level 5 — Ensure, advise"
            ]
        );
        let titles: Vec<String> = comparison
            .sections
            .iter()
            .map(|s| s.title.as_ref().unwrap().text())
            .collect();
        assert_eq!(
            titles,
            [
                "Essence",
                "Autonomy (AUTO)",
                "Influence (INFL)",
                "Knowledge (KNGE)",
                "Communication (COMM)",
                "Leadership (LEAD)"
            ]
        );
        let influence = &comparison.sections[2].rows;
        assert!(
            influence.iter().all(|row| row.right.is_none()),
            "only the left framework has it"
        );
        let autonomy = &comparison.sections[1].rows;
        assert!(
            autonomy.iter().all(|row| row.left == row.right),
            "the same text on both sides"
        );
    }

    #[test]
    fn markdown_has_a_table_per_attribute_and_json_the_documented_fields() {
        let framework = framework();
        let (four, five) = (side(&framework, 4), side(&framework, 5));
        let markdown =
            level_comparison_markdown(four, five, &AttributeFilter::codes(["AUTO", "LEAD"]));
        assert!(markdown.starts_with("## Testing 1 · Level 4 → Level 5\n\n### Attributes\n\n#### Autonomy (AUTO)\n\n| Level 4 — Enable | Level 5 — Ensure, advise |\n|---|---|\n| Works under ~~general~~ direction"), "{markdown}");
        assert!(markdown.contains("\n### Business skills / behavioural factors\n\n#### Leadership (LEAD)\n\n| Level 4 — Enable | Level 5 — Ensure, advise |\n|---|---|\n|  | **Leads a team and grows its members.** |\n"), "{markdown}");
        assert!(markdown.ends_with(" words\n"), "{markdown}");
        let value = level_comparison_json(four, five, &AttributeFilter::every());
        assert_eq!(value["left"]["level"], 4);
        assert_eq!(value["right"]["name"], "Ensure, advise");
        assert_eq!(value["right"]["framework"], "Testing");
        assert!(value["essence"]["rows"].as_array().is_some());
        let attributes = value["attributes"].as_array().unwrap();
        assert_eq!(
            codes(&value["attributes"]),
            ["AUTO", "INFL", "COMM", "LEAD"]
        );
        assert_eq!(attributes[3]["kind"], "BusinessSkill");
        assert_eq!(attributes[3]["summary"]["added"], 7);
        let sum = |field: &str| -> u64 {
            let parts = attributes.iter().chain([&value["essence"]]);
            parts.map(|a| a["summary"][field].as_u64().unwrap()).sum()
        };
        for field in ["added", "removed", "unchanged"] {
            assert_eq!(value["summary"][field], sum(field), "{field}");
        }
    }

    #[test]
    fn a_skill_comparison_takes_the_levels_of_its_sides() {
        use crate::data::sources::{load_catalog, SourceSelection};
        use crate::query::render::comparison::built_in_sides;
        use crate::query::render::comparison::pane::pane_comparison;

        let catalog = load_catalog(&SourceSelection {
            built_in: true,
            ..Default::default()
        });
        let [left, right] = built_in_sides(&catalog, "RELM", [4, 5]);
        let (four, five) = (LevelSide::of(&left), LevelSide::of(&right));
        assert_eq!(four.heading(&five), "Level 4 — Enable");
        let mut document = pane_comparison(&left, &right, layout(120, 0, false));
        let statements = document.lines.len();
        document.extend(pane_level_attributes(four, five, layout(120, 0, false)).lines);
        // The built-in data has no attributes: a blank line, then the one line.
        assert_eq!(document.lines.len(), statements + 2);
        assert_eq!(document.lines.last().unwrap().text(), NO_ATTRIBUTES);
    }
}
