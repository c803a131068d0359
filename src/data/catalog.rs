//! All loaded skills, from every source, with their frameworks.
//!
//! A skill is identified by framework, edition and code: two frameworks may both hold a RELM and
//! both stay reachable. A later source with the same framework, edition and code replaces the
//! earlier skill in place.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::data::model::{Attribute, AttributeKind, Framework, Level, Skill, STANDARD_LEVEL_NAMES};
use crate::data::sanitize::{make_printable, Lines};
use crate::data::sources::{LoadError, SourceReport};

/// A framework (one edition of it) as the catalog knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameworkInfo {
    pub name: String,
    pub edition: Option<String>,
    pub source: Option<String>,
    /// Names of levels 1..=7: the data file's, or SFIA's standard names.
    pub level_names: [String; 7],
    pub level_essence: [Option<String>; 7],
    pub level_guidance: [Option<String>; 7],
    /// Which levels a data file defined (`levels:`); the others carry SFIA's names only as a
    /// fallback, so a framework of one's own without levels has none to explain.
    pub level_defined: [bool; 7],
    /// The generic attributes and business skills, in the order first loaded; a later file's
    /// attribute with the same code replaces the earlier one in place.
    pub attributes: Vec<Attribute>,
}

impl FrameworkInfo {
    /// "SFIA 9", or just the name without an edition.
    pub fn title(&self) -> String {
        match &self.edition {
            Some(edition) => format!("{} {}", self.name, edition),
            None => self.name.clone(),
        }
    }

    pub fn level_name(&self, level: Level) -> &str {
        &self.level_names[level.index()]
    }

    /// The levels a data file defined, lowest first.
    pub fn defined_levels(&self) -> impl DoubleEndedIterator<Item = Level> + '_ {
        Level::all().filter(|level| self.level_defined[level.index()])
    }

    /// Whether `wanted` names this framework: its name ("SFIA") or title ("SFIA 9"), in any case.
    pub fn answers_to(&self, wanted: &str) -> bool {
        self.name.eq_ignore_ascii_case(wanted) || self.title().eq_ignore_ascii_case(wanted)
    }

    /// The essence of a level, when the data gives it.
    pub fn essence(&self, level: Level) -> Option<&str> {
        self.level_essence[level.index()].as_deref()
    }

    /// The attributes of one kind, in their order.
    pub fn attributes_of(&self, kind: AttributeKind) -> impl Iterator<Item = &Attribute> {
        self.attributes.iter().filter(move |a| a.kind == kind)
    }

    /// The attribute with this code (case-insensitively).
    pub fn attribute(&self, code: &str) -> Option<&Attribute> {
        (self.attributes.iter()).find(|a| a.code.as_str().eq_ignore_ascii_case(code))
    }

    fn apply_levels(&mut self, framework: &Framework) {
        for level in &framework.levels {
            let i = level.level.index();
            self.level_defined[i] = true;
            self.level_names[i] = level.name.clone();
            if level.essence.is_some() {
                self.level_essence[i] = level.essence.clone();
            }
            if level.guidance.is_some() {
                self.level_guidance[i] = level.guidance.clone();
            }
        }
        for attribute in &framework.attributes {
            let same = |a: &&mut Attribute| {
                (a.code.as_str()).eq_ignore_ascii_case(attribute.code.as_str())
            };
            match self.attributes.iter_mut().find(same) {
                Some(existing) => *existing = attribute.clone(),
                None => self.attributes.push(attribute.clone()),
            }
        }
    }
}

/// What [`Catalog::choose`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Missing,
    One(usize),
    /// Editions of one framework hold the code: the newest's skill, and the others'.
    Newest {
        entry: usize,
        others: Vec<usize>,
    },
    /// Different frameworks hold the code: the user must choose.
    Several(Vec<usize>),
}

/// Orders editions oldest first: none, then numbers by value ("8" before "9" before "10"),
/// then other names alphabetically.
pub fn compare_editions(a: Option<&str>, b: Option<&str>) -> std::cmp::Ordering {
    let number = |edition: &str| edition.trim().parse::<f64>().ok().filter(|n| n.is_finite());
    match (a, b) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, Some(_)) => std::cmp::Ordering::Less,
        (Some(_), None) => std::cmp::Ordering::Greater,
        (Some(a), Some(b)) => match (number(a), number(b)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.cmp(b),
        },
    }
}

/// Among `frameworks`, in load order, the newest edition with attributes (the first loaded of
/// equal editions): whose levels `skillscope levels` and the browser show when not told.
pub fn newest_with_attributes<'a>(
    frameworks: impl IntoIterator<Item = &'a FrameworkInfo>,
) -> Option<&'a FrameworkInfo> {
    newest_edition((frameworks.into_iter()).filter(|framework| !framework.attributes.is_empty()))
}

/// Among `frameworks`, in load order, the newest edition (the first loaded of equal editions).
pub fn newest_edition<'a>(
    frameworks: impl IntoIterator<Item = &'a FrameworkInfo>,
) -> Option<&'a FrameworkInfo> {
    (frameworks.into_iter())
        .enumerate()
        .max_by(|(i, a), (j, b)| {
            compare_editions(a.edition.as_deref(), b.edition.as_deref()).then(j.cmp(i))
        })
        .map(|(_, framework)| framework)
}

/// A skill with the framework it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub framework: usize,
    pub skill: Skill,
}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub frameworks: Vec<FrameworkInfo>,
    pub entries: Vec<Entry>,
    pub sources: Vec<SourceReport>,
    pub errors: Vec<LoadError>,
    index: HashMap<(usize, String), usize>,
}

impl Catalog {
    /// Adds a framework file's skills; same framework, edition and code replace earlier ones.
    pub fn add(&mut self, origin: &str, framework: Framework) {
        let framework_index = self.framework_index(&framework);
        self.frameworks[framework_index].apply_levels(&framework);
        if framework.source.is_some() {
            self.frameworks[framework_index].source = framework.source.clone();
        }
        self.sources.push(SourceReport {
            path: origin.to_string(),
            skills: framework.skills.len(),
        });
        for skill in framework.skills {
            let key = (framework_index, skill.code.as_str().to_string());
            let entry = Entry {
                framework: framework_index,
                skill,
            };
            match self.index.get(&key) {
                Some(&existing) => self.entries[existing] = entry,
                None => {
                    self.index.insert(key, self.entries.len());
                    self.entries.push(entry);
                }
            }
        }
    }

    fn framework_index(&mut self, framework: &Framework) -> usize {
        let found = self
            .frameworks
            .iter()
            .position(|f| f.name == framework.framework && f.edition == framework.edition);
        found.unwrap_or_else(|| {
            self.frameworks.push(FrameworkInfo {
                name: framework.framework.clone(),
                edition: framework.edition.clone(),
                source: None,
                level_names: STANDARD_LEVEL_NAMES.map(String::from),
                level_essence: Default::default(),
                level_guidance: Default::default(),
                level_defined: [false; 7],
                attributes: Vec::new(),
            });
            self.frameworks.len() - 1
        })
    }

    pub fn framework_of(&self, entry: &Entry) -> &FrameworkInfo {
        &self.frameworks[entry.framework]
    }

    /// Entries whose code matches (case-insensitively), optionally only in frameworks whose
    /// title or name matches `framework` (case-insensitively).
    pub fn find(&self, code: &str, framework: Option<&str>) -> Vec<usize> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.skill.code.as_str().eq_ignore_ascii_case(code))
            .filter(|(_, e)| framework.is_none_or(|f| self.framework_matches(e, f)))
            .map(|(i, _)| i)
            .collect()
    }

    /// The one skill `code` names for a command that needs one: with `framework`, the one in
    /// that framework; without, the skill itself, or the newest edition's when every framework
    /// holding the code is an edition of the same framework (SFIA 8 and SFIA 9).
    pub fn choose(&self, code: &str, framework: Option<&str>) -> Choice {
        let found = self.find(code, framework);
        match found.as_slice() {
            [] => Choice::Missing,
            [one] => Choice::One(*one),
            several => {
                let name = &self.framework_of(&self.entries[several[0]]).name;
                let one_framework =
                    (several.iter()).all(|&i| self.framework_of(&self.entries[i]).name == *name);
                if !one_framework {
                    return Choice::Several(found);
                }
                let edition = |i: usize| self.framework_of(&self.entries[i]).edition.as_deref();
                let newest = (several.iter().copied())
                    .max_by(|&a, &b| compare_editions(edition(a), edition(b)))
                    .expect("several");
                let others = several.iter().copied().filter(|&i| i != newest).collect();
                Choice::Newest {
                    entry: newest,
                    others,
                }
            }
        }
    }

    pub fn framework_matches(&self, entry: &Entry, wanted: &str) -> bool {
        self.framework_of(entry).answers_to(wanted)
    }

    /// True when [`Catalog::make_printable`] would leave every framework and entry as it is:
    /// the tests' way to see that it reaches every string.
    #[cfg(test)]
    pub fn is_printable(&self) -> bool {
        let mut copy = self.clone();
        copy.make_printable();
        copy.frameworks == self.frameworks && copy.entries == self.entries
    }

    /// Replaces control characters and bidi overrides in every string, for display on a terminal.
    /// JSON output is made from a catalog that has not been through this.
    pub fn make_printable(&mut self) {
        for info in &mut self.frameworks {
            info.for_each_text(&mut make_printable);
        }
        for entry in &mut self.entries {
            skill_texts(&mut entry.skill, &mut make_printable);
        }
        for error in &mut self.errors {
            error.make_printable();
        }
        for source in &mut self.sources {
            make_printable(&mut source.path, Lines::Single);
        }
    }
}

impl FrameworkInfo {
    /// Calls `f` on every text of the framework that is shown, with how many lines it may hold.
    fn for_each_text(&mut self, f: &mut impl FnMut(&mut String, Lines)) {
        f(&mut self.name, Lines::Single);
        for text in self.edition.iter_mut().chain(self.level_names.iter_mut()) {
            f(text, Lines::Single);
        }
        let multi = (self.source.iter_mut())
            .chain(self.level_essence.iter_mut().flatten())
            .chain(self.level_guidance.iter_mut().flatten());
        for text in multi {
            f(text, Lines::Multi);
        }
        for attribute in &mut self.attributes {
            f(&mut attribute.name, Lines::Single);
            if let Some(url) = &mut attribute.url {
                f(url, Lines::Single);
            }
            for text in [&mut attribute.description, &mut attribute.guidance]
                .into_iter()
                .flatten()
            {
                f(text, Lines::Multi);
            }
            for statement in attribute.levels.0.values_mut().flatten() {
                f(statement, Lines::Single);
            }
        }
    }
}

/// Calls `f` on every text of a skill that is shown, with how many lines it may hold.
fn skill_texts(skill: &mut Skill, f: &mut impl FnMut(&mut String, Lines)) {
    f(&mut skill.name, Lines::Single);
    for text in [&mut skill.category, &mut skill.subcategory, &mut skill.url]
        .into_iter()
        .flatten()
    {
        f(text, Lines::Single);
    }
    f(&mut skill.description, Lines::Multi);
    if let Some(guidance) = &mut skill.guidance {
        f(guidance, Lines::Multi);
    }
    for note in skill.rationale.iter_mut().chain(&mut skill.notes) {
        f(note, Lines::Multi);
    }
    for statement in skill.levels.0.values_mut().flatten() {
        f(statement, Lines::Single);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sources::parse_framework;

    fn framework(name: &str, edition: Option<&str>, code: &str, statement: &str) -> Framework {
        let edition = edition
            .map(|e| format!("edition: \"{e}\","))
            .unwrap_or_default();
        let text = format!(
            "(framework: \"{name}\", {edition} skills: [(code: \"{code}\", name: \"N\", description: \"D\", levels: {{3: [\"{statement}\"]}})])"
        );
        parse_framework("t.ron", &text).unwrap()
    }

    #[test]
    fn a_later_source_replaces_the_same_skill_in_place() {
        let mut catalog = Catalog::default();
        catalog.add("a", framework("F", Some("1"), "AB", "old"));
        catalog.add("a", framework("F", Some("1"), "CD", "other"));
        catalog.add("b", framework("F", Some("1"), "AB", "new"));
        assert_eq!(catalog.entries.len(), 2);
        assert_eq!(catalog.entries[0].skill.code.as_str(), "AB");
        assert_eq!(
            catalog.entries[0].skill.levels.0.values().next().unwrap()[0],
            "new"
        );
    }

    #[test]
    fn a_later_file_adds_and_replaces_attributes_and_level_texts() {
        let first = r#"(framework: "F", levels: [(level: 4, name: "Enable", essence: "E4")],
            attributes: [(code: "AUTO", name: "Autonomy", levels: {4: ["old"]}),
                         (code: "LEAD", name: "Leadership", kind: BusinessSkill)],
            skills: [])"#;
        let second = r#"(framework: "F", levels: [(level: 4, name: "Enable", guidance: "G4")],
            attributes: [(code: "AUTO", name: "Autonomy", levels: {4: ["new"]}),
                         (code: "INFL", name: "Influence")],
            skills: [])"#;
        let mut catalog = Catalog::default();
        catalog.add("a", parse_framework("a", first).unwrap());
        catalog.add("b", parse_framework("b", second).unwrap());
        let info = &catalog.frameworks[0];
        let level = Level::new(4).unwrap();
        assert_eq!(
            info.essence(level),
            Some("E4"),
            "kept: the second file has none"
        );
        assert_eq!(info.level_guidance[3].as_deref(), Some("G4"));
        let defined: Vec<u8> = info.defined_levels().map(Level::get).collect();
        assert_eq!(
            defined,
            [4],
            "the other levels have only SFIA's names to fall back on"
        );
        let codes: Vec<&str> = info.attributes.iter().map(|a| a.code.as_str()).collect();
        assert_eq!(codes, ["AUTO", "LEAD", "INFL"]);
        assert_eq!(
            info.attribute("auto").unwrap().statements(level).unwrap(),
            ["new"]
        );
        let business: Vec<&str> = (info.attributes_of(AttributeKind::BusinessSkill))
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(business, ["Leadership"]);
    }

    #[test]
    fn a_code_in_several_editions_names_the_newest_and_in_two_frameworks_none() {
        let mut catalog = Catalog::default();
        catalog.add("a", framework("SFIA", Some("9"), "RELM", "nine"));
        catalog.add("b", framework("SFIA", Some("10"), "RELM", "ten"));
        catalog.add("c", framework("SFIA", Some("8"), "RELM", "eight"));
        catalog.add("d", framework("SFIA", Some("8"), "SLEN", "only"));
        assert_eq!(
            catalog.choose("relm", None),
            Choice::Newest {
                entry: 1,
                others: vec![0, 2]
            }
        );
        assert_eq!(catalog.choose("RELM", Some("SFIA 8")), Choice::One(2));
        assert_eq!(catalog.choose("SLEN", None), Choice::One(3));
        assert_eq!(catalog.choose("PROG", None), Choice::Missing);
        catalog.add("e", framework("Acme", None, "RELM", "acme"));
        assert_eq!(
            catalog.choose("RELM", None),
            Choice::Several(vec![0, 1, 2, 4])
        );
    }

    #[test]
    fn editions_order_by_number_then_name() {
        use std::cmp::Ordering::*;
        assert_eq!(compare_editions(Some("8"), Some("9")), Less);
        assert_eq!(compare_editions(Some("10"), Some("9")), Greater);
        assert_eq!(compare_editions(Some("8.1"), Some("8")), Greater);
        assert_eq!(compare_editions(None, Some("1")), Less);
        assert_eq!(compare_editions(Some("beta"), Some("9")), Greater);
        assert_eq!(compare_editions(Some("alpha"), Some("beta")), Less);
        assert_eq!(compare_editions(Some("NaN"), Some("9")), Greater);
    }

    #[test]
    fn the_same_code_in_two_frameworks_stays_reachable() {
        let mut catalog = Catalog::default();
        catalog.add("a", framework("F", Some("1"), "AB", "one"));
        catalog.add("b", framework("F", Some("2"), "AB", "two"));
        catalog.add("c", framework("G", None, "AB", "three"));
        assert_eq!(catalog.find("ab", None), vec![0, 1, 2]);
        assert_eq!(catalog.find("AB", Some("f 2")), vec![1]);
        assert_eq!(catalog.find("AB", Some("g")), vec![2]);
        assert_eq!(catalog.frameworks[1].title(), "F 2");
        assert!(catalog.frameworks[1].answers_to("f 2") && catalog.frameworks[1].answers_to("F"));
        assert!(!catalog.frameworks[1].answers_to("F 1"));
        assert_eq!(catalog.frameworks[2].defined_levels().count(), 0);
    }

    #[test]
    fn the_printable_check_looks_at_every_string_make_printable_changes() {
        let base = framework("F", Some("1"), "AB", "fine");
        let mut plain = Catalog::default();
        plain.add("a", base.clone());
        assert!(plain.is_printable());
        let evil = "x\u{1b}[2J";
        let spoil: [fn(&mut Catalog, &str); 15] = [
            |c, t| c.frameworks[0].name = t.into(),
            |c, t| c.frameworks[0].edition = Some(t.into()),
            |c, t| c.frameworks[0].source = Some(t.into()),
            |c, t| c.frameworks[0].level_names[6] = t.into(),
            |c, t| c.frameworks[0].level_essence[2] = Some(t.into()),
            |c, t| c.frameworks[0].level_guidance[3] = Some(t.into()),
            |c, t| {
                let mut attribute: Attribute =
                    ron::from_str(r#"(code: "AUTO", name: "Autonomy")"#).unwrap();
                attribute.description = Some(t.into());
                c.frameworks[0].attributes.push(attribute);
            },
            |c, t| {
                let mut attribute: Attribute =
                    ron::from_str(r#"(code: "AUTO", name: "Autonomy", levels: {3: ["x"]})"#)
                        .unwrap();
                attribute.levels.0.values_mut().next().unwrap()[0] = t.into();
                c.frameworks[0].attributes.push(attribute);
            },
            |c, t| c.entries[0].skill.name = t.into(),
            |c, t| c.entries[0].skill.subcategory = Some(t.into()),
            |c, t| c.entries[0].skill.url = Some(t.into()),
            |c, t| c.entries[0].skill.description = t.into(),
            |c, t| c.entries[0].skill.guidance = Some(t.into()),
            |c, t| c.entries[0].skill.notes = vec!["ok".into(), t.into()],
            |c, t| {
                let statements = c.entries[0].skill.levels.0.values_mut().next().unwrap();
                statements[0] = t.into();
            },
        ];
        for (n, spoil) in spoil.into_iter().enumerate() {
            let mut catalog = plain.clone();
            spoil(&mut catalog, evil);
            assert!(!catalog.is_printable(), "{n}");
            catalog.make_printable();
            assert!(catalog.is_printable(), "{n}");
        }
        let mut category = plain.clone();
        category.entries[0].skill.category = Some("\u{202e}".into());
        assert!(!category.is_printable());
    }

    #[test]
    fn printable_catalogs_hold_no_control_characters() {
        let mut catalog = Catalog::default();
        catalog.add(
            "a",
            framework("F\\u{1b}]0;x", None, "AB", "evil \\u{1b}[2J \\u{202e}"),
        );
        assert!(!catalog.is_printable());
        catalog.make_printable();
        assert!(catalog.is_printable());
        let statement = &catalog.entries[0].skill.levels.0.values().next().unwrap()[0];
        assert_eq!(statement, "evil ^[[2J \u{FFFD}");
        assert_eq!(catalog.frameworks[0].name, "F^[]0;x");
    }
}
