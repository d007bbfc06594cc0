//! The fund's phone number, always with its price.

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::lang::use_lang;

/// The number as written in France.
pub const PHONE_DISPLAY: &str = "36 46";
/// The number to dial.
pub const PHONE_HREF: &str = "tel:3646";

/// "Appelez le 36 46 (service gratuit + prix d'un appel)", with a link that dials.
#[component]
pub fn PhoneLine() -> Html {
    let lang = use_lang();
    html! {
        <p class="phone-line">
            { Text::CallUs.text(lang) }
            { " " }
            <a class="phone-line__number" href={PHONE_HREF}>{ PHONE_DISPLAY }</a>
            { " " }
            { Text::PhoneCost.text(lang) }
        </p>
    }
}
