//! Attestation de droits: the signed code its QR carries, and how anyone checks it.
//!
//! An attestation states who is covered, by which fund, since when and until when. Its QR
//! code carries the same essential facts (never a health detail: no ALD, no médecin traitant)
//! in a compact text signed with the fund's Ed25519 key:
//!
//! ```text
//! PA1.<base64url(facts)>.<base64url(signature)>
//! facts = 1|key id|issued on|fund code|fund name|NIR|family name|given names|birth date|rank|rights from|rights until|CSS until|document number
//! ```
//!
//! The QR holds the verification page's address with the code in the fragment
//! (`https://…/verifier#PA1…`), so a phone's camera opens the page and the code never reaches
//! a server: the page checks it in the browser against the fund's public keys (kept for
//! offline use). The server signs with [`sign`]; the page checks with [`verify`]: one
//! implementation on both sides.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use crate::reimbursements::Date;
use crate::{Lang, Nir};

/// What starts every code, with the format's version.
pub const PREFIX: &str = "PA1";

/// The facts of one attestation, as signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The key that signs it ([`key_id`]).
    pub key_id: String,
    /// Day of issue.
    pub issued_on: Date,
    /// The fund's code (e.g. `751`).
    pub fund_code: String,
    /// The fund's name.
    pub fund_name: String,
    /// The beneficiary's social security number.
    pub nir: Nir,
    /// Family name.
    pub family_name: String,
    /// Given names.
    pub given_names: String,
    /// Birth date.
    pub birth_date: Date,
    /// Rank: 1 the insured, 2 to 19 a dependant.
    pub rank: u8,
    /// First day of the rights.
    pub rights_from: Date,
    /// Last day of the rights (`None`: open-ended).
    pub rights_until: Option<Date>,
    /// Last day of Complémentaire santé solidaire rights, when covered on the day of issue.
    pub css_until: Option<Date>,
    /// The document's number in the fund's register of issued documents.
    pub number: u64,
}

/// Why a code cannot be produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignError {
    /// A field holds the separator `|` or a line break.
    ForbiddenCharacter,
}

/// A public key of the fund, as the verification page receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicKey {
    /// Short identifier printed in codes ([`key_id`]).
    pub key_id: String,
    /// The 32-byte Ed25519 public key, base64url without padding.
    pub public_key: String,
    /// When it started signing (`YYYY-MM-DD`).
    pub created_on: String,
    /// When it stopped signing, if it was replaced (`YYYY-MM-DD`); it still verifies.
    pub retired_on: Option<String>,
}

/// The fund's public keys (`GET /api/attestations/keys`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicKeys {
    /// The fund's name.
    pub fund_name: String,
    /// Every key that ever signed, newest first.
    pub keys: Vec<PublicKey>,
}

/// What the verification page concludes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Signed by one of the fund's keys: these facts are what the fund certified.
    Authentic(Box<Statement>),
    /// Shaped like a code, naming one of the fund's keys, but the signature does not match
    /// the facts: the code was altered.
    Tampered,
    /// Not signed by any of this fund's keys (another signer, or a forged key id).
    UnknownSigner,
    /// Not a code of this kind at all (truncated, mistyped, another QR code).
    Malformed,
}

/// The public key of a 32-byte secret seed.
pub fn public_key(seed: &[u8; 32]) -> [u8; 32] {
    SigningKey::from_bytes(seed).verifying_key().to_bytes()
}

/// A key's short identifier: the first 6 bytes of the public key in base64url (8 characters).
pub fn key_id(public: &[u8; 32]) -> String {
    B64.encode(&public[..6])
}

/// A public key as [`PublicKey::public_key`] carries it.
pub fn encode_key(public: &[u8; 32]) -> String {
    B64.encode(public)
}

/// Signs `statement` with `seed`; `statement.key_id` must be the seed's [`key_id`].
pub fn sign(statement: &Statement, seed: &[u8; 32]) -> Result<String, SignError> {
    let facts = facts_text(statement)?;
    let signature = SigningKey::from_bytes(seed).sign(facts.as_bytes());
    Ok(format!(
        "{PREFIX}.{}.{}",
        B64.encode(facts.as_bytes()),
        B64.encode(signature.to_bytes())
    ))
}

/// Checks a pasted or scanned code against the fund's `keys`. Accepts the bare code or the
/// whole verification address (`…/verifier#PA1…`), with stray spaces and line breaks.
pub fn verify(input: &str, keys: &[PublicKey]) -> Verdict {
    let Some((facts, signature)) = split(input) else {
        return Verdict::Malformed;
    };
    let Some(statement) = parse_facts(&facts) else {
        return Verdict::Malformed;
    };
    let Some(key) = keys.iter().find(|k| k.key_id == statement.key_id) else {
        return Verdict::UnknownSigner;
    };
    let Some(public) = decode_array::<32>(&key.public_key) else {
        return Verdict::UnknownSigner;
    };
    let Ok(verifying) = VerifyingKey::from_bytes(&public) else {
        return Verdict::UnknownSigner;
    };
    // The key id is a prefix of the public key: a key whose id matches by chance is another key.
    if key_id(&public) != statement.key_id {
        return Verdict::UnknownSigner;
    }
    match verifying.verify_strict(facts.as_bytes(), &Signature::from_bytes(&signature)) {
        Ok(()) => Verdict::Authentic(Box::new(statement)),
        Err(_) => Verdict::Tampered,
    }
}

/// The code out of what was pasted: after a `#` if any, without whitespace.
fn split(input: &str) -> Option<(String, [u8; 64])> {
    let code = input.rsplit('#').next().unwrap_or(input);
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let mut parts = code.split('.');
    let (Some(prefix), Some(facts), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    if prefix != PREFIX {
        return None;
    }
    let facts = String::from_utf8(B64.decode(facts).ok()?).ok()?;
    Some((facts, decode_array::<64>(signature)?))
}

fn decode_array<const N: usize>(text: &str) -> Option<[u8; N]> {
    B64.decode(text).ok()?.try_into().ok()
}

fn facts_text(s: &Statement) -> Result<String, SignError> {
    let optional = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let fields = [
        "1".to_owned(),
        s.key_id.clone(),
        s.issued_on.to_string(),
        s.fund_code.clone(),
        s.fund_name.clone(),
        s.nir.as_str().to_owned(),
        s.family_name.clone(),
        s.given_names.clone(),
        s.birth_date.to_string(),
        s.rank.to_string(),
        s.rights_from.to_string(),
        optional(s.rights_until),
        optional(s.css_until),
        s.number.to_string(),
    ];
    if fields
        .iter()
        .any(|f| f.contains('|') || f.chars().any(char::is_control))
    {
        return Err(SignError::ForbiddenCharacter);
    }
    Ok(fields.join("|"))
}

fn parse_facts(text: &str) -> Option<Statement> {
    let f: Vec<&str> = text.split('|').collect();
    let [
        version,
        key_id,
        issued_on,
        fund_code,
        fund_name,
        nir,
        family_name,
        given_names,
        birth_date,
        rank,
        rights_from,
        rights_until,
        css_until,
        number,
    ] = f.as_slice()
    else {
        return None;
    };
    if *version != "1" {
        return None;
    }
    let optional = |t: &str| -> Option<Option<Date>> {
        if t.is_empty() {
            Some(None)
        } else {
            Date::parse(t).map(Some)
        }
    };
    Some(Statement {
        key_id: (*key_id).to_owned(),
        issued_on: Date::parse(issued_on)?,
        fund_code: (*fund_code).to_owned(),
        fund_name: (*fund_name).to_owned(),
        nir: nir.parse().ok()?,
        family_name: (*family_name).to_owned(),
        given_names: (*given_names).to_owned(),
        birth_date: Date::parse(birth_date)?,
        rank: rank.parse().ok().filter(|r| (1..=19).contains(r))?,
        rights_from: Date::parse(rights_from)?,
        rights_until: optional(rights_until)?,
        css_until: optional(css_until)?,
        number: number.parse().ok()?,
    })
}

/// Whether the rights stated were open on `day`.
pub fn covered_on(statement: &Statement, day: Date) -> bool {
    statement.rights_from <= day && statement.rights_until.is_none_or(|until| day <= until)
}

/// "Assuré" for rank 1, "Ayant droit (rang 02)" otherwise.
pub fn rank_words(rank: u8, lang: Lang) -> String {
    match (rank, lang) {
        (1, Lang::Fr) => "Assuré(e) (rang 01)".to_owned(),
        (1, Lang::En) => "Insured person (rank 01)".to_owned(),
        (r, Lang::Fr) => format!("Ayant droit (rang {r:02})"),
        (r, Lang::En) => format!("Dependant (rank {r:02})"),
    }
}

/// Who may get whose attestation: the insured for themselves and each dependant under 18
/// attached to them; a dependant of 18 or more has their own account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Beneficiary {
    /// The person's id on the fund's roll (used in the download address).
    pub id: i64,
    /// Given names and family name.
    pub name: String,
    /// Birth date, `YYYY-MM-DD`.
    pub birth_date: String,
    /// 1 the insured, 2 to 19 a dependant.
    pub rank: u8,
    /// The NIR as shown on screen, masked (`2 95 10 •• ••• ••• 93`).
    pub nir_masked: String,
    /// First day of rights, `YYYY-MM-DD`.
    pub rights_from: String,
    /// Last day of rights, if any.
    pub rights_until: Option<String>,
    /// Complémentaire santé solidaire until, if covered today.
    pub css_until: Option<String>,
    /// Whether a médecin traitant is declared.
    pub treating_doctor: bool,
    /// Whether an exoneration (ALD) period is open (the label is only on the PDF).
    pub exoneration: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(n: u8) -> [u8; 32] {
        [n; 32]
    }

    fn keys_for(seeds: &[[u8; 32]]) -> Vec<PublicKey> {
        seeds
            .iter()
            .map(|s| {
                let p = public_key(s);
                PublicKey {
                    key_id: key_id(&p),
                    public_key: encode_key(&p),
                    created_on: "2026-01-01".to_owned(),
                    retired_on: None,
                }
            })
            .collect()
    }

    fn statement(seed: &[u8; 32]) -> Statement {
        Statement {
            key_id: key_id(&public_key(seed)),
            issued_on: Date::new(2026, 11, 27).unwrap_or(Date::from_days_since_epoch(0)),
            fund_code: "999".to_owned(),
            fund_name: "Caisse de démonstration Portail".to_owned(),
            nir: "295109912611193".parse().expect("valid NIR"),
            family_name: "MARTIN".to_owned(),
            given_names: "Camille Anne".to_owned(),
            birth_date: Date::new(1995, 10, 3).expect("date"),
            rank: 1,
            rights_from: Date::new(2013, 10, 3).expect("date"),
            rights_until: None,
            css_until: Date::new(2027, 3, 31),
            number: 42,
        }
    }

    #[test]
    fn a_genuine_code_verifies_and_gives_back_its_facts() {
        let s = statement(&seed(7));
        let code = sign(&s, &seed(7)).expect("signs");
        assert!(code.starts_with("PA1."));
        assert_eq!(
            verify(&code, &keys_for(&[seed(7)])),
            Verdict::Authentic(Box::new(s))
        );
    }

    #[test]
    fn the_whole_address_with_spaces_and_breaks_is_accepted() {
        let s = statement(&seed(7));
        let code = sign(&s, &seed(7)).expect("signs");
        let (a, b) = code.split_at(40);
        let pasted = format!("  https://portail.example/verifier#{a}\n {b} ");
        assert_eq!(
            verify(&pasted, &keys_for(&[seed(7)])),
            Verdict::Authentic(Box::new(s))
        );
    }

    #[test]
    fn an_old_key_still_verifies_after_rotation() {
        let s = statement(&seed(1));
        let code = sign(&s, &seed(1)).expect("signs");
        let mut keys = keys_for(&[seed(2), seed(1)]);
        keys[1].retired_on = Some("2026-06-01".to_owned());
        assert!(matches!(verify(&code, &keys), Verdict::Authentic(_)));
    }

    #[test]
    fn a_changed_fact_is_tampered() {
        let s = statement(&seed(7));
        let code = sign(&s, &seed(7)).expect("signs");
        let parts: Vec<&str> = code.split('.').collect();
        let facts = String::from_utf8(B64.decode(parts[1]).expect("b64")).expect("utf8");
        let altered = facts.replace("|2013-10-03|", "|2003-10-03|");
        assert_ne!(facts, altered);
        let forged = format!("PA1.{}.{}", B64.encode(altered), parts[2]);
        assert_eq!(verify(&forged, &keys_for(&[seed(7)])), Verdict::Tampered);
    }

    #[test]
    fn a_changed_signature_is_tampered() {
        let code = sign(&statement(&seed(7)), &seed(7)).expect("signs");
        let (head, sig) = code.rsplit_once('.').expect("dot");
        let mut bytes = B64.decode(sig).expect("b64");
        bytes[10] ^= 1;
        let forged = format!("{head}.{}", B64.encode(bytes));
        assert_eq!(verify(&forged, &keys_for(&[seed(7)])), Verdict::Tampered);
    }

    #[test]
    fn a_code_signed_by_another_key_is_not_the_funds() {
        // Signed by a stranger who names their own key.
        let code = sign(&statement(&seed(9)), &seed(9)).expect("signs");
        assert_eq!(verify(&code, &keys_for(&[seed(7)])), Verdict::UnknownSigner);
        // Signed by a stranger who copies the fund's key id.
        let mut s = statement(&seed(9));
        s.key_id = key_id(&public_key(&seed(7)));
        let code = sign(&s, &seed(9)).expect("signs");
        assert_eq!(verify(&code, &keys_for(&[seed(7)])), Verdict::Tampered);
    }

    #[test]
    fn what_is_not_a_code_is_malformed() {
        let keys = keys_for(&[seed(7)]);
        for input in [
            "",
            "bonjour",
            "PA1..",
            "PA2.AAAA.AAAA",
            "https://example.org/",
            "PA1.bm9u.AAAA",
        ] {
            assert_eq!(verify(input, &keys), Verdict::Malformed, "{input:?}");
        }
        let code = sign(&statement(&seed(7)), &seed(7)).expect("signs");
        assert_eq!(verify(&code[..code.len() - 3], &keys), Verdict::Malformed);
    }

    #[test]
    fn a_separator_in_a_field_cannot_be_signed() {
        let mut s = statement(&seed(7));
        s.family_name = "MARTIN|X".to_owned();
        assert_eq!(sign(&s, &seed(7)), Err(SignError::ForbiddenCharacter));
        s.family_name = "MARTIN\nX".to_owned();
        assert_eq!(sign(&s, &seed(7)), Err(SignError::ForbiddenCharacter));
    }

    #[test]
    fn the_code_carries_no_health_detail_and_stays_small() {
        let code = sign(&statement(&seed(7)), &seed(7)).expect("signs");
        // Small enough for a QR code read at arm's length (version ≤ 12 at level M).
        assert!(code.len() < 300, "{}", code.len());
    }

    #[test]
    fn rights_cover_their_days_and_no_other() {
        let mut s = statement(&seed(7));
        s.rights_until = Date::new(2026, 12, 31);
        let day = |y, m, d| Date::new(y, m, d).expect("date");
        assert!(covered_on(&s, day(2013, 10, 3)));
        assert!(covered_on(&s, day(2026, 12, 31)));
        assert!(!covered_on(&s, day(2027, 1, 1)));
        assert!(!covered_on(&s, day(2013, 10, 2)));
    }

    #[test]
    fn ranks_read_as_the_fund_writes_them() {
        assert_eq!(rank_words(1, Lang::Fr), "Assuré(e) (rang 01)");
        assert_eq!(rank_words(3, Lang::Fr), "Ayant droit (rang 03)");
        assert_eq!(rank_words(3, Lang::En), "Dependant (rank 03)");
    }
}
