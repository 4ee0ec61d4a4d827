//! What changed between two assessments of one catalog, or two saved versions of one: per
//! item and field (every field of the answer-field table), with when the newer answer was
//! changed, and the subject's changes. What an auditor asks: "what changed since last year?"
//! Values are compared as stored and shown as the table view's cells show them: a status, an
//! option, a level or a disclosure by its label, parties by their names, dates in words.

use crate::assessment::{Answer, Assessment};
use crate::catalog::Catalog;
use crate::dates::display_date;
use crate::fields::{answer_fields, AnswerField, Shape, Standard};
use crate::i18n::Lang;
use crate::table::field_cell;

/// One field that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The item, or none for the subject.
    pub item: Option<String>,
    /// The field's id (an answer field's, or `product`, `applicant`, … for the subject).
    pub field: String,
    /// The value before, as a person reads it (empty when there was none).
    pub before: String,
    /// The value after, as a person reads it.
    pub after: String,
    /// When the newer answer was last changed (RFC 3339), where known.
    pub when: Option<String>,
}

/// Every difference from `before` to `after`, both answering `catalog`: the subject first,
/// then the items in catalog order, each field in the table's order; values in `lang`.
pub fn changes(
    catalog: &Catalog,
    before: &Assessment,
    after: &Assessment,
    lang: Lang,
) -> Vec<Change> {
    let mut found = subject_changes(before, after, lang);
    let fields = answer_fields(catalog);
    let empty = Answer::default();
    for item in &catalog.items {
        let old = before.answers.get(&item.id).unwrap_or(&empty);
        let new = after.answers.get(&item.id).unwrap_or(&empty);
        if old == new {
            continue;
        }
        for field in &fields {
            if stored(field, old) != stored(field, new) {
                found.push(Change {
                    item: Some(item.id.clone()),
                    field: field.id().to_owned(),
                    before: shown(field, catalog, before, old, lang),
                    after: shown(field, catalog, after, new, lang),
                    when: new.updated_at.clone(),
                });
            }
        }
    }
    found
}

/// Where two assessments differ, as a person is told in a sentence: whether the subject does,
/// and the items that do, in catalog order, each once.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Differences {
    /// Whether the subject (product, applicant, evaluator, reference, date) differs.
    pub subject: bool,
    /// The ids of the items whose answers differ.
    pub items: Vec<String>,
}

impl Differences {
    /// Where `changes` (as `changes` lists them) lie.
    pub fn of(changes: &[Change]) -> Differences {
        let mut found = Differences::default();
        for change in changes {
            match &change.item {
                None => found.subject = true,
                Some(item) if found.items.last() != Some(item) => found.items.push(item.clone()),
                Some(_) => {}
            }
        }
        found
    }

    /// Whether nothing a person is shown differs.
    pub fn is_empty(&self) -> bool {
        !self.subject && self.items.is_empty()
    }
}

fn subject_changes(before: &Assessment, after: &Assessment, lang: Lang) -> Vec<Change> {
    let (old, new) = (&before.subject, &after.subject);
    [
        ("product", &old.product, &new.product),
        ("applicant", &old.applicant, &new.applicant),
        ("evaluator", &old.evaluator, &new.evaluator),
        (
            "referenceNumber",
            &old.reference_number,
            &new.reference_number,
        ),
        ("date", &old.date, &new.date),
    ]
    .into_iter()
    .filter(|(_, was, is)| was != is)
    .map(|(field, was, is)| Change {
        item: None,
        field: field.to_owned(),
        before: if field == "date" {
            display_date(was, lang)
        } else {
            was.clone()
        },
        after: if field == "date" {
            display_date(is, lang)
        } else {
            is.clone()
        },
        when: Some(after.updated_at.clone()),
    })
    .collect()
}

/// A field's value as comparable text: ids for choices and parties, `document location` for
/// evidence, `likelihood × impact` for a risk.
fn stored(field: &AnswerField, answer: &Answer) -> String {
    match field {
        AnswerField::Standard(Standard::Parties) => answer.parties.join(", "),
        AnswerField::Standard(Standard::Evidence) => answer
            .evidence
            .iter()
            .filter(|evidence| !evidence.is_blank())
            .map(|evidence| {
                format!("{} {}", evidence.document, evidence.location)
                    .trim()
                    .to_owned()
            })
            .collect::<Vec<_>>()
            .join(" / "),
        AnswerField::Standard(Standard::Disclosure) => match answer.disclosure {
            Some(crate::assessment::DisclosureLevel::Public) => "public".to_owned(),
            Some(crate::assessment::DisclosureLevel::Nda) => "nda".to_owned(),
            None => String::new(),
        },
        AnswerField::Standard(Standard::Risk) => answer
            .risk
            .map(|risk| format!("{} × {}", risk.likelihood.id(), risk.impact.id()))
            .unwrap_or_default(),
        textual => textual.text(answer).unwrap_or_default().to_owned(),
    }
}

/// A field's value as a person reads it in `lang`, as the table view's cell writes it (names
/// from `catalog` and the register of `assessment`, the one the answer belongs to); a status
/// not given is nothing here rather than 未回答, since the table says what changed.
fn shown(
    field: &AnswerField,
    catalog: &Catalog,
    assessment: &Assessment,
    answer: &Answer,
    lang: Lang,
) -> String {
    if field.shape() == Shape::Status && answer.status.is_none() {
        return String::new();
    }
    field_cell(field, catalog, assessment, Some(answer), lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, Edit};
    use crate::embedded;

    #[test]
    fn a_year_later_the_changes_are_listed_per_item_and_field_with_when() {
        let catalog = embedded::catalog("meti-2012").unwrap();
        let last_year = embedded::sample_assessment();
        let mut this_year = last_year.clone();
        let now = "2026-11-30T09:00:00+09:00";
        let edits = [
            Edit::Status {
                item: "5".into(),
                status: Some("partial".into()),
            },
            Edit::Text {
                item: "5".into(),
                field: "hospitalActions".into(),
                value: "ログの確認は医療機関で行う".into(),
            },
            Edit::Subject {
                field: crate::edit::SubjectField::Date,
                value: "2026-11-30".into(),
            },
        ];
        for edit in edits {
            apply(&mut this_year, catalog, edit, now).unwrap();
        }
        let found = changes(catalog, &last_year, &this_year, Lang::Ja);
        let summary: Vec<(Option<&str>, &str, &str)> = found
            .iter()
            .map(|c| (c.item.as_deref(), c.field.as_str(), c.after.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                (None, "date", "2026年11月30日"),
                (Some("5"), "status", "一部適合"),
                (Some("5"), "hospitalActions", "ログの確認は医療機関で行う"),
            ]
        );
        assert_eq!(found[1].before, "", "the sample states and does not rate");
        assert_eq!(found[1].when.as_deref(), Some(now));
        assert!(changes(catalog, &this_year, &this_year, Lang::En).is_empty());
        assert_eq!(
            Differences::of(&found),
            Differences {
                subject: true,
                items: vec!["5".to_owned()],
            },
            "item 5 is named once for its two fields"
        );
        assert!(Differences::of(&[]).is_empty());
    }
}
