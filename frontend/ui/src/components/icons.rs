//! The portal's own small set of inline SVG icons (no icon font, nothing to download).
//!
//! Icons are decorative: the words next to them carry the meaning, so every icon is hidden from
//! assistive technologies. Colours come from the stylesheet (`currentColor`).

use yew::prelude::*;

/// Which icon to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IconKind {
    /// Three lines: opens the menu.
    Menu,
    /// A cross: closes the menu.
    Close,
    /// An "i" in a circle.
    Info,
    /// An exclamation mark in a triangle.
    Warning,
    /// An exclamation mark in a circle.
    Error,
    /// A tick in a circle.
    Success,
    /// An arrow pointing right, for calls to action.
    Arrow,
    /// A head and shoulders: the signed-in member.
    Person,
    /// An envelope: e-mails.
    Mail,
}

/// Properties of [`Icon`].
#[derive(Properties, PartialEq, Clone)]
pub struct IconProps {
    /// Which icon.
    pub kind: IconKind,
}

/// A 24 px line icon drawn in the text colour.
#[component]
pub fn Icon(props: &IconProps) -> Html {
    let shapes = match props.kind {
        IconKind::Menu => html! { <path d="M4 7h16M4 12h16M4 17h16" /> },
        IconKind::Close => html! { <path d="M6 6l12 12M18 6L6 18" /> },
        IconKind::Info => html! {
            <>
                <circle cx="12" cy="12" r="9" />
                <path d="M12 11v6M12 7.5v.5" />
            </>
        },
        IconKind::Warning => html! {
            <>
                <path d="M12 3.5L2.5 20h19z" />
                <path d="M12 10v4.5M12 17.5v.5" />
            </>
        },
        IconKind::Error => html! {
            <>
                <circle cx="12" cy="12" r="9" />
                <path d="M12 7v6M12 16.5v.5" />
            </>
        },
        IconKind::Success => html! {
            <>
                <circle cx="12" cy="12" r="9" />
                <path d="M8 12.5l2.5 2.5L16 9.5" />
            </>
        },
        IconKind::Arrow => html! { <path d="M5 12h14M13 6l6 6-6 6" /> },
        IconKind::Person => html! {
            <>
                <circle cx="12" cy="8" r="4" />
                <path d="M4 20.5c1.2-4 4.3-6 8-6s6.8 2 8 6" />
            </>
        },
        IconKind::Mail => html! {
            <>
                <rect x="3" y="5.5" width="18" height="13" rx="2" />
                <path d="M3.5 7l8.5 6.5L20.5 7" />
            </>
        },
    };
    html! {
        <svg
            class="icon"
            viewBox="0 0 24 24"
            width="24"
            height="24"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
            aria-hidden="true"
            focusable="false"
        >
            { shapes }
        </svg>
    }
}

/// The product's mark: a rounded tile with an open "P" and a warm dot. Drawn for Portail; it
/// borrows nothing from any public body's emblem.
#[component]
pub fn BrandMark() -> Html {
    html! {
        <svg
            class="brand__mark"
            viewBox="0 0 32 32"
            width="32"
            height="32"
            aria-hidden="true"
            focusable="false"
        >
            <rect class="brand__tile" width="32" height="32" rx="8" />
            <path
                class="brand__letter"
                d="M11 24.5V8h6a5.5 5.5 0 0 1 0 11h-6"
                fill="none"
                stroke-width="3.2"
                stroke-linecap="round"
                stroke-linejoin="round"
            />
            <circle class="brand__dot" cx="23" cy="24" r="2.6" />
        </svg>
    }
}

/// A turning ring beside a busy button's words ("Connexion en cours…"); the words carry the
/// meaning, and the ring stands still when the member prefers reduced motion.
///
/// A function rather than a component: each component costs the bundle its own code.
pub fn spinner() -> Html {
    html! { <span class="spinner" aria-hidden="true"></span> }
}
