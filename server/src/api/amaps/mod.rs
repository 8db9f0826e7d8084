//! AMAPs: the deployment's list, creation, one AMAP and my home there, its settings.

pub mod archive;
pub mod create;
pub mod home;
pub mod list;
pub mod show;
pub mod update;
