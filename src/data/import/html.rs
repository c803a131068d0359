//! HTML in a cell (SFIA's beta exports write their texts as HTML) turned into our plain text:
//! paragraphs separated by a blank line, list items as "- " lines, line breaks kept, entities
//! decoded, no tag left. A cell that is not HTML passes through untouched.
//!
//! The tokenizing is html5gum's (WHATWG's rules for tag soup and character references); this
//! module only decides what each tag means for the text.

use std::borrow::Cow;

use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Tags that end a paragraph: the text after them starts a new one.
const BLOCK_TAGS: &[&str] = &[
    "blockquote",
    "body",
    "dd",
    "div",
    "dl",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "html",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "ul",
];

/// Tags within a paragraph. These and [`BLOCK_TAGS`] make a cell HTML; a `<` before any other
/// word ("<Enter>") is text.
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "br", "code", "em", "font", "i", "li", "small", "span", "strong", "sub",
    "sup", "tbody", "td", "th", "thead", "u",
];

/// Tags whose content is not text to read.
const HIDDEN_TAGS: &[&str] = &["head", "script", "style", "template", "title"];

/// The cell as plain text: HTML converted, character references alone decoded (the cell's line
/// breaks kept), anything else unchanged.
pub fn to_plain_text(raw: &str) -> Cow<'_, str> {
    if has_known_tag(raw) {
        Cow::Owned(convert(raw, Whitespace::Collapse))
    } else if has_character_reference(raw) {
        // Only references: a `<` is text here, so it must not start a tag for the tokenizer.
        Cow::Owned(convert(&raw.replace('<', "&lt;"), Whitespace::Keep))
    } else {
        Cow::Borrowed(raw)
    }
}

/// Whether a `<`, optionally `/`, and a known tag name end in a space, `/` or `>`; or a comment.
fn has_known_tag(raw: &str) -> bool {
    raw.match_indices('<').any(|(at, _)| {
        let rest = &raw[at + 1..];
        if rest.starts_with("!--") {
            return true;
        }
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        let name_length = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let after = rest[name_length..].chars().next();
        let name = rest[..name_length].to_ascii_lowercase();
        (BLOCK_TAGS.contains(&name.as_str()) || INLINE_TAGS.contains(&name.as_str()))
            && matches!(after, Some('>' | '/' | ' ' | '\t' | '\n' | '\r'))
    })
}

/// Whether `&` starts a named (`&amp;`) or numeric (`&#8217;`, `&#x2019;`) reference.
fn has_character_reference(raw: &str) -> bool {
    raw.match_indices('&').any(|(at, _)| {
        let rest = &raw[at + 1..];
        let (body, allowed): (&str, fn(&u8) -> bool) =
            if let Some(hex) = rest.strip_prefix("#x").or_else(|| rest.strip_prefix("#X")) {
                (hex, u8::is_ascii_hexdigit)
            } else if let Some(decimal) = rest.strip_prefix('#') {
                (decimal, u8::is_ascii_digit)
            } else {
                (rest, u8::is_ascii_alphanumeric)
            };
        let length = body.bytes().take_while(allowed).count();
        length > 0 && body[length..].starts_with(';')
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Whitespace {
    /// HTML's rule: runs of spaces and line breaks in text are one space.
    Collapse,
    /// The cell's own line breaks stay (a cell that only holds character references).
    Keep,
}

/// What separates the next text from the text before it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    Space,
    Line,
    Paragraph,
}

/// The text built from the tokens.
struct Text {
    out: String,
    pending: Break,
    /// A list item started: its text gets the "- " mark.
    item_pending: bool,
    /// Inside `<script>`, `<style>` and the like, however deep.
    hidden: usize,
    whitespace: Whitespace,
}

impl Text {
    fn request(&mut self, gap: Break) {
        self.pending = self.pending.max(gap);
    }

    fn push_text(&mut self, text: &str) {
        if self.hidden > 0 {
            return;
        }
        for c in text.chars() {
            let is_space = matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}');
            if is_space && self.whitespace == Whitespace::Collapse {
                self.request(Break::Space);
                continue;
            }
            self.flush_pending();
            self.out.push(c);
        }
    }

    /// Writes the break waiting before the next character, and a list item's mark.
    fn flush_pending(&mut self) {
        let at_line_start = self.out.is_empty() || self.out.ends_with('\n');
        match self.pending {
            _ if self.out.is_empty() => {}
            Break::Paragraph => self.out.push_str("\n\n"),
            Break::Line if !at_line_start => self.out.push('\n'),
            Break::Space if !at_line_start => self.out.push(' '),
            _ => {}
        }
        if self.item_pending {
            self.out.push_str("- ");
            self.item_pending = false;
        }
        self.pending = Break::None;
    }

    fn start_tag(&mut self, name: &str) {
        match name {
            _ if HIDDEN_TAGS.contains(&name) => self.hidden += 1,
            "br" => self.request(Break::Line),
            "li" => {
                self.request(Break::Line);
                self.item_pending = true;
            }
            "td" | "th" => self.request(Break::Space),
            _ if BLOCK_TAGS.contains(&name) => self.request(Break::Paragraph),
            _ => {}
        }
    }

    fn end_tag(&mut self, name: &str) {
        match name {
            _ if HIDDEN_TAGS.contains(&name) => self.hidden = self.hidden.saturating_sub(1),
            "li" => {
                self.request(Break::Line);
                self.item_pending = false;
            }
            _ if BLOCK_TAGS.contains(&name) => self.request(Break::Paragraph),
            _ => {}
        }
    }
}

fn convert(html: &str, whitespace: Whitespace) -> String {
    let mut emitter = DefaultEmitter::default();
    // `<script>` and `<style>` hold raw text, not tags: the tokenizer must know where they end.
    emitter.naively_switch_states(true);
    let mut text = Text {
        out: String::with_capacity(html.len()),
        pending: Break::None,
        item_pending: false,
        hidden: 0,
        whitespace,
    };
    // A string never fails to read; tokenizer errors are recovered from and carry no text.
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                text.start_tag(&name);
                if tag.self_closing {
                    text.end_tag(&name);
                }
            }
            Token::EndTag(tag) => text.end_tag(&String::from_utf8_lossy(&tag.name).to_lowercase()),
            Token::String(value) => text.push_text(&String::from_utf8_lossy(&value)),
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    text.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_line_breaks_and_lists_become_our_text() {
        let html = "<p>First   paragraph\r\n continues.</p>\r\n<p>Second<br>line two<br/></p>\
                    <p><strong>Activities</strong> include:</p><ul><li>one</li>\
                    <li> two <em>words</em></li><li></li></ul><ol><li>three<li>four</ol>After.";
        assert_eq!(
            to_plain_text(html),
            "First paragraph continues.\n\nSecond\nline two\n\nActivities include:\n\n\
             - one\n- two words\n\n- three\n- four\n\nAfter."
        );
    }

    #[test]
    fn entities_are_decoded_and_no_tag_is_left() {
        let html = "<div class=x>R&amp;D &eacute;t&eacute; &#8217;quoted&#x2019; &nbsp;&lt;b&gt; \
                    &bogus; 5 < 6 <a href=\"https://example.org\">link</a><!-- hidden -->\
                    <script>alert('<p>')</script><style>p {}</style></div>";
        let text = to_plain_text(html);
        assert_eq!(text, "R&D été ’quoted’ \u{a0}<b> &bogus; 5 < 6 link");
    }

    #[test]
    fn cells_that_are_not_html_pass_through() {
        for plain in [
            "Plain text.\nSecond line.",
            "Press <Enter> to go; 5 < 6 and R&D",
            "A & B; & C",
            "",
        ] {
            assert!(
                matches!(to_plain_text(plain), Cow::Borrowed(text) if text == plain),
                "{plain:?}"
            );
        }
    }

    #[test]
    fn a_cell_with_only_references_keeps_its_lines_and_its_angle_brackets() {
        assert_eq!(
            to_plain_text("Tom &amp; Jerry\nPress <Enter>\n  twice &#33;"),
            "Tom & Jerry\nPress <Enter>\n  twice !"
        );
    }

    #[test]
    fn tags_are_told_from_text_by_name() {
        assert!(has_known_tag("<P>x</P>"));
        assert!(has_known_tag("a<br/>b"));
        assert!(has_known_tag("<li class=\"x\">"));
        assert!(has_known_tag("<!-- c -->"));
        assert!(!has_known_tag("<Enter>"));
        assert!(!has_known_tag("<p"));
        assert!(!has_known_tag("x <pre-set> y"));
        assert!(has_character_reference("&#8217;"));
        assert!(has_character_reference("&#X2F;"));
        assert!(has_character_reference("caf&eacute;"));
        assert!(!has_character_reference("& amp;"));
        assert!(!has_character_reference("&#;"));
        assert!(!has_character_reference("R&D"));
    }
}
