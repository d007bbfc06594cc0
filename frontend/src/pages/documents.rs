//! Certificates, statements and letters (`/documents`).

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::member_area::MemberArea;

/// Certificates, statements and letters (`/documents`).
///
/// Says what the area will hold; asks visitors to sign in, tells members it comes next.
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
