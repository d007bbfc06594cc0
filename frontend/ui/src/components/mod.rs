//! Building blocks shared by the apps' pages.

pub mod banner;
pub mod date_input;
pub mod download;
pub mod error_summary;
pub mod field;
pub mod file_field;
pub mod footer;
pub mod form;
pub mod frame;
pub mod icons;
pub mod link;
pub mod page_title;
pub mod phone;
pub mod throttle;
