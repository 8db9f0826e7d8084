//! The admins' mail page: what the outbox holds for this AMAP, and retrying a failed mail.

pub mod list;
pub mod retry;
