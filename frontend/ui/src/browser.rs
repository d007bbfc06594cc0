//! The only place that touches browser globals: storage, `document`, focus, the clock.
//!
//! Each function is a no-op outside WebAssembly, so components that call them from effects and
//! handlers still render natively (render tests, pre-rendering).

pub use imp::*;

/// The address's fragment as known before any browser is asked: render tests and pre-rendering
/// provide it as a context; the browser app does not, and the page reads the address bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlFragment(pub Option<yew::AttrValue>);

#[cfg(target_arch = "wasm32")]
mod imp {
    use gloo_storage::{LocalStorage, SessionStorage, Storage};
    use portail_shared::Lang;
    use portail_shared::login::LoginStep;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{HtmlDialogElement, HtmlElement};
    use yew::NodeRef;

    use crate::components::date_input::SimpleDate;
    use crate::time::LocalInstant;

    /// Where the chosen language is remembered between visits.
    const LANG_KEY: &str = "portail.lang";

    /// Registers the app's service worker (`script`, controlling the addresses under `scope`),
    /// which keeps the app's shell for offline use, where the browser offers one (secure
    /// contexts: https, or this machine). A refusal is ignored: the app works the same without.
    pub fn register_service_worker(script: &str, scope: &str) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let get = |target: &wasm_bindgen::JsValue, key: &str| {
            js_sys::Reflect::get(target, &wasm_bindgen::JsValue::from_str(key))
                .ok()
                .filter(|v| !v.is_undefined() && !v.is_null())
        };
        let Some(container) =
            get(&window.into(), "navigator").and_then(|n| get(&n, "serviceWorker"))
        else {
            return;
        };
        let Some(register) =
            get(&container, "register").and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        else {
            return;
        };
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"scope".into(), &scope.into());
        if let Ok(promise) = register
            .call2(&container, &script.into(), &options)
            .and_then(|p| p.dyn_into::<js_sys::Promise>())
        {
            // Once, at start-up: the handler lives as long as the page.
            let ignore = Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
            let _ = promise.catch(&ignore);
            ignore.forget();
        }
    }

    /// Whether the browser believes it is connected (`navigator.onLine`; true when unknown).
    pub fn is_online() -> bool {
        web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w.into(), &"navigator".into()).ok())
            .and_then(|n| js_sys::Reflect::get(&n, &"onLine".into()).ok())
            .and_then(|v| v.as_bool())
            .unwrap_or(true)
    }

    /// The language chosen on an earlier visit, if storage allows and holds one.
    pub fn stored_lang() -> Option<Lang> {
        LocalStorage::get::<Lang>(LANG_KEY).ok()
    }

    /// Remembers the chosen language; private browsing may refuse, which only costs the memory.
    pub fn store_lang(lang: Lang) {
        let _ = LocalStorage::set(LANG_KEY, lang);
    }

    /// The sign-in waiting for its code, kept for this tab only, so that a reload of the code
    /// page does not lose it.
    const PENDING_LOGIN_KEY: &str = "portail.pending-login";

    /// Keeps the first step's answer (masked e-mail, minutes: nothing else) for this tab.
    pub fn store_pending_login(step: &LoginStep) {
        let _ = SessionStorage::set(PENDING_LOGIN_KEY, step);
    }

    /// The sign-in kept by [`store_pending_login`], if any.
    pub fn stored_pending_login() -> Option<LoginStep> {
        SessionStorage::get::<LoginStep>(PENDING_LOGIN_KEY).ok()
    }

    /// Forgets the sign-in kept by [`store_pending_login`].
    pub fn forget_pending_login() {
        SessionStorage::delete(PENDING_LOGIN_KEY);
    }

    /// A repeating timer; dropping it stops it.
    pub struct Interval {
        handle: i32,
        cancelled: std::rc::Rc<std::cell::Cell<bool>>,
    }

    impl Interval {
        /// Calls `tick` every `millis` milliseconds until dropped (`None` if the browser
        /// refuses).
        pub fn new<F: FnMut() + 'static>(millis: i32, tick: F) -> Option<Self> {
            use std::{
                cell::{Cell, RefCell},
                rc::Rc,
            };
            let work = Rc::new(RefCell::new(tick));
            let cancelled = Rc::new(Cell::new(false));
            let flag = Rc::clone(&cancelled);
            // The work runs in a task of its own, not inside the browser's call: it may end the
            // session, which drops this Interval. The JS function is handed to the browser's
            // garbage collector (`into_js_value`), so a call already queued when the timer is
            // cleared finds a live function that only sees the `cancelled` flag.
            let callback = Closure::<dyn FnMut()>::new(move || {
                let (work, flag) = (Rc::clone(&work), Rc::clone(&flag));
                yew::platform::spawn_local(async move {
                    if !flag.get()
                        && let Ok(mut run) = work.try_borrow_mut()
                    {
                        run();
                    }
                });
            })
            .into_js_value();
            let handle = web_sys::window()?
                .set_interval_with_callback_and_timeout_and_arguments_0(
                    callback.unchecked_ref(),
                    millis,
                )
                .ok()?;
            Some(Self { handle, cancelled })
        }

        /// Stops the timer (as dropping it does).
        pub fn cancel(self) {}
    }

    impl Drop for Interval {
        fn drop(&mut self) {
            self.cancelled.set(true);
            if let Some(window) = web_sys::window() {
                window.clear_interval_with_handle(self.handle);
            }
        }
    }

    /// Opens the `<dialog>` as a modal (the rest of the page becomes inert, focus moves into
    /// it), and returns what had focus, to give it back on close. Does nothing if already open.
    pub fn open_modal(dialog: &NodeRef) -> Option<HtmlElement> {
        let dialog = dialog.cast::<HtmlDialogElement>()?;
        if dialog.open() {
            return None;
        }
        let previous = document()
            .and_then(|d| d.active_element())
            .and_then(|element| element.dyn_into::<HtmlElement>().ok());
        let _ = dialog.show_modal();
        previous
    }

    /// Closes the `<dialog>` and gives focus back to `previous`, if it is still on the page.
    pub fn close_modal(dialog: &NodeRef, previous: Option<HtmlElement>) {
        if let Some(dialog) = dialog.cast::<HtmlDialogElement>()
            && dialog.open()
        {
            dialog.close();
        }
        if let Some(previous) = previous.filter(|element| element.is_connected()) {
            let _ = previous.focus();
        }
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

    thread_local! {
        /// The server's clock minus the device's, learnt from `GET /api/config`.
        static SERVER_SKEW_MS: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
    }

    /// Remembers the server's clock as it answered now: from then on the app tells the day by
    /// it, since a device's clock may be wrong (and a demo may run on another day).
    pub fn set_server_now(server_ms: i64) {
        if let Some(device) = now_ms() {
            SERVER_SKEW_MS.with(|skew| skew.set(server_ms - device));
        }
    }

    /// The device's clock, in milliseconds since the epoch: for durations (an idle session, a
    /// delay) and the hours shown to the member, who reads them on the same device.
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

    /// Today in Paris on the server's clock: the day the server judges dates by, whatever the
    /// device's time zone (the browser's own zone database says when Paris changes hours).
    pub fn today() -> Option<SimpleDate> {
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"timeZone".into(), &"Europe/Paris".into()).ok()?;
        let server_ms = now_ms()? + SERVER_SKEW_MS.with(std::cell::Cell::get);
        #[allow(clippy::cast_precision_loss)]
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(server_ms as f64));
        // The Canadian English form is `YYYY-MM-DD`.
        let day: String = date.to_locale_date_string("en-CA", &options).into();
        SimpleDate::from_iso(&day)
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

    /// Offers `bytes` as a file to save (a document received from a POST).
    pub fn save_file(bytes: &[u8], name: &str, media_type: &str) {
        let array = js_sys::Uint8Array::from(bytes);
        let parts = js_sys::Array::of1(&array);
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(media_type);
        let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        if let Some(link) = document()
            .and_then(|d| d.create_element("a").ok())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
            link.set_href(&url);
            link.set_download(name);
            link.click();
        }
        let _ = web_sys::Url::revoke_object_url(&url);
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
    use portail_shared::login::LoginStep;
    use web_sys::HtmlElement;
    use yew::NodeRef;

    use crate::components::date_input::SimpleDate;
    use crate::time::LocalInstant;

    /// No files outside the browser.
    pub fn save_file(_bytes: &[u8], _name: &str, _media_type: &str) {}

    /// No calendar outside the browser: the server judges dates alone.
    pub fn today() -> Option<SimpleDate> {
        None
    }

    /// No address bar outside the browser.
    pub fn location_fragment() -> Option<String> {
        None
    }

    /// No storage outside the browser.
    pub fn register_service_worker(_script: &str, _scope: &str) {}

    /// Connected, as far as a render outside the browser knows.
    pub fn is_online() -> bool {
        true
    }

    pub fn stored_lang() -> Option<Lang> {
        None
    }

    /// No storage outside the browser.
    pub fn store_lang(_lang: Lang) {}

    /// No storage outside the browser.
    pub fn store_pending_login(_step: &LoginStep) {}

    /// No storage outside the browser.
    pub fn stored_pending_login() -> Option<LoginStep> {
        None
    }

    /// No storage outside the browser.
    pub fn forget_pending_login() {}

    /// No timers outside the browser.
    pub struct Interval;

    impl Interval {
        /// No timers outside the browser: always `None`.
        pub fn new(_millis: i32, _tick: impl FnMut() + 'static) -> Option<Self> {
            None
        }

        /// Stops the timer.
        pub fn cancel(self) {}
    }

    /// No dialogs outside the browser.
    pub fn open_modal(_dialog: &NodeRef) -> Option<HtmlElement> {
        None
    }

    /// No dialogs outside the browser.
    pub fn close_modal(_dialog: &NodeRef, _previous: Option<HtmlElement>) {}

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

    /// No clock outside the browser.
    pub fn set_server_now(_server_ms: i64) {}

    /// No time zone outside the browser: UTC.
    pub fn local_instant(epoch_ms: i64) -> LocalInstant {
        LocalInstant::utc(epoch_ms)
    }
}
