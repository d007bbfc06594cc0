//! One module per page; [`switch`] picks the page of a route.

pub mod accessibility;
pub mod account;
pub mod activate_account;
pub mod aid;
pub mod ceam;
pub mod contest;
pub mod create_account;
pub mod css;
pub mod demo_outbox;
pub mod doctor;
pub mod documents;
pub mod forgot_nir;
pub mod forgot_password;
pub mod help;
pub mod home;
pub mod login;
pub mod login_code;
pub mod messages;
pub mod new_password;
pub mod not_found;
pub mod not_me;
pub mod prevention;
pub mod reimbursements;
pub mod requests;
pub mod simulator;
pub mod situation;

use yew::prelude::*;

use crate::route::Route;

/// The page component for a route.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <home::HomePage /> },
        Route::Login => html! { <login::LoginPage /> },
        Route::LoginCode => html! { <login_code::LoginCodePage /> },
        Route::CreateAccount => html! { <create_account::CreateAccountPage /> },
        Route::ActivateAccount => html! { <activate_account::ActivateAccountPage /> },
        Route::ForgotNir => html! { <forgot_nir::ForgotNirPage /> },
        Route::ForgotPassword => html! { <forgot_password::ForgotPasswordPage /> },
        Route::NewPassword => html! { <new_password::NewPasswordPage /> },
        Route::NotMe => html! { <not_me::NotMePage /> },
        Route::Reimbursements => html! { <reimbursements::ReimbursementsPage /> },
        Route::Simulator => html! { <simulator::SimulatorPage /> },
        Route::Contest { id } => html! { <contest::ContestPage id={id} /> },
        Route::Request { id } => html! { <requests::RequestPage id={id} /> },
        Route::ReimbursementLine { id } => {
            html! { <reimbursements::ReimbursementLinePage id={id} /> }
        }
        Route::Documents => html! { <documents::DocumentsPage /> },
        Route::Ceam => html! { <ceam::CeamPage /> },
        Route::Doctor => html! { <doctor::DoctorPage /> },
        Route::DoctorDeclare { person } => html! { <doctor::DeclarePage {person} /> },
        Route::Requests => html! { <requests::RequestsPage /> },
        Route::CssApply => html! { <css::CssPage /> },
        Route::Situation => html! { <situation::SituationPage /> },
        Route::Aid => html! { <aid::AidPage /> },
        Route::Messages => html! { <messages::MessagesPage /> },
        Route::MessageNew => html! { <messages::NewMessagePage /> },
        Route::MessageThread { id } => html! { <messages::ThreadPage {id} /> },
        Route::Prevention => html! { <prevention::PreventionPage /> },
        Route::Account => html! { <account::AccountPage /> },
        Route::Help => html! { <help::HelpPage /> },
        Route::Accessibility => html! { <accessibility::AccessibilityPage /> },
        Route::DemoOutbox => html! { <demo_outbox::DemoOutboxPage /> },
        Route::NotFound => html! { <not_found::NotFoundPage /> },
    }
}
