//! Requests to the fund and their progress (`/demarches`).

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::member_area::MemberArea;

/// Requests to the fund and their progress (`/demarches`).
///
/// Until sign-in exists, it says what the area will hold and how to get there.
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
