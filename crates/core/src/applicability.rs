//! The applicability profile: a few questions about the service (remote maintenance, wireless
//! LAN, the e-文書法, electronic signatures, …) whose "no" marks the items that do not apply
//! as excluded (対象外 on the default scale), with the question as the reason — reversibly: a
//! "yes" again, or no answer, gives back exactly the items the question excluded, and an item
//! someone answered by hand is never touched.
//!
//! Profiles are data (`tekigo-profile` files, one per catalog); which items a question
//! excludes is an editorial reading of the items' texts, checked against the keywords each
//! question names.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::assessment::{Answer, AnswerNote, Assessment};
use crate::catalog::Catalog;
use crate::i18n::{Bilingual, Lang};
use crate::scale::Outcome;

/// The value of the `format` field of every profile file.
pub const PROFILE_FORMAT: &str = "tekigo-profile";

/// The questions of one catalog.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// Always [`PROFILE_FORMAT`].
    pub format: String,
    /// The version of the profile format.
    pub schema_version: u32,
    /// The catalog the questions are about.
    pub catalog: String,
    /// The questions, in the order they are asked.
    pub questions: Vec<Question>,
}

/// One question about the service.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    /// What answers refer to, e.g. `remote-maintenance`.
    pub id: String,
    /// The question as asked.
    pub label: Bilingual,
    /// Words each excluded item's text contains: why it belongs to the question.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// The items that do not apply when the answer is "no".
    pub excludes_when_no: Vec<String>,
}

/// What answering a question did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// Items now excluded because of the answer.
    pub excluded: Vec<String>,
    /// Items the question had excluded and now gave back.
    pub restored: Vec<String>,
    /// Items the question would exclude but someone answered by hand: left as they are.
    pub kept: Vec<String>,
}

/// Reads a profile file.
pub fn load_profile(bytes: &[u8]) -> Result<Profile, crate::LoadError> {
    crate::json::load_typed(bytes, "profile", PROFILE_FORMAT, 1)
}

impl Profile {
    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|question| question.id == id)
    }
}

/// The note that says which answer excluded an item.
fn reason(question: &Question) -> AnswerNote {
    AnswerNote::new(
        "status",
        format!("適用外: 「{}」に「いいえ」", question.label.get(Lang::Ja)),
        format!(
            "Not applicable: \"{}\" answered no",
            question.label.get(Lang::En)
        ),
    )
}

/// Records `answer` (none: not answered) to `question` and excludes or restores its items.
pub fn answer_question(
    catalog: &Catalog,
    assessment: &mut Assessment,
    question: &Question,
    answer: Option<bool>,
    now: &str,
) -> Applied {
    match answer {
        Some(value) => {
            assessment.profile.insert(question.id.clone(), value);
        }
        None => {
            assessment.profile.remove(&question.id);
        }
    }
    let mut applied = Applied::default();
    let excluded = catalog
        .scale()
        .choices
        .iter()
        .find(|choice| choice.outcome == Outcome::Excluded)
        .map(|choice| choice.id.clone());
    for item in &question.excludes_when_no {
        if catalog.item(item).is_none() {
            continue;
        }
        let current = assessment.answers.get(item);
        let ours = current.is_some_and(|a| a.excluded_by.as_deref() == Some(&question.id));
        if answer == Some(false) {
            match (current, &excluded) {
                (Some(a), _) if !ours && !a.is_empty() => applied.kept.push(item.clone()),
                (_, Some(status)) if !ours => {
                    assessment.answers.insert(
                        item.clone(),
                        Answer {
                            status: Some(status.clone()),
                            excluded_by: Some(question.id.clone()),
                            notes: vec![reason(question)],
                            updated_at: Some(now.to_owned()),
                            ..Answer::default()
                        },
                    );
                    applied.excluded.push(item.clone());
                }
                _ => {}
            }
        } else if ours {
            assessment.answers.remove(item);
            applied.restored.push(item.clone());
        }
    }
    assessment.updated_at = now.to_owned();
    applied
}

/// The items each answered "no" question excludes now, for showing which answer excluded what.
pub fn excluded_items<'a>(assessment: &'a Assessment, question: &str) -> Vec<&'a str> {
    assessment
        .answers
        .iter()
        .filter(|(_, answer)| answer.excluded_by.as_deref() == Some(question))
        .map(|(item, _)| item.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded;

    fn profile() -> Profile {
        embedded::profile("cloud-checklist-253").expect("a shipped profile")
    }

    /// Each excluded item exists and its text has one of its question's keywords.
    #[test]
    fn the_shipped_profile_excludes_items_whose_text_says_why() {
        let catalog = embedded::catalog("cloud-checklist-253").unwrap();
        let profile = profile();
        assert_eq!(profile.format, PROFILE_FORMAT);
        assert_eq!(profile.catalog, catalog.id);
        for question in &profile.questions {
            assert!(!question.keywords.is_empty(), "{}", question.id);
            for id in &question.excludes_when_no {
                let item = catalog
                    .item(id)
                    .unwrap_or_else(|| panic!("{}: no item {id}", question.id));
                assert!(
                    question
                        .keywords
                        .iter()
                        .any(|k| item.text.contains(k.as_str())),
                    "{}: item {id} has none of {:?}",
                    question.id,
                    question.keywords
                );
            }
        }
    }

    #[test]
    fn a_no_excludes_with_the_reason_and_a_yes_gives_exactly_those_back() {
        let catalog = embedded::catalog("cloud-checklist-253").unwrap();
        let profile = profile();
        let question = profile.question("remote-maintenance").unwrap();
        let mut assessment = Assessment::new("a", catalog, "t");
        // Someone already answered 246 by hand: it is kept.
        assessment.set_answer(
            "246",
            Answer {
                status: Some("compliant".into()),
                ..Answer::default()
            },
            "t",
        );
        let before = assessment.clone();
        let applied = answer_question(catalog, &mut assessment, question, Some(false), "t2");
        assert_eq!(applied.excluded, ["245", "247"]);
        assert_eq!(applied.kept, ["246"]);
        assert_eq!(assessment.status_of("245"), Some("not-applicable"));
        assert!(assessment.answers["245"].notes[0]
            .note
            .contains("リモートメンテナンス"));
        assert_eq!(
            excluded_items(&assessment, "remote-maintenance"),
            ["245", "247"]
        );
        let applied = answer_question(catalog, &mut assessment, question, Some(true), "t3");
        assert_eq!(applied.restored, ["245", "247"]);
        assessment.profile.clear();
        assessment.updated_at = before.updated_at.clone();
        assert_eq!(assessment, before);
    }

    #[test]
    fn an_excluded_item_a_person_then_answers_stays_when_the_question_turns_yes() {
        let catalog = embedded::catalog("cloud-checklist-253").unwrap();
        let question = profile().question("remote-maintenance").unwrap().clone();
        let mut assessment = Assessment::new("a", catalog, "t");
        answer_question(catalog, &mut assessment, &question, Some(false), "t1");
        let edit = crate::edit::Edit::Text {
            item: "245".into(),
            field: "statement".into(),
            value: "保守は現地でのみ行う。".into(),
        };
        crate::edit::apply(&mut assessment, catalog, edit, "t2").unwrap();
        assert_eq!(
            excluded_items(&assessment, "remote-maintenance"),
            ["246", "247"]
        );
        assert!(assessment.answers["245"].notes.is_empty());
        let applied = answer_question(catalog, &mut assessment, &question, Some(true), "t3");
        assert_eq!(applied.restored, ["246", "247"]);
        let kept = &assessment.answers["245"];
        assert_eq!(kept.statement, "保守は現地でのみ行う。");
        assert_eq!(kept.status.as_deref(), Some("not-applicable"));
    }
}
