//! Everything the user can ask of the browser. Keys and mouse events become actions; only
//! `App::update` changes state.

use crate::model::Level;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    FocusNext,
    FocusPrevious,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    LevelDown,
    LevelUp,
    /// Enter: open or fold a group, jump to a search result, pick in a chooser.
    Activate,
    /// Esc: close whatever is open.
    Back,
    StartSearch,
    Type(char),
    DeleteChar,
    DeleteWord,
    ToggleHelp,
    ShowLoadErrors,
    ToggleAllGroups,
    OpenComparison,
    StepUp,
    StepDown,
    SwitchCompareSide,
    PickOtherSkill,
    ToggleProgression,
    TogglePresentation,
    Export,
    /// A click on a row of the list, counted from the top of the visible rows.
    ClickListRow(usize),
    ClickLevel(Level),
    /// The wheel over a pane: negative scrolls up.
    Scroll(super::app::Pane, i16),
    Resize(u16, u16),
}
