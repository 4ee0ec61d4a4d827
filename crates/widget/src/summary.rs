//! The head of the widget: who answers for which product against which guideline, how far
//! the answers go (the scale's choices counted by the engine), and one list of everything the
//! hospital has to do itself.

use std::rc::Rc;

use tekigo_core::dates::display_date;
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::scoring::score;
use tekigo_core::todo::hospital_todo;
use yew::prelude::*;

use crate::load::Loaded;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub loaded: Rc<Loaded>,
    pub lang: Lang,
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let lang = props.lang;
    let Loaded {
        catalog,
        assessment,
    } = &*props.loaded;
    let card = score(catalog, assessment);
    let scale = catalog.scale();
    let todo = hospital_todo(catalog, assessment);
    let published = assessment
        .publication
        .as_ref()
        .map(|publication| display_date(&publication.published_at, lang))
        .unwrap_or_default();
    html! {
        <>
            <header class="tk-header" part="header">
                <h2 class="tk-product">{ &assessment.subject.product }</h2>
                <p class="tk-vendor">{ &assessment.subject.applicant }</p>
                <p class="tk-catalog">{ format!("{} ({})", catalog.title, catalog.version) }</p>
                if !published.is_empty() {
                    <p class="tk-published">{ format!("{} {published}", Text::WidgetPublishedOn.label(lang)) }</p>
                }
            </header>
            <section class="tk-summary" part="summary" aria-label={Text::Overall.label(lang)}>
                <p class="tk-progress">
                    // Items the vendor wrote anything for: rated, or stated without a rating
                    // (a reference that only states, as the sample does, is not "2 answered").
                    { format!("{} {}/{}", Text::ItemsWritten.label(lang), card.overall.answered() + card.stated_not_rated, card.overall.total) }
                </p>
                <ul class="tk-counts">
                    { for card.choices.iter().filter(|(_, count)| *count > 0).map(|(id, count)| {
                        let name = scale.choice(id).map_or(id.as_str(), |c| c.label.get(lang));
                        html! { <li>{ format!("{name} {count}") }</li> }
                    }) }
                    if card.stated_not_rated > 0 {
                        <li>{ format!("{} {}", Text::StatedNotRated.label(lang), card.stated_not_rated) }</li>
                    }
                    <li>{ format!("{} {}", Text::Unanswered.label(lang), card.overall.unanswered - card.stated_not_rated) }</li>
                </ul>
            </section>
            if !assessment.notes.is_empty() {
                <ul class="tk-reading">
                    { for assessment.notes.iter().map(|note| html! { <li>{ note.text(lang) }</li> }) }
                </ul>
            }
            if todo.is_empty() {
                // Nothing left to the hospital: said, with nothing to unfold.
                <p class="tk-note" part="todo">{ Text::WidgetNoHospitalTodo.label(lang) }</p>
            } else {
                <details class="tk-todo" part="todo">
                    <summary>{ format!("{} ({}{})", Text::WidgetHospitalTodo.label(lang), todo.len(), Text::Cases.label(lang)) }</summary>
                    <ul>
                        { for todo.iter().map(|entry| {
                            let item = &catalog.items[entry.position];
                            html! {
                                <li>
                                    <span class="tk-id">{ &entry.item }</span>{ " " }
                                    <span>{ item.text.chars().take(70).collect::<String>() }</span>
                                    if !entry.action.is_empty() { <p class="tk-action">{ &entry.action }</p> }
                                </li>
                            }
                        }) }
                    </ul>
                </details>
            }
        </>
    }
}
