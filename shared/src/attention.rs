//! "À faire" on the member's home: what needs the member's attention now, most pressing first.
//! Each item names the page that deals with it.

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::ceam::{self, CardStatus, CeamPerson};
use crate::doctor::Declarant;
use crate::prevention::{self, PreventionPerson, State};
use crate::reimbursements::Date;
use crate::requests::{Kind, Status, Summary};

/// One thing that needs attention (`GET /api/attention`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Attention {
    /// The fund answered in the secure messaging and the member has not read it yet.
    UnreadMessages {
        /// How many of the fund's messages are unread.
        count: u32,
    },
    /// The fund waits for something from the member on this request.
    WaitingForYou {
        /// The request.
        request: i64,
        /// Its title.
        title: String,
    },
    /// Someone of 16 or more has no médecin traitant: visits at 30 % instead of 70 %.
    NoDoctor {
        /// The person (roll id).
        person: i64,
        /// Their name.
        name: String,
    },
    /// A person's European health insurance card has expired, or ends within
    /// [`ceam::WARNING_MONTHS`] months (the card page's "Expire bientôt"), and no new card is on
    /// order for them.
    CeamExpiring {
        /// The person (roll id).
        person: i64,
        /// Their name.
        name: String,
        /// The card's last valid day, `YYYY-MM-DD`.
        valid_until: String,
        /// Whether that day has passed.
        expired: bool,
    },
    /// Prevention programmes to do now for a person: due (the due day has come) or overdue.
    PreventionDue {
        /// The person (roll id).
        person: i64,
        /// Their name.
        name: String,
        /// How many programmes are to do, the overdue ones included (1 or more).
        count: u32,
        /// How many of them are overdue.
        overdue: u32,
    },
    /// A change of bank details is being checked: payments still go to the old account.
    BankChangePending {
        /// The request.
        request: i64,
    },
    /// A change of address is being checked.
    AddressChangePending {
        /// The request.
        request: i64,
    },
}

impl Attention {
    /// What to say, for the member.
    pub fn words(&self, lang: Lang) -> String {
        match (self, lang) {
            (Attention::WaitingForYou { title, .. }, Lang::Fr) => {
                format!("Votre caisse attend une réponse de votre part\u{a0}: {title}")
            }
            (Attention::WaitingForYou { title, .. }, Lang::En) => {
                format!("Your fund is waiting for your answer: {title}")
            }
            (Attention::UnreadMessages { count: 1 }, Lang::Fr) => {
                "Vous avez un message non lu de votre caisse dans votre messagerie.".to_owned()
            }
            (Attention::UnreadMessages { count }, Lang::Fr) => {
                format!("Vous avez {count}\u{a0}messages non lus de votre caisse dans votre messagerie.")
            }
            (Attention::UnreadMessages { count: 1 }, Lang::En) => {
                "You have an unread message from your fund.".to_owned()
            }
            (Attention::UnreadMessages { count }, Lang::En) => {
                format!("You have {count} unread messages from your fund.")
            }
            (Attention::NoDoctor { name, .. }, Lang::Fr) => format!(
                "{name} n’a pas de médecin traitant déclaré\u{a0}: ses consultations sont remboursées à 30\u{a0}% au lieu de 70\u{a0}%."
            ),
            (Attention::NoDoctor { name, .. }, Lang::En) => format!(
                "{name} has no declared regular doctor: visits are reimbursed at 30% instead of 70%."
            ),
            (
                Attention::CeamExpiring {
                    name,
                    valid_until,
                    expired,
                    ..
                },
                Lang::Fr,
            ) => {
                let on = prevention::long_date(valid_until, lang);
                if *expired {
                    format!(
                        "La carte européenne d’assurance maladie de {name} a expiré le {on}\u{a0}: commandez-en une nouvelle avant votre prochain séjour en Europe."
                    )
                } else {
                    format!(
                        "La carte européenne d’assurance maladie de {name} expire le {on}\u{a0}: commandez-en une nouvelle avant votre prochain séjour en Europe."
                    )
                }
            }
            (
                Attention::CeamExpiring {
                    name,
                    valid_until,
                    expired,
                    ..
                },
                Lang::En,
            ) => {
                let on = prevention::long_date(valid_until, lang);
                let verb = if *expired { "expired" } else { "expires" };
                format!(
                    "{name}’s European health insurance card {verb} on {on}: order a new one before your next stay in Europe."
                )
            }
            (
                Attention::PreventionDue {
                    name,
                    count,
                    overdue,
                    ..
                },
                Lang::Fr,
            ) => {
                let things = if *count > 1 {
                    "actions de prévention"
                } else {
                    "action de prévention"
                };
                match *overdue {
                    0 => format!("{count}\u{a0}{things} à faire pour {name}."),
                    late if late == *count => {
                        format!("{count}\u{a0}{things} en retard pour {name}.")
                    }
                    late => format!(
                        "{count}\u{a0}{things} à faire pour {name}, dont {late}\u{a0}en retard."
                    ),
                }
            }
            (
                Attention::PreventionDue {
                    name,
                    count,
                    overdue,
                    ..
                },
                Lang::En,
            ) => {
                let things = if *count > 1 {
                    "prevention steps"
                } else {
                    "prevention step"
                };
                match *overdue {
                    0 => format!("{count} {things} to do for {name}."),
                    late if late == *count => format!("{count} overdue {things} for {name}."),
                    late => format!("{count} {things} to do for {name}, {late} of them overdue."),
                }
            }
            (Attention::BankChangePending { .. }, Lang::Fr) => {
                "Votre changement de coordonnées bancaires est en cours de vérification\u{a0}: vos remboursements sont encore versés sur l’ancien compte.".to_owned()
            }
            (Attention::BankChangePending { .. }, Lang::En) => {
                "Your change of bank details is being checked: reimbursements are still paid to the old account.".to_owned()
            }
            (Attention::AddressChangePending { .. }, Lang::Fr) => {
                "Votre changement d’adresse est en cours de vérification.".to_owned()
            }
            (Attention::AddressChangePending { .. }, Lang::En) => {
                "Your change of address is being checked.".to_owned()
            }
        }
    }
}

/// The fund's unread answers come before anything else: the member is told a message waits in
/// "Messagerie" (nothing when all are read).
pub fn with_unread_messages(items: Vec<Attention>, unread: u32) -> Vec<Attention> {
    if unread == 0 {
        return items;
    }
    std::iter::once(Attention::UnreadMessages { count: unread })
        .chain(items)
        .collect()
}

/// A person of the household as the rule sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Someone {
    /// Roll id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Who declares their doctor (their age band).
    pub declarant: Declarant,
    /// Whether a médecin traitant is declared.
    pub has_doctor: bool,
    /// Whether a declaration is pending.
    pub declaration_pending: bool,
}

/// What the rule reads about the household: its people (for the médecin traitant), the
/// member's requests, the European cards and the prevention programmes (`GET /api/ceam` and
/// `GET /api/prevention`'s people), on the fund's day `today`.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    /// The people of the household.
    pub people: &'a [Someone],
    /// The member's requests.
    pub requests: &'a [Summary],
    /// The people a card can be ordered for, with their latest card and any pending order.
    pub cards: &'a [CeamPerson],
    /// The people of the household and their prevention programmes.
    pub prevention: &'a [PreventionPerson],
    /// The fund's day.
    pub today: Date,
}

/// What needs attention, most pressing first:
/// 1. requests waiting for the member;
/// 2. people of 16 or more without a médecin traitant (the reduced rate starts at 16; none is
///    pending);
/// 3. what is late: an expired European card, then people with an overdue prevention
///    programme;
/// 4. what comes soon: a European card ending within [`ceam::WARNING_MONTHS`] months (the
///    card page's own threshold, [`ceam::card_status`]: the same card is never "Expire
///    bientôt" there and absent here), then people with a programme due;
/// 5. changes being checked (bank details, address).
///
/// A card is not mentioned while an order for that person is pending, nor when the person has
/// none. A programme counts when overdue, or due with its due day come: the flu outside its
/// season (due the next 1 October) waits. One prevention item per person, with the count.
pub fn collect(facts: &Facts<'_>) -> Vec<Attention> {
    let Facts {
        people,
        requests,
        cards,
        prevention,
        today,
    } = *facts;
    let open = |kind: Kind| {
        requests
            .iter()
            .filter(|r| r.kind == kind && !r.status.is_final())
            .map(|r| r.id)
            .max()
    };
    let mut items: Vec<Attention> = requests
        .iter()
        .filter(|r| r.status == Status::WaitingMember)
        .map(|r| Attention::WaitingForYou {
            request: r.id,
            title: r.title.clone(),
        })
        .collect();
    items.extend(
        people
            .iter()
            .filter(|p| p.declarant != Declarant::Parent && !p.has_doctor && !p.declaration_pending)
            .map(|p| Attention::NoDoctor {
                person: p.id,
                name: p.name.clone(),
            }),
    );
    let cards = expiring_cards(cards, today);
    let programmes = programmes_to_do(prevention, today);
    let (expired, soon): (Vec<_>, Vec<_>) = cards
        .into_iter()
        .partition(|c| matches!(c, Attention::CeamExpiring { expired: true, .. }));
    let (overdue, due): (Vec<_>, Vec<_>) = programmes
        .into_iter()
        .partition(|p| matches!(p, Attention::PreventionDue { overdue, .. } if *overdue > 0));
    items.extend(expired);
    items.extend(overdue);
    items.extend(soon);
    items.extend(due);
    if let Some(request) = open(Kind::BankDetails) {
        items.push(Attention::BankChangePending { request });
    }
    if let Some(request) = open(Kind::AddressChange) {
        items.push(Attention::AddressChangePending { request });
    }
    items
}

/// The cards expired or ending soon on `today`, in the household's order, but for people with
/// an order pending.
fn expiring_cards(cards: &[CeamPerson], today: Date) -> Vec<Attention> {
    cards
        .iter()
        .filter(|p| p.pending.is_none())
        .filter_map(|p| {
            let card = p.card.as_ref()?;
            let until = Date::parse(&card.valid_until)?;
            let expired = match ceam::card_status(until, today) {
                CardStatus::Valid => return None,
                CardStatus::ExpiresSoon => false,
                CardStatus::Expired => true,
            };
            Some(Attention::CeamExpiring {
                person: p.id,
                name: p.name.clone(),
                valid_until: card.valid_until.clone(),
                expired,
            })
        })
        .collect()
}

/// One item per person with programmes to do on `today`, in the household's order.
fn programmes_to_do(people: &[PreventionPerson], today: Date) -> Vec<Attention> {
    people
        .iter()
        .filter_map(|p| {
            let (mut count, mut overdue) = (0u32, 0u32);
            for r in &p.programmes {
                match &r.state {
                    State::Overdue { .. } => {
                        count += 1;
                        overdue += 1;
                    }
                    State::Due { due_on } => {
                        let come = due_on
                            .as_deref()
                            .and_then(Date::parse)
                            .is_none_or(|on| on <= today);
                        if come {
                            count += 1;
                        }
                    }
                    State::UpToDate { .. } => {}
                }
            }
            (count > 0).then(|| Attention::PreventionDue {
                person: p.id,
                name: p.name.clone(),
                count,
                overdue,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ceam::{CardView, PendingOrder};
    use crate::prevention::{Programme, Recommendation};

    /// The fund's day in these tests.
    const TODAY: Date = match Date::new(2026, 11, 27) {
        Some(d) => d,
        None => panic!("a real day"),
    };

    /// The rule over people and requests only.
    fn basic(people: &[Someone], requests: &[Summary]) -> Vec<Attention> {
        collect(&Facts {
            people,
            requests,
            cards: &[],
            prevention: &[],
            today: TODAY,
        })
    }

    /// The rule over cards and programmes only.
    fn health(cards: &[CeamPerson], prevention: &[PreventionPerson]) -> Vec<Attention> {
        collect(&Facts {
            people: &[],
            requests: &[],
            cards,
            prevention,
            today: TODAY,
        })
    }

    /// Person `id` with a card whose last valid day is `until`, an order pending or not.
    fn holder(id: i64, until: Option<Date>, pending: bool) -> CeamPerson {
        CeamPerson {
            id,
            name: format!("P{id}"),
            rank: 1,
            birth_date: "1984-08-19".into(),
            card: until.map(|u| CardView {
                number_masked: "•••• 4821".into(),
                valid_from: u.add_months(-24).add_days(1).to_string(),
                valid_until: u.to_string(),
                status: ceam::card_status(u, TODAY),
            }),
            pending: pending.then(|| PendingOrder {
                request_id: 7,
                departure: "2027-01-10".into(),
                delivery_by: "2026-12-11".into(),
                in_time: true,
            }),
        }
    }

    fn card(id: i64, until: Date, expired: bool) -> Attention {
        Attention::CeamExpiring {
            person: id,
            name: format!("P{id}"),
            valid_until: until.to_string(),
            expired,
        }
    }

    /// Person `id` with one programme in each of `states`.
    fn screened(id: i64, states: &[State]) -> PreventionPerson {
        PreventionPerson {
            id,
            name: format!("P{id}"),
            rank: 1,
            birth_date: "1968-03-15".into(),
            programmes: states
                .iter()
                .zip(Programme::ALL)
                .map(|(state, programme)| Recommendation {
                    programme,
                    age: 58,
                    reasons: vec![],
                    state: state.clone(),
                    done: None,
                })
                .collect(),
        }
    }

    fn due(on: Option<Date>) -> State {
        State::Due {
            due_on: on.map(|d| d.to_string()),
        }
    }

    fn overdue() -> State {
        State::Overdue {
            due_on: TODAY.add_months(-7).to_string(),
        }
    }

    fn to_do(id: i64, count: u32, overdue: u32) -> Attention {
        Attention::PreventionDue {
            person: id,
            name: format!("P{id}"),
            count,
            overdue,
        }
    }

    fn someone(id: i64, declarant: Declarant, has_doctor: bool, pending: bool) -> Someone {
        Someone {
            id,
            name: format!("P{id}"),
            declarant,
            has_doctor,
            declaration_pending: pending,
        }
    }

    fn request(id: i64, kind: Kind, status: Status) -> Summary {
        Summary {
            id,
            kind,
            title: format!("R{id}"),
            status,
            created_at: "2026-11-01T10:00:00Z".into(),
            updated_at: "2026-11-01T10:00:00Z".into(),
            expected_by: None,
        }
    }

    #[test]
    fn a_missing_doctor_matters_from_16_unless_a_declaration_is_pending() {
        let people = [
            someone(1, Declarant::Adult, false, false),
            someone(2, Declarant::Parent, false, false),
            someone(3, Declarant::TeenWithParent, false, false),
            someone(4, Declarant::TeenWithParent, false, true),
            someone(5, Declarant::Adult, true, false),
        ];
        let items = basic(&people, &[]);
        let ids: Vec<i64> = items
            .iter()
            .filter_map(|i| match i {
                Attention::NoDoctor { person, .. } => Some(*person),
                _ => None,
            })
            .collect();
        assert_eq!(ids, [1, 3]);
    }

    #[test]
    fn waiting_requests_come_first_and_finished_changes_are_not_mentioned() {
        let requests = [
            request(1, Kind::BankDetails, Status::Submitted),
            request(2, Kind::Contest, Status::WaitingMember),
            request(3, Kind::AddressChange, Status::Completed),
        ];
        let items = basic(&[someone(9, Declarant::Adult, false, false)], &requests);
        assert_eq!(
            items,
            [
                Attention::WaitingForYou {
                    request: 2,
                    title: "R2".into()
                },
                Attention::NoDoctor {
                    person: 9,
                    name: "P9".into()
                },
                Attention::BankChangePending { request: 1 },
            ]
        );
        assert!(basic(&[], &[]).is_empty());
    }

    #[test]
    fn unread_messages_come_first_and_only_when_there_are_some() {
        let items = vec![Attention::BankChangePending { request: 1 }];
        assert_eq!(with_unread_messages(items.clone(), 0), items);
        let with = with_unread_messages(items, 2);
        assert_eq!(with[0], Attention::UnreadMessages { count: 2 });
        assert_eq!(with.len(), 2);
        assert!(with[0].words(Lang::Fr).contains("2\u{a0}messages non lus"));
        assert_eq!(
            Attention::UnreadMessages { count: 1 }.words(Lang::En),
            "You have an unread message from your fund."
        );
    }

    #[test]
    fn every_item_reads_in_both_languages() {
        let item = Attention::NoDoctor {
            person: 1,
            name: "Léon Garnier".into(),
        };
        assert!(
            item.words(Lang::Fr)
                .starts_with("Léon Garnier n’a pas de médecin traitant")
        );
        assert!(item.words(Lang::En).contains("30%"));
    }

    #[test]
    fn a_card_matters_once_expired_or_within_the_card_pages_warning() {
        let limit = TODAY.add_months(ceam::WARNING_MONTHS);
        let yesterday = TODAY.add_days(-1);
        let people = [
            holder(1, Some(limit.add_days(1)), false),
            holder(2, Some(limit), false),
            holder(3, Some(TODAY.add_days(60)), false),
            holder(4, Some(TODAY), false),
            holder(5, Some(yesterday), false),
            holder(6, None, false),
        ];
        assert_eq!(
            health(&people, &[]),
            [
                card(5, yesterday, true),
                card(2, limit, false),
                card(3, TODAY.add_days(60), false),
                card(4, TODAY, false),
            ],
            "the day after the warning's end: nothing; its last day, 60 days, today: soon; \
             yesterday: expired; no card: nothing"
        );
    }

    #[test]
    fn a_pending_order_hides_the_card() {
        let yesterday = TODAY.add_days(-1);
        let people = [
            holder(1, Some(yesterday), true),
            holder(2, Some(TODAY.add_days(60)), true),
            holder(3, None, true),
        ];
        assert!(health(&people, &[]).is_empty());
        assert_eq!(
            health(&[holder(1, Some(yesterday), false)], &[]),
            [card(1, yesterday, true)]
        );
    }

    #[test]
    fn one_prevention_item_per_person_counting_what_is_to_do_now() {
        let people = [
            screened(1, &[due(None), overdue(), due(Some(TODAY))]),
            screened(
                2,
                &[
                    State::UpToDate {
                        done_on: TODAY.add_months(-8).to_string(),
                        next_due: TODAY.add_months(16).to_string(),
                    },
                    // The flu outside its season: due the next 1 October, not yet.
                    due(Some(TODAY.add_days(1))),
                ],
            ),
            screened(3, &[]),
            screened(4, &[overdue(), overdue()]),
        ];
        assert_eq!(health(&[], &people), [to_do(1, 3, 1), to_do(4, 2, 2)]);
    }

    #[test]
    fn overdue_prevention_comes_before_due_and_late_before_soon() {
        let yesterday = TODAY.add_days(-1);
        let soon = TODAY.add_days(60);
        let prevention = [
            screened(1, &[due(None)]),
            screened(2, &[overdue(), due(None)]),
        ];
        let cards = [
            holder(3, Some(soon), false),
            holder(4, Some(yesterday), false),
        ];
        let requests = [
            request(10, Kind::BankDetails, Status::Submitted),
            request(11, Kind::Contest, Status::WaitingMember),
        ];
        let people = [someone(5, Declarant::Adult, false, false)];
        let items = collect(&Facts {
            people: &people,
            requests: &requests,
            cards: &cards,
            prevention: &prevention,
            today: TODAY,
        });
        assert_eq!(
            items,
            [
                Attention::WaitingForYou {
                    request: 11,
                    title: "R11".into()
                },
                Attention::NoDoctor {
                    person: 5,
                    name: "P5".into()
                },
                card(4, yesterday, true),
                to_do(2, 2, 1),
                card(3, soon, false),
                to_do(1, 1, 0),
                Attention::BankChangePending { request: 10 },
            ]
        );
    }

    #[test]
    fn cards_and_prevention_read_in_both_languages() {
        let name = || "Françoise Lefort".to_owned();
        let expired = Attention::CeamExpiring {
            person: 1,
            name: "Yanis Mercier".into(),
            valid_until: "2025-11-27".into(),
            expired: true,
        };
        assert_eq!(
            expired.words(Lang::Fr),
            "La carte européenne d’assurance maladie de Yanis Mercier a expiré le 27\u{a0}novembre 2025\u{a0}: commandez-en une nouvelle avant votre prochain séjour en Europe."
        );
        assert_eq!(
            expired.words(Lang::En),
            "Yanis Mercier’s European health insurance card expired on 27 November 2025: order a new one before your next stay in Europe."
        );
        let soon = Attention::CeamExpiring {
            person: 2,
            name: "Léa Martin".into(),
            valid_until: "2027-01-01".into(),
            expired: false,
        };
        assert!(
            soon.words(Lang::Fr)
                .contains("de Léa Martin expire le 1er\u{a0}janvier 2027")
        );
        assert!(
            soon.words(Lang::En).starts_with(
                "Léa Martin’s European health insurance card expires on 1 January 2027"
            )
        );
        let words = |count, overdue, lang| {
            Attention::PreventionDue {
                person: 1,
                name: name(),
                count,
                overdue,
            }
            .words(lang)
        };
        assert_eq!(
            words(2, 1, Lang::Fr),
            "2\u{a0}actions de prévention à faire pour Françoise Lefort, dont 1\u{a0}en retard."
        );
        assert_eq!(
            words(2, 1, Lang::En),
            "2 prevention steps to do for Françoise Lefort, 1 of them overdue."
        );
        assert_eq!(
            words(1, 0, Lang::Fr),
            "1\u{a0}action de prévention à faire pour Françoise Lefort."
        );
        assert_eq!(
            words(1, 0, Lang::En),
            "1 prevention step to do for Françoise Lefort."
        );
        assert_eq!(
            words(3, 3, Lang::Fr),
            "3\u{a0}actions de prévention en retard pour Françoise Lefort."
        );
        assert_eq!(
            words(3, 3, Lang::En),
            "3 overdue prevention steps for Françoise Lefort."
        );
    }

    #[test]
    fn every_item_follows_french_typography() {
        let items = [
            Attention::UnreadMessages { count: 1 },
            Attention::UnreadMessages { count: 3 },
            Attention::WaitingForYou {
                request: 1,
                title: "R1".into(),
            },
            Attention::NoDoctor {
                person: 1,
                name: "P1".into(),
            },
            card(1, TODAY.add_days(-1), true),
            card(1, TODAY.add_days(60), false),
            to_do(1, 1, 0),
            to_do(1, 1, 1),
            to_do(1, 2, 0),
            to_do(1, 2, 1),
            to_do(1, 2, 2),
            Attention::BankChangePending { request: 1 },
            Attention::AddressChangePending { request: 1 },
        ];
        for item in items {
            let fr = item.words(Lang::Fr);
            assert!(!fr.contains('\''), "{fr}");
            for mark in [":", ";", "?", "!", "»", "%"] {
                assert!(!fr.contains(&format!(" {mark}")), "{fr}");
            }
            assert!(!fr.contains("« "), "{fr}");
            let en = item.words(Lang::En);
            assert_ne!(fr, en);
            assert!(!en.contains('\u{a0}'), "{en}");
        }
    }
}
