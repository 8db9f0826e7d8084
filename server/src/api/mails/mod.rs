//! The AMAP's mails: what the outbox holds (admins), retrying a failed mail, and writing to
//! members (admins and référents).

pub mod list;
pub mod retry;
pub mod send;
pub mod server;
