//! The client's address, for per-IP limits: `X-Forwarded-For` is believed only when the
//! direct peer is a configured trusted proxy, so a client cannot spoof its way around limits.

use super::AppState;
use axum::{
    extract::{ConnectInfo, FromRequestParts},
    http::{HeaderMap, request::Parts},
};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// The client address of a request, as an extractor.
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        // Without a socket (in-process tests) the peer is unknown: count it as one address.
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip());
        Ok(ClientIp(client_ip(
            peer,
            &parts.headers,
            &state.config.trusted_proxies,
        )))
    }
}

/// The address to attribute a request to.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted_proxies: &[IpAddr]) -> IpAddr {
    if !trusted_proxies.contains(&peer) {
        return peer;
    }
    // Walk the chain from the right: the first hop that is not one of our proxies is the
    // client as seen by our outermost proxy.
    let chain: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|part| part.trim().parse().ok())
        .collect();
    chain
        .into_iter()
        .rev()
        .find(|ip| !trusted_proxies.contains(ip))
        .unwrap_or(peer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn xff(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", HeaderValue::from_str(v).unwrap());
        h
    }

    #[test]
    fn forwarded_header_from_an_untrusted_peer_is_ignored() {
        let got = client_ip(ip("203.0.113.9"), &xff("198.51.100.1"), &[ip("10.0.0.1")]);
        assert_eq!(got, ip("203.0.113.9"));
    }

    #[test]
    fn trusted_proxy_chain_yields_the_rightmost_untrusted_hop() {
        let proxies = [ip("10.0.0.1"), ip("10.0.0.2")];
        let got = client_ip(
            ip("10.0.0.1"),
            &xff("1.2.3.4, 198.51.100.7, 10.0.0.2"),
            &proxies,
        );
        assert_eq!(got, ip("198.51.100.7"));
    }

    #[test]
    fn trusted_proxy_without_header_is_the_client() {
        assert_eq!(
            client_ip(ip("10.0.0.1"), &HeaderMap::new(), &[ip("10.0.0.1")]),
            ip("10.0.0.1")
        );
    }
}
