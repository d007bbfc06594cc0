//! The frame of every page: skip link, banners, header, main content, footer.

use portail_shared::Lang;
use portail_shared::i18n::Text;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::browser;
use crate::components::banner::{DemoBanner, UnavailableBanner};
use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::config::ConfigState;
use crate::pages;
use crate::route::Route;

/// Properties of [`Layout`].
#[derive(Properties, PartialEq, Clone)]
pub struct LayoutProps {
    /// The language to render in; provided to every page as a context.
    pub lang: Lang,
    /// What is known of the server's public configuration.
    pub config: ConfigState,
    /// Called when the member picks another language.
    #[prop_or_default]
    pub on_lang: Callback<Lang>,
}

/// Renders the page of the current route inside the portal's frame.
///
/// Must sit inside a router: `BrowserRouter` in the browser, `Router` with a memory history in
/// tests.
#[component]
pub fn Layout(props: &LayoutProps) -> Html {
    let lang = props.lang;
    let route = use_route::<Route>().unwrap_or(Route::NotFound);

    use_effect_with(lang, |lang| browser::set_document_lang(*lang));
    use_effect_with((route, lang), |(route, lang)| {
        let title = format!(
            "{} – {}",
            route.title().text(*lang),
            Text::ProductName.text(*lang)
        );
        browser::set_document_title(&title);
    });
    {
        // Not on the first page: a fresh load starts at the top, where the skip link is.
        let first_render = use_mut_ref(|| true);
        use_effect_with(route, move |_| {
            if std::mem::replace(&mut *first_render.borrow_mut(), false) {
                return;
            }
            browser::focus_page_heading();
        });
    }

    html! {
        <ContextProvider<Lang> context={lang}>
            <a class="skip-link" href="#contenu">{ Text::SkipToContent.text(lang) }</a>
            if props.config.is_demo() {
                <DemoBanner />
            }
            if props.config == ConfigState::Unavailable {
                <UnavailableBanner />
            }
            <Header lang={lang} on_lang={props.on_lang.clone()} />
            <main id="contenu" class="site-main" tabindex="-1">
                <div class="container">
                    { pages::switch(route) }
                </div>
            </main>
            <Footer config={props.config.clone()} />
        </ContextProvider<Lang>>
    }
}
