//! The duty rota (permanences): the AMAP's roles, periods and their grid, dates, places,
//! participants, the automatic assignment. A member's own duties are under `me`.

pub mod dates;
pub mod outputs;
pub mod participants;
pub mod periods;
pub mod places;
pub mod proposal;
pub mod roles;
