//! Text messages: the code that proves a mobile number, and short security alerts for members
//! who gave one. Each is queued in the SMS outbox in the same transaction as its cause, then
//! handed to the configured HTTP provider. Messages never carry a link (a link in a text
//! message is what fraudsters send): they point to the e-mail and to 36 46.
//!
//! The provider contract: `POST {PORTAIL_SMS_URL}` with `Authorization: Bearer
//! {PORTAIL_SMS_TOKEN}` and the JSON body `{"to": "+33612345678", "text": "…"}`; any 2xx means
//! accepted. A small adapter maps it to a given operator's API.

use crate::db::{DbError, accounts::AccountId, security::AlertKind, sms};
use portail_shared::Lang;
use rusqlite::Connection;

/// Attempts before a message is left for an operator to look at.
const MAX_ATTEMPTS: u32 = 10;

/// Queues the code that proves a mobile number.
pub fn mobile_code(
    conn: &Connection,
    to: &str,
    lang: Lang,
    code: &str,
    minutes: u32,
    now: &str,
) -> Result<i64, DbError> {
    let text = match lang {
        Lang::Fr => format!(
            "Portail : votre code de confirmation est {code}. Valable {minutes} min. Ne le \
             communiquez à personne."
        ),
        Lang::En => format!(
            "Portail: your confirmation code is {code}. Valid {minutes} min. Do not share it."
        ),
    };
    sms::push(conn, to, &text, now)
}

/// Sends a short security alert to the account's mobile, if it has one with alerts on.
pub fn notice(
    conn: &Connection,
    account: AccountId,
    kind: AlertKind,
    lang: Lang,
    when: &str,
    now: &str,
) -> Result<(), DbError> {
    let mobile = sms::mobile(conn, account)?;
    let Some(number) = mobile.number.filter(|_| mobile.notices) else {
        return Ok(());
    };
    let what = match (kind, lang) {
        (AlertKind::NewDevice, Lang::Fr) => "nouvelle connexion depuis un appareil inconnu",
        (AlertKind::NewDevice, Lang::En) => "new sign-in from an unknown device",
        (AlertKind::PasswordChanged, Lang::Fr) => "mot de passe changé",
        (AlertKind::PasswordChanged, Lang::En) => "password changed",
        (AlertKind::FactorChanged, Lang::Fr) => "mode de connexion changé",
        (AlertKind::FactorChanged, Lang::En) => "sign-in method changed",
        (AlertKind::Locked, Lang::Fr) => "connexion suspendue après plusieurs essais",
        (AlertKind::Locked, Lang::En) => "sign-in paused after several attempts",
        (AlertKind::EmailChanged, Lang::Fr) => "adresse e-mail changée",
        (AlertKind::EmailChanged, Lang::En) => "e-mail address changed",
    };
    let text = match lang {
        Lang::Fr => format!(
            "Portail : {what} le {when}. Si ce n'est pas vous, suivez l'e-mail que nous vous avons \
             envoyé ou appelez le 36 46."
        ),
        Lang::En => format!(
            "Portail: {what} on {when}. If this was not you, follow the e-mail we sent you or call \
             36 46."
        ),
    };
    sms::push(conn, &number, &text, now)?;
    Ok(())
}

/// Hands the SMS outbox to the provider.
#[derive(Clone)]
pub struct Sender {
    client: reqwest::Client,
    url: String,
    token: String,
}

impl Sender {
    /// A sender for an HTTPS provider (plain `http://` only to this machine).
    pub fn new(url: &str, token: &str) -> Result<Sender, String> {
        let host = url
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split(['/', '?']).next())
            .map(|authority| authority.rsplit_once(':').map_or(authority, |(h, _)| h))
            .unwrap_or("");
        let loopback = matches!(host, "localhost" | "127.0.0.1" | "[::1]");
        if !(url.starts_with("https://") || (url.starts_with("http://") && loopback)) {
            return Err(
                "PORTAIL_SMS_URL must be https:// (plain http:// only to this machine)".into(),
            );
        }
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(20))
            .build()
            .map_err(|e| format!("SMS client: {e}"))?;
        Ok(Sender {
            client,
            url: url.to_owned(),
            token: token.to_owned(),
        })
    }

    /// Sends what is waiting; returns how many the provider accepted.
    pub async fn send_pending(
        &self,
        db: &crate::db::Db,
        clock: &crate::clock::Clock,
    ) -> Result<usize, DbError> {
        let pending = db.call(|c| sms::pending(c, 20, MAX_ATTEMPTS)).await?;
        let mut sent = 0;
        for message in pending {
            let id = message.id;
            let answer = self
                .client
                .post(&self.url)
                .bearer_auth(&self.token)
                .json(&serde_json::json!({"to": message.recipient, "text": message.body}))
                .send()
                .await;
            let outcome = match answer {
                Ok(response) if response.status().is_success() => Ok(()),
                Ok(response) => Err(format!("provider answered {}", response.status())),
                Err(e) => Err(e.to_string()),
            };
            match outcome {
                Ok(()) => {
                    let now = crate::clock::format(clock.now());
                    db.call(move |c| sms::mark_sent(c, id, &now)).await?;
                    sent += 1;
                }
                Err(error) => {
                    tracing::warn!(sms_id = id, %error, "SMS not delivered, will retry");
                    db.call(move |c| sms::mark_failed(c, id, &error)).await?;
                }
            }
        }
        Ok(sent)
    }

    /// Sends the outbox every few seconds until the process stops.
    pub async fn run(self, db: crate::db::Db, clock: crate::clock::Clock) {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(2));
        loop {
            tick.tick().await;
            if let Err(e) = self.send_pending(&db, &clock).await {
                tracing::warn!(error = %e, "SMS sender");
            }
        }
    }
}
