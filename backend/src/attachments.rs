//! Files a member joins to a request: uploaded one by one before the form is sent, checked
//! from their content (PDF, JPEG or PNG only, 5 MiB at most), stored encrypted in the data
//! folder's `attachments/` directory (never served as a static file), read back only by their
//! owner (and, later, the fund's agents).

use axum::{
    Json,
    body::Body,
    extract::{Path, Query, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use portail_shared::Lang;
use portail_shared::api::ApiError;
use portail_shared::requests::{self, Attachment, MAX_ATTACHMENT_BYTES};
use serde::Deserialize;

use crate::db;
use crate::error::RequestLang;
use crate::session::Member;
use crate::{AppError, clock, crypto, http::AppState};

/// The upload's query: the file's name as the member's device knows it.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct Upload {
    /// The file's name (path segments and odd characters are removed).
    #[serde(default)]
    pub name: String,
}

/// Files uploaded and never joined to a request are removed after this many hours (at the
/// member's next upload).
pub const ABANDONED_HOURS: i64 = 24;

fn folder(state: &AppState) -> std::path::PathBuf {
    state.config.data_dir.join("attachments")
}

fn context(storage_key: &str) -> String {
    format!("attachments:{storage_key}")
}

/// Uploads one file (the raw bytes as the body; the portal's pages send the
/// `x-portail-request` header). Answers what was stored, to join to a request.
#[utoipa::path(post, path = "/api/attachments", tag = "requests",
    params(Upload),
    request_body(content = Vec<u8>, description = "The file's bytes", content_type = "application/octet-stream"),
    responses(
        (status = 201, description = "Stored, not joined yet", body = Attachment),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 413, description = "Over 5 MiB", body = ApiError),
        (status = 422, description = "Not a PDF, JPEG or PNG (`fields.file`)", body = ApiError),
    ))]
pub async fn upload(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    Query(upload): Query<Upload>,
    body: Body,
) -> Result<(StatusCode, Json<Attachment>), AppError> {
    let Received {
        name,
        key,
        media_type,
        size,
        sha,
    } = receive(&state, lang, &upload.name, body).await?;
    let now = clock::format(state.clock.now());
    let abandoned_before =
        clock::format(state.clock.now() - time::Duration::hours(ABANDONED_HOURS));
    let (stored_name, stored_key) = (name.clone(), key.clone());
    let inserted = state
        .db
        .call(move |c| {
            let owner = db::accounts::member_of(c, member.account_id)?;
            let abandoned = db::attachments::take_abandoned(c, owner, &abandoned_before)?;
            db::attachments::insert(
                c,
                owner,
                &db::attachments::NewFile {
                    name: &stored_name,
                    media_type,
                    size,
                    sha256: &sha,
                    storage_key: &stored_key,
                },
                &now,
            )
            .map(|id| (id, abandoned))
        })
        .await;
    let id = match inserted {
        Ok((id, abandoned)) => {
            forget(&state, &abandoned);
            id
        }
        Err(e) => {
            // No record, no file.
            forget(&state, std::slice::from_ref(&key));
            return Err(e.into());
        }
    };
    Ok((
        StatusCode::CREATED,
        Json(Attachment {
            id,
            name,
            media_type: media_type.to_owned(),
            size,
        }),
    ))
}

/// Downloads one of the member's files. Anyone else's answers 404.
#[utoipa::path(get, path = "/api/attachments/{id}", tag = "requests",
    params(("id" = i64, Path, description = "The file")),
    responses(
        (status = 200, description = "The file, as uploaded"),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 404, description = "No such file for this member", body = ApiError),
    ))]
pub async fn download(
    State(state): State<AppState>,
    member: Member,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let stored = state
        .db
        .call(move |c| db::attachments::find(c, db::accounts::member_of(c, member.account_id)?, id))
        .await?
        .ok_or(AppError::NotFound)?;
    send_file(&state, &stored).await
}

/// A file received and written encrypted in `attachments/`, not recorded yet.
pub(crate) struct Received {
    /// The cleaned name.
    pub name: String,
    /// The encrypted file's name in `attachments/`.
    pub key: String,
    /// Read from the content.
    pub media_type: &'static str,
    /// Bytes.
    pub size: u64,
    /// SHA-256 of the clear bytes.
    pub sha: Vec<u8>,
}

/// Reads an upload's body (5 MiB at most), checks its content (PDF, JPEG or PNG) and writes it
/// encrypted; the caller records it (and removes the file if recording fails: [`forget`]).
pub(crate) async fn receive(
    state: &AppState,
    lang: Lang,
    name: &str,
    body: Body,
) -> Result<Received, AppError> {
    let bytes = axum::body::to_bytes(body, MAX_ATTACHMENT_BYTES)
        .await
        .map_err(|_| AppError::TooLarge)?;
    let Some(media_type) = requests::sniff(&bytes) else {
        return Err(AppError::Invalid(
            ApiError::new(
                "validation",
                match lang {
                    Lang::Fr => "Ce fichier ne peut pas être joint.",
                    Lang::En => "This file cannot be attached.",
                },
            )
            .with_field(
                "file",
                match lang {
                    Lang::Fr => "Joignez un PDF, une photo JPEG ou une image PNG (5 Mo au plus).",
                    Lang::En => "Attach a PDF, a JPEG photo or a PNG image (5 MB at most).",
                },
            ),
        ));
    };
    let name = requests::clean_file_name(name);
    let key = hex(&crypto::random_bytes::<16>().map_err(|e| AppError::Internal(e.to_string()))?);
    let cipher = state
        .config
        .keys
        .encrypt(&context(&key), &bytes)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let dir = folder(state);
    let path = dir.join(&key);
    let written = tokio::task::spawn_blocking(move || {
        std::fs::create_dir_all(&dir)?;
        std::fs::write(&path, cipher)
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?;
    written.map_err(|e| AppError::Internal(format!("writing an attachment: {e}")))?;
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    let sha = crypto::sha256(&bytes).to_vec();
    Ok(Received {
        name,
        key,
        media_type,
        size,
        sha,
    })
}

/// Removes stored files whose records are gone (or were never written). A file without its
/// record is only an encrypted blob: removing it may fail harmlessly.
pub(crate) fn forget(state: &AppState, keys: &[String]) {
    for key in keys {
        let _ = std::fs::remove_file(folder(state).join(key));
    }
}

/// Answers a stored file: decrypted, with its type and a download disposition.
pub(crate) async fn send_file(
    state: &AppState,
    stored: &db::attachments::Stored,
) -> Result<Response, AppError> {
    let path = folder(state).join(&stored.storage_key);
    let cipher = tokio::task::spawn_blocking(move || std::fs::read(path))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|_| AppError::NotFound)?;
    let bytes = state
        .config
        .keys
        .decrypt(&context(&stored.storage_key), &cipher)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let name = &stored.attachment.name;
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        percent(name)
    );
    Ok((
        [
            (header::CONTENT_TYPE, stored.attachment.media_type.clone()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// RFC 5987 percent-encoding of a file name.
fn percent(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_') {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
