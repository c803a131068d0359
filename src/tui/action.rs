//! Everything the user can ask of the browser. Keys and mouse events become actions; only
//! `App::update` changes state.

use crate::config::ActionName;
use crate::data::model::Level;

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

impl From<ActionName> for Action {
    /// What each config-file action name does in the browser.
    fn from(name: ActionName) -> Action {
        match name {
            ActionName::Quit => Action::Quit,
            ActionName::Search => Action::StartSearch,
            ActionName::Help => Action::ToggleHelp,
            ActionName::NextPane => Action::FocusNext,
            ActionName::PreviousPane => Action::FocusPrevious,
            ActionName::Down => Action::Down,
            ActionName::Up => Action::Up,
            ActionName::PageDown => Action::PageDown,
            ActionName::PageUp => Action::PageUp,
            ActionName::Top => Action::Top,
            ActionName::Bottom => Action::Bottom,
            ActionName::LevelDown => Action::LevelDown,
            ActionName::LevelUp => Action::LevelUp,
            ActionName::Activate => Action::Activate,
            ActionName::FoldAll => Action::ToggleAllGroups,
            ActionName::Compare => Action::OpenComparison,
            ActionName::Export => Action::Export,
            ActionName::LoadErrors => Action::ShowLoadErrors,
            ActionName::Back => Action::Back,
            ActionName::StepUp => Action::StepUp,
            ActionName::StepDown => Action::StepDown,
            ActionName::SwitchSide => Action::SwitchCompareSide,
            ActionName::PickSkill => Action::PickOtherSkill,
            ActionName::Progression => Action::ToggleProgression,
            ActionName::Presentation => Action::TogglePresentation,
        }
    }
}
