//! "Vérifier une attestation" (`/verifier`): anyone checks an attestation's signed code.
//!
//! A phone's camera opens this page from the attestation's QR code with the code in the
//! address's fragment (never sent to a server); one can also paste or type it. The check is
//! `portail_shared::attestation::verify`, run here in the browser against the fund's public
//! keys (which the service worker keeps for offline use).

use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::attestation::{self, PublicKeys, Statement, Verdict};
use portail_shared::i18n::Text;
use portail_shared::reimbursements::Date;
use web_sys::HtmlTextAreaElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::browser;
use crate::browser::UrlFragment;
use crate::components::date_input::{SimpleDate, use_today};
use crate::components::field::field_message;
use crate::components::icons::{Icon, IconKind};
use crate::components::page_title::PageTitle;
use crate::lang::use_lang;

const CODE_ID: &str = "code-attestation";
const RESULT_ID: &str = "resultat-verification";

/// The fund's keys as the page knows them.
#[derive(Debug, Clone, PartialEq)]
enum Keys {
    Loading,
    Ready(Rc<PublicKeys>),
    Unavailable,
}

/// What the last check concluded.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// Nothing checked yet.
    None,
    /// "Vérifier" with an empty box.
    Empty,
    /// A code was judged.
    Judged(Verdict),
}

/// Properties of [`VerifierView`].
#[derive(Properties, PartialEq, Clone)]
pub struct VerifierViewProps {
    /// The fund's keys (`None`: could not be loaded).
    pub keys: Option<Rc<PublicKeys>>,
    /// The code to check at once (from the address's fragment).
    #[prop_or_default]
    pub code: Option<AttrValue>,
    /// Today, for "cover open today" (`None`: not said).
    #[prop_or_default]
    pub today: Option<Date>,
}

/// The verification page.
#[component]
pub fn VerifierPage() -> Html {
    let lang = use_lang();
    let keys = use_state(|| Keys::Loading);
    let preset = use_context::<UrlFragment>();
    {
        let keys = keys.setter();
        use_effect_with((), move |()| {
            spawn_local(async move {
                let answer = api::get_json::<PublicKeys>(api::paths::ATTESTATION_KEYS, lang).await;
                keys.set(match answer {
                    Ok(k) => Keys::Ready(Rc::new(k)),
                    Err(_) => Keys::Unavailable,
                });
            });
        });
    }
    let code = match preset {
        Some(UrlFragment(fragment)) => fragment,
        None => browser::location_fragment().map(AttrValue::from),
    };
    let today = use_today().and_then(|d| {
        Date::new(
            d.year,
            u8::try_from(d.month).ok()?,
            u8::try_from(d.day).ok()?,
        )
    });
    html! {
        <div class="narrow">
            <PageTitle text={Text::TitleVerifier} />
            <p class="lead">{ Text::VerifierIntro.text(lang) }</p>
            <p>{ Text::VerifierPrivacy.text(lang) }</p>
            { match &*keys {
                Keys::Loading => html! {
                    <p class="loading" role="status">{ Text::VerifierLoadingKeys.text(lang) }</p>
                },
                Keys::Ready(k) => html! { <VerifierView keys={Some(Rc::clone(k))} {code} {today} /> },
                Keys::Unavailable => html! { <VerifierView keys={None} {code} {today} /> },
            } }
        </div>
    }
}

/// The code box and the verdict.
#[component]
pub fn VerifierView(props: &VerifierViewProps) -> Html {
    let lang = use_lang();
    let text = use_state(|| {
        props
            .code
            .as_ref()
            .map(|c| c.to_string())
            .unwrap_or_default()
    });
    let judge = {
        let keys = props.keys.clone();
        move |input: &str| -> Outcome {
            if input.trim().is_empty() {
                return Outcome::Empty;
            }
            match &keys {
                Some(k) => Outcome::Judged(attestation::verify(input, &k.keys)),
                None => Outcome::Judged(Verdict::UnknownSigner),
            }
        }
    };
    // A code from the address is checked at once.
    let outcome = {
        let first = props.code.as_ref().map_or(Outcome::None, |c| judge(c));
        use_state(move || first)
    };
    let checked = use_state(|| 0_u32);
    use_effect_with(*checked, |checked| {
        if *checked > 0 {
            browser::focus_id(RESULT_ID);
        }
    });
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };
    let onsubmit = {
        let (text, outcome, checked) = (text.clone(), outcome.clone(), checked.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            outcome.set(judge(&text));
            checked.set(*checked + 1);
        })
    };
    let empty = *outcome == Outcome::Empty;
    let fund = props
        .keys
        .as_ref()
        .map(|k| k.fund_name.clone())
        .unwrap_or_default();
    html! {
        <>
            <form class="form" novalidate=true {onsubmit}>
                <div class={classes!("field", empty.then_some("field--error"))}>
                    <label class="field__label" for={CODE_ID}>{ Text::VerifierCodeLabel.text(lang) }</label>
                    <p class="field__hint" id="code-attestation-aide">{ Text::VerifierCodeHint.text(lang) }</p>
                    { field_message(CODE_ID, empty.then(|| AttrValue::from(Text::VerifierEmpty.text(lang))).as_ref(), lang) }
                    <textarea class="field__input field__textarea field__input--code" id={CODE_ID} name={CODE_ID}
                        rows="4" spellcheck="false" autocomplete="off" autocapitalize="off"
                        aria-invalid={empty.then_some("true")}
                        aria-describedby="code-attestation-aide code-attestation-message"
                        value={(*text).clone()} {oninput} />
                </div>
                <button class="button button--primary" type="submit">{ Text::VerifierSubmit.text(lang) }</button>
            </form>
            { match &*outcome {
                Outcome::None | Outcome::Empty => html! {},
                Outcome::Judged(_) if props.keys.is_none() => refusal(Text::VerifierNoKeys, lang),
                Outcome::Judged(Verdict::Authentic(s)) => authentic(s, props, &fund, lang),
                Outcome::Judged(Verdict::Tampered) => refusal(Text::VerifierTampered, lang),
                Outcome::Judged(Verdict::UnknownSigner) => refusal(Text::VerifierUnknownSigner, lang),
                Outcome::Judged(Verdict::Malformed) => refusal(Text::VerifierMalformed, lang),
            } }
        </>
    }
}

fn long(date: Date, lang: Lang) -> String {
    SimpleDate::from_iso(&date.to_string()).map_or_else(|| date.to_string(), |d| d.long(lang))
}

fn authentic(s: &Statement, props: &VerifierViewProps, fund: &str, lang: Lang) -> Html {
    let rights = match s.rights_until {
        Some(until) => format!(
            "{} {} {} {}",
            Text::AttestationRightsSince.text(lang),
            long(s.rights_from, lang),
            Text::AttestationRightsUntil.text(lang),
            long(until, lang)
        ),
        None => format!(
            "{} {}, {}",
            Text::AttestationRightsSince.text(lang),
            long(s.rights_from, lang),
            Text::VerifierNoEnd.text(lang)
        ),
    };
    let css = match s.css_until {
        Some(until) => format!(
            "{} {}",
            Text::AttestationCssUntil.text(lang),
            long(until, lang)
        ),
        None => Text::No.text(lang).to_owned(),
    };
    let key = props
        .keys
        .as_ref()
        .and_then(|k| k.keys.iter().find(|k| k.key_id == s.key_id));
    let key_words = match key.and_then(|k| k.retired_on.as_deref()) {
        Some(retired) => format!(
            "{} ({} {})",
            s.key_id,
            Text::VerifierKeyRetired.text(lang),
            SimpleDate::from_iso(retired).map_or_else(|| retired.to_owned(), |d| d.long(lang))
        ),
        None => s.key_id.clone(),
    };
    let issuer = if s.fund_name.is_empty() {
        fund
    } else {
        s.fund_name.as_str()
    };
    let rows = [
        (
            Text::VerifierIssuer,
            format!(
                "{issuer} ({} {})",
                Text::VerifierFundCode.text(lang),
                s.fund_code
            ),
        ),
        (Text::VerifierIssuedOn, long(s.issued_on, lang)),
        (Text::VerifierFamilyName, s.family_name.clone()),
        (Text::VerifierGivenNames, s.given_names.clone()),
        (Text::VerifierBirthDate, long(s.birth_date, lang)),
        (Text::AttestationNir, s.nir.grouped()),
        (Text::AttestationRank, attestation::rank_words(s.rank, lang)),
        (Text::AttestationRights, rights),
        (Text::AttestationCss, css),
        (Text::VerifierNumber, s.number.to_string()),
        (Text::VerifierKey, key_words),
    ];
    html! {
        <section class="panel panel--success" aria-labelledby={RESULT_ID}>
            <h2 id={RESULT_ID} class="panel__title" tabindex="-1">
                <Icon kind={IconKind::Success} />
                { Text::VerifierAuthentic.text(lang) }
            </h2>
            <p>{ Text::VerifierAuthenticLead.text(lang) }</p>
            <dl class="details">
                { for rows.into_iter().map(|(label, value)| html! {
                    <div>
                        <dt>{ label.text(lang) }</dt>
                        <dd>{ value }</dd>
                    </div>
                }) }
            </dl>
            if let Some(today) = props.today {
                <p><strong>{ if attestation::covered_on(s, today) {
                    Text::VerifierCoveredToday.text(lang)
                } else {
                    Text::VerifierNotCoveredToday.text(lang)
                } }</strong></p>
            }
            <p>{ Text::VerifierAsOfIssue.text(lang) }</p>
        </section>
    }
}

fn refusal(why: Text, lang: Lang) -> Html {
    html! {
        <section class="panel panel--error" aria-labelledby={RESULT_ID}>
            <h2 id={RESULT_ID} class="panel__title" tabindex="-1">
                <Icon kind={IconKind::Error} />
                { Text::VerifierNotAuthentic.text(lang) }
            </h2>
            <p>{ why.text(lang) }</p>
        </section>
    }
}
