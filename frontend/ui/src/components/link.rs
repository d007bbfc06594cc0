//! Links between the pages of one app. Each app names its own: `type AppLink =
//! portail_ui::components::link::AppLink<Route>`. Between apps (a member's page to the
//! verification page), a plain `<a href>`: the other app loads.

use yew::prelude::*;
use yew_router::prelude::*;

/// Properties of [`AppLink`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppLinkProps<R: Routable + Copy + PartialEq + 'static> {
    /// The page to go to.
    pub to: R,
    /// CSS classes of the `<a>`.
    #[prop_or_default]
    pub classes: Classes,
    /// Called when the link is followed within the app (not for a new tab or window).
    #[prop_or_default]
    pub on_follow: Callback<()>,
    /// The link's content.
    #[prop_or_default]
    pub children: Html,
}

/// A link to a page of the portal: navigates without reloading, and says
/// `aria-current="page"` when it points to the page on screen.
#[component]
pub fn AppLink<R: Routable + Copy + PartialEq + 'static>(props: &AppLinkProps<R>) -> Html {
    let navigator = use_navigator();
    let current = use_route::<R>() == Some(props.to);
    let to = props.to;
    let on_follow = props.on_follow.clone();
    let onclick = Callback::from(move |event: MouseEvent| {
        // Modified clicks keep their browser meaning (new tab, new window).
        if event.meta_key() || event.ctrl_key() || event.shift_key() || event.alt_key() {
            return;
        }
        if let Some(navigator) = &navigator {
            event.prevent_default();
            on_follow.emit(());
            navigator.push(&to);
        }
    });

    html! {
        <a
            href={to.to_path()}
            class={props.classes.clone()}
            aria-current={current.then_some("page")}
            {onclick}
        >
            { props.children.clone() }
        </a>
    }
}
