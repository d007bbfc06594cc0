//! The members' building blocks, and the component library's (`portail-ui`) under the same
//! paths.

pub mod accesses;
pub mod address;
pub mod bank;
pub mod dashboard;
pub mod family;
pub mod header;
pub mod layout;
pub mod member_area;
pub mod new_password_field;
pub mod nir_field;
pub mod notices;
pub mod security;
pub mod session_timeout;
pub mod throttle;
pub mod unread;

pub use portail_ui::components::{
    banner, date_input, download, error_summary, field, file_field, footer, form, frame, icons,
    page_title, phone,
};

/// Links between the members' pages.
pub mod link {
    /// A link to a page of the members' portal (see [`portail_ui::components::link::AppLink`]).
    pub type AppLink = portail_ui::components::link::AppLink<crate::route::Route>;
}
