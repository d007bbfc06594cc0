//! The idle warning: the server ends a session after `Me.idle_timeout_seconds` without a request,
//! so one minute before, the member is asked whether to stay signed in.
//!
//! [`SessionTimeout`] watches the time since the app's last API call (every call slides the
//! session, see [`api::last_activity_ms`]) with one timer, and shows [`SessionWarning`], a modal
//! `<dialog>`, in the last minute. When the limit passes, or when any call answers that the
//! session is gone, the member is taken to the sign-in page with a message that says why.

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::login::{IDLE_TIMEOUT_SECONDS, Me};
use web_sys::HtmlElement;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::browser;
use crate::components::header::SignOutButton;
use crate::components::icons::{Icon, IconKind, spinner};
use crate::lang::use_lang;
use crate::route::Route;
use crate::session::{Flash, FlashKind, SessionAction, use_session};

/// How long before the limit the warning shows.
pub const WARNING_SECONDS: u32 = 60;

/// How often the watch looks at the clock.
const TICK_MS: i32 = 1_000;

/// The warning's title id (its accessible name).
const TITLE_ID: &str = "session-fin-titre";
/// The warning's text id (its accessible description).
const TEXT_ID: &str = "session-fin-texte";
/// "Rester connecté": focused when the warning opens.
const STAY_ID: &str = "session-fin-rester";

/// Where an idle session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdleState {
    /// More than [`WARNING_SECONDS`] left.
    Idle,
    /// In the last minute: the warning shows.
    Warn {
        /// Whole seconds left, rounded up (1 to [`WARNING_SECONDS`]).
        seconds_left: u32,
    },
    /// The server has ended the session.
    Expired,
}

/// Where a session stands at `now_ms` when the last call was sent at `last_activity_ms` and the
/// server ends it after `idle_seconds` without one. A clock that went backwards counts as no time.
pub fn warning_state(now_ms: i64, last_activity_ms: i64, idle_seconds: u32) -> IdleState {
    let elapsed_ms = now_ms.saturating_sub(last_activity_ms).max(0);
    let left_ms = (i64::from(idle_seconds) * 1_000).saturating_sub(elapsed_ms);
    if left_ms <= 0 {
        IdleState::Expired
    } else if left_ms <= i64::from(WARNING_SECONDS) * 1_000 {
        let seconds_left = u32::try_from((left_ms + 999) / 1_000).unwrap_or(WARNING_SECONDS);
        IdleState::Warn { seconds_left }
    } else {
        IdleState::Idle
    }
}

/// Watches a signed-in member's session; render it only while a member is signed in (the layout
/// does). Owns the one timer, stopped when it goes away.
#[component]
pub fn SessionTimeout() -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let idle_seconds = session
        .session
        .state
        .member()
        .map_or(IDLE_TIMEOUT_SECONDS, |me| me.idle_timeout_seconds);
    let warning = use_state_eq(|| false);
    let staying = use_state_eq(|| false);
    let error = use_state_eq(|| None::<AttrValue>);
    let ended = use_mut_ref(|| false);

    // Forgets the member here (the server already has) and says why on the sign-in page; once.
    let end = {
        let dispatch = session.dispatch.clone();
        Callback::from(move |text: Text| {
            if ended.replace(true) {
                return;
            }
            browser::forget_pending_login();
            dispatch.emit(SessionAction::SignedOut(Some(Flash {
                route: Route::Login,
                kind: FlashKind::Info,
                text,
            })));
            if let Some(navigator) = &navigator {
                navigator.push(&Route::Login);
            }
        })
    };

    {
        let end = end.clone();
        let warning = warning.setter();
        use_effect_with(idle_seconds, move |&idle_seconds| {
            // Signed in by a call just made; should none be recorded, count from now.
            if let (None, Some(now)) = (api::last_activity_ms(), browser::now_ms()) {
                api::note_activity(now);
            }
            let lost = end.clone();
            api::set_session_lost_listener(Some(Callback::from(move |()| {
                lost.emit(Text::SessionEnded);
            })));
            let timer = browser::Interval::new(TICK_MS, move || {
                let (Some(now), Some(last)) = (browser::now_ms(), api::last_activity_ms()) else {
                    return;
                };
                match warning_state(now, last, idle_seconds) {
                    IdleState::Idle => warning.set(false),
                    IdleState::Warn { .. } => warning.set(true),
                    IdleState::Expired => end.emit(Text::SessionIdleEnded),
                }
            });
            move || {
                api::set_session_lost_listener(None);
                if let Some(timer) = timer {
                    timer.cancel();
                }
            }
        });
    }

    let on_stay = {
        let staying = staying.clone();
        let warning = warning.setter();
        let error = error.setter();
        Callback::from(move |()| {
            if *staying {
                return;
            }
            staying.set(true);
            error.set(None);
            let (staying, warning, error, end) = (
                staying.setter(),
                warning.clone(),
                error.clone(),
                end.clone(),
            );
            spawn_local(async move {
                // Any answered call slides the session; `GET /api/me` changes nothing else.
                let result = api::get_json::<Option<Me>>(api::paths::ME, lang).await;
                staying.set(false);
                match result {
                    Ok(Some(_)) => warning.set(false),
                    Ok(None) => end.emit(Text::SessionEnded),
                    // Already handled by the session-lost listener.
                    Err(failure) if failure.code() == Some(api::codes::UNAUTHENTICATED) => {}
                    Err(failure) => error.set(Some(failure.message(lang).into())),
                }
            });
        })
    };

    html! {
        <SessionWarning
            show={*warning}
            busy={*staying}
            error={(*error).clone()}
            {lang}
            {on_stay}
        />
    }
}

/// Properties of [`SessionWarning`].
#[derive(Properties, PartialEq, Clone)]
pub struct SessionWarningProps {
    /// Whether the warning is open.
    pub show: bool,
    /// Whether "Rester connecté" is waiting for the server.
    #[prop_or_default]
    pub busy: bool,
    /// Why staying signed in did not work, if it did not.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The language on screen.
    pub lang: Lang,
    /// "Rester connecté" (or Escape).
    pub on_stay: Callback<()>,
}

/// "Votre session va bientôt se terminer": a modal `<dialog>` (`alertdialog`) named by its
/// title and described by its text. Opening moves focus to "Rester connecté"; Escape means the
/// same; closing gives focus back to what had it. "Se déconnecter" is the header's sign-out.
#[component]
pub fn SessionWarning(props: &SessionWarningProps) -> Html {
    let lang = props.lang;
    let dialog = use_node_ref();
    let had_focus = use_mut_ref(|| None::<HtmlElement>);

    {
        let dialog = dialog.clone();
        // Again on a new error: Escape may have closed the dialog while the answer was awaited.
        use_effect_with((props.show, props.error.clone()), move |(show, _)| {
            if *show {
                let previous = browser::open_modal(&dialog);
                if had_focus.borrow().is_none() {
                    *had_focus.borrow_mut() = previous;
                }
                browser::focus_id(STAY_ID);
            } else {
                browser::close_modal(&dialog, had_focus.borrow_mut().take());
            }
        });
    }

    let oncancel = {
        let on_stay = props.on_stay.clone();
        Callback::from(move |event: Event| {
            // The dialog stays until the server answers (browsers may close it anyway).
            event.prevent_default();
            on_stay.emit(());
        })
    };
    let onclick = {
        let on_stay = props.on_stay.clone();
        Callback::from(move |_: MouseEvent| on_stay.emit(()))
    };

    html! {
        <dialog
            ref={dialog}
            class="dialog"
            role="alertdialog"
            aria-labelledby={TITLE_ID}
            aria-describedby={TEXT_ID}
            {oncancel}
        >
            if props.show {
                <h2 id={TITLE_ID} class="dialog__title">
                    <Icon kind={IconKind::Warning} />
                    { Text::SessionWarningTitle.text(lang) }
                </h2>
                <p id={TEXT_ID}>{ Text::SessionWarningText.text(lang) }</p>
                if let Some(error) = &props.error {
                    <p class="status-line status-line--error" role="alert">
                        <Icon kind={IconKind::Error} />
                        { error.clone() }
                    </p>
                }
                <div class="actions dialog__actions">
                    <button
                        type="button"
                        id={STAY_ID}
                        class="button"
                        disabled={props.busy}
                        {onclick}
                    >
                        if props.busy {
                            { spinner() }
                            { Text::SessionStaying.text(lang) }
                        } else {
                            { Text::SessionStay.text(lang) }
                        }
                    </button>
                    <SignOutButton {lang} />
                </div>
            }
        </dialog>
    }
}
