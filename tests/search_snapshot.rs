//! `skillscope search` answered from the search snapshot prints exactly what it prints after
//! loading and indexing the catalog, in every format, for any query and limit.

mod common;
use common::{stderr, stdout, Sandbox, BIG_SKILLS};

use std::fs;

const QUERIES: [&str; 15] = [
    "g",
    "e",
    "go",
    "gov",
    "governance",
    "data",
    "release security",
    "deploy rollback",
    "gov sec",
    "zzzz",
    "RELM",
    "slen",
    "asst",
    "q x",
    "é",
];

/// Names of the files in the cache folder that end with `suffix`.
fn cached(sandbox: &Sandbox, suffix: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(sandbox.cache_dir())
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(suffix))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn the_snapshot_prints_exactly_what_loading_prints() {
    let sandbox = Sandbox::new();
    let big = sandbox.write_big_data();
    let big = big.to_str().unwrap();
    let generated = skillscope::testdata::framework(BIG_SKILLS, skillscope::testdata::DEFAULT_SEED);
    let code = generated.skills[17].code.to_string();
    let queries = QUERIES.iter().copied().chain([code.as_str()]);

    // The first run writes the parse cache and the snapshot.
    let first = sandbox.run(&["search", "g", "--data", big]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(cached(&sandbox, ".snapshot").len(), 1);
    // Without the parse cache, a run served by the snapshot writes it no more.
    for name in cached(&sandbox, ".cache") {
        fs::remove_file(sandbox.cache_dir().join(name)).unwrap();
    }

    let mut compared = 0;
    for query in queries {
        for format in ["text", "markdown", "json"] {
            for limit in ["20", "1", "1000"] {
                let args = [
                    "search", query, "--data", big, "--format", format, "--limit", limit,
                ];
                let loading = sandbox.run(&[&args[..], &["--no-cache"]].concat());
                let snapshot = sandbox.run(&args);
                for output in [&loading, &snapshot] {
                    assert!(
                        output.status.success(),
                        "{query} {format}: {}",
                        stderr(output)
                    );
                    assert_eq!(stderr(output), "", "{query} {format}");
                }
                assert_eq!(
                    stdout(&snapshot),
                    stdout(&loading),
                    "{query:?} as {format}, limit {limit}"
                );
                compared += 1;
            }
        }
    }
    assert_eq!(compared, 16 * 3 * 3);
    assert_eq!(
        cached(&sandbox, ".cache"),
        Vec::<String>::new(),
        "served by the snapshot"
    );
}

#[test]
fn a_snapshot_is_not_used_once_a_source_fails_and_errors_are_reported_as_before() {
    let sandbox = Sandbox::new();
    let big = sandbox.write_big_data();
    let text = fs::read_to_string(&big).unwrap();
    let big = big.to_str().unwrap();
    let args = ["search", "governance", "--data", big, "--no-default-data"];
    assert!(sandbox.run(&args).status.success());
    assert_eq!(cached(&sandbox, ".snapshot").len(), 1);
    // A broken file beside the big one: another source list, loaded as usual, the error reported
    // every time, no snapshot written for it.
    let broken = sandbox.write("broken.ron", "(framework: \"F\", skils: [])");
    let with_broken = [&args[..], &["--data", broken.to_str().unwrap()]].concat();
    for _ in 0..2 {
        let output = sandbox.run(&with_broken);
        assert!(output.status.success());
        assert!(
            stderr(&output).contains("broken.ron:1:"),
            "{}",
            stderr(&output)
        );
        assert!(
            stdout(&output).contains("governance"),
            "{}",
            stdout(&output)
        );
    }
    assert_eq!(cached(&sandbox, ".snapshot").len(), 1);
    // The big file itself broken: reported, and its snapshot is of no use.
    fs::write(big, text.replacen("code:", "kode:", 1)).unwrap();
    let output = sandbox.run(&args);
    assert!(stderr(&output).contains("kode"), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with("No skills match"),
        "{}",
        stdout(&output)
    );
    // Fixed again (another size): its snapshot is replaced, not joined by another.
    fs::write(big, format!("{text}\n")).unwrap();
    let output = sandbox.run(&args);
    assert!(
        stdout(&output).contains("governance"),
        "{}",
        stdout(&output)
    );
    assert_eq!(cached(&sandbox, ".snapshot").len(), 1);
}

#[test]
fn text_needing_sanitising_prints_the_same_with_a_snapshot() {
    let sandbox = Sandbox::new();
    let mut framework =
        skillscope::testdata::framework(BIG_SKILLS, skillscope::testdata::DEFAULT_SEED);
    framework.skills[5].description = "Hostile \u{1b}]0;title\u{7} governance \u{202e}text".into();
    framework.skills[9].name = "Tab\tname governance".into();
    let big = sandbox.write("big.ron", &skillscope::testdata::to_ron(&framework));
    let big = big.to_str().unwrap();
    for query in ["hostile", "governance", "tab", "g"] {
        for format in ["text", "markdown", "json"] {
            let args = ["search", query, "--data", big, "--format", format];
            let loading = sandbox.run(&[&args[..], &["--no-cache"]].concat());
            for _ in 0..2 {
                let cached = sandbox.run(&args);
                assert_eq!(stdout(&cached), stdout(&loading), "{query} as {format}");
                assert!(!stdout(&cached).contains('\u{1b}') || format == "json");
            }
        }
    }
    assert_eq!(cached(&sandbox, ".snapshot").len(), 1);

    // Such a snapshot answers JSON only; text searches load the catalog and leave it as it is
    // rather than write the same snapshot again every time.
    let snapshot = sandbox.cache_dir().join(&cached(&sandbox, ".snapshot")[0]);
    let written = fs::metadata(&snapshot).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert!(sandbox
        .run(&["search", "g", "--data", big])
        .status
        .success());
    assert_eq!(
        fs::metadata(&snapshot).unwrap().modified().unwrap(),
        written
    );
}
