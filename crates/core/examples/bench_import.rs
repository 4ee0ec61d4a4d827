//! How the seed importers scale: each builds inputs of 1, 2, 4 and 8 MB from the seed
//! documents and is timed on them (median of five runs). A linear importer shows a ratio to
//! the 1 MB time of about 1, 2, 4, 8; a quadratic one about 1, 4, 16, 64.
//!
//! Run it in release mode, as `cargo xtask bench-import` does:
//! `cargo run --release -p tekigo-core --example bench_import`. It is a benchmark, not a test:
//! nothing here runs in `cargo test`.

use std::time::{Duration, Instant};

use tekigo_core::import::{import_checklist, import_meti2012, import_mhlw, ImportError};

const CHECKLIST: &str = include_str!("../tests/seeds/003_8f87f65dda490ce1.txt");
const METI2012: &str = include_str!("../tests/seeds/004_82653e598a87a77b.txt");
const MHLW: &str = include_str!("../tests/seeds/002_6840460b5352da36.txt");

const MEGABYTE: usize = 1 << 20;
const SIZES_MB: [usize; 4] = [1, 2, 4, 8];
const RUNS: usize = 5;
/// A case whose single run takes longer than this is not run at the larger sizes.
const BUDGET: Duration = Duration::from_secs(30);

/// One way of growing a seed, and the importer it feeds.
struct Case {
    name: &'static str,
    build: fn(usize) -> String,
    import: fn(&str) -> Result<(), String>,
}

fn main() {
    let cases = [
        Case {
            name: "checklist: rows renumbered, groups varied",
            build: checklist_rows,
            import: |text| succeeded(import_checklist(text)),
        },
        Case {
            name: "meti2012: table rows repeated",
            build: meti_rows,
            import: |text| succeeded(import_meti2012(text)),
        },
        Case {
            name: "meti2012: short lines in one answer cell",
            build: meti_answer_run,
            import: |text| succeeded(import_meti2012(text)),
        },
        Case {
            name: "meti2012: short lines in one text cell",
            build: meti_text_run,
            import: |text| succeeded(import_meti2012(text)),
        },
        Case {
            name: "mhlw: document repeated",
            build: mhlw_repeated,
            import: |text| succeeded(import_mhlw(text)),
        },
        Case {
            name: "mhlw: short lines in one item",
            build: mhlw_item_run,
            import: |text| succeeded(import_mhlw(text)),
        },
    ];
    println!("{:<44} {:>4} {:>9} {:>7}", "case", "MB", "seconds", "ratio");
    for case in &cases {
        bench(case);
    }
}

/// A grown input must still import: a benchmark of the error path would prove nothing.
fn succeeded<T>(result: Result<T, ImportError>) -> Result<(), String> {
    result.map(drop).map_err(|error| error.to_string())
}

/// Prints one line per size; stops growing once a run exceeds [`BUDGET`].
fn bench(case: &Case) {
    let mut first: Option<f64> = None;
    for megabytes in SIZES_MB {
        let input = (case.build)(megabytes * MEGABYTE);
        let seconds = match median_seconds(case, &input) {
            Ok(seconds) => seconds,
            Err(message) => {
                println!("{:<44} {megabytes:>4} failed: {message}", case.name);
                return;
            }
        };
        let ratio = seconds / *first.get_or_insert(seconds);
        println!(
            "{:<44} {megabytes:>4} {seconds:>9.3} {ratio:>7.1}",
            case.name
        );
        if seconds > BUDGET.as_secs_f64() {
            println!("{:<44} (larger sizes skipped: over budget)", case.name);
            return;
        }
    }
}

/// The median of [`RUNS`] imports, or a single one if it already exceeds the budget.
fn median_seconds(case: &Case, input: &str) -> Result<f64, String> {
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        (case.import)(input)?;
        let elapsed = started.elapsed();
        times.push(elapsed.as_secs_f64());
        if elapsed > BUDGET {
            break;
        }
    }
    times.sort_by(f64::total_cmp);
    Ok(times[times.len() / 2])
}

/// The checklist's lines again and again; each copy's items get new numbers and its 大分類
/// a new name, so that items and groups grow with the input.
fn checklist_rows(size: usize) -> String {
    let mut text = String::with_capacity(size + CHECKLIST.len());
    let mut copy = 0;
    while text.len() < size {
        for line in CHECKLIST.lines() {
            let mut fields: Vec<String> = line.split('\t').map(str::to_owned).collect();
            if let Ok(number) = fields[0].trim().parse::<usize>() {
                fields[0] = (number + copy * 253).to_string();
                if copy > 0 {
                    fields[1] = format!("{} ({copy})", fields[1]);
                }
            }
            text.push_str(&fields.join("\t"));
            text.push('\n');
        }
        copy += 1;
    }
    text
}

/// The METI 2012 text, then its table again and again without numbers or headings: more
/// rows, cells, page breaks and merged answers, under the last section.
fn meti_rows(size: usize) -> String {
    let table: Vec<String> = METI2012
        .lines()
        .skip_while(|line| !line.starts_with("医療情報を受託管理する"))
        .map(without_numbers_or_headings)
        .collect();
    // The seed's last line has no line break of its own.
    let mut text = format!("{METI2012}\n");
    while text.len() < size {
        for line in &table {
            text.push_str(line);
            text.push('\n');
        }
    }
    text
}

fn without_numbers_or_headings(line: &str) -> String {
    line.split('\t')
        .map(|field| {
            let field = field.trim();
            let number =
                !field.is_empty() && field.len() <= 3 && field.bytes().all(|b| b.is_ascii_digit());
            let heading =
                field.starts_with("2.") && field[2..].starts_with(|c: char| c.is_ascii_digit());
            if number || heading {
                ""
            } else {
                field
            }
        })
        .collect::<Vec<_>>()
        .join("\t")
}

/// The pathological case: the last answer cell continued by a long run of short lines.
fn meti_answer_run(size: usize) -> String {
    grow_with_lines(METI2012, size, |n| format!("\t\t\t\t続き{n}。"))
}

/// Each short line follows a page header, so it continues the requirement text above it.
fn meti_text_run(size: usize) -> String {
    grow_with_lines(METI2012, size, |n| {
        format!("項目番号\tNo\t要求事項\n\t\t続き{n}")
    })
}

/// The overview again and again: the importer reads the first copy and passes over the rest.
fn mhlw_repeated(size: usize) -> String {
    format!("{MHLW}\n").repeat(size.div_ceil(MHLW.len() + 1))
}

/// The text of item (ア) grows by short wrapped lines.
fn mhlw_item_run(size: usize) -> String {
    let (before, after) = MHLW.split_once("\n(イ)").expect("the seed lists item (イ)");
    let mut text = String::with_capacity(size + MHLW.len());
    text.push_str(before);
    let mut n = 0;
    while text.len() + after.len() < size {
        text.push_str(&format!("\n続き{n}"));
        n += 1;
    }
    text.push_str("\n(イ)");
    text.push_str(after);
    text
}

/// The seed, then numbered short lines until the size is reached.
fn grow_with_lines(seed: &str, size: usize, line: impl Fn(usize) -> String) -> String {
    let mut text = String::with_capacity(size + seed.len());
    text.push_str(seed);
    let mut n = 0;
    while text.len() < size {
        text.push('\n');
        text.push_str(&line(n));
        n += 1;
    }
    text.push('\n');
    text
}
