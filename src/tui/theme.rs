//! Every style the browser uses, in one place. Without colour (NO_COLOR, monochrome terminals)
//! meaning is carried by reverse video, bold, underline, dim and strike-through.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub focused_border: Style,
    pub border: Style,
    /// The cursor row in a list: visible without colour.
    pub selected: Style,
    pub group: Style,
    pub code: Style,
    /// Matched characters in search results.
    pub matched: Style,
    pub level_defined: Style,
    pub level_undefined: Style,
    pub level_selected: Style,
    pub status_prototype: Style,
    pub status_proposed: Style,
    pub warning: Style,
    pub key: Style,
    pub added: Style,
    pub removed: Style,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let dim = plain.add_modifier(Modifier::DIM);
        let with = |style: Style, fg: Color| if color { style.fg(fg) } else { style };
        Theme {
            color,
            text: plain,
            dim,
            title: bold,
            focused_border: with(bold, Color::Cyan),
            border: with(plain, Color::DarkGray),
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            group: with(bold, Color::Blue),
            code: with(bold, Color::Cyan),
            matched: with(
                plain.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
                Color::Yellow,
            ),
            level_defined: with(bold, Color::Green),
            level_undefined: dim,
            level_selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            status_prototype: with(plain.add_modifier(Modifier::ITALIC), Color::Magenta),
            status_proposed: with(plain.add_modifier(Modifier::ITALIC), Color::Yellow),
            warning: with(bold, Color::Red),
            key: with(bold, Color::Cyan),
            added: with(
                plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                Color::Green,
            ),
            removed: with(
                plain.add_modifier(Modifier::CROSSED_OUT | Modifier::DIM),
                Color::Red,
            ),
        }
    }
}
