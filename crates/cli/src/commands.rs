//! The subcommands. Each returns `Err(message)` with the text to print on failure; the
//! message is bilingual and names the file and, where known, the item and field.

use std::path::{Path, PathBuf};

use tekigo_core::i18n::{both, load_error_message, Lang};
use tekigo_core::scoring::{score as score_assessment, Holder, Tally};
use tekigo_core::validate::{validate as validate_assessment, validate_catalog};
use tekigo_core::{
    embedded, load_assessment, load_catalog, load_file, to_json, Catalog, TekigoFile,
};

type Outcome = Result<(), String>;

pub fn catalogs(args: &[String]) -> Outcome {
    let json = flag(args, "--json");
    let list = embedded::catalogs();
    if json {
        let rows: Vec<serde_json::Value> = list
            .iter()
            .map(|catalog| {
                serde_json::json!({
                    "id": catalog.id,
                    "title": catalog.title,
                    "version": catalog.version,
                    "issuer": catalog.issuer,
                    "items": catalog.items.len(),
                })
            })
            .collect();
        print!("{}", to_json(&rows));
    } else {
        for catalog in list {
            println!(
                "{}\t{}\t{} 項目 / items",
                catalog.id,
                catalog.title,
                catalog.items.len()
            );
        }
    }
    Ok(())
}

pub fn import_seed(args: &[String]) -> Outcome {
    let path = positional(args).ok_or_else(|| usage("import-seed PATH --out DIR"))?;
    let out = option(args, "--out").ok_or_else(|| usage("import-seed PATH --out DIR"))?;
    let bytes = read(path)?;
    let imported = tekigo_core::import::import_seed(&bytes).map_err(|error| {
        both(
            &format!("{path}: シードを読み込めません: {error}"),
            &format!("{path}: cannot import the seed: {error}"),
        )
    })?;
    let out = PathBuf::from(out);
    std::fs::create_dir_all(&out).map_err(|error| io_error(&out, &error))?;
    for catalog in &imported.catalogs {
        write(&out.join(format!("{}.json", catalog.id)), &to_json(catalog))?;
    }
    for assessment in &imported.assessments {
        write(
            &out.join(format!("{}.json", assessment.id)),
            &to_json(assessment),
        )?;
    }
    Ok(())
}

pub fn validate(args: &[String]) -> Outcome {
    let path = positional(args).ok_or_else(|| usage("validate FILE"))?;
    let bytes = read(path)?;
    let problems = match load_file(&bytes).map_err(|error| load_failure(path, &error))? {
        TekigoFile::Catalog(catalog) => validate_catalog(&catalog),
        TekigoFile::Assessment(assessment) => {
            let catalog = catalog_for(args, &assessment.catalog.id)?;
            validate_assessment(&assessment, &catalog)
        }
    };
    for problem in &problems {
        println!(
            "{}",
            both(&problem.message(Lang::Ja), &problem.message(Lang::En))
        );
    }
    if problems.iter().any(|problem| problem.is_error()) {
        Err(both(
            &format!("{path}: {} 件の問題があります", problems.len()),
            &format!("{path}: {} problem(s)", problems.len()),
        ))
    } else {
        println!(
            "{}",
            both(&format!("{path}: 有効です"), &format!("{path}: valid"))
        );
        Ok(())
    }
}

pub fn score(args: &[String]) -> Outcome {
    let path = positional(args).ok_or_else(|| usage("score FILE"))?;
    let bytes = read(path)?;
    let assessment = load_assessment(&bytes).map_err(|error| load_failure(path, &error))?;
    let catalog = catalog_for(args, &assessment.catalog.id)?;
    // Scores of a file with errors would count what validation refuses: say so and stop.
    let problems = validate_assessment(&assessment, &catalog);
    for problem in &problems {
        eprintln!(
            "{}",
            both(&problem.message(Lang::Ja), &problem.message(Lang::En))
        );
    }
    if problems.iter().any(|problem| problem.is_error()) {
        return Err(both(
            &format!("{path}: 問題があるため集計しません (tekigo validate で確認できます)"),
            &format!("{path}: not scored because of the problems above (see tekigo validate)"),
        ));
    }
    let card = score_assessment(&catalog, &assessment);
    if flag(args, "--json") {
        print!("{}", to_json(&card));
        return Ok(());
    }
    let scale = catalog.scale();
    println!("{} — {}", catalog.title, assessment.subject.product);
    print_tally("全体 / overall", &card.overall);
    let choices: Vec<String> = card
        .choices
        .iter()
        .map(|(id, count)| {
            let label = scale
                .choice(id)
                .map_or(id.as_str(), |c| c.label.get(Lang::Ja));
            format!("{label} {count}")
        })
        .collect();
    println!("  {}", choices.join(" ・ "));
    println!("\n大分類・節 / groups");
    for group in card.groups.iter().filter(|group| group.depth == 0) {
        print_tally(&format!("  {} {}", group.group, group.title), &group.tally);
    }
    println!("\nガイドライン / guidelines");
    for (guideline, tally) in &card.guidelines {
        let name = catalog
            .guideline(guideline)
            .map_or(guideline.as_str(), |g| g.short.get(Lang::Ja));
        print_tally(&format!("  {name}"), tally);
    }
    println!("\n責任 (回答済みの項目) / held by (answered items)");
    for (holder, tally) in &card.holders {
        let name = match holder {
            Holder::Party(id) => assessment
                .party(id)
                .map(|party| party.label(Lang::Ja))
                .unwrap_or_else(|| id.clone()),
            Holder::Nobody => "未設定 / not set".to_owned(),
        };
        print_tally(&format!("  {name}"), tally);
    }
    Ok(())
}

/// Now, as RFC 3339 in UTC, for the files the CLI writes.
pub(crate) fn now() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    rfc3339(seconds)
}

/// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ` (the engine's civil date, so the CLI needs
/// no date crate).
fn rfc3339(seconds: u64) -> String {
    let rest = seconds % 86_400;
    let date = tekigo_core::dates::Date::from_days_since_epoch((seconds / 86_400) as i64)
        .expect("a day since 1970 is after year 0")
        .iso();
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    )
}

pub fn schema(args: &[String]) -> Outcome {
    let value = match positional(args) {
        Some("catalog") => tekigo_core::schema::catalog_schema(),
        Some("assessment") => tekigo_core::schema::assessment_schema(),
        None => serde_json::json!({
            "catalog": tekigo_core::schema::catalog_schema(),
            "assessment": tekigo_core::schema::assessment_schema(),
        }),
        Some(other) => return Err(usage(&format!("schema [catalog|assessment] (not {other})"))),
    };
    print!("{}", to_json(&value));
    Ok(())
}

fn print_tally(name: &str, tally: &Tally) {
    let rate =
        |percent: Option<f64>| percent.map_or_else(|| "—".to_owned(), |p| format!("{p:.1}%"));
    println!(
        "{name}: 回答 {}/{} ({:.1}%) 適合 {} 一部 {} 未対応 {} 対象外 {} 未回答 {} 適合率 {} (回答済みのうち {})",
        tally.answered(),
        tally.total,
        tally.progress_percent(),
        tally.met,
        tally.partial,
        tally.not_met,
        tally.excluded,
        tally.unanswered,
        rate(tally.compliance_percent()),
        rate(tally.answered_compliance_percent()),
    );
}

/// The catalog an assessment names: `--catalog FILE`, else the embedded one with that id.
pub(crate) fn catalog_for(args: &[String], id: &str) -> Result<Catalog, String> {
    if let Some(path) = option(args, "--catalog") {
        let bytes = read(path)?;
        return load_catalog(&bytes).map_err(|error| load_failure(path, &error));
    }
    embedded::catalog(id).cloned().ok_or_else(|| {
        both(
            &format!("カタログ {id} が見つかりません (--catalog FILE で指定できます)"),
            &format!("unknown catalog {id} (give one with --catalog FILE)"),
        )
    })
}

pub(crate) fn flag(args: &[String], name: &str) -> bool {
    args.iter().any(|arg| arg == name)
}

pub(crate) fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let index = args.iter().position(|arg| arg == name)?;
    args.get(index + 1).map(String::as_str)
}

/// The first argument that is neither an option nor an option's value.
fn positional(args: &[String]) -> Option<&str> {
    positionals(args).next()
}

/// The arguments that are neither options nor options' values, in order.
pub(crate) fn positionals(args: &[String]) -> impl Iterator<Item = &str> {
    let mut skip = false;
    args.iter().filter_map(move |arg| {
        if skip {
            skip = false;
            None
        } else if matches!(
            arg.as_str(),
            "--out"
                | "--catalog"
                | "--to"
                | "--encoding"
                | "--layout"
                | "--sign"
                | "--key"
                | "--signer"
                | "--sheet"
                | "--id"
                | "--title"
                | "--columns"
                | "--choices"
        ) {
            skip = true;
            None
        } else if arg.starts_with("--") {
            None
        } else {
            Some(arg.as_str())
        }
    })
}

pub(crate) fn usage(form: &str) -> String {
    both(
        &format!("使い方: tekigo {form}"),
        &format!("usage: tekigo {form}"),
    )
}

pub(crate) fn read(path: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|error| io_error(Path::new(path), &error))
}

fn write(path: &Path, text: &str) -> Outcome {
    std::fs::write(path, text).map_err(|error| io_error(path, &error))?;
    println!("{}", path.display());
    Ok(())
}

pub(crate) fn io_error(path: &Path, error: &std::io::Error) -> String {
    both(
        &format!("{}: ファイルを読み書きできません: {error}", path.display()),
        &format!("{}: cannot read or write the file: {error}", path.display()),
    )
}

pub(crate) fn load_failure(path: &str, error: &tekigo_core::LoadError) -> String {
    both(
        &format!("{path}: {}", load_error_message(error, Lang::Ja)),
        &format!("{path}: {}", load_error_message(error, Lang::En)),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn seconds_become_a_utc_time() {
        assert_eq!(super::rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::rfc3339(1_796_000_000), "2026-11-30T00:53:20Z");
        assert_eq!(super::rfc3339(951_782_400), "2000-02-29T00:00:00Z");
    }
}
