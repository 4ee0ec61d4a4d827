//! The dashboard: progress and compliance as SVG drawn here (a ring of the scale's choices,
//! bars per group, guideline and party), each figure saying what it counts, and the list of
//! what the hospital must do, whose entries lead to their item. Every number comes from the
//! engine's scorecard and to-do list.

use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::scoring::{score, Holder, Tally};
use tekigo_core::todo::hospital_todo;
use tekigo_core::{Assessment, Catalog, Outcome};
use yew::prelude::*;

use crate::ids::use_ids;
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct DashboardProps {
    pub catalog: Shared<Catalog>,
    pub assessment: Shared<Assessment>,
    pub lang: Lang,
    /// Shows an item (by catalog position) in the list.
    pub on_jump: Callback<usize>,
}

/// Fill colours by outcome; each is also named in the legend, so colour is never the only
/// signal.
fn colour(outcome: Option<Outcome>) -> &'static str {
    match outcome {
        Some(Outcome::Met) => "#1b7f3b",
        Some(Outcome::Partial) => "#d39e00",
        Some(Outcome::NotMet) => "#c0392b",
        Some(Outcome::Excluded) => "#7f8c99",
        None => "#d6dbe3",
    }
}

/// The outcomes in the order bars stack them, unanswered last.
const ORDER: [Option<Outcome>; 5] = [
    Some(Outcome::Met),
    Some(Outcome::Partial),
    Some(Outcome::NotMet),
    Some(Outcome::Excluded),
    None,
];

fn percent_text(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |p| format!("{p:.0}%"))
}

#[component]
pub fn Dashboard(props: &DashboardProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
    let card = use_memo(
        (props.catalog.clone(), props.assessment.clone()),
        |(catalog, assessment)| score(catalog, assessment),
    );
    let todo = hospital_todo(&props.catalog, &props.assessment);
    let scale = props.catalog.scale();
    let overall = card.overall;
    let section = |name: &str, title: Text, class: &'static str, body: Html| {
        let id = ids.of(name);
        html! {
            <section class={classes!("panel", class)} aria-labelledby={id.clone()}>
                <h3 id={id}>{ title.label(lang) }</h3>
                { body }
            </section>
        }
    };
    let legend = html! {
        <ul class="legend">
            { for card.choices.iter().map(|(id, count)| {
                let choice = scale.choice(id);
                let name = choice.map_or(id.as_str(), |c| c.label.get(lang));
                let outcome = choice.map(|c| c.outcome);
                html! {
                    <li>
                        <svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill={colour(outcome)} /></svg>
                        { format!(" {name} {count}") }
                        if let Some(description) = choice.and_then(|c| c.description.as_ref()) {
                            <span class="legend-note muted">{ format!(" — {}", description.get(lang)) }</span>
                        }
                    </li>
                }
            }) }
            <li>
                <svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill={colour(None)} /></svg>
                { format!(" {} {}", Text::Unanswered.label(lang), overall.unanswered) }
                if card.stated_not_rated > 0 {
                    <span class="legend-note muted">{ format!(" ({} {})", Text::StatedNotRatedCount.label(lang), card.stated_not_rated) }</span>
                }
            </li>
        </ul>
    };
    let rates = html! {
        <dl class="rates">
            <dt>{ Text::Progress.label(lang) }</dt>
            <dd>{ format!("{}/{} ({:.0}%)", overall.answered(), overall.total, overall.progress_percent()) }</dd>
            <dt>{ Text::ComplianceOverall.label(lang) }</dt>
            <dd>{ percent_text(overall.compliance_percent()) }
                <span class="rate-note muted">{ Text::ComplianceOverallNote.label(lang) }</span></dd>
            <dt>{ Text::ComplianceAnswered.label(lang) }</dt>
            <dd>{ percent_text(overall.answered_compliance_percent()) }
                <span class="rate-note muted">{ Text::ComplianceAnsweredNote.label(lang) }</span></dd>
            if card.awaiting_confirmation > 0 {
                <dt>{ Text::UnconfirmedCount.label(lang) }</dt>
                <dd>{ card.awaiting_confirmation }</dd>
            }
        </dl>
    };
    let holders: Vec<(String, Tally)> = card
        .holders
        .iter()
        .map(|(holder, tally)| {
            let name = match holder {
                Holder::Party(id) => props
                    .assessment
                    .party(id)
                    .map_or_else(|| id.clone(), |party| party.label(lang)),
                Holder::Nobody => Text::NotAssigned.label(lang).to_owned(),
            };
            (name, *tally)
        })
        .collect();
    let guidelines: Vec<(String, Tally)> = card
        .guidelines
        .iter()
        .map(|(id, tally)| {
            let name = props
                .catalog
                .guideline(id)
                .map_or(id.as_str(), |g| g.short.get(lang));
            (name.to_owned(), *tally)
        })
        .collect();
    let todo_list = if todo.is_empty() {
        html! { <p class="muted">{ Text::NothingForHospital.label(lang) }</p> }
    } else {
        html! {
            <ul class="todo">
                { for todo.iter().map(|entry| {
                    let item = &props.catalog.items[entry.position];
                    let position = entry.position;
                    let jump = props.on_jump.reform(move |_| position);
                    html! {
                        <li>
                            <button class="link todo-item" onclick={jump}>
                                <span class="item-id">{ &entry.item }</span>{ " " }
                                { item.text.chars().take(60).collect::<String>() }
                            </button>
                            if !entry.action.is_empty() { <p class="todo-action">{ &entry.action }</p> }
                        </li>
                    }
                }) }
            </ul>
        }
    };
    html! {
        <div class="dashboard">
            { section("overall-heading", Text::Overall, "overall wide-panel", html! {
                <div class="overall-body">{ donut(&card.choices, &overall, scale, lang) }{ legend }{ rates }</div>
            }) }
            { section("groups-heading", Text::ByGroup, "wide-panel",
                bars(card.groups.iter().filter(|g| g.depth == 0).map(|g| (g.title.clone(), g.tally)).collect(), scale, lang)) }
            { section("guidelines-heading", Text::ByGuideline, "", bars(guidelines, scale, lang)) }
            { section("responsibility-heading", Text::ByResponsibility, "", html! {
                <>
                    <p class="muted rate-note">{ Text::ByResponsibilityNote.label(lang) }</p>
                    { bars(holders, scale, lang) }
                </>
            }) }
            { section("todo-heading", Text::HospitalTodo, "", html! {
                <>
                    <p class="todo-count">{ format!("{} {}", todo.len(), Text::Cases.label(lang)) }</p>
                    { todo_list }
                </>
            }) }
        </div>
    }
}

/// A ring whose segments are the scale's choices, drawn with stroke dashes on a circle of
/// circumference 100.
fn donut(
    choices: &[(String, usize)],
    tally: &Tally,
    scale: &tekigo_core::AnswerScale,
    lang: Lang,
) -> Html {
    let radius = 100.0 / (2.0 * std::f64::consts::PI);
    let mut offset = 25.0; // start at 12 o'clock
    let mut segments: Vec<(Option<Outcome>, usize)> = choices
        .iter()
        .map(|(id, count)| (scale.outcome(Some(id)), *count))
        .collect();
    segments.push((None, tally.unanswered));
    let circles: Vec<Html> = segments
        .into_iter()
        .filter(|(_, count)| *count > 0)
        .map(|(outcome, count)| {
            let share = count as f64 * 100.0 / tally.total.max(1) as f64;
            let segment = html! {
                <circle cx="21" cy="21" r={format!("{radius:.4}")} fill="none" stroke={colour(outcome)} stroke-width="6"
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
        Text::ComplianceOverall.label(lang),
        percent_text(tally.compliance_percent())
    );
    html! {
        <svg class="donut" viewBox="0 0 42 42" width="180" height="180" role="img" aria-label={summary}>
            { for circles }
            <text x="21" y="22" text-anchor="middle" font-size="6" fill="#1d2430">{ format!("{:.0}%", tally.progress_percent()) }</text>
            <text x="21" y="28" text-anchor="middle" font-size="3" fill="#5b6575">{ Text::Answered.label(lang) }</text>
        </svg>
    }
}

/// One stacked bar per row: the outcome counts side by side, with the numbers as text.
fn bars(rows: Vec<(String, Tally)>, scale: &tekigo_core::AnswerScale, lang: Lang) -> Html {
    const WIDTH: f64 = 300.0;
    html! {
        <ul class="bars">
            { for rows.iter().map(|(name, tally)| {
                let mut x = 0.0;
                let rects: Vec<Html> = ORDER.iter().filter(|o| tally.count(**o) > 0).map(|outcome| {
                    let width = tally.count(*outcome) as f64 * WIDTH / tally.total.max(1) as f64;
                    let rect = html! { <rect x={format!("{x:.2}")} y="0" width={format!("{width:.2}")} height="14" fill={colour(*outcome)} /> };
                    x += width;
                    rect
                }).collect();
                html! {
                    <li>
                        <div class="bar-head">
                            <span class="bar-name">{ name }</span>
                            <span class="bar-numbers">
                                { format!("{}/{} {} ・ {} {} ・ {} {}", tally.answered(), tally.total, Text::Answered.label(lang),
                                    scale.outcome_name(Some(Outcome::Met), lang), tally.met,
                                    Text::ComplianceOverall.label(lang), percent_text(tally.compliance_percent())) }
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
