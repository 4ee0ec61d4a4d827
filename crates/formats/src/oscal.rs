//! OSCAL assessment results (JSON, OSCAL 1.2): one finding per item whose status counts as
//! met, partly met or not met — satisfied or not satisfied — with an observation carrying the
//! vendor's statement and the evidence; the document register as back-matter resources (an
//! NDA document's address left out, as in publishing); the evaluator and the applicant as
//! parties. Items the scale excludes, and items stated but not rated (as a vendor's reference
//! often is), are observations without a finding; unanswered items appear in neither, and the
//! result's remarks count all three.
//!
//! OSCAL's types live here and nowhere else: the domain model knows nothing of them. The
//! catalogs' own item ids, e.g. `8.1.2(ア)`, are not OSCAL tokens, so each item is targeted as
//! `item-` and a version-5 UUID of the catalog and item id (stable across exports), and its
//! own id is kept in a property.

use serde_json::{json, Value};
use tekigo_core::export::{ExportError, ExportFormat, Exporter};
use tekigo_core::fields::{answer_fields, AnswerField, Shape, Standard};
use tekigo_core::i18n::{Lang, Localized};
use tekigo_core::scale::Outcome;
use tekigo_core::{Answer, Assessment, Bilingual, Catalog, DisclosureLevel, Item};

use crate::uuid;

/// The OSCAL version the documents are written for and validated against.
pub const OSCAL_VERSION: &str = "1.2.1";
/// The namespace of tekigo's properties.
pub const NAMESPACE: &str = "urn:tekigo:oscal";

/// Writes OSCAL assessment results.
pub struct OscalExporter;

impl Exporter for OscalExporter {
    fn format(&self) -> ExportFormat {
        ExportFormat {
            id: "oscal",
            label: Bilingual::new(
                "OSCAL 評価結果 (assessment results、JSON)",
                "OSCAL assessment results (JSON)",
            ),
            suffix: "_oscal",
            extension: "json",
            mime: "application/json",
        }
    }

    fn export(
        &self,
        catalog: &Catalog,
        assessment: &Assessment,
        now: &str,
    ) -> Result<Vec<u8>, ExportError> {
        Ok(tekigo_core::to_json(&assessment_results(catalog, assessment, now)).into_bytes())
    }
}

/// A property in tekigo's namespace; none when the value is blank (OSCAL wants a value).
fn prop(name: &str, value: &str) -> Option<Value> {
    let value = one_line(value);
    (!value.is_empty()).then(|| json!({ "name": name, "ns": NAMESPACE, "value": value }))
}

/// The properties that have a value.
fn props(list: impl IntoIterator<Item = Option<Value>>) -> Vec<Value> {
    list.into_iter().flatten().collect()
}

/// Text on one line, without surrounding space (OSCAL's strings and titles).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A title: one line, at most `limit` characters, never empty.
fn title(text: &str, fallback: &str, limit: usize) -> String {
    let line = one_line(text);
    let line = if line.is_empty() {
        fallback.to_owned()
    } else {
        line
    };
    if line.chars().count() > limit {
        line.chars().take(limit).collect::<String>() + "…"
    } else {
        line
    }
}

/// `time` when it is an RFC 3339 time with an offset (OSCAL's date-time-with-timezone).
fn aware(time: &str) -> Option<&str> {
    let bytes = time.as_bytes();
    let shaped = bytes.len() >= 20
        && bytes.get(10) == Some(&b'T')
        && tekigo_core::dates::Date::parse(&time[..10]).is_some()
        && (time.ends_with('Z') || time.ends_with('z') || {
            let zone = &time[time.len() - 6..];
            zone.starts_with(['+', '-']) && zone.as_bytes()[3] == b':'
        });
    shaped.then_some(time)
}

fn party_uuid(assessment: &Assessment, role: &str, name: &str) -> String {
    uuid::tekigo(&["party", &assessment.id, role, name])
}

/// The whole document.
pub fn assessment_results(catalog: &Catalog, assessment: &Assessment, now: &str) -> Value {
    let subject = &assessment.subject;
    let collected_default = aware(&assessment.updated_at).unwrap_or(now);
    let mut parties = Vec::new();
    let mut responsible = Vec::new();
    for (role, name, kind) in [
        ("assessor", subject.evaluator.as_str(), "person"),
        ("applicant", subject.applicant.as_str(), "organization"),
    ] {
        let name = one_line(name);
        if name.is_empty() {
            continue;
        }
        let id = party_uuid(assessment, role, &name);
        parties.push(json!({ "uuid": id, "type": kind, "name": name }));
        responsible.push(json!({ "role-id": role, "party-uuids": [id] }));
    }
    let assessor = responsible
        .first()
        .and_then(|party| party["party-uuids"][0].as_str().map(str::to_owned));

    let catalog_resource = uuid::tekigo(&["catalog", &catalog.id, &assessment.catalog.hash]);
    let document_uuid = |id: &str| uuid::tekigo(&["document", &assessment.id, id]);
    let mut observations = Vec::new();
    let mut findings = Vec::new();
    let (mut excluded, mut stated, mut unanswered) = (0, 0, 0);
    for item in &catalog.items {
        let Some(answer) = assessment.answers.get(&item.id).filter(|a| !a.is_empty()) else {
            unanswered += 1;
            continue;
        };
        let choice = answer
            .status
            .as_deref()
            .and_then(|status| catalog.scale().choice(status));
        let observation_id = uuid::tekigo(&["observation", &assessment.id, &item.id]);
        observations.push(observation(
            catalog,
            assessment,
            item,
            answer,
            &observation_id,
            collected_default,
            &document_uuid,
        ));
        let Some(choice) = choice else {
            stated += 1;
            continue;
        };
        let (state, reason) = match choice.outcome {
            Outcome::Met => ("satisfied", "pass"),
            Outcome::Partial => ("not-satisfied", "other"),
            Outcome::NotMet => ("not-satisfied", "fail"),
            Outcome::Excluded => {
                excluded += 1;
                continue;
            }
        };
        let mut finding_props = props([
            prop("item-id", &item.id),
            prop("status", &choice.id),
            prop("status-label", &choice.label.ja),
            prop("outcome", outcome_id(choice.outcome)),
        ]);
        finding_props.extend(answer.parties.iter().filter_map(|id| {
            let label = assessment
                .party(id)
                .map_or(id.clone(), |p| p.label(Lang::Ja));
            prop("responsible-party", &label)
        }));
        let mut finding = json!({
            "uuid": uuid::tekigo(&["finding", &assessment.id, &item.id]),
            "title": title(&format!("{} {}", item.id, item.text), &item.id, 120),
            "description": if item.text.trim().is_empty() { item.id.clone() } else { item.text.clone() },
            "props": finding_props,
            "target": {
                "type": "objective-id",
                "target-id": format!("item-{}", uuid::tekigo(&["item", &catalog.id, &item.id])),
                "title": title(&item.id, "item", 120),
                "status": { "state": state, "reason": reason },
            },
            "related-observations": [{ "observation-uuid": observation_id }],
        });
        if let Some(assessor) = &assessor {
            finding["origins"] = json!([{ "actors": [{ "type": "party", "actor-uuid": assessor, "role-id": "assessor" }] }]);
        }
        findings.push(finding);
    }

    let mut result = json!({
        "uuid": uuid::tekigo(&["result", &assessment.id]),
        "title": title(&format!("{} — {}", subject.product, catalog.title), &catalog.title, 200),
        "description": format!(
            "tekigo の評価「{}」(カタログ {} {})。\ntekigo assessment \"{}\" against catalog {} ({}).",
            one_line(&subject.product), catalog.id, catalog.version,
            one_line(&subject.product), catalog.id, catalog.version
        ),
        "start": aware(&assessment.created_at).unwrap_or(collected_default),
        "reviewed-controls": {
            "description": format!("{} の全項目 / every item of {}", catalog.title, catalog.id),
            "control-selections": [{ "include-all": {} }],
        },
        "remarks": format!(
            "対象外 {excluded} 件と適否の記載がない {stated} 件は所見なしの観察として、未回答 {unanswered} 件は含めていません。\n{excluded} items not applicable and {stated} stated but not rated are observations without a finding; {unanswered} unanswered items are not included."
        ),
    });
    if let Some(end) = aware(&assessment.updated_at) {
        result["end"] = json!(end);
    }
    if !observations.is_empty() {
        result["observations"] = Value::Array(observations);
    }
    if !findings.is_empty() {
        result["findings"] = Value::Array(findings);
    }

    let mut resources = vec![json!({
        "uuid": catalog_resource,
        "title": title(&catalog.title, &catalog.id, 200),
        "description": format!("tekigo のカタログ {} ({}、{}) / tekigo catalog {}", catalog.id, catalog.version, catalog.issuer, catalog.id),
        "props": props([prop("catalog-id", &catalog.id), prop("catalog-hash", &assessment.catalog.hash)]),
    })];
    for document in &assessment.documents {
        let mut resource = json!({
            "uuid": document_uuid(&document.id),
            "title": title(&document.title, if document.id.is_empty() { "文書" } else { &document.id }, 200),
            "props": props([
                prop("document-id", &document.id),
                prop("disclosure", match document.disclosure {
                    DisclosureLevel::Public => "public",
                    DisclosureLevel::Nda => "nda",
                }),
            ]),
        });
        let url = document.url.trim();
        if !url.is_empty() && document.disclosure == DisclosureLevel::Public {
            resource["rlinks"] = json!([{ "href": url }]);
        }
        resources.push(resource);
    }

    let mut metadata = json!({
        "title": title(&format!("{} — {}", subject.product, catalog.title), &catalog.title, 200),
        "last-modified": now,
        "version": title(&assessment.updated_at, "1", 60),
        "oscal-version": OSCAL_VERSION,
        "roles": [
            { "id": "assessor", "title": "評価者 / Assessor" },
            { "id": "applicant", "title": "評価申請元 / Applicant" },
        ],
        "props": props([
            prop("assessment-id", &assessment.id),
            prop("catalog", &catalog.id),
            prop("assessment-date", &subject.date),
            prop("reference-number", &subject.reference_number),
        ]),
    });
    if !parties.is_empty() {
        metadata["parties"] = Value::Array(parties);
        metadata["responsible-parties"] = Value::Array(responsible);
    }
    json!({
        "assessment-results": {
            "uuid": uuid::tekigo(&["assessment-results", &assessment.id, &assessment.updated_at]),
            "metadata": metadata,
            "import-ap": {
                "href": format!("#{catalog_resource}"),
                "remarks": "tekigo に OSCAL の評価計画はありません。評価したカタログを back-matter に示します。\ntekigo has no OSCAL assessment plan; the catalog assessed is the back-matter resource referenced.",
            },
            "results": [result],
            "back-matter": { "resources": resources },
        }
    })
}

fn outcome_id(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Met => "met",
        Outcome::Partial => "partial",
        Outcome::NotMet => "not-met",
        Outcome::Excluded => "excluded",
    }
}

/// What was recorded for an item: the statement, the evidence, and the other fields of the
/// catalog's field table in the remarks.
fn observation(
    catalog: &Catalog,
    assessment: &Assessment,
    item: &Item,
    answer: &Answer,
    id: &str,
    collected_default: &str,
    document_uuid: &dyn Fn(&str) -> String,
) -> Value {
    let mut methods = vec!["EXAMINE"];
    if !answer.interview.trim().is_empty() {
        methods.push("INTERVIEW");
    }
    let evidence: Vec<Value> = answer
        .evidence
        .iter()
        .filter(|evidence| !evidence.is_blank())
        .map(|evidence| {
            let document = assessment.document(&evidence.document);
            let name = document.map_or(evidence.document.as_str(), |d| d.title.as_str());
            let mut relevant = json!({
                "description": format!("{} {}", name, evidence.location).trim().to_owned(),
                "props": props([prop("document-id", &evidence.document), prop("location", &evidence.location)]),
            });
            if document.is_some() {
                relevant["href"] = json!(format!("#{}", document_uuid(&evidence.document)));
            }
            if relevant["props"].as_array().is_some_and(Vec::is_empty) {
                relevant.as_object_mut().map(|o| o.remove("props"));
            }
            relevant
        })
        .collect();
    let remarks: Vec<String> = answer_fields(catalog)
        .into_iter()
        .filter(|field| !matches!(field, AnswerField::Standard(Standard::Statement)))
        .filter(|field| matches!(field.shape(), Shape::Text | Shape::Date | Shape::Choice))
        .filter_map(|field| {
            let text = field.text(answer)?.trim();
            (!text.is_empty()).then(|| format!("{}: {}", field.label(Lang::Ja), text))
        })
        .collect();
    let choice = answer
        .status
        .as_deref()
        .and_then(|status| catalog.scale().choice(status));
    let mut observation_props = vec![prop("item-id", &item.id)];
    if let Some(choice) = choice {
        observation_props.push(prop("status", &choice.id));
        observation_props.push(prop("outcome", outcome_id(choice.outcome)));
    }
    if let Some(level) = answer.disclosure {
        observation_props.push(prop("disclosure", level.label(Lang::En)));
    }
    let mut observation = json!({
        "uuid": id,
        "title": title(&format!("{} の回答 / answer to {}", item.id, item.id), &item.id, 120),
        "description": if answer.statement.trim().is_empty() { "(記述なし / no statement)".to_owned() } else { answer.statement.clone() },
        "props": props(observation_props),
        "methods": methods,
        "types": ["control-objective"],
        "collected": answer.updated_at.as_deref().and_then(aware).unwrap_or(collected_default),
    });
    if !evidence.is_empty() {
        observation["relevant-evidence"] = Value::Array(evidence);
    }
    if !remarks.is_empty() {
        observation["remarks"] = json!(remarks.join("\n"));
    }
    observation
}
