//! The European health insurance card (CEAM, carte européenne d’assurance maladie): free,
//! one per person (each child has their own), valid 2 years. It is ordered at least 15 days
//! before leaving and arrives in about 2 weeks; when the departure is sooner, a provisional
//! replacement certificate valid 3 months can be downloaded at once.
//!
//! Everything here is pure: the card's status on a day, who a member may order for, the checks
//! of an order, whether the card arrives in time, the certificate's validity, and the API's
//! bodies.

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::activation::age_on;
use crate::address::PostalAddress;
use crate::reimbursements::Date;

/// Years a card is valid.
pub const CARD_YEARS: i32 = 2;

/// Days the card takes to arrive (about two weeks).
pub const DELIVERY_DAYS: i64 = 14;

/// Days before departure an order must be placed for the card to arrive in time.
pub const ORDER_DAYS_BEFORE: i64 = 15;

/// Months a provisional replacement certificate is valid.
pub const PROVISIONAL_MONTHS: i32 = 3;

/// Months before its end a card is said to expire soon.
pub const WARNING_MONTHS: i32 = 3;

/// How far ahead a departure may be, in months (an order for a trip further away waits).
pub const MAX_DEPARTURE_MONTHS: i32 = 12;

/// Where a card stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CardStatus {
    /// Valid for more than [`WARNING_MONTHS`] months.
    Valid,
    /// Still valid, but ends within [`WARNING_MONTHS`] months.
    ExpiresSoon,
    /// Its last day has passed.
    Expired,
}

impl CardStatus {
    /// A few words for a badge.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (CardStatus::Valid, Lang::Fr) => "Valide",
            (CardStatus::Valid, Lang::En) => "Valid",
            (CardStatus::ExpiresSoon, Lang::Fr) => "Expire bientôt",
            (CardStatus::ExpiresSoon, Lang::En) => "Expires soon",
            (CardStatus::Expired, Lang::Fr) => "Expirée",
            (CardStatus::Expired, Lang::En) => "Expired",
        }
    }
}

/// The status on `today` of a card whose last valid day is `valid_until`.
pub fn card_status(valid_until: Date, today: Date) -> CardStatus {
    if today > valid_until {
        CardStatus::Expired
    } else if valid_until <= today.add_months(WARNING_MONTHS) {
        CardStatus::ExpiresSoon
    } else {
        CardStatus::Valid
    }
}

/// The last valid day of a card made on `issued`: two years later, the day before.
pub fn card_valid_until(issued: Date) -> Date {
    issued.add_months(12 * CARD_YEARS).add_days(-1)
}

/// The last valid day of a provisional certificate issued on `issued`: three months later, the
/// day before.
pub fn provisional_valid_until(issued: Date) -> Date {
    issued.add_months(PROVISIONAL_MONTHS).add_days(-1)
}

/// The day by which a card ordered on `ordered` arrives.
pub fn delivery_by(ordered: Date) -> Date {
    ordered.add_days(DELIVERY_DAYS)
}

/// Whether a card ordered on `today` arrives before a departure on `departure`: only when the
/// order comes at least [`ORDER_DAYS_BEFORE`] days ahead. Otherwise the member needs the
/// provisional certificate.
pub fn arrives_in_time(departure: Date, today: Date) -> bool {
    departure >= today.add_days(ORDER_DAYS_BEFORE)
}

/// Whether a member may order a card for someone of their household: themselves (rank 1), or a
/// dependant (rank 2 to 19) who is a minor on `today`. An adult child orders their own.
pub fn can_order_for(rank: u8, birth: Date, today: Date) -> bool {
    let minor = age_on(
        (birth.year(), birth.month(), birth.day()),
        (today.year(), today.month(), today.day()),
    ) < 18;
    rank == 1 || ((2..=19).contains(&rank) && minor)
}

/// A card number for a screen: every digit hidden but the last four, e.g.
/// "•••• •••• •••• •••• 4821".
pub fn masked_number(number: &str) -> String {
    let digits: Vec<char> = number
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let shown = digits.len().min(4);
    let hidden = digits.len() - shown;
    let last: String = digits[hidden..].iter().collect();
    let mut groups: Vec<String> = (0..hidden.div_ceil(4)).map(|_| "••••".to_owned()).collect();
    groups.push(last);
    groups.join(" ")
}

/// Why the member travels (the order's reason).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TripReason {
    /// Holidays.
    Holiday,
    /// Studies or an internship.
    Studies,
    /// Work (a posting has its own form: the CEAM covers short trips).
    Work,
    /// Something else.
    Other,
}

impl TripReason {
    /// Every reason, in the form's order.
    pub const ALL: [TripReason; 4] = [
        TripReason::Holiday,
        TripReason::Studies,
        TripReason::Work,
        TripReason::Other,
    ];

    /// The code exchanged.
    pub fn code(self) -> &'static str {
        match self {
            TripReason::Holiday => "holiday",
            TripReason::Studies => "studies",
            TripReason::Work => "work",
            TripReason::Other => "other",
        }
    }

    /// Reads [`TripReason::code`].
    pub fn parse(code: &str) -> Option<TripReason> {
        TripReason::ALL.into_iter().find(|r| r.code() == code)
    }

    /// A few words for the member.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (TripReason::Holiday, Lang::Fr) => "Vacances",
            (TripReason::Holiday, Lang::En) => "Holiday",
            (TripReason::Studies, Lang::Fr) => "Études ou stage",
            (TripReason::Studies, Lang::En) => "Studies or internship",
            (TripReason::Work, Lang::Fr) => "Déplacement professionnel",
            (TripReason::Work, Lang::En) => "Business trip",
            (TripReason::Other, Lang::Fr) => "Autre raison",
            (TripReason::Other, Lang::En) => "Another reason",
        }
    }
}

/// An order of a card for one person of the household (`POST /api/ceam/{id}/order`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CeamOrder {
    /// Why the person travels; `None` when not chosen.
    #[serde(default)]
    pub reason: Option<TripReason>,
    /// The day of departure, `YYYY-MM-DD`.
    #[serde(default)]
    pub departure: String,
    /// The member confirmed the card goes to the address on file.
    #[serde(default)]
    pub address_confirmed: bool,
}

/// What is wrong with an order, field by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderProblem {
    /// No reason chosen.
    ReasonMissing,
    /// No departure date, or not a date.
    DepartureMissing,
    /// The departure is before today.
    DeparturePast,
    /// The departure is more than [`MAX_DEPARTURE_MONTHS`] months away.
    DepartureTooFar,
    /// The delivery address was not confirmed.
    AddressNotConfirmed,
}

impl OrderProblem {
    /// Every problem (for tests of the messages).
    pub const ALL: [OrderProblem; 5] = [
        OrderProblem::ReasonMissing,
        OrderProblem::DepartureMissing,
        OrderProblem::DeparturePast,
        OrderProblem::DepartureTooFar,
        OrderProblem::AddressNotConfirmed,
    ];

    /// The form's field (the API's `fields` key).
    pub fn field(self) -> &'static str {
        match self {
            OrderProblem::ReasonMissing => "reason",
            OrderProblem::DepartureMissing
            | OrderProblem::DeparturePast
            | OrderProblem::DepartureTooFar => "departure",
            OrderProblem::AddressNotConfirmed => "address_confirmed",
        }
    }

    /// What to do.
    pub fn message(self, lang: Lang) -> &'static str {
        let fr = lang == Lang::Fr;
        match self {
            OrderProblem::ReasonMissing => {
                if fr {
                    "Choisissez la raison de votre séjour."
                } else {
                    "Choose the reason for your stay."
                }
            }
            OrderProblem::DepartureMissing => {
                if fr {
                    "Saisissez la date de départ, par exemple 15/07/2027."
                } else {
                    "Enter the departure date, for example 15/07/2027."
                }
            }
            OrderProblem::DeparturePast => {
                if fr {
                    "La date de départ est passée\u{a0}: saisissez la date de votre prochain départ."
                } else {
                    "The departure date has passed: enter the date of your next departure."
                }
            }
            OrderProblem::DepartureTooFar => {
                if fr {
                    "Le départ est dans plus d’un an\u{a0}: commandez la carte dans les mois qui le précèdent."
                } else {
                    "The departure is more than a year away: order the card in the months before it."
                }
            }
            OrderProblem::AddressNotConfirmed => {
                if fr {
                    "Confirmez l’adresse de livraison, ou déclarez votre déménagement dans Mon compte avant de commander."
                } else {
                    "Confirm the delivery address, or report your move in My account before ordering."
                }
            }
        }
    }
}

/// Checks the departure day against `today`.
pub fn check_departure(departure: &str, today: Date) -> Result<Date, OrderProblem> {
    let day = Date::parse(departure).ok_or(OrderProblem::DepartureMissing)?;
    if day < today {
        Err(OrderProblem::DeparturePast)
    } else if day > today.add_months(MAX_DEPARTURE_MONTHS) {
        Err(OrderProblem::DepartureTooFar)
    } else {
        Ok(day)
    }
}

/// Checks an order placed on `today`: the reason and the departure day, or every problem in
/// the form's order.
pub fn check_order(
    order: &CeamOrder,
    today: Date,
) -> Result<(TripReason, Date), Vec<OrderProblem>> {
    let mut problems = Vec::new();
    if order.reason.is_none() {
        problems.push(OrderProblem::ReasonMissing);
    }
    let departure = check_departure(&order.departure, today);
    if let Err(p) = departure {
        problems.push(p);
    }
    if !order.address_confirmed {
        problems.push(OrderProblem::AddressNotConfirmed);
    }
    match (order.reason, departure) {
        (Some(reason), Ok(day)) if problems.is_empty() => Ok((reason, day)),
        _ => Err(problems),
    }
}

/// A card on file, as the member sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardView {
    /// The number with only its last four digits shown.
    pub number_masked: String,
    /// First valid day, `YYYY-MM-DD`.
    pub valid_from: String,
    /// Last valid day, `YYYY-MM-DD`.
    pub valid_until: String,
    /// Where it stands today.
    pub status: CardStatus,
}

/// An order being processed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PendingOrder {
    /// The request that follows it (in "Mes démarches").
    pub request_id: i64,
    /// The departure day given, `YYYY-MM-DD`.
    pub departure: String,
    /// When the card should arrive, `YYYY-MM-DD`.
    pub delivery_by: String,
    /// Whether it arrives before the departure; when not, the provisional certificate is offered.
    pub in_time: bool,
}

/// One person a member may order a card for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CeamPerson {
    /// Identifies the person (for ordering and the provisional certificate).
    pub id: i64,
    /// Given names and family name.
    pub name: String,
    /// 1 the insured, 2-19 a minor dependant.
    pub rank: u8,
    /// Birth date, `YYYY-MM-DD`.
    pub birth_date: String,
    /// The latest card, if any.
    pub card: Option<CardView>,
    /// An order being processed, if any.
    pub pending: Option<PendingOrder>,
}

/// The household's cards (`GET /api/ceam`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CeamHousehold {
    /// The fund's day, `YYYY-MM-DD` (the page judges delays from it).
    pub today: String,
    /// Where cards are sent: the address on file.
    pub address: PostalAddress,
    /// The member first, then their minor dependants.
    pub people: Vec<CeamPerson>,
}

/// An order accepted (`201`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderFiled {
    /// The new request.
    pub request_id: i64,
    /// When the card should arrive, `YYYY-MM-DD`.
    pub delivery_by: String,
    /// Whether it arrives before the departure; when not, the provisional certificate is offered.
    pub in_time: bool,
}

/// Where the provisional certificate of person `id` is downloaded.
pub fn provisional_path(id: i64) -> String {
    format!("/api/ceam/{id}/provisional")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn order(reason: Option<TripReason>, departure: &str, confirmed: bool) -> CeamOrder {
        CeamOrder {
            reason,
            departure: departure.into(),
            address_confirmed: confirmed,
        }
    }

    #[test]
    fn a_card_is_valid_then_expires_soon_then_expired() {
        let until = d("2027-06-30");
        assert_eq!(card_status(until, d("2027-03-29")), CardStatus::Valid);
        assert_eq!(card_status(until, d("2027-03-30")), CardStatus::ExpiresSoon);
        assert_eq!(card_status(until, d("2027-06-30")), CardStatus::ExpiresSoon);
        assert_eq!(card_status(until, d("2027-07-01")), CardStatus::Expired);
    }

    #[test]
    fn a_card_lasts_two_years_and_a_certificate_three_months() {
        assert_eq!(card_valid_until(d("2026-03-15")), d("2028-03-14"));
        assert_eq!(card_valid_until(d("2024-02-29")), d("2026-02-27"));
        assert_eq!(provisional_valid_until(d("2026-11-27")), d("2027-02-26"));
        assert_eq!(provisional_valid_until(d("2026-01-01")), d("2026-03-31"));
        assert_eq!(delivery_by(d("2026-12-25")), d("2027-01-08"));
    }

    #[test]
    fn the_card_arrives_in_time_only_fifteen_days_ahead() {
        let today = d("2026-11-27");
        assert!(arrives_in_time(d("2026-12-12"), today));
        assert!(!arrives_in_time(d("2026-12-11"), today));
        assert!(!arrives_in_time(today, today));
        assert!(arrives_in_time(d("2027-07-01"), today));
    }

    #[test]
    fn a_member_orders_for_themselves_and_their_minor_children_only() {
        let today = d("2026-11-27");
        assert!(can_order_for(1, d("1960-01-01"), today));
        assert!(can_order_for(2, d("2010-03-21"), today));
        // The day before the 18th birthday, still a minor; on it, an adult.
        assert!(can_order_for(3, d("2008-11-28"), today));
        assert!(!can_order_for(3, d("2008-11-27"), today));
        assert!(!can_order_for(0, d("2010-03-21"), today));
        assert!(!can_order_for(20, d("2010-03-21"), today));
    }

    #[test]
    fn the_departure_is_between_today_and_a_year_ahead() {
        let today = d("2026-11-27");
        assert_eq!(check_departure("2026-11-27", today), Ok(today));
        assert_eq!(
            check_departure("2026-11-26", today),
            Err(OrderProblem::DeparturePast)
        );
        assert_eq!(check_departure("2027-11-27", today), Ok(d("2027-11-27")));
        assert_eq!(
            check_departure("2027-11-28", today),
            Err(OrderProblem::DepartureTooFar)
        );
        for bad in ["", "27/11/2026", "2026-02-30", "demain"] {
            assert_eq!(
                check_departure(bad, today),
                Err(OrderProblem::DepartureMissing)
            );
        }
    }

    #[test]
    fn an_order_needs_a_reason_a_departure_and_the_address_confirmed() {
        let today = d("2026-11-27");
        assert_eq!(
            check_order(&order(Some(TripReason::Studies), "2027-01-10", true), today),
            Ok((TripReason::Studies, d("2027-01-10")))
        );
        assert_eq!(
            check_order(&order(None, "", false), today),
            Err(vec![
                OrderProblem::ReasonMissing,
                OrderProblem::DepartureMissing,
                OrderProblem::AddressNotConfirmed
            ])
        );
        assert_eq!(
            check_order(&order(Some(TripReason::Holiday), "2026-01-01", true), today),
            Err(vec![OrderProblem::DeparturePast])
        );
    }

    #[test]
    fn every_problem_has_a_field_and_words_in_both_languages() {
        for p in OrderProblem::ALL {
            assert!(["reason", "departure", "address_confirmed"].contains(&p.field()));
            let (fr, en) = (p.message(Lang::Fr), p.message(Lang::En));
            assert!(!fr.is_empty() && !en.is_empty() && fr != en);
            assert!(!fr.contains(" :") && !fr.contains('\''), "{p:?}");
        }
        for r in TripReason::ALL {
            assert_eq!(TripReason::parse(r.code()), Some(r));
            assert_ne!(r.label(Lang::Fr), r.label(Lang::En));
        }
        assert_eq!(TripReason::parse("tourism"), None);
    }

    #[test]
    fn only_the_last_four_digits_of_a_card_show() {
        assert_eq!(
            masked_number("80250000000000012345"),
            "•••• •••• •••• •••• 2345"
        );
        assert_eq!(masked_number("1234"), "1234");
        assert_eq!(masked_number("12"), "12");
        assert_eq!(masked_number("12345"), "•••• 2345");
    }

    #[test]
    fn an_order_reads_from_json_with_missing_fields_as_empty() {
        let o: CeamOrder = serde_json::from_str(r#"{"reason":"work"}"#).unwrap();
        assert_eq!(o, order(Some(TripReason::Work), "", false));
        assert!(serde_json::from_str::<CeamOrder>(r#"{"reason":"tourism"}"#).is_err());
    }
}
