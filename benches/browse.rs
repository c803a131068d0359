//! The benchmarks behind BENCHMARKS.md. `cargo bench` runs them all; `cargo bench -- search`
//! (or `load`, `frame`, `startup`) runs one group.
//!
//! Every benchmark runs at 150 skills (about SFIA's size) and at 10,000, on the synthetic data
//! of `tests/support/testdata.rs` made in memory: nothing is read from disk and no other tool is
//! needed. Frames are drawn into ratatui's `TestBackend` at 200×60, as tests/browser.rs does.

use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use skillscope::data::catalog::Catalog;
use skillscope::data::model::Level;
use skillscope::data::sources::{load_catalog, parse_framework, SourceSelection};
use skillscope::query::search::{Hit, Query, SearchIndex};
use skillscope::tui::action::Action;
use skillscope::tui::layout;
use skillscope::tui::state::App;
use skillscope::tui::theme::Theme;
use skillscope::tui::ui;

#[path = "../tests/support/testdata.rs"]
mod testdata;

fn main() {
    divan::main();
}

/// About SFIA's size, and the size the browser must stay fast at.
const SIZES: [usize; 2] = [150, 10_000];
/// A query typed one character at a time.
const TYPING: [&str; 10] = [
    "g",
    "go",
    "gov",
    "gove",
    "gover",
    "govern",
    "governa",
    "governan",
    "governanc",
    "governance",
];
const TWO_TERMS: [&str; 3] = ["release security", "deploy rollback", "gov sec"];
const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

struct Data {
    text: String,
    catalog: Catalog,
    index: SearchIndex,
}

/// The generated data file's text, and the catalog and index made from it, once per size.
fn data(skills: usize) -> &'static Data {
    static SMALL: OnceLock<Data> = OnceLock::new();
    static LARGE: OnceLock<Data> = OnceLock::new();
    let cell = if skills == SIZES[0] { &SMALL } else { &LARGE };
    cell.get_or_init(|| {
        let text = testdata::framework_ron(skills, testdata::DEFAULT_SEED);
        let catalog = catalog_from(&text);
        let index = SearchIndex::new(&catalog);
        Data {
            text,
            catalog,
            index,
        }
    })
}

/// What `skillscope --data big.ron` does with the file's text before it searches or draws.
fn catalog_from(text: &str) -> Catalog {
    let framework = parse_framework("big.ron", text).expect("the generated data loads");
    let mut catalog = Catalog::default();
    catalog.add("big.ron", framework);
    catalog.make_printable();
    catalog
}

/// The browser on `skills` skills, at 200×60.
fn app(skills: usize) -> App {
    let mut app = App::new(data(skills).catalog.clone(), Theme::new(false));
    app.update(Action::Resize(WIDTH, HEIGHT));
    app
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal")
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| ui::draw(frame, &app.screen_view(frame.area())))
        .expect("drawing into a TestBackend");
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(c));
    }
}

/// Loading a data file: the text to a checked framework, then to what the browser needs.
mod load {
    use super::*;

    /// RON to a validated `Framework` (what `skillscope validate` does per file).
    #[divan::bench(consts = SIZES)]
    fn parse<const N: usize>(bencher: Bencher) {
        let text = &data(N).text;
        bencher
            .counter(BytesCount::of_str(text))
            .bench(|| parse_framework("big.ron", black_box(text)).expect("loads"));
    }

    /// Parse, catalog, printable text and the search index: everything before a search.
    #[divan::bench(consts = SIZES)]
    fn catalog_and_index<const N: usize>(bencher: Bencher) {
        let text = &data(N).text;
        bencher.counter(BytesCount::of_str(text)).bench(|| {
            let catalog = catalog_from(black_box(text));
            let index = SearchIndex::new(&catalog);
            (catalog, index)
        });
    }

    /// The search index alone.
    #[divan::bench(consts = SIZES)]
    fn index<const N: usize>(bencher: Bencher) {
        let catalog = &data(N).catalog;
        bencher.bench(|| SearchIndex::new(black_box(catalog)));
    }
}

/// Searching: one search per keystroke while "governance" is typed.
mod search {
    use super::*;

    /// Every keystroke searched over every skill.
    #[divan::bench(consts = SIZES, args = TYPING)]
    fn from_scratch<const N: usize>(bencher: Bencher, typed: &str) {
        let index = &data(N).index;
        bencher.bench(|| index.search(&Query::parse(black_box(typed))));
    }

    /// Every keystroke searched among the previous keystroke's results, as the browser does
    /// (`App::run_search`); the first one searches everything.
    #[divan::bench(consts = SIZES, args = TYPING)]
    fn narrowing<const N: usize>(bencher: Bencher, typed: &str) {
        let index = &data(N).index;
        let previous = Query::parse(&typed[..typed.len() - 1]);
        let hits = index.search(&previous);
        bencher.bench(|| {
            let query = Query::parse(black_box(typed));
            if query.narrows(&previous) {
                index.search_among(&query, hits.iter().map(|hit| hit.entry))
            } else {
                index.search(&query)
            }
        });
    }

    /// The ten keystrokes of "governance" in a row, narrowing.
    #[divan::bench(consts = SIZES)]
    fn typing_the_word<const N: usize>(bencher: Bencher) {
        let index = &data(N).index;
        bencher.bench(|| {
            let mut previous = Query::default();
            let mut hits: Vec<Hit> = Vec::new();
            for typed in TYPING {
                let query = Query::parse(black_box(typed));
                hits = if query.narrows(&previous) {
                    index.search_among(&query, hits.iter().map(|hit| hit.entry))
                } else {
                    index.search(&query)
                };
                previous = query;
            }
            hits
        });
    }

    /// Two words, both of which must match.
    #[divan::bench(consts = SIZES, args = TWO_TERMS)]
    fn two_terms<const N: usize>(bencher: Bencher, query: &str) {
        let index = &data(N).index;
        bencher.bench(|| index.search(&Query::parse(black_box(query))));
    }
}

/// Drawing whole frames of the browser at 200×60.
mod frame {
    use super::*;

    /// The grouped skill list and the first skill's levels and guidance.
    #[divan::bench(consts = SIZES)]
    fn browse<const N: usize>(bencher: Bencher) {
        let app = app(N);
        let mut terminal = terminal();
        bencher.bench_local(|| draw(&mut terminal, &app));
    }

    /// The results of "governance", the first one's levels and guidance beside them.
    #[divan::bench(consts = SIZES)]
    fn search_results<const N: usize>(bencher: Bencher) {
        let mut app = app(N);
        app.update(Action::Search);
        type_text(&mut app, "governance");
        let mut terminal = terminal();
        bencher.bench_local(|| draw(&mut terminal, &app));
    }

    /// One keystroke end to end: `App::update(Action::Type(c))`, which searches, then the
    /// frame that shows the new results.
    #[divan::bench(consts = SIZES, args = TYPING)]
    fn keystroke<const N: usize>(bencher: Bencher, typed: &str) {
        let mut app = app(N);
        app.update(Action::Search);
        let (before, last) = typed.split_at(typed.len() - 1);
        type_text(&mut app, before);
        let key = last.chars().next().expect("one character");
        let mut terminal = terminal();
        draw(&mut terminal, &app);
        bencher
            .with_inputs(|| app.clone())
            .bench_local_values(|mut app| {
                app.update(Action::Type(key));
                draw(&mut terminal, &app);
                app
            });
    }

    /// The browser at 200×60 on tests/fixtures/hostile.ron, its first skill at its level of 300
    /// statements.
    fn app_at_a_long_level() -> App {
        let text = include_str!("../tests/fixtures/hostile.ron");
        let framework = parse_framework("hostile.ron", text).expect("the fixture loads");
        let mut catalog = Catalog::default();
        catalog.add("hostile.ron", framework);
        catalog.make_printable();
        let mut app = App::new(catalog, Theme::new(false));
        app.update(Action::Resize(WIDTH, HEIGHT));
        let skill = &app.selected_entry().expect("a selected skill").skill;
        let longest = Level::all()
            .max_by_key(|&level| skill.statements(level).map_or(0, |s| s.len()))
            .expect("seven levels");
        app.update(Action::ClickLevel(longest));
        app
    }

    /// A frame showing a level of 300 statements, redrawn: every frame wraps them anew.
    #[divan::bench]
    fn long_level(bencher: Bencher) {
        let app = app_at_a_long_level();
        let mut terminal = terminal();
        bencher.bench_local(|| draw(&mut terminal, &app));
    }

    /// The comparison of that level with the next, redrawn (as when it is scrolled): every
    /// frame compares the statements anew.
    #[divan::bench]
    fn long_comparison(bencher: Bencher) {
        let mut app = app_at_a_long_level();
        app.update(Action::Compare);
        assert!(app.comparison().is_some(), "a comparison is open");
        let mut terminal = terminal();
        bencher.bench_local(|| draw(&mut terminal, &app));
    }

    /// The part of a frame that wraps the selected skill's text: the levels and guidance panes'
    /// lines at their widths on a 200-column screen.
    #[divan::bench(consts = SIZES)]
    fn wrap_detail_panes<const N: usize>(bencher: Bencher) {
        let app = app(N);
        let screen = app.screen();
        let levels_width = layout::levels_parts(screen.levels.expect("levels pane"))
            .1
            .width
            .saturating_sub(1);
        let guidance_width = layout::inner(screen.guidance.expect("guidance pane"))
            .width
            .saturating_sub(1);
        let (levels, guidance) = (app.levels_view(), app.guidance_view());
        let shown_level = levels.shown.as_ref().expect("a selected skill");
        let shown_guidance = guidance.shown.as_ref().expect("a selected skill");
        bencher.bench_local(|| {
            (
                ui::levels::statement_lines(levels.theme, shown_level, usize::from(levels_width)),
                ui::guidance::guidance_lines(
                    guidance.theme,
                    shown_guidance,
                    usize::from(guidance_width),
                ),
            )
        });
    }
}

/// From nothing to the first frame.
mod startup {
    use super::*;

    /// `skillscope` on the built-in data: load, `App::new`, the first frame.
    #[divan::bench]
    fn first_frame_built_in(bencher: Bencher) {
        bencher.bench_local(|| {
            let mut catalog = load_catalog(&SourceSelection {
                built_in: true,
                ..Default::default()
            });
            catalog.make_printable();
            let mut app = App::new(catalog, Theme::new(false));
            app.update(Action::Resize(WIDTH, HEIGHT));
            draw(&mut terminal(), &app);
            app
        });
    }

    /// `App::new` and the first frame, the catalog already loaded (add `load` for the file).
    #[divan::bench(consts = SIZES)]
    fn app_and_first_frame<const N: usize>(bencher: Bencher) {
        let catalog = &data(N).catalog;
        bencher
            .with_inputs(|| catalog.clone())
            .bench_local_values(|catalog| {
                let mut app = App::new(catalog, Theme::new(false));
                app.update(Action::Resize(WIDTH, HEIGHT));
                draw(&mut terminal(), &app);
                app
            });
    }
}
