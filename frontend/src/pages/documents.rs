//! Certificates, statements and letters (`/documents`).

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::member_area::MemberArea;

/// Certificates, statements and letters (`/documents`).
///
/// Until sign-in exists, it says what the area will hold and how to get there.
#[component]
pub fn DocumentsPage() -> Html {
    html! {
        <MemberArea
            title={Text::TitleDocuments}
            intro={Text::DocumentsIntro}
            sign_in={Text::DocumentsSignIn}
        />
    }
}
