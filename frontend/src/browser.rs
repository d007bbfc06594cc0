//! The only place that touches browser globals: storage, `document`, focus, the clock.
//!
//! Each function is a no-op outside WebAssembly, so components that call them from effects and
//! handlers still render natively (render tests, pre-rendering).

pub use imp::*;

#[cfg(target_arch = "wasm32")]
mod imp {
    use gloo_storage::{LocalStorage, Storage};
    use portail_shared::Lang;
    use wasm_bindgen::JsCast;
    use web_sys::HtmlElement;

    use crate::components::date_input::SimpleDate;
    use crate::time::LocalInstant;

    /// Where the chosen language is remembered between visits.
    const LANG_KEY: &str = "portail.lang";

    /// The language chosen on an earlier visit, if storage allows and holds one.
    pub fn stored_lang() -> Option<Lang> {
        LocalStorage::get::<Lang>(LANG_KEY).ok()
    }

    /// Remembers the chosen language; private browsing may refuse, which only costs the memory.
    pub fn store_lang(lang: Lang) {
        let _ = LocalStorage::set(LANG_KEY, lang);
    }

    /// Sets `<html lang>` so screen readers and hyphenation follow the switch.
    pub fn set_document_lang(lang: Lang) {
        if let Some(root) = document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", lang.tag());
        }
    }

    /// Sets the browser tab's title.
    pub fn set_document_title(title: &str) {
        if let Some(document) = document() {
            document.set_title(title);
        }
    }

    /// Moves focus to the new page's `<h1>`, so screen readers announce the page after a
    /// navigation that did not reload it.
    pub fn focus_page_heading() {
        focus_selector("#contenu h1");
    }

    /// Moves focus to the element with this id (error summary links, notices).
    pub fn focus_id(id: &str) {
        if let Some(element) = document().and_then(|d| d.get_element_by_id(id)) {
            focus(element);
        }
    }

    /// The browser's clock, in milliseconds since the epoch.
    pub fn now_ms() -> Option<i64> {
        // Whole milliseconds fit an i64 for the next 290 million years.
        #[allow(clippy::cast_possible_truncation)]
        Some(js_sys::Date::now() as i64)
    }

    /// The moment `epoch_ms` with the member's time-zone offset at that moment (which differs
    /// from today's across a daylight-saving change).
    pub fn local_instant(epoch_ms: i64) -> LocalInstant {
        #[allow(clippy::cast_precision_loss)]
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(epoch_ms as f64));
        // `getTimezoneOffset` is UTC minus local time, in minutes.
        #[allow(clippy::cast_possible_truncation)]
        let offset_minutes = -(date.get_timezone_offset() as i32);
        LocalInstant {
            epoch_ms,
            offset_minutes,
        }
    }

    /// Today on the member's calendar.
    pub fn today() -> Option<SimpleDate> {
        let date = js_sys::Date::new_0();
        Some(SimpleDate {
            #[allow(clippy::cast_possible_wrap)]
            year: date.get_full_year() as i32,
            month: date.get_month() + 1,
            day: date.get_date(),
        })
    }

    /// The address's fragment, without its `#` (`None` when empty).
    pub fn location_fragment() -> Option<String> {
        let hash = web_sys::window()?.location().hash().ok()?;
        let fragment = hash.trim_start_matches('#').trim();
        (!fragment.is_empty()).then(|| fragment.to_owned())
    }

    fn focus_selector(selector: &str) {
        if let Some(element) = document().and_then(|d| d.query_selector(selector).ok().flatten()) {
            focus(element);
        }
    }

    fn focus(element: web_sys::Element) {
        if let Ok(element) = element.dyn_into::<HtmlElement>() {
            let _ = element.focus();
        }
    }

    fn document() -> Option<web_sys::Document> {
        web_sys::window().and_then(|w| w.document())
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use portail_shared::Lang;

    use crate::components::date_input::SimpleDate;
    use crate::time::LocalInstant;

    /// No calendar outside the browser: the server judges dates alone.
    pub fn today() -> Option<SimpleDate> {
        None
    }

    /// No address bar outside the browser.
    pub fn location_fragment() -> Option<String> {
        None
    }

    /// No storage outside the browser.
    pub fn stored_lang() -> Option<Lang> {
        None
    }

    /// No storage outside the browser.
    pub fn store_lang(_lang: Lang) {}

    /// No document outside the browser.
    pub fn set_document_lang(_lang: Lang) {}

    /// No document outside the browser.
    pub fn set_document_title(_title: &str) {}

    /// No focus outside the browser.
    pub fn focus_page_heading() {}

    /// No focus outside the browser.
    pub fn focus_id(_id: &str) {}

    /// No clock outside the browser: callers fall back to the server's words.
    pub fn now_ms() -> Option<i64> {
        None
    }

    /// No time zone outside the browser: UTC.
    pub fn local_instant(epoch_ms: i64) -> LocalInstant {
        LocalInstant::utc(epoch_ms)
    }
}
