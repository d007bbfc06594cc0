//! The members' portal's addresses: one enum, French paths. (The agents' area, under
//! `/agent`, and the verification page, `/verifier`, are other apps.)

use portail_shared::i18n::Text;
use yew_router::prelude::*;

/// A page of the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Routable)]
pub enum Route {
    /// Public landing page.
    #[at("/")]
    Home,
    /// Sign-in form.
    #[at("/connexion")]
    Login,
    /// Second step of sign-in: the code sent by e-mail.
    #[at("/connexion/code")]
    LoginCode,
    /// Creating an account: NIR, birth date and e-mail; an activation code is posted.
    #[at("/creer-mon-compte")]
    CreateAccount,
    /// Creating an account, second step: the posted code and the new password.
    #[at("/creer-mon-compte/code")]
    ActivateAccount,
    /// Where to find a forgotten social security number.
    #[at("/numero-oublie")]
    ForgotNir,
    /// Forgotten password: asks for the NIR and birth date, and e-mails a reset link.
    #[at("/mot-de-passe-oublie")]
    ForgotPassword,
    /// The e-mailed reset link lands here, its token in the fragment: choose a new password.
    #[at("/mot-de-passe/nouveau")]
    NewPassword,
    /// "This was not me", from a security notice's link (token in the fragment).
    #[at("/securite/pas-moi")]
    NotMe,
    /// Payments and reimbursements (member area).
    #[at("/remboursements")]
    Reimbursements,
    /// "How much will I be reimbursed?"
    #[at("/remboursements/simulateur")]
    Simulator,
    /// Contesting one reimbursement line.
    #[at("/remboursements/:id/contester")]
    Contest {
        /// The line.
        id: i64,
    },
    /// One reimbursement line.
    #[at("/remboursements/:id")]
    ReimbursementLine {
        /// The line.
        id: i64,
    },
    /// Certificates and statements (member area).
    #[at("/documents")]
    Documents,
    /// European health insurance cards: each person's, ordering one, the provisional certificate.
    #[at("/carte-europeenne")]
    Ceam,
    /// The household's médecins traitants (member area).
    #[at("/medecin-traitant")]
    Doctor,
    /// Declaring a médecin traitant for one person of the household.
    #[at("/medecin-traitant/:person/declarer")]
    DoctorDeclare {
        /// The person (roll id).
        person: i64,
    },
    /// Requests to the fund and their progress (member area).
    #[at("/demarches")]
    Requests,
    /// Applying for (or renewing) the Complémentaire santé solidaire.
    #[at("/demarches/nouvelle/css")]
    CssApply,
    /// Reporting a change of family situation.
    #[at("/demarches/nouvelle/situation")]
    Situation,
    /// Applying for exceptional financial aid.
    #[at("/demarches/nouvelle/aide")]
    Aid,
    /// One request and its timeline.
    #[at("/demarches/:id")]
    Request {
        /// The request.
        id: i64,
    },
    /// Secure messages with the fund (member area).
    #[at("/messagerie")]
    Messages,
    /// Writing a new message to the fund.
    #[at("/messagerie/nouveau")]
    MessageNew,
    /// One conversation with the fund.
    #[at("/messagerie/:id")]
    MessageThread {
        /// The thread.
        id: i64,
    },
    /// Recommended screenings and vaccinations (member area).
    #[at("/prevention")]
    Prevention,
    /// Contact details, bank account, preferences (member area).
    #[at("/compte")]
    Account,
    /// Help: where to find the NIR, phone, fraud warning.
    #[at("/aide")]
    Help,
    /// Accessibility statement.
    #[at("/accessibilite")]
    Accessibility,
    /// The e-mails a demo deployment would have sent (not found in production).
    #[at("/demo/boite-envoi")]
    DemoOutbox,
    /// Any other address.
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// The main navigation, in order.
pub const MAIN_NAV: [(Route, Text); 7] = [
    (Route::Home, Text::NavHome),
    (Route::Reimbursements, Text::NavPayments),
    (Route::Documents, Text::NavDocuments),
    (Route::Requests, Text::NavRequests),
    (Route::Messages, Text::NavMessages),
    (Route::Prevention, Text::NavPrevention),
    (Route::Account, Text::NavAccount),
];

impl Route {
    /// The page's title: its `<h1>` and the first part of the browser tab's title.
    ///
    /// See [`tab_title`] for the pages whose title depends on the session or the mode.
    pub fn title(self) -> Text {
        match self {
            Route::Home => Text::TitleHome,
            Route::Login => Text::TitleLogin,
            Route::LoginCode => Text::TitleLoginCode,
            Route::CreateAccount => Text::TitleCreateAccount,
            Route::ActivateAccount => Text::TitleActivateAccount,
            Route::ForgotNir => Text::TitleForgotNir,
            Route::ForgotPassword => Text::TitleForgotPassword,
            Route::NewPassword => Text::TitleNewPassword,
            Route::NotMe => Text::TitleNotMe,
            Route::Reimbursements => Text::TitlePayments,
            Route::ReimbursementLine { .. } => Text::TitlePaymentLine,
            Route::Simulator => Text::TitleSimulator,
            Route::Contest { .. } => Text::TitleContest,
            Route::Request { .. } => Text::TitleRequest,
            Route::Documents => Text::TitleDocuments,
            Route::Ceam => Text::TitleCeam,
            Route::Doctor => Text::TitleDoctor,
            Route::DoctorDeclare { .. } => Text::TitleDoctorDeclare,
            Route::Requests => Text::TitleRequests,
            Route::CssApply => Text::TitleCss,
            Route::Situation => Text::TitleSituation,
            Route::Aid => Text::TitleAid,
            Route::Messages => Text::TitleMessages,
            Route::MessageNew => Text::TitleMessageNew,
            Route::MessageThread { .. } => Text::TitleMessageThread,
            Route::Prevention => Text::TitlePrevention,
            Route::Account => Text::TitleAccount,
            Route::Help => Text::TitleHelp,
            Route::Accessibility => Text::TitleAccessibility,
            Route::DemoOutbox => Text::TitleDemoOutbox,
            Route::NotFound => Text::TitleNotFound,
        }
    }
}

/// The first part of the browser tab's title: the page's title, except the member's home (whose
/// `<h1>` greets by name, which the tab and the history need not show) and the demo outbox
/// outside demo mode (which does not exist there).
/// The code page says where the code comes from: e-mail, or the member's authenticator app
/// (`app_code`).
pub fn tab_title(route: Route, signed_in: bool, production: bool, app_code: bool) -> Text {
    match route {
        Route::LoginCode if app_code => Text::TitleAppCode,
        Route::Home if signed_in => Text::NavHome,
        Route::DemoOutbox if production => Text::TitleNotFound,
        other => other.title(),
    }
}
