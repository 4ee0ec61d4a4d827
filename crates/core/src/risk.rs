//! Risk of the items not met: a likelihood × impact rating on three levels, read off the
//! matrix of the MHLW guideline material (発生可能性 × 影響度 → Low / Middle / High: a high
//! impact is a high risk however unlikely), and the open actions ordered by it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::catalog::Catalog;
use crate::scale::Outcome;
use crate::scoring::outcome_of;

/// One of three levels, for likelihood, impact and the risk they make.
#[derive(
    Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// 低い / 小さい / Low.
    Low,
    /// 中度 / Middle.
    Middle,
    /// 高い / 大きい / High.
    High,
}

impl Level {
    /// The three levels, lowest first.
    pub const ALL: [Level; 3] = [Level::Low, Level::Middle, Level::High];

    /// The level's name in files and forms.
    pub fn id(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Middle => "middle",
            Level::High => "high",
        }
    }
}

/// A rating of one item's risk.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct RiskRating {
    /// 発生可能性: how likely the harm is.
    pub likelihood: Level,
    /// 影響度: how bad it would be.
    pub impact: Level,
}

impl RiskRating {
    /// The risk the matrix gives.
    pub fn level(&self) -> Level {
        risk_level(self.likelihood, self.impact)
    }
}

/// The matrix: rows likelihood, columns impact.
pub fn risk_level(likelihood: Level, impact: Level) -> Level {
    use Level::*;
    match (likelihood, impact) {
        (_, High) | (High, _) => High,
        (Low, Low) => Low,
        _ => Middle,
    }
}

/// One action still open: an item not fully met, with its rating and who holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenAction {
    /// Position of the item in the catalog.
    pub position: usize,
    /// The item's id.
    pub item: String,
    /// Partly met or not met.
    pub outcome: Outcome,
    /// The rating, where one was given.
    pub risk: Option<RiskRating>,
    /// The parties holding the item (ids).
    pub owners: Vec<String>,
    /// The target date, where one was given (ISO 8601).
    pub due_date: Option<String>,
}

/// Every item partly met or not met, highest risk first (unrated last), then by target date
/// (soonest first, none last), then in catalog order.
pub fn open_actions(catalog: &Catalog, assessment: &Assessment) -> Vec<OpenAction> {
    let scale = catalog.scale();
    let mut actions: Vec<OpenAction> = catalog
        .items
        .iter()
        .enumerate()
        .filter_map(|(position, item)| {
            let answer = assessment.answers.get(&item.id);
            let outcome = outcome_of(scale, answer)?;
            matches!(outcome, Outcome::Partial | Outcome::NotMet).then(|| {
                let answer = answer.expect("an outcome comes from an answer");
                OpenAction {
                    position,
                    item: item.id.clone(),
                    outcome,
                    risk: answer.risk,
                    owners: answer.parties.clone(),
                    due_date: Some(answer.due_date.clone()).filter(|d| !d.is_empty()),
                }
            })
        })
        .collect();
    actions.sort_by(|a, b| {
        let risk = |action: &OpenAction| std::cmp::Reverse(action.risk.map(|r| r.level()));
        let date = |action: &OpenAction| (action.due_date.is_none(), action.due_date.clone());
        risk(a)
            .cmp(&risk(b))
            .then_with(|| date(a).cmp(&date(b)))
            .then(a.position.cmp(&b.position))
    });
    actions
}

/// How many rated items fall in each cell of the matrix: `[likelihood][impact]`.
pub fn matrix(catalog: &Catalog, assessment: &Assessment) -> [[usize; 3]; 3] {
    let mut cells = [[0; 3]; 3];
    for action in open_actions(catalog, assessment) {
        if let Some(rating) = action.risk {
            cells[rating.likelihood as usize][rating.impact as usize] += 1;
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Answer;
    use crate::embedded;

    #[test]
    fn the_matrix_is_the_guideline_materials() {
        use Level::*;
        let rows: Vec<Vec<Level>> = Level::ALL
            .iter()
            .map(|l| Level::ALL.iter().map(|i| risk_level(*l, *i)).collect())
            .collect();
        assert_eq!(
            rows,
            [
                vec![Low, Middle, High],
                vec![Middle, Middle, High],
                vec![High, High, High]
            ]
        );
    }

    #[test]
    fn open_actions_come_highest_risk_first_then_soonest() {
        let catalog = embedded::catalog("cloud-checklist-253").unwrap();
        let mut assessment = Assessment::new("a", catalog, "t");
        let mut set = |item: &str, status: &str, risk: Option<(Level, Level)>, date: &str| {
            assessment.set_answer(
                item,
                Answer {
                    status: Some(status.into()),
                    risk: risk.map(|(likelihood, impact)| RiskRating { likelihood, impact }),
                    due_date: date.into(),
                    ..Answer::default()
                },
                "t",
            )
        };
        set("1", "not-met", Some((Level::Low, Level::Low)), "");
        set(
            "2",
            "partial",
            Some((Level::Low, Level::High)),
            "2027-03-31",
        );
        set("3", "not-met", None, "");
        set("4", "compliant", Some((Level::High, Level::High)), "");
        set(
            "5",
            "not-met",
            Some((Level::Middle, Level::High)),
            "2026-12-31",
        );
        let order: Vec<String> = open_actions(catalog, &assessment)
            .into_iter()
            .map(|a| a.item)
            .collect();
        assert_eq!(order, ["5", "2", "1", "3"]);
        assert_eq!(matrix(catalog, &assessment)[0][2], 1);
    }
}
