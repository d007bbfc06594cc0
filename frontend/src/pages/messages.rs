//! Secure messages with the fund (`/messagerie`).

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::member_area::MemberArea;

/// Secure messages with the fund (`/messagerie`).
///
/// Until sign-in exists, it says what the area will hold and how to get there.
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
