//! Stored data: the schema version, migrations from every earlier version,
//! the storage layout, and validation of imported files.
//!
//! STUB: being written.

use crate::model::Data;

/// The schema version this build writes.
pub const SCHEMA: u32 = 1;

/// A new user's data, with the default template library.
pub fn new_user_data() -> Data {
    Data {
        schema: SCHEMA,
        templates: crate::library::default_templates(),
        ..Data::default()
    }
}
