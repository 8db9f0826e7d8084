//! Amapola's server: configuration, database, authentication, the JSON API, the
//! server-rendered pages and the admin commands. See `ARCHITECTURE.md` for the map.

pub mod allocator;
pub mod api;
pub mod archive;
pub mod auth;
pub mod backup;
pub mod cli;
pub mod clock;
pub mod collation;
pub mod config;
pub mod contracts;
pub mod db;
pub mod demo;
pub mod demo_cheques;
pub mod demo_office;
pub mod demo_season;
pub mod directory_cache;
pub mod error;
pub mod exports;
pub mod http;
pub mod imports;
pub mod mail;
pub mod payments;
pub mod repo;
pub mod services;
pub mod startup;
pub mod state;
pub mod views;
pub mod web;
