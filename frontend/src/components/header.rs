//! The header: product mark, language switch, sign-in link, main navigation.

use portail_shared::Lang;
use portail_shared::i18n::Text;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::icons::{BrandMark, Icon, IconKind};
use crate::components::link::AppLink;
use crate::route::{MAIN_NAV, Route};

/// The id the menu button controls.
const NAV_ID: &str = "navigation-principale";

/// Properties of [`Header`].
#[derive(Properties, PartialEq, Clone)]
pub struct HeaderProps {
    /// The language on screen.
    pub lang: Lang,
    /// Called with the language the member picks.
    #[prop_or_default]
    pub on_lang: Callback<Lang>,
}

/// The header of every page.
///
/// Under 768 px the navigation folds behind a menu button; it folds again after each navigation.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let route = use_route::<Route>();
    let menu_open = use_state_eq(|| false);

    {
        let menu_open = menu_open.setter();
        use_effect_with(route, move |_| menu_open.set(false));
    }

    let toggle_menu = {
        let menu_open = menu_open.clone();
        Callback::from(move |_: MouseEvent| menu_open.set(!*menu_open))
    };

    html! {
        <header class="site-header">
            <div class="container site-header__bar">
                <AppLink to={Route::Home} classes={classes!("brand")}>
                    <BrandMark />
                    <span class="brand__name">{ Text::ProductName.text(lang) }</span>
                </AppLink>
                <LanguageSwitch lang={lang} on_lang={props.on_lang.clone()} />
                <button
                    type="button"
                    class="menu-button"
                    aria-expanded={if *menu_open { "true" } else { "false" }}
                    aria-controls={NAV_ID}
                    onclick={toggle_menu}
                >
                    <Icon kind={if *menu_open { IconKind::Close } else { IconKind::Menu }} />
                    <span>{ Text::MenuButton.text(lang) }</span>
                </button>
                <AppLink to={Route::Login} classes={classes!("button", "site-header__sign-in")}>
                    { Text::SignIn.text(lang) }
                </AppLink>
            </div>
            <nav
                id={NAV_ID}
                class={classes!("main-nav", menu_open.then_some("main-nav--open"))}
                aria-label={Text::MainNavLabel.text(lang)}
            >
                <ul class="container main-nav__list">
                    { for MAIN_NAV.iter().map(|(to, label)| html! {
                        <li key={to.to_path()}>
                            <AppLink to={*to} classes={classes!("main-nav__link")}>
                                { label.text(lang) }
                            </AppLink>
                        </li>
                    }) }
                </ul>
            </nav>
        </header>
    }
}

/// Properties of [`LanguageSwitch`].
#[derive(Properties, PartialEq, Clone)]
pub struct LanguageSwitchProps {
    /// The language on screen.
    pub lang: Lang,
    /// Called with the language the member picks.
    pub on_lang: Callback<Lang>,
}

/// Two buttons, each language named in itself; the current one is pressed.
#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let button = |choice: Lang, name: &'static str| {
        let pressed = props.lang == choice;
        let on_lang = props.on_lang.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_lang.emit(choice));
        html! {
            <button
                type="button"
                class="lang-switch__button"
                lang={choice.tag()}
                aria-pressed={if pressed { "true" } else { "false" }}
                {onclick}
            >
                { name }
            </button>
        }
    };

    html! {
        <div class="lang-switch" role="group" aria-label={Text::LanguageSwitchLabel.text(props.lang)}>
            { button(Lang::Fr, Text::LanguageNameFr.text(props.lang)) }
            { button(Lang::En, Text::LanguageNameEn.text(props.lang)) }
        </div>
    }
}
