//! The unread count beside "Messagerie" in the navigation: one small call
//! (`GET /api/messages/unread`) when a member is signed in, again at each navigation, and
//! whenever a page says the count changed ([`refresh_unread`], e.g. after opening a thread).

use std::cell::RefCell;

use portail_shared::i18n::Text;
use portail_shared::messages::Unread;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::lang::use_lang;
use crate::route::Route;

thread_local! {
    /// Told when the unread count may have changed (set while the badge is on screen).
    static LISTENER: RefCell<Option<Callback<()>>> = const { RefCell::new(None) };
}

/// Asks the navigation's badge to count again (a thread was just read).
pub fn refresh_unread() {
    let listener = LISTENER.with(|l| l.borrow().clone());
    if let Some(listener) = listener {
        listener.emit(());
    }
}

/// Properties of [`UnreadCount`].
#[derive(Properties, PartialEq, Clone)]
pub struct UnreadCountProps {
    /// The count to show (nothing at 0).
    pub count: u32,
}

/// The badge itself: the figure, and words for screen readers ("Messagerie 2 messages non
/// lus").
#[component]
pub fn UnreadCount(props: &UnreadCountProps) -> Html {
    let lang = use_lang();
    if props.count == 0 {
        return html! {};
    }
    let words = if props.count == 1 {
        Text::MessagesNavUnreadOne
    } else {
        Text::MessagesNavUnreadMany
    };
    html! {
        <span class="nav-badge">
            <span aria-hidden="true">{ props.count }</span>
            <span class="visually-hidden">{ format!(" {} {}", props.count, words.text(lang)) }</span>
        </span>
    }
}

/// The signed-in member's unread count, kept fresh.
#[component]
pub fn UnreadBadge() -> Html {
    let lang = use_lang();
    let route = use_route::<Route>();
    let count = use_state_eq(|| 0_u32);
    let serial = use_state_eq(|| 0_u32);
    let ticks = use_mut_ref(|| 0_u32);
    {
        let serial = serial.setter();
        use_effect_with((), move |()| {
            let listener = Callback::from(move |()| {
                let next = ticks.borrow().wrapping_add(1);
                *ticks.borrow_mut() = next;
                serial.set(next);
            });
            LISTENER.with(|l| *l.borrow_mut() = Some(listener));
            || LISTENER.with(|l| *l.borrow_mut() = None)
        });
    }
    {
        let count = count.setter();
        use_effect_with((route, *serial), move |_| {
            spawn_local(async move {
                if let Ok(unread) = api::get_json::<Unread>(api::paths::MESSAGES_UNREAD, lang).await
                {
                    count.set(unread.count);
                }
            });
        });
    }
    html! { <UnreadCount count={*count} /> }
}
