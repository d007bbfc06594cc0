//! The member's account (`/compte`): their postal address and bank details (each changed
//! through a request the fund checks), how they sign in (e-mailed codes or an authenticator
//! app, with recovery codes) and the devices signed in to it. Visitors are asked to sign in.

use std::rc::Rc;

use portail_shared::i18n::Text;
use portail_shared::security::SecuritySettings;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::accesses::Accesses;
use crate::components::address::AddressSection;
use crate::components::bank::BankSection;
use crate::components::member_area::MemberArea;
use crate::components::notices::Notices;
use crate::components::page_title::PageTitle;
use crate::components::security::{
    AccountEmail, AccountMobile, AccountPassword, Devices, SecondFactorSettings,
};
use crate::lang::use_lang;
use crate::session::{SessionState, use_session};

/// What the page knows of the account's security.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// The first request has not answered.
    Loading,
    /// The settings.
    Ready(Rc<SecuritySettings>),
    /// The request failed: what to say.
    Failed(AttrValue),
}

/// The account page.
#[component]
pub fn AccountPage() -> Html {
    let session = use_session();
    match session.session.state {
        SessionState::Member(_) => html! { <MemberAccount /> },
        SessionState::Anonymous | SessionState::Unknown => html! {
            <MemberArea
                title={Text::TitleAccount}
                intro={Text::AccountIntro}
                sign_in={Text::AccountSignIn}
            />
        },
    }
}

/// The signed-in member's account.
#[component]
fn MemberAccount() -> Html {
    let lang = use_lang();
    let loaded = use_state(|| Loaded::Loading);
    // Bumped after each change: each value asks the server again.
    let generation = use_state_eq(|| 0_u32);
    {
        let loaded = loaded.setter();
        use_effect_with(*generation, move |_| {
            spawn_local(async move {
                let answer = api::get_json::<SecuritySettings>(api::paths::SECURITY, lang).await;
                loaded.set(match answer {
                    Ok(settings) => Loaded::Ready(Rc::new(settings)),
                    Err(failure) => Loaded::Failed(failure.message(lang).into()),
                });
            });
        });
    }
    let reload = {
        let generation = generation.clone();
        Callback::from(move |()| generation.set(*generation + 1))
    };
    let body = match &*loaded {
        Loaded::Loading => {
            html! { <p class="loading" role="status">{ Text::Loading.text(lang) }</p> }
        }
        Loaded::Failed(message) => html! {
            <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
        },
        Loaded::Ready(settings) => html! {
            <>
                <AddressSection />
                <BankSection stepped_up={settings.stepped_up} reload={reload.clone()} />
                <AccountEmail settings={Rc::clone(settings)} reload={reload.clone()} />
                <AccountPassword settings={Rc::clone(settings)} reload={reload.clone()} />
                <AccountMobile settings={Rc::clone(settings)} reload={reload.clone()} />
                <SecondFactorSettings settings={Rc::clone(settings)} reload={reload.clone()} />
                <Devices devices={settings.devices.clone()} {reload} />
                <Notices />
                <Accesses />
            </>
        },
    };
    html! {
        <>
            <PageTitle text={Text::TitleAccount} />
            <p class="lead">{ Text::AccountLead.text(lang) }</p>
            { body }
        </>
    }
}
