//! The state every form of the portal shares: how many times it was sent, whether a request is
//! on its way, what the last answer was, the server's message for each field (kept until the
//! member changes that field), and moving focus to the error summary or the throttle panel
//! after each answer.
//!
//! A page keeps its own field values and local checks; it calls [`Form::begin`] on submit,
//! [`Form::local_errors`] when its own checks fail, and [`Submission::finish`] with the
//! server's answer.

use std::collections::BTreeMap;
use std::rc::Rc;

use portail_shared::Lang;
use yew::prelude::*;

use crate::api::{self, ApiFailure};
use crate::browser;
use crate::components::error_summary::{SUMMARY_ID, SummaryItem};
use crate::components::throttle::{RetryAt, THROTTLE_ID};

/// Where a form stands after its last submit.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Not sent yet, or accepted.
    Editing,
    /// Sent with mistakes (found here or by the server): messages next to the fields.
    Invalid,
    /// A refusal of the whole form: one message at the top.
    Failed(AttrValue),
    /// Too many attempts.
    Throttled {
        /// The server's sentence, for when the browser cannot compute the time.
        message: AttrValue,
        /// When to try again, on the member's clock.
        retry: Option<RetryAt>,
    },
}

/// The server's message for each field, by the API's field name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServerFields(Rc<BTreeMap<String, AttrValue>>);

impl ServerFields {
    /// The message for `field`, if the server sent one.
    pub fn get(&self, field: &str) -> Option<AttrValue> {
        self.0.get(field).cloned()
    }
}

/// A form's shared state (see the module's documentation).
#[derive(Clone)]
pub struct Form {
    attempts: UseStateHandle<u32>,
    feedback: UseStateHandle<u32>,
    busy: UseStateHandle<bool>,
    outcome: UseStateHandle<Outcome>,
    server: UseStateHandle<ServerFields>,
}

/// The form's state; after each answer, focus goes to the summary (mistakes, refusal) or the
/// throttle panel, so keyboard and screen-reader users land on what changed.
#[hook]
pub fn use_form() -> Form {
    let form = Form {
        attempts: use_state_eq(|| 0),
        feedback: use_state_eq(|| 0),
        busy: use_state_eq(|| false),
        outcome: use_state(|| Outcome::Editing),
        server: use_state(ServerFields::default),
    };
    let outcome = (*form.outcome).clone();
    use_effect_with(*form.feedback, move |feedback| {
        if *feedback > 0 {
            match outcome {
                Outcome::Invalid | Outcome::Failed(_) => browser::focus_id(SUMMARY_ID),
                Outcome::Throttled { .. } => browser::focus_id(THROTTLE_ID),
                Outcome::Editing => {}
            }
        }
    });
    form
}

impl Form {
    /// Whether the form was sent at least once (empty required fields then count as errors).
    pub fn submitted(&self) -> bool {
        *self.attempts > 0
    }

    /// Whether a request is on its way.
    pub fn busy(&self) -> bool {
        *self.busy
    }

    /// The last answer.
    pub fn outcome(&self) -> Outcome {
        (*self.outcome).clone()
    }

    /// The server's message for `field`.
    pub fn server_error(&self, field: &str) -> Option<AttrValue> {
        self.server.get(field)
    }

    /// Forgets the server's message for `field` (the member changed it).
    pub fn clear_server_error(&self, field: &str) {
        if self.server.0.contains_key(field) {
            let mut next = (*self.server.0).clone();
            next.remove(field);
            self.server.set(ServerFields(Rc::new(next)));
        }
    }

    /// Starts a submit: `None` while one is on its way. The caller runs its own checks next.
    pub fn begin(&self) -> Option<Submission> {
        if *self.busy {
            return None;
        }
        self.attempts.set(*self.attempts + 1);
        Some(Submission {
            form: self.clone(),
            next_feedback: *self.feedback + 1,
        })
    }

    /// The summary's items: for a mistake, each field with an error (`(field id, message)`),
    /// in the page's order; for a refusal, its message.
    pub fn summary(&self, fields: &[(&'static str, Option<AttrValue>)]) -> Vec<SummaryItem> {
        match &*self.outcome {
            Outcome::Invalid => fields
                .iter()
                .filter_map(|(id, message)| message.clone().map(|m| SummaryItem::field(id, m)))
                .collect(),
            Outcome::Failed(message) => vec![SummaryItem::form(message.clone())],
            Outcome::Editing | Outcome::Throttled { .. } => Vec::new(),
        }
    }
}

/// One submit in progress.
pub struct Submission {
    form: Form,
    next_feedback: u32,
}

impl Submission {
    /// The page's own checks failed: show the mistakes, nothing is sent.
    pub fn local_errors(self) {
        self.form.outcome.set(Outcome::Invalid);
        self.form.feedback.set(self.next_feedback);
    }

    /// The request is about to be sent.
    pub fn sending(&self) {
        self.form.busy.set(true);
    }

    /// Reads the server's answer: `Some` on success (the caller moves on); otherwise the
    /// field messages, the refusal or the wait are shown and focus moves to them.
    pub fn finish<T>(self, result: Result<T, ApiFailure>, lang: Lang) -> Option<T> {
        let form = &self.form;
        form.busy.set(false);
        let (outcome, fields) = match result {
            Ok(value) => {
                form.server.set(ServerFields::default());
                form.outcome.set(Outcome::Editing);
                return Some(value);
            }
            Err(ApiFailure::Api(error)) if error.code == api::codes::LOGIN_THROTTLED => (
                Outcome::Throttled {
                    message: error.message.into(),
                    retry: RetryAt::from_now(error.retry_after_seconds),
                },
                BTreeMap::new(),
            ),
            Err(ApiFailure::Api(error)) if !error.fields.is_empty() => {
                let fields = error
                    .fields
                    .into_iter()
                    .map(|(k, v)| (k, AttrValue::from(v)))
                    .collect();
                (Outcome::Invalid, fields)
            }
            Err(ApiFailure::Api(error)) => (Outcome::Failed(error.message.into()), BTreeMap::new()),
            Err(other) => (Outcome::Failed(other.message(lang).into()), BTreeMap::new()),
        };
        form.server.set(ServerFields(Rc::new(fields)));
        form.outcome.set(outcome);
        form.feedback.set(self.next_feedback);
        None
    }
}
