//! One answer field as the text of a cell, and back: a status by its label on the catalog's
//! scale, parties by their names in the register, evidence one reference per line
//! (`[01] p.12`), the disclosure level and a field's options by their labels, dates as ISO
//! (and, read back, as people and Excel write them), a risk rating as likelihood × impact
//! (`Middle (中) × High (高)`). A cell that does not read is an error
//! saying what the column takes.

use tekigo_core::dates::Date;
use tekigo_core::fields::{AnswerField, Shape};
use tekigo_core::i18n::{Lang, Localized};
use tekigo_core::risk::{Level, RiskRating};
use tekigo_core::{Answer, Assessment, Bilingual, Catalog, DisclosureLevel, EvidenceRef};

/// What a cell of a field column means, once read.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A status choice id, or none.
    Status(Option<String>),
    /// Party ids.
    Parties(Vec<String>),
    /// Evidence references.
    Evidence(Vec<EvidenceRef>),
    /// A disclosure level, or none.
    Disclosure(Option<DisclosureLevel>),
    /// A risk rating, or none.
    Risk(Option<RiskRating>),
    /// The text of a text, date or choice field as stored.
    Text(String),
}

/// The register's names for its parties: a party's label where no other party shares it,
/// else its id.
pub fn party_name(assessment: &Assessment, id: &str) -> String {
    let Some(party) = assessment.party(id) else {
        return id.to_owned();
    };
    let label = party.label(Lang::Ja);
    let shared = assessment
        .parties
        .iter()
        .filter(|other| other.label(Lang::Ja) == label)
        .count();
    if shared == 1 {
        label
    } else {
        id.to_owned()
    }
}

/// The cell's text for `field` of `answer`.
pub fn render(
    field: &AnswerField,
    catalog: &Catalog,
    assessment: &Assessment,
    answer: &Answer,
) -> String {
    match field.shape() {
        Shape::Status => answer
            .status
            .as_deref()
            .map(|id| {
                catalog
                    .scale()
                    .choice(id)
                    .map_or(id.to_owned(), |choice| choice.label.ja.clone())
            })
            .unwrap_or_default(),
        Shape::Parties => answer
            .parties
            .iter()
            .map(|id| party_name(assessment, id))
            .collect::<Vec<_>>()
            .join("、"),
        Shape::Evidence => render_evidence(&answer.evidence),
        Shape::Disclosure => answer
            .disclosure
            .map(|level| level.label(Lang::Ja).to_owned())
            .unwrap_or_default(),
        Shape::Choice => {
            let stored = field.text(answer).unwrap_or_default();
            let AnswerField::Declared(def) = field else {
                return stored.to_owned();
            };
            def.options
                .iter()
                .find(|option| option.id == stored)
                .map_or(stored.to_owned(), |option| option.label.ja.clone())
        }
        Shape::Risk => answer
            .risk
            .map(|rating| {
                format!(
                    "{} × {}",
                    rating.likelihood.label(Lang::Ja),
                    rating.impact.label(Lang::Ja)
                )
            })
            .unwrap_or_default(),
        Shape::Text | Shape::Date => field.text(answer).unwrap_or_default().to_owned(),
    }
}

/// A level as a cell names it: by its label in either language or its id.
fn level(text: &str) -> Option<Level> {
    Level::ALL.into_iter().find(|level| {
        same(level.label(Lang::Ja), text)
            || same(level.label(Lang::En), text)
            || same(level.id(), text)
    })
}

/// Evidence, one reference per line: `[document] place`.
pub fn render_evidence(evidence: &[EvidenceRef]) -> String {
    evidence
        .iter()
        .map(|reference| {
            if reference.document.is_empty() && !reference.location.starts_with('[') {
                reference.location.clone()
            } else if reference.location.is_empty() {
                format!("[{}]", reference.document)
            } else {
                format!("[{}] {}", reference.document, reference.location)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Evidence read from a cell, one reference per non-empty line.
pub fn parse_evidence(text: &str) -> Vec<EvidenceRef> {
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let split = line.strip_prefix('[').and_then(|rest| rest.split_once(']'));
            match split {
                Some((document, location)) => EvidenceRef {
                    document: document.trim().to_owned(),
                    location: location.strip_prefix(' ').unwrap_or(location).to_owned(),
                    ..EvidenceRef::default()
                },
                None => EvidenceRef {
                    location: line.to_owned(),
                    ..EvidenceRef::default()
                },
            }
        })
        .collect()
}

/// Why a cell does not read: what the column takes.
#[derive(Debug, Clone, PartialEq)]
pub enum CellProblem {
    /// Not a choice of the scale; the choices, as labelled.
    NotOnScale(Vec<String>),
    /// Anything else, with what the column takes.
    Expected(Bilingual),
}

fn same(a: &str, b: &str) -> bool {
    a.trim() == b.trim() || a.trim().eq_ignore_ascii_case(b.trim())
}

/// Reads a cell of `field`'s column; empty text is no value.
pub fn parse(
    field: &AnswerField,
    catalog: &Catalog,
    assessment: &Assessment,
    text: &str,
) -> Result<Value, CellProblem> {
    let blank = text.trim().is_empty();
    match field.shape() {
        Shape::Status => {
            if blank {
                return Ok(Value::Status(None));
            }
            let scale = catalog.scale();
            scale
                .choices
                .iter()
                .find(|choice| {
                    same(&choice.label.ja, text)
                        || (!choice.label.en.is_empty() && same(&choice.label.en, text))
                        || same(&choice.id, text)
                })
                .map(|choice| Value::Status(Some(choice.id.clone())))
                .ok_or_else(|| {
                    CellProblem::NotOnScale(
                        scale.choices.iter().map(|c| c.label.ja.clone()).collect(),
                    )
                })
        }
        Shape::Parties => {
            let mut ids = Vec::new();
            for name in text
                .split(['、', ',', '，', '\n'])
                .map(str::trim)
                .filter(|name| !name.is_empty())
            {
                let found = assessment
                    .parties
                    .iter()
                    .find(|party| party.id == name || party_name(assessment, &party.id) == name)
                    .or_else(|| {
                        let by_role: Vec<_> = assessment
                            .parties
                            .iter()
                            .filter(|party| {
                                party.role.label(Lang::Ja) == name
                                    || same(party.role.label(Lang::En), name)
                            })
                            .collect();
                        (by_role.len() == 1).then(|| by_role[0])
                    })
                    .ok_or_else(|| {
                        let names: Vec<String> = assessment
                            .parties
                            .iter()
                            .map(|party| party_name(assessment, &party.id))
                            .collect();
                        CellProblem::Expected(Bilingual::new(
                            format!(
                                "関係者の名前を「、」で区切って書きます: {}",
                                names.join("、")
                            ),
                            format!(
                                "Name parties of the register, separated by 「、」: {}",
                                names.join(", ")
                            ),
                        ))
                    })?;
                ids.push(found.id.clone());
            }
            Ok(Value::Parties(ids))
        }
        Shape::Evidence => Ok(Value::Evidence(parse_evidence(text))),
        Shape::Disclosure => {
            if blank {
                return Ok(Value::Disclosure(None));
            }
            [DisclosureLevel::Public, DisclosureLevel::Nda]
                .into_iter()
                .find(|level| {
                    same(level.label(Lang::Ja), text)
                        || same(level.label(Lang::En), text)
                        || same(
                            match level {
                                DisclosureLevel::Public => "public",
                                DisclosureLevel::Nda => "nda",
                            },
                            text,
                        )
                })
                .map(|level| Value::Disclosure(Some(level)))
                .ok_or_else(|| {
                    CellProblem::Expected(Bilingual::new(
                        "「公開文書」か「要NDA」を書きます。",
                        "Write 公開文書 (public) or 要NDA (NDA required).",
                    ))
                })
        }
        Shape::Date => {
            if blank {
                return Ok(Value::Text(String::new()));
            }
            Date::parse_loose(text)
                .or_else(|| excel_serial_date(text))
                .map(|date| Value::Text(date.iso()))
                .ok_or_else(|| {
                    CellProblem::Expected(Bilingual::new(
                        "日付を書きます (例: 2026-04-01、2026/4/1、2026年4月1日)。",
                        "Write a date (e.g. 2026-04-01 or 2026/4/1).",
                    ))
                })
        }
        Shape::Choice => {
            if blank {
                return Ok(Value::Text(String::new()));
            }
            let AnswerField::Declared(def) = field else {
                return Ok(Value::Text(text.to_owned()));
            };
            def.options
                .iter()
                .find(|option| {
                    same(&option.label.ja, text)
                        || (!option.label.en.is_empty() && same(&option.label.en, text))
                        || same(&option.id, text)
                })
                .map(|option| Value::Text(option.id.clone()))
                .ok_or_else(|| {
                    let labels: Vec<&str> =
                        def.options.iter().map(|o| o.label.ja.as_str()).collect();
                    CellProblem::Expected(Bilingual::new(
                        format!("次のどれかを書きます: {}", labels.join("、")),
                        format!("Write one of: {}", labels.join(", ")),
                    ))
                })
        }
        Shape::Risk => {
            if blank {
                return Ok(Value::Risk(None));
            }
            text.split_once(['×', '*'])
                .and_then(|(likelihood, impact)| {
                    Some(RiskRating {
                        likelihood: level(likelihood)?,
                        impact: level(impact)?,
                    })
                })
                .map(|rating| Value::Risk(Some(rating)))
                .ok_or_else(|| {
                    CellProblem::Expected(Bilingual::new(
                        "発生可能性 × 影響度 を Low・Middle・High で書きます (例: Middle × High)。",
                        "Write likelihood × impact as Low, Middle or High (e.g. Middle × High).",
                    ))
                })
        }
        Shape::Text => Ok(Value::Text(text.to_owned())),
    }
}

/// Puts a value read from a cell into `answer`.
pub fn apply(field: &AnswerField, answer: &mut Answer, value: Value) {
    match value {
        Value::Status(status) => answer.status = status,
        Value::Parties(parties) => answer.parties = parties,
        Value::Evidence(evidence) => answer.evidence = evidence,
        Value::Disclosure(level) => answer.disclosure = level,
        Value::Risk(rating) => answer.risk = rating,
        Value::Text(text) => {
            field.set_text(answer, text);
        }
    }
}

/// A date Excel keeps as a serial number (days since 1899-12-30), as a person typing a date
/// into a cell formatted as a date leaves it.
pub(super) fn excel_serial_date(text: &str) -> Option<Date> {
    let serial: f64 = text.trim().parse().ok()?;
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    Date::from_days_since_epoch(serial.floor() as i64 - 25_569) // to days since 1970-01-01
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_lines_round_trip() {
        let cases = vec![
            vec![EvidenceRef {
                document: "01".into(),
                location: "p.12".into(),
                ..EvidenceRef::default()
            }],
            vec![
                EvidenceRef {
                    document: "".into(),
                    location: "運用規程 3章".into(),
                    ..EvidenceRef::default()
                },
                EvidenceRef {
                    document: "02".into(),
                    location: "".into(),
                    ..EvidenceRef::default()
                },
                EvidenceRef {
                    document: "".into(),
                    location: "[注] 別紙".into(),
                    ..EvidenceRef::default()
                },
                EvidenceRef {
                    document: "03".into(),
                    location: " 前に空白".into(),
                    ..EvidenceRef::default()
                },
            ],
        ];
        for evidence in cases {
            assert_eq!(parse_evidence(&render_evidence(&evidence)), evidence);
        }
    }

    #[test]
    fn excel_serial_numbers_are_dates() {
        assert_eq!(
            excel_serial_date("46113").map(|d| d.iso()),
            Some("2026-04-01".into())
        );
        assert_eq!(
            excel_serial_date("1").map(|d| d.iso()),
            Some("1899-12-31".into())
        );
        assert_eq!(excel_serial_date("abc"), None);
    }
}
