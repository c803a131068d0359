//! Writes a synthetic framework of N skills, for benchmarks and trying the browser on big data.
//!
//! ```sh
//! cargo run --release --example generate -- 10000 > big.ron            # the data file
//! cargo run --release --example generate -- 10000 --records > big.txt  # one line per skill
//! skillscope validate big.ron
//! ```
//!
//! `--seed S` picks another (still deterministic) text. `--records` writes the same skills as
//! one line each (code, name, category, description, guidance, statements), for `fzf --filter`.
//! `--statements` makes N the number of statements at each of levels 3 and 4 of one skill, MANY
//! (`skillscope compare MANY:3 MANY:4`); `--repeated P` makes P percent of level 4's statements
//! repeat level 3's.

use std::io::Write;
use std::process::ExitCode;

#[path = "../tests/support/testdata.rs"]
mod testdata;

fn main() -> ExitCode {
    let mut skills = None;
    let mut seed = testdata::DEFAULT_SEED;
    let mut records = false;
    let mut statements = false;
    let mut repeated = 0;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--records" => records = true,
            "--statements" => statements = true,
            "--repeated" => match args.next().and_then(|s| s.parse().ok()) {
                Some(p) => repeated = p,
                None => return usage("--repeated needs a percentage"),
            },
            "--seed" => match args.next().and_then(|s| s.parse().ok()) {
                Some(s) => seed = s,
                None => return usage("--seed needs a number"),
            },
            n => match n.parse::<usize>() {
                Ok(n) if skills.is_none() => skills = Some(n),
                _ => return usage(&format!("unexpected argument {n:?}")),
            },
        }
    }
    let Some(skills) = skills else {
        return usage("how many skills?");
    };
    let framework = match statements {
        true => testdata::many_statements(skills, repeated, seed),
        false => testdata::framework(skills, seed),
    };
    let text = if records {
        testdata::records(&framework)
    } else {
        testdata::to_ron(&framework)
    };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("generate: {error}");
            ExitCode::FAILURE
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("generate: {problem}\nusage: generate N [--seed S] [--records] [--statements [--repeated P]]");
    ExitCode::FAILURE
}
