//! Payments and reimbursements (`/remboursements`).

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::member_area::MemberArea;

/// Payments and reimbursements (`/remboursements`).
///
/// Says what the area will hold; asks visitors to sign in, tells members it comes next.
#[component]
pub fn ReimbursementsPage() -> Html {
    html! {
        <MemberArea
            title={Text::TitlePayments}
            intro={Text::PaymentsIntro}
            sign_in={Text::PaymentsSignIn}
        />
    }
}
