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
