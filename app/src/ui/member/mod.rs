//! A member's own pages: home, "Mes contrats" and one contract's page (the contract island),
//! "Mes livraisons", "Mes paiements", "Permanences".

pub mod account;
pub mod adhesions;
pub mod calendar;
pub mod contract;
pub mod contracts;
pub mod deliveries;
pub mod directory;
pub mod distributions;
pub mod home;
pub mod payments;
pub mod rota;
pub mod schedule;
pub mod signup;
