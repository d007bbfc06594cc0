//! Building blocks shared by the pages.

pub mod accesses;
pub mod address;
pub mod agent_area;
pub mod bank;
pub mod banner;
pub mod dashboard;
pub mod date_input;
pub mod error_summary;
pub mod field;
pub mod file_field;
pub mod footer;
pub mod form;
pub mod header;
pub mod icons;
pub mod layout;
pub mod link;
pub mod member_area;
pub mod new_password_field;
pub mod nir_field;
pub mod notices;
pub mod page_title;
pub mod phone;
pub mod security;
pub mod session_timeout;
pub mod throttle;
pub mod unread;
