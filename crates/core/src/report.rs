//! The report a person hands over: what it holds, decided here so the printed report, and any
//! later format of it, say the same. Per group a table of the items (No, 要求事項, 状態, 責任,
//! 見解, エビデンス with document and page, 開示, 利用者で必要な対応), and the digest of the data
//! it was made from.

use crate::assessment::{Answer, Assessment};
use crate::catalog::Catalog;
use crate::i18n::{Lang, Localized, Text};

/// One row of a report table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRow {
    /// Position of the item in the catalog.
    pub position: usize,
    /// The item's id.
    pub id: String,
    /// The requirement, verbatim.
    pub text: String,
    /// The status as the scale names it; 「記述のみ」 or 「未回答」 without one.
    pub status: String,
    /// Who holds the item.
    pub parties: String,
    /// 対応策・見解.
    pub statement: String,
    /// Each evidence as `document title, place`.
    pub evidence: Vec<String>,
    /// 公開文書 / 要NDA, or empty.
    pub disclosure: String,
    /// What the hospital or its SI must do.
    pub hospital_actions: String,
}

/// The rows of one group, under its full title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSection {
    /// The group's titles from the outermost, joined with ` › `.
    pub title: String,
    /// The group's items shown, in catalog order.
    pub rows: Vec<ReportRow>,
}

/// The sections of the items at `positions` (catalog positions, in catalog order), grouped
/// by their innermost group.
pub fn sections(
    catalog: &Catalog,
    assessment: &Assessment,
    positions: &[usize],
    lang: Lang,
) -> Vec<ReportSection> {
    let mut sections: Vec<(String, ReportSection)> = Vec::new();
    for &position in positions {
        let Some(item) = catalog.items.get(position) else {
            continue;
        };
        let row = row(catalog, assessment, position, lang);
        match sections.last_mut() {
            Some((group, section)) if *group == item.group => section.rows.push(row),
            _ => {
                let title = catalog
                    .group_path(&item.group)
                    .iter()
                    .map(|group| group.title.as_str())
                    .collect::<Vec<_>>()
                    .join(" › ");
                sections.push((
                    item.group.clone(),
                    ReportSection {
                        title,
                        rows: vec![row],
                    },
                ));
            }
        }
    }
    sections.into_iter().map(|(_, section)| section).collect()
}

fn row(catalog: &Catalog, assessment: &Assessment, position: usize, lang: Lang) -> ReportRow {
    let item = &catalog.items[position];
    let empty = Answer::default();
    let answer = assessment.answers.get(&item.id).unwrap_or(&empty);
    let status = match answer
        .status
        .as_deref()
        .and_then(|id| catalog.scale().choice(id))
    {
        Some(choice) => choice.label.get(lang).to_owned(),
        None if !answer.statement.trim().is_empty() => Text::StatedNotRated.label(lang).to_owned(),
        None => Text::Unanswered.label(lang).to_owned(),
    };
    ReportRow {
        position,
        id: item.id.clone(),
        text: item.text.clone(),
        status,
        parties: answer
            .parties
            .iter()
            .map(|id| {
                assessment
                    .party(id)
                    .map_or_else(|| id.clone(), |p| p.label(lang))
            })
            .collect::<Vec<_>>()
            .join("・"),
        statement: answer.statement.clone(),
        evidence: answer
            .evidence
            .iter()
            .filter(|evidence| !evidence.is_blank())
            .map(|evidence| {
                let title = assessment
                    .document(&evidence.document)
                    .map_or(evidence.document.as_str(), |d| d.title.as_str());
                [title, evidence.location.as_str()]
                    .iter()
                    .filter(|part| !part.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect(),
        disclosure: answer
            .disclosure
            .map(|level| level.label(lang).to_owned())
            .unwrap_or_default(),
        hospital_actions: answer.hospital_actions.clone(),
    }
}

/// SHA-256 of what a signature covers ([`crate::json::signed_content`]), hex: names the exact
/// data a report or a layer was made from, the same in a JSON, Excel or CSV file of it, and the
/// digest a signature of it carries.
pub fn digest(assessment: &Assessment) -> String {
    crate::json::sha256_hex(crate::json::signed_content(assessment).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded;

    #[test]
    fn sections_follow_the_groups_and_rows_say_what_the_answer_says() {
        let catalog = embedded::catalog("meti-2012").unwrap();
        let sample = embedded::sample_assessment();
        let all: Vec<usize> = (0..catalog.items.len()).collect();
        let sections = sections(catalog, &sample, &all, Lang::Ja);
        assert_eq!(
            sections.iter().map(|s| s.rows.len()).sum::<usize>(),
            catalog.items.len()
        );
        let first = &sections[0].rows[0];
        assert_eq!(first.id, "1");
        assert_eq!(first.statement, sample.answers["1"].statement);
        assert_eq!(digest(&sample).len(), 64);
        assert_ne!(
            digest(&sample),
            digest(
                &embedded::catalog("mhlw-skeleton")
                    .map(|c| crate::Assessment::new("x", c, "t"))
                    .unwrap()
            )
        );
    }
}
