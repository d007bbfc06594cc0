//! Demo mode: the personas that show every feature, seeded idempotently, and the file that
//! tells people (and the browser test suite) how to log in as each of them.
//!
//! Every persona is fictional. Their NIRs are well-formed (valid keys) but invented.

use crate::{
    crypto::{self, Keys},
    db::{self, Db, DbError, accounts, agents, members},
    synthetic::{self, Someone, Traits},
};
use portail_shared::reimbursements::history::HELD_MONTHS;
use portail_shared::reimbursements::{Date, Pregnancy};
use portail_shared::{Iban, Nir};
use serde::Serialize;
use std::path::Path;

/// The fund the demo pretends to be (a name no real fund uses).
pub const DEMO_FUND_NAME: &str = "Caisse de démonstration Portail";
const DEMO_CAISSE_CODE: &str = "999";

/// One way into the demo, as written to `demo-personas.json`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PersonaLogin {
    /// `member`, `agent` or `supervisor`.
    pub role: &'static str,
    /// The name shown in the portal.
    pub display_name: String,
    /// What to type in the login field: the NIR (15 characters) or the agent's e-mail.
    pub login: String,
    /// The password.
    pub password: &'static str,
    /// Where the persona's e-mails go (readable in the demo outbox).
    pub email: &'static str,
    /// `email` (a code sent to the demo outbox) or `totp`.
    pub second_factor: &'static str,
    /// The TOTP secret (base32) when the second factor is an authenticator app.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totp_secret: Option<String>,
    /// What this persona shows.
    pub story: &'static str,
    /// The children on this member's account: their numbers follow the day of seeding.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<ChildOf>,
}

/// A child on a persona's account, as `demo-personas.json` describes it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ChildOf {
    /// The name shown in the portal.
    pub display_name: String,
    /// The child's NIR.
    pub nir: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
}

/// The whole file.
#[derive(Debug, Clone, Serialize)]
pub struct PersonasFile {
    /// Where the demo runs.
    pub url: String,
    /// Every login.
    pub personas: Vec<PersonaLogin>,
}

struct Person {
    /// An adult's NIR (15 characters), their login. A child's place of birth and order number
    /// (8 characters: department, commune, order): sex, year and month come from the birth
    /// date, and the key is computed.
    nir: &'static str,
    family_name: &'static str,
    given_names: &'static str,
    born: Born,
    /// `F` or `M`.
    sex: &'static str,
    address: &'static str,
    postal_code: &'static str,
    city: &'static str,
}

/// When a persona was born.
#[derive(Debug, Clone, Copy)]
enum Born {
    /// On this day (`YYYY-MM-DD`): an adult, whose NIR (their login) says the year and month.
    On(&'static str),
    /// So many years and days before the day the demo is seeded: a child, whose age the story
    /// names, so that a demo seeded any day tells the same story (Théo is 17, never 18).
    Aged { years: i32, days: i64 },
}

impl Person {
    /// The day this person was born, for a demo seeded on `today`.
    fn birth(&self, today: Date) -> Result<Date, DbError> {
        match self.born {
            Born::On(day) => Date::parse(day)
                .ok_or_else(|| DbError::Data(format!("demo persona birth date {day}"))),
            Born::Aged { years, days } => Ok(today.add_months(-12 * years).add_days(-days)),
        }
    }

    /// This person's NIR, for a demo seeded on `today`.
    fn nir(&self, today: Date) -> Result<Nir, DbError> {
        let nir = if self.nir.len() == 15 {
            Nir::parse(self.nir)
        } else {
            let birth = self.birth(today)?;
            Nir::with_key(&format!(
                "{}{:02}{:02}{}",
                if self.sex == "F" { 2 } else { 1 },
                birth.year().rem_euclid(100),
                birth.month(),
                self.nir
            ))
        };
        nir.map_err(|e| DbError::Data(format!("demo persona NIR: {e}")))
    }

    fn full_name(&self) -> String {
        format!("{} {}", self.given_names, self.family_name)
    }
}

struct MemberPersona {
    person: Person,
    email: &'static str,
    /// Empty: the persona has no account yet (they create it in the demo).
    password: &'static str,
    /// Signs in with an authenticator app rather than e-mailed codes.
    totp: bool,
    story: &'static str,
    children: &'static [Person],
    /// What their 27 months of reimbursements look like.
    care: Care,
}

/// The shape of a persona's reimbursement history (see [`synthetic`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Care {
    /// A parent with a complementary insurer and a médecin traitant, and their children.
    Family,
    /// A retiree in ALD: monthly care at 100 %, an ambulance, a hospital stay.
    Ald,
    /// Pregnant, due in two months, without a médecin traitant (GP visits outside the parcours).
    Pregnant,
    /// A sick leave paid as daily allowances.
    SickLeave,
    /// A student with the Complémentaire santé solidaire: no deductions, tiers payant.
    Student,
    /// Little care.
    Light,
    /// Little care and no médecin traitant.
    NoDoctor,
}

const MEMBERS: &[MemberPersona] = &[
    MemberPersona {
        person: Person {
            nir: "291056912304511",
            family_name: "Martin",
            given_names: "Camille",
            born: Born::On("1991-05-14"),
            sex: "F",
            address: "12 rue des Tilleuls",
            postal_code: "69003",
            city: "Lyon",
        },
        email: "camille.martin@demo.portail.test",
        password: "Tournesol-Azur-48",
        story: "Parent de deux enfants mineurs (8 et 16 ans), médecin traitant déclaré.",
        totp: false,
        care: Care::Family,
        children: &[
            Person {
                nir: "69123101",
                family_name: "Martin",
                given_names: "Léa",
                born: Born::Aged { years: 8, days: 95 },
                sex: "F",
                address: "12 rue des Tilleuls",
                postal_code: "69003",
                city: "Lyon",
            },
            Person {
                nir: "69123102",
                family_name: "Martin",
                given_names: "Hugo",
                born: Born::Aged {
                    years: 16,
                    days: 30,
                },
                sex: "M",
                address: "12 rue des Tilleuls",
                postal_code: "69003",
                city: "Lyon",
            },
        ],
    },
    MemberPersona {
        person: Person {
            nir: "158112A00401729",
            family_name: "Dupont",
            given_names: "Jean",
            born: Born::On("1958-11-30"),
            sex: "M",
            address: "4 chemin de la Plage",
            postal_code: "20000",
            city: "Ajaccio",
        },
        email: "jean.dupont@demo.portail.test",
        password: "Granit-Maquis-27",
        story: "Retraité né en Corse (NIR en 2A), suivi pour une affection de longue durée.",
        children: &[],
        totp: false,
        care: Care::Ald,
    },
    MemberPersona {
        person: Person {
            nir: "295029935202165",
            family_name: "Bernard",
            given_names: "Sophie",
            born: Born::On("1995-02-08"),
            sex: "F",
            address: "8 avenue Jean-Jaurès",
            postal_code: "31000",
            city: "Toulouse",
        },
        email: "sophie.bernard@demo.portail.test",
        password: "Lavande-Ecume-93",
        story: "Née à l'étranger (département 99), sans médecin traitant déclaré.",
        children: &[],
        totp: false,
        care: Care::Pregnant,
    },
    MemberPersona {
        person: Person {
            nir: "188077511203431",
            family_name: "Petit",
            given_names: "Lucas",
            born: Born::On("1988-07-03"),
            sex: "M",
            address: "27 boulevard Voltaire",
            postal_code: "75011",
            city: "Paris",
        },
        email: "lucas.petit@demo.portail.test",
        password: "Cerisier-Orage-52",
        story: "A oublié son mot de passe : le réinitialise par le lien reçu par e-mail.",
        children: &[],
        totp: false,
        care: Care::SickLeave,
    },
    MemberPersona {
        person: Person {
            nir: "293011305502724",
            family_name: "Moreau",
            given_names: "Inès",
            born: Born::On("1993-01-08"),
            sex: "F",
            address: "3 place de la Joliette",
            postal_code: "13002",
            city: "Marseille",
        },
        email: "ines.moreau@demo.portail.test",
        password: "Galet-Mistral-64",
        story: "Laisse sa session inactive : avertie une minute avant la fin, puis déconnectée.",
        children: &[],
        totp: false,
        care: Care::Light,
    },
    MemberPersona {
        person: Person {
            nir: "299043306312366",
            family_name: "Leroy",
            given_names: "Alix",
            born: Born::On("1999-04-17"),
            sex: "F",
            address: "5 rue Sainte-Catherine",
            postal_code: "33000",
            city: "Bordeaux",
        },
        email: "alix.leroy@demo.portail.test",
        password: "",
        story: "N'a pas encore de compte : le crée avec le code reçu par courrier.",
        children: &[],
        totp: false,
        care: Care::Student,
    },
    MemberPersona {
        person: Person {
            nir: "190124410922273",
            family_name: "Haddad",
            given_names: "Malik",
            born: Born::On("1990-12-05"),
            sex: "M",
            address: "14 quai de la Fosse",
            postal_code: "44000",
            city: "Nantes",
        },
        email: "malik.haddad@demo.portail.test",
        password: "",
        story: "Lit le portail en anglais ; n'a pas encore de compte et le crée depuis son téléphone.",
        children: &[],
        totp: false,
        care: Care::NoDoctor,
    },
    MemberPersona {
        person: Person {
            nir: "285105935004553",
            family_name: "Garcia",
            given_names: "Nora",
            born: Born::On("1985-10-12"),
            sex: "F",
            address: "21 rue Nationale",
            postal_code: "59000",
            city: "Lille",
        },
        email: "nora.garcia@demo.portail.test",
        password: "Beffroi-Houblon-85",
        story: "Passe des codes par e-mail à une application d'authentification, avec ses codes de secours.",
        children: &[],
        totp: false,
        care: Care::Light,
    },
    MemberPersona {
        person: Person {
            nir: "179063523807741",
            family_name: "Roux",
            given_names: "Thomas",
            born: Born::On("1979-06-25"),
            sex: "M",
            address: "9 quai Duguay-Trouin",
            postal_code: "35000",
            city: "Rennes",
        },
        email: "thomas.roux@demo.portail.test",
        password: "Menhir-Goeland-79",
        story: "Se connecte avec une application d'authentification (secret ci-dessous).",
        children: &[],
        totp: true,
        care: Care::Light,
    },
    MemberPersona {
        person: Person {
            nir: "292066748212348",
            family_name: "Lambert",
            given_names: "Chloé",
            born: Born::On("1992-06-03"),
            sex: "F",
            address: "2 place Kléber",
            postal_code: "67000",
            city: "Strasbourg",
        },
        email: "chloe.lambert@demo.portail.test",
        password: "Cigogne-Tramway-92",
        story: "Reçoit une alerte de connexion depuis un appareil inconnu et sécurise son compte (« ce n'était pas moi »).",
        children: &[],
        totp: false,
        care: Care::Light,
    },
    MemberPersona {
        person: Person {
            nir: "187092123104526",
            family_name: "Fontaine",
            given_names: "Gabriel",
            born: Born::On("1987-09-14"),
            sex: "M",
            address: "6 rue de la Liberté",
            postal_code: "21000",
            city: "Dijon",
        },
        email: "gabriel.fontaine@demo.portail.test",
        password: "Moutarde-Chouette-21",
        story: "Vient de déménager : change ses coordonnées bancaires (nouveau RIB) et déclare sa nouvelle adresse (Mon compte).",
        children: &[],
        totp: false,
        care: Care::Light,
    },
    MemberPersona {
        person: Person {
            nir: "296036311308757",
            family_name: "Girard",
            given_names: "Manon",
            born: Born::On("1996-03-22"),
            sex: "F",
            address: "18 rue Blatin",
            postal_code: "63000",
            city: "Clermont-Ferrand",
        },
        email: "manon.girard@demo.portail.test",
        password: "Volcan-Myrtille-63",
        story: "Le même parcours depuis son téléphone : nouveau RIB et nouvelle adresse.",
        children: &[],
        totp: false,
        care: Care::Light,
    },
    MemberPersona {
        person: Person {
            nir: "287094410912327",
            family_name: "Lemaire",
            given_names: "Sarah",
            born: Born::On("1987-09-05"),
            sex: "F",
            address: "3 rue Crébillon",
            postal_code: "44000",
            city: "Nantes",
        },
        email: "sarah.lemaire@demo.portail.test",
        password: "Estuaire-Goeland-44",
        story: "Parent de Jade (16 ans) et de Noé (7 ans) : télécharge leurs attestations de droits et les fait vérifier.",
        totp: false,
        care: Care::Light,
        children: &[
            Person {
                nir: "44109202",
                family_name: "Lemaire",
                given_names: "Jade",
                born: Born::Aged {
                    years: 16,
                    days: 30,
                },
                sex: "F",
                address: "3 rue Crébillon",
                postal_code: "44000",
                city: "Nantes",
            },
            Person {
                nir: "44109201",
                family_name: "Lemaire",
                given_names: "Noé",
                born: Born::Aged {
                    years: 7,
                    days: 240,
                },
                sex: "M",
                address: "3 rue Crébillon",
                postal_code: "44000",
                city: "Nantes",
            },
        ],
    },
    MemberPersona {
        person: Person {
            nir: "184027511122286",
            family_name: "Garnier",
            given_names: "Léon",
            born: Born::On("1984-02-11"),
            sex: "M",
            address: "40 boulevard Voltaire",
            postal_code: "75011",
            city: "Paris",
        },
        email: "leon.garnier@demo.portail.test",
        password: "Canal-Saint-Martin-75",
        story: "Sur son téléphone : montre son attestation, la vérifie même hors connexion, et déclare un médecin traitant.",
        children: &[],
        totp: false,
        care: Care::NoDoctor,
    },
    MemberPersona {
        person: Person {
            nir: "278056748233323",
            family_name: "Dumas",
            given_names: "Hélène",
            born: Born::On("1978-05-02"),
            sex: "F",
            address: "7 rue du Dôme",
            postal_code: "67000",
            city: "Strasbourg",
        },
        email: "helene.dumas@demo.portail.test",
        password: "Cathedrale-Bretzel-67",
        story: "Parent de Théo (17 ans), qui a choisi son médecin traitant : elle déclare ce choix et donne son accord.",
        totp: false,
        care: Care::Light,
        children: &[Person {
            nir: "67482344",
            family_name: "Dumas",
            given_names: "Théo",
            born: Born::Aged {
                years: 17,
                days: 30,
            },
            sex: "M",
            address: "7 rue du Dôme",
            postal_code: "67000",
            city: "Strasbourg",
        }],
    },
    MemberPersona {
        person: Person {
            nir: "184082901912315",
            family_name: "Mercier",
            given_names: "Yanis",
            born: Born::On("1984-08-19"),
            sex: "M",
            address: "7 rue de Siam",
            postal_code: "29200",
            city: "Brest",
        },
        email: "yanis.mercier@demo.portail.test",
        password: "Iroise-Goemon-29",
        story: "Parent de Lina (8 ans), part en voyage en Europe : commande la carte européenne de Lina, puis la sienne (expirée) à 5 jours du départ et télécharge le certificat provisoire.",
        totp: false,
        care: Care::Light,
        children: &[Person {
            nir: "29019245",
            family_name: "Mercier",
            given_names: "Lina",
            born: Born::Aged {
                years: 8,
                days: 178,
            },
            sex: "F",
            address: "7 rue de Siam",
            postal_code: "29200",
            city: "Brest",
        }],
    },
    MemberPersona {
        person: Person {
            nir: "268033523812348",
            family_name: "Lefort",
            given_names: "Françoise",
            born: Born::On("1968-03-15"),
            sex: "F",
            address: "11 rue de Saint-Malo",
            postal_code: "35000",
            city: "Rennes",
        },
        email: "francoise.lefort@demo.portail.test",
        password: "Ajonc-Lande-Granit-68",
        story: "58 ans : voit ses dépistages (sein à jour, côlon à faire, col de l’utérus en retard) et déclare un dépistage fait ailleurs (Prévention).",
        children: &[],
        totp: false,
        care: Care::Light,
    },
    MemberPersona {
        person: Person {
            nir: "294025935012385",
            family_name: "Caron",
            given_names: "Aurélie",
            born: Born::On("1994-02-10"),
            sex: "F",
            address: "8 rue Gambetta",
            postal_code: "59000",
            city: "Lille",
        },
        email: "aurelie.caron@demo.portail.test",
        password: "Beffroi-Brique-94",
        story: "Parent seule de Maël (4 ans), ressources modestes : demande la Complémentaire santé solidaire en voyant l’estimation, puis lit la décision de sa caisse (Mes démarches).",
        children: &[Person {
            nir: "59350045",
            family_name: "Caron",
            given_names: "Maël",
            born: Born::Aged {
                years: 4,
                days: 172,
            },
            sex: "M",
            address: "8 rue Gambetta",
            postal_code: "59000",
            city: "Lille",
        }],
        totp: false,
        care: Care::Light,
    },
    MemberPersona {
        person: Person {
            nir: "289074410912391",
            family_name: "Robin",
            given_names: "Inès",
            born: Born::On("1989-07-23"),
            sex: "F",
            address: "3 quai de la Fosse",
            postal_code: "44000",
            city: "Nantes",
        },
        email: "ines.robin@demo.portail.test",
        password: "Loire-Estuaire-44",
        story: "Écrit à sa caisse au sujet d’un remboursement, avec un justificatif (Messagerie) ; lit la réponse d’une conseillère, signalée dans le menu et par e-mail.",
        children: &[],
        totp: false,
        care: Care::Light,
    },
    MemberPersona {
        person: Person {
            nir: "179113155512382",
            family_name: "Ferrand",
            given_names: "Samir",
            born: Born::On("1979-11-04"),
            sex: "M",
            address: "21 rue d’Alsace-Lorraine",
            postal_code: "31000",
            city: "Toulouse",
        },
        email: "samir.ferrand@demo.portail.test",
        password: "Garonne-Brique-31",
        story: "Sur son téléphone : écrit à sa caisse au sujet de sa carte Vitale (Messagerie), lit la réponse et ferme la conversation.",
        children: &[],
        totp: false,
        care: Care::Light,
    },
    MemberPersona {
        person: Person {
            nir: "276033306341215",
            family_name: "Lambert",
            given_names: "Rose",
            born: Born::On("1976-03-14"),
            sex: "F",
            address: "9 quai des Chartrons",
            postal_code: "33000",
            city: "Bordeaux",
        },
        email: "rose.lambert@demo.portail.test",
        password: "Verveine-Falaise-17",
        story: "A bloqué son compte par des essais manqués : une conseillère le débloque après vérification.",
        children: &[],
        totp: false,
        care: Care::Light,
    },
    MemberPersona {
        person: Person {
            nir: "181095935012311",
            family_name: "Bernard",
            given_names: "Hugo",
            born: Born::On("1981-09-23"),
            sex: "M",
            address: "14 rue Nationale",
            postal_code: "59000",
            city: "Lille",
        },
        email: "hugo.bernard@demo.portail.test",
        password: "",
        story: "A demandé son code d'activation : son courrier attend l'impression par la caisse.",
        children: &[],
        totp: false,
        care: Care::Light,
    },
    MemberPersona {
        person: Person {
            nir: "161093306321823",
            family_name: "Masson",
            given_names: "Julien",
            born: Born::On("1961-09-04"),
            sex: "M",
            address: "14 cours Victor Hugo",
            postal_code: "33000",
            city: "Bordeaux",
        },
        email: "julien.masson@demo.portail.test",
        password: "Garonne-Pierre-61",
        story: "Vit seul avec une petite pension : depuis son téléphone, demande la Complémentaire santé solidaire (participation de 25 € par mois, d’après son âge) et lit la décision.",
        children: &[],
        totp: false,
        care: Care::Light,
    },
    MemberPersona {
        person: Person {
            nir: "284064410908765",
            family_name: "Fabre",
            given_names: "Élise",
            born: Born::On("1984-06-02"),
            sex: "F",
            address: "5 allée Duguay-Trouin",
            postal_code: "44000",
            city: "Nantes",
        },
        email: "elise.fabre@demo.portail.test",
        password: "Estran-Pelican-38",
        story: "Agrandit le texte de son téléphone : chaque page se lit sans défilement horizontal à 320 pixels de large.",
        children: &[],
        totp: false,
        care: Care::Light,
    },
];

/// The RIB of the account each persona is paid on (bank, branch, account): the IBAN is
/// computed from it ([`Iban::from_rib`]), key and check digits included. The first is the
/// reference example of a French IBAN.
fn persona_rib(index: usize) -> (&'static str, &'static str, String) {
    if index == 0 {
        return ("20041", "01005", "0500013M026".to_owned());
    }
    const BANKS: [(&str, &str); 3] = [("30006", "00001"), ("10278", "08900"), ("17515", "90000")];
    let (bank, branch) = BANKS[index % BANKS.len()];
    let account = 40_000_000_000_u64 + u64::try_from(index).unwrap_or(0) * 7_654_321;
    (bank, branch, format!("{account:011}"))
}

struct AgentPersona {
    email: &'static str,
    display_name: &'static str,
    role: agents::Role,
    password: &'static str,
    story: &'static str,
}

const AGENTS: &[AgentPersona] = &[
    AgentPersona {
        email: "nadia.agent@demo.portail.test",
        display_name: "Nadia Benali",
        role: agents::Role::Agent,
        password: "Comptoir-Boreal-61",
        story: "Conseillère : répond aux messages et traite les démarches.",
    },
    AgentPersona {
        email: "paul.superviseur@demo.portail.test",
        display_name: "Paul Lefèvre",
        role: agents::Role::Supervisor,
        password: "Phare-Minuit-35",
        story: "Superviseur : voit aussi les statistiques de l'équipe.",
    },
];

/// The persona whose failed logins have locked her account for the day (an agent unlocks it).
const LOCKED_NIR: &str = "276033306341215";

/// The persona whose activation letter waits for the fund's printer.
const LETTER_NIR: &str = "181095935012311";

/// The persona whose question waits in the agents' message queue (so the area has work to show).
const WRITER_NIR: &str = "158112A00401729";

/// Jean's question about his ambulance transport, sent two days ago and not yet answered.
fn waiting_message(
    tx: &rusqlite::Connection,
    keys: &Keys,
    member: members::MemberId,
    now: time::OffsetDateTime,
) -> Result<(), DbError> {
    let sent = crate::clock::format(now - time::Duration::days(2));
    let thread = db::messages::create_thread(
        tx,
        keys,
        member,
        portail_shared::messages::Topic::Reimbursements,
        "Transport en ambulance du mois dernier",
        &sent,
    )?;
    db::messages::add_message(
        tx,
        keys,
        thread,
        portail_shared::messages::Party::Member,
        member.0,
        "Bonjour, mon transport en ambulance pour ma dialyse du mois dernier n'apparaît pas encore \
         dans mes paiements. Pouvez-vous me dire où en est son remboursement ? Merci. Jean Dupont",
        false,
        &sent,
    )?;
    Ok(())
}

/// Records a day's worth of failed logins for a NIR, as a member who kept mistyping would.
fn lock_out(
    tx: &rusqlite::Connection,
    keys: &Keys,
    nir: &Nir,
    now: time::OffsetDateTime,
) -> Result<(), DbError> {
    let index = keys.blind_index(members::NIR_INDEX, nir.as_str());
    let key = crate::login::nir_throttle_key(&index);
    db::throttle::put(
        tx,
        &key,
        &db::throttle::Throttle {
            failures: portail_shared::login::MAX_FAILURES_PER_DAY,
            window_start: crate::clock::format(now),
            blocked_until: Some(crate::clock::format(now + time::Duration::hours(24))),
        },
    )
}

/// Seeds the demo personas that are missing (so a second run changes nothing) and returns
/// how to log in as each of them.
///
/// A persona seeded at `now` gets the 27 months of reimbursements up to that day (in Paris).
pub async fn seed(
    db: &Db,
    keys: &Keys,
    now: time::OffsetDateTime,
) -> Result<Vec<PersonaLogin>, DbError> {
    let keys = keys.clone();
    db.transaction(move |tx| seed_in(tx, &keys, now)).await
}

/// Seeds the stories for the day of `now`: a demo database seeded on another day is emptied
/// first, in the same transaction, so that every story (a child's age, a card about to
/// expire, a payment last week) holds on the day the demo is shown. Says whether it started
/// afresh.
pub async fn seed_for_today(
    db: &Db,
    keys: &Keys,
    now: time::OffsetDateTime,
) -> Result<(Vec<PersonaLogin>, bool), DbError> {
    let keys = keys.clone();
    db.transaction(move |tx| {
        let today = crate::clock::paris_day(now).to_string();
        let stale = db::settings::get(tx, SEEDED_ON)?.is_some_and(|on| on != today);
        if stale {
            db::settings::claim_mode(tx, "demo")?;
            db::empty_every_table(tx)?;
        }
        let logins = seed_in(tx, &keys, now)?;
        Ok((logins, stale))
    })
    .await
}

/// Starts the stories afresh each time the day changes in Paris (`portail demo --reseed-daily`);
/// runs until the server stops. A failure is logged and tried again the next minute.
pub async fn reseed_daily(db: Db, keys: Keys, clock: crate::clock::Clock) {
    let mut seeded = clock.today();
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
        if clock.today() == seeded {
            continue;
        }
        match seed_for_today(&db, &keys, clock.now()).await {
            Ok(_) => {
                seeded = clock.today();
                tracing::info!(day = %seeded, "demo stories started afresh");
            }
            Err(e) => tracing::warn!(error = %e, "the demo's stories could not start afresh"),
        }
    }
}

/// The NIR and birth date of the demo person called `full_name` ("Léa Martin") in a demo
/// seeded on `today`: a child's follow the day of seeding.
pub fn person(full_name: &str, today: Date) -> Option<(Nir, Date)> {
    let person = MEMBERS
        .iter()
        .flat_map(|m| std::iter::once(&m.person).chain(m.children))
        .find(|p| p.full_name() == full_name)?;
    Some((person.nir(today).ok()?, person.birth(today).ok()?))
}

/// The setting that says on which day (in Paris) the stories were seeded.
const SEEDED_ON: &str = "demo_seeded_on";

fn seed_in(
    tx: &rusqlite::Transaction<'_>,
    keys: &Keys,
    now: time::OffsetDateTime,
) -> Result<Vec<PersonaLogin>, DbError> {
    let today = crate::clock::paris_day(now);
    let stamp = crate::clock::format(now);
    db::settings::claim_mode(tx, "demo")?;
    db::settings::set(tx, "fund_name", DEMO_FUND_NAME)?;
    if db::settings::get(tx, SEEDED_ON)?.is_none() {
        db::settings::set(tx, SEEDED_ON, &today.to_string())?;
    }
    if db::professionals::count(tx)? == 0 {
        for professional in synthetic::directory(DIRECTORY_PER_TOWN) {
            db::professionals::upsert(tx, &professional)?;
        }
    }
    let mut logins = Vec::new();
    for (index, persona) in MEMBERS.iter().enumerate() {
        let nir = persona.person.nir(today)?;
        let member = match members::find_by_nir(tx, keys, &nir)? {
            Some(id) => id,
            None => {
                let id = insert_person(tx, keys, &persona.person, today, &stamp)?;
                let mut household = vec![someone(id, &persona.person, persona.care, today)?];
                for (i, child) in persona.children.iter().enumerate() {
                    let child_id = insert_person(tx, keys, child, today, &stamp)?;
                    let rank = u8::try_from(i + 2).unwrap_or(19);
                    let born = child.birth(today)?.to_string();
                    members::link_dependant(tx, child_id, id, rank, &born)?;
                    household.push(someone(child_id, child, Care::Light, today)?);
                }
                let seed = persona
                    .person
                    .nir
                    .bytes()
                    .fold(0_u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
                let prefix = format!("DEMO-{}", persona.person.nir);
                let everyone: Vec<&Person> = std::iter::once(&persona.person)
                    .chain(persona.children)
                    .collect();
                let acts = screenings(&everyone, today);
                for line in synthetic::history_with(
                    seed,
                    id,
                    &household,
                    today,
                    HELD_MONTHS,
                    &prefix,
                    &acts,
                ) {
                    db::reimbursements::insert(tx, keys, &line, &stamp)?;
                }
                let people = std::iter::once(&persona.person).chain(persona.children);
                for (someone, person) in household.iter().zip(people) {
                    care_records(tx, keys, someone, person.city, today)?;
                    prevention_records(tx, someone, person, today)?;
                }
                if persona.person.nir == WRITER_NIR {
                    waiting_message(tx, keys, id, now)?;
                }
                id
            }
        };
        if !db::bank::has_any(tx, member)? {
            let (bank, branch, account) = persona_rib(index);
            let iban = Iban::from_rib(bank, branch, &account)
                .map_err(|e| DbError::Data(format!("demo persona RIB: {}", e.code())))?;
            let holder = format!(
                "{} {}",
                persona.person.given_names,
                persona.person.family_name.to_uppercase()
            );
            let new = db::bank::NewAccount {
                iban: &iban,
                bic: "",
                holder: &holder,
            };
            db::bank::insert_active(tx, keys, member, &new, &stamp)?;
        }
        ceam_cards(tx, keys, persona, today)?;
        if !persona.password.is_empty() && accounts::find_by_member(tx, member)?.is_none() {
            let hash = password_hash(persona.password)?;
            let account = accounts::insert_active(tx, member, persona.email, &hash, &stamp)?;
            if persona.person.nir == LOCKED_NIR {
                lock_out(tx, keys, &nir, now)?;
            }
            if persona.totp {
                let secret = base32(&crypto::random_bytes::<20>()?);
                db::security::enable_totp(tx, keys, account, &secret, 0, &[], &stamp)?;
            }
        }
        if persona.person.nir == LETTER_NIR && accounts::find_by_member(tx, member)?.is_none() {
            let postal = members::postal(tx, member)?
                .ok_or_else(|| DbError::Data("demo persona without an address".into()))?;
            let sender = crate::activation::LetterSender {
                fund: DEMO_FUND_NAME,
                url: "http://127.0.0.1:8080/creer-mon-compte/code",
                keep_text: true,
            };
            crate::activation::issue_letter(
                tx,
                keys,
                &sender,
                member,
                &postal,
                persona.email,
                now,
            )?;
        }
        let totp_secret = match accounts::find_by_member(tx, member)? {
            Some(account) if persona.totp => {
                db::security::factor(tx, keys, account)?.and_then(|f| f.totp_secret)
            }
            _ => None,
        };
        logins.push(PersonaLogin {
            role: "member",
            display_name: format!(
                "{} {}",
                persona.person.given_names, persona.person.family_name
            ),
            login: nir.as_str().to_owned(),
            password: persona.password,
            email: persona.email,
            second_factor: if persona.password.is_empty() {
                "none"
            } else if persona.totp {
                "totp"
            } else {
                "email"
            },
            totp_secret,
            story: persona.story,
            children: persona
                .children
                .iter()
                .map(|child| {
                    Ok(ChildOf {
                        display_name: child.full_name(),
                        nir: child.nir(today)?.as_str().to_owned(),
                        birth_date: child.birth(today)?.to_string(),
                    })
                })
                .collect::<Result<_, DbError>>()?,
        });
    }
    for agent in AGENTS {
        let id = match agents::find_by_email(tx, agent.email)? {
            Some(id) => id,
            None => {
                let hash = password_hash(agent.password)?;
                let id = agents::insert(
                    tx,
                    agent.email,
                    agent.display_name,
                    agent.role,
                    &hash,
                    &stamp,
                )?;
                let secret = base32(&crypto::random_bytes::<20>()?);
                agents::set_totp_secret(tx, keys, id, &secret)?;
                id
            }
        };
        logins.push(PersonaLogin {
            role: agent.role.as_str(),
            display_name: agent.display_name.to_owned(),
            login: agent.email.to_owned(),
            password: agent.password,
            email: agent.email,
            second_factor: "totp",
            totp_secret: agents::totp_secret(tx, keys, id)?,
            story: agent.story,
            children: Vec::new(),
        });
    }
    Ok(logins)
}

/// European health insurance cards by NIR: the last valid day, in days from today. Camille's,
/// Sophie's and the Lemaires' are valid, Léa's expires soon, Jean's and Yanis's have expired;
/// Hugo, Noé and Lina have none.
const CEAM_CARDS: &[(&str, i64)] = &[
    ("Camille Martin", 480),
    ("Léa Martin", 40),
    ("Jean Dupont", -100),
    ("Sophie Bernard", 640),
    ("Sarah Lemaire", 300),
    ("Jade Lemaire", 300),
    ("Yanis Mercier", -365),
];

/// Gives each person of the household their card, unless they already have one.
fn ceam_cards(
    tx: &rusqlite::Transaction<'_>,
    keys: &Keys,
    persona: &MemberPersona,
    today: Date,
) -> Result<(), DbError> {
    for person in std::iter::once(&persona.person).chain(persona.children) {
        let name = person.full_name();
        let Some((_, days)) = CEAM_CARDS.iter().find(|(n, _)| *n == name) else {
            continue;
        };
        let Some(member) = members::find_by_nir(tx, keys, &person.nir(today)?)? else {
            continue;
        };
        if db::ceam::latest(tx, member)?.is_none() {
            let card = crate::ceam::demo_card(member, today.add_days(*days));
            db::ceam::insert(tx, member, &card)?;
        }
    }
    Ok(())
}

/// Doctors per demo town in the directory (12 towns).
const DIRECTORY_PER_TOWN: usize = 30;

/// What the fund knows beyond the roll: the médecin traitant declared, an ALD exoneration,
/// Complémentaire santé solidaire rights.
fn care_records(
    tx: &rusqlite::Transaction<'_>,
    keys: &Keys,
    someone: &Someone,
    city: &str,
    today: Date,
) -> Result<(), DbError> {
    let traits = someone.traits;
    if traits.treating_doctor {
        let age = today.year() - someone.birth.year();
        let specialty = if age < 16 {
            "Pédiatrie"
        } else {
            "Médecine générale"
        };
        if let Some(doctor) = db::professionals::search(tx, "", city, Some(specialty), 1)?
            .into_iter()
            .next()
        {
            let since = today.add_months(-30).max(someone.birth);
            db::professionals::declare(tx, someone.member, doctor.id, &since.to_string())?;
        }
    }
    if traits.ald {
        let since = today.add_months(-50).to_string();
        db::attestations::add_exoneration(
            tx,
            keys,
            someone.member,
            "Affection de longue durée (ALD 30)",
            &since,
            None,
        )?;
    }
    if traits.css {
        db::attestations::set_css_until(tx, someone.member, Some(today.add_months(7)))?;
    }
    Ok(())
}

/// Prevention acts in the personas' histories, by NIR (see `portail_shared::prevention`):
/// Camille's HPV test, Léa's M’T dents exam this year (Hugo's is to do), Jean's flu vaccine of
/// the current (or last) season, Françoise's mammography (her colorectal screening is to do).
fn screenings(people: &[&Person], today: Date) -> Vec<synthetic::Screening> {
    use portail_shared::Cents;
    use portail_shared::prevention::{in_flu_season, season_start};
    use portail_shared::reimbursements::Nature;
    let flu_day = if in_flu_season(today) {
        season_start(today).max(today.add_days(-20))
    } else {
        season_start(today).add_days(20)
    };
    let mut acts = Vec::new();
    for (who, person) in people.iter().enumerate() {
        let act = |on: Date, nature, label, professional, base| synthetic::Screening {
            who,
            on,
            nature,
            label,
            professional,
            base: Cents(base),
        };
        match person.full_name().as_str() {
            "Camille Martin" => acts.push(act(
                today.add_months(-20),
                Nature::Lab,
                "Test HPV",
                "Laboratoire du Parc",
                3510,
            )),
            "Léa Martin" => acts.push(act(
                today.add_months(-2),
                Nature::Dental,
                "Examen bucco-dentaire M’T dents",
                "Dr Claire Perrin, chirurgien-dentiste",
                3000,
            )),
            "Jean Dupont" => acts.push(act(
                flu_day,
                // The injection by the pharmacist (the vaccine, free with the voucher, is
                // not billed).
                Nature::Paramedical { acts: 1 },
                "Vaccin contre la grippe",
                "Pharmacie du Marché",
                790,
            )),
            "Françoise Lefort" => acts.push(act(
                today.add_months(-8),
                Nature::Radiology,
                "Mammographie de dépistage",
                "Cabinet d’imagerie du Parc",
                6600,
            )),
            _ => {}
        }
    }
    acts
}

/// What the fund knows for prevention: Sophie's pregnancy, and Françoise's HPV test declared
/// done elsewhere 5 years and 8 months ago (so her cervical screening is overdue).
fn prevention_records(
    tx: &rusqlite::Transaction<'_>,
    someone: &Someone,
    person: &Person,
    today: Date,
) -> Result<(), DbError> {
    if let Some(p) = someone.traits.pregnancy {
        let due = p.sixth_month.add_months(4);
        db::prevention::add_pregnancy(tx, someone.member, due, p.sixth_month.add_months(-3))?;
    }
    if person.full_name() == "Françoise Lefort" {
        let programme = portail_shared::prevention::Programme::Cervical.code();
        db::prevention::declare(tx, someone.member, programme, today.add_months(-68))?;
    }
    Ok(())
}

/// A persona's password hash, computed once per process: seeding many demo databases (the
/// tests seed one for each day they check) pays argon2id once per password, not per seeding.
fn password_hash(password: &'static str) -> Result<String, DbError> {
    static HASHES: std::sync::Mutex<Vec<(&str, String)>> = std::sync::Mutex::new(Vec::new());
    let known = |hashes: &[(&str, String)]| {
        hashes
            .iter()
            .find(|(p, _)| *p == password)
            .map(|(_, h)| h.clone())
    };
    if let Some(hash) = HASHES.lock().ok().and_then(|h| known(&h)) {
        return Ok(hash);
    }
    let hash = crypto::hash_password(password)?;
    if let Ok(mut hashes) = HASHES.lock() {
        hashes.push((password, hash.clone()));
    }
    Ok(hash)
}

fn insert_person(
    tx: &rusqlite::Transaction<'_>,
    keys: &Keys,
    p: &Person,
    today: Date,
    now: &str,
) -> Result<members::MemberId, DbError> {
    let nir = p.nir(today)?;
    let born = p.birth(today)?.to_string();
    members::insert(
        tx,
        keys,
        &members::NewMember {
            nir: Some(&nir),
            family_name: p.family_name,
            given_names: p.given_names,
            birth_date: &born,
            sex: p.sex,
            address_line1: p.address,
            postal_code: p.postal_code,
            city: p.city,
            caisse_code: DEMO_CAISSE_CODE,
            rights_start: &born,
        },
        now,
    )
}

/// A household member as the history generator sees them.
fn someone(
    member: members::MemberId,
    p: &Person,
    care: Care,
    today: Date,
) -> Result<Someone, DbError> {
    let birth = p.birth(today)?;
    let woman = p.sex == "F";
    let adult = Traits {
        woman,
        treating_doctor: true,
        complementary: true,
        visits_per_year: 3,
        ..Traits::default()
    };
    let traits = match care {
        Care::Family => Traits {
            visits_per_year: 4,
            ..adult
        },
        Care::Ald => Traits {
            ald: true,
            complementary: false,
            visits_per_year: 2,
            ..adult
        },
        Care::Pregnant => {
            let due = today.add_months(2);
            Traits {
                pregnancy: Some(Pregnancy {
                    sixth_month: due.add_months(-4),
                    delivery: None,
                }),
                treating_doctor: false,
                visits_per_year: 4,
                ..adult
            }
        }
        Care::SickLeave => Traits {
            sick_leave: true,
            ..adult
        },
        Care::Student => Traits {
            css: true,
            complementary: false,
            visits_per_year: 2,
            ..adult
        },
        Care::Light => Traits {
            visits_per_year: 2,
            ..adult
        },
        Care::NoDoctor => Traits {
            treating_doctor: false,
            complementary: false,
            visits_per_year: 2,
            ..adult
        },
    };
    Ok(Someone {
        member,
        birth,
        traits,
    })
}

/// Writes `demo-personas.json` in the data folder.
pub fn write_personas_file(data_dir: &Path, file: &PersonasFile) -> std::io::Result<()> {
    let json = serde_json::to_string_pretty(file).map_err(std::io::Error::other)?;
    std::fs::write(data_dir.join("demo-personas.json"), json + "\n")
}

/// RFC 4648 base32 without padding, as authenticator apps expect secrets.
pub fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_persona_nir_is_valid_and_says_the_birth_year_and_month() {
        for today in [
            Date::new(2026, 12, 7),
            Date::new(2028, 2, 29),
            Date::new(2031, 1, 1),
        ] {
            let today = today.unwrap();
            for p in MEMBERS
                .iter()
                .flat_map(|m| std::iter::once(&m.person).chain(m.children))
            {
                let nir = p.nir(today).unwrap();
                let birth = p.birth(today).unwrap();
                let (year, month) = (&nir.as_str()[1..3], &nir.as_str()[3..5]);
                assert_eq!(
                    year,
                    format!("{:02}", birth.year() % 100),
                    "{}",
                    p.given_names
                );
                assert_eq!(month, format!("{:02}", birth.month()), "{}", p.given_names);
            }
        }
    }

    #[test]
    fn every_persona_is_paid_on_a_distinct_valid_french_iban() {
        let mut ibans: Vec<_> = (0..MEMBERS.len())
            .map(|i| {
                let (bank, branch, account) = persona_rib(i);
                Iban::from_rib(bank, branch, &account).unwrap()
            })
            .collect();
        assert_eq!(ibans[0].as_str(), "FR1420041010050500013M02606");
        assert!(ibans.iter().all(|i| i.country() == "FR"));
        ibans.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        ibans.dedup();
        assert_eq!(ibans.len(), MEMBERS.len());
    }

    #[test]
    fn base32_matches_rfc4648_vectors() {
        assert_eq!(base32(b""), "");
        assert_eq!(base32(b"f"), "MY");
        assert_eq!(base32(b"fo"), "MZXQ");
        assert_eq!(base32(b"foobar"), "MZXW6YTBOI");
    }
}
