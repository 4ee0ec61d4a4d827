//! The report a person hands to a manager or an auditor, made for the browser's print (A4):
//! a cover with the subject, the evaluator and the date; the summary with a chart and both
//! rates; the filter it was made with, if any; the open actions by risk with who does them
//! and by when, before the details; per group a table of the items (every item the list
//! shows, or only those with an answer); the evidence register; and the version and digest of
//! the data it was made from. Page numbers come from the print stylesheet.

use tekigo_core::dates::display_date;
use tekigo_core::filter::ItemFilter;
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::report::{digest, sections};
use tekigo_core::risk::open_actions;
use tekigo_core::scoring::score;
use tekigo_core::{Assessment, Catalog, Outcome};
use yew::prelude::*;

use crate::browser::clock;
use crate::components::title_of;
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub catalog: Shared<Catalog>,
    pub assessment: Shared<Assessment>,
    /// The items the report shows (catalog positions): those the filter lets through.
    pub visible: Shared<Vec<usize>>,
    pub filter: ItemFilter,
    pub lang: Lang,
    pub on_close: Callback<()>,
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |p| format!("{p:.0}%"))
}

#[component]
pub fn Report(props: &ReportProps) -> Html {
    let lang = props.lang;
    let catalog = &props.catalog;
    let assessment = &props.assessment;
    let card = score(catalog, assessment);
    let scale = catalog.scale();
    let subject = &assessment.subject;
    let print = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    // A manager's copy can leave out the items nobody has answered yet.
    let answered_only = use_state(|| false);
    let shown: Vec<usize> = props
        .visible
        .iter()
        .copied()
        .filter(|&position| {
            !*answered_only
                || assessment
                    .answers
                    .get(&catalog.items[position].id)
                    .is_some_and(|answer| !answer.is_empty())
        })
        .collect();
    let on_answered_only = {
        let answered_only = answered_only.clone();
        Callback::from(move |event: Event| {
            answered_only.set(crate::components::checked_value(&event))
        })
    };
    let filtered = props.filter != ItemFilter::default() || *answered_only;
    let actions = open_actions(catalog, assessment);
    let row_cells = |label: Text, value: String| {
        html! { <tr><th scope="row">{ label.label(lang) }</th><td>{ value }</td></tr> }
    };
    html! {
        <article class="report" lang={lang.tag()}>
            <div class="report-tools">
                <button class="back" onclick={props.on_close.reform(|_| ())}>{ Text::BackToAssessment.label(lang) }</button>
                <button class="primary" onclick={print}>{ Text::Print.label(lang) }</button>
                <label class="field checkbox">
                    <input type="checkbox" checked={*answered_only} onchange={on_answered_only} />
                    { Text::ReportAnsweredOnly.label(lang) }
                </label>
                <span class="muted">{ Text::PrintHint.label(lang) }</span>
            </div>
            <section class="report-cover">
                <p class="report-kind">{ Text::ReportTitle.label(lang) }</p>
                <h1>{ title_of(subject, lang) }</h1>
                <table class="report-facts">
                    { row_cells(Text::Applicant, subject.applicant.clone()) }
                    { row_cells(Text::Evaluator, subject.evaluator.clone()) }
                    { row_cells(Text::ReferenceNumber, subject.reference_number.clone()) }
                    { row_cells(Text::Date, display_date(&subject.date, lang)) }
                    { row_cells(Text::ReportCatalog, format!("{} ({}, {})", catalog.title, catalog.version, catalog.issuer)) }
                    { row_cells(Text::ReportMadeAt, clock::local_minutes(&clock::now(), lang)) }
                    { row_cells(Text::ReportData, format!("tekigo {} ・ SHA-256 {}", env!("CARGO_PKG_VERSION"), digest(assessment))) }
                    if filtered {
                        { row_cells(Text::ReportFilter, describe_filter(&props.filter, *answered_only, lang, shown.len(), catalog.items.len())) }
                    }
                </table>
            </section>
            <section class="report-summary">
                <h2>{ Text::Overall.label(lang) }</h2>
                <p>{ format!("{} {}/{} ({:.0}%) ・ {} {} ・ {} {}",
                    Text::Progress.label(lang), card.overall.answered(), card.overall.total, card.overall.progress_percent(),
                    Text::ComplianceOverall.label(lang), percent(card.overall.compliance_percent()),
                    Text::ComplianceAnswered.label(lang), percent(card.overall.answered_compliance_percent())) }</p>
                <p class="report-note">{ Text::ComplianceOverallNote.label(lang) }</p>
                <table class="report-table report-counts">
                    <thead><tr>
                        <th scope="col">{ Text::Groups.label(lang) }</th>
                        { for scale.choices.iter().map(|c| html! { <th scope="col">{ c.label.get(lang) }</th> }) }
                        <th scope="col">{ Text::Unanswered.label(lang) }</th>
                        <th scope="col">{ Text::ComplianceOverall.label(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for card.groups.iter().filter(|g| g.depth == 0).map(|group| {
                            let in_group = |choice: &str| catalog.items.iter()
                                .filter(|item| catalog.item_in_group(item, &group.group))
                                .filter(|item| assessment.status_of(&item.id) == Some(choice))
                                .count();
                            html! {
                                <tr>
                                    <th scope="row">{ &group.title }</th>
                                    { for scale.choices.iter().map(|c| html! { <td class="number">{ in_group(&c.id) }</td> }) }
                                    <td class="number">{ group.tally.unanswered }</td>
                                    <td class="number">{ percent(group.tally.compliance_percent()) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                { bar(&card.overall, scale, lang) }
            </section>
            <section class="report-actions">
                <h2>{ Text::OpenActions.label(lang) }</h2>
                if actions.is_empty() {
                    <p>{ Text::NoOpenActions.label(lang) }</p>
                } else {
                    <table class="report-table">
                        <thead><tr>
                            <th scope="col">{ "No" }</th>
                            <th scope="col">{ Text::Status.label(lang) }</th>
                            <th scope="col">{ Text::RiskLevel.label(lang) }</th>
                            <th scope="col">{ Text::Responsibility.label(lang) }</th>
                            <th scope="col">{ Text::DueDate.label(lang) }</th>
                        </tr></thead>
                        <tbody>
                            { for actions.iter().map(|action| html! {
                                <tr>
                                    <td>{ &action.item }</td>
                                    <td>{ action.outcome.label(lang) }</td>
                                    <td>{ action.risk.map(|r| r.level().label(lang).to_owned()).unwrap_or_default() }</td>
                                    <td>{ action.owners.iter().map(|id| assessment.party(id).map_or_else(|| id.clone(), |p| p.label(lang))).collect::<Vec<_>>().join("・") }</td>
                                    <td>{ action.due_date.as_deref().map(|d| display_date(d, lang)).unwrap_or_default() }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                }
            </section>
            { for sections(catalog, assessment, &shown, lang).into_iter().map(|section| html! {
                <section class="report-group">
                    <h2>{ section.title }</h2>
                    <table class="report-table report-items">
                        <thead><tr>
                            <th scope="col" class="col-id">{ "No" }</th>
                            <th scope="col" class="col-requirement">{ Text::Requirement.label(lang) }</th>
                            <th scope="col" class="col-status">{ Text::Status.label(lang) }</th>
                            <th scope="col" class="col-parties">{ Text::Responsibility.label(lang) }</th>
                            <th scope="col" class="col-statement">{ Text::Statement.label(lang) }</th>
                            <th scope="col" class="col-evidence">{ Text::Evidence.label(lang) }</th>
                            <th scope="col" class="col-disclosure">{ Text::Disclosure.label(lang) }</th>
                            <th scope="col" class="col-actions">{ Text::HospitalActions.label(lang) }</th>
                        </tr></thead>
                        <tbody>
                            { for section.rows.into_iter().map(|row| html! {
                                <tr>
                                    <td class="col-id">{ row.id }</td>
                                    <td>{ row.text }</td>
                                    <td class="col-status">{ row.status }</td>
                                    <td>{ row.parties }</td>
                                    <td class="statement">{ row.statement }</td>
                                    <td>{ for row.evidence.iter().map(|e| html! { <div>{ e }</div> }) }</td>
                                    <td>{ row.disclosure }</td>
                                    <td>{ row.hospital_actions }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </section>
            }) }
            <section class="report-documents">
                <h2>{ Text::TabDocuments.label(lang) }</h2>
                if assessment.documents.is_empty() {
                    <p>{ Text::NoDocuments.label(lang) }</p>
                } else {
                    <table class="report-table">
                        <thead><tr>
                            <th scope="col">{ Text::DocumentId.label(lang) }</th>
                            <th scope="col">{ Text::DocumentTitle.label(lang) }</th>
                            <th scope="col">{ Text::DocumentUrl.label(lang) }</th>
                            <th scope="col">{ Text::Disclosure.label(lang) }</th>
                        </tr></thead>
                        <tbody>
                            { for assessment.documents.iter().map(|d| html! {
                                <tr><td>{ &d.id }</td><td>{ &d.title }</td><td class="url">{ &d.url }</td><td>{ d.disclosure.label(lang) }</td></tr>
                            }) }
                        </tbody>
                    </table>
                }
            </section>
        </article>
    }
}

/// The filter the report was made with, in words.
fn describe_filter(
    filter: &ItemFilter,
    answered_only: bool,
    lang: Lang,
    shown: usize,
    total: usize,
) -> String {
    let mut parts = vec![format!("{shown} / {total} {}", Text::Items.label(lang))];
    if answered_only {
        parts.push(Text::ReportAnsweredOnlyShown.label(lang).to_owned());
    }
    if !filter.query.is_empty() {
        parts.push(format!("{}: {}", Text::Search.label(lang), filter.query));
    }
    if filter.unanswered_only {
        parts.push(Text::UnansweredOnly.label(lang).to_owned());
    }
    if filter.hospital_action {
        parts.push(Text::NeedsHospitalAction.label(lang).to_owned());
    }
    if let Some(group) = &filter.group {
        parts.push(format!("{}: {group}", Text::Groups.label(lang)));
    }
    if !filter.statuses.is_empty()
        || filter.party.is_some()
        || filter.disclosure.is_some()
        || filter.guideline.is_some()
    {
        parts.push(Text::ReportOtherConditions.label(lang).to_owned());
    }
    parts.join(" ・ ")
}

/// One bar of the outcomes, with the counts written out.
fn bar(
    tally: &tekigo_core::scoring::Tally,
    scale: &tekigo_core::scale::AnswerScale,
    lang: Lang,
) -> Html {
    const WIDTH: f64 = 600.0;
    let parts: [(Option<Outcome>, &str); 5] = [
        (Some(Outcome::Met), "#1b7f3b"),
        (Some(Outcome::Partial), "#d39e00"),
        (Some(Outcome::NotMet), "#c0392b"),
        (Some(Outcome::Excluded), "#7f8c99"),
        (None, "#d6dbe3"),
    ];
    let mut x = 0.0;
    html! {
        <figure class="report-bar">
            <svg viewBox={format!("0 0 {WIDTH} 24")} width="100%" height="24" role="img" aria-label={Text::Overall.label(lang)}>
                { for parts.iter().filter(|(o, _)| tally.count(*o) > 0).map(|(outcome, colour)| {
                    let width = tally.count(*outcome) as f64 * WIDTH / tally.total.max(1) as f64;
                    let rect = html! { <rect x={format!("{x:.1}")} y="0" width={format!("{width:.1}")} height="24" fill={*colour} /> };
                    x += width;
                    rect
                }) }
            </svg>
            <figcaption>
                { parts.iter().map(|(outcome, _)| format!("{} {}", scale.outcome_name(*outcome, lang), tally.count(*outcome))).collect::<Vec<_>>().join(" ・ ") }
            </figcaption>
        </figure>
    }
}
