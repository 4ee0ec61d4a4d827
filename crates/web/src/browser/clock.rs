//! The current time and fresh ids, which the engine takes from its callers.

use tekigo_core::dates::Date;
use tekigo_core::i18n::Lang;

/// Now, as RFC 3339 in UTC.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A random id for a new assessment or tab.
pub fn fresh_id(prefix: &str) -> String {
    let random = (js_sys::Math::random() * 1e12) as u64;
    let time = js_sys::Date::now() as u64;
    format!("{prefix}-{time:x}-{random:x}")
}

/// Today in the person's time zone, `YYYY-MM-DD`.
pub fn local_date() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// An RFC 3339 time as the person's local date and time, the date written as in `lang`
/// (2026年11月30日 15:04, or 2026-11-30 15:04); the text itself if unreadable.
pub fn local_minutes(time: &str, lang: Lang) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(time));
    if date.get_time().is_nan() {
        return time.to_owned();
    }
    let day = Date {
        year: date.get_full_year(),
        month: date.get_month() + 1,
        day: date.get_date(),
    };
    format!(
        "{} {:02}:{:02}",
        day.display(lang),
        date.get_hours(),
        date.get_minutes()
    )
}
