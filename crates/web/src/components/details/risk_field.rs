//! The risk of one item: 発生可能性 and 影響度 on three levels, recorded once both are chosen.
//! A level chosen alone waits here, said so, instead of the other being guessed; unsetting
//! either clears the recorded rating.

use tekigo_core::edit::Edit;
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::risk::{Level, RiskRating};
use yew::prelude::*;

use crate::components::select_value;
use crate::ids::use_ids;

#[derive(Properties, PartialEq)]
pub struct RiskFieldProps {
    pub item: String,
    pub label: String,
    /// The rating recorded now.
    pub rating: Option<RiskRating>,
    pub lang: Lang,
    pub read_only: bool,
    pub on_edit: Callback<Edit>,
}

/// The two levels as chosen on screen: likelihood, impact.
type Draft = (Option<Level>, Option<Level>);

fn draft_of(rating: Option<RiskRating>) -> Draft {
    (
        rating.map(|rating| rating.likelihood),
        rating.map(|rating| rating.impact),
    )
}

#[component]
pub fn RiskField(props: &RiskFieldProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
    let draft = use_state(|| draft_of(props.rating));
    {
        // A rating recorded elsewhere (undo, another tab) replaces what waits here.
        let draft = draft.clone();
        use_effect_with(props.rating, move |rating| draft.set(draft_of(*rating)));
    }
    let choose = |axis: usize| {
        let (draft, item, recorded) = (draft.clone(), props.item.clone(), props.rating);
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: Event| {
            let level = Level::ALL
                .into_iter()
                .find(|level| level.id() == select_value(&event));
            let mut next = *draft;
            if axis == 0 {
                next.0 = level;
            } else {
                next.1 = level;
            }
            draft.set(next);
            let rating = match next {
                (Some(likelihood), Some(impact)) => Some(RiskRating { likelihood, impact }),
                _ => None,
            };
            if rating != recorded {
                on_edit.emit(Edit::Risk {
                    item: item.clone(),
                    rating,
                });
            }
        })
    };
    let select = |axis: usize, name: Text, chosen: Option<Level>| {
        let id = ids.of(&format!("risk-{axis}-{}", props.item));
        html! {
            <span class="risk-axis">
                <label for={id.clone()}>{ name.label(lang) }</label>
                <select {id} onchange={choose(axis)} disabled={props.read_only}>
                    <option value="" selected={chosen.is_none()}>{ Text::Unset.label(lang) }</option>
                    { for Level::ALL.iter().map(|level| html! {
                        <option value={level.id()} selected={chosen == Some(*level)}>{ level.label(lang) }</option>
                    }) }
                </select>
            </span>
        }
    };
    let (likelihood, impact) = *draft;
    html! {
        <fieldset class="field wide risk">
            <legend>{ &props.label }</legend>
            { select(0, Text::Likelihood, likelihood) }
            { select(1, Text::Impact, impact) }
            if let Some(rating) = props.rating {
                <span class={classes!("risk-level", format!("risk-{}", rating.level().id()))}>
                    { format!("{}: {}", Text::RiskLevel.label(lang), rating.level().label(lang)) }
                </span>
            } else if likelihood.is_some() != impact.is_some() {
                <span class="muted" role="status">{ Text::RiskNeedsBoth.label(lang) }</span>
            }
        </fieldset>
    }
}
