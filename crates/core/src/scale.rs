//! Answer scales: the choices a catalog offers for an item's status, each with labels and the
//! outcome it stands for. Scoring, filters and the dashboard work on outcomes, so a catalog
//! answered with はい/いいえ scores the same way as one answered with 適合/未対応.
//!
//! A catalog without a scale of its own uses [`AnswerScale::default_scale`], the six statuses
//! of the vendor references (適合, 適合可能, 一部適合, 未対応, 対象外; no answer is 未回答).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::i18n::{Bilingual, Lang, Localized, Text};

/// What an answer means for compliance, whatever the catalog calls it.
#[derive(
    Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// The item is met (counts towards the compliance rate).
    Met,
    /// Partly met.
    Partial,
    /// Not met.
    NotMet,
    /// The item does not apply; left out of every rate.
    Excluded,
}

impl Outcome {
    /// Every outcome, from best to excluded.
    pub const ALL: [Outcome; 4] = [
        Outcome::Met,
        Outcome::Partial,
        Outcome::NotMet,
        Outcome::Excluded,
    ];
}

/// One choice of a scale.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    /// The value stored in an answer's `status`, e.g. `compliant` or `yes`.
    pub id: String,
    /// What a person reads.
    pub label: Bilingual,
    /// What the choice counts as.
    pub outcome: Outcome,
    /// What the choice means, where its label alone could mislead (e.g. 適合可能).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Bilingual>,
}

/// The statuses an item can be given, in the order they are offered (keys 1, 2, …).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct AnswerScale {
    /// The statuses; validation refuses an empty list or two with one id.
    pub choices: Vec<Choice>,
}

/// The ids of the default scale's choices, as stored in answers since the first version.
pub mod default_choice {
    /// 適合
    pub const COMPLIANT: &str = "compliant";
    /// 適合可能
    pub const CAPABLE: &str = "capable";
    /// 一部適合
    pub const PARTIAL: &str = "partial";
    /// 未対応
    pub const NOT_MET: &str = "not-met";
    /// 対象外
    pub const NOT_APPLICABLE: &str = "not-applicable";
    /// 未回答, written by schema 1 and 2 files; read as "no answer".
    pub const UNANSWERED: &str = "unanswered";
}

impl AnswerScale {
    /// The scale of the vendor references and the evaluation checklist.
    pub fn default_scale() -> AnswerScale {
        use default_choice::*;
        let choice =
            |id: &str, ja: &str, en: &str, outcome, description: Option<(&str, &str)>| Choice {
                id: id.to_owned(),
                label: Bilingual::new(ja, en),
                outcome,
                description: description.map(|(ja, en)| Bilingual::new(ja, en)),
            };
        AnswerScale {
            choices: vec![
                choice(COMPLIANT, "適合", "Compliant", Outcome::Met, None),
                choice(
                    CAPABLE,
                    "適合可能",
                    "Capable",
                    Outcome::Met,
                    Some((
                        "利用者の設定やオプションの追加で満たせる。適合として数えます。",
                        "Can be met by the customer's configuration or an option; counted as met.",
                    )),
                ),
                choice(
                    PARTIAL,
                    "一部適合",
                    "Partly compliant",
                    Outcome::Partial,
                    None,
                ),
                choice(NOT_MET, "未対応", "Not met", Outcome::NotMet, None),
                choice(
                    NOT_APPLICABLE,
                    "対象外",
                    "Not applicable",
                    Outcome::Excluded,
                    Some((
                        "このサービスには当てはまらない。どの率にも数えません。",
                        "Does not apply to this service; left out of every rate.",
                    )),
                ),
            ],
        }
    }

    /// An outcome as a count of it is named: with the choices it counts where they are not
    /// just the one of the same name (適合 (適合・適合可能)), so that a figure for the outcome
    /// is never read as the figure for one choice. None is 未回答.
    pub fn outcome_name(&self, outcome: Option<Outcome>, lang: Lang) -> String {
        let Some(outcome) = outcome else {
            return Text::Unanswered.label(lang).to_owned();
        };
        let name = outcome.label(lang);
        let choices: Vec<&str> = self
            .choices
            .iter()
            .filter(|choice| choice.outcome == outcome)
            .map(|choice| choice.label.get(lang))
            .collect();
        if choices.is_empty() || choices == [name] {
            name.to_owned()
        } else {
            let separator = match lang {
                Lang::Ja => "・",
                Lang::En => ", ",
            };
            format!("{name} ({})", choices.join(separator))
        }
    }

    /// The choice with this id.
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|choice| choice.id == id)
    }

    /// The outcome of a stored status; `None` when unanswered or not on this scale.
    pub fn outcome(&self, status: Option<&str>) -> Option<Outcome> {
        status
            .and_then(|id| self.choice(id))
            .map(|choice| choice.outcome)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outcome_counting_more_than_its_namesake_names_the_choices_it_counts() {
        let scale = AnswerScale::default_scale();
        assert_eq!(
            scale.outcome_name(Some(Outcome::Met), Lang::Ja),
            "適合 (適合・適合可能)"
        );
        assert_eq!(
            scale.outcome_name(Some(Outcome::NotMet), Lang::Ja),
            "未対応"
        );
        assert_eq!(scale.outcome_name(None, Lang::En), "Unanswered");
    }

    #[test]
    fn the_default_scale_counts_capable_as_met_and_excludes_not_applicable() {
        let scale = AnswerScale::default_scale();
        assert_eq!(scale.outcome(Some("capable")), Some(Outcome::Met));
        assert_eq!(
            scale.outcome(Some("not-applicable")),
            Some(Outcome::Excluded)
        );
        assert_eq!(scale.outcome(Some("maybe")), None);
        assert_eq!(scale.outcome(None), None);
        assert_eq!(scale.choices.len(), 5);
    }
}
