//! Recommended screenings, vaccinations and check-ups (`/prevention`).

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::member_area::MemberArea;

/// Recommended screenings, vaccinations and check-ups (`/prevention`).
///
/// Says what the area will hold; asks visitors to sign in, tells members it comes next.
#[component]
pub fn PreventionPage() -> Html {
    html! {
        <MemberArea
            title={Text::TitlePrevention}
            intro={Text::PreventionIntro}
            sign_in={Text::PreventionSignIn}
        />
    }
}
