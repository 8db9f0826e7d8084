//! `ClientIp`: the address a request comes from, for per-client limits. Behind a reverse
//! proxy on the same machine (Caddy, nginx) every request comes from the loopback; then the
//! proxy's `X-Forwarded-For` tells, and only then (a client elsewhere could write any header).
//! In-process calls of the pages have no address.

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

pub struct ClientIp(pub Option<IpAddr>);

/// The client's address, from the peer and, for a proxy on the loopback, the last address it
/// added to `X-Forwarded-For`.
pub fn client_ip(peer: Option<IpAddr>, headers: &HeaderMap) -> Option<IpAddr> {
    let peer = peer?;
    if !peer.is_loopback() {
        return Some(peer);
    }
    let forwarded = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|part| part.trim().parse::<IpAddr>().ok())
        .next_back();
    Some(forwarded.unwrap_or(peer))
}

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip());
        Ok(ClientIp(client_ip(peer, &parts.headers)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("an address")
    }

    #[test]
    fn a_proxy_on_the_loopback_is_believed_and_nobody_else() {
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("203.0.113.9, 198.51.100.7"),
        );
        assert_eq!(
            client_ip(Some(ip("127.0.0.1")), &headers),
            Some(ip("198.51.100.7"))
        );
        assert_eq!(
            client_ip(Some(ip("192.0.2.1")), &headers),
            Some(ip("192.0.2.1"))
        );
        assert_eq!(
            client_ip(Some(ip("::1")), &HeaderMap::new()),
            Some(ip("::1"))
        );
        assert_eq!(client_ip(None, &headers), None);
    }
}
