//! Recommended screenings, vaccinations and check-ups (`/prevention`).

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::member_area::MemberArea;

/// Recommended screenings, vaccinations and check-ups (`/prevention`).
///
/// Until sign-in exists, it says what the area will hold and how to get there.
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
