//! The engine's work that `cargo xtask bench` times in the browser's wasm and natively: score
//! and filter an assessment of a catalog grown to `items` items from the 253-item checklist.
//! The same function runs in both, so the ratio is the engine's, not the harness's.

use tekigo_core::filter::{matching_items, ItemFilter, SearchIndex};
use tekigo_core::scoring::score;
use tekigo_core::{embedded, Answer, Assessment, Catalog};

/// A catalog of `items` items (the checklist's, repeated under new ids) with an assessment
/// that answers every third item.
pub fn workload(items: usize) -> (Catalog, Assessment) {
    let checklist = embedded::catalog("cloud-checklist-253").expect("the checklist ships");
    let mut catalog = checklist.clone();
    catalog.items = (0..items)
        .map(|n| {
            let mut item = checklist.items[n % checklist.items.len()].clone();
            item.id = format!("{}-{}", n / checklist.items.len() + 1, item.id);
            item
        })
        .collect();
    let mut assessment = Assessment::new("bench", &catalog, "2026-11-30T00:00:00Z");
    let statuses = ["compliant", "partial", "not-met"];
    for (n, item) in catalog.items.iter().enumerate().step_by(3) {
        assessment.answers.insert(
            item.id.clone(),
            Answer {
                status: Some(statuses[n % 3].to_owned()),
                statement: "アクセス管理規程を整備し、年1回見直している。".to_owned(),
                ..Answer::default()
            },
        );
    }
    (catalog, assessment)
}

/// One round of the engine's work on a prepared workload: score, build the search index,
/// filter by a query and by status. Returns a number that depends on every result.
pub fn engine_round(catalog: &Catalog, assessment: &Assessment) -> usize {
    let card = score(catalog, assessment);
    let index = SearchIndex::new();
    let found = matching_items(
        catalog,
        assessment,
        &index,
        &ItemFilter {
            query: "ｱｸｾｽ 管理".to_owned(),
            ..ItemFilter::default()
        },
    );
    let not_met = matching_items(
        catalog,
        assessment,
        &index,
        &ItemFilter {
            statuses: vec![Some("not-met".to_owned())],
            ..ItemFilter::default()
        },
    );
    card.overall.met + found.len() + not_met.len()
}

/// The wasm side: prepares the workload once, then runs `rounds` rounds, timing each with the
/// browser's clock; returns the times in milliseconds.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn engine_times(items: usize, rounds: usize) -> Vec<f64> {
    tekigo_core::search::install_nfkc(|text| {
        String::from(js_sys::JsString::from(text).normalize("NFKC"))
    });
    let (catalog, assessment) = workload(items);
    (0..rounds)
        .map(|_| {
            let started = js_sys::Date::now();
            std::hint::black_box(engine_round(&catalog, &assessment));
            js_sys::Date::now() - started
        })
        .collect()
}
