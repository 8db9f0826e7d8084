//! Member lists sent by admins: reading the file into rows of text (`read`), and the
//! previews kept between the upload and the import (`drafts`). What the rows mean is
//! `app::domain::import`.

pub mod drafts;
pub mod read;
