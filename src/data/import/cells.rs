//! Cleaning the text of one cell: HTML, the line breaks, odd spaces, invisible characters and
//! Excel escapes of real exports, and the shapes our data format gives a cell's text (one line,
//! statements a line, guidance paragraphs and bullet lists).
//!
//! A cell is cleaned once ([`clean_text`]): cleaning decodes HTML, so cleaning the result again
//! could read an escaped `&lt;p&gt;` as a tag. The `*_of_clean` shapes take cleaned text.

use std::borrow::Cow;

use super::html;

/// A row's cell text, empty past the row's end (rows are as long as their last filled cell).
pub fn cell(row: &[String], column: usize) -> &str {
    row.get(column).map_or("", String::as_str)
}

/// Cleans a cell's text: line breaks (CR, CRLF, literal `_x000D_`, vertical tab, Unicode line
/// separators) become `\n`; non-breaking and other odd spaces become plain spaces; zero-width
/// characters, soft hyphens and other control characters go; each line is trimmed and its runs
/// of spaces collapsed; blank lines at the ends go and runs of blank lines become one.
pub fn clean_text(raw: &str) -> String {
    let text = replace_literal_escapes(raw);
    tidy_lines(&plain_characters(&html::to_plain_text(&text)))
}

/// Cleans a cell that holds one line (a code, a name, a category): line breaks become spaces.
pub fn clean_line(raw: &str) -> String {
    clean_text(raw)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The statements of a level description: one a line, trimmed, empty lines dropped.
pub fn statements(raw: &str) -> Vec<String> {
    statements_of_clean(&clean_text(raw))
}

/// [`statements`] of text already cleaned.
pub fn statements_of_clean(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| strip_bullet(line).unwrap_or(line).trim().to_string())
        .filter(|line| !line.is_empty())
        .collect()
}

/// Guidance notes in our format: each line of the cell is a paragraph (paragraphs are separated
/// by a blank line); a line ending with ":" ("Activities may include, but are not limited to:")
/// is a paragraph of its own and the lines after it are "- " bullet items, as are lines that
/// already start with a bullet mark. The list ends at a sentence (a capital letter first, a full
/// stop last) after a blank line, or at the next line ending with ":".
pub fn guidance_text(raw: &str) -> Option<String> {
    guidance_of_clean(&clean_text(raw))
}

/// [`guidance_text`] of text already cleaned.
pub fn guidance_of_clean(text: &str) -> Option<String> {
    let text = join_blocks(&guidance_blocks(text));
    (!text.is_empty()).then_some(text)
}

/// Cleaned text without a leading label that repeats what the cell is ("Essence of the level:
/// Performs …" → "Performs …"): the text before the first colon, if its key (see
/// [`header_key`](super::header::header_key)) is one of `labels`.
pub fn without_label<'t>(text: &'t str, labels: &[&str]) -> &'t str {
    let first_line = text.lines().next().unwrap_or("");
    match first_line.split_once(':') {
        Some((label, _)) if labels.contains(&super::header::header_key(label).as_str()) => {
            text[label.len() + 1..].trim_start()
        }
        _ => text,
    }
}

/// The marker that makes a skill a prototype in SFIA's beta exports: "Name [prototype]".
const PROTOTYPE_MARKER: &str = "[prototype]";

/// A cleaned name without its "[prototype]" marker (in any case, anywhere), and whether it had
/// one.
pub fn without_prototype_marker(name: &str) -> (String, bool) {
    // ASCII lower case keeps every byte where it was, so an offset in it is one in the name
    // (full lower case can move them: 'İ' grows, 'ẞ' shrinks); the marker is ASCII.
    let lower = name.to_ascii_lowercase();
    match lower.find(PROTOTYPE_MARKER) {
        Some(at) => {
            let rest = format!("{} {}", &name[..at], &name[at + PROTOTYPE_MARKER.len()..]);
            (clean_line(&rest), true)
        }
        _ => (name.to_string(), false),
    }
}

/// Excel's escapes for characters XML cannot hold, which some exports leave in the text.
const LITERAL_ESCAPES: [(&str, char); 3] =
    [("_x000d_", '\r'), ("_x000a_", '\n'), ("_x0009_", '\t')];

fn replace_literal_escapes(raw: &str) -> Cow<'_, str> {
    if !raw.contains("_x") && !raw.contains("_X") {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    'outer: while let Some(at) = rest.find('_') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        for (escape, replacement) in LITERAL_ESCAPES {
            if rest.len() >= escape.len()
                && rest.is_char_boundary(escape.len())
                && rest[..escape.len()].eq_ignore_ascii_case(escape)
            {
                out.push(replacement);
                rest = &rest[escape.len()..];
                continue 'outer;
            }
        }
        out.push('_');
        rest = &rest[1..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Every line break as `\n`, every odd space as a plain space, invisible and control
/// characters gone.
fn plain_characters(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                out.push('\n')
            }
            '\t'
            | '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}' => out.push(' '),
            '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Each line trimmed with single spaces; no blank line at either end, at most one in a row.
fn tidy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_pending = false;
    for line in text.split('\n') {
        let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_pending { "\n\n" } else { "\n" });
        }
        blank_pending = false;
        out.push_str(&words.join(" "));
    }
    out
}

/// The item of a line that starts with a bullet mark ("•", "-", "–", "*", …) and a space.
fn strip_bullet(line: &str) -> Option<&str> {
    let mut chars = line.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    let is_mark = matches!(
        first,
        '•' | '◦' | '▪' | '‣' | '·' | '-' | '–' | '—' | '*' | '⁃'
    );
    (is_mark && rest.starts_with(' ')).then(|| rest.trim())
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// A piece of guidance: a paragraph, the paragraph that introduces a list, or a list.
enum Block {
    Paragraph(String),
    Intro(String),
    Bullets(Vec<String>),
}

/// The blocks of cleaned guidance text (see [`guidance_text`] for the rules).
fn guidance_blocks(cleaned: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut in_list = false;
    let mut after_blank = false;
    for line in cleaned.lines() {
        if line.is_empty() {
            after_blank = true;
            continue;
        }
        // A sentence after a list closes it when a blank line comes first, or when the items
        // are phrases (lower case) and the sentence is not: SFIA 8 puts closing paragraphs
        // straight after the last item.
        let lowercase_items = matches!(blocks.last(),
            Some(Block::Bullets(items)) if items.iter().all(|item| starts_lowercase(item)));
        let ends_list = matches!(blocks.last(), Some(Block::Bullets(_)))
            && line.chars().next().is_some_and(char::is_uppercase)
            && line.ends_with('.')
            && (after_blank || lowercase_items);
        after_blank = false;
        // A line ending with a colon introduces a list, unless it is a phrase in a list: SFIA
        // 8 ends a list with such an item ("… to guide improvements:").
        let introduces = line.ends_with(':') && !(in_list && starts_lowercase(line));
        let item = match strip_bullet(line) {
            Some(item) => Some(item),
            None if in_list && !ends_list && !introduces => Some(line),
            None => None,
        };
        match item {
            Some("") => {}
            Some(item) => match blocks.last_mut() {
                Some(Block::Bullets(items)) => items.push(item.to_string()),
                _ => blocks.push(Block::Bullets(vec![item.to_string()])),
            },
            None if introduces => {
                blocks.push(Block::Intro(line.to_string()));
                in_list = true;
            }
            None => {
                blocks.push(Block::Paragraph(line.to_string()));
                in_list = false;
            }
        }
    }
    blocks
}

/// Blocks as our guidance format: a blank line between blocks, except that a list follows
/// its intro on the next line.
fn join_blocks(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut previous_was_intro = false;
    for block in blocks {
        if !out.is_empty() {
            let bullets_after_intro = previous_was_intro && matches!(block, Block::Bullets(_));
            out.push_str(if bullets_after_intro { "\n" } else { "\n\n" });
        }
        match block {
            Block::Paragraph(text) | Block::Intro(text) => out.push_str(text),
            Block::Bullets(items) => {
                let lines: Vec<String> = items.iter().map(|item| format!("- {item}")).collect();
                out.push_str(&lines.join("\n"));
            }
        }
        previous_was_intro = matches!(block, Block::Intro(_));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prototype_marker_is_cut_where_it_stands_whatever_the_letters_around_it() {
        assert_eq!(
            without_prototype_marker("Release [Prototype]"),
            ("Release".to_string(), true)
        );
        // 'İ' and 'ẞ' change length when lower-cased, by as much as each other.
        assert_eq!(
            without_prototype_marker("İ[prototype]ẞ"),
            ("İ ẞ".to_string(), true)
        );
        assert_eq!(
            without_prototype_marker("Plain name"),
            ("Plain name".to_string(), false)
        );
    }

    #[test]
    fn cells_lose_carriage_returns_odd_spaces_and_literal_escapes() {
        assert_eq!(
            clean_text("First\u{a0}line  \r\nsecond_x000D_\nthird _x000d_ fourth\rfifth "),
            "First line\nsecond\nthird\nfourth\nfifth"
        );
        assert_eq!(
            clean_text("  \r\n\u{a0}a\n\n\n\nb\u{200b}\t c \n \n"),
            "a\n\nb c"
        );
        assert_eq!(
            clean_text("keep_x00 and _xyz_ and snake_case"),
            "keep_x00 and _xyz_ and snake_case"
        );
        assert_eq!(clean_text("bell\u{7}less\u{feff}"), "bellless");
        assert_eq!(
            clean_line(" Delivery and\r\noperation\u{a0} "),
            "Delivery and operation"
        );
        assert_eq!(clean_text("café_x000D_"), "café");
    }

    #[test]
    fn level_descriptions_hold_one_statement_a_line() {
        assert_eq!(
            statements("Does one thing. \r\n\r\n\u{a0}\r\nDoes another._x000D_\n• Does a third."),
            ["Does one thing.", "Does another.", "Does a third."]
        );
        assert!(statements(" \u{a0}_x000D_\n ").is_empty());
    }

    #[test]
    fn html_cells_become_statements_and_guidance() {
        assert_eq!(
            statements(
                "<p>Does one&nbsp;thing.</p>\r\n<ul><li>Does &amp; checks another.</li></ul>"
            ),
            ["Does one thing.", "Does & checks another."]
        );
        assert_eq!(
            guidance_text(
                "<p>Intro.</p><p>Activities include:</p><ul><li>one</li><li>two</li></ul>"
            )
            .unwrap(),
            "Intro.\n\nActivities include:\n- one\n- two"
        );
        assert_eq!(
            clean_line("<b>Delivery</b> &amp;\n<i>operation</i>"),
            "Delivery & operation"
        );
        assert_eq!(
            clean_text("&lt;p&gt;shown, not a tag&lt;/p&gt;"),
            "<p>shown, not a tag</p>"
        );
        assert_eq!(
            clean_text("<p>no&#27;[31m escape&#x7;</p>"),
            "no[31m escape",
            "control characters from references go like any other"
        );
    }

    #[test]
    fn labels_repeating_what_a_cell_is_are_dropped() {
        let essence = ["essence", "essence of the level"];
        assert_eq!(
            without_label("Essence of the level: Works alone.\nMore.", &essence),
            "Works alone.\nMore."
        );
        assert_eq!(without_label("ESSENCE:Works.", &essence), "Works.");
        assert_eq!(
            without_label("Note: not a label", &essence),
            "Note: not a label"
        );
        assert_eq!(without_label("No colon", &essence), "No colon");
    }

    #[test]
    fn a_prototype_marker_leaves_the_name() {
        assert_eq!(
            without_prototype_marker("Data engineering [prototype]"),
            ("Data engineering".to_string(), true)
        );
        assert_eq!(
            without_prototype_marker("[PROTOTYPE] Quantum"),
            ("Quantum".to_string(), true)
        );
        assert_eq!(
            without_prototype_marker("Prototyping"),
            ("Prototyping".to_string(), false)
        );
    }

    #[test]
    fn cells_past_the_end_of_a_row_are_empty() {
        let row = vec!["a".to_string(), "b".to_string()];
        assert_eq!((cell(&row, 1), cell(&row, 2)), ("b", ""));
    }

    #[test]
    fn guidance_activities_become_bullets_after_their_own_paragraph() {
        let raw = "Intro paragraph.\u{a0}\r\nSecond paragraph._x000D_\n\r\nActivities may include, but are not limited to:\r\n\r\nfirst activity \r\nsecond\u{a0}activity\r\n";
        assert_eq!(
            guidance_text(raw).unwrap(),
            "Intro paragraph.\n\nSecond paragraph.\n\nActivities may include, but are not limited to:\n- first activity\n- second activity"
        );
    }

    #[test]
    fn a_closing_paragraph_straight_after_a_list_of_phrases_is_not_an_item() {
        // As SFIA 8 writes some guidance (EMRG): no blank line before the closing paragraph.
        let raw = "Activities include:\nwatching new things\nreporting on them\nThe focus is on what matters.";
        assert_eq!(
            guidance_text(raw).unwrap(),
            "Activities include:\n- watching new things\n- reporting on them\n\nThe focus is on what matters."
        );
        // Items that are sentences themselves need the blank line to end the list.
        let raw = "Activities include:\nWatching new things.\nReporting on them.";
        assert_eq!(
            guidance_text(raw).unwrap(),
            "Activities include:\n- Watching new things.\n- Reporting on them."
        );
    }

    #[test]
    fn a_last_item_ending_with_a_colon_stays_an_item() {
        // As SFIA 8 ends SLEN's list: "… appropriate industry frameworks to guide improvements:".
        let raw = "Activities include, but are not limited to:\nfocusing on value\nadopting frameworks to guide improvements:";
        let text = guidance_text(raw).unwrap();
        assert_eq!(
            text,
            "Activities include, but are not limited to:\n- focusing on value\n- adopting frameworks to guide improvements:"
        );
        use crate::data::model::{parse_guidance, GuidanceBlock};
        assert_eq!(
            parse_guidance(&text)[1],
            GuidanceBlock::Bullets(vec![
                "focusing on value",
                "adopting frameworks to guide improvements:"
            ])
        );
        // A capitalised line with a colon still opens a new list.
        let raw = "Activities include:\none\nAlso:\ntwo";
        assert_eq!(
            guidance_text(raw).unwrap(),
            "Activities include:\n- one\n\nAlso:\n- two"
        );
    }

    #[test]
    fn guidance_lists_end_at_a_sentence_after_a_blank_line_and_keep_bullet_marks() {
        let raw =
            "Activities include:\n• one\n- two\nthree\n\nThis is a closing sentence.\nAlso:\nfour";
        let text = guidance_text(raw).unwrap();
        assert_eq!(
            text,
            "Activities include:\n- one\n- two\n- three\n\nThis is a closing sentence.\n\nAlso:\n- four"
        );
        use crate::data::model::{parse_guidance, GuidanceBlock};
        assert_eq!(
            parse_guidance(&text),
            [
                GuidanceBlock::Paragraph("Activities include:".into()),
                GuidanceBlock::Bullets(vec!["one", "two", "three"]),
                GuidanceBlock::Paragraph("This is a closing sentence.".into()),
                GuidanceBlock::Paragraph("Also:".into()),
                GuidanceBlock::Bullets(vec!["four"]),
            ],
            "the model reads the text back as the same blocks"
        );
        assert_eq!(guidance_text(" \r\n_x000D_"), None);
        assert_eq!(
            guidance_text("Only a paragraph.").as_deref(),
            Some("Only a paragraph.")
        );
    }
}
