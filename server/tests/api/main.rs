//! API integration tests: the real application on port 0, a fresh database per test,
//! on SQLite always and on PostgreSQL when one is reachable (see `helpers::Engine`).

mod accounts;
mod adhesions;
mod amounts;
mod archive;
mod auth;
mod authorization;
mod backup;
mod bad_input;
mod calendar;
mod concurrency;
mod contracts;
mod directory;
mod helpers;
mod home;
mod imports;
mod limits;
mod mail_choices;
mod mail_server;
mod mailbox;
mod messages;
mod openapi;
mod ordering;
mod outputs;
mod pages;
mod payments;
mod queries;
mod rota;
mod rota_outputs;
mod rota_places;
mod storage;
mod stored;
