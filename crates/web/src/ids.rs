//! Element ids unique per mounted app, so two checkers on one page (the widget, a preview)
//! never share an id and `<label for>` always finds its own field.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

/// The prefix of every element id of one mounted app.
#[derive(Clone, Debug, PartialEq)]
pub struct IdPrefix(Rc<str>);

impl IdPrefix {
    /// A prefix no other app on this page has.
    pub fn fresh() -> Self {
        thread_local! {
            static MOUNTED: Cell<u32> = const { Cell::new(0) };
        }
        let number = MOUNTED.with(|count| {
            count.set(count.get() + 1);
            count.get()
        });
        IdPrefix(format!("tk{number}").into())
    }

    /// The prefix of the first screen the build renders (`first_screen`), which stays in the
    /// page beside the app while the app starts behind it: one no mounted app has.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn of_first_screen() -> Self {
        IdPrefix("tk0".into())
    }

    /// The id of element `name` in this app.
    pub fn of(&self, name: &str) -> String {
        format!("{}-{name}", self.0)
    }
}

/// The id prefix of the app this component is mounted in.
#[hook]
pub fn use_ids() -> IdPrefix {
    use_context::<IdPrefix>().unwrap_or_else(|| IdPrefix("tk".into()))
}
