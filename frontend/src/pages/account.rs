//! The member's account: contact details, bank account, preferences (`/compte`).

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::member_area::MemberArea;

/// The member's account: contact details, bank account, preferences (`/compte`).
///
/// Says what the area will hold; asks visitors to sign in, tells members it comes next.
#[component]
pub fn AccountPage() -> Html {
    html! {
        <MemberArea
            title={Text::TitleAccount}
            intro={Text::AccountIntro}
            sign_in={Text::AccountSignIn}
        />
    }
}
