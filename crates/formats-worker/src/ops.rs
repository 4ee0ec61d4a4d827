//! What the worker does for each request, independent of the browser so that it is tested
//! natively: a request is an operation name, a JSON header and maybe the bytes of a file; the
//! answer a JSON header and maybe bytes, or a reason in Japanese and English.
//!
//! | op | header in | bytes in | header out | bytes out |
//! |---|---|---|---|---|
//! | `formats` | | | `formats`: id, label, extension, mime | |
//! | `export` | `format`, `catalog`, `assessment`, `now`, `today`, `key`? | | `fileName`, `mime` | the file |
//! | `read-assessment` | `fileName`, `catalogs`, `id`, `now` | the file | `assessment`, `layout` (null for a catalog's own sheet), `source` | |
//! | `sheet-open` | `fileName` | the file | `sheets`, `mapping`, `roles` | |
//! | `sheet-build` | `fileName`, `mapping`, `today` | the file | `catalog`, `items` | |
//! | `keygen` | `signer`, `now` | | `key`, `publicKey`, `fingerprint` | |
//! | `key-read` | `key` | | `signer`, `fingerprint` | |
//! | `public-key-read` | `publicKey` | | `signer`, `fingerprint` | |
//! | `verify` | `fileName`, `catalogs`, `publicKey`? | the file | `passed`, `ja`, `en` | |
//! | `zip` | `entries`: each file's `name` and `size`, in order | the files, one after another | | the zip |
//!
//! Catalogs and assessments travel as the JSON text of tekigo's files.

use serde_json::{json, Value};
use tekigo_core::export::{file_name, find, public_file_name};
use tekigo_core::i18n::{load_error_message, Lang};
use tekigo_core::publish::publish;
use tekigo_core::{load_assessment, load_catalog, to_json, Assessment, Catalog, LoadError};
use tekigo_formats::catalog_sheet::{build, guess, Mapping, Role};
use tekigo_formats::exporters::export_signed;
use tekigo_formats::signature::{generate, verify, PublicKeyFile, SigningKeyFile};
use tekigo_formats::table::Fresh;
use tekigo_formats::{all_exporters, read_assessment, read_workbook, FormatError, SourceKind};

/// Why a request failed, in both languages, and of what kind when the app acts on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// In Japanese.
    pub ja: String,
    /// In English.
    pub en: String,
    /// `not-an-assessment` for a sheet that holds no assessment tekigo knows (it may become
    /// a catalog instead).
    pub kind: Option<&'static str>,
}

impl Failure {
    fn new(ja: String, en: String) -> Failure {
        Failure { ja, en, kind: None }
    }
}

impl From<&FormatError> for Failure {
    fn from(error: &FormatError) -> Self {
        let kind = matches!(
            error,
            FormatError::UnknownLayout { .. } | FormatError::NoMatchingCatalog
        )
        .then_some("not-an-assessment");
        Failure {
            ja: error.message(Lang::Ja),
            en: error.message(Lang::En),
            kind,
        }
    }
}

fn load_failure(error: &LoadError) -> Failure {
    Failure::new(
        load_error_message(error, Lang::Ja),
        load_error_message(error, Lang::En),
    )
}

fn malformed(what: &str) -> Failure {
    Failure::new(
        format!("ワーカーへの依頼に {what} がありません。"),
        format!("The request to the worker lacks {what}."),
    )
}

/// What a request answers: a header, and maybe a file.
pub type Answer = (Value, Option<Vec<u8>>);

fn text<'a>(header: &'a Value, key: &str) -> Result<&'a str, Failure> {
    header[key].as_str().ok_or_else(|| malformed(key))
}

fn file(bytes: Option<&[u8]>) -> Result<&[u8], Failure> {
    bytes.ok_or_else(|| malformed("bytes"))
}

fn catalogs(header: &Value) -> Result<Vec<Catalog>, Failure> {
    header["catalogs"]
        .as_array()
        .ok_or_else(|| malformed("catalogs"))?
        .iter()
        .map(|catalog| {
            let text = catalog.as_str().ok_or_else(|| malformed("catalogs"))?;
            load_catalog(text.as_bytes()).map_err(|error| load_failure(&error))
        })
        .collect()
}

/// Handles one request; `random` gives 32 random bytes (the browser's `crypto`).
pub fn handle(
    op: &str,
    header: &Value,
    bytes: Option<&[u8]>,
    random: &mut dyn FnMut() -> [u8; 32],
) -> Result<Answer, Failure> {
    match op {
        "formats" => Ok((formats(), None)),
        "export" => export(header),
        "read-assessment" => read_sheet_assessment(header, file(bytes)?),
        "sheet-open" => sheet_open(header, file(bytes)?),
        "sheet-build" => sheet_build(header, file(bytes)?),
        "keygen" => {
            let key = generate(random(), text(header, "signer")?, text(header, "now")?);
            Ok((
                json!({
                    "key": to_json(&key),
                    "publicKey": to_json(&key.public()),
                    "fingerprint": key.fingerprint,
                }),
                None,
            ))
        }
        "verify" => verify_file(header, file(bytes)?),
        "zip" => zip(header, bytes.unwrap_or_default()),
        "key-read" => {
            let key = signing_key(header)?;
            Ok((
                json!({ "signer": key.signer, "fingerprint": key.fingerprint }),
                None,
            ))
        }
        "public-key-read" => {
            let key = PublicKeyFile::read(text(header, "publicKey")?.as_bytes())
                .map_err(|error| Failure::new(error.message(Lang::Ja), error.message(Lang::En)))?;
            Ok((
                json!({ "signer": key.signer, "fingerprint": key.fingerprint }),
                None,
            ))
        }
        other => Err(malformed(&format!("a known operation ({other})"))),
    }
}

/// The files that `entries` names, cut from `bytes` in order, packed into one zip.
fn zip(header: &Value, bytes: &[u8]) -> Result<Answer, Failure> {
    let mut rest = bytes;
    let mut files = Vec::new();
    for entry in header["entries"]
        .as_array()
        .ok_or_else(|| malformed("entries"))?
    {
        let name = entry["name"]
            .as_str()
            .filter(|name| is_entry_name(name) && !files.iter().any(|(other, _)| other == name))
            .ok_or_else(|| malformed("entries.name"))?;
        let size = entry["size"]
            .as_u64()
            .and_then(|size| usize::try_from(size).ok())
            .filter(|size| *size <= rest.len())
            .ok_or_else(|| malformed("entries.size"))?;
        let (content, after) = rest.split_at(size);
        files.push((name.to_owned(), content.to_vec()));
        rest = after;
    }
    if !rest.is_empty() || files.len() > usize::from(u16::MAX) {
        return Err(malformed("entries (bytes left over, or too many)"));
    }
    Ok((json!({}), Some(tekigo_formats::zip::write(&files))))
}

/// Whether `name` may name a file in a zip that unpacks where it is put: a relative path of
/// plain names, short enough for zip to hold.
fn is_entry_name(name: &str) -> bool {
    name.len() <= usize::from(u16::MAX)
        && !name.contains('\\')
        && name
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

fn formats() -> Value {
    let formats: Vec<Value> = all_exporters()
        .iter()
        .map(|exporter| {
            let format = exporter.format();
            json!({
                "id": format.id,
                "label": { "ja": format.label.ja, "en": format.label.en },
                "extension": format.extension,
                "mime": format.mime,
            })
        })
        .collect();
    json!({ "formats": formats })
}

/// Writes the assessment in the chosen format, signed if a key came; with `public`, its public
/// version (what [`publish`] lets leave), named `_public`.
fn export(header: &Value) -> Result<Answer, Failure> {
    let exporters = all_exporters();
    let id = text(header, "format")?;
    let exporter = find(&exporters, id).ok_or_else(|| malformed(&format!("format {id}")))?;
    let catalog =
        load_catalog(text(header, "catalog")?.as_bytes()).map_err(|e| load_failure(&e))?;
    let assessment =
        load_assessment(text(header, "assessment")?.as_bytes()).map_err(|e| load_failure(&e))?;
    let now = text(header, "now")?;
    let public = header["public"].as_bool().unwrap_or(false);
    let assessment = if public {
        publish(&catalog, &assessment, now)
    } else {
        assessment
    };
    let written = match header["key"].as_str() {
        Some(_) => export_signed(exporter, &catalog, &assessment, &signing_key(header)?, now),
        None => exporter.export(&catalog, &assessment, now),
    }
    .map_err(|error| Failure::new(error.message(Lang::Ja), error.message(Lang::En)))?;
    let format = exporter.format();
    let today = text(header, "today")?;
    let file_name = if public {
        public_file_name(&assessment, &format, today)
    } else {
        file_name(&assessment, &format, today)
    };
    Ok((
        json!({ "fileName": file_name, "mime": format.mime }),
        Some(written),
    ))
}

fn source_name(source: SourceKind) -> String {
    match source {
        SourceKind::Xlsx => "xlsx".to_owned(),
        SourceKind::Csv(encoding) => format!("csv ({})", encoding.name()),
    }
}

fn read_sheet_assessment(header: &Value, bytes: &[u8]) -> Result<Answer, Failure> {
    let catalogs = catalogs(header)?;
    let refs: Vec<&Catalog> = catalogs.iter().collect();
    let fresh = Fresh {
        id: text(header, "id")?,
        now: text(header, "now")?,
    };
    let imported = read_assessment(bytes, text(header, "fileName")?, &refs, fresh)
        .map_err(|error| Failure::from(&error))?;
    Ok((
        json!({
            "assessment": to_json(&imported.assessment),
            "layout": imported.layout.map(|layout| layout.id()),
            "source": source_name(imported.source),
        }),
        None,
    ))
}

/// How many rows and columns of each sheet the mapping dialog shows: columns up to IV, as
/// wide as Excel 2003 sheets went and far wider than any checklist, so that any column a
/// person means can be mapped, while a runaway CSV row does not fill the page with menus.
const PREVIEW_ROWS: usize = 40;
const PREVIEW_COLUMNS: usize = 256;

fn sheet_open(header: &Value, bytes: &[u8]) -> Result<Answer, Failure> {
    let name = text(header, "fileName")?;
    let (_, workbook) = read_workbook(bytes, &tekigo_formats::read::sheet_name_of(name))
        .map_err(|error| Failure::from(&error))?;
    let mapping = guess(&workbook, name);
    let sheets: Vec<Value> = workbook
        .sheets
        .iter()
        .filter(|sheet| !sheet.hidden)
        .map(|sheet| {
            let rows: Vec<Vec<&str>> = sheet
                .rows
                .iter()
                .take(PREVIEW_ROWS)
                .map(|row| {
                    row.cells
                        .iter()
                        .take(PREVIEW_COLUMNS)
                        .map(String::as_str)
                        .collect()
                })
                .collect();
            json!({ "name": sheet.name, "rows": rows, "total": sheet.rows.len() })
        })
        .collect();
    let roles: Vec<Value> = Role::ALL
        .iter()
        .map(|role| {
            let label = role.label();
            json!({ "id": role, "ja": label.ja, "en": label.en })
        })
        .collect();
    Ok((
        json!({ "sheets": sheets, "mapping": mapping, "roles": roles }),
        None,
    ))
}

fn sheet_build(header: &Value, bytes: &[u8]) -> Result<Answer, Failure> {
    let name = text(header, "fileName")?;
    let mapping: Mapping =
        serde_json::from_value(header["mapping"].clone()).map_err(|_| malformed("mapping"))?;
    let (_, workbook) = read_workbook(bytes, &tekigo_formats::read::sheet_name_of(name))
        .map_err(|error| Failure::from(&error))?;
    let catalog =
        build(&workbook, &mapping, text(header, "today")?).map_err(|e| Failure::from(&e))?;
    Ok((
        json!({ "catalog": to_json(&catalog), "items": catalog.items.len() }),
        None,
    ))
}

/// Whether a file is JSON (a tekigo file) rather than a spreadsheet.
fn is_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().find(|byte| !byte.is_ascii_whitespace()) == Some(&b'{')
}

/// The signing key file in `key`, or why it is none.
fn signing_key(header: &Value) -> Result<SigningKeyFile, Failure> {
    SigningKeyFile::read(text(header, "key")?.as_bytes())
        .map_err(|error| Failure::new(error.message(Lang::Ja), error.message(Lang::En)))
}

fn verify_file(header: &Value, bytes: &[u8]) -> Result<Answer, Failure> {
    let trusted = header["publicKey"]
        .as_str()
        .map(|key| {
            PublicKeyFile::read(key.as_bytes())
                .map_err(|error| Failure::new(error.message(Lang::Ja), error.message(Lang::En)))
        })
        .transpose()?;
    let assessment: Assessment = if is_json(bytes) {
        load_assessment(bytes).map_err(|error| load_failure(&error))?
    } else {
        let catalogs = catalogs(header)?;
        let refs: Vec<&Catalog> = catalogs.iter().collect();
        let fresh = Fresh {
            id: "verify",
            now: "1970-01-01T00:00:00Z",
        };
        read_assessment(bytes, text(header, "fileName")?, &refs, fresh)
            .map_err(|error| Failure::from(&error))?
            .assessment
    };
    let verification = verify(&assessment, trusted.as_ref());
    Ok((
        json!({
            "passed": verification.passed(),
            "ja": verification.message(Lang::Ja),
            "en": verification.message(Lang::En),
        }),
        None,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tekigo_core::embedded;

    const NOW: &str = "2026-12-01T10:00:00+09:00";

    fn no_random() -> [u8; 32] {
        [5; 32]
    }

    fn call(op: &str, header: Value, bytes: Option<&[u8]>) -> Result<Answer, Failure> {
        handle(op, &header, bytes, &mut no_random)
    }

    #[test]
    fn files_cut_from_one_buffer_come_back_as_one_zip() {
        let header = json!({ "entries": [
            { "name": "tekigo/widget/a.js", "size": 3 },
            { "name": "tekigo/公開.json", "size": 2 },
        ] });
        let (_, zipped) = call("zip", header.clone(), Some(b"abc{}")).unwrap();
        let zipped = zipped.unwrap();
        let archive = tekigo_formats::zip::Archive::open(&zipped).unwrap();
        assert_eq!(archive.read("tekigo/widget/a.js").unwrap(), b"abc");
        assert_eq!(archive.read("tekigo/公開.json").unwrap(), b"{}");
        // Sizes that do not add up to the bytes are refused, never guessed.
        assert!(call("zip", header.clone(), Some(b"abc{}x")).is_err());
        assert!(call("zip", header, Some(b"abc{")).is_err());
        // So is a name that would unpack elsewhere, or twice.
        for names in [
            ["../a.js", "b"],
            ["/a.js", "b"],
            ["a\\b.js", "b"],
            ["", "b"],
            ["a//b", "b"],
            ["b", "b"],
        ] {
            let header = json!({ "entries": [
                { "name": names[0], "size": 1 },
                { "name": names[1], "size": 1 },
            ] });
            assert!(call("zip", header, Some(b"xy")).is_err(), "{names:?}");
        }
    }

    #[test]
    fn keys_are_read_when_chosen_and_other_files_are_refused() {
        let (keys, _) = call("keygen", json!({ "signer": "きりん", "now": NOW }), None).unwrap();
        let (read, _) = call("key-read", json!({ "key": keys["key"] }), None).unwrap();
        assert_eq!(read["signer"], "きりん");
        assert_eq!(read["fingerprint"], keys["fingerprint"]);
        let refused = call("key-read", json!({ "key": keys["publicKey"] }), None).unwrap_err();
        assert!(refused.ja.contains("署名鍵 (秘密鍵)"), "{}", refused.ja);
        let (public, _) = call(
            "public-key-read",
            json!({ "publicKey": keys["publicKey"] }),
            None,
        )
        .unwrap();
        assert_eq!(public["fingerprint"], keys["fingerprint"]);
        // A private key file gives its public half; an assessment is no key.
        let (half, _) = call("public-key-read", json!({ "publicKey": keys["key"] }), None).unwrap();
        assert_eq!(half["fingerprint"], keys["fingerprint"]);
        let assessment = to_json(&embedded::sample_assessment());
        let refused =
            call("public-key-read", json!({ "publicKey": assessment }), None).unwrap_err();
        assert!(refused.ja.contains("公開鍵"), "{}", refused.ja);
    }

    #[test]
    fn an_export_signed_in_the_worker_reads_back_and_verifies() {
        let sample = embedded::sample_assessment();
        let catalog = to_json(embedded::catalog(&sample.catalog.id).unwrap());
        let (keys, _) = call("keygen", json!({ "signer": "きりん", "now": NOW }), None).unwrap();
        let (header, bytes) = call(
            "export",
            json!({
                "format": "xlsx", "catalog": catalog, "assessment": to_json(&sample),
                "now": NOW, "today": "2026-12-01", "key": keys["key"],
            }),
            None,
        )
        .unwrap();
        assert_eq!(
            header["fileName"],
            "tekigo_『きりんカルテ』_2019-08-26.xlsx"
        );
        let bytes = bytes.unwrap();
        let (read, _) = call(
            "read-assessment",
            json!({ "fileName": "x.xlsx", "catalogs": [catalog], "id": "new", "now": NOW }),
            Some(&bytes),
        )
        .unwrap();
        assert_eq!(read["layout"], "checklist");
        let (verified, _) = call(
            "verify",
            json!({ "fileName": "x.xlsx", "catalogs": [catalog], "publicKey": keys["publicKey"] }),
            Some(&bytes),
        )
        .unwrap();
        assert_eq!(verified["passed"], true, "{verified}");
    }

    #[test]
    fn a_public_export_leaves_out_what_never_leaves_the_vendor_in_every_format() {
        // ASCII markers: the sheets' data column escapes anything else as \uXXXX.
        let private = [
            "INTERNAL-NOTE-ONLY",
            "INTERVIEW-ONLY",
            "VERDICT-ONLY",
            "EXTRA-FIELD-ONLY",
            "NDA-PLACE-ONLY",
            "NDA-ADDRESS-ONLY",
        ];
        let mut sample = embedded::sample_assessment();
        sample.documents.push(tekigo_core::Document {
            id: "99".into(),
            title: "SOC2".into(),
            url: format!("https://intranet.example/{}", private[5]),
            disclosure: tekigo_core::DisclosureLevel::Nda,
            ..tekigo_core::Document::default()
        });
        let answer = sample.answers.values_mut().next().unwrap();
        answer.internal_note = private[0].into();
        answer.interview = private[1].into();
        answer.evaluator.verdict = private[2].into();
        answer.extra.insert("x-own".into(), private[3].into());
        answer.evidence.push(tekigo_core::EvidenceRef {
            document: "99".into(),
            location: private[4].into(),
            ..tekigo_core::EvidenceRef::default()
        });
        let catalog = to_json(embedded::catalog(&sample.catalog.id).unwrap());
        for format in ["xlsx-vendor", "csv-vendor", "json", "oscal"] {
            let export = |public: bool| {
                call(
                    "export",
                    json!({
                        "format": format, "catalog": catalog, "assessment": to_json(&sample),
                        "now": NOW, "today": "2026-12-01", "public": public,
                    }),
                    None,
                )
                .unwrap()
            };
            let readable = |bytes: Option<Vec<u8>>| {
                let bytes = bytes.unwrap();
                match format {
                    "xlsx-vendor" => {
                        let archive = tekigo_formats::zip::Archive::open(&bytes).unwrap();
                        String::from_utf8(archive.read("xl/sharedStrings.xml").unwrap()).unwrap()
                    }
                    _ => String::from_utf8(bytes).unwrap(),
                }
            };
            let (full_header, full) = export(false);
            let full = readable(full);
            assert!(
                full.contains(private[0]),
                "{format}: the full file keeps it"
            );
            let (header, public) = export(true);
            let public = readable(public);
            for private in private {
                assert!(!public.contains(private), "{format}: {private} left");
            }
            let name = header["fileName"].as_str().unwrap();
            assert!(name.contains("_public"), "{name}");
            assert_ne!(header["fileName"], full_header["fileName"]);
        }
        // The public JSON format is named `_public` once, however it is asked for.
        let (header, _) = call(
            "export",
            json!({
                "format": "public-json", "catalog": catalog, "assessment": to_json(&sample),
                "now": NOW, "today": "2026-12-01", "public": true,
            }),
            None,
        )
        .unwrap();
        assert_eq!(
            header["fileName"],
            "tekigo_『きりんカルテ』_2019-08-26_public.json"
        );
    }

    #[test]
    fn a_sheet_opens_with_a_guess_and_builds_a_catalog() {
        let csv = "No,質問,回答\r\n1,窓口を公開していますか。,はい\r\n2,記録を残していますか。,いいえ\r\n";
        let (opened, _) = call(
            "sheet-open",
            json!({ "fileName": "q.csv" }),
            Some(csv.as_bytes()),
        )
        .unwrap();
        assert_eq!(
            opened["mapping"]["columns"],
            json!(["id", "text", "status"])
        );
        assert_eq!(
            opened["sheets"][0]["rows"][1][1],
            "窓口を公開していますか。"
        );
        let (built, _) = call(
            "sheet-build",
            json!({ "fileName": "q.csv", "mapping": opened["mapping"], "today": "2026-12-01" }),
            Some(csv.as_bytes()),
        )
        .unwrap();
        assert_eq!(built["items"], 2);
        let catalog = load_catalog(built["catalog"].as_str().unwrap().as_bytes()).unwrap();
        assert_eq!(catalog.scale().choices[1].label.ja, "いいえ");
    }

    #[test]
    fn failures_come_in_both_languages() {
        let error = call(
            "sheet-open",
            json!({ "fileName": "x.pdf" }),
            Some(b"%PDF-1.7"),
        )
        .unwrap_err();
        assert!(error.ja.contains("PDF") && error.en.contains("PDF"));
        let error = call("nonsense", json!({}), None).unwrap_err();
        assert!(error.en.contains("nonsense"));
    }
}
