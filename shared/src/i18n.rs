//! Languages of the portal. French is the default; English is a full translation.
//!
//! Messages are `match`es over enums, so a missing translation is a compile error, not a blank.

use serde::{Deserialize, Serialize};

/// A language the portal speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Français (default).
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag used in `lang` attributes and cookies.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses a stored tag (`fr`, `en`, `en-GB`…); anything else is French.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Fr
        }
    }

    /// Picks the language from an `Accept-Language` header: the first of fr/en by preference
    /// order as written (q-values are rare in practice and browsers list by preference).
    pub fn from_accept_language(header: &str) -> Lang {
        for part in header.split(',') {
            let tag = part.split(';').next().unwrap_or("").trim();
            let primary = tag.split('-').next().unwrap_or("");
            if primary.eq_ignore_ascii_case("fr") {
                return Lang::Fr;
            }
            if primary.eq_ignore_ascii_case("en") {
                return Lang::En;
            }
        }
        Lang::Fr
    }
}

impl Text {
    /// The months' names, January first.
    pub const MONTHS: [Text; 12] = [
        Text::MonthJanuary,
        Text::MonthFebruary,
        Text::MonthMarch,
        Text::MonthApril,
        Text::MonthMay,
        Text::MonthJune,
        Text::MonthJuly,
        Text::MonthAugust,
        Text::MonthSeptember,
        Text::MonthOctober,
        Text::MonthNovember,
        Text::MonthDecember,
    ];
}

/// Every sentence the browser app shows, in both languages.
///
/// Each entry names its French and its English text side by side; the macro turns them into
/// exhaustive `match`es, so an entry without a translation does not compile. Components never
/// hold UI words of their own: they ask `Text::X.text(lang)`.
macro_rules! catalog {
    ($( $(#[$doc:meta])* $key:ident { fr: $fr:literal, en: $en:literal $(,)? } )*) => {
        /// A message of the user interface; [`Text::text`] gives its words in a language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text {
            $( $(#[$doc])* $key, )*
        }

        impl Text {
            /// Every message, in catalog order (for tests that check the whole catalog).
            pub const ALL: &'static [Text] = &[$(Text::$key),*];

            /// The words of this message in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Fr => match self {
                        $( Text::$key => $fr, )*
                    },
                    Lang::En => match self {
                        $( Text::$key => $en, )*
                    },
                }
            }
        }
    };
}

catalog! {
    // ----- Layout: skip link, header, navigation, banners, footer -----
    /// First focusable element of every page.
    SkipToContent { fr: "Aller au contenu", en: "Skip to content" }
    /// The product's name, in the header and the browser tab.
    ProductName { fr: "Portail", en: "Portail" }
    /// Accessible name of the product mark that links home.
    HomeLinkLabel { fr: "Portail, retour à l’accueil", en: "Portail, back to the home page" }
    /// Accessible name of the language switch group.
    LanguageSwitchLabel { fr: "Langue", en: "Language" }
    /// French, named in French whatever the page's language (so a reader finds their own).
    LanguageNameFr { fr: "Français", en: "Français" }
    /// English, named in English whatever the page's language.
    LanguageNameEn { fr: "English", en: "English" }
    /// Button that opens the navigation on small screens.
    MenuButton { fr: "Menu", en: "Menu" }
    /// Accessible name of the main navigation.
    MainNavLabel { fr: "Navigation principale", en: "Main navigation" }
    NavHome { fr: "Accueil", en: "Home" }
    NavPayments { fr: "Paiements", en: "Payments" }
    NavDocuments { fr: "Documents", en: "Documents" }
    NavRequests { fr: "Démarches", en: "Requests" }
    NavMessages { fr: "Messagerie", en: "Messages" }
    NavPrevention { fr: "Prévention", en: "Prevention" }
    NavAccount { fr: "Mon compte", en: "My account" }
    /// Header button and every "sign in" call to action.
    SignIn { fr: "Se connecter", en: "Sign in" }
    /// The demo ribbon, on every page of a demo deployment.
    DemoNotice {
        fr: "Démo — ceci est une démonstration : aucune donnée réelle, ce site n’est pas celui de l’Assurance Maladie.",
        en: "Demo — this is a demonstration: no real data, and this site is not the Assurance Maladie's.",
    }
    /// Shown when `GET /api/config` fails.
    ConfigUnavailable {
        fr: "Le portail ne répond pas pour le moment. Réessayez dans quelques minutes ou appelez le 36 46.",
        en: "The portal is not responding right now. Try again in a few minutes or call 36 46.",
    }
    ConfigOffline {
        fr: "Vous êtes hors ligne\u{a0}: vérifiez votre connexion à Internet. Vos informations s’afficheront dès qu’elle reviendra.",
        en: "You are offline: check your Internet connection. Your information will show as soon as it is back.",
    }
    /// Accessible name of the footer's link list.
    FooterLinksLabel { fr: "Liens utiles", en: "Useful links" }
    /// Footer line before the phone number.
    FooterQuestion { fr: "Une question sur votre dossier ?", en: "A question about your file?" }
    /// Words before the phone number link.
    CallUs { fr: "Appelez le", en: "Call" }
    /// What the 36 46 costs, after the number.
    PhoneCost { fr: "(service gratuit + prix d’un appel)", en: "(free service + cost of a call)" }
    /// Footer mention required by the RGAA, linking to the statement.
    FooterAccessibility { fr: "Accessibilité : partiellement conforme", en: "Accessibility: partially compliant" }
    /// Prefix of the version number in the footer.
    FooterVersion { fr: "Version", en: "Version" }
    /// Words read before an error message by screen readers.
    ErrorPrefix { fr: "Erreur :", en: "Error:" }

    // ----- Page titles (the `<h1>` and the browser tab) -----
    TitleHome { fr: "Vos remboursements et vos démarches, en ligne", en: "Your reimbursements and requests, online" }
    TitleLogin { fr: "Se connecter", en: "Sign in" }
    TitlePayments { fr: "Paiements et remboursements", en: "Payments and reimbursements" }
    TitleDocuments { fr: "Documents", en: "Documents" }
    TitleRequests { fr: "Démarches", en: "Requests" }
    TitleMessages { fr: "Messagerie", en: "Messages" }
    TitlePrevention { fr: "Prévention", en: "Prevention" }
    TitleAccount { fr: "Mon compte", en: "My account" }
    TitleHelp { fr: "Aide", en: "Help" }
    TitleAccessibility { fr: "Déclaration d’accessibilité", en: "Accessibility statement" }
    TitleNotFound { fr: "Page introuvable", en: "Page not found" }

    // ----- Home page -----
    HomeLead {
        fr: "Portail est l’espace en ligne des assurés de votre caisse : suivez vos remboursements, téléchargez vos attestations et faites vos démarches sans vous déplacer.",
        en: "Portail is your fund's online space for its members: follow your reimbursements, download your certificates and make your requests without travelling.",
    }
    HomeSignInHint {
        fr: "Munissez-vous de votre numéro de sécurité sociale : il figure sur votre carte Vitale.",
        en: "Have your social security number ready: it is on your Vitale card.",
    }
    HomeFeaturesHeading { fr: "Ce que vous pouvez faire", en: "What you can do" }
    FeaturePaymentsTitle { fr: "Suivre vos paiements", en: "Follow your payments" }
    FeaturePaymentsText {
        fr: "La date, le montant et le détail de chaque remboursement.",
        en: "The date, amount and details of each reimbursement.",
    }
    FeatureDocumentsTitle { fr: "Télécharger vos attestations", en: "Download your certificates" }
    FeatureDocumentsText {
        fr: "Attestation de droits, relevés de remboursement, attestations d’indemnités journalières.",
        en: "Certificate of entitlement, reimbursement statements, sick pay certificates.",
    }
    FeatureRequestsTitle { fr: "Faire vos démarches", en: "Make your requests" }
    FeatureRequestsText {
        fr: "Changement d’adresse, carte Vitale, congé maternité : suivez chaque étape.",
        en: "Change of address, Vitale card, maternity leave: follow each step.",
    }
    FeatureMessagesTitle { fr: "Écrire à votre caisse", en: "Write to your fund" }
    FeatureMessagesText {
        fr: "Posez vos questions et joignez vos justificatifs.",
        en: "Ask your questions and attach your supporting documents.",
    }
    FeaturePreventionTitle { fr: "Prendre soin de votre santé", en: "Look after your health" }
    FeaturePreventionText {
        fr: "Les dépistages, vaccins et bilans recommandés pour votre âge.",
        en: "The screenings, vaccinations and check-ups recommended for your age.",
    }
    HomeHelpHeading { fr: "Besoin d’aide ?", en: "Need help?" }
    HomeHelpNir { fr: "Trouver votre numéro de sécurité sociale", en: "Find your social security number" }
    HomeHelpFraud { fr: "Reconnaître un message frauduleux", en: "Recognise a fraudulent message" }

    // ----- Member areas, until sign-in exists -----
    SignInRequiredHeading { fr: "Connexion nécessaire", en: "Sign-in required" }
    PaymentsIntro {
        fr: "Suivez les remboursements de vos soins et les indemnités versées par votre caisse, avec la date et le montant de chaque paiement.",
        en: "Follow the reimbursement of your care and the benefits paid by your fund, with the date and amount of each payment.",
    }
    PaymentsSignIn { fr: "Connectez-vous pour accéder à vos paiements.", en: "Sign in to see your payments." }
    TitleSimulator { fr: "Estimer un remboursement", en: "Estimate a reimbursement" }
    SimLead { fr: "Avant une consultation, calculez ce que votre caisse vous remboursera, avec les règles qui servent à vos paiements.", en: "Before a visit, work out what your fund will pay back, with the rules used for your payments." }
    SimDoctor { fr: "Quel médecin allez-vous consulter\u{a0}?", en: "Which doctor are you going to see?" }
    SimGp { fr: "Un médecin généraliste", en: "A general practitioner" }
    SimGynaecologist { fr: "Un gynécologue", en: "A gynaecologist" }
    SimOphthalmologist { fr: "Un ophtalmologue", en: "An ophthalmologist" }
    SimPsychiatrist { fr: "Un psychiatre", en: "A psychiatrist" }
    SimOtherSpecialist { fr: "Un autre spécialiste (cardiologue, dermatologue…)", en: "Another specialist (cardiologist, dermatologist…)" }
    SimSector { fr: "Secteur du médecin", en: "The doctor’s sector" }
    SimSectorHint { fr: "Il est affiché au cabinet et dans l’annuaire des professionnels de santé. Dans le doute, choisissez le secteur 1.", en: "It is displayed at the practice and in the directory of health professionals. If unsure, choose secteur 1." }
    SimSectorOne { fr: "Secteur 1 (tarifs de la convention)", en: "Secteur 1 (agreed prices)" }
    SimSectorTwoOptam { fr: "Secteur 2, adhérent OPTAM", en: "Secteur 2, member of OPTAM" }
    SimSectorTwoNonOptam { fr: "Secteur 2, non adhérent OPTAM", en: "Secteur 2, not a member of OPTAM" }
    SimParcours { fr: "Cette consultation est-elle dans le parcours de soins\u{a0}?", en: "Is this visit within the coordinated care pathway?" }
    SimParcoursHint { fr: "Oui si ce médecin est votre médecin traitant, ou s’il vous a orienté vers ce spécialiste. Toujours oui avant 16 ans.", en: "Yes if this doctor is your regular doctor (médecin traitant), or referred you to this specialist. Always yes under 16." }
    SimAge { fr: "Âge du patient, en années", en: "The patient’s age, in years" }
    SimSituation { fr: "Situation du patient", en: "The patient’s situation" }
    SimSituationNone { fr: "Aucune de celles-ci", en: "None of these" }
    SimSituationPregnant { fr: "Enceinte, à partir du 6e mois", en: "Pregnant, from the 6th month" }
    SimSituationAld { fr: "Consultation pour une affection de longue durée (ALD)", en: "Visit for a long-term condition (ALD)" }
    SimSituationCss { fr: "Bénéficiaire de la Complémentaire santé solidaire", en: "Has the Complémentaire santé solidaire" }
    SimSituationAme { fr: "Bénéficiaire de l’Aide médicale de l’État", en: "Has State medical aid (AME)" }
    SimPrice { fr: "Prix demandé par le médecin (facultatif)", en: "Price asked by the doctor (optional)" }
    SimPriceHint { fr: "En euros, par exemple 35 ou 45,50. Laissez vide pour le tarif de la convention.", en: "In euros, for example 35 or 45.50. Leave empty for the agreed price." }
    SimSubmit { fr: "Calculer", en: "Calculate" }
    SimSending { fr: "Calcul en cours…", en: "Calculating…" }
    SimResultHeading { fr: "Votre estimation", en: "Your estimate" }
    SimReimbursed { fr: "Votre caisse vous rembourse", en: "Your fund pays back" }
    SimRemaining { fr: "Reste à votre charge, avant la part de votre complémentaire santé", en: "Left for you to pay, before your complementary insurer’s part" }
    SimDisclaimer { fr: "Estimation indicative\u{a0}: le montant réel dépend de la facture et de ce qui a déjà été retenu cette année.", en: "An indication only: the real amount depends on the bill and on what has already been deducted this year." }
    PaymentsSimulatorLink { fr: "Estimer le remboursement d’une consultation", en: "Estimate the reimbursement of a visit" }
    PaymentsStatementsHeading { fr: "Relevés et récapitulatifs", en: "Statements and summaries" }
    PaymentsStatementsLead { fr: "Des documents PDF à garder, ou à transmettre à votre complémentaire santé.", en: "PDF documents to keep, or to send to your complementary insurer." }
    PaymentsMonthly { fr: "Relevés mensuels", en: "Monthly statements" }
    PaymentsAnnual { fr: "Récapitulatifs annuels, pour votre déclaration de revenus et votre complémentaire", en: "Yearly summaries, for your tax return and your complementary insurer" }
    PaymentsOlderMonths { fr: "Mois précédents", en: "Earlier months" }
    PaymentsPaymentOne { fr: "paiement", en: "payment" }
    PaymentsPaymentMany { fr: "paiements", en: "payments" }
    PaymentsYearSummary { fr: "Récapitulatif", en: "Summary" }
    PaymentsNoStatements { fr: "Aucun paiement pour l’instant\u{a0}: pas encore de relevé.", en: "No payment yet: no statement so far." }
    NoticesHeading { fr: "E-mails de votre caisse", en: "E-mails from your fund" }
    NoticesPayments { fr: "Recevoir un e-mail à chaque paiement (sans montant ni détail de vos soins)", en: "Receive an e-mail for each payment (without amounts or details of your care)" }
    NoticesSaved { fr: "Votre choix est enregistré.", en: "Your choice is saved." }
    NoticesSecurity { fr: "Les messages de sécurité (nouvelle connexion, changement de mot de passe) vous sont toujours envoyés.", en: "Security messages (new sign-in, password change) are always sent to you." }
    // ----- My account: bank details -----
    BankHeading { fr: "Coordonnées bancaires", en: "Bank details" }
    BankLead { fr: "Vos remboursements sont versés sur ce compte.", en: "Your reimbursements are paid into this account." }
    BankIban { fr: "IBAN", en: "IBAN" }
    BankHolder { fr: "Titulaire", en: "Holder" }
    BankNone { fr: "Aucun compte n’est enregistré pour vos remboursements.", en: "No account is on file for your reimbursements." }
    BankPendingText { fr: "Un changement de coordonnées bancaires est en cours de traitement. Nouveau compte\u{a0}:", en: "A change of bank details is being processed. New account:" }
    BankPendingAfter { fr: "Vos remboursements restent versés sur le compte actuel jusqu’à la vérification. Vous pourrez demander un autre changement une fois celui-ci traité.", en: "Your reimbursements keep going to the current account until it is checked. You can ask for another change once this one is processed." }
    ChangeFollow { fr: "Suivre la demande", en: "Follow the request" }
    BankChangeButton { fr: "Changer de coordonnées bancaires", en: "Change bank details" }
    BankFormIban { fr: "IBAN du nouveau compte", en: "IBAN of the new account" }
    BankFormIbanHint { fr: "Il figure sur votre RIB, par exemple FR76 3000 6000 0112 3456 7890 189.", en: "It is on your bank details (RIB), for example FR76 3000 6000 0112 3456 7890 189." }
    BankIbanValid { fr: "L’IBAN est valide.", en: "The IBAN is valid." }
    BankFormBic { fr: "BIC (facultatif)", en: "BIC (optional)" }
    BankFormBicHint { fr: "8 ou 11 lettres et chiffres, par exemple BNPAFRPP.", en: "8 or 11 letters and digits, for example BNPAFRPP." }
    BankFormHolder { fr: "Titulaire du compte", en: "Account holder" }
    BankFormHolderHint { fr: "Le nom tel qu’il figure sur le RIB.", en: "The name as it appears on the bank details." }
    BankFormRib { fr: "Votre RIB", en: "Your bank details (RIB)" }
    BankFormRibHint { fr: "PDF, JPEG ou PNG, 5 Mo au plus. Votre caisse vérifie le nouveau compte avec lui.", en: "PDF, JPEG or PNG, 5 MB at most. Your fund checks the new account against it." }
    BankSubmit { fr: "Envoyer ma demande", en: "Send my request" }
    ChangeSending { fr: "Envoi en cours…", en: "Sending…" }
    BankFiled { fr: "Votre demande est envoyée et un e-mail vous la confirme. Vos remboursements restent versés sur votre compte actuel jusqu’à sa vérification.", en: "Your request is sent and an e-mail confirms it. Your reimbursements keep going to your current account until it is checked." }
    // ----- My account: postal address -----
    AddressHeading { fr: "Adresse postale", en: "Postal address" }
    AddressLead { fr: "Votre caisse vous écrit à cette adresse.", en: "Your fund writes to you at this address." }
    AddressNone { fr: "Aucune adresse n’est enregistrée.", en: "No address is on file." }
    AddressPendingText { fr: "Un changement d’adresse est en cours de traitement. Nouvelle adresse\u{a0}:", en: "A change of address is being processed. New address:" }
    AddressPendingAfter { fr: "Votre adresse sera mise à jour une fois le changement vérifié par votre caisse.", en: "Your address will be updated once your fund has checked the change." }
    AddressChangeButton { fr: "Déclarer un déménagement", en: "Report a move" }
    AddressLine1 { fr: "Numéro et rue", en: "Number and street" }
    AddressLine1Hint { fr: "Par exemple 40 rue Paul Bert.", en: "For example 40 rue Paul Bert." }
    AddressLine2 { fr: "Complément d’adresse (facultatif)", en: "Second line (optional)" }
    AddressLine2Hint { fr: "Bâtiment, étage, appartement, lieu-dit…", en: "Building, floor, flat, locality…" }
    AddressPostalCode { fr: "Code postal", en: "Postcode" }
    AddressCity { fr: "Commune", en: "Town" }
    AddressMovedOn { fr: "Date du déménagement", en: "Date of the move" }
    AddressMovedOnHint { fr: "Par exemple 15/03/2026. Jusqu’à 3 mois à l’avance, ou depuis moins d’un an.", en: "For example 15/03/2026. Up to 3 months ahead, or less than a year ago." }
    AddressProof { fr: "Justificatif de domicile (facultatif)", en: "Proof of address (optional)" }
    AddressProofHint { fr: "Facture d’électricité ou d’internet, quittance de loyer… PDF, JPEG ou PNG, 5 Mo au plus.", en: "Electricity or internet bill, rent receipt… PDF, JPEG or PNG, 5 MB at most." }
    AddressSubmit { fr: "Déclarer mon déménagement", en: "Report my move" }
    AddressFiled { fr: "Votre déménagement est déclaré. Votre adresse sera mise à jour une fois vérifiée par votre caisse.", en: "Your move is reported. Your address will be updated once your fund has checked it." }
    RequestsLoading { fr: "Chargement de vos démarches…", en: "Loading your requests…" }
    RequestsNone { fr: "Vous n’avez aucune démarche pour l’instant.", en: "You have no request yet." }
    RequestsNoneHelp { fr: "Pour contester un remboursement, ouvrez-le dans «\u{a0}Paiements\u{a0}» puis choisissez «\u{a0}Contester ce remboursement\u{a0}».", en: "To contest a reimbursement, open it in “Payments” and choose “Contest this reimbursement”." }
    RequestsFiledOn { fr: "Déposée le", en: "Filed on" }
    RequestsAnswerBy { fr: "Réponse au plus tard le", en: "Answer by" }
    RequestsSee { fr: "Suivre cette démarche", en: "Follow this request" }
    TitleRequest { fr: "Suivi d’une démarche", en: "Request details" }
    RequestSent { fr: "Ce que vous avez envoyé", en: "What you sent" }
    RequestTimeline { fr: "Étapes", en: "Steps" }
    RequestFiles { fr: "Pièces jointes", en: "Attachments" }
    RequestBack { fr: "Retour à mes démarches", en: "Back to my requests" }
    RequestNotFound { fr: "Cette démarche n’existe pas ou ne vous concerne pas.", en: "This request does not exist or does not concern you." }
    RequestByYou { fr: "Vous", en: "You" }
    RequestByFund { fr: "Votre caisse", en: "Your fund" }
    TitleContest { fr: "Contester un remboursement", en: "Contest a reimbursement" }
    ContestRules { fr: "Vous avez 2 mois à partir du paiement (ou du rejet) pour contester. La commission de recours amiable de votre caisse examine votre demande et vous répond dans les 2 mois.", en: "You have 2 months from the payment (or the rejection) to contest. Your fund’s amicable appeals board examines your request and answers within 2 months." }
    ContestSilence { fr: "Sans réponse dans ce délai, votre demande est considérée comme rejetée\u{a0}: vous pouvez alors saisir le tribunal judiciaire dans les 2 mois.", en: "Without an answer by then, your request counts as rejected: you may then go to the court (tribunal judiciaire) within 2 months." }
    ContestReason { fr: "Pourquoi contestez-vous ce remboursement\u{a0}?", en: "Why do you contest this reimbursement?" }
    ContestExplanation { fr: "Expliquez ce qui ne va pas", en: "Explain what is wrong" }
    ContestExplanationHint { fr: "Entre 10 et 2 000 caractères. N’écrivez que ce qui est utile à votre demande.", en: "Between 10 and 2,000 characters. Write only what your request needs." }
    ContestFiles { fr: "Pièces justificatives (facultatif)", en: "Supporting documents (optional)" }
    ContestFilesHint { fr: "PDF, JPEG ou PNG, 5 Mo au plus par fichier, 5 fichiers au plus. Par exemple\u{a0}: la facture, l’ordonnance.", en: "PDF, JPEG or PNG, 5 MB at most per file, 5 files at most. For example: the bill, the prescription." }
    ContestFileTooBig { fr: "Ce fichier dépasse 5 Mo\u{a0}: réduisez-le ou photographiez le document en qualité moyenne.", en: "This file is over 5 MB: make it smaller, or photograph the document at medium quality." }
    ContestUploading { fr: "Envoi du fichier…", en: "Sending the file…" }
    ContestRemoveFile { fr: "Retirer", en: "Remove" }
    ContestSubmit { fr: "Déposer ma contestation", en: "File my contest" }
    ContestSending { fr: "Dépôt en cours…", en: "Filing…" }
    ContestFiled { fr: "Votre contestation est déposée. La réponse de votre caisse s’affichera ici.", en: "Your contest is filed. Your fund’s answer will appear here." }
    PaymentContest { fr: "Contester ce remboursement", en: "Contest this reimbursement" }
    HomePaymentsHeading { fr: "Vos derniers paiements", en: "Your latest payments" }
    HomePaymentsNone { fr: "Aucun paiement sur les 24 derniers mois.", en: "No payment in the last 24 months." }
    HomePaymentsAll { fr: "Voir tous mes paiements", en: "See all my payments" }
    HomePaymentsAct { fr: "soin", en: "act of care" }
    HomePaymentsActs { fr: "soins", en: "acts of care" }
    HomeRequestsHeading { fr: "Vos démarches en cours", en: "Your open requests" }
    HomeRequestsNone { fr: "Aucune démarche en cours.", en: "No open request." }
    HomeRequestsAll { fr: "Voir toutes mes démarches", en: "See all my requests" }
    PaymentContestClosed { fr: "Le délai de 2 mois pour contester ce remboursement est dépassé. Pour toute question, appelez le 36 46.", en: "The 2-month period to contest this reimbursement is over. For any question, call 36 46." }
    PaymentsLoading { fr: "Chargement de vos paiements…", en: "Loading your payments…" }
    PaymentsFilters { fr: "Affiner la liste", en: "Narrow the list" }
    PaymentsPeriod { fr: "Période", en: "Period" }
    PaymentsPeriod24 { fr: "Les 24 derniers mois", en: "The last 24 months" }
    PaymentsPeriod3 { fr: "Les 3 derniers mois", en: "The last 3 months" }
    PaymentsPeriod12 { fr: "Les 12 derniers mois", en: "The last 12 months" }
    PaymentsPeriodAll { fr: "Tout l’historique", en: "The whole history" }
    PaymentsWho { fr: "Pour qui", en: "For whom" }
    PaymentsEveryone { fr: "Toute la famille", en: "The whole family" }
    PaymentsKind { fr: "Type de soins", en: "Type of care" }
    PaymentsAllKinds { fr: "Tous les soins", en: "All care" }
    PaymentsStatus { fr: "État", en: "Status" }
    PaymentsAllStatuses { fr: "Tous", en: "All" }
    PaymentsSearch { fr: "Rechercher un professionnel ou un acte", en: "Search for a professional or an act" }
    PaymentsSearchHint { fr: "Par exemple\u{a0}: pharmacie, Faure, dentiste", en: "For example: pharmacy, Faure, dentist" }
    PaymentsApply { fr: "Afficher", en: "Show" }
    PaymentsTotalsHeading { fr: "Sur cette période", en: "For this period" }
    PaymentsCharged { fr: "Montant des soins", en: "Cost of care" }
    PaymentsReimbursed { fr: "Remboursé par votre caisse", en: "Reimbursed by your fund" }
    PaymentsRemaining { fr: "Reste à votre charge", en: "Left for you to pay" }
    PaymentsDeductions { fr: "Participations et franchises", en: "Flat-rate contributions and deductibles" }
    PaymentsRemainingNote { fr: "Le reste à charge tient compte de la part de votre complémentaire santé quand votre caisse la connaît.", en: "The amount left to pay takes your complementary insurer’s part into account when your fund knows it." }
    PaymentsCountersHeading { fr: "Participations et franchises de l’année", en: "This year’s contributions and deductibles" }
    PaymentsCounterParticipation { fr: "Participations forfaitaires", en: "Flat-rate contributions" }
    PaymentsCounterFranchise { fr: "Franchises médicales", en: "Medical deductibles" }
    PaymentsCountersNote { fr: "Chacune est plafonnée à 50 € par an et par personne\u{a0}: au-delà, plus rien n’est retenu. Les moins de 18 ans, les femmes enceintes à partir du 6e mois et les bénéficiaires de la Complémentaire santé solidaire n’en paient pas.", en: "Each is capped at €50 a year per person: beyond that, nothing more is deducted. Under-18s, pregnant women from the 6th month and people with the Complémentaire santé solidaire pay none." }
    PaymentsOf { fr: "sur", en: "of" }
    PaymentsChartHeading { fr: "Remboursé et reste à charge, mois par mois", en: "Reimbursed and left to pay, month by month" }
    PaymentsChartTable { fr: "Voir ces montants dans un tableau", en: "See these amounts in a table" }
    PaymentsMonth { fr: "Mois des soins", en: "Month of care" }
    PaymentsExport { fr: "Télécharger ces lignes (tableur CSV)", en: "Download these lines (CSV spreadsheet)" }
    PaymentsNone { fr: "Aucun remboursement ne correspond à ces critères.", en: "No reimbursement matches these criteria." }
    PaymentsNoneHelp { fr: "Élargissez la période ou choisissez «\u{a0}Tout l’historique\u{a0}».", en: "Widen the period or choose “The whole history”." }
    PaymentsListHeading { fr: "Vos remboursements", en: "Your reimbursements" }
    PaymentsPendingGroup { fr: "En cours de traitement", en: "Being processed" }
    PaymentsRejectedGroup { fr: "Rejetés", en: "Rejected" }
    PaymentsPaidOn { fr: "Paiement du", en: "Payment of" }
    PaymentsToYou { fr: "versés sur votre compte", en: "paid into your account" }
    PaymentsToProfessionals { fr: "versés aux professionnels (tiers payant)", en: "paid to professionals (third-party payment)" }
    PaymentsSeeDetail { fr: "Voir le détail", en: "See the details" }
    PaymentsBack { fr: "Retour à mes paiements", en: "Back to my payments" }
    TitlePaymentLine { fr: "Détail d’un remboursement", en: "Reimbursement details" }
    PaymentHowComputed { fr: "Comment ce montant a été calculé", en: "How this amount was worked out" }
    PaymentNotFound { fr: "Ce remboursement n’existe pas ou ne vous concerne pas.", en: "This reimbursement does not exist or does not concern you." }
    PaymentCareDate { fr: "Date des soins", en: "Date of care" }
    PaymentBeneficiary { fr: "Bénéficiaire", en: "Beneficiary" }
    PaymentProfessional { fr: "Professionnel ou établissement", en: "Professional or establishment" }
    PaymentSpecialty { fr: "Spécialité", en: "Specialty" }
    PaymentAct { fr: "Acte", en: "Act" }
    PaymentCharged { fr: "Montant payé", en: "Amount paid" }
    PaymentBase { fr: "Base de remboursement", en: "Reimbursement base" }
    PaymentRate { fr: "Taux de remboursement", en: "Reimbursement rate" }
    PaymentParticipation { fr: "Participation forfaitaire", en: "Flat-rate contribution" }
    PaymentFranchise { fr: "Franchise médicale", en: "Medical deductible" }
    PaymentComplementary { fr: "Part de votre complémentaire", en: "Your complementary insurer’s part" }
    PaymentComplementaryUnknown { fr: "Non connue de votre caisse", en: "Not known to your fund" }
    PaymentTiersPayant { fr: "Tiers payant", en: "Third-party payment" }
    PaymentTiersPayantYes { fr: "Oui\u{a0}: votre caisse a payé le professionnel directement", en: "Yes: your fund paid the professional directly" }
    PaymentParcours { fr: "Parcours de soins", en: "Coordinated care pathway" }
    PaymentParcoursNo { fr: "Hors parcours de soins\u{a0}: remboursement réduit", en: "Outside the care pathway: lower reimbursement" }
    PaymentStatus { fr: "État", en: "Status" }
    PaymentDate { fr: "Date de paiement", en: "Payment date" }
    PaymentRef { fr: "Référence du paiement", en: "Payment reference" }
    PaymentRejectReason { fr: "Motif du rejet", en: "Reason for rejection" }
    PaymentRecovered { fr: "Retenu pour des soins antérieurs", en: "Withheld for earlier care" }
    PaymentDeferred { fr: "Sera retenu sur un prochain paiement", en: "To be withheld from a later payment" }
    PaymentPaid { fr: "Versé", en: "Paid out" }
    Yes { fr: "Oui", en: "Yes" }
    No { fr: "Non", en: "No" }
    DocumentsIntro {
        fr: "Téléchargez votre attestation de droits, vos relevés de remboursement et les courriers de votre caisse.",
        en: "Download your certificate of entitlement, your reimbursement statements and the letters from your fund.",
    }
    DocumentsSignIn { fr: "Connectez-vous pour accéder à vos documents.", en: "Sign in to see your documents." }
    TitleVerifier { fr: "Vérifier une attestation", en: "Check a certificate" }
    TitleDoctor { fr: "Médecin traitant", en: "Regular doctor (médecin traitant)" }
    TitleDoctorDeclare { fr: "Déclarer un médecin traitant", en: "Declare a regular doctor" }
    DoctorIntro {
        fr: "Le médecin traitant coordonne vos soins et vous oriente vers les spécialistes. Avec un médecin traitant déclaré, une consultation est remboursée à 70\u{a0}%\u{a0}; sans médecin traitant, à 30\u{a0}% seulement (sauf pour les spécialistes en accès direct\u{a0}: gynécologue, ophtalmologue, psychiatre de 16 à 25 ans, dentiste).",
        en: "Your regular doctor coordinates your care and refers you to specialists. With a declared regular doctor a visit is reimbursed at 70%; without one, at only 30% (except specialists you may see directly: gynaecologist, ophthalmologist, psychiatrist from 16 to 25, dentist).",
    }
    DoctorSignIn { fr: "Connectez-vous pour voir et déclarer votre médecin traitant.", en: "Sign in to see and declare your regular doctor." }
    DoctorLoading { fr: "Chargement de vos médecins traitants…", en: "Loading your regular doctors…" }
    DoctorSince { fr: "Déclaré depuis le", en: "Declared since" }
    DoctorNone { fr: "Aucun médecin traitant déclaré\u{a0}: les consultations sont remboursées à 30\u{a0}% au lieu de 70\u{a0}%.", en: "No regular doctor declared: visits are reimbursed at 30% instead of 70%." }
    DoctorPending { fr: "Une déclaration est en cours\u{a0}: elle sera enregistrée dès que le médecin l’aura confirmée.", en: "A declaration is being processed: it will be recorded once the doctor confirms it." }
    DoctorPendingLink { fr: "Suivre la déclaration", en: "Follow the declaration" }
    DoctorDeclareFor { fr: "Déclarer un médecin traitant pour", en: "Declare a regular doctor for" }
    DoctorChangeFor { fr: "Changer de médecin traitant pour", en: "Change the regular doctor of" }
    DoctorRuleParent { fr: "Moins de 16 ans\u{a0}: c’est vous, son parent, qui déclarez son médecin traitant.", en: "Under 16: you, the parent, declare their regular doctor." }
    DoctorRuleTeen { fr: "16 ou 17 ans\u{a0}: l’adolescent choisit son médecin traitant, et vous confirmez son choix et votre accord.", en: "16 or 17: the teenager chooses their regular doctor; you confirm their choice and your agreement." }
    DoctorRuleAdult { fr: "Vous choisissez votre médecin traitant, qui doit avoir accepté de l’être.", en: "You choose your regular doctor, who must have agreed to be one." }
    DoctorSector1 { fr: "Secteur 1\u{a0}: sans dépassement d’honoraires", en: "Sector 1: no extra fees" }
    DoctorSector2 { fr: "Secteur 2\u{a0}: dépassements d’honoraires possibles", en: "Sector 2: extra fees possible" }
    DoctorSearchHeading { fr: "1. Chercher le médecin", en: "1. Find the doctor" }
    DoctorSearchName { fr: "Nom du médecin", en: "Doctor’s family name" }
    DoctorSearchNameHint { fr: "Le début du nom suffit, sans accents ni majuscules.", en: "The start of the name is enough, accents and capitals do not matter." }
    DoctorSearchCity { fr: "Ville", en: "Town" }
    DoctorSearchSpecialty { fr: "Spécialité", en: "Specialty" }
    DoctorSearchAny { fr: "Toutes les spécialités", en: "All specialties" }
    DoctorSearchSubmit { fr: "Rechercher", en: "Search" }
    DoctorSearching { fr: "Recherche dans l’annuaire…", en: "Searching the directory…" }
    DoctorNoResult { fr: "Aucun médecin ne correspond\u{a0}: vérifiez l’orthographe ou cherchez seulement par ville.", en: "No doctor matches: check the spelling or search by town only." }
    DoctorResults { fr: "2. Choisir le médecin", en: "2. Choose the doctor" }
    DoctorResultsCount { fr: "médecin(s) trouvé(s), 20 au plus\u{a0}: précisez la recherche si le vôtre n’y est pas.", en: "doctor(s) found, at most 20: narrow the search if yours is not listed." }
    DoctorConfirmHeading { fr: "3. Confirmer", en: "3. Confirm" }
    DoctorAgreed { fr: "Le médecin a accepté d’être le médecin traitant.", en: "The doctor has agreed to be the regular doctor." }
    DoctorTeenChose { fr: "L’adolescent a choisi ce médecin, et je donne mon accord de parent.", en: "The teenager chose this doctor, and I agree as their parent." }
    DoctorSubmit { fr: "Envoyer la déclaration", en: "Send the declaration" }
    DoctorSending { fr: "Envoi de la déclaration…", en: "Sending the declaration…" }
    DoctorFiled { fr: "Votre déclaration de médecin traitant est envoyée.", en: "Your declaration of a regular doctor has been sent." }
    DoctorBack { fr: "Retour à mes médecins traitants", en: "Back to my regular doctors" }
    DoctorAttestationLink { fr: "Déclarer un médecin traitant", en: "Declare a regular doctor" }
    RequestsNewHeading { fr: "Faire une démarche", en: "Make a request" }
    HomeAttentionHeading { fr: "À faire", en: "To do" }
    HomeAttentionNone { fr: "Rien à faire pour l’instant\u{a0}: tout est à jour.", en: "Nothing to do for now: everything is up to date." }
    HomeAttentionPrevention { fr: "Voir les recommandations de prévention", en: "See the prevention recommendations" }
    HomeQuickHeading { fr: "Accès rapides", en: "Quick links" }
    HomeQuickAttestation { fr: "Télécharger mon attestation de droits", en: "Download my certificate of entitlement" }
    HomeQuickBank { fr: "Changer mes coordonnées bancaires", en: "Change my bank details" }
    HomeQuickSimulator { fr: "Estimer un remboursement", en: "Estimate a reimbursement" }
    HomeQuickWrite { fr: "Écrire à ma caisse", en: "Write to my fund" }
    RequestsBankOrAddress { fr: "Changer de coordonnées bancaires ou d’adresse (Mon compte)", en: "Change bank details or address (My account)" }
    RequestsContestHint { fr: "Contester un remboursement (depuis la ligne concernée de Mes paiements)", en: "Contest a reimbursement (from its line in My payments)" }
    AttestationHeading { fr: "Attestation de droits", en: "Certificate of entitlement (attestation de droits)" }
    AttestationLead {
        fr: "Elle prouve vos droits à l’assurance maladie, par exemple auprès d’un employeur, d’un hôpital ou d’une pharmacie. Chaque attestation porte un code QR que chacun peut vérifier.",
        en: "It proves your health insurance cover, for instance to an employer, a hospital or a pharmacy. Every certificate carries a QR code anyone can check.",
    }
    AttestationFamilyLead {
        fr: "Vos enfants mineurs rattachés à votre compte ont chacun leur attestation.",
        en: "Each of your minor children attached to your account has their own certificate.",
    }
    AttestationLoading { fr: "Chargement de vos attestations…", en: "Loading your certificates…" }
    AttestationNir { fr: "Numéro de sécurité sociale", en: "Social security number" }
    AttestationRank { fr: "Qualité", en: "Status" }
    AttestationRights { fr: "Droits", en: "Cover" }
    AttestationRightsSince { fr: "Ouverts depuis le", en: "Open since" }
    AttestationRightsUntil { fr: "jusqu’au", en: "until" }
    AttestationCss { fr: "Complémentaire santé solidaire", en: "Complémentaire santé solidaire (free top-up cover)" }
    AttestationCssUntil { fr: "Oui, jusqu’au", en: "Yes, until" }
    AttestationTreatingDoctor { fr: "Médecin traitant", en: "Regular doctor (médecin traitant)" }
    AttestationDeclared { fr: "Déclaré", en: "Declared" }
    AttestationNotDeclared { fr: "Non déclaré", en: "Not declared" }
    AttestationExoneration { fr: "Exonération du ticket modérateur (ALD)", en: "Exemption from co-payment (long-term condition)" }
    AttestationExonerationYes { fr: "Oui (précisée sur l’attestation)", en: "Yes (stated on the certificate)" }
    AttestationDownload { fr: "Télécharger l’attestation (PDF)", en: "Download the certificate (PDF)" }
    AttestationOf { fr: "de", en: "of" }
    AttestationCheckLink { fr: "Vérifier une attestation reçue", en: "Check a certificate you were given" }
    DocumentsStatementsHeading { fr: "Relevés de remboursement", en: "Reimbursement statements" }
    DocumentsStatementsLead {
        fr: "Vos relevés mensuels et vos récapitulatifs annuels se trouvent avec vos paiements.",
        en: "Your monthly statements and yearly summaries are with your payments.",
    }
    DocumentsStatementsLink { fr: "Voir mes paiements et mes relevés", en: "See my payments and statements" }
    VerifierIntro {
        fr: "Scannez le code QR d’une attestation de droits avec l’appareil photo d’un téléphone\u{a0}: cette page s’ouvre et le vérifie. Vous pouvez aussi coller ou saisir le code imprimé sous le code QR.",
        en: "Scan the QR code of a certificate with a phone’s camera: this page opens and checks it. You can also paste or type the code printed under the QR code.",
    }
    VerifierPrivacy {
        fr: "La vérification se fait dans votre navigateur, même hors connexion\u{a0}: le code n’est envoyé à personne.",
        en: "The check runs in your browser, even offline: the code is sent to no one.",
    }
    VerifierCodeLabel { fr: "Code de l’attestation", en: "Certificate code" }
    VerifierCodeHint { fr: "Il est imprimé sous le code QR et commence par PA1.", en: "It is printed under the QR code and starts with PA1." }
    VerifierSubmit { fr: "Vérifier", en: "Check" }
    VerifierEmpty { fr: "Collez ou saisissez le code de l’attestation.", en: "Paste or type the certificate code." }
    VerifierAuthentic { fr: "Attestation authentique", en: "Genuine certificate" }
    VerifierAuthenticLead {
        fr: "Ce code a été signé par la caisse. Comparez ces informations avec le document présenté\u{a0}: elles doivent être identiques.",
        en: "This code was signed by the fund. Compare these facts with the document shown to you: they must be the same.",
    }
    VerifierIssuer { fr: "Établie par", en: "Issued by" }
    VerifierIssuedOn { fr: "Établie le", en: "Issued on" }
    VerifierNumber { fr: "Document n°", en: "Document no." }
    VerifierFamilyName { fr: "Nom", en: "Family name" }
    VerifierGivenNames { fr: "Prénoms", en: "Given names" }
    VerifierBirthDate { fr: "Date de naissance", en: "Date of birth" }
    VerifierFundCode { fr: "Code de l’organisme", en: "Fund code" }
    VerifierNoEnd { fr: "sans date de fin", en: "with no end date" }
    VerifierCoveredToday { fr: "Droits ouverts aujourd’hui selon cette attestation.", en: "Cover open today according to this certificate." }
    VerifierNotCoveredToday { fr: "Droits fermés aujourd’hui selon cette attestation.", en: "Cover closed today according to this certificate." }
    VerifierAsOfIssue {
        fr: "Une attestation certifie les droits au jour où elle a été établie\u{a0}: pour une situation récente, demandez-en une du jour.",
        en: "A certificate states the cover on the day it was issued: for a recent situation, ask for one issued today.",
    }
    VerifierKey { fr: "Clé de signature", en: "Signing key" }
    VerifierKeyRetired { fr: "remplacée depuis le", en: "replaced since" }
    VerifierNotAuthentic { fr: "Attestation NON authentique", en: "NOT a genuine certificate" }
    VerifierTampered {
        fr: "Ce code a été modifié après sa signature\u{a0}: ses informations ne sont pas celles que la caisse a certifiées. Ne vous fiez pas à ce document.",
        en: "This code was changed after it was signed: its facts are not those the fund certified. Do not rely on this document.",
    }
    VerifierUnknownSigner {
        fr: "Ce code n’a pas été signé par une clé de la caisse. Ne vous fiez pas à ce document.",
        en: "This code was not signed with one of the fund’s keys. Do not rely on this document.",
    }
    VerifierMalformed {
        fr: "Ce texte n’est pas un code d’attestation complet. Vérifiez qu’il commence par PA1 et qu’il n’y manque rien, ou scannez à nouveau le code QR.",
        en: "This text is not a complete certificate code. Check that it starts with PA1 and that nothing is missing, or scan the QR code again.",
    }
    VerifierNoKeys {
        fr: "Les clés de vérification de la caisse n’ont pas pu être chargées. Connectez-vous à Internet une fois, puis réessayez.",
        en: "The fund’s verification keys could not be loaded. Connect to the Internet once, then try again.",
    }
    VerifierLoadingKeys { fr: "Chargement des clés de vérification de la caisse…", en: "Loading the fund’s verification keys…" }
    RequestsIntro {
        fr: "Déclarez un changement de situation, commandez une carte Vitale et suivez l’avancement de vos demandes.",
        en: "Report a change in your situation, order a Vitale card and follow the progress of your requests.",
    }
    RequestsSignIn { fr: "Connectez-vous pour accéder à vos démarches.", en: "Sign in to see your requests." }
    MessagesIntro {
        fr: "Écrivez à votre caisse et retrouvez toutes ses réponses au même endroit.",
        en: "Write to your fund and find all its answers in one place.",
    }
    MessagesSignIn { fr: "Connectez-vous pour accéder à votre messagerie.", en: "Sign in to see your messages." }

    // ----- Secure messaging: the member's side (/messagerie) -----
    TitleMessageNew { fr: "Nouveau message", en: "New message" }
    TitleMessageThread { fr: "Conversation avec votre caisse", en: "Conversation with your fund" }
    MessagesLoading { fr: "Chargement de vos messages…", en: "Loading your messages…" }
    MessagesWrite { fr: "Écrire un nouveau message", en: "Write a new message" }
    MessagesWriteHint {
        fr: "Votre caisse vous répond ici, et un e-mail vous prévient de chaque réponse sans en dévoiler le contenu.",
        en: "Your fund answers here, and an e-mail tells you of each answer without showing what it says.",
    }
    MessagesDraftWaiting { fr: "Un brouillon de message vous attend.", en: "A draft message is waiting for you." }
    MessagesListHeading { fr: "Vos conversations", en: "Your conversations" }
    MessagesNone { fr: "Vous n’avez pas encore écrit à votre caisse.", en: "You have not written to your fund yet." }
    MessagesOpen { fr: "Ouverte", en: "Open" }
    MessagesClosed { fr: "Fermée", en: "Closed" }
    /// "1 nouveau message" (one unread answer).
    MessagesUnreadOne { fr: "1\u{a0}nouveau message", en: "1 new message" }
    /// After the count: "3 nouveaux messages".
    MessagesUnreadMany { fr: "nouveaux messages", en: "new messages" }
    /// Hidden words after the navigation's badge: "Messagerie 1 message non lu".
    MessagesNavUnreadOne { fr: "message non lu", en: "unread message" }
    MessagesNavUnreadMany { fr: "messages non lus", en: "unread messages" }
    MessagesWaiting { fr: "En attente de la réponse de votre caisse", en: "Waiting for your fund’s answer" }
    MessagesAnsweredOn { fr: "Réponse de votre caisse le", en: "Your fund answered on" }
    MessagesLastOn { fr: "Dernier message le", en: "Last message on" }
    MessagesDraftKept { fr: "Brouillon de réponse en cours", en: "Answer being drafted" }
    MessagesSee { fr: "Lire la conversation", en: "Read the conversation" }
    MessagesRead { fr: "Lire vos messages", en: "Read your messages" }
    MessageTopic { fr: "Thème de votre message", en: "What is your message about?" }
    MessageTopicHint { fr: "Il oriente votre message vers le bon service.", en: "It sends your message to the right team." }
    MessageSubject { fr: "Objet", en: "Subject" }
    MessageSubjectHint { fr: "En quelques mots (120\u{a0}caractères au plus).", en: "In a few words (120 characters at most)." }
    MessageBody { fr: "Votre message", en: "Your message" }
    MessageBodyHint {
        fr: "N’écrivez jamais votre mot de passe ni un code de connexion\u{a0}: votre caisse ne vous les demandera jamais.",
        en: "Never write your password or a sign-in code: your fund will never ask for them.",
    }
    MessageFiles { fr: "Pièces jointes (facultatif)", en: "Attachments (optional)" }
    MessageFilesHint {
        fr: "PDF, JPEG ou PNG, 5\u{a0}Mo au plus par fichier, 5\u{a0}fichiers au plus.",
        en: "PDF, JPEG or PNG, 5 MB at most per file, 5 files at most.",
    }
    MessageSend { fr: "Envoyer le message", en: "Send the message" }
    MessageSending { fr: "Envoi en cours…", en: "Sending…" }
    MessageSaveDraft { fr: "Enregistrer le brouillon", en: "Save as draft" }
    MessageDraftSaved { fr: "Brouillon enregistré le", en: "Draft saved on" }
    MessageDraftFilesNote {
        fr: "Le brouillon garde le texte, pas les pièces jointes.",
        en: "The draft keeps the text, not the attachments.",
    }
    MessageSent {
        fr: "Votre message est envoyé. Votre caisse vous répondra ici\u{a0}; un e-mail vous préviendra.",
        en: "Your message is sent. Your fund will answer here; an e-mail will tell you.",
    }
    MessageBack { fr: "Retour à la messagerie", en: "Back to your messages" }
    MessageFromYou { fr: "Vous", en: "You" }
    MessageFromFund { fr: "Votre caisse", en: "Your fund" }
    MessageReadByFund { fr: "Lu par votre caisse le", en: "Read by your fund on" }
    MessageNotReadYet { fr: "Pas encore lu par votre caisse", en: "Not read by your fund yet" }
    MessageHistory { fr: "Messages", en: "Messages" }
    MessageReplyHeading { fr: "Répondre", en: "Reply" }
    MessageReply { fr: "Votre réponse", en: "Your answer" }
    MessageReplySend { fr: "Envoyer la réponse", en: "Send the answer" }
    MessageReplySent { fr: "Votre réponse est envoyée.", en: "Your answer is sent." }
    MessageClose { fr: "Fermer la conversation", en: "Close the conversation" }
    MessageCloseHint {
        fr: "Fermez-la quand vous n’avez plus de question\u{a0}: vous pourrez la rouvrir pendant 90\u{a0}jours.",
        en: "Close it when you have no more questions: you can reopen it for 90 days.",
    }
    MessageClosedOn { fr: "Conversation fermée le", en: "Conversation closed on" }
    MessageClosedDone { fr: "La conversation est fermée.", en: "The conversation is closed." }
    MessageReopen { fr: "Rouvrir la conversation", en: "Reopen the conversation" }
    MessageReopened { fr: "La conversation est rouverte\u{a0}: vous pouvez écrire.", en: "The conversation is open again: you can write." }
    MessageReopenTooLate {
        fr: "Elle ne peut plus être rouverte\u{a0}: pour une nouvelle question, écrivez un nouveau message.",
        en: "It can no longer be reopened: for a new question, write a new message.",
    }
    MessageNotFound {
        fr: "Cette conversation n’existe pas, ou vous n’y avez pas accès.",
        en: "This conversation does not exist, or you do not have access to it.",
    }

    // ----- Secure messaging: the agents' side (/agent/messages) -----
    AgentMessagesIntro {
        fr: "Les conversations ouvertes des assurés, celles qui attendent une réponse depuis le plus longtemps d’abord.",
        en: "Members’ open conversations, those waiting longest for an answer first.",
    }
    AgentQueueFilters { fr: "Filtres", en: "Filters" }
    AgentQueueTopic { fr: "File", en: "Queue" }
    AgentQueueAllTopics { fr: "Toutes les files", en: "All queues" }
    AgentQueueAssigned { fr: "Attribution", en: "Assignment" }
    AgentQueueAll { fr: "Toutes", en: "All" }
    AgentQueueMine { fr: "Les miennes", en: "Mine" }
    AgentQueueUnassigned { fr: "Non attribuées", en: "Unassigned" }
    AgentQueueWaitingOnly { fr: "Seulement celles qui attendent une réponse", en: "Only those waiting for an answer" }
    AgentQueueCaption { fr: "Conversations ouvertes, les plus anciennes en attente d’abord", en: "Open conversations, longest waiting first" }
    /// After the count: "12 conversations".
    AgentQueueCount { fr: "conversation(s)", en: "conversation(s)" }
    AgentQueueNone { fr: "Aucune conversation ne correspond à ces filtres.", en: "No conversation matches these filters." }
    AgentQueueWaitingSince { fr: "Attend depuis le", en: "Waiting since" }
    AgentQueueAnswered { fr: "Répondu, attend l’assuré", en: "Answered, waiting for the member" }
    AgentQueueSubject { fr: "Objet", en: "Subject" }
    AgentQueueMember { fr: "Assuré", en: "Member" }
    AgentQueueAge { fr: "Attente", en: "Waiting" }
    AgentQueueNobody { fr: "Personne", en: "Nobody" }
    AgentQueueYou { fr: "Vous", en: "You" }
    AgentThreadAssign { fr: "M’attribuer cette conversation", en: "Assign this conversation to me" }
    AgentThreadAssignedTo { fr: "Attribuée à", en: "Assigned to" }
    AgentThreadAssignedDone { fr: "La conversation vous est attribuée.", en: "The conversation is assigned to you." }
    AgentThreadReply { fr: "Réponse à l’assuré", en: "Answer to the member" }
    AgentThreadReplyHint {
        fr: "L’assuré reçoit un e-mail qui lui dit qu’un message l’attend, sans votre réponse.",
        en: "The member gets an e-mail saying a message is waiting, without your answer.",
    }
    AgentThreadSend { fr: "Envoyer la réponse", en: "Send the answer" }
    AgentThreadSent { fr: "Votre réponse est envoyée à l’assuré.", en: "Your answer is sent to the member." }
    AgentThreadNote { fr: "Note interne", en: "Internal note" }
    AgentThreadNoteHint { fr: "Visible des seuls agents, jamais de l’assuré.", en: "Seen by agents only, never by the member." }
    AgentThreadAddNote { fr: "Ajouter la note", en: "Add the note" }
    AgentThreadNoted { fr: "La note interne est ajoutée.", en: "The internal note is added." }
    AgentThreadReadByMember { fr: "Lu par l’assuré le", en: "Read by the member on" }
    AgentThreadNotRead { fr: "Pas encore lu par l’assuré", en: "Not read by the member yet" }
    AgentThreadClosed { fr: "Cette conversation est fermée.", en: "This conversation is closed." }
    AgentThreadBack { fr: "Retour aux messages des assurés", en: "Back to the members’ messages" }
    PreventionIntro {
        fr: "Retrouvez les dépistages, les vaccins et les bilans de santé recommandés pour votre âge.",
        en: "Find the screenings, vaccinations and health check-ups recommended for your age.",
    }
    PreventionSignIn {
        fr: "Connectez-vous pour accéder à vos rendez-vous de prévention.",
        en: "Sign in to see your prevention appointments.",
    }
    AccountIntro {
        fr: "Mettez à jour vos coordonnées, le compte bancaire de vos remboursements et vos préférences de contact.",
        en: "Update your contact details, the bank account for your reimbursements and your contact preferences.",
    }
    AccountSignIn { fr: "Connectez-vous pour accéder à votre compte.", en: "Sign in to see your account." }

    // ----- Sign-in page -----
    LoginIntro {
        fr: "Connectez-vous avec votre numéro de sécurité sociale et votre mot de passe.",
        en: "Sign in with your social security number and your password.",
    }
    NirLabel { fr: "Numéro de sécurité sociale", en: "Social security number" }
    NirHint {
        fr: "15 caractères : 13 chiffres puis la clé de 2 chiffres, comme sur votre carte Vitale. Exemple : 2 69 05 49 588 157 80",
        en: "15 characters: 13 digits then the 2-digit key, as on your Vitale card. Example: 2 69 05 49 588 157 80",
    }
    NirKeyMatches { fr: "La clé correspond au numéro.", en: "The key matches the number." }
    PasswordLabel { fr: "Mot de passe", en: "Password" }
    PasswordRequired { fr: "Saisissez votre mot de passe.", en: "Enter your password." }
    ShowPassword { fr: "Afficher le mot de passe", en: "Show password" }
    ErrorSummaryTitle { fr: "Il y a un problème", en: "There is a problem" }
    /// The submit button while the server checks the NIR and password.
    SigningIn { fr: "Connexion en cours…", en: "Signing in…" }
    /// Link under the password field.
    ForgotPasswordLink { fr: "Mot de passe oublié\u{202f}?", en: "Forgotten your password?" }
    /// Heading of the panel shown after too many failed sign-ins.
    LoginThrottledTitle { fr: "Trop de tentatives de connexion", en: "Too many sign-in attempts" }
    LoginThrottledIntro {
        fr: "Pour protéger votre compte, la connexion est suspendue pendant un moment.",
        en: "To protect your account, signing in is paused for a while.",
    }
    /// Followed by "à 15:42." (or "demain à 15:42.").
    RetryPrefix { fr: "Vous pourrez réessayer", en: "You can try again" }
    ThrottleOptionsIntro { fr: "En attendant, vous pouvez\u{a0}:", en: "Meanwhile, you can:" }
    ThrottleWait { fr: "attendre, puis réessayer à cette heure-là", en: "wait, then try again at that time" }
    ThrottleReset { fr: "réinitialiser votre mot de passe", en: "reset your password" }
    /// Followed by the phone number link and its price.
    ThrottleCall { fr: "appeler le", en: "call" }
    /// On the sign-in pages when a member is already signed in.
    AlreadySignedIn { fr: "Vous êtes déjà connecté.", en: "You are already signed in." }
    GoToMemberHome { fr: "Aller à votre espace", en: "Go to your space" }
    /// Shown on the sign-in page after the second step was refused for lack of a pending login.
    LoginExpired {
        fr: "Votre connexion n’a pas abouti à temps. Recommencez en saisissant votre numéro de sécurité sociale et votre mot de passe.",
        en: "Your sign-in did not finish in time. Start again by entering your social security number and your password.",
    }

    // ----- Second step: the e-mailed code -----
    TitleLoginCode { fr: "Saisir le code reçu par e-mail", en: "Enter the code sent by e-mail" }
    /// Followed by the masked address.
    CodeSentTo { fr: "Nous avons envoyé un code à 6 chiffres à", en: "We have sent a 6-digit code to" }
    /// Followed by the number of minutes.
    CodeValidFor { fr: "Il est valable", en: "It is valid for" }
    MinuteOne { fr: "minute", en: "minute" }
    MinuteMany { fr: "minutes", en: "minutes" }
    CodeLabel { fr: "Code reçu par e-mail", en: "Code received by e-mail" }
    CodeHint { fr: "6 chiffres, par exemple 123456", en: "6 digits, for example 123456" }
    CodeRequired { fr: "Saisissez le code reçu par e-mail.", en: "Enter the code you received by e-mail." }
    CodeMalformed {
        fr: "Le code compte 6 chiffres\u{a0}: recopiez-le depuis l’e-mail reçu.",
        en: "The code has 6 digits: copy it from the e-mail you received.",
    }
    CodeSubmit { fr: "Valider le code", en: "Confirm the code" }
    CodeChecking { fr: "Vérification en cours…", en: "Checking…" }
    CodeNotReceived {
        fr: "Rien reçu\u{202f}? Vérifiez vos courriers indésirables, ou demandez un nouveau code.",
        en: "Nothing received? Check your spam folder, or ask for a new code.",
    }
    CodeResend { fr: "Recevoir un nouveau code", en: "Get a new code" }
    CodeResending { fr: "Envoi d’un nouveau code…", en: "Sending a new code…" }
    CodeResent { fr: "Un nouveau code a été envoyé.", en: "A new code has been sent." }
    /// Followed by "à 15:42.".
    CodeResendRetryPrefix { fr: "Vous pourrez demander un nouveau code", en: "You can ask for a new code" }
    CodeBackToLogin { fr: "Se connecter avec un autre numéro", en: "Sign in with another number" }
    CodeNoPendingTitle { fr: "Aucune connexion en cours", en: "No sign-in in progress" }
    CodeNoPendingText {
        fr: "Pour recevoir un code, commencez par saisir votre numéro de sécurité sociale et votre mot de passe.",
        en: "To receive a code, start by entering your social security number and your password.",
    }
    /// Followed by a link to the demo outbox.
    DemoCodeHint {
        fr: "Démo\u{a0}: les e-mails ne partent pas, lisez-les dans la",
        en: "Demo: e-mails are not sent, read them in the",
    }
    DemoCodeHintLink { fr: "boîte d’envoi de démonstration", en: "demonstration outbox" }

    // ----- Creating an account (activation) -----
    TitleCreateAccount { fr: "Créer mon compte", en: "Create my account" }
    CreateAccountLead {
        fr: "Pour protéger votre compte, nous vous envoyons un code d’activation par courrier, à l’adresse que votre caisse connaît. Il arrive sous 3 à 5 jours ouvrés.",
        en: "To protect your account, we post you an activation code, to the address your fund has on file. It arrives within 3 to 5 working days.",
    }
    CreateAccountNeeds {
        fr: "Votre numéro de sécurité sociale est inscrit sur votre carte Vitale et sur votre attestation de droits.",
        en: "Your social security number is printed on your Vitale card and on your certificate of entitlement.",
    }
    EmailLabel { fr: "Adresse e-mail", en: "E-mail address" }
    EmailHint {
        fr: "Nous y enverrons un code pour la confirmer, puis vos codes de connexion.",
        en: "We will send a code there to confirm it, then your sign-in codes.",
    }
    CreateAccountSubmit { fr: "Recevoir mon code par courrier", en: "Get my code by post" }
    CreateAccountSending { fr: "Envoi de la demande…", en: "Sending your request…" }
    LetterSentTitle { fr: "Votre courrier est en route", en: "Your letter is on its way" }
    /// Followed by the postal code and town.
    LetterSentTo {
        fr: "Il arrivera sous 3 à 5 jours ouvrés à votre adresse, à",
        en: "It will arrive within 3 to 5 working days at your address, in",
    }
    /// Followed by a date.
    LetterValidUntil { fr: "Le code qu’il contient est valable jusqu’au", en: "The code it contains is valid until" }
    LetterWrongAddress {
        fr: "Vous avez déménagé\u{a0}? Le courrier part à l’adresse que votre caisse connaît\u{a0}: appelez le 36 46 pour la mettre à jour.",
        en: "Have you moved? The letter goes to the address your fund has on file: call 36 46 to update it.",
    }
    LetterReceived { fr: "J’ai reçu mon courrier", en: "I have received my letter" }
    HaveLetterAlready { fr: "Vous avez déjà reçu votre courrier\u{a0}?", en: "Already received your letter?" }
    EnterLetterCode { fr: "Saisir le code du courrier", en: "Enter the code from the letter" }
    DemoLetterHint {
        fr: "Démo\u{a0}: aucun courrier ne part vraiment, lisez-le dans la",
        en: "Demo: no letter is really posted, read it in the",
    }
    TitleActivateAccount { fr: "Saisir le code reçu par courrier", en: "Enter the code received by post" }
    ActivateLead {
        fr: "Saisissez votre numéro de sécurité sociale et le code imprimé sur le courrier, puis choisissez votre mot de passe.",
        en: "Enter your social security number and the code printed on the letter, then choose your password.",
    }
    LetterCodeLabel { fr: "Code d’activation", en: "Activation code" }
    LetterCodeHint { fr: "10 lettres et chiffres, par exemple 7KQ4M-T9XWP", en: "10 letters and digits, for example 7KQ4M-T9XWP" }
    LetterCodeRequired { fr: "Saisissez le code reçu par courrier.", en: "Enter the code you received by post." }
    LetterCodeMalformed {
        fr: "Le code compte 10 lettres et chiffres\u{a0}: recopiez-le depuis le courrier.",
        en: "The code has 10 letters and digits: copy it from the letter.",
    }
    ActivateSubmit { fr: "Créer mon compte", en: "Create my account" }
    ActivateSending { fr: "Création du compte…", en: "Creating your account…" }
    NoLetterYet { fr: "Pas encore de courrier, ou code expiré\u{a0}?", en: "No letter yet, or the code has expired?" }
    AskForLetter { fr: "Demander un courrier", en: "Ask for a letter" }
    /// On the code page while creating an account; followed by the masked address.
    ConfirmCodeSentTo {
        fr: "Dernière étape\u{a0}: pour vérifier que cette adresse est bien la vôtre, nous avons envoyé un code à 6 chiffres à",
        en: "Last step: to check that this address is yours, we have sent a 6-digit code to",
    }
    AccountOpened { fr: "Votre compte est ouvert. Bienvenue\u{202f}!", en: "Your account is open. Welcome!" }
    NoAccountYet { fr: "Pas encore de compte\u{a0}?", en: "No account yet?" }
    ForgotNirLink { fr: "Numéro de sécurité sociale oublié\u{202f}?", en: "Forgotten your social security number?" }

    // ----- Second factor by app, at sign-in -----
    TitleAppCode { fr: "Saisir le code de votre application", en: "Enter the code from your app" }
    AppCodeLead {
        fr: "Ouvrez votre application d’authentification et saisissez le code à 6 chiffres qu’elle affiche pour Portail.",
        en: "Open your authenticator app and enter the 6-digit code it shows for Portail.",
    }
    AppCodeLabel { fr: "Code de l’application", en: "Code from the app" }
    AppCodeHint {
        fr: "6 chiffres, ou l’un de vos codes de secours (par exemple 7KQ4M-T9XWP)",
        en: "6 digits, or one of your recovery codes (for example 7KQ4M-T9XWP)",
    }
    AppCodeMalformed {
        fr: "Saisissez les 6 chiffres affichés par l’application, ou un code de secours de 10 lettres et chiffres.",
        en: "Enter the 6 digits the app shows, or a recovery code of 10 letters and digits.",
    }
    AppCodeLostPhone {
        fr: "Plus de téléphone\u{a0}? Saisissez l’un de vos codes de secours à la place, ou appelez le 36 46.",
        en: "Lost your phone? Enter one of your recovery codes instead, or call 36 46.",
    }

    // ----- Account: security -----
    AccountSecurityHeading { fr: "Sécurité de la connexion", en: "Sign-in security" }
    FactorEmailNow {
        fr: "À chaque connexion, un code à 6 chiffres vous est envoyé par e-mail.",
        en: "At each sign-in, a 6-digit code is sent to you by e-mail.",
    }
    FactorAppNow {
        fr: "À chaque connexion, vous saisissez le code de votre application d’authentification.",
        en: "At each sign-in, you enter the code from your authenticator app.",
    }
    /// Followed by a number.
    RecoveryCodesLeft { fr: "Codes de secours restants\u{a0}:", en: "Recovery codes left:" }
    UseAppButton { fr: "Utiliser une application d’authentification", en: "Use an authenticator app" }
    UseEmailButton { fr: "Recevoir mes codes par e-mail à la place", en: "Get my codes by e-mail instead" }
    UsingEmailAgain { fr: "Vos codes de connexion arrivent de nouveau par e-mail.", en: "Your sign-in codes come by e-mail again." }
    StepUpHeading { fr: "Confirmez votre mot de passe", en: "Confirm your password" }
    StepUpText {
        fr: "Pour protéger votre compte, saisissez à nouveau votre mot de passe avant cette modification.",
        en: "To protect your account, enter your password again before this change.",
    }
    CurrentPasswordLabel { fr: "Mot de passe actuel", en: "Current password" }
    StepUpSubmit { fr: "Confirmer", en: "Confirm" }
    StepUpChecking { fr: "Vérification…", en: "Checking…" }
    Cancel { fr: "Annuler", en: "Cancel" }
    ScanHeading { fr: "Installer l’application", en: "Set up the app" }
    ScanStepInstall {
        fr: "Installez sur votre téléphone une application d’authentification (par exemple FreeOTP, Aegis ou celle de votre téléphone).",
        en: "Install an authenticator app on your phone (for example FreeOTP, Aegis or your phone’s own).",
    }
    ScanStepScan { fr: "Dans l’application, scannez ce QR code.", en: "In the app, scan this QR code." }
    ScanQrLabel { fr: "QR code à scanner avec l’application d’authentification", en: "QR code to scan with the authenticator app" }
    /// Followed by the secret key.
    ScanStepKey { fr: "Ou saisissez cette clé à la main\u{a0}:", en: "Or type this key by hand:" }
    ScanStepCode { fr: "Saisissez le code à 6 chiffres que l’application affiche.", en: "Enter the 6-digit code the app shows." }
    ScanSubmit { fr: "Activer l’application", en: "Turn on the app" }
    ScanChecking { fr: "Vérification du code…", en: "Checking the code…" }
    RecoveryHeading { fr: "Vos codes de secours", en: "Your recovery codes" }
    RecoveryText {
        fr: "Si vous perdez votre téléphone, chacun de ces codes vous permet de vous connecter une fois. Notez-les sur papier et rangez-les en lieu sûr\u{a0}: ils ne seront plus affichés.",
        en: "If you lose your phone, each of these codes lets you sign in once. Write them down on paper and keep them somewhere safe: they will not be shown again.",
    }
    RecoveryDone { fr: "J’ai noté mes codes", en: "I have written down my codes" }
    AppTurnedOn { fr: "L’application d’authentification est activée.", en: "The authenticator app is turned on." }

    // ----- Account: e-mail address and password -----
    AccountEmailHeading { fr: "Adresse e-mail", en: "E-mail address" }
    /// Followed by the address.
    AccountEmailNow { fr: "Vos codes et les messages de sécurité sont envoyés à", en: "Your codes and security messages are sent to" }
    ChangeEmailButton { fr: "Changer d’adresse e-mail", en: "Change my e-mail address" }
    NewEmailLabel { fr: "Nouvelle adresse e-mail", en: "New e-mail address" }
    NewEmailSubmit { fr: "Envoyer un code à cette adresse", en: "Send a code to this address" }
    NewEmailSending { fr: "Envoi du code…", en: "Sending the code…" }
    /// Followed by the new address.
    EmailPendingText { fr: "Un code de confirmation a été envoyé à", en: "A confirmation code was sent to" }
    EmailCodeLabel { fr: "Code reçu à la nouvelle adresse", en: "Code received at the new address" }
    EmailCodeSubmit { fr: "Confirmer la nouvelle adresse", en: "Confirm the new address" }
    EmailChanged { fr: "Votre adresse e-mail a été changée.", en: "Your e-mail address was changed." }
    AccountPasswordHeading { fr: "Mot de passe", en: "Password" }
    AccountPasswordText {
        fr: "Changer de mot de passe déconnecte vos autres appareils.",
        en: "Changing your password signs your other devices out.",
    }
    ChangePasswordButton { fr: "Changer de mot de passe", en: "Change my password" }
    PasswordSaved { fr: "Votre mot de passe a été changé. Vos autres appareils ont été déconnectés.", en: "Your password was changed. Your other devices were signed out." }

    // ----- Account: mobile number -----
    MobileHeading { fr: "Téléphone mobile", en: "Mobile phone" }
    /// Followed by the number.
    MobileNow { fr: "Les alertes de sécurité vous sont aussi envoyées par SMS au", en: "Security alerts are also sent to you by text message at" }
    MobileNone {
        fr: "Donnez un numéro de mobile pour recevoir aussi les alertes de sécurité par SMS (jamais de publicité).",
        en: "Give a mobile number to also get security alerts by text message (never advertising).",
    }
    MobileUnavailable { fr: "Votre caisse n’envoie pas de SMS.", en: "Your fund does not send text messages." }
    MobileAddButton { fr: "Ajouter mon numéro de mobile", en: "Add my mobile number" }
    MobileChangeButton { fr: "Changer de numéro", en: "Change my number" }
    MobileRemoveButton { fr: "Supprimer mon numéro", en: "Remove my number" }
    MobileLabel { fr: "Numéro de mobile", en: "Mobile number" }
    MobileHint { fr: "10 chiffres, par exemple 06 12 34 56 78", en: "10 digits, for example 06 12 34 56 78" }
    MobileSubmit { fr: "Recevoir un code par SMS", en: "Get a code by text message" }
    /// Followed by the number.
    MobilePendingText { fr: "Un code a été envoyé par SMS au", en: "A code was sent by text message to" }
    MobileCodeLabel { fr: "Code reçu par SMS", en: "Code received by text message" }
    MobileCodeSubmit { fr: "Confirmer le numéro", en: "Confirm the number" }
    MobileConfirmed { fr: "Votre numéro de mobile est enregistré.", en: "Your mobile number is saved." }
    MobileRemoved { fr: "Votre numéro de mobile a été supprimé.", en: "Your mobile number was removed." }
    OutboxSms { fr: "SMS", en: "Text message" }

    // ----- Account: devices -----
    DevicesHeading { fr: "Appareils connectés", en: "Signed-in devices" }
    DevicesLead {
        fr: "Voici les appareils connectés à votre compte. Si vous n’en reconnaissez pas un, déconnectez-le et changez votre mot de passe.",
        en: "These devices are signed in to your account. If you do not recognise one, sign it out and change your password.",
    }
    DeviceUnknownBrowser { fr: "Navigateur inconnu", en: "Unknown browser" }
    /// Between a browser and a system: "Firefox sur Windows".
    DeviceOn { fr: "sur", en: "on" }
    DeviceThisOne { fr: "Cet appareil", en: "This device" }
    DeviceNetworkLoopback { fr: "Cet ordinateur", en: "This computer" }
    DeviceNetworkPrivate { fr: "Réseau local", en: "Local network" }
    /// Followed by an address prefix.
    DeviceNetworkPublic { fr: "Réseau", en: "Network" }
    DeviceSignedIn { fr: "Connecté le", en: "Signed in on" }
    DeviceLastSeen { fr: "Dernière activité le", en: "Last active on" }
    DeviceEnd { fr: "Déconnecter cet appareil", en: "Sign this device out" }
    DeviceEnded { fr: "L’appareil a été déconnecté.", en: "The device was signed out." }
    AccountLead {
        fr: "Votre adresse postale, le compte de vos remboursements et la sécurité de votre compte.",
        en: "Your postal address, the account for your reimbursements and your account’s security.",
    }
    Loading { fr: "Chargement…", en: "Loading…" }

    // ----- "This was not me" -----
    TitleNotMe { fr: "Sécuriser mon compte", en: "Secure my account" }
    NotMeLead {
        fr: "Vous avez reçu un message de sécurité pour une action que vous n’avez pas faite\u{a0}? Nous allons déconnecter tous les appareils connectés à votre compte et vous envoyer un e-mail pour choisir un nouveau mot de passe.",
        en: "Did you get a security message about something you did not do? We will sign out every device signed in to your account and e-mail you a link to choose a new password.",
    }
    NotMeSubmit { fr: "Déconnecter tout et changer de mot de passe", en: "Sign out everywhere and change my password" }
    NotMeSending { fr: "Sécurisation…", en: "Securing…" }
    NotMeDoneTitle { fr: "Votre compte est protégé", en: "Your account is protected" }
    NotMeDoneText {
        fr: "Tous les appareils ont été déconnectés. Ouvrez l’e-mail que nous venons de vous envoyer pour choisir un nouveau mot de passe. Si vous n’avez plus accès à votre messagerie, appelez le 36 46.",
        en: "Every device was signed out. Open the e-mail we have just sent you to choose a new password. If you can no longer read your e-mail, call 36 46.",
    }
    NotMeInvalidTitle { fr: "Ce lien ne fonctionne plus", en: "This link no longer works" }

    // ----- Forgotten NIR -----
    TitleForgotNir { fr: "Retrouver mon numéro de sécurité sociale", en: "Find my social security number" }
    ForgotNirLead {
        fr: "Votre numéro de sécurité sociale compte 15 chiffres. Il commence par 1 pour un homme ou 2 pour une femme, suivi de l’année et du mois de naissance.",
        en: "Your social security number has 15 digits. It starts with 1 for a man or 2 for a woman, followed by the year and month of birth.",
    }
    ForgotNirWhereHeading { fr: "Où le trouver", en: "Where to find it" }
    ForgotNirVitale { fr: "Sur votre carte Vitale, sous votre nom.", en: "On your Vitale card, under your name." }
    ForgotNirAttestation {
        fr: "Sur votre attestation de droits, ou sur un relevé de remboursements.",
        en: "On your certificate of entitlement, or on a reimbursement statement.",
    }
    ForgotNirPayslip { fr: "Sur vos bulletins de salaire.", en: "On your payslips." }
    ForgotNirChildren {
        fr: "Les enfants de moins de 16 ans n’ont pas de compte\u{a0}: leurs remboursements apparaissent dans le compte de leur parent.",
        en: "Children under 16 have no account: their reimbursements appear in their parent’s account.",
    }
    ForgotNirCallHeading { fr: "Vous ne le trouvez pas\u{a0}?", en: "Cannot find it?" }
    ForgotNirCall {
        fr: "Appelez votre caisse\u{a0}: un conseiller vérifiera votre identité et vous aidera.",
        en: "Call your fund: an adviser will check your identity and help you.",
    }

    // ----- Forgotten password -----
    TitleForgotPassword { fr: "Mot de passe oublié", en: "Forgotten password" }
    ForgotPasswordLead {
        fr: "Indiquez votre numéro de sécurité sociale et votre date de naissance. S’ils correspondent à un compte, nous vous enverrons par e-mail un lien pour choisir un nouveau mot de passe.",
        en: "Enter your social security number and your date of birth. If they match an account, we will e-mail you a link to choose a new password.",
    }
    BirthDateLabel { fr: "Date de naissance", en: "Date of birth" }
    BirthDateHint { fr: "Par exemple 14/05/1991", en: "For example 14/05/1991" }
    /// The three boxes of a date, GOV.UK style.
    DateDay { fr: "Jour", en: "Day" }
    DateMonth { fr: "Mois", en: "Month" }
    DateYear { fr: "Année", en: "Year" }
    BirthDateRequired { fr: "Saisissez votre date de naissance.", en: "Enter your date of birth." }
    BirthDateIncomplete {
        fr: "Saisissez le jour, le mois et l’année de votre date de naissance.",
        en: "Enter the day, month and year of your date of birth.",
    }
    BirthDateNotReal {
        fr: "Saisissez une date réelle, avec l’année sur 4 chiffres, par exemple 14 05 1991.",
        en: "Enter a real date, with a 4-digit year, for example 14 05 1991.",
    }
    BirthDateFuture {
        fr: "La date de naissance doit être dans le passé.",
        en: "Your date of birth must be in the past.",
    }
    ForgotSubmit { fr: "Recevoir le lien par e-mail", en: "Get the link by e-mail" }
    ForgotSending { fr: "Envoi en cours…", en: "Sending…" }
    ForgotSentTitle { fr: "Consultez votre messagerie", en: "Check your e-mail" }
    ForgotSentText {
        fr: "Si ces informations correspondent à un compte, nous venons d’envoyer un e-mail avec un lien valable 30 minutes. Pensez à regarder dans les courriers indésirables.",
        en: "If these details match an account, we have just sent an e-mail with a link valid for 30 minutes. Remember to look in your spam folder.",
    }
    ForgotNirHeading { fr: "Numéro de sécurité sociale oublié\u{202f}?", en: "Forgotten your social security number?" }
    ForgotCallHeading {
        fr: "Pas d’adresse e-mail, ou plus accès à votre messagerie\u{202f}?",
        en: "No e-mail address, or no access to your mailbox?",
    }
    ForgotPasswordCall {
        fr: "Appelez votre caisse\u{a0}: un conseiller vérifiera votre identité et vous aidera à retrouver l’accès à votre compte.",
        en: "Call your fund: an adviser will check your identity and help you get back into your account.",
    }
    BackToSignIn { fr: "Revenir à la connexion", en: "Back to sign in" }

    // ----- New password, from the e-mailed link -----
    TitleNewPassword { fr: "Choisir un nouveau mot de passe", en: "Choose a new password" }
    NewPasswordLabel { fr: "Nouveau mot de passe", en: "New password" }
    PasswordRulesIntro { fr: "Pour un mot de passe sûr\u{a0}:", en: "For a safe password:" }
    PasswordRuleLength {
        fr: "au moins 12 caractères, tous permis, espaces compris",
        en: "at least 12 characters, any characters, spaces included",
    }
    PasswordRulePhrase {
        fr: "une phrase de plusieurs mots est le plus sûr, et facile à retenir",
        en: "a phrase of several words is safest, and easy to remember",
    }
    PasswordRulePersonal {
        fr: "ni votre nom, ni votre date de naissance, ni votre numéro de sécurité sociale, ni le nom du site",
        en: "not your name, your date of birth, your social security number or the site’s name",
    }
    NewPasswordRequired { fr: "Choisissez un nouveau mot de passe.", en: "Choose a new password." }
    /// Label of the length meter.
    StrengthLabel { fr: "Solidité selon la longueur", en: "Strength by length" }
    StrengthNone { fr: "rien de saisi", en: "nothing typed yet" }
    StrengthTooShort { fr: "trop court", en: "too short" }
    StrengthFair { fr: "suffisant", en: "sufficient" }
    StrengthGood { fr: "bon", en: "good" }
    StrengthVeryGood { fr: "très bon", en: "very good" }
    NewPasswordSubmit { fr: "Enregistrer le mot de passe", en: "Save the password" }
    NewPasswordSaving { fr: "Enregistrement…", en: "Saving…" }
    /// Flash on the sign-in page after a reset.
    PasswordChanged {
        fr: "Votre mot de passe a été changé. Connectez-vous avec votre nouveau mot de passe\u{a0}; vos autres connexions ont été fermées.",
        en: "Your password has been changed. Sign in with your new password; your other sessions have been closed.",
    }
    ResetLinkInvalidTitle { fr: "Ce lien n’est plus valable", en: "This link is no longer valid" }
    ResetLinkInvalidText {
        fr: "Le lien a peut-être expiré (il est valable 30 minutes), a déjà servi, ou a été mal copié. Demandez un nouveau lien\u{a0}: nous vous l’enverrons par e-mail.",
        en: "The link may have expired (it is valid for 30 minutes), already been used, or been copied incompletely. Ask for a new link: we will send it by e-mail.",
    }
    ResetLinkAskAgain { fr: "Demander un nouveau lien", en: "Ask for a new link" }

    // ----- Signed-in member -----
    /// Header button, always visible when signed in.
    SignOut { fr: "Se déconnecter", en: "Sign out" }
    SigningOut { fr: "Déconnexion…", en: "Signing out…" }
    /// Confirmation after signing out, on the home page.
    SignedOut { fr: "Vous êtes déconnecté.", en: "You are signed out." }
    SignOutFailed {
        fr: "La déconnexion n’a pas abouti. Vérifiez votre connexion à Internet, puis réessayez.",
        en: "Signing out did not work. Check your internet connection, then try again.",
    }
    /// Read before the member's name in the header.
    SignedInAs { fr: "Connecté au compte de", en: "Signed in as" }
    /// Followed by the given name: "Bonjour Camille".
    Hello { fr: "Bonjour", en: "Hello" }
    MemberHomeLead {
        fr: "Bienvenue dans votre espace. Que souhaitez-vous faire aujourd’hui\u{202f}?",
        en: "Welcome to your space. What would you like to do today?",
    }
    /// Followed by the masked NIR.
    MaskedNirLabel { fr: "Numéro de sécurité sociale\u{a0}:", en: "Social security number:" }
    MemberHomeAreasHeading { fr: "Vos rubriques", en: "Your areas" }
    FeatureAccountTitle { fr: "Gérer votre compte", en: "Manage your account" }
    FeatureAccountText {
        fr: "Vos coordonnées, votre compte bancaire et vos préférences de contact.",
        en: "Your contact details, your bank account and your contact preferences.",
    }
    /// Title of the warning shown one minute before an idle session ends.
    SessionWarningTitle {
        fr: "Votre session va bientôt se terminer",
        en: "Your session is about to end",
    }
    SessionWarningText {
        fr: "Sans action de votre part, vous serez déconnecté dans 1 minute pour protéger vos données.",
        en: "If you do nothing, you will be signed out in 1 minute to protect your data.",
    }
    /// Keeps the session open (and closes the warning).
    SessionStay { fr: "Rester connecté", en: "Stay signed in" }
    SessionStaying { fr: "Prolongation…", en: "Extending…" }
    /// Flash on the sign-in page once an idle session has ended.
    SessionIdleEnded {
        fr: "Votre session a pris fin après 20 minutes sans activité. Reconnectez-vous pour continuer.",
        en: "Your session ended after 20 minutes without activity. Sign in again to continue.",
    }
    /// Flash on the sign-in page when the server no longer knows the session (ended in another
    /// tab, after a password change, or idle while the computer slept).
    SessionEnded {
        fr: "Votre session a pris fin. Reconnectez-vous pour continuer.",
        en: "Your session has ended. Sign in again to continue.",
    }
    /// While the app asks the server who is signed in.
    SessionLoading { fr: "Chargement de votre espace…", en: "Loading your space…" }
    ComingSoonHeading { fr: "Bientôt disponible", en: "Coming soon" }
    ComingSoonText {
        fr: "Cette rubrique arrive dans une prochaine version.",
        en: "This section is coming in a future version.",
    }
    ComingSoonHelp {
        fr: "En attendant, pour toute question sur votre dossier, appelez votre caisse.",
        en: "In the meantime, for any question about your file, call your fund.",
    }

    // ----- Demo outbox -----
    TitleDemoOutbox { fr: "Boîte d’envoi de démonstration", en: "Demonstration outbox" }
    OutboxLead {
        fr: "Dans un vrai déploiement, ces e-mails partent dans la boîte de réception des assurés et les courriers sont imprimés et postés. En démonstration, ils restent ici, du plus récent au plus ancien, pour que vous puissiez suivre chaque parcours.",
        en: "In a real deployment, these e-mails go to the members' mailboxes and the letters are printed and posted. In the demonstration, they stay here, newest first, so you can follow every journey.",
    }
    OutboxRefresh { fr: "Actualiser", en: "Refresh" }
    OutboxRefreshing { fr: "Actualisation…", en: "Refreshing…" }
    OutboxLoading { fr: "Chargement des e-mails…", en: "Loading e-mails…" }
    OutboxEmpty {
        fr: "Aucun e-mail pour l’instant. Connectez-vous avec un compte de démonstration pour en recevoir un.",
        en: "No e-mail yet. Sign in with a demonstration account to receive one.",
    }
    OutboxCountOne { fr: "1 message, du plus récent au plus ancien.", en: "1 message, newest first." }
    /// Follows the number of e-mails and letters.
    OutboxCountMany { fr: "messages, du plus récent au plus ancien.", en: "messages, newest first." }
    OutboxLetter { fr: "Courrier postal", en: "Postal letter" }
    OutboxEmail { fr: "E-mail", en: "E-mail" }
    OutboxPdf { fr: "Ouvrir le courrier imprimable (PDF)", en: "Open the printable letter (PDF)" }
    OutboxRecipient { fr: "Destinataire", en: "Recipient" }
    OutboxDate { fr: "Date", en: "Date" }

    // ----- Dates, as "26 novembre 2026 à 15:42" -----
    DateAt { fr: "à", en: "at" }
    DateOn { fr: "le", en: "on" }
    DateTomorrow { fr: "demain", en: "tomorrow" }
    MonthJanuary { fr: "janvier", en: "January" }
    MonthFebruary { fr: "février", en: "February" }
    MonthMarch { fr: "mars", en: "March" }
    MonthApril { fr: "avril", en: "April" }
    MonthMay { fr: "mai", en: "May" }
    MonthJune { fr: "juin", en: "June" }
    MonthJuly { fr: "juillet", en: "July" }
    MonthAugust { fr: "août", en: "August" }
    MonthSeptember { fr: "septembre", en: "September" }
    MonthOctober { fr: "octobre", en: "October" }
    MonthNovember { fr: "novembre", en: "November" }
    MonthDecember { fr: "décembre", en: "December" }

    // ----- Help page -----
    HelpLead {
        fr: "Les réponses aux questions les plus fréquentes sur le portail.",
        en: "Answers to the most frequent questions about the portal.",
    }
    HelpNirHeading {
        fr: "Où trouver votre numéro de sécurité sociale ?",
        en: "Where can I find my social security number?",
    }
    HelpNirText {
        fr: "Votre numéro de sécurité sociale compte 15 caractères : 13 chiffres qui vous identifient, puis une clé de contrôle de 2 chiffres.",
        en: "Your social security number has 15 characters: 13 digits that identify you, then a 2-digit check key.",
    }
    HelpNirWhere {
        fr: "Il est inscrit sur votre carte Vitale et sur votre attestation de droits. Il figure aussi sur vos relevés de remboursement.",
        en: "It is printed on your Vitale card and on your certificate of entitlement. It also appears on your reimbursement statements.",
    }
    HelpNirCorsica {
        fr: "Si vous êtes né en Corse, votre numéro contient la lettre A ou B : saisissez-la comme elle est écrite.",
        en: "If you were born in Corsica, your number contains the letter A or B: type it as it is written.",
    }
    HelpPhoneHeading { fr: "Nous appeler", en: "Call us" }
    HelpPhoneText {
        fr: "Gardez votre numéro de sécurité sociale sous la main : le conseiller vous le demandera.",
        en: "Keep your social security number to hand: the adviser will ask for it.",
    }
    HelpFraudHeading { fr: "Méfiez-vous des messages frauduleux", en: "Beware of fraudulent messages" }
    HelpFraudNever {
        fr: "Votre caisse ne vous demande jamais votre mot de passe ni vos coordonnées bancaires par e-mail, par SMS ou par téléphone.",
        en: "Your fund never asks for your password or your bank details by e-mail, text message or phone.",
    }
    HelpFraudWhatToDo {
        fr: "Si vous recevez un tel message, ne répondez pas, ne cliquez sur aucun lien et supprimez-le. Vous pouvez signaler un SMS frauduleux en le transférant au 33700.",
        en: "If you receive such a message, do not reply, do not click any link, and delete it. You can report a fraudulent text message by forwarding it to 33700.",
    }
    HelpFraudAddress {
        fr: "Pour vous connecter, tapez vous-même l’adresse du portail dans votre navigateur.",
        en: "To sign in, type the portal's address into your browser yourself.",
    }
    HelpAccessibilityHeading { fr: "Une difficulté pour utiliser le portail ?", en: "Trouble using the portal?" }
    HelpAccessibilityLink { fr: "Lire la déclaration d’accessibilité", en: "Read the accessibility statement" }
    HelpSearchLabel { fr: "Rechercher dans l’aide", en: "Search the help" }
    HelpSearchHint { fr: "Par exemple\u{a0}: mot de passe, code, carte Vitale, attestation.", en: "For example: password, code, Vitale card, certificate." }
    HelpSearchCount { fr: "réponse(s) à votre recherche", en: "answer(s) to your search" }
    HelpSearchNone {
        fr: "Aucune réponse ne correspond. Essayez un autre mot, ou appelez le 36 46\u{a0}: un conseiller vous aidera.",
        en: "No answer matches. Try another word, or call 36 46: an adviser will help you.",
    }
    HelpContents { fr: "Les sujets", en: "Topics" }
    HelpLoginHeading { fr: "Je n’arrive pas à me connecter", en: "I cannot sign in" }
    HelpLoginKey {
        fr: "Numéro refusé\u{a0}: les 2 derniers chiffres sont une clé de contrôle. Si la page dit que la clé ne correspond pas, un chiffre a été mal saisi\u{a0}: comparez avec votre carte Vitale.",
        en: "Number refused: the last 2 digits are a check key. If the page says the key does not match, a digit was mistyped: compare with your Vitale card.",
    }
    HelpLoginPassword {
        fr: "Mot de passe oublié\u{a0}: choisissez «\u{a0}Mot de passe oublié\u{a0}?\u{a0}» sur la page de connexion. Vous recevez par e-mail un lien valable 30 minutes pour en choisir un nouveau.",
        en: "Forgotten password: choose “Forgotten password?” on the sign-in page. You receive by e-mail a link valid 30 minutes to choose a new one.",
    }
    HelpLoginLocked {
        fr: "Compte bloqué\u{a0}: après plusieurs mots de passe erronés, la page vous fait patienter et indique jusqu’à quelle heure. Attendez, ou choisissez un nouveau mot de passe.",
        en: "Account locked: after several wrong passwords the page makes you wait and says until what time. Wait, or choose a new password.",
    }
    HelpLoginCode {
        fr: "Code reçu par e-mail\u{a0}: à chaque connexion, un code à 6 chiffres vous est envoyé. Regardez dans les courriers indésirables, ou demandez un nouveau code depuis la page.",
        en: "Code received by e-mail: at each sign-in a 6-digit code is sent to you. Look in your junk mail, or ask for a new code from the page.",
    }
    HelpLoginBrowser {
        fr: "La page ne s’affiche pas bien\u{a0}: rechargez-la, videz le cache de votre navigateur, essayez un autre navigateur ou désactivez les extensions (bloqueurs de publicité).",
        en: "The page does not display properly: reload it, clear your browser’s cache, try another browser or turn off extensions (ad blockers).",
    }
    HelpLetterHeading { fr: "Je n’ai pas reçu mon code par courrier", en: "My code has not arrived by post" }
    HelpLetterText {
        fr: "Le code de création de compte est envoyé à l’adresse postale que connaît votre caisse, sous 3 à 5 jours ouvrés, et reste valable 30 jours. Vous pouvez en demander un nouveau une fois par jour\u{a0}: il remplace le précédent. Si vous avez déménagé, appelez le 36 46.",
        en: "The account creation code is posted to the address your fund has on file, within 3 to 5 working days, and stays valid 30 days. You can ask for a new one once a day: it replaces the previous one. If you have moved, call 36 46.",
    }
    HelpUnknownHeading { fr: "Mon numéro n’est pas reconnu", en: "My number is not recognised" }
    HelpUnknownText {
        fr: "Vous êtes peut-être couvert par un autre régime (MSA pour les métiers agricoles, un régime spécial comme la SNCF ou les militaires) ou par une autre caisse après un déménagement. Le compte s’ouvre auprès de la caisse qui vous couvre\u{a0}; en cas de doute, appelez le 36 46.",
        en: "You may be covered by another scheme (MSA for farming jobs, a special scheme such as the SNCF or the armed forces) or by another fund after a move. The account is opened with the fund that covers you; if in doubt, call 36 46.",
    }
    HelpAttestationHeading { fr: "Vérifier une attestation de droits", en: "Check a certificate of entitlement" }
    HelpAttestationText {
        fr: "Chaque attestation porte un code QR. Scannez-le avec l’appareil photo d’un téléphone, ou saisissez le code imprimé dessous sur la page de vérification\u{a0}: elle dit si l’attestation est authentique et ce qu’elle certifie.",
        en: "Every certificate carries a QR code. Scan it with a phone’s camera, or type the code printed under it on the verification page: it says whether the certificate is genuine and what it certifies.",
    }
    HelpReachHeading { fr: "Joindre une personne", en: "Reach a person" }
    HelpReachText {
        fr: "Par téléphone au 36 46, par la messagerie de votre compte, ou dans un accueil de votre caisse, de préférence sur rendez-vous.",
        en: "By phone on 36 46, through your account’s messaging, or at one of your fund’s offices, preferably by appointment.",
    }

    // ----- Accessibility statement -----
    A11yLead {
        fr: "Votre caisse s’engage à rendre ce portail accessible à tous, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.",
        en: "Your fund is committed to making this portal accessible to everyone, in accordance with article 47 of French law no. 2005-102 of 11 February 2005.",
    }
    A11yStatusHeading { fr: "État de conformité", en: "Compliance status" }
    A11yStatusText {
        fr: "Ce portail vise la conformité au référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1. Il est aujourd’hui partiellement conforme : il est en construction et n’a pas encore fait l’objet d’un audit complet.",
        en: "This portal aims to comply with the French accessibility framework (RGAA), version 4.1. It is partially compliant today: it is under construction and has not yet had a full audit.",
    }
    A11yDoneHeading { fr: "Ce qui est déjà en place", en: "What is already in place" }
    A11yDoneKeyboard {
        fr: "Toutes les pages s’utilisent au clavier, avec un indicateur de focus bien visible.",
        en: "Every page can be used with a keyboard, with a clearly visible focus indicator.",
    }
    A11yDoneSkipLink {
        fr: "Un lien « Aller au contenu » en haut de chaque page.",
        en: "A “Skip to content” link at the top of every page.",
    }
    A11yDoneContrast {
        fr: "Un contraste d’au moins 4,5 pour 1 entre le texte et son fond.",
        en: "A contrast of at least 4.5 to 1 between text and its background.",
    }
    A11yDoneForms {
        fr: "Des champs avec une étiquette et une aide, et des erreurs annoncées par les lecteurs d’écran.",
        en: "Fields with a label and a hint, and errors announced by screen readers.",
    }
    A11yDoneZoom {
        fr: "Des pages lisibles de 320 pixels de large aux grands écrans, et avec un zoom jusqu’à 200 %.",
        en: "Pages readable from 320 pixels wide to large screens, and zoomed up to 200%.",
    }
    A11yReportHeading { fr: "Signaler un problème", en: "Report a problem" }
    A11yReportText {
        fr: "Si vous n’arrivez pas à accéder à un contenu ou à un service, dites-le-nous : nous vous proposerons un autre moyen d’y accéder et nous corrigerons le problème.",
        en: "If you cannot reach some content or a service, tell us: we will offer you another way to access it and fix the problem.",
    }
    A11yRemedyHeading { fr: "Voies de recours", en: "Remedies" }
    A11yRemedyText {
        fr: "Si vous nous avez signalé un défaut d’accessibilité et que notre réponse ne vous satisfait pas, vous pouvez saisir le Défenseur des droits.",
        en: "If you have reported an accessibility problem to us and are not satisfied with our answer, you can refer it to the Défenseur des droits (the French rights ombudsman).",
    }
    A11yRemedyLink { fr: "Contacter le Défenseur des droits", en: "Contact the Défenseur des droits" }

    // ----- European health insurance card (CEAM) -----
    TitleCeam { fr: "Carte européenne d’assurance maladie", en: "European health insurance card" }
    CeamIntro {
        fr: "La carte européenne d’assurance maladie prouve vos droits pendant un séjour temporaire dans l’Union européenne, l’Espace économique européen, en Suisse ou au Royaume-Uni. Elle est gratuite, personnelle (chaque enfant a la sienne) et valable 2 ans.",
        en: "The European health insurance card proves your cover during a temporary stay in the European Union, the European Economic Area, Switzerland or the United Kingdom. It is free, personal (each child has their own) and valid for 2 years.",
    }
    CeamSignIn { fr: "Connectez-vous pour voir vos cartes européennes et en commander.", en: "Sign in to see your European cards and order one." }
    CeamDelays {
        fr: "Commandez la carte au moins 15 jours avant votre départ\u{a0}: elle arrive en 2 semaines environ. Si vous partez plus tôt, un certificat provisoire de remplacement, valable 3 mois, se télécharge tout de suite.",
        en: "Order the card at least 15 days before you leave: it arrives in about 2 weeks. If you leave sooner, a provisional replacement certificate, valid for 3 months, can be downloaded at once.",
    }
    CeamLoading { fr: "Chargement de vos cartes européennes…", en: "Loading your European cards…" }
    CeamNoCard { fr: "Pas de carte européenne pour le moment.", en: "No European card yet." }
    CeamNumber { fr: "Numéro de la carte", en: "Card number" }
    CeamValidity { fr: "Validité", en: "Valid" }
    CeamFrom { fr: "du", en: "from" }
    CeamTo { fr: "au", en: "to" }
    CeamStatus { fr: "État", en: "Status" }
    CeamExpiresSoon {
        fr: "Cette carte expire dans moins de 3 mois\u{a0}: commandez-en une nouvelle avant votre prochain séjour.",
        en: "This card expires within 3 months: order a new one before your next stay.",
    }
    CeamExpired {
        fr: "Cette carte a expiré\u{a0}: commandez-en une nouvelle avant votre prochain séjour.",
        en: "This card has expired: order a new one before your next stay.",
    }
    CeamPending { fr: "Commande en cours", en: "Order in progress" }
    CeamPendingArrival { fr: "Arrivée prévue vers le", en: "Expected around" }
    CeamPendingDeparture { fr: "Départ le", en: "Leaving on" }
    CeamFollow { fr: "Suivre la demande dans Mes démarches", en: "Follow the request in My requests" }
    CeamOrderOpen { fr: "Commander une carte", en: "Order a card" }
    CeamFor { fr: "pour", en: "for" }
    CeamReason { fr: "Raison du séjour", en: "Reason for the stay" }
    CeamDeparture { fr: "Date de départ", en: "Departure date" }
    CeamDepartureHint { fr: "Par exemple 15/07/2027, dans l’année qui vient.", en: "For example 15/07/2027, within the coming year." }
    CeamAddress { fr: "Adresse de livraison", en: "Delivery address" }
    CeamAddressHint { fr: "La carte est envoyée par courrier à l’adresse connue de votre caisse.", en: "The card is posted to the address your fund has on file." }
    CeamAddressConfirm { fr: "Je confirme que la carte peut être envoyée à cette adresse", en: "I confirm the card can be sent to this address" }
    CeamAddressMoved { fr: "Vous avez déménagé\u{a0}? Déclarez d’abord votre nouvelle adresse dans Mon compte.", en: "Have you moved? Report your new address in My account first." }
    CeamAddressMovedLink { fr: "Aller à Mon compte", en: "Go to My account" }
    CeamTooLate {
        fr: "Votre départ est dans moins de 15 jours\u{a0}: la carte n’arrivera pas à temps. Téléchargez dès maintenant le certificat provisoire de remplacement, valable 3 mois, à présenter à la place de la carte.",
        en: "You leave in less than 15 days: the card will not arrive in time. Download the provisional replacement certificate now, valid for 3 months, to show instead of the card.",
    }
    CeamProvisionalDownload { fr: "Télécharger le certificat provisoire (PDF)", en: "Download the provisional certificate (PDF)" }
    CeamSubmit { fr: "Commander la carte", en: "Order the card" }
    CeamSending { fr: "Envoi de la commande…", en: "Sending the order…" }
    CeamFiled { fr: "Votre commande est enregistrée. La carte devrait arriver vers le", en: "Your order is recorded. The card should arrive around" }
    CeamFiledLate {
        fr: "Elle n’arrivera pas avant votre départ\u{a0}: téléchargez le certificat provisoire de remplacement, valable 3 mois.",
        en: "It will not arrive before you leave: download the provisional replacement certificate, valid for 3 months.",
    }
    CeamDocumentsLead {
        fr: "Pour vos séjours en Europe\u{a0}: commandez une carte pour vous ou vos enfants, ou téléchargez un certificat provisoire si vous partez bientôt.",
        en: "For your stays in Europe: order a card for yourself or your children, or download a provisional certificate if you leave soon.",
    }
    CeamDocumentsLink { fr: "Voir et commander les cartes européennes", en: "See and order European cards" }

    // ----- Prevention -----
    PreventionLoading { fr: "Chargement de vos recommandations de prévention…", en: "Loading your prevention recommendations…" }
    PreventionLead {
        fr: "Pour vous et vos enfants mineurs, d’après l’âge, la situation et vos remboursements. Ces dépistages et vaccins sont pris en charge.",
        en: "For you and your minor children, from age, situation and your reimbursements. These screenings and vaccinations are covered.",
    }
    PreventionNone {
        fr: "Aucun dépistage ni vaccin de cette liste n’est recommandé à cet âge pour le moment.",
        en: "None of these screenings or vaccinations is recommended at this age for now.",
    }
    PreventionWhy { fr: "Pourquoi", en: "Why" }
    PreventionHow { fr: "Comment faire", en: "How to do it" }
    PreventionCover { fr: "Prise en charge", en: "Cover" }
    PreventionSource { fr: "Source", en: "Source" }
    PreventionLastDone { fr: "Dernière fois", en: "Last time" }
    PreventionNeverDone {
        fr: "Rien trouvé dans vos remboursements des 27 derniers mois ni dans vos déclarations.",
        en: "Nothing found in your reimbursements of the last 27 months nor in your declarations.",
    }
    PreventionDueSince { fr: "À faire depuis le", en: "To do since" }
    PreventionDueFrom { fr: "À faire à partir du", en: "To do from" }
    PreventionOverdueSince {
        fr: "En retard de plus de 6\u{a0}mois\u{a0}: à faire depuis le",
        en: "More than 6 months late: to do since",
    }
    PreventionElsewhere { fr: "Vous l’avez fait ailleurs\u{a0}?", en: "Did you do it elsewhere?" }
    PreventionElsewhereFor { fr: "pour", en: "for" }
    PreventionElsewhereDate { fr: "Date à laquelle vous l’avez fait", en: "Date you did it" }
    PreventionElsewhereHint {
        fr: "Par exemple 14\u{a0}03\u{a0}2026. Elle ne peut pas être dans le futur.",
        en: "For example 14 03 2026. It cannot be in the future.",
    }
    PreventionElsewhereSubmit { fr: "Enregistrer la date", en: "Save the date" }
    PreventionElsewhereSending { fr: "Enregistrement…", en: "Saving…" }
    PreventionElsewhereSaved {
        fr: "Date enregistrée\u{a0}: la recommandation a été mise à jour.",
        en: "Date saved: the recommendation has been updated.",
    }

    // ----- More requests: CSS application, family situation, exceptional aid -----
    TitleCss { fr: "Demander la Complémentaire santé solidaire", en: "Apply for the Complémentaire santé solidaire" }
    TitleSituation { fr: "Déclarer un changement de situation familiale", en: "Report a change of family situation" }
    TitleAid { fr: "Demander une aide financière exceptionnelle", en: "Apply for exceptional financial aid" }
    CssIntro {
        fr: "Une complémentaire santé gratuite, ou à moins de 1\u{a0}€ par jour et par personne, selon les ressources de votre foyer. Elle est accordée pour un an.",
        en: "A complementary health cover that is free, or costs less than €1 a day per person, depending on your household’s resources. It is granted for one year.",
    }
    CssSignIn { fr: "Connectez-vous pour demander la Complémentaire santé solidaire.", en: "Sign in to apply for the Complémentaire santé solidaire." }
    CssRules {
        fr: "Votre caisse répond dans les 2 mois\u{a0}; sans réponse, la demande est refusée. Les droits durent un an et leur renouvellement se demande dans les 4 derniers mois.",
        en: "Your fund answers within 2 months; without an answer, the application is refused. Rights last one year and their renewal is asked in the last 4 months.",
    }
    CssHousehold { fr: "Votre foyer", en: "Your household" }
    CssHouseholdRoll { fr: "Les personnes rattachées à votre dossier sont comptées\u{a0}:", en: "The people on your file are counted:" }
    CssOthers { fr: "Autres personnes vivant avec vous", en: "Other people living with you" }
    CssOthersHint {
        fr: "Votre conjoint, partenaire de PACS ou concubin, un enfant ou une autre personne à charge qui n’est pas rattaché à votre dossier.",
        en: "Your spouse, civil partner or partner, a child or another dependent person who is not on your file.",
    }
    CssAddPerson { fr: "Ajouter une personne", en: "Add a person" }
    CssRemovePerson { fr: "Retirer cette personne", en: "Remove this person" }
    CssPerson { fr: "Personne", en: "Person" }
    CssPersonName { fr: "Prénom et nom", en: "Given name and family name" }
    CssPersonRelation { fr: "Lien avec vous", en: "Relationship to you" }
    CssPersonBirth { fr: "Date de naissance", en: "Date of birth" }
    CssPersonBirthHint { fr: "Par exemple 02/04/1990.", en: "For example 02/04/1990." }
    CssResources { fr: "Ressources du foyer sur les 12 derniers mois", en: "Household resources over the last 12 months" }
    CssResourcesHint {
        fr: "Montants nets perçus par toutes les personnes du foyer, en euros, par exemple 9 000. Laissez vide ce qui ne vous concerne pas.",
        en: "Net amounts received by everyone in the household, in euros, for example 9,000. Leave empty what does not apply.",
    }
    CssEstimate { fr: "Estimation", en: "Estimate" }
    CssEstimateFree {
        fr: "Avec ces ressources, la Complémentaire santé solidaire serait gratuite pour votre foyer.",
        en: "With these resources, the Complémentaire santé solidaire would be free for your household.",
    }
    CssEstimateContribution {
        fr: "Avec ces ressources, la Complémentaire santé solidaire coûterait à votre foyer, par mois,",
        en: "With these resources, the Complémentaire santé solidaire would cost your household, a month,",
    }
    CssEstimateOver {
        fr: "Avec ces ressources, votre foyer dépasse les plafonds\u{a0}: la demande serait sans doute refusée. Vous pouvez tout de même la déposer.",
        en: "With these resources, your household is above the ceilings: the application would probably be refused. You may still file it.",
    }
    CssEstimatePerPerson { fr: "par mois", en: "a month" }
    CssEstimateCeilingFree { fr: "Plafond sans participation", en: "Ceiling, free of charge" }
    CssEstimateCeilingContribution { fr: "Plafond avec participation", en: "Ceiling, with a contribution" }
    CssEstimateTotal { fr: "Ressources déclarées", en: "Resources declared" }
    CssEstimateRights { fr: "Droits, si votre caisse les accorde, du", en: "Rights, if your fund grants them, from" }
    CssEstimateTo { fr: "au", en: "to" }
    CssEstimateNote {
        fr: "C’est une estimation, d’après les plafonds en vigueur et l’âge de chacun au 1er janvier\u{a0}: votre caisse décide au vu de votre dossier.",
        en: "This is an estimate, from the ceilings in force and everyone’s age on 1 January: your fund decides from your file.",
    }
    CssCertify { fr: "Je certifie sur l’honneur l’exactitude des informations déclarées", en: "I certify that the information given is true" }
    CssFiles { fr: "Justificatifs (facultatif)", en: "Supporting documents (optional)" }
    CssFilesHint {
        fr: "Avis d’imposition, bulletins de salaire, attestations de paiement… PDF, JPEG ou PNG, 5\u{a0}Mo et 5 fichiers au plus.",
        en: "Tax notice, payslips, payment statements… PDF, JPEG or PNG, 5 MB and 5 files at most.",
    }
    CssSubmit { fr: "Envoyer ma demande", en: "Send my application" }
    CssSending { fr: "Envoi de la demande…", en: "Sending the application…" }
    CssFiled { fr: "Votre demande de Complémentaire santé solidaire est déposée.", en: "Your application for the Complémentaire santé solidaire is filed." }
    CssRenewal { fr: "Vos droits actuels prennent fin le", en: "Your current rights end on" }
    CssRenewalNow { fr: "Vous pouvez demander leur renouvellement dès maintenant.", en: "You can ask for their renewal now." }
    CssTooEarly { fr: "Le renouvellement se demande dans les 4 derniers mois de vos droits, à partir du", en: "A renewal is asked in the last 4 months of your rights, from" }
    CssPending { fr: "Votre demande est en cours d’examen.", en: "Your application is being examined." }
    SituationIntro {
        fr: "Mariage, PACS, séparation, naissance, décès du conjoint\u{a0}: déclarez-le avec un justificatif, votre caisse met votre dossier à jour.",
        en: "Marriage, PACS, separation, birth, death of a spouse: report it with a supporting document, and your fund updates your file.",
    }
    SituationSignIn { fr: "Connectez-vous pour déclarer un changement de situation.", en: "Sign in to report a change of situation." }
    SituationEvent { fr: "Ce qui a changé", en: "What changed" }
    SituationDate { fr: "Date de l’événement", en: "Date of the event" }
    SituationDateHint { fr: "Par exemple 14/09/2026.", en: "For example 14/09/2026." }
    SituationBothParents { fr: "Rattacher l’enfant aux deux parents", en: "Attach the child to both parents" }
    SituationComment { fr: "Commentaire (facultatif)", en: "Comment (optional)" }
    SituationFiles { fr: "Justificatifs", en: "Supporting documents" }
    SituationFilesHint {
        fr: "Acte de mariage, de naissance ou de décès, convention de PACS, jugement… PDF, JPEG ou PNG, 5\u{a0}Mo et 5 fichiers au plus.",
        en: "Marriage, birth or death certificate, PACS agreement, judgment… PDF, JPEG or PNG, 5 MB and 5 files at most.",
    }
    SituationSubmit { fr: "Envoyer la déclaration", en: "Send the declaration" }
    SituationSending { fr: "Envoi de la déclaration…", en: "Sending the declaration…" }
    SituationFiled { fr: "Votre déclaration est enregistrée.", en: "Your declaration is recorded." }
    AidIntro {
        fr: "Si des frais de santé restent lourds pour votre budget, la commission d’action sanitaire et sociale de votre caisse peut vous aider, selon vos ressources.",
        en: "If health costs weigh heavily on your budget, your fund’s health and social action board may help, depending on your resources.",
    }
    AidSignIn { fr: "Connectez-vous pour demander une aide financière.", en: "Sign in to apply for financial aid." }
    AidReason { fr: "Raison de la demande", en: "Reason for the application" }
    AidExplanation { fr: "Votre situation et la dépense", en: "Your situation and the expense" }
    AidExplanationHint { fr: "Ce qui vous amène à demander une aide, et ce que vous devez payer.", en: "What leads you to ask for help, and what you have to pay." }
    AidTotal { fr: "Coût de la dépense, en euros", en: "Cost of the expense, in euros" }
    AidCovered { fr: "Déjà pris en charge, en euros", en: "Already covered, in euros" }
    AidCoveredHint { fr: "Par l’Assurance Maladie, votre complémentaire ou une autre aide. Laissez vide si rien n’est pris en charge.", en: "By the Assurance Maladie, your complementary insurer or other help. Leave empty if nothing is covered." }
    AidRemaining { fr: "Reste à votre charge", en: "Left for you to pay" }
    AidRequested { fr: "Montant demandé, en euros", en: "Amount asked, in euros" }
    AidRequestedHint { fr: "Au plus ce qui reste à votre charge.", en: "At most what is left for you to pay." }
    AidResources { fr: "Ressources mensuelles du foyer, en euros", en: "Household’s monthly resources, in euros" }
    AidFiles { fr: "Devis ou facture, et autres justificatifs", en: "Quote or invoice, and other documents" }
    AidFilesHint { fr: "PDF, JPEG ou PNG, 5\u{a0}Mo et 5 fichiers au plus.", en: "PDF, JPEG or PNG, 5 MB and 5 files at most." }
    AidSubmit { fr: "Envoyer ma demande d’aide", en: "Send my application for aid" }
    AidSending { fr: "Envoi de la demande…", en: "Sending the application…" }
    AidFiled { fr: "Votre demande d’aide est déposée.", en: "Your application for aid is filed." }

    // ----- Agents: processing requests -----
    AgentRequestsLead { fr: "Les démarches à traiter, les plus anciennes d’abord.", en: "The requests to process, the oldest first." }
    AgentRequestsFilters { fr: "Filtres", en: "Filters" }
    AgentRequestsCaption { fr: "Démarches, les plus anciennes d’abord", en: "Requests, the oldest first" }
    AgentRequestsTitle { fr: "Démarche", en: "Request" }
    AgentRequestsKind { fr: "Type", en: "Kind" }
    AgentRequestsAllKinds { fr: "Tous les types", en: "All kinds" }
    AgentRequestsStatus { fr: "État", en: "Status" }
    AgentRequestsAllOpen { fr: "Toutes les démarches ouvertes", en: "Every open request" }
    AgentRequestsAssigned { fr: "Attribution", en: "Assignment" }
    AgentRequestsAnyone { fr: "Toutes", en: "All" }
    AgentRequestsMine { fr: "Attribuées à moi", en: "Assigned to me" }
    AgentRequestsNobody { fr: "Non attribuées", en: "Unassigned" }
    AgentRequestsFilter { fr: "Afficher", en: "Show" }
    AgentRequestsLoading { fr: "Chargement des démarches…", en: "Loading the requests…" }
    AgentRequestsNone { fr: "Aucune démarche ne correspond à ces critères.", en: "No request matches these filters." }
    AgentRequestsCount { fr: "Démarches affichées\u{a0}:", en: "Requests shown:" }
    AgentRequestsMember { fr: "Assuré", en: "Member" }
    AgentRequestsFiled { fr: "Déposée le", en: "Filed on" }
    AgentRequestsWaiting { fr: "Attente", en: "Waiting" }
    AgentRequestsDays { fr: "jours", en: "days" }
    AgentRequestsAssignedTo { fr: "Attribuée à", en: "Assigned to" }
    AgentRequestsUnassigned { fr: "Personne", en: "Nobody" }
    AgentRequestsYou { fr: "vous", en: "you" }
    AgentRequestsOpen { fr: "Ouvrir", en: "Open" }
    AgentRequestBack { fr: "Retour aux démarches", en: "Back to the requests" }
    AgentRequestNir { fr: "NIR", en: "NIR" }
    AgentRequestSent { fr: "Ce que l’assuré a envoyé", en: "What the member sent" }
    AgentRequestFiles { fr: "Pièces jointes", en: "Attached files" }
    AgentRequestTimeline { fr: "Historique", en: "History" }
    AgentRequestByMember { fr: "l’assuré", en: "the member" }
    AgentRequestBySystem { fr: "le portail", en: "the portal" }
    AgentRequestInternal { fr: "Note interne", en: "Internal note" }
    AgentRequestAssignedStep { fr: "Démarche prise en charge", en: "Request taken on" }
    AgentRequestAssign { fr: "M’attribuer la démarche", en: "Assign the request to me" }
    AgentRequestYours { fr: "Cette démarche vous est attribuée.", en: "This request is assigned to you." }
    AgentRequestUnassigned { fr: "Cette démarche n’est attribuée à personne.", en: "This request is assigned to nobody." }
    AgentRequestChange { fr: "Faire avancer la démarche", en: "Move the request on" }
    AgentRequestNewStatus { fr: "Nouvel état", en: "New status" }
    AgentRequestMessage { fr: "Message à l’assuré", en: "Message to the member" }
    AgentRequestMessageHint {
        fr: "L’assuré le lit dans Mes démarches. Il est prévenu par un e-mail qui ne contient pas ce message.",
        en: "The member reads it in My requests. They are told by an e-mail that does not contain this message.",
    }
    AgentRequestSubmit { fr: "Enregistrer et prévenir l’assuré", en: "Save and notify the member" }
    AgentRequestSaved { fr: "État enregistré\u{a0}: l’assuré est prévenu.", en: "Status saved: the member is notified." }
    AgentRequestNote { fr: "Note interne, jamais visible par l’assuré", en: "Internal note, never shown to the member" }
    AgentRequestAddNote { fr: "Ajouter la note", en: "Add the note" }
    AgentRequestNoteSaved { fr: "Note ajoutée.", en: "Note added." }
    AgentRequestClosed { fr: "Cette démarche est close.", en: "This request is closed." }
    AgentRequestSending { fr: "Enregistrement…", en: "Saving…" }

    // ----- Page not found -----
    NotFoundText {
        fr: "L’adresse saisie est peut-être incorrecte, ou la page a été déplacée.",
        en: "The address may be wrong, or the page may have moved.",
    }
    NotFoundHome { fr: "Revenir à l’accueil", en: "Go back to the home page" }
    NotFoundHelp { fr: "Consulter l’aide", en: "Get help" }

    // ----- Documents made on demand -----
    DownloadPreparing { fr: "Préparation du document…", en: "Preparing the document…" }
    DownloadSaved { fr: "Document téléchargé.", en: "Document downloaded." }
    HomeQuickCeam { fr: "Commander une carte européenne", en: "Order a European card" }

    // ----- Family view of the home -----
    FamilyLegend { fr: "Afficher pour", en: "Show for" }
    FamilyHint {
        fr: "Vos enfants mineurs sont rattachés à votre compte\u{a0}: choisissez qui afficher.",
        en: "Your minor children are attached to your account: choose whose details to show.",
    }
    FamilyEveryone { fr: "Toute la famille", en: "The whole family" }
    FamilyShortcutsFor { fr: "Raccourcis pour", en: "Shortcuts for" }
    FamilyPaymentsOf { fr: "Tous les paiements de", en: "All payments for" }
    FamilyDocumentsOf { fr: "Attestation de droits de", en: "Certificate of entitlement for" }
    FamilyDoctorOf { fr: "Médecin traitant de", en: "Médecin traitant of" }
    FamilyPreventionOf { fr: "Dépistages et vaccins de", en: "Screenings and vaccines for" }
    FamilyPaymentsHeading { fr: "Derniers paiements de", en: "Latest payments for" }

    // ----- Agents' area (/agent) -----
    TitleAgentLogin { fr: "Espace agents\u{a0}: connexion", en: "Agents’ area: sign in" }
    TitleAgentEnrol { fr: "Activer votre compte agent", en: "Activate your agent account" }
    TitleAgentHome { fr: "Espace agents", en: "Agents’ area" }
    TitleAgentMessages { fr: "Messages des assurés", en: "Members’ messages" }
    TitleAgentThread { fr: "Conversation avec un assuré", en: "Conversation with a member" }
    TitleAgentRequests { fr: "Démarches à traiter", en: "Requests to process" }
    TitleAgentRequest { fr: "Démarche d’un assuré", en: "A member’s request" }
    TitleAgentMembers { fr: "Rechercher un assuré", en: "Find a member" }
    TitleAgentMember { fr: "Dossier de l’assuré", en: "Member’s file" }
    TitleAgentLetters { fr: "Courriers d’activation", en: "Activation letters" }
    TitleAgentStats { fr: "Statistiques de l’équipe", en: "Team statistics" }
    AgentNavLabel { fr: "Navigation de l’espace agents", en: "Agents’ area navigation" }
    AgentIntro {
        fr: "Répondez aux assurés, traitez leurs démarches et aidez-les à accéder à leur compte. Chaque ouverture de dossier est enregistrée avec son motif, et l’assuré peut la consulter.",
        en: "Answer members, process their requests and help them into their account. Every opening of a member’s file is recorded with its reason, and the member can see it.",
    }
    AgentLoginIntro {
        fr: "Réservé aux agents de la caisse. Connectez-vous avec votre adresse professionnelle, votre mot de passe et votre application d’authentification.",
        en: "For the fund’s agents only. Sign in with your work address, your password and your authenticator app.",
    }
    AgentEmail { fr: "Adresse e-mail professionnelle", en: "Work e-mail address" }
    AgentPassword { fr: "Mot de passe", en: "Password" }
    AgentCode { fr: "Code de l’application d’authentification", en: "Authenticator app code" }
    AgentCodeHint {
        fr: "6\u{a0}chiffres affichés par votre application\u{a0}; ils changent toutes les 30\u{a0}secondes.",
        en: "6 digits shown by your app; they change every 30 seconds.",
    }
    AgentContinue { fr: "Continuer", en: "Continue" }
    AgentDemoCode {
        fr: "Démonstration\u{a0}: l’application d’authentification de cet agent afficherait maintenant",
        en: "Demo: this agent’s authenticator app would now show",
    }
    AgentSignIn { fr: "Se connecter", en: "Sign in" }
    AgentSignOut { fr: "Se déconnecter", en: "Sign out" }
    AgentSignedInAs { fr: "Connecté en tant que", en: "Signed in as" }
    AgentNotSignedIn { fr: "Connectez-vous à l’espace agents pour continuer.", en: "Sign in to the agents’ area to continue." }
    AgentSupervisorOnly { fr: "Cette page est réservée aux superviseurs.", en: "This page is for supervisors only." }
    AgentLoading { fr: "Chargement…", en: "Loading…" }
    AgentSearchLabel { fr: "Numéro de sécurité sociale ou nom de famille", en: "Social security number or family name" }
    AgentSearchHint {
        fr: "Le numéro complet (15\u{a0}caractères), ou au moins 2\u{a0}lettres du nom. Les accents ne comptent pas.",
        en: "The full number (15 characters), or at least 2 letters of the name. Accents do not matter.",
    }
    AgentSearch { fr: "Rechercher", en: "Search" }
    AgentNoHit { fr: "Aucun assuré ne correspond à cette recherche.", en: "No member matches this search." }
    AgentHits { fr: "Assurés trouvés", en: "Members found" }
    AgentBorn { fr: "Né(e) le", en: "Born" }
    AgentReasonLegend { fr: "Pourquoi ouvrez-vous ce dossier\u{a0}?", en: "Why are you opening this file?" }
    AgentReasonHint {
        fr: "Obligatoire\u{a0}: le motif est enregistré et l’assuré peut le consulter dans son compte.",
        en: "Required: the reason is recorded and the member can see it in their account.",
    }
    AgentReasonDetails { fr: "Précisions (obligatoires pour «\u{a0}Autre motif\u{a0}»)", en: "Details (required for “Other reason”)" }
    AgentOpenFile { fr: "Ouvrir le dossier", en: "Open the file" }
    AgentAccount { fr: "Compte en ligne", en: "Online account" }
    AgentStatus { fr: "État", en: "Status" }
    AgentStatusNone { fr: "Pas de compte", en: "No account" }
    AgentStatusPending { fr: "En attente d’activation", en: "Waiting for activation" }
    AgentStatusActive { fr: "Actif", en: "Active" }
    AgentStatusClosed { fr: "Fermé", en: "Closed" }
    AgentLock { fr: "Blocage", en: "Lock" }
    AgentLockedUntil { fr: "Bloqué jusqu’au", en: "Locked until" }
    AgentNotLocked { fr: "Non bloqué", en: "Not locked" }
    AgentSecondFactor { fr: "Second facteur", en: "Second factor" }
    AgentFactorEmail { fr: "Code par e-mail", en: "Code by e-mail" }
    AgentFactorTotp { fr: "Application d’authentification", en: "Authenticator app" }
    AgentSessions { fr: "Sessions ouvertes", en: "Open sessions" }
    AgentEmailOnFile { fr: "Adresse e-mail", en: "E-mail address" }
    AgentLettersWaiting { fr: "Courriers d’activation à imprimer", en: "Activation letters to print" }
    AgentSupportHeading { fr: "Aider l’assuré", en: "Help the member" }
    AgentChecksLegend {
        fr: "Vérifications d’identité (toutes obligatoires pour débloquer le compte ou réinitialiser le second facteur)",
        en: "Identity checks (all required to unlock the account or reset the second factor)",
    }
    AgentActionLegend { fr: "Action", en: "Action" }
    AgentActionUnlock { fr: "Débloquer le compte", en: "Unlock the account" }
    AgentActionLetter { fr: "Envoyer un nouveau courrier d’activation", en: "Send a new activation letter" }
    AgentActionReset { fr: "Revenir aux codes par e-mail (réinitialiser le second facteur)", en: "Go back to codes by e-mail (reset the second factor)" }
    AgentActionEnd { fr: "Fermer toutes les sessions", en: "End every session" }
    AgentDoAction { fr: "Effectuer l’action", en: "Do it" }
    AgentActionDone { fr: "Action effectuée et enregistrée dans le journal.", en: "Done, and recorded in the audit trail." }
    AgentLettersIntro {
        fr: "Imprimez en un seul PDF tous les courriers en attente, puis marquez-les envoyés quand ils partent à la poste. Après l’impression, le code n’existe plus que sur papier.",
        en: "Print every waiting letter as one PDF, then mark them sent when they go to the post. After printing, the code exists only on paper.",
    }
    AgentPrintBatch { fr: "Imprimer le lot (PDF)", en: "Print the batch (PDF)" }
    AgentMarkSent { fr: "Marquer les courriers imprimés comme envoyés", en: "Mark the printed letters as sent" }
    AgentNoLetters { fr: "Aucun courrier en attente.", en: "No letter is waiting." }
    AgentLetterTo { fr: "Destinataire", en: "Recipient" }
    AgentLetterAsked { fr: "Demandé le", en: "Requested on" }
    AgentLetterState { fr: "État", en: "State" }
    AgentLetterToPrint { fr: "À imprimer", en: "To print" }
    AgentLetterPrinted { fr: "Imprimé, à poster", en: "Printed, to post" }
    AgentLettersMarked { fr: "Les courriers imprimés sont marqués envoyés.", en: "The printed letters are marked sent." }
    AgentStatsArea { fr: "Domaine", en: "Area" }
    AgentStatsQueue { fr: "File", en: "Queue" }
    AgentStatsOpen { fr: "En attente", en: "Waiting" }
    AgentStatsMedian { fr: "Délai médian de réponse (heures, 90\u{a0}jours)", en: "Median response time (hours, 90 days)" }
    AgentStatsOldest { fr: "Plus ancien en attente", en: "Oldest waiting" }
    AgentStatsNone { fr: "Aucune file n’a d’élément.", en: "No queue has any item." }
    AgentEnrolIntro {
        fr: "Ajoutez cette clé dans votre application d’authentification, choisissez un mot de passe, puis saisissez le code affiché par l’application.",
        en: "Add this key to your authenticator app, choose a password, then enter the code the app shows.",
    }
    AgentEnrolKey { fr: "Clé à ajouter dans l’application", en: "Key to add to the app" }
    AgentEnrolNewPassword { fr: "Choisissez un mot de passe", en: "Choose a password" }
    AgentEnrolSubmit { fr: "Activer mon compte", en: "Activate my account" }
    AgentEnrolDone { fr: "Votre compte est activé. Connectez-vous.", en: "Your account is active. Sign in." }
    AgentComingNext { fr: "Cette file arrive bientôt dans l’espace agents.", en: "This queue is coming to the agents’ area soon." }
    AccessesHeading { fr: "Consultations de votre dossier par la caisse", en: "Who at the fund looked at your file" }
    AccessesIntro {
        fr: "Chaque fois qu’un conseiller ouvre votre dossier ou agit sur votre compte, c’est enregistré avec son motif.",
        en: "Every time an adviser opens your file or acts on your account, it is recorded with the reason.",
    }
    AccessesNone { fr: "Aucune consultation enregistrée.", en: "No access recorded." }
    AccessesWhen { fr: "Date", en: "Date" }
    AccessesWho { fr: "Conseiller", en: "Adviser" }
    AccessesWhat { fr: "Action", en: "Action" }
    AccessesWhy { fr: "Motif", en: "Reason" }
    AccessOpen { fr: "Consultation du dossier", en: "File opened" }
    AccessUnlock { fr: "Déblocage du compte", en: "Account unlocked" }
    AccessLetter { fr: "Nouveau courrier d’activation", en: "New activation letter" }
    AccessReset { fr: "Retour aux codes par e-mail", en: "Back to codes by e-mail" }
    AccessEnd { fr: "Fermeture des sessions", en: "Sessions ended" }
    AccessMessage { fr: "Traitement de vos messages", en: "Your messages handled" }
    AccessRequest { fr: "Traitement de vos démarches", en: "Your requests handled" }
    AccessOther { fr: "Action de la caisse", en: "Action by the fund" }

    // ----- Errors of the API client -----
    ErrorNetwork {
        fr: "Le portail ne répond pas. Vérifiez votre connexion à Internet, puis réessayez.",
        en: "The portal is not responding. Check your internet connection, then try again.",
    }
    ErrorUnexpected {
        fr: "Une erreur inattendue s’est produite. Réessayez dans quelques minutes.",
        en: "Something unexpected went wrong. Try again in a few minutes.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_words_in_both_languages_without_stray_spaces() {
        for &text in Text::ALL {
            for lang in [Lang::Fr, Lang::En] {
                let words = text.text(lang);
                assert!(!words.is_empty(), "{text:?} is empty in {lang:?}");
                assert_eq!(words, words.trim(), "{text:?} has outer spaces in {lang:?}");
                assert!(
                    !words.contains("  "),
                    "{text:?} has a double space in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn french_messages_follow_french_typography() {
        for &text in Text::ALL {
            let fr = text.text(Lang::Fr);
            assert!(
                !fr.contains('\''),
                "{text:?}: use the typographic apostrophe in French"
            );
            for mark in [":", ";", "?", "!", "»"] {
                assert!(
                    !fr.contains(&format!(" {mark}")),
                    "{text:?}: a no-break space goes before {mark:?} in French"
                );
            }
        }
    }

    #[test]
    fn accept_language_takes_first_known_language() {
        assert_eq!(
            Lang::from_accept_language("en-GB,en;q=0.9,fr;q=0.8"),
            Lang::En
        );
        assert_eq!(
            Lang::from_accept_language("de-DE,fr;q=0.9,en;q=0.8"),
            Lang::Fr
        );
        assert_eq!(Lang::from_accept_language("de-DE"), Lang::Fr);
        assert_eq!(Lang::from_accept_language(""), Lang::Fr);
    }

    #[test]
    fn tags_round_trip_and_default_to_french() {
        for l in [Lang::Fr, Lang::En] {
            assert_eq!(Lang::from_tag(l.tag()), l);
        }
        assert_eq!(Lang::from_tag("EN-us"), Lang::En);
        assert_eq!(Lang::from_tag("xx"), Lang::Fr);
    }
}
