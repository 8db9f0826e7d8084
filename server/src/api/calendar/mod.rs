//! Calendar feeds: the member's addresses (with a session) and the feeds themselves (with
//! the secret of their address instead).

pub mod feeds;
pub mod mine;
