//! The agents' area (`/agent`): a separate part of the same app, for the fund's agents, with
//! its own sign-in and session. One module per page.

pub mod enrol;
pub mod home;
pub mod letters;
pub mod login;
pub mod members;
pub mod messages;
pub mod request;
pub mod requests;
pub mod stats;
pub mod thread;
