//! The typed HTTP client the UI uses for every endpoint, with two transports:
//! `fetch` in the browser, and an in-process call into the axum router during SSR
//! (the server provides an [`InProcessApi`] in the Leptos context).

use super::error::{ApiError, ErrorKind};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::future::Future;

/// A request as the transports see it.
#[derive(Clone, Debug)]
pub struct ApiRequest {
    pub method: &'static str,
    pub path: String,
    pub body: Option<String>,
    /// Headers of the page request worth forwarding (cookie, authorization, language).
    pub headers: Vec<(String, String)>,
}

/// A response as the transports return it.
#[derive(Clone, Debug)]
pub struct ApiResponse {
    pub status: u16,
    pub body: String,
}

#[cfg(feature = "ssr")]
pub use ssr_transport::InProcessApi;

#[cfg(feature = "ssr")]
mod ssr_transport {
    use super::{ApiRequest, ApiResponse};
    use std::{future::Future, pin::Pin, sync::Arc};

    type Handler =
        dyn Fn(ApiRequest) -> Pin<Box<dyn Future<Output = ApiResponse> + Send>> + Send + Sync;

    /// Hands API calls made while rendering straight to the server's router.
    #[derive(Clone)]
    pub struct InProcessApi(pub Arc<Handler>);

    /// The page request's headers that carry identity and language.
    pub fn forwarded_headers() -> Vec<(String, String)> {
        let Some(parts) = leptos::prelude::use_context::<http::request::Parts>() else {
            return Vec::new();
        };
        ["cookie", "authorization", "accept-language"]
            .into_iter()
            .filter_map(|name| {
                let value = parts.headers.get(name)?.to_str().ok()?;
                Some((name.to_owned(), value.to_owned()))
            })
            .collect()
    }
}

#[cfg_attr(not(any(feature = "ssr", feature = "hydrate")), allow(dead_code))]
fn decode<T: DeserializeOwned>(response: ApiResponse) -> Result<T, ApiError> {
    if (200..300).contains(&response.status) {
        let body = if response.body.is_empty() {
            "null"
        } else {
            &response.body
        };
        serde_json::from_str(body).map_err(|e| ApiError::new(ErrorKind::Internal, e.to_string()))
    } else {
        Err(serde_json::from_str(&response.body).unwrap_or_else(|_| {
            let kind = ErrorKind::ALL
                .into_iter()
                .find(|k| k.status() == response.status);
            ApiError::new(kind.unwrap_or(ErrorKind::Internal), response.body)
        }))
    }
}

/// Sends one request. The transport is chosen synchronously (while the reactive owner,
/// and so the SSR request context, is current); the returned future only does the I/O.
pub fn send<T: DeserializeOwned + 'static>(
    method: &'static str,
    path: String,
    body: Option<String>,
) -> impl Future<Output = Result<T, ApiError>> + Send + 'static {
    #[cfg(feature = "ssr")]
    {
        let transport = leptos::prelude::use_context::<InProcessApi>();
        let request = ApiRequest {
            method,
            path,
            body,
            headers: ssr_transport::forwarded_headers(),
        };
        async move {
            let Some(InProcessApi(handler)) = transport else {
                return Err(ApiError::new(
                    ErrorKind::Internal,
                    "no in-process API in context",
                ));
            };
            decode(handler(request).await)
        }
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let request = ApiRequest {
            method,
            path,
            body,
            headers: Vec::new(),
        };
        send_wrapper::SendWrapper::new(async move { decode(browser_fetch(request).await?) })
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        let _ = (method, path, body);
        async move {
            Err(ApiError::new(
                ErrorKind::Network,
                "no transport in this build",
            ))
        }
    }
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
async fn browser_fetch(request: ApiRequest) -> Result<ApiResponse, ApiError> {
    use gloo_net::http::{Method, RequestBuilder};
    let method = match request.method {
        "POST" => Method::POST,
        "PUT" => Method::PUT,
        "DELETE" => Method::DELETE,
        _ => Method::GET,
    };
    let network = |e: gloo_net::Error| ApiError::new(ErrorKind::Network, e.to_string());
    let builder = RequestBuilder::new(&request.path)
        .method(method)
        .header("Accept", "application/json");
    let prepared = match request.body {
        Some(body) => builder
            .header("Content-Type", "application/json")
            .body(body)
            .map_err(network)?,
        None => builder.build().map_err(network)?,
    };
    let response = prepared.send().await.map_err(network)?;
    Ok(ApiResponse {
        status: response.status(),
        body: response.text().await.map_err(network)?,
    })
}

pub fn get<T: DeserializeOwned + 'static>(
    path: String,
) -> impl Future<Output = Result<T, ApiError>> + Send {
    send("GET", path, None)
}

pub fn post<B: Serialize, T: DeserializeOwned + 'static>(
    path: String,
    body: &B,
) -> impl Future<Output = Result<T, ApiError>> + Send {
    send("POST", path, serde_json::to_string(body).ok())
}

pub fn put<B: Serialize, T: DeserializeOwned + 'static>(
    path: String,
    body: &B,
) -> impl Future<Output = Result<T, ApiError>> + Send {
    send("PUT", path, serde_json::to_string(body).ok())
}

/// Posts a form's fields, url-encoded, asking for JSON back (the hydrated path of `ApiForm`).
pub fn post_form(
    path: String,
    urlencoded: String,
) -> impl Future<Output = Result<serde_json::Value, ApiError>> + Send {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        send_wrapper::SendWrapper::new(async move {
            use gloo_net::http::Request;
            let network = |e: gloo_net::Error| ApiError::new(ErrorKind::Network, e.to_string());
            let response = Request::post(&path)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(urlencoded)
                .map_err(network)?
                .send()
                .await
                .map_err(network)?;
            let status = response.status();
            decode(ApiResponse {
                status,
                body: response.text().await.map_err(network)?,
            })
        })
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    {
        send("POST", path, Some(urlencoded))
    }
}
