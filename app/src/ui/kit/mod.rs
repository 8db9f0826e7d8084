//! Pieces every area uses: forms and their fields, the confirmation after an action, labels
//! of states and natures, downloads, the print button.

pub mod fields;
pub mod form;
pub mod format;
pub mod labels;
pub mod notice;
pub mod print;
pub mod search;

pub use fields::{Check, FieldNotes, Input, Select, TextArea};
pub use form::{Echo, ErrorNotice, Form};
pub use labels::{
    Downloads, StateBadge, date_span, day, frequency_options, nature_label, nature_options,
    nature_value,
};
