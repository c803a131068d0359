#![allow(dead_code)] // each user takes the parts it needs
//! Synthetic frameworks for benchmarks and tests: any number of skills in our RON format, with
//! SFIA-like vocabulary (governance, release, deployment, security, …), about 3 KB of text per
//! skill, 6 categories of 4 subcategories, 2 to 6 consecutive defined levels with 2 to 6
//! statements each, and guidance notes with bullets.
//!
//! The output depends only on the number of skills and the seed (a small xorshift generator,
//! no `rand`), so every machine benchmarks the same text. `cargo run --release --example
//! generate -- 10000 > big.ron` writes a file; [`framework`] gives the data in memory.

use std::collections::BTreeMap;

use skillscope::data::model::{Code, Framework, Level, LevelName, LevelStatements, Skill, Status};

/// The seed the benchmarks and the example use unless told otherwise.
pub const DEFAULT_SEED: u64 = 0x5EED_5F1A;

/// xorshift64*: tiny, fast and good enough for text.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Zero is xorshift's one fixed point.
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }
}

/// Six categories of four subcategories, as in SFIA.
pub const CATEGORIES: [(&str, [&str; 4]); 6] = [
    (
        "Strategy and architecture",
        [
            "Strategy and planning",
            "Financial and value management",
            "Security and privacy",
            "Governance, risk and compliance",
        ],
    ),
    (
        "Change and transformation",
        [
            "Business change implementation",
            "Business change management",
            "Software life-cycle optimisation",
            "Organisational change",
        ],
    ),
    (
        "Development and implementation",
        [
            "Systems development",
            "Data and analytics",
            "User centred design",
            "Content management",
        ],
    ),
    (
        "Delivery and operation",
        [
            "Technology management",
            "Service management",
            "Security services",
            "Data management operations",
        ],
    ),
    (
        "People and skills",
        [
            "People management",
            "Skills management",
            "Learning and development",
            "Workforce planning",
        ],
    ),
    (
        "Relationships and engagement",
        [
            "Stakeholder management",
            "Sales and marketing",
            "Supplier management",
            "Partnership engagement",
        ],
    ),
];

const VERBS: &[&str] = &[
    "Leads",
    "Plans",
    "Designs",
    "Develops",
    "Implements",
    "Maintains",
    "Reviews",
    "Ensures",
    "Monitors",
    "Coordinates",
    "Contributes to",
    "Assists with",
    "Applies",
    "Evaluates",
    "Advises on",
    "Defines",
    "Establishes",
    "Manages",
    "Oversees",
    "Promotes",
    "Selects",
    "Supports",
    "Investigates",
    "Documents",
    "Communicates",
    "Negotiates",
    "Authorises",
    "Audits",
    "Automates",
    "Integrates",
    "Improves",
    "Tests",
    "Analyses",
    "Facilitates",
    "Sets",
    "Initiates",
    "Influences",
    "Champions",
    "Directs",
    "Schedules",
];

const GERUNDS: &[&str] = &[
    "planning",
    "designing",
    "managing",
    "establishing",
    "reviewing",
    "monitoring",
    "automating",
    "coordinating",
    "documenting",
    "evaluating",
    "improving",
    "defining",
    "integrating",
    "testing",
    "assessing",
    "operating",
    "maintaining",
    "communicating",
    "negotiating",
    "scheduling",
    "packaging",
    "securing",
    "measuring",
    "reporting",
    "adopting",
    "embedding",
];

const ADJECTIVES: &[&str] = &[
    "secure",
    "reliable",
    "continuous",
    "automated",
    "organisational",
    "strategic",
    "operational",
    "complex",
    "appropriate",
    "technical",
    "effective",
    "consistent",
    "agile",
    "large-scale",
    "critical",
    "cross-functional",
    "digital",
    "regulatory",
    "sustainable",
    "measurable",
    "external",
    "internal",
    "new",
    "existing",
    "specialist",
    "routine",
    "significant",
    "timely",
    "repeatable",
    "resilient",
];

const NOUNS: &[&str] = &[
    "governance",
    "release",
    "deployment",
    "security",
    "risk",
    "compliance",
    "architecture",
    "data",
    "service",
    "software",
    "system",
    "process",
    "policy",
    "standard",
    "practice",
    "requirement",
    "stakeholder",
    "team",
    "capability",
    "change",
    "infrastructure",
    "pipeline",
    "automation",
    "quality",
    "testing",
    "incident",
    "problem",
    "performance",
    "availability",
    "capacity",
    "configuration",
    "environment",
    "platform",
    "network",
    "application",
    "integration",
    "migration",
    "monitoring",
    "audit",
    "control",
    "assurance",
    "strategy",
    "roadmap",
    "budget",
    "supplier",
    "contract",
    "portfolio",
    "programme",
    "project",
    "resource",
    "skill",
    "knowledge",
    "learning",
    "feedback",
    "metric",
    "objective",
    "outcome",
    "benefit",
    "value",
    "customer",
    "user",
    "product",
    "feature",
    "component",
    "interface",
    "documentation",
    "procedure",
    "technique",
    "tool",
    "method",
    "framework",
    "model",
    "design",
    "specification",
    "evaluation",
    "assessment",
    "analysis",
    "review",
    "improvement",
    "innovation",
    "culture",
    "collaboration",
    "communication",
    "privacy",
    "resilience",
    "recovery",
    "backup",
    "continuity",
    "vulnerability",
    "threat",
    "identity",
    "access",
    "encryption",
    "certificate",
    "cloud",
    "container",
    "orchestration",
    "observability",
    "lifecycle",
    "version",
    "package",
    "artefact",
    "repository",
    "workflow",
    "schedule",
    "milestone",
    "dependency",
    "escalation",
    "licence",
    "asset",
    "inventory",
    "investment",
    "forecast",
    "regulation",
    "legislation",
    "ethics",
    "sustainability",
    "accessibility",
    "usability",
    "research",
    "experiment",
    "prototype",
    "operation",
    "maintenance",
    "support",
    "training",
    "coaching",
    "mentoring",
    "recruitment",
    "workforce",
    "organisation",
    "leadership",
    "decision",
    "priority",
    "issue",
    "exception",
    "remediation",
    "baseline",
    "benchmark",
    "target",
    "threshold",
    "estimate",
    "plan",
    "report",
    "dashboard",
    "evidence",
    "record",
    "register",
    "catalogue",
    "library",
    "inspection",
    "verification",
    "validation",
    "acceptance",
    "rollback",
    "transition",
    "handover",
    "vendor",
    "partner",
    "engagement",
    "marketing",
    "sales",
    "pricing",
    "invoice",
    "procurement",
    "tender",
    "warranty",
    "analytics",
    "visualisation",
    "modelling",
    "simulation",
    "algorithm",
    "database",
    "schema",
    "query",
    "storage",
    "archive",
    "retention",
    "content",
    "publication",
    "translation",
    "localisation",
];

const PREPOSITIONS: &[&str] = &[
    "for", "across", "within", "of", "through", "against", "during", "to",
];

const NAME_ENDINGS: &[&str] = &[
    "management",
    "engineering",
    "governance",
    "operations",
    "planning",
    "design",
    "assurance",
    "administration",
    "development",
    "analysis",
    "architecture",
    "support",
];

/// Codes: four letters from a bijection of the index (so they look scattered but never
/// repeat), with a number after them past 26⁴ skills.
pub fn code_for(index: usize) -> Code {
    const SPACE: usize = 26 * 26 * 26 * 26;
    // Odd and not a multiple of 13, hence coprime with 26⁴: a permutation of 0..SPACE.
    let mut value = (index % SPACE * 104_729 + 12_345) % SPACE;
    let mut code = String::new();
    for _ in 0..4 {
        code.insert(0, char::from(b'A' + (value % 26) as u8));
        value /= 26;
    }
    if index >= SPACE {
        code.push_str(&(index / SPACE).to_string());
    }
    Code::new(&code).expect("letters and digits")
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A noun phrase: "secure release pipelines", "the governance of data".
fn noun_phrase(rng: &mut Rng, out: &mut String) {
    if rng.chance(40) {
        out.push_str(rng.pick(ADJECTIVES));
        out.push(' ');
    }
    if rng.chance(45) {
        out.push_str(rng.pick(NOUNS));
        out.push(' ');
    }
    let noun = rng.pick(NOUNS);
    if rng.chance(30) {
        push_plural(out, noun);
    } else {
        out.push_str(noun);
    }
}

/// "policy" → "policies", "risk" → "risks" ("analytics" stays).
fn push_plural(out: &mut String, noun: &str) {
    match noun.strip_suffix('y') {
        _ if noun.ends_with('s') => out.push_str(noun),
        Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => {
            out.push_str(stem);
            out.push_str("ies");
        }
        _ => {
            out.push_str(noun);
            if noun.ends_with('x') || noun.ends_with("sh") || noun.ends_with("ch") {
                out.push_str("es");
            } else {
                out.push('s');
            }
        }
    }
}

/// A clause: "the governance of secure deployment pipelines and release controls".
fn object(rng: &mut Rng, out: &mut String) {
    out.push_str(if rng.chance(50) { "the " } else { "" });
    noun_phrase(rng, out);
    if rng.chance(60) {
        out.push(' ');
        out.push_str(rng.pick(PREPOSITIONS));
        out.push(' ');
        noun_phrase(rng, out);
    }
    if rng.chance(35) {
        out.push_str(" and ");
        noun_phrase(rng, out);
    }
}

/// A level statement: "Leads the assessment of release risks, including rollback plans."
fn statement(rng: &mut Rng) -> String {
    let mut out = String::with_capacity(160);
    out.push_str(rng.pick(VERBS));
    out.push(' ');
    object(rng, &mut out);
    match rng.below(4) {
        0 => {
            out.push_str(", including ");
            noun_phrase(rng, &mut out);
            out.push_str(" and ");
            noun_phrase(rng, &mut out);
        }
        1 => {
            out.push_str(" to achieve ");
            noun_phrase(rng, &mut out);
            out.push_str(" objectives");
        }
        2 => {
            out.push_str(" in line with ");
            noun_phrase(rng, &mut out);
            out.push_str(" standards");
        }
        _ => {}
    }
    out.push('.');
    out
}

/// A sentence of prose for descriptions and guidance.
fn sentence(rng: &mut Rng) -> String {
    let mut out = String::with_capacity(200);
    out.push_str(&capitalise(rng.pick(GERUNDS)));
    out.push(' ');
    object(rng, &mut out);
    out.push_str(if rng.chance(50) {
        " so that "
    } else {
        " while making sure that "
    });
    noun_phrase(rng, &mut out);
    out.push_str(if rng.chance(50) {
        " meets the needs of "
    } else {
        " supports "
    });
    object(rng, &mut out);
    out.push('.');
    out
}

fn paragraph(rng: &mut Rng, sentences: usize) -> String {
    (0..sentences)
        .map(|_| sentence(rng))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Guidance notes: a paragraph, activities as bullets, sometimes a closing paragraph.
fn guidance(rng: &mut Rng) -> String {
    let sentences = rng.between(2, 4);
    let mut text = paragraph(rng, sentences);
    text.push_str("\n\nActivities may include, but are not limited to:\n");
    for _ in 0..rng.between(6, 12) {
        text.push_str("- ");
        text.push_str(rng.pick(GERUNDS));
        text.push(' ');
        object(rng, &mut text);
        text.push('\n');
    }
    if rng.chance(50) {
        text.push('\n');
        let sentences = rng.between(1, 2);
        text.push_str(&paragraph(rng, sentences));
    }
    text.trim_end().to_string()
}

fn skill_name(rng: &mut Rng) -> String {
    let mut name = capitalise(rng.pick(NOUNS));
    if rng.chance(50) {
        name.push_str(" and ");
        name.push_str(rng.pick(NOUNS));
    }
    name.push(' ');
    name.push_str(rng.pick(NAME_ENDINGS));
    name
}

/// One synthetic skill; `index` gives its code and category.
fn skill(rng: &mut Rng, index: usize) -> Skill {
    let code = code_for(index);
    let (category, subcategories) = CATEGORIES[rng.below(CATEGORIES.len())];
    let subcategory = subcategories[rng.below(subcategories.len())];
    let count = rng.between(2, 6);
    let first = rng.between(1, 8 - count);
    let mut levels = BTreeMap::new();
    for n in first..first + count {
        let level = Level::new(n as u8).expect("1..=7");
        let statements = (0..rng.between(2, 6)).map(|_| statement(rng)).collect();
        levels.insert(level, statements);
    }
    let status = match rng.below(20) {
        0 => Status::Prototype,
        1 => Status::Proposed,
        _ => Status::Published,
    };
    let url = rng.chance(50).then(|| {
        format!(
            "https://example.org/skills/{}",
            code.as_str().to_lowercase()
        )
    });
    let notes = if rng.chance(20) {
        vec![paragraph(rng, 1)]
    } else {
        Vec::new()
    };
    Skill {
        name: skill_name(rng),
        category: Some(category.to_string()),
        subcategory: Some(subcategory.to_string()),
        status,
        url,
        description: paragraph(rng, 2),
        guidance: Some(guidance(rng)),
        levels: LevelStatements(levels),
        rationale: Vec::new(),
        notes,
        code,
    }
}

/// A framework of `skills` synthetic skills, the same for the same seed.
pub fn framework(skills: usize, seed: u64) -> Framework {
    let mut rng = Rng::new(seed);
    Framework {
        framework: "Synthetic".to_string(),
        edition: Some(skills.to_string()),
        source: Some(format!(
            "Generated by skillscope::testdata ({skills} skills, seed {seed}); not real SFIA text"
        )),
        levels: Level::all().map(LevelName::standard).collect(),
        attributes: Vec::new(),
        skills: (0..skills).map(|index| skill(&mut rng, index)).collect(),
    }
}

/// A framework of one skill, `MANY`, with `count` statements at each of levels 3 and 4: the
/// shape that makes comparing two levels expensive. Of level 4's statements, `repeated` percent
/// are level 3's statement at the same place, word for word; the rest are new.
pub fn many_statements(count: usize, repeated: usize, seed: u64) -> Framework {
    let mut rng = Rng::new(seed);
    let mut skill = skill(&mut rng, 0);
    skill.code = Code::new("MANY").expect("letters");
    let lower: Vec<String> = (0..count).map(|_| statement(&mut rng)).collect();
    let upper: Vec<String> = (lower.iter())
        .map(|kept| match rng.chance(repeated) {
            true => kept.clone(),
            false => statement(&mut rng),
        })
        .collect();
    let levels =
        [(3, lower), (4, upper)].map(|(n, statements)| (Level::new(n).unwrap(), statements));
    skill.levels = LevelStatements(levels.into_iter().collect());
    let mut framework = framework(0, seed);
    framework.source = Some(format!(
        "Generated by skillscope::testdata (one skill of {count} statements a level, seed {seed})"
    ));
    framework.skills.push(skill);
    framework
}

/// The framework as a data file (pretty RON, options written plainly, as `import` writes).
pub fn to_ron(framework: &Framework) -> String {
    let mut text = skillscope::data::sources::write_framework(framework).expect("serializable");
    text.push('\n');
    text
}

/// [`framework`] as RON text, ready for [`skillscope::data::sources::parse_framework`].
pub fn framework_ron(skills: usize, seed: u64) -> String {
    to_ron(&framework(skills, seed))
}

/// One skill on one line, for line-oriented tools such as `fzf --filter`: code, name,
/// category, subcategory, description, guidance, every level's statements and notes, separated
/// by " | " (line breaks become spaces).
pub fn record_line(skill: &Skill) -> String {
    let mut fields: Vec<&str> = vec![skill.code.as_str(), &skill.name];
    fields.extend(skill.category.as_deref());
    fields.extend(skill.subcategory.as_deref());
    fields.push(&skill.description);
    fields.extend(skill.guidance.as_deref());
    fields.extend(skill.levels.0.values().flatten().map(String::as_str));
    fields.extend(skill.notes.iter().map(String::as_str));
    fields.join(" | ").replace('\n', " ")
}

/// Every skill as [`record_line`], one per line.
pub fn records(framework: &Framework) -> String {
    let mut text = String::new();
    for skill in &framework.skills {
        text.push_str(&record_line(skill));
        text.push('\n');
    }
    text
}

/// Words that the generator's vocabulary never uses, for [`planted_phrases`].
const PLANTED_WORDS: &[&str] = &[
    "lantern",
    "harbour",
    "quarterly",
    "rehearsal",
    "ledger",
    "beacon",
    "cadence",
    "orchard",
    "keystone",
    "tidal",
    "meridian",
    "summit",
];

/// [`framework`] with planted phrases and decoys for ranking tests: each skill gets, at one
/// level, a statement holding three or four planted words in a row (some with punctuation
/// between them), and the next skills get the same words as decoys: in another order in one
/// statement, split between two levels, as whole phrase in the guidance, as prefixes of longer
/// words, and inside other words. A search for the phrase should land on the planted level.
pub fn planted_phrases(skills: usize, seed: u64) -> Framework {
    let mut framework = framework(skills, seed);
    let mut rng = Rng::new(seed ^ 0x91A7);
    for planted in 0..skills {
        let count = rng.between(3, 4);
        let mut words: Vec<&str> = Vec::with_capacity(count);
        while words.len() < count {
            let word = rng.pick(PLANTED_WORDS);
            if !words.contains(&word) {
                words.push(word);
            }
        }
        let joined = match rng.below(3) {
            0 => format!("{}-{}, {}", words[0], words[1], words[2..].join(" ")),
            _ => words.join(" "),
        };
        let target = &mut framework.skills[planted];
        let level = *target
            .levels
            .0
            .keys()
            .nth(rng.below(target.levels.0.len()))
            .unwrap();
        let statement = format!("Keeps the {joined} {} up to date.", rng.pick(NOUNS));
        target.levels.0.get_mut(&level).unwrap().push(statement);

        let decoy = |offset: usize| (planted + offset) % skills;
        let mut reversed = words.clone();
        reversed.reverse();
        let spread = format!(
            "Checks {} records against the {} plan before each {}.",
            reversed[0],
            reversed[1],
            reversed[2..].join(" and ")
        );
        let (first, rest) = words.split_at(2);
        let guidance = framework.skills[decoy(3)]
            .guidance
            .get_or_insert_with(String::new);
        guidance.push_str(&format!("\n- keeping the {} current", words.join(" ")));
        let prefixed: Vec<String> = words.iter().map(|w| format!("{w}s")).collect();
        let inside: Vec<String> = words.iter().map(|w| format!("pre{w}ed")).collect();
        // (which skill after the planted one, which of its levels, the statement)
        let decoys = [
            (1, 0, spread),
            (2, 0, format!("Uses {}.", first.join(" "))),
            (2, 1, format!("Uses {}.", rest.join(" "))),
            (4, 0, format!("Lists {}.", prefixed.join(" "))),
            (5, 0, format!("Lists {}.", inside.join(" "))),
        ];
        for (offset, nth, statement) in decoys {
            push_statement(&mut framework.skills[decoy(offset)], nth, statement);
        }
    }
    framework.source = Some(format!(
        "Generated by skillscope::testdata ({skills} skills with planted phrases, seed {seed})"
    ));
    framework
}

/// Adds `statement` to the skill's `nth` defined level (the last one when it has fewer).
fn push_statement(skill: &mut Skill, nth: usize, statement: String) {
    let levels = &mut skill.levels.0;
    let level = *levels
        .keys()
        .nth(nth.min(levels.len() - 1))
        .expect("a defined level");
    levels.get_mut(&level).expect("defined").push(statement);
}
