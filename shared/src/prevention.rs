//! Personalised prevention: the organised screenings, the M’T dents exam and the flu
//! vaccination, by age, sex, pregnancy and long-term condition (ALD), and where each person
//! stands from their reimbursement history and the dates they declared "done elsewhere".
//!
//! | programme | who | how often |
//! |---|---|---|
//! | breast cancer screening | women 50-74 | every 2 years |
//! | colorectal cancer screening | everyone 50-74 | every 2 years |
//! | cervical cancer screening | women 25-29 | cytology twice, 1 year apart, then every 3 years |
//! | cervical cancer screening | women 30-65 | HPV test every 5 years (3 years after the last cytology) |
//! | M’T dents | ages 3-24 | one free dental exam every year (12 months) |
//! | flu vaccination | 65+, ALD, pregnancy | every season (1 October to the end of February) |
//!
//! A programme is **done** by the most recent of: a reimbursed act whose label matches the
//! programme's act words ([`Test::of_label`]), or a date the member declared. It is then
//! [`State::UpToDate`] until the interval ends (its `next_due`), [`State::Due`]
//! from that day, and [`State::Overdue`] when more than [`OVERDUE_MONTHS`] months have passed
//! since (never done at all is `Due`: the history only holds 27 months). The flu vaccination
//! is done for a season when given on or after its 1 October; outside the season it is due
//! from the next 1 October, so it is never overdue.

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::activation::age_on;
use crate::reimbursements::Date;
use crate::text::fold;

/// Months past the due day after which a programme is overdue ("En retard").
pub const OVERDUE_MONTHS: i32 = 6;

/// The month a flu season starts (1 October); it ends on the last day of February.
pub const FLU_SEASON_START_MONTH: u8 = 10;

/// One prevention programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Programme {
    /// Breast cancer screening (mammography + clinical exam).
    Breast,
    /// Colorectal cancer screening (FIT stool test).
    Colorectal,
    /// Cervical cancer screening (cytology, then HPV test).
    Cervical,
    /// M’T dents: a free dental exam every year from 3 to 24.
    MtDents,
    /// Seasonal flu vaccination.
    Flu,
}

impl Programme {
    /// Every programme, in the page's order.
    pub const ALL: [Programme; 5] = [
        Programme::Breast,
        Programme::Colorectal,
        Programme::Cervical,
        Programme::MtDents,
        Programme::Flu,
    ];

    /// The code stored in `prevention_done.programme` and sent by the API.
    pub fn code(self) -> &'static str {
        match self {
            Programme::Breast => "breast",
            Programme::Colorectal => "colorectal",
            Programme::Cervical => "cervical",
            Programme::MtDents => "mt_dents",
            Programme::Flu => "flu",
        }
    }

    /// Reads [`Programme::code`].
    pub fn parse(code: &str) -> Option<Programme> {
        Programme::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The months a done programme stays up to date (the flu follows seasons instead).
    pub fn interval_months(self) -> i32 {
        match self {
            Programme::Breast | Programme::Colorectal => 24,
            Programme::Cervical => 60,
            Programme::MtDents | Programme::Flu => 12,
        }
    }

    /// Its name.
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Programme::Breast, Lang::Fr) => "Dépistage du cancer du sein",
            (Programme::Breast, Lang::En) => "Breast cancer screening",
            (Programme::Colorectal, Lang::Fr) => "Dépistage du cancer colorectal",
            (Programme::Colorectal, Lang::En) => "Colorectal cancer screening",
            (Programme::Cervical, Lang::Fr) => "Dépistage du cancer du col de l’utérus",
            (Programme::Cervical, Lang::En) => "Cervical cancer screening",
            (Programme::MtDents, Lang::Fr) => "Examen bucco-dentaire M’T dents",
            (Programme::MtDents, Lang::En) => "M’T dents dental check-up",
            (Programme::Flu, Lang::Fr) => "Vaccination contre la grippe",
            (Programme::Flu, Lang::En) => "Flu vaccination",
        }
    }

    /// How to do it, for someone of `age`.
    pub fn how(self, age: i32, lang: Lang) -> &'static str {
        match (self, lang) {
            (Programme::Breast, Lang::Fr) => {
                "Une mammographie et un examen clinique des seins chez un radiologue agréé, avec le courrier d’invitation ou une prescription de votre médecin."
            }
            (Programme::Breast, Lang::En) => {
                "A mammogram and a clinical breast exam by an approved radiologist, with the invitation letter or a prescription from your doctor."
            }
            (Programme::Colorectal, Lang::Fr) => {
                "Un test immunologique à faire chez vous\u{a0}: demandez le kit à votre médecin ou à votre pharmacien, puis envoyez le prélèvement au laboratoire dans l’enveloppe fournie."
            }
            (Programme::Colorectal, Lang::En) => {
                "A stool test (FIT) you do at home: ask your doctor or pharmacist for the kit, then post the sample to the laboratory in the envelope provided."
            }
            (Programme::Cervical, Lang::Fr) if age < 30 => {
                "Un examen cytologique (frottis) chez un médecin, un gynécologue ou une sage-femme\u{a0}: deux examens à un an d’intervalle, puis un tous les 3\u{a0}ans."
            }
            (Programme::Cervical, Lang::En) if age < 30 => {
                "A cytology (smear) test by a doctor, a gynaecologist or a midwife: two tests one year apart, then one every 3 years."
            }
            (Programme::Cervical, Lang::Fr) => {
                "Un test HPV chez un médecin, un gynécologue ou une sage-femme, tous les 5\u{a0}ans (le premier 3\u{a0}ans après le dernier examen cytologique normal)."
            }
            (Programme::Cervical, Lang::En) => {
                "An HPV test by a doctor, a gynaecologist or a midwife, every 5 years (the first one 3 years after the last normal cytology)."
            }
            (Programme::MtDents, Lang::Fr) => {
                "Un examen chez le chirurgien-dentiste de votre choix, une fois par an, avec l’invitation reçue et la carte Vitale."
            }
            (Programme::MtDents, Lang::En) => {
                "An exam by the dentist of your choice, once a year, with the invitation received and the Vitale card."
            }
            (Programme::Flu, Lang::Fr) => {
                "Pendant la saison, du 1er\u{a0}octobre à fin février, faites-vous vacciner chez un pharmacien, un infirmier, une sage-femme ou un médecin, avec votre bon de prise en charge."
            }
            (Programme::Flu, Lang::En) => {
                "During the season, from 1 October to the end of February, get vaccinated by a pharmacist, a nurse, a midwife or a doctor, with your voucher."
            }
        }
    }

    /// What the fund pays.
    pub fn cover(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Programme::Breast, Lang::Fr) => {
                "Pris en charge à 100\u{a0}% sans avance de frais, sur invitation."
            }
            (Programme::Breast, Lang::En) => "Covered at 100 %, nothing to pay, on invitation.",
            (Programme::Colorectal, Lang::Fr) => {
                "Le kit et l’analyse sont pris en charge à 100\u{a0}%, sans avance de frais."
            }
            (Programme::Colorectal, Lang::En) => {
                "The kit and the analysis are covered at 100 %, nothing to pay."
            }
            (Programme::Cervical, Lang::Fr) => {
                "L’analyse est prise en charge à 100\u{a0}% sur invitation, sans avance de frais."
            }
            (Programme::Cervical, Lang::En) => {
                "The analysis is covered at 100 % on invitation, nothing to pay."
            }
            (Programme::MtDents, Lang::Fr) => {
                "L’examen est gratuit, sans avance de frais, et les soins qui suivent sont remboursés à 100\u{a0}%."
            }
            (Programme::MtDents, Lang::En) => {
                "The exam is free, nothing to pay, and the care that follows is reimbursed at 100 %."
            }
            (Programme::Flu, Lang::Fr) => "Le vaccin est gratuit avec le bon de prise en charge.",
            (Programme::Flu, Lang::En) => "The vaccine is free with the voucher.",
        }
    }

    /// The public source of the recommendation.
    pub fn source(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Programme::Breast | Programme::Colorectal, Lang::Fr) => {
                "Institut national du cancer (INCa), programmes de dépistage organisé"
            }
            (Programme::Breast | Programme::Colorectal, Lang::En) => {
                "Institut national du cancer (INCa), organised screening programmes"
            }
            (Programme::Cervical, Lang::Fr) => {
                "Haute Autorité de santé (HAS) et Institut national du cancer (INCa)"
            }
            (Programme::Cervical, Lang::En) => {
                "Haute Autorité de santé (HAS) and Institut national du cancer (INCa)"
            }
            (Programme::MtDents, Lang::Fr) => "Programme M’T dents, ministère chargé de la santé",
            (Programme::MtDents, Lang::En) => "M’T dents programme, French Ministry of Health",
            (Programme::Flu, Lang::Fr) => {
                "Haute Autorité de santé (HAS), calendrier des vaccinations"
            }
            (Programme::Flu, Lang::En) => "Haute Autorité de santé (HAS), vaccination schedule",
        }
    }
}

/// A test or act that does a programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Test {
    /// Screening mammography.
    Mammography,
    /// Faecal immunochemical test.
    Fit,
    /// Cervical cytology (smear).
    Cytology,
    /// HPV test.
    Hpv,
    /// M’T dents exam.
    DentalExam,
    /// Flu vaccine.
    FluVaccine,
}

/// The act words of each test, folded ([`fold`]): a reimbursement line whose act label
/// contains one of them does the test.
pub const ACT_WORDS: &[(Test, &str)] = &[
    (Test::Mammography, "mammographie de depistage"),
    (Test::Fit, "test immunologique de depistage"),
    (Test::Cytology, "examen cytologique"),
    (Test::Hpv, "test hpv"),
    (Test::DentalExam, "examen bucco-dentaire"),
    (Test::FluVaccine, "vaccin contre la grippe"),
    (Test::FluVaccine, "vaccination antigrippale"),
];

impl Test {
    /// The programme it does.
    pub fn programme(self) -> Programme {
        match self {
            Test::Mammography => Programme::Breast,
            Test::Fit => Programme::Colorectal,
            Test::Cytology | Test::Hpv => Programme::Cervical,
            Test::DentalExam => Programme::MtDents,
            Test::FluVaccine => Programme::Flu,
        }
    }

    /// The test an act label names, accents and case aside ("Mammographie de dépistage").
    pub fn of_label(label: &str) -> Option<Test> {
        let folded = fold(label);
        ACT_WORDS
            .iter()
            .find(|(_, words)| folded.contains(words))
            .map(|(test, _)| *test)
    }

    /// The test a declaration "done elsewhere" on `on` stands for: for the cervical screening,
    /// a cytology before 30 and an HPV test from 30.
    pub fn declared(programme: Programme, birth: Date, on: Date) -> Test {
        match programme {
            Programme::Breast => Test::Mammography,
            Programme::Colorectal => Test::Fit,
            Programme::Cervical if age(birth, on) < 30 => Test::Cytology,
            Programme::Cervical => Test::Hpv,
            Programme::MtDents => Test::DentalExam,
            Programme::Flu => Test::FluVaccine,
        }
    }
}

/// Why a programme applies to someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Their age is in the programme's range.
    Age,
    /// 65 or over (flu).
    Over65,
    /// A long-term condition (ALD).
    Ald,
    /// Pregnant.
    Pregnancy,
}

impl Reason {
    fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Reason::Age | Reason::Over65, Lang::Fr) => "l’âge (65\u{a0}ans ou plus)",
            (Reason::Age | Reason::Over65, Lang::En) => "age (65 or over)",
            (Reason::Ald, Lang::Fr) => "une affection de longue durée",
            (Reason::Ald, Lang::En) => "a long-term condition",
            (Reason::Pregnancy, Lang::Fr) => "la grossesse",
            (Reason::Pregnancy, Lang::En) => "pregnancy",
        }
    }
}

/// What the rules know about a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Profile {
    /// Birth date.
    pub birth: Date,
    /// A woman (sex `F` on the roll).
    pub woman: bool,
    /// Pregnant today.
    pub pregnant: bool,
    /// In a long-term condition (ALD) today.
    pub ald: bool,
}

/// A proof that a test was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proof {
    /// The day.
    pub on: Date,
    /// The test.
    pub test: Test,
    /// The act label of the reimbursement line; `None` when declared "done elsewhere".
    pub act: Option<String>,
}

/// Where someone stands for a programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// To do: never done, or the interval has ended on `due_on` (for the flu, outside the
    /// season, `due_on` is the next 1 October).
    Due {
        /// `YYYY-MM-DD`; none when never done.
        due_on: Option<String>,
    },
    /// More than [`OVERDUE_MONTHS`] months past `due_on`.
    Overdue {
        /// `YYYY-MM-DD`.
        due_on: String,
    },
    /// Done on `done_on`; to do again from `next_due`.
    UpToDate {
        /// `YYYY-MM-DD`.
        done_on: String,
        /// `YYYY-MM-DD`.
        next_due: String,
    },
}

impl State {
    /// The badge's words.
    pub fn badge(&self, lang: Lang) -> String {
        match (self, lang) {
            (State::Due { .. }, Lang::Fr) => "À faire".to_owned(),
            (State::Due { .. }, Lang::En) => "To do".to_owned(),
            (State::Overdue { .. }, Lang::Fr) => "En retard".to_owned(),
            (State::Overdue { .. }, Lang::En) => "Overdue".to_owned(),
            (State::UpToDate { next_due, .. }, Lang::Fr) => {
                format!("À jour jusqu’au {}", long_date(next_due, lang))
            }
            (State::UpToDate { next_due, .. }, Lang::En) => {
                format!("Up to date until {}", long_date(next_due, lang))
            }
        }
    }
}

/// The last proof, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DoneView {
    /// `YYYY-MM-DD`.
    pub on: String,
    /// The reimbursed act it was read from; `None` when declared "done elsewhere".
    pub act: Option<String>,
}

/// One programme for one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recommendation {
    /// The programme.
    pub programme: Programme,
    /// Their age today.
    pub age: i32,
    /// Why it applies (the flu: each reason; the others: their age and sex).
    pub reasons: Vec<Reason>,
    /// Where they stand.
    pub state: State,
    /// The most recent proof, if any.
    pub done: Option<DoneView>,
}

impl Recommendation {
    /// Why it is recommended, in a sentence.
    pub fn why(&self, lang: Lang) -> String {
        let age = self.age;
        let fr = lang == Lang::Fr;
        match self.programme {
            Programme::Breast if fr => format!(
                "À {age}\u{a0}ans, ce dépistage est recommandé aux femmes de 50 à 74\u{a0}ans, tous les 2\u{a0}ans."
            ),
            Programme::Breast => {
                format!(
                    "At {age}, this screening is recommended to women aged 50 to 74, every 2 years."
                )
            }
            Programme::Colorectal if fr => format!(
                "À {age}\u{a0}ans, ce dépistage est recommandé aux femmes et aux hommes de 50 à 74\u{a0}ans, tous les 2\u{a0}ans."
            ),
            Programme::Colorectal => format!(
                "At {age}, this screening is recommended to women and men aged 50 to 74, every 2 years."
            ),
            Programme::Cervical if fr && age < 30 => format!(
                "À {age}\u{a0}ans, ce dépistage est recommandé aux femmes de 25 à 29\u{a0}ans par examen cytologique."
            ),
            Programme::Cervical if age < 30 => format!(
                "At {age}, this screening is recommended to women aged 25 to 29 with a cytology test."
            ),
            Programme::Cervical if fr => format!(
                "À {age}\u{a0}ans, ce dépistage est recommandé aux femmes de 30 à 65\u{a0}ans par test HPV."
            ),
            Programme::Cervical => format!(
                "At {age}, this screening is recommended to women aged 30 to 65 with an HPV test."
            ),
            Programme::MtDents if fr => format!(
                "À {age}\u{a0}ans, un examen bucco-dentaire gratuit est proposé chaque année, de 3 à 24\u{a0}ans."
            ),
            Programme::MtDents => {
                format!("At {age}, a free dental check-up is offered every year, from 3 to 24.")
            }
            Programme::Flu => {
                let reasons: Vec<&str> = self.reasons.iter().map(|r| r.words(lang)).collect();
                if fr {
                    format!(
                        "Recommandée chaque saison (du 1er\u{a0}octobre à fin février) en raison de\u{a0}: {}.",
                        reasons.join(", ")
                    )
                } else {
                    format!(
                        "Recommended every season (1 October to the end of February) because of: {}.",
                        reasons.join(", ")
                    )
                }
            }
        }
    }

    /// Where the date done comes from, in words.
    pub fn done_words(&self, lang: Lang) -> Option<String> {
        let done = self.done.as_ref()?;
        let on = long_date(&done.on, lang);
        Some(match (&done.act, lang) {
            (Some(act), Lang::Fr) => format!("Fait le {on} ({act}, d’après vos remboursements)"),
            (Some(act), Lang::En) => format!("Done on {on} ({act}, from your reimbursements)"),
            (None, Lang::Fr) => format!("Fait le {on} (déclaré fait ailleurs)"),
            (None, Lang::En) => format!("Done on {on} (declared done elsewhere)"),
        })
    }
}

/// "12 mars 2026", "12 March 2026".
pub fn long_date(iso: &str, lang: Lang) -> String {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let Some(d) = Date::parse(iso) else {
        return iso.to_owned();
    };
    let month = usize::from(d.month() - 1);
    match lang {
        Lang::Fr if d.day() == 1 => format!("1er\u{a0}{} {}", FR[month], d.year()),
        Lang::Fr => format!("{}\u{a0}{} {}", d.day(), FR[month], d.year()),
        Lang::En => format!("{} {} {}", d.day(), EN[month], d.year()),
    }
}

/// Someone's age on `on`.
pub fn age(birth: Date, on: Date) -> i32 {
    age_on(
        (birth.year(), birth.month(), birth.day()),
        (on.year(), on.month(), on.day()),
    )
}

/// The 1 October that opened the season `on` belongs to (or the last one, outside a season).
pub fn season_start(on: Date) -> Date {
    let year = if on.month() >= FLU_SEASON_START_MONTH {
        on.year()
    } else {
        on.year() - 1
    };
    Date::new(year, FLU_SEASON_START_MONTH, 1).unwrap_or(on)
}

/// Whether `on` is in a flu season (1 October to the end of February).
pub fn in_flu_season(on: Date) -> bool {
    on.month() >= FLU_SEASON_START_MONTH || on.month() <= 2
}

/// Why `programme` applies to this person today, or `None` when it does not.
pub fn applies(programme: Programme, profile: &Profile, today: Date) -> Option<Vec<Reason>> {
    let age = age(profile.birth, today);
    let by_age = |yes: bool| yes.then(|| vec![Reason::Age]);
    match programme {
        Programme::Breast => by_age(profile.woman && (50..=74).contains(&age)),
        Programme::Colorectal => by_age((50..=74).contains(&age)),
        Programme::Cervical => by_age(profile.woman && (25..=65).contains(&age)),
        Programme::MtDents => by_age((3..=24).contains(&age)),
        Programme::Flu => {
            let mut reasons = Vec::new();
            if age >= 65 {
                reasons.push(Reason::Over65);
            }
            if profile.ald {
                reasons.push(Reason::Ald);
            }
            if profile.pregnant {
                reasons.push(Reason::Pregnancy);
            }
            (!reasons.is_empty()).then_some(reasons)
        }
    }
}

/// Where someone stands for `programme` today, from every proof (acts and declarations, any
/// programme: the others are ignored, as are dates after today); `None` when it does not apply.
pub fn assess(
    programme: Programme,
    profile: &Profile,
    proofs: &[Proof],
    today: Date,
) -> Option<Recommendation> {
    let reasons = applies(programme, profile, today)?;
    let mut mine: Vec<&Proof> = proofs
        .iter()
        .filter(|p| p.test.programme() == programme && p.on <= today && p.on >= profile.birth)
        .collect();
    // Oldest first; on one day an act wins over a declaration (it says which act).
    mine.sort_by_key(|p| (p.on, p.act.is_some()));
    let last = mine.last().copied();
    let state = match last {
        None if programme == Programme::Flu => flu_due(today),
        None => State::Due { due_on: None },
        Some(last) if programme == Programme::Flu => {
            let season = season_start(today);
            if last.on >= season {
                State::UpToDate {
                    done_on: last.on.to_string(),
                    next_due: season.add_months(12).to_string(),
                }
            } else {
                flu_due(today)
            }
        }
        Some(last) => {
            let next = next_due(programme, profile, &mine, last, today);
            if today < next {
                State::UpToDate {
                    done_on: last.on.to_string(),
                    next_due: next.to_string(),
                }
            } else if today > next.add_months(OVERDUE_MONTHS) {
                State::Overdue {
                    due_on: next.to_string(),
                }
            } else {
                State::Due {
                    due_on: Some(next.to_string()),
                }
            }
        }
    };
    Some(Recommendation {
        programme,
        age: age(profile.birth, today),
        reasons,
        state,
        done: last.map(|p| DoneView {
            on: p.on.to_string(),
            act: p.act.clone(),
        }),
    })
}

fn flu_due(today: Date) -> State {
    let season = season_start(today);
    let due = if in_flu_season(today) {
        season
    } else {
        season.add_months(12)
    };
    State::Due {
        due_on: Some(due.to_string()),
    }
}

/// When a programme last done by `last` is due again. The cervical screening: an HPV test
/// lasts 5 years; a cytology 3 years, except the first one from 25 while under 30 (1 year).
fn next_due(
    programme: Programme,
    profile: &Profile,
    mine: &[&Proof],
    last: &Proof,
    today: Date,
) -> Date {
    match (programme, last.test) {
        (Programme::Cervical, Test::Hpv) => last.on.add_months(60),
        (Programme::Cervical, _) => {
            let from = profile.birth.add_months(25 * 12);
            let cytologies = mine
                .iter()
                .filter(|p| p.test == Test::Cytology && p.on >= from)
                .count();
            if cytologies <= 1 && age(profile.birth, today) < 30 {
                last.on.add_months(12)
            } else {
                last.on.add_months(36)
            }
        }
        _ => last.on.add_months(programme.interval_months()),
    }
}

/// Every programme that applies to this person, in the page's order.
pub fn recommendations(profile: &Profile, proofs: &[Proof], today: Date) -> Vec<Recommendation> {
    Programme::ALL
        .into_iter()
        .filter_map(|p| assess(p, profile, proofs, today))
        .collect()
}

// ---- The API ------------------------------------------------------------------------------

/// One person of the household and their programmes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreventionPerson {
    /// Their id on the roll (for `POST /api/prevention/done`).
    pub id: i64,
    /// Given and family names.
    pub name: String,
    /// 1 the member, 2-19 a minor dependant.
    pub rank: u8,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    /// The programmes that apply to them, possibly none.
    pub programmes: Vec<Recommendation>,
}

/// `GET /api/prevention`: the member, then each minor dependant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreventionHousehold {
    /// The fund's day, `YYYY-MM-DD`.
    pub today: String,
    /// Everyone.
    pub people: Vec<PreventionPerson>,
}

/// `POST /api/prevention/done`: a programme done elsewhere for one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DoneElsewhere {
    /// The person, from `GET /api/prevention`.
    pub person: i64,
    /// The programme.
    pub programme: Programme,
    /// The day it was done, `YYYY-MM-DD`.
    #[serde(default)]
    pub done_on: String,
}

/// What is wrong with a declaration, field by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoneProblem {
    /// No date.
    DateMissing,
    /// Not a date of the calendar.
    DateNotReal,
    /// After today.
    DateFuture,
    /// Before the person was born.
    DateBeforeBirth,
    /// The programme is not recommended for this person.
    NotRecommended,
}

impl DoneProblem {
    /// The API's field.
    pub fn field(self) -> &'static str {
        match self {
            DoneProblem::NotRecommended => "programme",
            _ => "done_on",
        }
    }

    /// What to do.
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DoneProblem::DateMissing, Lang::Fr) => {
                "Saisissez la date à laquelle vous l’avez fait."
            }
            (DoneProblem::DateMissing, Lang::En) => "Enter the date you did it.",
            (DoneProblem::DateNotReal, Lang::Fr) => {
                "La date doit exister, par exemple 14\u{a0}03\u{a0}2026."
            }
            (DoneProblem::DateNotReal, Lang::En) => "The date must exist, for example 14 03 2026.",
            (DoneProblem::DateFuture, Lang::Fr) => {
                "La date ne peut pas être dans le futur\u{a0}: saisissez le jour où vous l’avez fait."
            }
            (DoneProblem::DateFuture, Lang::En) => {
                "The date cannot be in the future: enter the day you did it."
            }
            (DoneProblem::DateBeforeBirth, Lang::Fr) => {
                "La date ne peut pas être avant la naissance\u{a0}: vérifiez l’année."
            }
            (DoneProblem::DateBeforeBirth, Lang::En) => {
                "The date cannot be before birth: check the year."
            }
            (DoneProblem::NotRecommended, Lang::Fr) => {
                "Ce programme n’est pas recommandé pour cette personne."
            }
            (DoneProblem::NotRecommended, Lang::En) => {
                "This programme is not recommended for this person."
            }
        }
    }
}

/// Checks a declared date: a real day, not after `today`, not before `birth`.
pub fn check_done_on(done_on: &str, birth: Date, today: Date) -> Result<Date, DoneProblem> {
    if done_on.trim().is_empty() {
        return Err(DoneProblem::DateMissing);
    }
    let day = Date::parse(done_on).ok_or(DoneProblem::DateNotReal)?;
    if day > today {
        Err(DoneProblem::DateFuture)
    } else if day < birth {
        Err(DoneProblem::DateBeforeBirth)
    } else {
        Ok(day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// Someone born on 15 June `year`.
    fn person(year: i32, woman: bool) -> Profile {
        Profile {
            birth: Date::new(year, 6, 15).unwrap(),
            woman,
            pregnant: false,
            ald: false,
        }
    }

    const TODAY: &str = "2026-11-27";

    /// Whether `programme` applies today to someone exactly `age` (birthday passed this year).
    fn applies_at(programme: Programme, age: i32, woman: bool) -> bool {
        applies(programme, &person(2026 - age, woman), d(TODAY)).is_some()
    }

    fn act(on: &str, test: Test) -> Proof {
        Proof {
            on: d(on),
            test,
            act: Some(format!("{test:?}")),
        }
    }

    fn declared(on: &str, test: Test) -> Proof {
        Proof {
            on: d(on),
            test,
            act: None,
        }
    }

    fn state(programme: Programme, profile: &Profile, proofs: &[Proof], today: &str) -> State {
        assess(programme, profile, proofs, d(today)).unwrap().state
    }

    fn up_to(done_on: &str, next_due: &str) -> State {
        State::UpToDate {
            done_on: done_on.into(),
            next_due: next_due.into(),
        }
    }

    fn due(on: &str) -> State {
        State::Due {
            due_on: Some(on.into()),
        }
    }

    #[test]
    fn breast_screening_is_for_women_from_50_to_74() {
        for (age, yes) in [(49, false), (50, true), (74, true), (75, false)] {
            assert_eq!(applies_at(Programme::Breast, age, true), yes, "{age}");
            assert!(!applies_at(Programme::Breast, age, false), "men, {age}");
        }
    }

    #[test]
    fn colorectal_screening_is_for_everyone_from_50_to_74() {
        for (age, yes) in [(49, false), (50, true), (74, true), (75, false)] {
            assert_eq!(applies_at(Programme::Colorectal, age, true), yes, "{age}");
            assert_eq!(applies_at(Programme::Colorectal, age, false), yes, "{age}");
        }
    }

    #[test]
    fn cervical_screening_is_for_women_from_25_to_65() {
        for (age, yes) in [
            (24, false),
            (25, true),
            (29, true),
            (30, true),
            (65, true),
            (66, false),
        ] {
            assert_eq!(applies_at(Programme::Cervical, age, true), yes, "{age}");
            assert!(!applies_at(Programme::Cervical, age, false), "men, {age}");
        }
    }

    #[test]
    fn cervical_screening_uses_cytology_before_30_and_hpv_from_30() {
        let at = |age: i32| {
            assess(
                Programme::Cervical,
                &person(2026 - age, true),
                &[],
                d(TODAY),
            )
        };
        let words = |age: i32| at(age).unwrap().why(Lang::Fr);
        assert!(words(29).contains("examen cytologique"));
        assert!(words(30).contains("test HPV"));
        assert!(
            Programme::Cervical
                .how(29, Lang::Fr)
                .contains("examen cytologique")
        );
        assert!(Programme::Cervical.how(30, Lang::En).contains("HPV test"));
        let birth = d("1997-06-15");
        assert_eq!(
            Test::declared(Programme::Cervical, birth, d("2027-06-14")),
            Test::Cytology
        );
        assert_eq!(
            Test::declared(Programme::Cervical, birth, d("2027-06-15")),
            Test::Hpv
        );
    }

    #[test]
    fn mt_dents_is_from_3_to_24() {
        for (age, yes) in [(2, false), (3, true), (24, true), (25, false)] {
            assert_eq!(applies_at(Programme::MtDents, age, false), yes, "{age}");
        }
    }

    #[test]
    fn flu_vaccination_is_for_65_and_over_ald_and_pregnancy() {
        assert!(!applies_at(Programme::Flu, 64, false));
        assert_eq!(
            applies(Programme::Flu, &person(2026 - 65, false), d(TODAY)),
            Some(vec![Reason::Over65])
        );
        let ald = Profile {
            ald: true,
            ..person(1980, false)
        };
        assert_eq!(
            applies(Programme::Flu, &ald, d(TODAY)),
            Some(vec![Reason::Ald])
        );
        let pregnant = Profile {
            pregnant: true,
            ..person(1995, true)
        };
        assert_eq!(
            applies(Programme::Flu, &pregnant, d(TODAY)),
            Some(vec![Reason::Pregnancy])
        );
        let both = Profile {
            ald: true,
            ..person(1950, false)
        };
        let r = assess(Programme::Flu, &both, &[], d(TODAY)).unwrap();
        assert_eq!(r.reasons, vec![Reason::Over65, Reason::Ald]);
        let why = r.why(Lang::Fr);
        assert!(why.contains("l’âge (65\u{a0}ans ou plus), une affection de longue durée"));
        assert!(why.contains("1er\u{a0}octobre à fin février"));
    }

    #[test]
    fn the_age_changes_on_the_birthday() {
        let p = Profile {
            birth: d("1976-11-28"),
            woman: true,
            pregnant: false,
            ald: false,
        };
        assert!(
            applies(Programme::Breast, &p, d("2026-11-27")).is_none(),
            "49"
        );
        assert!(
            applies(Programme::Breast, &p, d("2026-11-28")).is_some(),
            "50"
        );
        assert!(
            applies(Programme::Breast, &p, d("2051-11-27")).is_some(),
            "74"
        );
        assert!(
            applies(Programme::Breast, &p, d("2051-11-28")).is_none(),
            "75"
        );
    }

    #[test]
    fn never_done_is_due_without_a_date() {
        let p = person(1970, true);
        for programme in [
            Programme::Breast,
            Programme::Colorectal,
            Programme::Cervical,
        ] {
            assert_eq!(
                state(programme, &p, &[], TODAY),
                State::Due { due_on: None },
                "{programme:?}"
            );
        }
    }

    #[test]
    fn a_two_year_interval_ends_on_the_same_day_two_years_later() {
        let p = person(1960, true);
        let proofs = [act("2024-11-27", Test::Mammography)];
        assert_eq!(
            state(Programme::Breast, &p, &proofs, "2026-11-26"),
            up_to("2024-11-27", "2026-11-27")
        );
        assert_eq!(
            state(Programme::Breast, &p, &proofs, "2026-11-27"),
            due("2026-11-27")
        );
        let fit = [act("2024-11-27", Test::Fit)];
        assert_eq!(
            state(Programme::Colorectal, &p, &fit, "2026-11-26"),
            up_to("2024-11-27", "2026-11-27")
        );
        assert_eq!(
            state(Programme::Colorectal, &p, &fit, "2026-11-27"),
            due("2026-11-27")
        );
    }

    #[test]
    fn overdue_is_more_than_six_months_past_due() {
        let p = person(1960, true);
        let proofs = [act("2024-01-10", Test::Fit)];
        assert_eq!(
            state(Programme::Colorectal, &p, &proofs, "2026-07-10"),
            due("2026-01-10")
        );
        assert_eq!(
            state(Programme::Colorectal, &p, &proofs, "2026-07-11"),
            State::Overdue {
                due_on: "2026-01-10".into()
            }
        );
    }

    #[test]
    fn the_most_recent_of_act_and_declaration_wins() {
        let p = person(1960, true);
        let older_declared = [
            act("2025-06-01", Test::Mammography),
            declared("2025-01-01", Test::Mammography),
        ];
        let r = assess(Programme::Breast, &p, &older_declared, d(TODAY)).unwrap();
        assert_eq!(r.state, up_to("2025-06-01", "2027-06-01"));
        assert_eq!(r.done.unwrap().act.as_deref(), Some("Mammography"));
        let newer_declared = [
            act("2025-06-01", Test::Mammography),
            declared("2026-02-01", Test::Mammography),
        ];
        let r = assess(Programme::Breast, &p, &newer_declared, d(TODAY)).unwrap();
        assert_eq!(r.state, up_to("2026-02-01", "2028-02-01"));
        assert_eq!(r.done.clone().unwrap().act, None);
        assert!(r.done_words(Lang::Fr).unwrap().contains("fait ailleurs"));
    }

    #[test]
    fn other_programmes_and_future_dates_are_ignored() {
        let p = person(1960, true);
        let proofs = [
            act("2026-01-01", Test::Fit),
            declared("2027-01-01", Test::Mammography),
        ];
        assert_eq!(
            state(Programme::Breast, &p, &proofs, TODAY),
            State::Due { due_on: None }
        );
    }

    #[test]
    fn cervical_25_29_two_cytologies_a_year_apart_then_every_three_years() {
        // Born 2000-06-15: 25 on 2025-06-15.
        let p = person(2000, true);
        // A cytology before 25 does not count in the sequence.
        let early = [act("2024-05-01", Test::Cytology)];
        assert_eq!(
            state(Programme::Cervical, &p, &early, "2025-07-01"),
            due("2025-05-01")
        );
        let first = [act("2025-07-01", Test::Cytology)];
        assert_eq!(
            state(Programme::Cervical, &p, &first, "2026-06-30"),
            up_to("2025-07-01", "2026-07-01")
        );
        assert_eq!(
            state(Programme::Cervical, &p, &first, "2026-07-01"),
            due("2026-07-01")
        );
        let second = [
            act("2025-07-01", Test::Cytology),
            declared("2026-07-05", Test::Cytology),
        ];
        assert_eq!(
            state(Programme::Cervical, &p, &second, "2029-07-04"),
            up_to("2026-07-05", "2029-07-05")
        );
        assert_eq!(
            state(Programme::Cervical, &p, &second, "2029-07-05"),
            due("2029-07-05")
        );
    }

    #[test]
    fn cervical_30_65_hpv_every_five_years_first_three_years_after_cytology() {
        let p = person(1990, true);
        let cytology = [act("2024-03-01", Test::Cytology)];
        assert_eq!(
            state(Programme::Cervical, &p, &cytology, TODAY),
            up_to("2024-03-01", "2027-03-01")
        );
        let hpv = [
            act("2024-03-01", Test::Cytology),
            act("2025-03-01", Test::Hpv),
        ];
        assert_eq!(
            state(Programme::Cervical, &p, &hpv, "2030-02-28"),
            up_to("2025-03-01", "2030-03-01")
        );
        assert_eq!(
            state(Programme::Cervical, &p, &hpv, "2030-03-01"),
            due("2030-03-01")
        );
        assert_eq!(
            state(Programme::Cervical, &p, &hpv, "2030-09-02"),
            State::Overdue {
                due_on: "2030-03-01".into()
            }
        );
    }

    #[test]
    fn mt_dents_is_once_every_twelve_months() {
        let child = person(2017, false);
        let exam = [act("2026-03-10", Test::DentalExam)];
        assert_eq!(
            state(Programme::MtDents, &child, &exam, "2027-03-09"),
            up_to("2026-03-10", "2027-03-10")
        );
        assert_eq!(
            state(Programme::MtDents, &child, &exam, "2027-03-10"),
            due("2027-03-10")
        );
    }

    #[test]
    fn flu_is_done_for_a_season_from_1_october_to_the_end_of_february() {
        let p = person(1950, false);
        assert_eq!(season_start(d("2026-11-27")), d("2026-10-01"));
        assert_eq!(season_start(d("2027-02-28")), d("2026-10-01"));
        assert_eq!(season_start(d("2026-09-30")), d("2025-10-01"));
        assert!(in_flu_season(d("2026-10-01")) && in_flu_season(d("2027-02-28")));
        assert!(!in_flu_season(d("2027-03-01")) && !in_flu_season(d("2026-09-30")));
        // Never vaccinated: due since 1 October in the season, from the next one outside it.
        assert_eq!(
            state(Programme::Flu, &p, &[], "2026-11-27"),
            due("2026-10-01")
        );
        assert_eq!(
            state(Programme::Flu, &p, &[], "2026-05-02"),
            due("2026-10-01")
        );
        // Last season's vaccine does not cover this one.
        let last = [act("2025-10-20", Test::FluVaccine)];
        assert_eq!(
            state(Programme::Flu, &p, &last, "2026-09-30"),
            up_to("2025-10-20", "2026-10-01")
        );
        assert_eq!(
            state(Programme::Flu, &p, &last, "2026-10-01"),
            due("2026-10-01")
        );
        assert_eq!(
            state(Programme::Flu, &p, &last, "2027-02-28"),
            due("2026-10-01"),
            "never overdue in the season"
        );
        let this = [act("2026-10-01", Test::FluVaccine)];
        assert_eq!(
            state(Programme::Flu, &p, &this, "2026-11-27"),
            up_to("2026-10-01", "2027-10-01")
        );
    }

    #[test]
    fn acts_are_matched_by_their_words_accents_and_case_aside() {
        assert_eq!(
            Test::of_label("MAMMOGRAPHIE DE DEPISTAGE"),
            Some(Test::Mammography)
        );
        assert_eq!(
            Test::of_label("Test immunologique de dépistage du cancer colorectal"),
            Some(Test::Fit)
        );
        assert_eq!(
            Test::of_label("Examen cytologique du col"),
            Some(Test::Cytology)
        );
        assert_eq!(Test::of_label("Test HPV"), Some(Test::Hpv));
        assert_eq!(
            Test::of_label("Examen bucco-dentaire M’T dents"),
            Some(Test::DentalExam)
        );
        assert_eq!(
            Test::of_label("Vaccin contre la grippe"),
            Some(Test::FluVaccine)
        );
        assert_eq!(
            Test::of_label("Mammographie"),
            None,
            "diagnostic, not screening"
        );
        assert_eq!(Test::of_label("Chirurgien-dentiste"), None);
        assert_eq!(Test::of_label("Radiologie"), None);
    }

    #[test]
    fn a_declared_date_is_a_real_day_between_birth_and_today() {
        let (birth, today) = (d("1968-03-15"), d(TODAY));
        assert_eq!(
            check_done_on("", birth, today),
            Err(DoneProblem::DateMissing)
        );
        assert_eq!(
            check_done_on("2026-02-30", birth, today),
            Err(DoneProblem::DateNotReal)
        );
        assert_eq!(
            check_done_on("2026-11-28", birth, today),
            Err(DoneProblem::DateFuture)
        );
        assert_eq!(check_done_on(TODAY, birth, today), Ok(today));
        assert_eq!(
            check_done_on("1968-03-14", birth, today),
            Err(DoneProblem::DateBeforeBirth)
        );
        assert_eq!(check_done_on("1968-03-15", birth, today), Ok(birth));
    }

    #[test]
    fn words_follow_french_typography() {
        let mut texts: Vec<String> = Vec::new();
        for p in Programme::ALL {
            texts.push(p.title(Lang::Fr).into());
            texts.push(p.how(29, Lang::Fr).into());
            texts.push(p.how(30, Lang::Fr).into());
            texts.push(p.cover(Lang::Fr).into());
            texts.push(p.source(Lang::Fr).into());
        }
        let mut profile = person(1950, true);
        profile.ald = true;
        profile.pregnant = true;
        for r in recommendations(&profile, &[], d(TODAY)) {
            texts.push(r.why(Lang::Fr));
            texts.push(r.state.badge(Lang::Fr));
        }
        for p in [
            DoneProblem::DateMissing,
            DoneProblem::DateNotReal,
            DoneProblem::DateFuture,
            DoneProblem::DateBeforeBirth,
            DoneProblem::NotRecommended,
        ] {
            texts.push(p.message(Lang::Fr).into());
        }
        for text in texts {
            assert!(!text.contains('\''), "{text}");
            for mark in [":", ";", "?", "!", "»", "%"] {
                assert!(!text.contains(&format!(" {mark}")), "{text}");
            }
        }
        assert_eq!(long_date("2027-10-01", Lang::Fr), "1er\u{a0}octobre 2027");
        assert_eq!(
            up_to("2026-10-01", "2027-03-12").badge(Lang::Fr),
            "À jour jusqu’au 12\u{a0}mars 2027"
        );
    }
}
