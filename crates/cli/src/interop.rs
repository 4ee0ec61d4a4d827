//! The exchange commands: `convert` between tekigo JSON, Excel, CSV and OSCAL (any file that
//! holds an assessment in, any format out, signed on request), `keygen`, `sign` and `verify`
//! for signed files, and `import-catalog` for a catalog from a sheet. The formats are
//! `tekigo-formats`'; this module only picks them from the arguments and does the I/O.

use std::path::Path;

use tekigo_core::export::Exporter;
use tekigo_core::i18n::{both, Lang};
use tekigo_core::{embedded, load_assessment, to_json, Assessment, Catalog};
use tekigo_formats::catalog_sheet::{build, guess, outcome_of, ChoiceSpec, Role};
use tekigo_formats::exporters::export_signed;
use tekigo_formats::signature::{generate, verify, PublicKeyFile, SigningKeyFile};
use tekigo_formats::table::Fresh;
use tekigo_formats::{all_exporters, read_assessment, read_workbook, FormatError};

use crate::commands::{
    catalog_for, flag, io_error, load_failure, now, option, positionals, read, usage,
};

type Outcome = Result<(), String>;

fn format_error(path: &str, error: &FormatError) -> String {
    both(
        &format!("{path}: {}", error.message(Lang::Ja)),
        &format!("{path}: {}", error.message(Lang::En)),
    )
}

/// Whether `bytes` are JSON (a tekigo file) rather than a spreadsheet.
fn is_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes
        .iter()
        .find(|byte| !byte.is_ascii_whitespace())
        .is_some_and(|byte| *byte == b'{')
}

/// The catalogs a sheet may answer: the embedded ones and `--catalog FILE`.
fn catalogs(args: &[String]) -> Result<Vec<Catalog>, String> {
    let mut list: Vec<Catalog> = embedded::catalogs().to_vec();
    if let Some(path) = option(args, "--catalog") {
        let bytes = read(path)?;
        let catalog =
            tekigo_core::load_catalog(&bytes).map_err(|error| load_failure(path, &error))?;
        list.retain(|known| known.id != catalog.id);
        list.push(catalog);
    }
    Ok(list)
}

/// The assessment in `path`, whatever holds it, and its catalog.
fn read_any(path: &str, args: &[String]) -> Result<(Assessment, Catalog), String> {
    let bytes = read(path)?;
    if is_json(&bytes) {
        let assessment = load_assessment(&bytes).map_err(|error| load_failure(path, &error))?;
        let catalog = catalog_for(args, &assessment.catalog.id)?;
        return Ok((assessment, catalog));
    }
    let catalogs = catalogs(args)?;
    let refs: Vec<&Catalog> = catalogs.iter().collect();
    let time = now();
    let id = format!("imported-{}", time.replace([':', '-'], ""));
    let imported = read_assessment(
        &bytes,
        path,
        &refs,
        Fresh {
            id: &id,
            now: &time,
        },
    )
    .map_err(|error| format_error(path, &error))?;
    let catalog = catalogs
        .into_iter()
        .find(|catalog| catalog.id == imported.assessment.catalog.id)
        .expect("the reader answers with a catalog it was given");
    Ok((imported.assessment, catalog))
}

/// The exporter `--to`, `--layout` and `--encoding` (or OUT's extension) choose.
fn chosen_exporter(args: &[String], output: &str) -> Result<&'static dyn Exporter, String> {
    let exporters = all_exporters();
    let extension = Path::new(output)
        .extension()
        .map(|ext| ext.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let to = option(args, "--to").unwrap_or(&extension).to_lowercase();
    let vendor = match option(args, "--layout") {
        None | Some("checklist") => false,
        Some("vendor-reference" | "vendor") => true,
        Some(other) => {
            return Err(both(
                &format!("--layout {other} は知らないレイアウトです。使えるのは checklist と vendor-reference です。"),
                &format!("unknown --layout {other}; use checklist or vendor-reference"),
            ))
        }
    };
    let cp932 = match option(args, "--encoding").map(str::to_lowercase).as_deref() {
        None | Some("utf-8" | "utf8") => false,
        Some("cp932" | "shift_jis" | "sjis") => true,
        Some(other) => {
            return Err(both(
                &format!("--encoding {other} は使えません。utf-8 か cp932 を指定してください。"),
                &format!("unknown --encoding {other}; use utf-8 or cp932"),
            ))
        }
    };
    if cp932 && to != "csv" {
        return Err(both(
            &format!("--encoding cp932 は CSV にだけ使えます (書き出す形式: {to})。"),
            &format!("--encoding cp932 applies to CSV only (writing {to})"),
        ));
    }
    let id = match to.as_str() {
        "xlsx" if vendor => "xlsx-vendor".to_owned(),
        "csv" => format!(
            "csv{}{}",
            if cp932 { "-cp932" } else { "" },
            if vendor { "-vendor" } else { "" }
        ),
        other => other.to_owned(),
    };
    exporters
        .iter()
        .copied()
        .find(|exporter| exporter.format().id == id)
        .ok_or_else(|| {
            let known: Vec<&str> = exporters.iter().map(|e| e.format().id).collect();
            both(
                &format!(
                    "形式 {to} には書き出せません。使える形式: {}",
                    known.join(", ")
                ),
                &format!("cannot write format {to}; formats: {}", known.join(", ")),
            )
        })
}

/// The bytes of `exporter` for the assessment, signed with `--sign KEY` when given.
fn exported(
    args: &[String],
    exporter: &dyn Exporter,
    catalog: &Catalog,
    assessment: &Assessment,
) -> Result<Vec<u8>, String> {
    let time = now();
    let Some(key_path) = option(args, "--sign").or(option(args, "--key")) else {
        return exporter
            .export(catalog, assessment, &time)
            .map_err(|error| both(&error.message(Lang::Ja), &error.message(Lang::En)));
    };
    let key = SigningKeyFile::read(&read(key_path)?).map_err(|error| {
        both(
            &format!("{key_path}: {}", error.message(Lang::Ja)),
            &format!("{key_path}: {}", error.message(Lang::En)),
        )
    })?;
    export_signed(exporter, catalog, assessment, &key, &time)
        .map_err(|error| both(&error.message(Lang::Ja), &error.message(Lang::En)))
}

/// `convert IN OUT [--to FORMAT] [--layout L] [--encoding E] [--catalog FILE] [--sign KEY]`.
pub fn convert(args: &[String]) -> Outcome {
    let form = "convert IN OUT [--to json|xlsx|csv|oscal|public-json] [--layout checklist|vendor-reference] [--encoding utf-8|cp932] [--catalog FILE] [--sign KEYFILE]";
    let mut files = positionals(args);
    let (Some(input), Some(output)) = (files.next(), files.next()) else {
        return Err(usage(form));
    };
    let exporter = chosen_exporter(args, output)?;
    let (assessment, catalog) = read_any(input, args)?;
    let bytes = exported(args, exporter, &catalog, &assessment)?;
    std::fs::write(output, bytes).map_err(|error| io_error(Path::new(output), &error))?;
    println!("{output}");
    Ok(())
}

/// `sign IN OUT --key KEYFILE`: `convert` with a signature.
pub fn sign_file(args: &[String]) -> Outcome {
    if option(args, "--key").is_none() {
        return Err(usage("sign IN OUT --key KEYFILE [--to FORMAT]"));
    }
    convert(args)
}

/// `verify FILE [--key PUBLIC_KEY] [--catalog FILE]`: who signed, and whether anything
/// changed since. Fails unless the signature holds (and was made with `--key`, if given).
pub fn verify_file(args: &[String]) -> Outcome {
    let Some(path) = positionals(args).next() else {
        return Err(usage(
            "verify FILE [--key PUBLIC_KEY_FILE] [--catalog FILE]",
        ));
    };
    let trusted = option(args, "--key")
        .map(|key| {
            read(key).and_then(|bytes| {
                PublicKeyFile::read(&bytes).map_err(|error| {
                    both(
                        &format!("{key}: {}", error.message(Lang::Ja)),
                        &format!("{key}: {}", error.message(Lang::En)),
                    )
                })
            })
        })
        .transpose()?;
    let (assessment, _) = read_any(path, args)?;
    let verification = verify(&assessment, trusted.as_ref());
    let message = both(
        &format!("{path}: {}", verification.message(Lang::Ja)),
        &format!("{path}: {}", verification.message(Lang::En)),
    );
    if verification.passed() {
        println!("{message}");
        Ok(())
    } else {
        Err(message)
    }
}

/// `keygen --signer NAME --out KEYFILE`: a new key; the public half beside it.
pub fn keygen(args: &[String]) -> Outcome {
    let form = "keygen --signer NAME --out KEYFILE";
    let (Some(signer), Some(out)) = (option(args, "--signer"), option(args, "--out")) else {
        return Err(usage(form));
    };
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|error| {
        both(
            &format!("乱数を得られません: {error}"),
            &format!("no random numbers: {error}"),
        )
    })?;
    let key = generate(seed, signer, &now());
    let out = Path::new(out);
    if out.exists() && !flag(args, "--force") {
        return Err(both(
            &format!(
                "{} はすでにあります。上書きしません (--force で上書き)。",
                out.display()
            ),
            &format!(
                "{} exists; not overwritten (--force overwrites).",
                out.display()
            ),
        ));
    }
    write_private(out, &to_json(&key))?;
    let public = out.with_extension("pub.json");
    std::fs::write(&public, to_json(&key.public())).map_err(|e| io_error(&public, &e))?;
    println!(
        "{}\n{}\n{}",
        out.display(),
        public.display(),
        both(
            &format!(
                "鍵の指紋: {} (秘密鍵のファイルは誰にも渡さないでください)",
                key.fingerprint
            ),
            &format!(
                "key fingerprint: {} (never give the private key file to anyone)",
                key.fingerprint
            ),
        )
    );
    Ok(())
}

/// Writes a private key readable by its owner only.
fn write_private(path: &Path, text: &str) -> Outcome {
    #[cfg(unix)]
    {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(path)
            .map_err(|error| io_error(path, &error))?;
        file.write_all(text.as_bytes())
            .map_err(|error| io_error(path, &error))
    }
    #[cfg(not(unix))]
    std::fs::write(path, text).map_err(|error| io_error(path, &error))
}

/// `import-catalog SHEET OUT [--id ID] [--title TITLE] [--sheet NAME] [--columns A=id,C=text,…]
/// [--choices はい=met,いいえ=not-met]`: a catalog from a sheet, the guessed mapping (printed)
/// corrected by the options (roles as [`role_named`] takes them, outcomes `met`, `partial`,
/// `not-met`, `excluded`).
pub fn import_catalog(args: &[String]) -> Outcome {
    let form = "import-catalog SHEET OUT.json [--id ID] [--title TITLE] [--sheet NAME] [--columns A=id,B=group,C=text,D=status,E=date,F=choice,G=note,H=ignore] [--choices はい=met,いいえ=not-met,該当なし=excluded]";
    let mut files = positionals(args);
    let (Some(input), Some(output)) = (files.next(), files.next()) else {
        return Err(usage(form));
    };
    let bytes = read(input)?;
    let name = Path::new(input)
        .file_name()
        .map_or(input.to_owned(), |n| n.to_string_lossy().into_owned());
    let (_, workbook) = read_workbook(&bytes, &tekigo_formats::read::sheet_name_of(&name))
        .map_err(|error| format_error(input, &error))?;
    let mut mapping = guess(&workbook, &name);
    if let Some(sheet) = option(args, "--sheet") {
        mapping.sheet = sheet.to_owned();
    }
    if let Some(id) = option(args, "--id") {
        mapping.catalog_id = id.to_owned();
    }
    if let Some(title) = option(args, "--title") {
        mapping.title = title.to_owned();
    }
    if let Some(columns) = option(args, "--columns") {
        for pair in columns.split(',').filter(|pair| !pair.is_empty()) {
            let (letters, role) = pair.split_once('=').ok_or_else(|| usage(form))?;
            let column = column_index(letters).ok_or_else(|| usage(form))?;
            let role = role_named(role.trim()).ok_or_else(|| usage(form))?;
            if mapping.columns.len() <= column {
                mapping.columns.resize(column + 1, Role::Ignore);
            }
            mapping.columns[column] = role;
        }
    }
    if let Some(choices) = option(args, "--choices") {
        mapping.choices = choices
            .split(',')
            .filter(|choice| !choice.is_empty())
            .map(|choice| match choice.split_once('=') {
                Some((label, outcome)) => {
                    serde_json::from_value(serde_json::Value::String(outcome.trim().to_owned()))
                        .map(|outcome| ChoiceSpec {
                            label: label.trim().to_owned(),
                            outcome,
                        })
                        .map_err(|_| usage(form))
                }
                None => Ok(ChoiceSpec {
                    label: choice.trim().to_owned(),
                    outcome: outcome_of(choice),
                }),
            })
            .collect::<Result<_, _>>()?;
    }
    eprintln!(
        "{}",
        both(
            &format!("読み方 (--columns などで直せます): {}", describe(&mapping)),
            &format!(
                "mapping (correct it with --columns etc.): {}",
                describe(&mapping)
            ),
        )
    );
    let catalog = build(&workbook, &mapping, &now()[..10]).map_err(|e| format_error(input, &e))?;
    std::fs::write(output, to_json(&catalog)).map_err(|e| io_error(Path::new(output), &e))?;
    println!(
        "{output}\n{}",
        both(
            &format!("{} 項目のカタログ {}", catalog.items.len(), catalog.id),
            &format!("catalog {} with {} items", catalog.id, catalog.items.len()),
        )
    );
    Ok(())
}

fn describe(mapping: &tekigo_formats::catalog_sheet::Mapping) -> String {
    let columns: Vec<String> = mapping
        .columns
        .iter()
        .enumerate()
        .filter(|(_, role)| **role != Role::Ignore)
        .map(|(column, role)| {
            format!(
                "{}={}",
                tekigo_formats::error::column_letters(column),
                role_name(*role)
            )
        })
        .collect();
    let choices: Vec<String> = mapping
        .choices
        .iter()
        .map(|choice| {
            let outcome = serde_json::to_value(choice.outcome).unwrap_or_default();
            format!("{}={}", choice.label, outcome.as_str().unwrap_or(""))
        })
        .collect();
    format!(
        "sheet {} row {} --columns {} --choices {}",
        mapping.sheet,
        mapping.heading_row + 1,
        columns.join(","),
        choices.join(",")
    )
}

/// The role `--columns` names: `id`, `text`, `group`, `subgroup`, `evidence`, `reference`,
/// `status`, `date`, `choice`, `note` (an answer column of text) or `ignore`.
fn role_named(name: &str) -> Option<Role> {
    Some(match name {
        "id" => Role::Id,
        "text" => Role::Text,
        "group" => Role::Group,
        "subgroup" => Role::Subgroup,
        "evidence" => Role::EvidenceExamples,
        "reference" => Role::Reference,
        "status" => Role::Status,
        "date" => Role::DateField,
        "choice" => Role::ChoiceField,
        "note" => Role::TextField,
        "ignore" => Role::Ignore,
        _ => return None,
    })
}

/// The name `--columns` takes for a role.
fn role_name(role: Role) -> &'static str {
    match role {
        Role::Id => "id",
        Role::Text => "text",
        Role::Group => "group",
        Role::Subgroup => "subgroup",
        Role::EvidenceExamples => "evidence",
        Role::Reference => "reference",
        Role::Status => "status",
        Role::DateField => "date",
        Role::ChoiceField => "choice",
        Role::TextField => "note",
        Role::Ignore => "ignore",
    }
}

/// A column's index from its letters (A is 0).
fn column_index(letters: &str) -> Option<usize> {
    let letters = letters.trim();
    if letters.is_empty() || !letters.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    letters
        .to_ascii_uppercase()
        .bytes()
        .try_fold(0usize, |n, b| {
            n.checked_mul(26)?.checked_add(usize::from(b - b'A') + 1)
        })
        .map(|n| n - 1)
}

/// The formats `convert` writes, one per line, for the usage text.
pub fn formats() -> String {
    all_exporters()
        .iter()
        .map(|exporter| {
            let format = exporter.format();
            format!(
                "  {:<17} {} / {}",
                format.id,
                format.label.get(Lang::Ja),
                format.label.get(Lang::En)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}
