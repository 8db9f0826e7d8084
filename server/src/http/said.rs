//! An answer that also says what it did: `Said(notice, body)` puts the [`Notice`] in the
//! response's extensions, where the no-JS form layer (`errors::form_posts`) finds it and
//! carries it to the next page in the flash cookie; JSON clients see the body alone.

use app::api::notice::Notice;
use axum::response::{IntoResponse, Response};

pub struct Said<R>(pub Notice, pub R);

impl<R: IntoResponse> IntoResponse for Said<R> {
    fn into_response(self) -> Response {
        let mut response = self.1.into_response();
        response.extensions_mut().insert(self.0);
        response
    }
}
