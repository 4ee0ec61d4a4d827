//! Writes the first screen (`tekigo_web::first_screen`, rendered from the app's components)
//! into the built `dist/index.html`, in place of its empty `<template id="first-screen">`.

use tekigo_core::embedded;

use crate::run::root;

/// The empty template in `www/index.html` that the first screen fills.
const PLACEHOLDER: &str = "<template id=\"first-screen\"></template>";

pub fn write() -> Result<(), String> {
    let path = root().join("dist/index.html");
    let page =
        std::fs::read_to_string(&path).map_err(|error| format!("{}: {error}", path.display()))?;
    if page.matches(PLACEHOLDER).count() != 1 {
        return Err(format!(
            "{} must hold `{PLACEHOLDER}` exactly once",
            path.display()
        ));
    }
    let screen = tekigo_web::first_screen::html(embedded::index());
    let filled = format!("<template id=\"first-screen\">{screen}</template>");
    std::fs::write(&path, page.replace(PLACEHOLDER, &filled))
        .map_err(|error| format!("{}: {error}", path.display()))
}
