//! The e-mails the portal writes. Each is queued in the outbox in the same transaction as the
//! change that caused it. Bodies never hold a password, an amount or a health detail, and never
//! a link that asks for a password.

use crate::db::{DbError, outbox};
use portail_shared::Lang;
use rusqlite::Connection;

/// Queues the second-factor code of a login.
pub fn login_code(
    conn: &Connection,
    to: &str,
    lang: Lang,
    code: &str,
    minutes: u32,
    now: &str,
) -> Result<i64, DbError> {
    let (subject, body) = match lang {
        Lang::Fr => (
            "Votre code de connexion".to_owned(),
            format!(
                "Bonjour,\n\nVoici votre code de connexion à Portail : {code}\n\n\
                 Il est valable {minutes} minutes et ne peut servir qu'une fois.\n\n\
                 Si vous n'êtes pas à l'origine de cette connexion, ne communiquez ce code à personne \
                 et changez votre mot de passe. Votre caisse ne vous demandera jamais ce code, ni votre \
                 mot de passe, par téléphone, SMS ou e-mail.\n"
            ),
        ),
        Lang::En => (
            "Your sign-in code".to_owned(),
            format!(
                "Hello,\n\nHere is your Portail sign-in code: {code}\n\n\
                 It is valid for {minutes} minutes and can be used once.\n\n\
                 If you did not try to sign in, do not share this code with anyone and change your \
                 password. Your fund will never ask you for this code, or your password, by phone, \
                 text message or e-mail.\n"
            ),
        ),
    };
    outbox::push(conn, to, &subject, &body, now)
}

/// Queues the password-reset link. The token travels in the URL fragment, which browsers never
/// send to servers or in `Referer`.
pub fn password_reset_link(
    conn: &Connection,
    to: &str,
    lang: Lang,
    link: &str,
    minutes: u32,
    now: &str,
) -> Result<i64, DbError> {
    let (subject, body) = match lang {
        Lang::Fr => (
            "Réinitialiser votre mot de passe".to_owned(),
            format!(
                "Bonjour,\n\nVous avez demandé à choisir un nouveau mot de passe pour Portail. \
                 Ouvrez ce lien dans les {minutes} minutes :\n\n{link}\n\n\
                 Le lien ne sert qu'une fois. Votre code de connexion par e-mail vous sera encore \
                 demandé ensuite.\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de \
                 passe reste le même.\n"
            ),
        ),
        Lang::En => (
            "Reset your password".to_owned(),
            format!(
                "Hello,\n\nYou asked to choose a new Portail password. Open this link within \
                 {minutes} minutes:\n\n{link}\n\nThe link works once. You will still be asked for \
                 your e-mailed sign-in code afterwards.\n\nIf you did not ask, ignore this message: \
                 your password stays the same.\n"
            ),
        ),
    };
    outbox::push(conn, to, &subject, &body, now)
}

/// The closing paragraph of every security notice: what to do if it was not them. The link
/// asks for nothing: it ends every session and e-mails a link to choose a new password.
fn not_me_paragraph(lang: Lang, link: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "Si ce n'est pas vous, ouvrez ce lien : il déconnecte tous vos appareils et vous envoie \
             un e-mail pour choisir un nouveau mot de passe.\n\n{link}\n\n\
             Vous pouvez aussi appeler le 36 46. Votre caisse ne vous demandera jamais votre mot de \
             passe, ni un code, par téléphone, SMS ou e-mail.\n"
        ),
        Lang::En => format!(
            "If this was not you, open this link: it signs out all your devices and e-mails you a \
             link to choose a new password.\n\n{link}\n\n\
             You can also call 36 46. Your fund will never ask you for your password, or a code, by \
             phone, text message or e-mail.\n"
        ),
    }
}

/// "Quand : le 26 novembre 2026 à 19 h 05 (heure de Paris)." from the stored instant.
fn when_line(lang: Lang, now: &str) -> String {
    let when = crate::clock::words(crate::clock::parse(now), lang);
    match lang {
        Lang::Fr => format!("Quand : le {when}.\n\n"),
        Lang::En => format!("When: {when}.\n\n"),
    }
}

/// Tells the member their password changed, and what to do if it was not them.
pub fn password_changed(
    conn: &Connection,
    to: &str,
    lang: Lang,
    not_me: &str,
    now: &str,
) -> Result<i64, DbError> {
    let (subject, intro) = match lang {
        Lang::Fr => (
            "Votre mot de passe a été changé",
            "Bonjour,\n\nLe mot de passe de votre compte Portail vient d'être changé, et toutes vos \
             connexions ouvertes ont été fermées.\n\n",
        ),
        Lang::En => (
            "Your password was changed",
            "Hello,\n\nThe password of your Portail account has just been changed, and all your open \
             sessions were closed.\n\n",
        ),
    };
    let body = format!(
        "{intro}{}{}",
        when_line(lang, now),
        not_me_paragraph(lang, not_me)
    );
    outbox::push(conn, to, subject, &body, now)
}

/// Tells the member about a login from a browser not seen before on their account.
#[allow(clippy::too_many_arguments)]
pub fn new_device(
    conn: &Connection,
    to: &str,
    lang: Lang,
    device: &str,
    network: &str,
    when: &str,
    not_me: &str,
    now: &str,
) -> Result<i64, DbError> {
    let (subject, intro) = match lang {
        Lang::Fr => (
            "Nouvelle connexion à votre compte",
            format!(
                "Bonjour,\n\nUne connexion à votre compte Portail vient d'avoir lieu depuis un \
                 appareil que nous ne connaissions pas :\n\n\
                 - quand : le {when}\n- appareil : {device}\n- réseau : {network}\n\n\
                 Si c'est vous, il n'y a rien à faire.\n\n"
            ),
        ),
        Lang::En => (
            "New sign-in to your account",
            format!(
                "Hello,\n\nSomeone just signed in to your Portail account from a device we did not \
                 know:\n\n- when: {when}\n- device: {device}\n- network: {network}\n\n\
                 If it was you, there is nothing to do.\n\n"
            ),
        ),
    };
    let body = format!("{intro}{}", not_me_paragraph(lang, not_me));
    outbox::push(conn, to, subject, &body, now)
}

/// Tells the member that repeated failed logins made their account wait.
pub fn account_locked(
    conn: &Connection,
    to: &str,
    lang: Lang,
    until: &str,
    not_me: &str,
    now: &str,
) -> Result<i64, DbError> {
    let (subject, intro) = match lang {
        Lang::Fr => (
            "Connexion suspendue après plusieurs essais",
            format!(
                "Bonjour,\n\nPlusieurs mots de passe erronés ont été saisis pour votre compte \
                 Portail. Par sécurité, les connexions sont suspendues jusqu'au {until}.\n\n\
                 Si c'était vous, patientez ou choisissez « Mot de passe oublié ? » sur la page de \
                 connexion.\n\n"
            ),
        ),
        Lang::En => (
            "Sign-in paused after several attempts",
            format!(
                "Hello,\n\nSeveral wrong passwords were entered for your Portail account. For your \
                 security, sign-ins are paused until {until}.\n\n\
                 If it was you, wait or choose \"Forgotten password?\" on the sign-in page.\n\n"
            ),
        ),
    };
    let body = format!("{intro}{}", not_me_paragraph(lang, not_me));
    outbox::push(conn, to, subject, &body, now)
}

/// Queues the code that confirms the e-mail address of an account being created.
pub fn confirmation_code(
    conn: &Connection,
    to: &str,
    lang: Lang,
    code: &str,
    minutes: u32,
    now: &str,
) -> Result<i64, DbError> {
    let (subject, body) = match lang {
        Lang::Fr => (
            "Confirmez votre adresse e-mail".to_owned(),
            format!(
                "Bonjour,\n\nPour terminer la création de votre compte Portail, saisissez ce code : \
                 {code}\n\nIl est valable {minutes} minutes et ne peut servir qu'une fois.\n\n\
                 Si vous n'avez pas demandé à créer un compte, ignorez ce message et appelez le 36 46.\n"
            ),
        ),
        Lang::En => (
            "Confirm your e-mail address".to_owned(),
            format!(
                "Hello,\n\nTo finish creating your Portail account, enter this code: {code}\n\n\
                 It is valid for {minutes} minutes and can be used once.\n\n\
                 If you did not ask to create an account, ignore this message and call 36 46.\n"
            ),
        ),
    };
    outbox::push(conn, to, &subject, &body, now)
}

/// Queues the code that proves a new e-mail address of an open account.
pub fn new_address_code(
    conn: &Connection,
    to: &str,
    lang: Lang,
    code: &str,
    minutes: u32,
    now: &str,
) -> Result<i64, DbError> {
    let (subject, body) = match lang {
        Lang::Fr => (
            "Confirmez votre nouvelle adresse e-mail".to_owned(),
            format!(
                "Bonjour,\n\nPour que cette adresse devienne celle de votre compte Portail, saisissez \
                 ce code dans « Mon compte » : {code}\n\nIl est valable {minutes} minutes et ne peut \
                 servir qu'une fois. Si vous n'avez rien demandé, ignorez ce message.\n"
            ),
        ),
        Lang::En => (
            "Confirm your new e-mail address".to_owned(),
            format!(
                "Hello,\n\nTo make this address your Portail account's, enter this code in \
                 \"My account\": {code}\n\nIt is valid for {minutes} minutes and can be used once. \
                 If you did not ask for anything, ignore this message.\n"
            ),
        ),
    };
    outbox::push(conn, to, &subject, &body, now)
}

/// Tells the former address that the account's e-mail address changed.
pub fn email_changed(
    conn: &Connection,
    to: &str,
    lang: Lang,
    new_masked: &str,
    not_me: &str,
    now: &str,
) -> Result<i64, DbError> {
    let (subject, intro) = match lang {
        Lang::Fr => (
            "Votre adresse e-mail a été changée",
            format!(
                "Bonjour,\n\nL'adresse e-mail de votre compte Portail est désormais {new_masked}. \
                 Les codes et les messages de sécurité y seront envoyés.\n\n"
            ),
        ),
        Lang::En => (
            "Your e-mail address was changed",
            format!(
                "Hello,\n\nYour Portail account's e-mail address is now {new_masked}. Codes and \
                 security messages will go there.\n\n"
            ),
        ),
    };
    let body = format!(
        "{intro}{}{}",
        when_line(lang, now),
        not_me_paragraph(lang, not_me)
    );
    outbox::push(conn, to, subject, &body, now)
}

/// Tells a member that their fund made a payment ("information de paiement"), with no amount
/// and no detail of care: they read it after signing in.
pub fn payment_information(
    conn: &Connection,
    to: &str,
    lang: Lang,
    given_names: &str,
    paid_on: &str,
    link: &str,
    now: &str,
) -> Result<i64, DbError> {
    let (subject, body) = match lang {
        Lang::Fr => (
            "Information de paiement".to_owned(),
            format!(
                "Bonjour {given_names},\n\nVotre caisse a effectué un paiement le {paid_on}. \
                 Pour en connaître le détail, connectez-vous à votre compte, rubrique « Paiements » :\n\
                 {link}\n\n\
                 Pour protéger vos données, cet e-mail ne contient ni montant ni détail de vos soins.\n\n\
                 Vous ne souhaitez plus recevoir ces e-mails ? Décochez l’option dans « Mon compte ».\n\n\
                 Votre caisse ne vous demandera jamais votre mot de passe, un code ou vos coordonnées \
                 bancaires par e-mail.\n"
            ),
        ),
        Lang::En => (
            "Payment information".to_owned(),
            format!(
                "Hello {given_names},\n\nYour fund made a payment on {paid_on}. To see its details, \
                 sign in to your account, \"Payments\" section:\n{link}\n\n\
                 To protect your data, this e-mail holds no amount and no detail of your care.\n\n\
                 No longer want these e-mails? Untick the option in \"My account\".\n\n\
                 Your fund will never ask you for your password, a code or your bank details by \
                 e-mail.\n"
            ),
        ),
    };
    outbox::push(conn, to, &subject, &body, now)
}

/// Welcomes a member whose account is now open.
pub fn welcome(
    conn: &Connection,
    to: &str,
    lang: Lang,
    given_names: &str,
    now: &str,
) -> Result<i64, DbError> {
    let (subject, body) = match lang {
        Lang::Fr => (
            "Bienvenue sur Portail".to_owned(),
            format!(
                "Bonjour {given_names},\n\nVotre compte Portail est ouvert. Vous pouvez y suivre vos \
                 remboursements, télécharger vos attestations et écrire à votre caisse.\n\n\
                 À chaque connexion, un code vous sera envoyé à cette adresse. Vous pouvez choisir \
                 une application d'authentification à la place, dans « Mon compte ».\n\n\
                 Votre caisse ne vous demandera jamais votre mot de passe ni un code, par téléphone, \
                 SMS ou e-mail.\n"
            ),
        ),
        Lang::En => (
            "Welcome to Portail".to_owned(),
            format!(
                "Hello {given_names},\n\nYour Portail account is open. You can follow your \
                 reimbursements, download your certificates and write to your fund there.\n\n\
                 At each sign-in a code will be sent to this address. You can choose an \
                 authenticator app instead, in \"My account\".\n\n\
                 Your fund will never ask you for your password or a code, by phone, text message \
                 or e-mail.\n"
            ),
        ),
    };
    outbox::push(conn, to, &subject, &body, now)
}

/// Tells the member how their second factor changed, and what to do if it was not them.
pub fn factor_changed(
    conn: &Connection,
    to: &str,
    lang: Lang,
    factor: portail_shared::login::SecondFactor,
    not_me: &str,
    now: &str,
) -> Result<i64, DbError> {
    use portail_shared::login::SecondFactor;
    let (subject, intro) = match (lang, factor) {
        (Lang::Fr, SecondFactor::Totp) => (
            "Application d'authentification activée",
            "Bonjour,\n\nVos codes de connexion à Portail viennent désormais de votre application \
             d'authentification, et non plus de cet e-mail. Gardez vos codes de secours en lieu sûr.\n\n",
        ),
        (Lang::Fr, SecondFactor::Email) => (
            "Codes de connexion par e-mail",
            "Bonjour,\n\nVos codes de connexion à Portail arrivent de nouveau par e-mail ; \
             l'application d'authentification et vos codes de secours ne fonctionnent plus.\n\n",
        ),
        (Lang::En, SecondFactor::Totp) => (
            "Authenticator app turned on",
            "Hello,\n\nYour Portail sign-in codes now come from your authenticator app, no longer \
             from this e-mail. Keep your recovery codes somewhere safe.\n\n",
        ),
        (Lang::En, SecondFactor::Email) => (
            "Sign-in codes by e-mail",
            "Hello,\n\nYour Portail sign-in codes come by e-mail again; the authenticator app and \
             your recovery codes no longer work.\n\n",
        ),
    };
    let body = format!(
        "{intro}{}{}",
        when_line(lang, now),
        not_me_paragraph(lang, not_me)
    );
    outbox::push(conn, to, subject, &body, now)
}

/// Tells the member a recovery code was used to sign in, and how many are left.
pub fn recovery_code_used(
    conn: &Connection,
    to: &str,
    lang: Lang,
    left: u32,
    not_me: &str,
    now: &str,
) -> Result<i64, DbError> {
    let (subject, intro) = match lang {
        Lang::Fr => (
            "Un code de secours a servi",
            format!(
                "Bonjour,\n\nUn code de secours vient de servir à vous connecter à Portail. Il vous en \
                 reste {left}. Si vous avez perdu votre téléphone, installez l'application sur le \
                 nouveau depuis « Mon compte ».\n\n"
            ),
        ),
        Lang::En => (
            "A recovery code was used",
            format!(
                "Hello,\n\nA recovery code was just used to sign in to Portail. You have {left} \
                 left. If you lost your phone, set up the app on the new one from \"My account\".\n\n"
            ),
        ),
    };
    let body = format!(
        "{intro}{}{}",
        when_line(lang, now),
        not_me_paragraph(lang, not_me)
    );
    outbox::push(conn, to, subject, &body, now)
}

/// Confirms that a change of bank details was filed. Never the account number, not even
/// masked: an e-mail can be read by someone else; the member reads it after signing in.
pub fn bank_details_filed(
    conn: &Connection,
    to: &str,
    lang: Lang,
    link: &str,
    now: &str,
) -> Result<i64, DbError> {
    let (subject, intro, after) = match lang {
        Lang::Fr => (
            "Votre demande de changement de coordonnées bancaires",
            "Bonjour,\n\nVotre demande de changement de coordonnées bancaires est bien enregistrée. \
             Votre caisse vérifie le RIB joint ; vos remboursements restent versés sur votre compte \
             actuel jusqu'à cette vérification. Suivez votre demande ici :\n",
            "Pour protéger vos données, cet e-mail ne contient pas votre numéro de compte.\n\n\
             Si vous n'êtes pas à l'origine de cette demande, appelez tout de suite le 36 46 et \
             changez votre mot de passe. Votre caisse ne vous demandera jamais vos coordonnées \
             bancaires ni votre mot de passe par e-mail.\n",
        ),
        Lang::En => (
            "Your request to change your bank details",
            "Hello,\n\nYour request to change your bank details is recorded. Your fund checks the \
             bank details (RIB) you attached; your reimbursements keep going to your current \
             account until then. Follow your request here:\n",
            "To protect your data, this e-mail does not contain your account number.\n\n\
             If you did not ask for this change, call 36 46 right away and change your password. \
             Your fund will never ask you for your bank details or your password by e-mail.\n",
        ),
    };
    let body = format!("{intro}{link}\n\n{}{after}", when_line(lang, now));
    outbox::push(conn, to, subject, &body, now)
}

/// Tells the member the fund answered in their secure messaging. Nothing of the thread: no
/// subject, no words of the answer, no topic; only where to read it after signing in.
pub fn new_message(
    conn: &Connection,
    to: &str,
    lang: Lang,
    link: &str,
    now: &str,
) -> Result<i64, DbError> {
    let (subject, intro, after) = match lang {
        Lang::Fr => (
            "Vous avez un nouveau message",
            "Bonjour,\n\nVotre caisse vous a répondu dans votre messagerie sécurisée. Pour lire \
             sa réponse, connectez-vous à votre compte, rubrique « Messagerie » :\n",
            "Pour protéger vos données, cet e-mail ne contient pas le message.\n\n\
             Votre caisse ne vous demandera jamais votre mot de passe ni un code par e-mail.\n",
        ),
        Lang::En => (
            "You have a new message",
            "Hello,\n\nYour fund answered you in your secure messages. To read the answer, sign \
             in to your account, \"Messages\" section:\n",
            "To protect your data, this e-mail does not contain the message.\n\n\
             Your fund will never ask you for your password or a code by e-mail.\n",
        ),
    };
    let body = format!("{intro}{link}\n\n{after}");
    outbox::push(conn, to, subject, &body, now)
}

/// Tells the member one of their requests moved on. Nothing of the request: not its kind, not
/// its status, not the fund's words; only where to read them after signing in.
pub fn request_updated(
    conn: &Connection,
    to: &str,
    lang: Lang,
    link: &str,
    now: &str,
) -> Result<i64, DbError> {
    let (subject, intro, after) = match lang {
        Lang::Fr => (
            "Votre démarche a avancé",
            "Bonjour,\n\nVotre caisse a traité une étape de l'une de vos démarches. Pour voir où elle \
             en est, connectez-vous à votre compte, rubrique « Mes démarches » :\n",
            "Pour protéger vos données, cet e-mail ne dit rien de votre démarche.\n\n\
             Votre caisse ne vous demandera jamais votre mot de passe ni un code par e-mail.\n",
        ),
        Lang::En => (
            "Your request has moved on",
            "Hello,\n\nYour fund has dealt with a step of one of your requests. To see where it \
             stands, sign in to your account, \"My requests\" section:\n",
            "To protect your data, this e-mail says nothing about your request.\n\n\
             Your fund will never ask you for your password or a code by e-mail.\n",
        ),
    };
    let body = format!("{intro}{link}\n\n{after}");
    outbox::push(conn, to, subject, &body, now)
}

/// Delivers the outbox over SMTP.
#[derive(Clone)]
pub struct Sender {
    transport: lettre::AsyncSmtpTransport<lettre::Tokio1Executor>,
    from: lettre::message::Mailbox,
}

/// Attempts before an e-mail is left for an operator to look at.
const MAX_ATTEMPTS: u32 = 10;

impl Sender {
    /// Builds a sender from an SMTP URL (`smtps://user:pass@host:465`,
    /// `smtp://host:587?tls=required`, or plain `smtp://localhost:25` for a local relay only).
    pub fn new(url: &str, from: &str) -> Result<Sender, String> {
        let parsed_host = url
            .split("://")
            .nth(1)
            .map(|rest| rest.rsplit('@').next().unwrap_or(rest))
            .and_then(|rest| rest.split(['/', '?']).next())
            .map(|authority| authority.rsplit_once(':').map_or(authority, |(h, _)| h))
            .unwrap_or("");
        let plain = url.starts_with("smtp://") && !url.contains("tls=");
        let loopback = matches!(parsed_host, "localhost" | "127.0.0.1" | "[::1]");
        if plain && !loopback {
            return Err(
                "PORTAIL_SMTP_URL: plain smtp:// is only allowed to a relay on this machine; \
                 use smtps:// or add ?tls=required"
                    .into(),
            );
        }
        let transport = lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(url)
            .map_err(|e| format!("PORTAIL_SMTP_URL is refused: {e}"))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        let from = from
            .parse()
            .map_err(|e| format!("PORTAIL_MAIL_FROM is refused: {e}"))?;
        Ok(Sender { transport, from })
    }

    /// Sends what is waiting in the outbox; returns how many went out.
    pub async fn send_pending(
        &self,
        db: &crate::db::Db,
        clock: &crate::clock::Clock,
    ) -> Result<usize, DbError> {
        use lettre::AsyncTransport;
        let pending = db.call(|c| outbox::pending(c, 20, MAX_ATTEMPTS)).await?;
        let mut sent = 0;
        for mail in pending {
            let id = mail.id;
            let outcome = match self.message(&mail) {
                Ok(message) => self
                    .transport
                    .send(message)
                    .await
                    .map_err(|e| e.to_string()),
                Err(e) => Err(e),
            };
            match outcome {
                Ok(_) => {
                    let now = crate::clock::format(clock.now());
                    db.call(move |c| outbox::mark_sent(c, id, &now)).await?;
                    sent += 1;
                }
                Err(error) => {
                    tracing::warn!(outbox_id = id, %error, "e-mail not delivered, will retry");
                    db.call(move |c| outbox::mark_failed(c, id, &error)).await?;
                }
            }
        }
        Ok(sent)
    }

    fn message(&self, mail: &outbox::Pending) -> Result<lettre::Message, String> {
        let to: lettre::message::Mailbox = mail
            .recipient
            .parse()
            .map_err(|e| format!("recipient refused: {e}"))?;
        lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .header(lettre::message::header::ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| e.to_string())
    }

    /// Sends the outbox every few seconds until the process stops.
    pub async fn run(self, db: crate::db::Db, clock: crate::clock::Clock) {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(2));
        loop {
            tick.tick().await;
            if let Err(e) = self.send_pending(&db, &clock).await {
                tracing::warn!(error = %e, "outbox sender");
            }
        }
    }
}
