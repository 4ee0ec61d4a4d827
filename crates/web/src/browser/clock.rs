//! The current time and fresh ids, which the engine takes from its callers.

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
