//! The dashboard: progress and compliance as SVG drawn here (a donut of statuses, bars per
//! group, guideline and responsibility), and what remains for the hospital to do. Every number
//! comes from the engine's scorecard.

use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::scoring::{score, Tally};
use tekigo_core::{Assessment, Catalog, Responsibility, Status};
use yew::prelude::*;

use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct DashboardProps {
    pub catalog: Shared<Catalog>,
    pub assessment: Shared<Assessment>,
    pub lang: Lang,
}

/// Fill colours by status; each segment is also named in the legend, so colour is never the
/// only signal.
fn colour(status: Status) -> &'static str {
    match status {
        Status::Compliant => "#1b7f3b",
        Status::Capable => "#58a55c",
        Status::Partial => "#d39e00",
        Status::NotMet => "#c0392b",
        Status::NotApplicable => "#7f8c99",
        Status::Unanswered => "#d6dbe3",
    }
}

#[component]
pub fn Dashboard(props: &DashboardProps) -> Html {
    let lang = props.lang;
    let card = use_memo(
        (props.catalog.clone(), props.assessment.clone()),
        |(catalog, assessment)| score(catalog, assessment),
    );
    let overall = card.overall;
    let todo: Vec<(String, String, String)> = props
        .catalog
        .items
        .iter()
        .filter_map(|item| {
            let answer = props.assessment.answers.get(&item.id)?;
            let for_hospital = answer.responsibility == Some(Responsibility::Hospital)
                || answer.responsibility == Some(Responsibility::Shared)
                || !answer.hospital_actions.trim().is_empty();
            for_hospital.then(|| {
                (
                    item.id.clone(),
                    item.text.chars().take(60).collect(),
                    answer.hospital_actions.clone(),
                )
            })
        })
        .collect();
    html! {
        <div class="dashboard">
            <section class="panel overall" aria-labelledby="overall-heading">
                <h3 id="overall-heading">{ Text::Overall.label(lang) }</h3>
                <div class="overall-body">
                    { donut(&overall, lang) }
                    <ul class="legend">
                        { for Status::ALL.iter().map(|status| html! {
                            <li>
                                <svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill={colour(*status)} /></svg>
                                { format!(" {} {}", status.label(lang), overall.count(*status)) }
                            </li>
                        }) }
                        <li class="strong">{ format!("{} {}/{} ({:.0}%)", Text::Progress.label(lang), overall.answered(), overall.total, overall.progress_percent()) }</li>
                        <li class="strong">{ format!("{} {}", Text::Compliance.label(lang), percent_text(overall.compliance_percent())) }</li>
                    </ul>
                </div>
            </section>
            <section class="panel wide-panel" aria-labelledby="groups-heading">
                <h3 id="groups-heading">{ Text::ByGroup.label(lang) }</h3>
                { bars(card.groups.iter().filter(|g| g.depth == 0).map(|g| (g.title.clone(), g.tally)).collect(), lang) }
            </section>
            <section class="panel" aria-labelledby="guidelines-heading">
                <h3 id="guidelines-heading">{ Text::ByGuideline.label(lang) }</h3>
                { bars(card.guidelines.iter().map(|(g, t)| (g.label(lang).to_owned(), *t)).collect(), lang) }
            </section>
            <section class="panel" aria-labelledby="responsibility-heading">
                <h3 id="responsibility-heading">{ Text::ByResponsibility.label(lang) }</h3>
                { bars(card.responsibilities.iter().map(|(r, t)| {
                    (r.map_or(Text::NotAssigned.label(lang), |r| r.label(lang)).to_owned(), *t)
                }).collect(), lang) }
            </section>
            <section class="panel" aria-labelledby="todo-heading">
                <h3 id="todo-heading">{ Text::HospitalTodo.label(lang) }</h3>
                if todo.is_empty() {
                    <p class="muted">{ Text::NothingForHospital.label(lang) }</p>
                } else {
                    <ul class="todo">
                        { for todo.iter().map(|(id, text, action)| html! {
                            <li><span class="item-id">{ id }</span>{ " " }{ text }
                                if !action.is_empty() { <p class="todo-action">{ action }</p> }
                            </li>
                        }) }
                    </ul>
                }
            </section>
        </div>
    }
}

fn percent_text(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |p| format!("{p:.0}%"))
}

/// A ring whose segments are the statuses, drawn with stroke dashes on a circle of
/// circumference 100.
fn donut(tally: &Tally, lang: Lang) -> Html {
    let radius = 100.0 / (2.0 * std::f64::consts::PI);
    let mut offset = 25.0; // start at 12 o'clock
    let segments: Vec<Html> = Status::ALL
        .iter()
        .filter(|status| tally.count(**status) > 0)
        .map(|status| {
            let share = tally.count(*status) as f64 * 100.0 / tally.total.max(1) as f64;
            let segment = html! {
                <circle cx="21" cy="21" r={format!("{radius:.4}")} fill="none" stroke={colour(*status)} stroke-width="6"
                        stroke-dasharray={format!("{share:.3} {:.3}", 100.0 - share)}
                        stroke-dashoffset={format!("{offset:.3}")} />
            };
            offset -= share;
            segment
        })
        .collect();
    let summary = format!(
        "{} {}/{} ・ {} {}",
        Text::Progress.label(lang),
        tally.answered(),
        tally.total,
        Text::Compliance.label(lang),
        percent_text(tally.compliance_percent())
    );
    html! {
        <svg class="donut" viewBox="0 0 42 42" width="180" height="180" role="img" aria-label={summary}>
            { for segments }
            <text x="21" y="22" text-anchor="middle" font-size="6" fill="#1d2430">{ format!("{:.0}%", tally.progress_percent()) }</text>
            <text x="21" y="28" text-anchor="middle" font-size="3" fill="#5b6575">{ Text::Answered.label(lang) }</text>
        </svg>
    }
}

/// One stacked bar per row: the status counts side by side, with the numbers as text.
fn bars(rows: Vec<(String, Tally)>, lang: Lang) -> Html {
    const WIDTH: f64 = 300.0;
    html! {
        <ul class="bars">
            { for rows.iter().map(|(name, tally)| {
                let mut x = 0.0;
                let rects: Vec<Html> = Status::ALL.iter().filter(|s| tally.count(**s) > 0).map(|status| {
                    let width = tally.count(*status) as f64 * WIDTH / tally.total.max(1) as f64;
                    let rect = html! { <rect x={format!("{x:.2}")} y="0" width={format!("{width:.2}")} height="14" fill={colour(*status)} /> };
                    x += width;
                    rect
                }).collect();
                html! {
                    <li>
                        <div class="bar-head">
                            <span class="bar-name">{ name }</span>
                            <span class="bar-numbers">
                                { format!("{}/{} {} ・ {} {}", tally.answered(), tally.total, Text::Answered.label(lang),
                                    Text::Compliance.label(lang), percent_text(tally.compliance_percent())) }
                            </span>
                        </div>
                        <svg class="bar" viewBox={format!("0 0 {WIDTH} 14")} preserveAspectRatio="none" aria-hidden="true">
                            <rect x="0" y="0" width={WIDTH.to_string()} height="14" fill="#eef1f5" />
                            { for rects }
                        </svg>
                    </li>
                }
            }) }
        </ul>
    }
}
