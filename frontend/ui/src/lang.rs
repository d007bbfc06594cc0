//! The current language, as a Yew context.

use portail_shared::Lang;
use yew::prelude::*;

/// The language of the page being rendered (French outside any provider).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}
