//! Requests to the fund and their progress (`/demarches`).

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::member_area::MemberArea;

/// Requests to the fund and their progress (`/demarches`).
///
/// Says what the area will hold; asks visitors to sign in, tells members it comes next.
#[component]
pub fn RequestsPage() -> Html {
    html! {
        <MemberArea
            title={Text::TitleRequests}
            intro={Text::RequestsIntro}
            sign_in={Text::RequestsSignIn}
        />
    }
}
