//! Creating an account: a letter with an activation code posted to the address on the roll,
//! then the code and a chosen password, then a code e-mailed to confirm the address (checked by
//! `login::code`, which opens the account and signs the member in).
//!
//! Rules that hold whatever the input:
//! - the answers say what is wrong (unknown NIR, birth date, existing account) because the
//!   member needs to know, but never show anyone else's data; guesses are counted per NIR and
//!   per client IP like failed logins;
//! - a code is stored hashed, single use, valid 30 days, spent after 5 wrong tries; asking again
//!   spends the previous one; one letter per day at most;
//! - the letter (PDF) is kept encrypted until exported for printing, then wiped.

use crate::{
    AppError, Mode, clock,
    crypto::{self, Keys},
    db::{
        DbError, accounts,
        codes::{self, Purpose},
        letters,
        members::{self, MemberId},
        sessions,
    },
    error::{JsonBody, RequestLang, validation},
    http::{AppState, client_ip::ClientIp},
    letter,
    login::{self, blocked_for, hex, record_failure},
    mail,
    password::{check_new_password, invalid, parse_birth_date},
    session,
};
use axum::{Json, extract::State, http::HeaderMap, response::Response};
use portail_shared::{
    Lang, Nir,
    activation::{
        ActivateRequest, DELIVERY_DAYS_MAX, DELIVERY_DAYS_MIN, LETTER_ATTEMPTS, LETTER_CODE_DAYS,
        LETTER_INTERVAL_HOURS, LetterOrdered, LetterRequest, MIN_AGE_YEARS, age_on,
        format_letter_code, letter_code_from_bytes, parse_email, parse_letter_code,
    },
    api::ApiError,
    login::{EMAIL_CODE_MINUTES, IDLE_TIMEOUT_SECONDS, LoginStep, SecondFactor, mask_email},
};
use rusqlite::Connection;
use time::{Date, Duration};

/// Failed guesses from one address in a day before it waits (a family shares an address).
const IP_FREE_FAILURES: u32 = 20;

/// Step 1: checks the member against the roll and posts a letter with an activation code.
#[utoipa::path(post, path = "/api/activation/letter", tag = "activation",
    request_body = LetterRequest,
    responses(
        (status = 200, description = "A letter is on its way to the address on file", body = LetterOrdered),
        (status = 422, description = "A field is wrong (`fields.nir`, `fields.birth_date`, `fields.email`), or an account already exists (`account_exists`), or a letter was sent less than a day ago (`letter_already_sent`)", body = ApiError),
        (status = 429, description = "Too many wrong guesses: wait", body = ApiError),
    ))]
pub async fn letter(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    ClientIp(ip): ClientIp,
    JsonBody(request): JsonBody<LetterRequest>,
) -> Result<Json<LetterOrdered>, AppError> {
    let (nir, birth_date, email) = validate_letter(&request, lang)?;
    let keys = state.config.keys.clone();
    let clock = state.clock.clone();
    let nir_key = format!(
        "activation:{}",
        hex(&keys.blind_index(members::NIR_INDEX, nir.as_str()))
    );
    let ip_key = format!("ip:{ip}");
    let fund = state.config.fund_name.clone();
    let url = format!("{}/creer-mon-compte/code", state.config.public_origin);
    let demo = state.config.mode == Mode::Demo;
    let outcome = state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            let wait = blocked_for(tx, &nir_key, now)?.max(blocked_for(tx, &ip_key, now)?);
            if wait > 0 {
                return Ok(Err(Refusal::Wait(wait)));
            }
            let member = members::find_by_nir(tx, &keys, &nir)?;
            let postal = match member {
                Some(id) => members::postal(tx, id)?.map(|p| (id, p)),
                None => None,
            };
            let Some((member, postal)) = postal else {
                let wait = record_failure(tx, &ip_key, now, IP_FREE_FAILURES)?;
                return Ok(Err(if wait > 0 {
                    Refusal::Wait(wait)
                } else {
                    Refusal::UnknownNir
                }));
            };
            if postal.birth_date != birth_date.to_string() {
                let wait = record_failure(tx, &nir_key, now, 0)?.max(record_failure(
                    tx,
                    &ip_key,
                    now,
                    IP_FREE_FAILURES,
                )?);
                return Ok(Err(if wait > 0 {
                    Refusal::Wait(wait)
                } else {
                    Refusal::BirthDate
                }));
            }
            let today = now.date();
            let age = age_on(
                (
                    birth_date.year(),
                    u8::from(birth_date.month()),
                    birth_date.day(),
                ),
                (today.year(), u8::from(today.month()), today.day()),
            );
            if age < MIN_AGE_YEARS {
                return Ok(Err(Refusal::TooYoung));
            }
            if let Some((_, status)) = accounts::status_of_member(tx, member)?
                && status != "pending"
            {
                return Ok(Err(Refusal::AccountExists));
            }
            if let Some(live) = letters::live(tx, member)? {
                let sent = clock::parse(&live.created_at);
                if now - sent < Duration::hours(i64::from(LETTER_INTERVAL_HOURS)) {
                    return Ok(Err(Refusal::AlreadySent(sent.date())));
                }
            }

            let expires_on = issue_letter(
                tx,
                &keys,
                &LetterSender {
                    fund: &fund,
                    url: &url,
                    keep_text: demo,
                },
                member,
                &postal,
                &email,
                now,
            )?;
            Ok(Ok(LetterOrdered {
                code_expires_on: expires_on.to_string(),
                town: format!("{} {}", postal.postal_code, postal.city),
            }))
        })
        .await?;
    outcome
        .map(Json)
        .map_err(|refusal| refusal.into_error(lang))
}

/// Step 2: the letter's code and the new password. The answer is the second step of a login:
/// a code was e-mailed to confirm the address.
#[utoipa::path(post, path = "/api/activation", tag = "activation",
    request_body = ActivateRequest,
    responses(
        (status = 200, description = "Password set; a code was e-mailed to confirm the address", body = LoginStep),
        (status = 422, description = "A field is wrong (`fields.nir`, `fields.code`, `fields.password`)", body = ApiError),
        (status = 429, description = "Too many wrong guesses: wait", body = ApiError),
    ))]
pub async fn activate(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    JsonBody(request): JsonBody<ActivateRequest>,
) -> Result<Response, AppError> {
    let (nir, code) = validate_activate(&request, lang)?;
    let keys = state.config.keys.clone();
    let clock = state.clock.clone();
    let ip_key = format!("ip:{ip}");

    // Check the code first; the password is judged only once the code is right.
    let checked = {
        let (keys, clock, ip_key, nir) = (keys.clone(), clock.clone(), ip_key.clone(), nir.clone());
        state
            .db
            .transaction(move |tx| {
                let now = clock.now();
                let wait = blocked_for(tx, &ip_key, now)?;
                if wait > 0 {
                    return Ok(Err(CodeRefusal::Wait(wait)));
                }
                let Some(found) = pending_letter(tx, &keys, &nir)? else {
                    let wait = record_failure(tx, &ip_key, now, IP_FREE_FAILURES)?;
                    return Ok(Err(if wait > 0 {
                        CodeRefusal::Wait(wait)
                    } else {
                        CodeRefusal::NoLetter
                    }));
                };
                if clock::parse(&found.letter.expires_at) <= now {
                    return Ok(Err(CodeRefusal::Expired));
                }
                let typed = letter_code_hash(&keys, found.member, &code);
                if !login::constant_time_eq(&typed, &found.letter.code_hash) {
                    let used = found.letter.attempts + 1;
                    letters::record_attempt(
                        tx,
                        found.letter.id,
                        used >= LETTER_ATTEMPTS,
                        &clock::format(now),
                    )?;
                    record_failure(tx, &ip_key, now, IP_FREE_FAILURES)?;
                    return Ok(Err(if used >= LETTER_ATTEMPTS {
                        CodeRefusal::Spent
                    } else {
                        CodeRefusal::Wrong(LETTER_ATTEMPTS - used)
                    }));
                }
                Ok(Ok(found))
            })
            .await?
    };
    let found = checked.map_err(|refusal| refusal.into_error(lang))?;
    check_new_password(
        &request.password,
        nir.as_str(),
        &found.postal.given_names,
        &found.postal.family_name,
        &found.postal.birth_date,
    )
    .map_err(|problem| invalid(lang, "password", problem.message(lang).to_owned()))?;

    let password = request.password.clone();
    let hash = tokio::task::spawn_blocking(move || crypto::hash_password(&password))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let confirmation = login::six_digits()?;
    let token = session::new_token()?;
    let token_hash = token.hash.clone();
    let user_agent = login::user_agent(&headers);
    let ip_class = login::ip_class(ip);
    let email = found.email.clone();
    let done = state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            let now_text = clock::format(now);
            // The letter may have been spent by a concurrent request since it was checked.
            if letters::live(tx, found.member)?.map(|l| l.id) != Some(found.letter.id) {
                return Ok(false);
            }
            letters::consume(tx, found.letter.id, &now_text)?;
            accounts::set_password(tx, found.account, &hash, &now_text)?;
            let expires = clock::format(now + Duration::minutes(i64::from(EMAIL_CODE_MINUTES)));
            codes::replace(
                tx,
                found.account,
                Purpose::EmailConfirmation,
                &login::code_hash(
                    &keys,
                    Purpose::EmailConfirmation,
                    found.account,
                    &confirmation,
                ),
                &now_text,
                &expires,
            )?;
            mail::confirmation_code(
                tx,
                &found.email,
                lang,
                &confirmation,
                EMAIL_CODE_MINUTES,
                &now_text,
            )?;
            let pending_until =
                clock::format(now + Duration::seconds(i64::from(IDLE_TIMEOUT_SECONDS)));
            sessions::create(
                tx,
                &token_hash,
                found.account,
                sessions::Stage::SecondFactor,
                &now_text,
                &pending_until,
                &user_agent,
                &ip_class,
            )?;
            Ok(true)
        })
        .await?;
    if !done {
        return Err(CodeRefusal::NoLetter.into_error(lang));
    }
    Ok(login::with_cookie(
        &state,
        &token.token,
        Json(LoginStep {
            masked_email: mask_email(&email),
            expires_in_minutes: EMAIL_CODE_MINUTES,
            factor: SecondFactor::Email,
            confirming_email: true,
        }),
    ))
}

/// What step 2 needs once the code is right.
#[derive(Debug, Clone)]
struct PendingLetter {
    member: MemberId,
    account: accounts::AccountId,
    email: String,
    letter: letters::LiveLetter,
    postal: members::Postal,
}

/// Who sends activation letters and where they point.
pub(crate) struct LetterSender<'a> {
    /// The fund's name, at the top of the letter.
    pub fund: &'a str,
    /// Where the code is typed.
    pub url: &'a str,
    /// Keep the letter's words (demo: shown in the outbox).
    pub keep_text: bool,
}

/// Issues a new activation letter to a member (the previous one stops working) and makes their
/// account pending with `email`; returns the code's last day. Used by the member's request and
/// by an agent's "send a new activation letter".
#[allow(clippy::too_many_arguments)]
pub(crate) fn issue_letter(
    tx: &Connection,
    keys: &Keys,
    sender: &LetterSender<'_>,
    member: MemberId,
    postal: &members::Postal,
    email: &str,
    now: time::OffsetDateTime,
) -> Result<Date, DbError> {
    let today = now.date();
    let code = letter_code()?;
    let expires_on = today + Duration::days(i64::from(LETTER_CODE_DAYS));
    let now_text = clock::format(now);
    let expires_at = clock::format(now + Duration::days(i64::from(LETTER_CODE_DAYS)));
    let civility = if postal.sex == "F" { "Mme" } else { "M." };
    let recipient = format!("{civility} {} {}", postal.given_names, postal.family_name);
    let town = format!("{} {}", postal.postal_code, postal.city.to_uppercase());
    let mut lines: Vec<&str> = postal.street.iter().map(String::as_str).collect();
    lines.push(&town);
    let printed = format_letter_code(&code);
    let content = letter::Letter {
        fund_name: sender.fund,
        recipient_name: &recipient,
        address_lines: &lines,
        code: &printed,
        expires_on,
        issued_on: today,
        portal_url: sender.url,
    };
    let pdf = letter::render(&content).map_err(|e| DbError::Data(e.to_string()))?;
    let text = sender.keep_text.then(|| letter::text(&content));
    accounts::upsert_pending(tx, member, email, &now_text)?;
    letters::invalidate_live(tx, member, &now_text)?;
    letters::insert(
        tx,
        keys,
        member,
        &letter_code_hash(keys, member, &code),
        &expires_at,
        &now_text,
        &pdf,
        text.as_deref(),
        &letter::Fields::of(&content),
    )?;
    Ok(expires_on)
}

/// The unspent letter of the pending account of a NIR, with what step 2 needs.
fn pending_letter(
    conn: &Connection,
    keys: &Keys,
    nir: &Nir,
) -> Result<Option<PendingLetter>, DbError> {
    let Some(member) = members::find_by_nir(conn, keys, nir)? else {
        return Ok(None);
    };
    let Some((account, status)) = accounts::status_of_member(conn, member)? else {
        return Ok(None);
    };
    if status != "pending" {
        return Ok(None);
    }
    let (Some(letter), Some(postal), Some(profile)) = (
        letters::live(conn, member)?,
        members::postal(conn, member)?,
        accounts::profile(conn, account)?,
    ) else {
        return Ok(None);
    };
    Ok(Some(PendingLetter {
        member,
        account,
        email: profile.email,
        letter,
        postal,
    }))
}

/// Why step 1 refused.
#[derive(Debug, Clone, Copy)]
enum Refusal {
    Wait(u64),
    UnknownNir,
    BirthDate,
    TooYoung,
    AccountExists,
    AlreadySent(Date),
}

impl Refusal {
    fn into_error(self, lang: Lang) -> AppError {
        let fr = lang == Lang::Fr;
        match self {
            Refusal::Wait(seconds) => AppError::Throttled(seconds),
            Refusal::UnknownNir => invalid(
                lang,
                "nir",
                if fr {
                    "Nous ne trouvons pas ce numéro parmi les assurés de cette caisse. Vérifiez-le, \
                     vérifiez que vous êtes bien rattaché à cette caisse, ou appelez le 36 46."
                } else {
                    "We cannot find this number among this fund's members. Check it, check that you \
                     belong to this fund, or call 36 46."
                }
                .to_owned(),
            ),
            Refusal::BirthDate => invalid(
                lang,
                "birth_date",
                if fr {
                    "Cette date de naissance ne correspond pas à ce numéro. Vérifiez-la sur votre \
                     carte Vitale ou votre attestation."
                } else {
                    "This date of birth does not match this number. Check it on your Vitale card \
                     or your certificate."
                }
                .to_owned(),
            ),
            Refusal::TooYoung => AppError::Invalid(ApiError::new(
                "too_young",
                if fr {
                    "Un compte personnel s'ouvre à partir de 16 ans. D'ici là, un parent suit vos \
                     remboursements depuis son propre compte."
                } else {
                    "A personal account can be opened from the age of 16. Until then, a parent \
                     follows your reimbursements from their own account."
                },
            )),
            Refusal::AccountExists => AppError::Invalid(ApiError::new(
                "account_exists",
                if fr {
                    "Un compte existe déjà pour ce numéro. Connectez-vous, ou choisissez « Mot de \
                     passe oublié » si vous ne vous en souvenez plus."
                } else {
                    "An account already exists for this number. Sign in, or choose \"Forgotten \
                     password\" if you do not remember it."
                },
            )),
            Refusal::AlreadySent(on) => AppError::Invalid(ApiError::new(
                "letter_already_sent",
                if fr {
                    format!(
                        "Un courrier vous a été envoyé le {}. Il arrive sous {DELIVERY_DAYS_MIN} à \
                         {DELIVERY_DAYS_MAX} jours ouvrés ; vous pourrez en demander un autre demain.",
                        french_date(on)
                    )
                } else {
                    format!(
                        "A letter was sent to you on {on}. It arrives within {DELIVERY_DAYS_MIN} to \
                         {DELIVERY_DAYS_MAX} working days; you can ask for another one tomorrow."
                    )
                },
            )),
        }
    }
}

/// Why step 2 refused the code.
#[derive(Debug, Clone, Copy)]
enum CodeRefusal {
    Wait(u64),
    NoLetter,
    Expired,
    Wrong(u32),
    Spent,
}

impl CodeRefusal {
    fn into_error(self, lang: Lang) -> AppError {
        let fr = lang == Lang::Fr;
        let message = match self {
            CodeRefusal::Wait(seconds) => return AppError::Throttled(seconds),
            CodeRefusal::NoLetter if fr => {
                "Ce code ne correspond à aucun courrier en cours pour ce \
                numéro. Vérifiez le numéro et le code, ou demandez un nouveau courrier."
                    .to_owned()
            }
            CodeRefusal::NoLetter => "This code matches no letter in progress for this number. \
                Check the number and the code, or ask for a new letter."
                .to_owned(),
            CodeRefusal::Expired if fr => {
                "Ce code a expiré : demandez un nouveau courrier.".to_owned()
            }
            CodeRefusal::Expired => "This code has expired: ask for a new letter.".to_owned(),
            CodeRefusal::Wrong(left) if fr => format!(
                "Ce code n'est pas le bon. Recopiez-le depuis le courrier. Il vous reste {left} essai{}.",
                if left > 1 { "s" } else { "" }
            ),
            CodeRefusal::Wrong(left) => format!(
                "This code is not the right one. Copy it from the letter. You have {left} attempt{} left.",
                if left > 1 { "s" } else { "" }
            ),
            CodeRefusal::Spent if fr => {
                "Trop d'essais avec ce code : il ne fonctionne plus. Demandez un nouveau courrier."
                    .to_owned()
            }
            CodeRefusal::Spent => {
                "Too many attempts with this code: it no longer works. Ask for a new letter."
                    .to_owned()
            }
        };
        invalid(lang, "code", message)
    }
}

fn validate_letter(request: &LetterRequest, lang: Lang) -> Result<(Nir, Date, String), AppError> {
    let mut error = validation(lang);
    let nir = Nir::parse(&request.nir);
    if let Err(e) = &nir {
        error = error.with_field("nir", e.message(lang));
    }
    let birth = parse_birth_date(&request.birth_date);
    if birth.is_none() {
        error = error.with_field(
            "birth_date",
            match lang {
                Lang::Fr => "Saisissez votre date de naissance complète, par exemple 14 05 1991.",
                Lang::En => "Enter your full date of birth, for example 14 05 1991.",
            },
        );
    }
    let email = parse_email(&request.email);
    if let Err(problem) = &email {
        error = error.with_field("email", problem.message(lang));
    }
    match (nir, birth, email) {
        (Ok(nir), Some(birth), Ok(email)) => Ok((nir, birth, email)),
        _ => Err(AppError::Invalid(error)),
    }
}

fn validate_activate(request: &ActivateRequest, lang: Lang) -> Result<(Nir, String), AppError> {
    let fr = lang == Lang::Fr;
    let mut error = validation(lang);
    let nir = Nir::parse(&request.nir);
    if let Err(e) = &nir {
        error = error.with_field("nir", e.message(lang));
    }
    let code = parse_letter_code(&request.code);
    if request.code.trim().is_empty() {
        error = error.with_field(
            "code",
            if fr {
                "Saisissez le code reçu par courrier."
            } else {
                "Enter the code you received by post."
            },
        );
    } else if code.is_none() {
        error = error.with_field(
            "code",
            if fr {
                "Le code compte 10 lettres et chiffres, comme 7KQ4M-T9XWP : recopiez-le depuis le courrier."
            } else {
                "The code has 10 letters and digits, like 7KQ4M-T9XWP: copy it from the letter."
            },
        );
    }
    if request.password.is_empty() {
        error = error.with_field(
            "password",
            if fr {
                "Choisissez votre mot de passe."
            } else {
                "Choose your password."
            },
        );
    }
    match (nir, code) {
        (Ok(nir), Some(code)) if error.fields.is_empty() => Ok((nir, code)),
        _ => Err(AppError::Invalid(error)),
    }
}

/// A fresh random activation code.
fn letter_code() -> Result<String, DbError> {
    loop {
        let bytes: [u8; 32] = crypto::random_bytes().map_err(|e| DbError::Data(e.to_string()))?;
        if let Some(code) = letter_code_from_bytes(&bytes) {
            return Ok(code);
        }
    }
}

fn letter_code_hash(keys: &Keys, member: MemberId, code: &str) -> Vec<u8> {
    keys.blind_index("activation_letters.code", &format!("{}:{code}", member.0))
}

/// "26 novembre 2026".
fn french_date(date: Date) -> String {
    clock::date_words(date, Lang::Fr)
}
