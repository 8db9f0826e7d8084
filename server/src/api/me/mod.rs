//! The member's own space: who I am, my contracts, deliveries and cheques.

pub mod contracts;
pub mod deliveries;
pub mod identity;
pub mod payments;
pub mod schedule;
pub mod sign_up;
pub mod sign_up_page;
pub mod withdraw;
