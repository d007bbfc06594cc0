//! The server's public configuration, as the app knows it while it loads.

use std::rc::Rc;

use portail_shared::api::{Mode, PublicConfig};

use yew::prelude::*;

use crate::api::ApiFailure;

/// Where the server publishes its [`PublicConfig`].
pub const CONFIG_PATH: &str = "/api/config";

/// What the app knows of `GET /api/config`.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum ConfigState {
    /// The request has not answered yet.
    #[default]
    Loading,
    /// The server answered.
    Loaded(Rc<PublicConfig>),
    /// The server could not be reached or answered an error: the app says so.
    Unavailable,
}

impl ConfigState {
    /// The state after the request has answered.
    pub fn from_result(result: Result<PublicConfig, ApiFailure>) -> Self {
        match result {
            Ok(config) => ConfigState::Loaded(Rc::new(config)),
            Err(_) => ConfigState::Unavailable,
        }
    }

    /// Whether the server said it runs in demo mode.
    pub fn is_demo(&self) -> bool {
        matches!(self, ConfigState::Loaded(config) if config.mode == Mode::Demo)
    }

    /// Whether the server said it runs in production (demo-only pages do not exist there).
    pub fn is_production(&self) -> bool {
        matches!(self, ConfigState::Loaded(config) if config.mode == Mode::Production)
    }

    /// The configuration, once loaded.
    pub fn loaded(&self) -> Option<&PublicConfig> {
        match self {
            ConfigState::Loaded(config) => Some(config),
            ConfigState::Loading | ConfigState::Unavailable => None,
        }
    }
}

/// The server's configuration as the layout provides it (still loading outside the layout).
#[hook]
pub fn use_config() -> ConfigState {
    use_context::<ConfigState>().unwrap_or_default()
}
