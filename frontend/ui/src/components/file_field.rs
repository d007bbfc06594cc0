//! A field that joins files to a form: each file is uploaded as soon as it is chosen
//! (`POST /api/attachments`, checked by its content on the server), listed with its size and a
//! way to remove it; the form then sends the files' ids.

use portail_shared::i18n::Text;
use portail_shared::requests::{Attachment, MAX_ATTACHMENT_BYTES};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::field::field_message;
use crate::components::icons::spinner;
use crate::lang::use_lang;

/// Properties of [`FileField`].
#[derive(Properties, PartialEq, Clone)]
pub struct FileFieldProps {
    /// The input's id; the hint is `{id}-aide`, the message `{id}-message`.
    pub id: &'static str,
    /// The label.
    pub label: AttrValue,
    /// The hint line (types, size, examples).
    pub hint: AttrValue,
    /// The files joined so far.
    pub files: Vec<Attachment>,
    /// How many files at most.
    pub max: usize,
    /// What is wrong, from the form (a required file, the server's message).
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The new list after an upload or a removal.
    pub on_change: Callback<Vec<Attachment>>,
    /// Whether an upload is on its way (the form waits for it before sending).
    #[prop_or_default]
    pub on_busy: Callback<bool>,
    /// Where files are uploaded (the members' `/api/attachments` if unset; an agent's answer
    /// uploads to its thread).
    #[prop_or_default]
    pub upload_path: Option<AttrValue>,
}

/// The label, hint and message, the file input while more files may be joined, the upload's
/// progress and the list of files joined.
#[component]
pub fn FileField(props: &FileFieldProps) -> Html {
    let lang = use_lang();
    let uploading = use_state_eq(|| false);
    let file_error = use_state(|| None::<AttrValue>);
    let on_file = {
        let (uploading, file_error) = (uploading.clone(), file_error.clone());
        let (files, max, on_change, on_busy) = (
            props.files.clone(),
            props.max,
            props.on_change.clone(),
            props.on_busy.clone(),
        );
        let upload_path = props
            .upload_path
            .clone()
            .unwrap_or(AttrValue::Static(api::paths::ATTACHMENTS));
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|list| list.get(0)) else {
                return;
            };
            input.set_value("");
            if file.size() > MAX_ATTACHMENT_BYTES as f64 {
                file_error.set(Some(Text::ContestFileTooBig.text(lang).into()));
                return;
            }
            if files.len() >= max || *uploading {
                return;
            }
            file_error.set(None);
            uploading.set(true);
            on_busy.emit(true);
            let path = format!(
                "{upload_path}?name={}",
                js_sys::encode_uri_component(&file.name())
            );
            let (files, uploading, file_error, on_change, on_busy) = (
                files.clone(),
                uploading.clone(),
                file_error.clone(),
                on_change.clone(),
                on_busy.clone(),
            );
            spawn_local(async move {
                let answer = api::post_file::<Attachment>(&path, file, lang).await;
                uploading.set(false);
                on_busy.emit(false);
                match answer {
                    Ok(stored) => {
                        let mut next = files;
                        next.push(stored);
                        on_change.emit(next);
                    }
                    Err(api::ApiFailure::Api(e)) => {
                        let message = e.fields.get("file").cloned().unwrap_or(e.message);
                        file_error.set(Some(message.into()));
                    }
                    Err(other) => file_error.set(Some(other.message(lang).into())),
                }
            });
        })
    };
    let remove = |id: i64| {
        let (files, on_change) = (props.files.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            on_change.emit(files.iter().filter(|f| f.id != id).cloned().collect());
        })
    };
    let error = props.error.clone().or_else(|| (*file_error).clone());
    let id = props.id;
    html! {
        <div class={classes!("field", error.is_some().then_some("field--error"))}>
            <label class="field__label" for={id}>{ props.label.clone() }</label>
            <p class="field__hint" id={format!("{id}-aide")}>{ props.hint.clone() }</p>
            { field_message(id, error.as_ref(), lang) }
            if props.files.len() < props.max {
                <input class="field__file" type="file" {id}
                    accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
                    aria-describedby={format!("{id}-aide {id}-message")}
                    aria-invalid={error.is_some().then_some("true")}
                    disabled={*uploading} onchange={on_file} />
            }
            <p class="status-line-holder" role="status">
                if *uploading {
                    <span class="status-line">{ spinner() }{ Text::ContestUploading.text(lang) }</span>
                }
            </p>
            if !props.files.is_empty() {
                <ul class="file-list">
                    { for props.files.iter().map(|f| html! {
                        <li key={f.id}>
                            <span>{ format!("{} · {}", f.name, size_words(f.size, lang)) }</span>
                            <button type="button" class="link-button" onclick={remove(f.id)}>
                                { Text::ContestRemoveFile.text(lang) }
                                <span class="visually-hidden">{ format!(" {}", f.name) }</span>
                            </button>
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}

/// "120 Ko", "1,4 Mo".
pub fn size_words(bytes: u64, lang: portail_shared::Lang) -> String {
    let (kb, mb) = match lang {
        portail_shared::Lang::Fr => ("Ko", "Mo"),
        portail_shared::Lang::En => ("KB", "MB"),
    };
    if bytes < 1024 * 1024 {
        format!("{} {kb}", bytes.div_ceil(1024))
    } else {
        let tenths = (bytes * 10).div_ceil(1024 * 1024);
        let sep = if lang == portail_shared::Lang::Fr {
            ','
        } else {
            '.'
        };
        format!("{}{sep}{} {mb}", tenths / 10, tenths % 10)
    }
}
