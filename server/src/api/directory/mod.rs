//! *Liste des adhérents*: the AMAP's members, each field shown as the AMAP decided.

pub mod list;
