//! The member's own space: who I am, my contracts, deliveries and cheques, my home summary.

pub mod adhesions;
pub mod contact;
pub mod contracts;
pub mod deliveries;
pub mod duties;
pub mod email;
pub mod identity;
pub mod mail_choices;
pub mod password;
pub mod payments;
pub mod schedule;
pub mod sign_up;
pub mod sign_up_page;
pub mod summary;
pub mod withdraw;
