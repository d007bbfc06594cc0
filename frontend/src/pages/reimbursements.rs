//! Payments and reimbursements (`/remboursements`).

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::member_area::MemberArea;

/// Payments and reimbursements (`/remboursements`).
///
/// Until sign-in exists, it says what the area will hold and how to get there.
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
