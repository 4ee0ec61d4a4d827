//! The catalog tree (大分類 → 中分類 or sections) with progress per group; choosing a group
//! filters the items to it. On a narrow screen the tree folds behind one button that names
//! the current group, so the list comes first; choosing a group folds it again.

use tekigo_core::filter::ItemFilter;
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::scoring::{score, GroupScore, Tally};
use tekigo_core::{Assessment, Catalog};
use yew::prelude::*;

use crate::ids::use_ids;
use crate::shared::Shared;
use crate::state::EditorAction;

#[derive(Properties, PartialEq)]
pub struct GroupTreeProps {
    pub catalog: Shared<Catalog>,
    pub assessment: Shared<Assessment>,
    pub lang: Lang,
    pub current: Option<String>,
    pub filter: ItemFilter,
    pub dispatch: Callback<EditorAction>,
}

#[component]
pub fn GroupTree(props: &GroupTreeProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
    // Only a narrow screen folds the tree (the stylesheet decides); a wide one ignores this.
    let unfolded = use_state(|| false);
    let card = use_memo(
        (props.catalog.clone(), props.assessment.clone()),
        |(catalog, assessment)| score(catalog, assessment),
    );
    let choose = |group: Option<String>| {
        let mut filter = props.filter.clone();
        filter.group = group;
        let unfolded = unfolded.clone();
        props.dispatch.reform(move |_| {
            unfolded.set(false);
            EditorAction::SetFilter(filter.clone())
        })
    };
    let toggle = {
        let unfolded = unfolded.clone();
        Callback::from(move |_| unfolded.set(!*unfolded))
    };
    let current_title = props
        .current
        .as_deref()
        .and_then(|id| props.catalog.group(id))
        .map_or(Text::All.label(lang), |group| group.title.as_str());
    let tree_id = ids.of("group-tree");
    let count = |tally: Tally| {
        let done = tally.answered() == tally.total;
        html! {
            <span class={classes!("tree-count", done.then_some("done"))}
                  aria-label={format!("{} {}/{}", Text::Answered.label(lang), tally.answered(), tally.total)}>
                { format!("{}/{}", tally.answered(), tally.total) }{ if done { " ✓" } else { "" } }
            </span>
        }
    };
    let entry = |group: &GroupScore| {
        let current = props.current.as_deref() == Some(group.group.as_str());
        html! {
            <li key={group.group.clone()} class={classes!("tree-entry", format!("depth-{}", group.depth.min(3)))}>
                <button aria-pressed={current.to_string()} class={classes!(current.then_some("current"))}
                        onclick={choose(Some(group.group.clone()))}>
                    <span class="tree-title">{ &group.title }</span>
                    { count(group.tally) }
                </button>
            </li>
        }
    };
    html! {
        <div class={classes!("group-panel", unfolded.then_some("unfolded"))}>
        <button class="tree-toggle" aria-expanded={unfolded.to_string()} aria-controls={tree_id.clone()} onclick={toggle}>
            { format!("{}: {current_title}", Text::Groups.label(lang)) }
        </button>
        <nav class="group-tree panel" id={tree_id} aria-label={Text::Groups.label(lang)}>
            <h3 class="tree-heading">{ Text::Groups.label(lang) }</h3>
            <ul>
                <li class="tree-entry">
                    <button aria-pressed={props.current.is_none().to_string()}
                            class={classes!(props.current.is_none().then_some("current"))}
                            onclick={choose(None)}>
                        <span class="tree-title">{ Text::All.label(lang) }</span>
                        { count(card.overall) }
                    </button>
                </li>
                { for card.groups.iter().map(entry) }
            </ul>
        </nav>
        </div>
    }
}
