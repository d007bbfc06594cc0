//! The agents' area's frame, and the component library's (`portail-ui`) building blocks under
//! the same paths.

pub mod agent_area;

pub use portail_ui::components::{
    date_input, download, error_summary, field, file_field, form, frame, icons, page_title, phone,
};

/// Links between the agents' pages.
pub mod link {
    /// A link to a page of the agents' area (see [`portail_ui::components::link::AppLink`]).
    pub type AppLink = portail_ui::components::link::AppLink<crate::route::AgentRoute>;
}
