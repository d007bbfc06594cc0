//! "À faire" on the member's home: what needs the member's attention now, most pressing first.
//! Each item names the page that deals with it.

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::doctor::Declarant;
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

/// What needs attention, most pressing first: requests waiting for the member, people of 16
/// or more without a médecin traitant (the reduced rate starts at 16; none is pending), then
/// changes being checked.
pub fn collect(people: &[Someone], requests: &[Summary]) -> Vec<Attention> {
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
    if let Some(request) = open(Kind::BankDetails) {
        items.push(Attention::BankChangePending { request });
    }
    if let Some(request) = open(Kind::AddressChange) {
        items.push(Attention::AddressChangePending { request });
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let items = collect(&people, &[]);
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
        let items = collect(&[someone(9, Declarant::Adult, false, false)], &requests);
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
        assert!(collect(&[], &[]).is_empty());
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
}
