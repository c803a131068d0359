//! How the commands write text: a width, and ANSI colour only on a terminal without NO_COLOR.
//! A whole skill as wrapped text lives here too: it is the text face of a skill.

use std::fmt::Write as _;

use crossterm::style::Stylize;

use crate::data::catalog::{Catalog, Entry};
use crate::data::model::{GuidanceBlock, Level};
use crate::query::render::{level_grid_text, levels_to_show, placement};

/// How text output looks: its width and whether it may use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextStyle {
    pub width: usize,
    pub color: bool,
}

impl TextStyle {
    pub fn plain(width: usize) -> TextStyle {
        TextStyle {
            width,
            color: false,
        }
    }

    pub fn heading(&self, text: &str) -> String {
        if self.color {
            text.bold().to_string()
        } else {
            text.to_string()
        }
    }

    pub fn dim(&self, text: &str) -> String {
        if self.color {
            text.dark_grey().to_string()
        } else {
            text.to_string()
        }
    }

    pub fn code(&self, text: &str) -> String {
        if self.color {
            text.bold().cyan().to_string()
        } else {
            text.to_string()
        }
    }

    fn wrap(&self, text: &str, indent: &str, hanging: &str) -> String {
        let width = self.width.max(indent.len() + 10);
        let options = textwrap::Options::new(width)
            .initial_indent(indent)
            .subsequent_indent(hanging);
        textwrap::fill(text, options)
    }
}

/// A whole skill (or one level of it) as wrapped text.
pub fn skill_text(
    catalog: &Catalog,
    entry: &Entry,
    only: Option<Level>,
    style: TextStyle,
) -> String {
    let skill = &entry.skill;
    let framework = catalog.framework_of(entry);
    let mut out = String::new();
    let status = if skill.status.is_published() {
        String::new()
    } else {
        format!("  [{}]", skill.status.label())
    };
    let _ = writeln!(
        out,
        "{}  {}{status}",
        style.code(skill.code.as_str()),
        style.heading(&skill.name)
    );
    let placement = placement(entry);
    let context = [framework.title(), placement]
        .into_iter()
        .filter(|s| !s.is_empty());
    let _ = writeln!(
        out,
        "{}",
        style.dim(&context.collect::<Vec<_>>().join(" · "))
    );
    let _ = writeln!(
        out,
        "{}",
        style.dim(&format!("Levels: {}", level_grid_text(entry)))
    );
    if let Some(url) = &skill.url {
        let _ = writeln!(out, "{}", style.dim(url));
    }
    if only.is_none() {
        let _ = writeln!(out, "\n{}", style.wrap(&skill.description, "", ""));
        let blocks = skill.guidance_blocks();
        if !blocks.is_empty() {
            let _ = writeln!(out, "\n{}", style.heading("Guidance notes"));
            for block in blocks {
                match block {
                    GuidanceBlock::Paragraph(text) => {
                        let _ = writeln!(out, "{}", style.wrap(&text, "", ""));
                    }
                    GuidanceBlock::Bullets(items) => {
                        for item in items {
                            let _ = writeln!(out, "{}", style.wrap(item, "  • ", "    "));
                        }
                    }
                }
            }
        }
    }
    for level in levels_to_show(entry, only) {
        let title = format!("Level {level} — {}", framework.level_name(level));
        let _ = writeln!(out, "\n{}", style.heading(&title));
        for statement in skill.statements(level).unwrap_or_default() {
            let _ = writeln!(out, "{}", style.wrap(statement, "  • ", "    "));
        }
    }
    if only.is_none() && !skill.notes.is_empty() {
        let _ = writeln!(out, "\n{}", style.heading("Notes"));
        for note in &skill.notes {
            let _ = writeln!(out, "{}", style.wrap(note, "  • ", "    "));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sources::{load_catalog, SourceSelection};

    fn relm() -> (Catalog, usize) {
        let catalog = load_catalog(&SourceSelection {
            built_in: true,
            ..Default::default()
        });
        let index = catalog.find("RELM", None)[0];
        (catalog, index)
    }

    #[test]
    fn text_wraps_to_the_width_and_renders_bullets() {
        let (catalog, i) = relm();
        let text = skill_text(&catalog, &catalog.entries[i], None, TextStyle::plain(60));
        assert!(
            text.lines()
                .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 60),
            "{text}"
        );
        assert!(text.contains("  • developing and maintaining rollback procedures"));
        assert!(text.contains("Level 5 — Ensure, advise"));
        assert!(!text.contains('\x1b'));
    }

    #[test]
    fn one_level_leaves_out_the_rest() {
        let (catalog, i) = relm();
        let text = skill_text(
            &catalog,
            &catalog.entries[i],
            Level::new(3),
            TextStyle::plain(100),
        );
        assert!(text.contains("Level 3 — Apply"));
        assert!(!text.contains("Level 4"));
        assert!(!text.contains("Guidance notes"));
    }
}
