//! Secure messages with the fund (`/messagerie`).

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::member_area::MemberArea;

/// Secure messages with the fund (`/messagerie`).
///
/// Says what the area will hold; asks visitors to sign in, tells members it comes next.
#[component]
pub fn MessagesPage() -> Html {
    html! {
        <MemberArea
            title={Text::TitleMessages}
            intro={Text::MessagesIntro}
            sign_in={Text::MessagesSignIn}
        />
    }
}
