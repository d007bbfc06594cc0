//! Facts about the portal itself: health for operators and load balancers, and the public
//! configuration the browser reads before anyone logs in.

use crate::{AppError, db, http::AppState};
use axum::{Json, extract::State};
use portail_shared::Lang;
use portail_shared::api::{Health, PublicConfig};
use portail_shared::i18n::{App, Words};

/// The portal's version, from the workspace manifest.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Answers 200 once the database answers a query.
#[utoipa::path(get, path = "/api/health", tag = "portal",
    responses(
        (status = 200, description = "The portal and its database answer", body = Health),
        (status = 503, description = "The database does not answer", body = portail_shared::api::ApiError),
    ))]
pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, AppError> {
    state
        .db
        .call(|conn| db::ping(conn))
        .await
        .map_err(|_| AppError::Unavailable)?;
    Ok(Json(Health {
        status: "ok".into(),
        version: VERSION.into(),
    }))
}

/// What the browser needs before login: demo or production, the fund's name.
#[utoipa::path(get, path = "/api/config", tag = "portal",
    responses((status = 200, description = "Public configuration", body = PublicConfig)))]
pub async fn config(State(state): State<AppState>) -> Json<PublicConfig> {
    Json(PublicConfig {
        mode: state.config.mode,
        fund_name: state.config.fund_name.clone(),
        version: VERSION.into(),
        now: crate::clock::format(state.clock.now()),
    })
}

/// A language's words for one browser app (`GET /i18n/member/fr.json`): the catalogue's table
/// with the common words and the app's own, which the app loads at start (only the member's
/// language) and when the language changes. Not under `/api`: the same for everyone,
/// revalidated by its ETag, kept by the service workers, sent compressed.
pub async fn words(
    axum::extract::Path((app, file)): axum::extract::Path<(String, String)>,
    headers: axum::http::HeaderMap,
) -> axum::response::Response {
    use axum::http::{HeaderValue, StatusCode, header};
    use axum::response::IntoResponse;
    let app = App::ALL.into_iter().find(|a| a.name() == app);
    let lang = Lang::ALL
        .into_iter()
        .find(|l| file == format!("{}.json", l.tag()));
    let (Some(app), Some(lang)) = (app, lang) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let made = words_json(app, lang);
    let unchanged = headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == made.etag.as_bytes());
    let mut response = if unchanged {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let brotli = headers
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|e| e.trim().starts_with("br")));
        let mut response = if brotli {
            let mut r = made.brotli.clone().into_response();
            r.headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
            r
        } else {
            made.json.clone().into_response()
        };
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        response
    };
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if let Ok(etag) = HeaderValue::from_str(&made.etag) {
        h.insert(header::ETAG, etag);
    }
    response
}

/// One app's words in one language, as sent.
struct WordsFile {
    json: String,
    brotli: Vec<u8>,
    etag: String,
}

/// Every app's words in every language, made once.
fn words_json(app: App, lang: Lang) -> &'static WordsFile {
    static MADE: std::sync::OnceLock<Vec<(App, Lang, WordsFile)>> = std::sync::OnceLock::new();
    let made = MADE.get_or_init(|| {
        let mut made = Vec::new();
        for app in App::ALL {
            for lang in Lang::ALL {
                let json = serde_json::to_string(&Words::of(lang, app)).unwrap_or_default();
                let digest = crate::crypto::sha256(json.as_bytes());
                let etag = format!("\"{}\"", crate::login::hex(&digest[..12]));
                let mut brotli = Vec::new();
                let params = brotli::enc::BrotliEncoderParams {
                    quality: 11,
                    ..Default::default()
                };
                let _ = brotli::BrotliCompress(&mut json.as_bytes(), &mut brotli, &params);
                made.push((app, lang, WordsFile { json, brotli, etag }));
            }
        }
        made
    });
    made.iter()
        .find(|(a, l, _)| *a == app && *l == lang)
        .map(|(_, _, file)| file)
        .unwrap_or(&made[0].2)
}
