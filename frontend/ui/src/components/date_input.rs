//! A date typed in three boxes, Jour / Mois / Année, in a fieldset (GOV.UK's date input):
//! easier than a date picker for a birth date, on a phone and with a screen reader.

use portail_shared::i18n::Text;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::icons::{Icon, IconKind};
use crate::lang::use_lang;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct SimpleDate {
    /// Four digits.
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31.
    pub day: u32,
}

/// Today in Paris on the server's clock (`None` outside the browser), read at each render:
/// the component renders again once `GET /api/config` has told the server's clock.
#[hook]
pub fn use_today() -> Option<SimpleDate> {
    let _config = use_context::<crate::config::ConfigState>();
    crate::browser::today()
}

impl SimpleDate {
    /// `YYYY-MM-DD`, as the API expects.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Reads `YYYY-MM-DD` as the API writes it.
    pub fn from_iso(text: &str) -> Option<Self> {
        let mut parts = text.splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Self { year, month, day })
    }

    /// The date in words: "26 décembre 2026", "26 December 2026".
    pub fn long(self, lang: portail_shared::Lang) -> String {
        crate::time::calendar_date(i64::from(self.year), self.month, self.day, lang)
    }
}

/// Why the three boxes do not make a usable date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Nothing typed.
    Empty,
    /// One or two boxes left empty.
    Incomplete,
    /// Not a date of the calendar (31/02, month 13, a 2-digit year, letters).
    NotReal,
    /// After today.
    Future,
}

impl DateProblem {
    /// The message for a birth date.
    pub fn birth_date_text(self) -> Text {
        match self {
            DateProblem::Empty => Text::BirthDateRequired,
            DateProblem::Incomplete => Text::BirthDateIncomplete,
            DateProblem::NotReal => Text::BirthDateNotReal,
            DateProblem::Future => Text::BirthDateFuture,
        }
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Reads one box: digits only (spaces around allowed), at most `max_digits`.
fn number(text: &str, max_digits: usize) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() || text.len() > max_digits || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The date the three boxes make, or why they make none. `today`, when known (the browser's
/// clock), refuses a date after it; natively the server judges alone.
pub fn parse_date(
    day: &str,
    month: &str,
    year: &str,
    today: Option<SimpleDate>,
) -> Result<SimpleDate, DateProblem> {
    let filled = [day, month, year]
        .iter()
        .filter(|part| !part.trim().is_empty())
        .count();
    match filled {
        0 => return Err(DateProblem::Empty),
        1 | 2 => return Err(DateProblem::Incomplete),
        _ => {}
    }
    let (Some(day), Some(month), Some(year)) = (number(day, 2), number(month, 2), number(year, 4))
    else {
        return Err(DateProblem::NotReal);
    };
    let year = i32::try_from(year).map_err(|_| DateProblem::NotReal)?;
    if year < 1000 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return Err(DateProblem::NotReal);
    }
    let date = SimpleDate { year, month, day };
    if today.is_some_and(|today| date > today) {
        return Err(DateProblem::Future);
    }
    Ok(date)
}

/// One of the three boxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    /// Jour.
    Day,
    /// Mois.
    Month,
    /// Année.
    Year,
}

/// What three date boxes hold, as typed: day, month, year.
pub type DateBoxes = (String, String, String);

/// The [`DateInput`] callback that keeps `date` up to date as the member types, and forgets
/// the server's message for `field` (the member is correcting it).
pub fn on_date_part(
    date: &UseStateHandle<DateBoxes>,
    form: &crate::components::form::Form,
    field: &'static str,
) -> Callback<(DatePart, String)> {
    let (date, form) = (date.clone(), form.clone());
    Callback::from(move |(part, value): (DatePart, String)| {
        form.clear_server_error(field);
        let mut next = (*date).clone();
        match part {
            DatePart::Day => next.0 = value,
            DatePart::Month => next.1 = value,
            DatePart::Year => next.2 = value,
        }
        date.set(next);
    })
}

/// Properties of [`DateInput`].
#[derive(Properties, PartialEq, Clone)]
pub struct DateInputProps {
    /// The prefix of the ids: `{id}-jour` (the error summary's target), `{id}-mois`,
    /// `{id}-annee`, `{id}-aide`, `{id}-message`.
    pub id: AttrValue,
    /// The fieldset's legend ("Date de naissance").
    pub legend: AttrValue,
    /// The hint under it ("Par exemple 14/05/1991").
    pub hint: AttrValue,
    /// The three boxes' contents.
    pub day: AttrValue,
    /// The month box.
    pub month: AttrValue,
    /// The year box.
    pub year: AttrValue,
    /// What is wrong, if anything; marks the boxes invalid.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// `bday` for a birth date: the boxes get `bday-day`, `bday-month`, `bday-year`.
    #[prop_or_default]
    pub autocomplete: Option<&'static str>,
    /// Called with the box and its new value at each keystroke.
    #[prop_or_default]
    pub on_input: Callback<(DatePart, String)>,
    /// Called when a box loses focus.
    #[prop_or_default]
    pub on_blur: Callback<DatePart>,
}

/// The legend, the hint, the message in a polite live region, then Jour / Mois / Année.
#[component]
pub fn DateInput(props: &DateInputProps) -> Html {
    let lang = use_lang();
    let hint_id = format!("{}-aide", props.id);
    let message_id = format!("{}-message", props.id);
    let invalid = props.error.is_some().then_some("true");

    let part = |part: DatePart, suffix: &str, label: Text, value: &AttrValue, width: &str| {
        let id = format!("{}-{suffix}", props.id);
        let oninput = {
            let on_input = props.on_input.clone();
            Callback::from(move |event: InputEvent| {
                let value = event.target_unchecked_into::<HtmlInputElement>().value();
                on_input.emit((part, value));
            })
        };
        let onblur = {
            let on_blur = props.on_blur.clone();
            Callback::from(move |_: FocusEvent| on_blur.emit(part))
        };
        let autocomplete = props.autocomplete.map(|prefix| {
            let which = match part {
                DatePart::Day => "day",
                DatePart::Month => "month",
                DatePart::Year => "year",
            };
            format!("{prefix}-{which}")
        });
        html! {
            <div class="date-input__item">
                <label class="date-input__label" for={id.clone()}>{ label.text(lang) }</label>
                <input
                    class={classes!("field__input", "date-input__input", width.to_owned())}
                    id={id.clone()}
                    name={id}
                    type="text"
                    inputmode="numeric"
                    value={value.clone()}
                    autocomplete={autocomplete}
                    spellcheck="false"
                    aria-invalid={invalid}
                    {oninput}
                    {onblur}
                />
            </div>
        }
    };

    let message = match &props.error {
        Some(error) => html! {
            <span class="field__error">
                <Icon kind={IconKind::Error} />
                <span class="visually-hidden">{ Text::ErrorPrefix.text(lang) }{ " " }</span>
                { error.clone() }
            </span>
        },
        None => html! {},
    };

    html! {
        <div class={classes!("field", props.error.is_some().then_some("field--error"))}>
            <fieldset
                class="fieldset"
                role="group"
                aria-describedby={format!("{hint_id} {message_id}")}
            >
                <legend class="field__label">{ props.legend.clone() }</legend>
                <p class="field__hint" id={hint_id}>{ props.hint.clone() }</p>
                <p class="field__message" id={message_id} aria-live="polite">{ message }</p>
                <div class="date-input">
                    { part(DatePart::Day, "jour", Text::DateDay, &props.day, "date-input__input--2") }
                    { part(DatePart::Month, "mois", Text::DateMonth, &props.month, "date-input__input--2") }
                    { part(DatePart::Year, "annee", Text::DateYear, &props.year, "date-input__input--4") }
                </div>
            </fieldset>
        </div>
    }
}
