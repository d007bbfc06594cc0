//! A change of family situation (changement de situation familiale): marriage, PACS,
//! separation, a birth, the death of a spouse, each with the day it happened and at least one
//! supporting document (livret de famille, acte de naissance, convention de PACS…). The fund
//! updates the roll (a newborn is attached to one or both parents, domain reference "Family").
//!
//! Everything here is pure: the events, the checks of a declaration, the API's body.

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::reimbursements::Date;
use crate::requests::{EXPLANATION_CHARS, MAX_ATTACHMENTS};

/// How far back an event may be declared online, in years (older: call 36 46).
pub const MAX_YEARS_BACK: i32 = 5;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// Marriage.
    Marriage,
    /// Civil partnership (PACS).
    Pacs,
    /// Separation, divorce or end of a PACS.
    Separation,
    /// A child's birth.
    Birth,
    /// The death of a spouse or partner.
    SpouseDeath,
}

impl Event {
    /// Every event, in the form's order.
    pub const ALL: [Event; 5] = [
        Event::Marriage,
        Event::Pacs,
        Event::Separation,
        Event::Birth,
        Event::SpouseDeath,
    ];

    /// The code exchanged.
    pub fn code(self) -> &'static str {
        match self {
            Event::Marriage => "marriage",
            Event::Pacs => "pacs",
            Event::Separation => "separation",
            Event::Birth => "birth",
            Event::SpouseDeath => "spouse_death",
        }
    }

    /// A few words for the member.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Event::Marriage, Lang::Fr) => "Mariage",
            (Event::Marriage, Lang::En) => "Marriage",
            (Event::Pacs, Lang::Fr) => "PACS",
            (Event::Pacs, Lang::En) => "Civil partnership (PACS)",
            (Event::Separation, Lang::Fr) => "Séparation, divorce ou fin de PACS",
            (Event::Separation, Lang::En) => "Separation, divorce or end of a PACS",
            (Event::Birth, Lang::Fr) => "Naissance d’un enfant",
            (Event::Birth, Lang::En) => "Birth of a child",
            (Event::SpouseDeath, Lang::Fr) => "Décès du conjoint ou du partenaire",
            (Event::SpouseDeath, Lang::En) => "Death of a spouse or partner",
        }
    }

    /// The person the event concerns, as the form asks for them.
    pub fn person_label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Event::Birth, Lang::Fr) => "Prénom et nom de l’enfant",
            (Event::Birth, Lang::En) => "The child’s given name and family name",
            (_, Lang::Fr) => "Prénom et nom du conjoint ou du partenaire",
            (_, Lang::En) => "Your spouse’s or partner’s given name and family name",
        }
    }
}

/// A declaration (`POST /api/situation`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SituationChange {
    /// What happened; `None` when not chosen.
    #[serde(default)]
    pub event: Option<Event>,
    /// The day it happened, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    /// The other person: spouse or partner, or the newborn.
    #[serde(default)]
    pub person: String,
    /// For a birth: attach the child to both parents (otherwise to the member only).
    #[serde(default)]
    pub both_parents: bool,
    /// Anything to add.
    #[serde(default)]
    pub comment: String,
    /// Supporting documents uploaded first (`POST /api/attachments`), by id: 1 to 5.
    #[serde(default)]
    pub attachments: Vec<i64>,
}

/// What is wrong with a declaration, field by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// No event chosen.
    EventMissing,
    /// No date, or not a real one.
    DateMissing,
    /// After today.
    DateFuture,
    /// More than [`MAX_YEARS_BACK`] years ago.
    DateTooOld,
    /// The other person's name is missing.
    PersonMissing,
    /// The comment is over 2,000 characters.
    CommentLong,
    /// No supporting document.
    NoDocument,
    /// More than 5 files.
    TooManyFiles,
}

impl Problem {
    /// Every problem (for tests of the messages).
    pub const ALL: [Problem; 8] = [
        Problem::EventMissing,
        Problem::DateMissing,
        Problem::DateFuture,
        Problem::DateTooOld,
        Problem::PersonMissing,
        Problem::CommentLong,
        Problem::NoDocument,
        Problem::TooManyFiles,
    ];

    /// The form's field (the API's `fields` key).
    pub fn field(self) -> &'static str {
        match self {
            Problem::EventMissing => "event",
            Problem::DateMissing | Problem::DateFuture | Problem::DateTooOld => "date",
            Problem::PersonMissing => "person",
            Problem::CommentLong => "comment",
            Problem::NoDocument | Problem::TooManyFiles => "attachments",
        }
    }

    /// What to do.
    pub fn message(self, lang: Lang) -> &'static str {
        let fr = lang == Lang::Fr;
        match self {
            Problem::EventMissing => {
                if fr {
                    "Choisissez ce qui a changé dans votre situation."
                } else {
                    "Choose what changed in your situation."
                }
            }
            Problem::DateMissing => {
                if fr {
                    "Saisissez la date de l’événement, par exemple 14/09/2026."
                } else {
                    "Enter the date of the event, for example 14/09/2026."
                }
            }
            Problem::DateFuture => {
                if fr {
                    "La date ne peut pas être dans le futur\u{a0}: déclarez le changement une fois qu’il a eu lieu."
                } else {
                    "The date cannot be in the future: declare the change once it has happened."
                }
            }
            Problem::DateTooOld => {
                if fr {
                    "L’événement date de plus de 5 ans\u{a0}: appelez le 36 46 pour le déclarer."
                } else {
                    "The event is more than 5 years old: call 36 46 to declare it."
                }
            }
            Problem::PersonMissing => {
                if fr {
                    "Saisissez le prénom et le nom de la personne concernée."
                } else {
                    "Enter the given name and family name of the person concerned."
                }
            }
            Problem::CommentLong => {
                if fr {
                    "Votre commentaire dépasse 2 000 caractères\u{a0}: raccourcissez-le."
                } else {
                    "Your comment is over 2,000 characters: shorten it."
                }
            }
            Problem::NoDocument => {
                if fr {
                    "Joignez au moins un justificatif (acte de mariage, de naissance ou de décès, convention de PACS, jugement…)."
                } else {
                    "Attach at least one supporting document (marriage, birth or death certificate, PACS agreement, judgment…)."
                }
            }
            Problem::TooManyFiles => {
                if fr {
                    "Joignez 5 fichiers au plus."
                } else {
                    "Attach at most 5 files."
                }
            }
        }
    }
}

/// Checks a declaration made on `today`: the event and its date, every problem in the form's
/// order.
pub fn check(change: &SituationChange, today: Date) -> Result<(Event, Date), Vec<Problem>> {
    let mut problems = Vec::new();
    if change.event.is_none() {
        problems.push(Problem::EventMissing);
    }
    let date = match Date::parse(&change.date) {
        None => Err(Problem::DateMissing),
        Some(day) if day > today => Err(Problem::DateFuture),
        Some(day) if day < today.add_months(-12 * MAX_YEARS_BACK) => Err(Problem::DateTooOld),
        Some(day) => Ok(day),
    };
    if let Err(p) = date {
        problems.push(p);
    }
    if change.person.trim().is_empty() {
        problems.push(Problem::PersonMissing);
    }
    if change.comment.trim().chars().count() > EXPLANATION_CHARS.1 {
        problems.push(Problem::CommentLong);
    }
    if change.attachments.is_empty() {
        problems.push(Problem::NoDocument);
    } else if change.attachments.len() > MAX_ATTACHMENTS {
        problems.push(Problem::TooManyFiles);
    }
    match (change.event, date) {
        (Some(event), Ok(day)) if problems.is_empty() => Ok((event, day)),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn change(date: &str, files: usize) -> SituationChange {
        SituationChange {
            event: Some(Event::Birth),
            date: date.into(),
            person: "Maël Caron".into(),
            both_parents: true,
            comment: String::new(),
            attachments: (0..files as i64).collect(),
        }
    }

    #[test]
    fn the_event_is_dated_today_at_the_latest_and_five_years_back_at_most() {
        let today = d("2026-11-27");
        assert_eq!(
            check(&change("2026-11-27", 1), today),
            Ok((Event::Birth, today))
        );
        assert_eq!(
            check(&change("2026-11-28", 1), today),
            Err(vec![Problem::DateFuture])
        );
        assert!(check(&change("2021-11-27", 1), today).is_ok());
        assert_eq!(
            check(&change("2021-11-26", 1), today),
            Err(vec![Problem::DateTooOld])
        );
        assert_eq!(
            check(&change("27/11/2026", 1), today),
            Err(vec![Problem::DateMissing])
        );
    }

    #[test]
    fn a_declaration_needs_an_event_a_person_and_one_to_five_documents() {
        let today = d("2026-11-27");
        assert_eq!(
            check(&SituationChange::default(), today),
            Err(vec![
                Problem::EventMissing,
                Problem::DateMissing,
                Problem::PersonMissing,
                Problem::NoDocument
            ])
        );
        assert_eq!(
            check(&change("2026-10-01", 6), today),
            Err(vec![Problem::TooManyFiles])
        );
        assert!(check(&change("2026-10-01", 5), today).is_ok());
        let long = SituationChange {
            comment: "x".repeat(2001),
            ..change("2026-10-01", 1)
        };
        assert_eq!(check(&long, today), Err(vec![Problem::CommentLong]));
        for p in Problem::ALL {
            assert_ne!(p.message(Lang::Fr), p.message(Lang::En));
        }
        for e in Event::ALL {
            assert_ne!(e.label(Lang::Fr), e.label(Lang::En));
        }
    }
}
