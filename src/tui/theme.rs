//! Every style the browser uses, in one place. Without colour (NO_COLOR, monochrome terminals)
//! meaning is carried by reverse video, bold, underline, dim and strike-through; the colour
//! themes add colour on top of the same modifiers, never instead of them.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeName;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Every cell starts with this style: the high-contrast theme's black background.
    pub base: Style,
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
    /// The default colours, or monochrome when `color` is false.
    pub fn new(color: bool) -> Theme {
        Theme::named(ThemeName::Default, color)
    }

    /// The theme the config names; monochrome whatever it names when `color` is false.
    pub fn named(name: ThemeName, color: bool) -> Theme {
        match (name, color) {
            (_, false) | (ThemeName::Monochrome, _) => Theme::colored(|style, _| style),
            (ThemeName::Default, true) => Theme::colored(|style, color| style.fg(color)),
            (ThemeName::HighContrast, true) => Theme::high_contrast(),
        }
    }

    /// The monochrome styles, each given a colour by `with` (which may ignore it).
    fn colored(with: impl Fn(Style, Color) -> Style) -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let dim = plain.add_modifier(Modifier::DIM);
        Theme {
            base: plain,
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

    /// White and bright colours on black, bold where the default is plain; selection is black
    /// on yellow. Dim is never used: it is what washes out first. Undefined levels and
    /// secondary text are grey instead, and modifiers still carry every meaning.
    fn high_contrast() -> Theme {
        let on_black = Style::new().fg(Color::White).bg(Color::Black);
        let bold = |color: Color| Style::new().fg(color).add_modifier(Modifier::BOLD);
        // Reversed, as in monochrome, so the row stands out on any terminal; the colours are
        // given swapped so that reversing shows black on yellow.
        let selection = Style::new()
            .fg(Color::Yellow)
            .bg(Color::Black)
            .add_modifier(Modifier::REVERSED | Modifier::BOLD);
        Theme {
            base: on_black,
            text: Style::new().fg(Color::White),
            dim: Style::new().fg(Color::Gray),
            title: bold(Color::White),
            focused_border: bold(Color::Yellow),
            border: Style::new().fg(Color::White),
            selected: selection,
            group: bold(Color::LightCyan),
            code: bold(Color::LightCyan),
            matched: bold(Color::LightYellow).add_modifier(Modifier::UNDERLINED),
            level_defined: bold(Color::LightGreen),
            level_undefined: Style::new().fg(Color::Gray),
            level_selected: selection,
            status_prototype: bold(Color::LightMagenta).add_modifier(Modifier::ITALIC),
            status_proposed: bold(Color::LightYellow).add_modifier(Modifier::ITALIC),
            warning: bold(Color::LightRed),
            key: bold(Color::Yellow),
            added: bold(Color::LightGreen).add_modifier(Modifier::UNDERLINED),
            removed: bold(Color::LightRed).add_modifier(Modifier::CROSSED_OUT),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use super::*;
    use crate::config::color_enabled;

    #[test]
    fn no_color_forces_monochrome_whatever_the_theme() {
        assert!(color_enabled(None));
        assert!(
            color_enabled(Some(OsStr::new(""))),
            "an empty NO_COLOR is unset"
        );
        let color = color_enabled(Some(OsStr::new("1")));
        assert!(!color);
        let monochrome = Theme::named(ThemeName::Monochrome, true);
        for name in ThemeName::ALL {
            assert_eq!(Theme::named(name, color), monochrome, "{name:?}");
        }
        assert_eq!(Theme::new(false), monochrome);
    }

    #[test]
    fn monochrome_has_no_colour_at_all() {
        let theme = Theme::named(ThemeName::Monochrome, true);
        let styles = [
            theme.base,
            theme.text,
            theme.dim,
            theme.title,
            theme.focused_border,
            theme.border,
            theme.selected,
            theme.group,
            theme.code,
            theme.matched,
            theme.level_defined,
            theme.level_undefined,
            theme.level_selected,
            theme.status_prototype,
            theme.status_proposed,
            theme.warning,
            theme.key,
            theme.added,
            theme.removed,
        ];
        for style in styles {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
    }

    #[test]
    fn the_themes_differ_and_keep_meaning_in_modifiers() {
        let default = Theme::named(ThemeName::Default, true);
        let high = Theme::named(ThemeName::HighContrast, true);
        assert_eq!(default, Theme::new(true));
        assert_ne!(default, high);
        assert_eq!(high.base.bg, Some(Color::Black));
        assert_eq!(high.text.fg, Some(Color::White));
        let mono = Theme::named(ThemeName::Monochrome, true);
        for theme in [default, high] {
            for (colored, plain) in [
                (theme.selected, mono.selected),
                (theme.level_selected, mono.level_selected),
                (theme.added, mono.added),
                (theme.matched, mono.matched),
            ] {
                let meaning = plain.add_modifier - Modifier::DIM;
                assert!(colored.add_modifier.contains(meaning), "{colored:?}");
            }
            assert!(theme.removed.add_modifier.contains(Modifier::CROSSED_OUT));
        }
        assert!(
            !high.dim.add_modifier.contains(Modifier::DIM),
            "high contrast never dims"
        );
    }
}
