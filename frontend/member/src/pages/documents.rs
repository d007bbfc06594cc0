//! Certificates and statements (`/documents`): the attestation de droits of the member and of
//! each minor dependant, with what it will say, and where the statements are.

use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::attestation::{self, Beneficiary};
use portail_shared::i18n::Text;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::date_input::SimpleDate;
use crate::components::download::DownloadLink;
use crate::components::link::AppLink;
use crate::components::member_area::MemberArea;
use crate::components::page_title::PageTitle;
use crate::lang::use_lang;
use crate::route::Route;
use crate::session::{SessionState, use_session};

/// What the page knows of the household.
#[derive(Debug, Clone, PartialEq)]
enum Loaded {
    Loading,
    Ready(Rc<Vec<Beneficiary>>),
    Failed(AttrValue),
}

/// Certificates, statements and letters (`/documents`).
#[component]
pub fn DocumentsPage() -> Html {
    let session = use_session();
    match session.session.state {
        SessionState::Member(_) => html! { <MemberDocuments /> },
        SessionState::Anonymous | SessionState::Unknown => html! {
            <MemberArea
                title={Text::TitleDocuments}
                intro={Text::DocumentsIntro}
                sign_in={Text::DocumentsSignIn}
            />
        },
    }
}

#[component]
fn MemberDocuments() -> Html {
    let lang = use_lang();
    let loaded = use_state(|| Loaded::Loading);
    {
        let loaded = loaded.setter();
        use_effect_with((), move |()| {
            spawn_local(async move {
                let answer =
                    api::get_json::<Vec<Beneficiary>>(api::paths::ATTESTATIONS, lang).await;
                loaded.set(match answer {
                    Ok(people) => Loaded::Ready(Rc::new(people)),
                    Err(failure) => Loaded::Failed(failure.message(lang).into()),
                });
            });
        });
    }
    let body = match &*loaded {
        Loaded::Loading => html! {
            <p class="loading" role="status">{ Text::AttestationLoading.text(lang) }</p>
        },
        Loaded::Failed(message) => html! {
            <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
        },
        Loaded::Ready(people) => html! { <Attestations people={Rc::clone(people)} /> },
    };
    html! {
        <>
            <PageTitle text={Text::TitleDocuments} />
            <p class="lead">{ Text::DocumentsIntro.text(lang) }</p>
            <section class="box" aria-labelledby="attestation">
                <h2 id="attestation">{ Text::AttestationHeading.text(lang) }</h2>
                <p>{ Text::AttestationLead.text(lang) }</p>
                { body }
                <p>
                    <a href="/verifier">{ Text::AttestationCheckLink.text(lang) }</a>
                </p>
            </section>
            <section class="box" aria-labelledby="releves">
                <h2 id="releves">{ Text::DocumentsStatementsHeading.text(lang) }</h2>
                <p>{ Text::DocumentsStatementsLead.text(lang) }</p>
                <p>
                    <AppLink to={Route::Reimbursements}>{ Text::DocumentsStatementsLink.text(lang) }</AppLink>
                </p>
            </section>
            <section class="box" aria-labelledby="carte-europeenne">
                <h2 id="carte-europeenne">{ Text::TitleCeam.text(lang) }</h2>
                <p>{ Text::CeamDocumentsLead.text(lang) }</p>
                <p><AppLink to={Route::Ceam}>{ Text::CeamDocumentsLink.text(lang) }</AppLink></p>
            </section>
        </>
    }
}

/// Properties of [`Attestations`].
#[derive(Properties, PartialEq, Clone)]
pub struct AttestationsProps {
    /// The member first, then their minor dependants.
    pub people: Rc<Vec<Beneficiary>>,
}

/// One card per person: what the attestation says, and its download.
#[component]
pub fn Attestations(props: &AttestationsProps) -> Html {
    let lang = use_lang();
    html! {
        <>
            if props.people.len() > 1 {
                <p>{ Text::AttestationFamilyLead.text(lang) }</p>
            }
            <ul class="attestations">
                { for props.people.iter().map(|p| card(p, lang)) }
            </ul>
        </>
    }
}

fn long(iso: &str, lang: Lang) -> String {
    SimpleDate::from_iso(iso).map_or_else(|| iso.to_owned(), |d| d.long(lang))
}

fn card(p: &Beneficiary, lang: Lang) -> Html {
    let rights = match &p.rights_until {
        Some(until) => format!(
            "{} {} {} {}",
            Text::AttestationRightsSince.text(lang),
            long(&p.rights_from, lang),
            Text::AttestationRightsUntil.text(lang),
            long(until, lang)
        ),
        None => format!(
            "{} {}",
            Text::AttestationRightsSince.text(lang),
            long(&p.rights_from, lang)
        ),
    };
    let css = p.css_until.as_ref().map_or_else(
        || Text::No.text(lang).to_owned(),
        |until| {
            format!(
                "{} {}",
                Text::AttestationCssUntil.text(lang),
                long(until, lang)
            )
        },
    );
    let doctor = if p.treating_doctor {
        Text::AttestationDeclared
    } else {
        Text::AttestationNotDeclared
    };
    let exoneration = if p.exoneration {
        Text::AttestationExonerationYes.text(lang)
    } else {
        Text::No.text(lang)
    };
    let heading = format!("attestation-{}", p.id);
    html! {
        <li key={p.id} class="attestation-card" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ p.name.clone() }</h3>
            <dl class="details">
                <div><dt>{ Text::AttestationRank.text(lang) }</dt><dd>{ attestation::rank_words(p.rank, lang) }</dd></div>
                <div><dt>{ Text::AttestationNir.text(lang) }</dt><dd>{ p.nir_masked.clone() }</dd></div>
                <div><dt>{ Text::AttestationRights.text(lang) }</dt><dd>{ rights }</dd></div>
                <div><dt>{ Text::AttestationCss.text(lang) }</dt><dd>{ css }</dd></div>
                <div><dt>{ Text::AttestationTreatingDoctor.text(lang) }</dt><dd>{ doctor.text(lang) }</dd></div>
                <div><dt>{ Text::AttestationExoneration.text(lang) }</dt><dd>{ exoneration }</dd></div>
            </dl>
            if !p.treating_doctor {
                <p><AppLink to={Route::Doctor}>{ Text::DoctorAttestationLink.text(lang) }</AppLink></p>
            }
            <DownloadLink classes={classes!("button", "button--secondary")}
                href={format!("{}/{}", api::paths::ATTESTATIONS, p.id)} file_name="attestation-droits.pdf">
                { Text::AttestationDownload.text(lang) }
                <span class="visually-hidden">{ format!(" {} {}", Text::AttestationOf.text(lang), p.name) }</span>
            </DownloadLink>
        </li>
    }
}
