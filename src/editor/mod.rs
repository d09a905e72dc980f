//! The editors' commands besides `check`: `fmt` (normalise files), `init`
//! (a new bank repository), `new` (an entry with the next free id) and
//! `schema` (the JSON Schema of entry frontmatter). Each lives in its own
//! file; this module only routes the CLI to them.

pub mod fmt;
pub mod init;
pub mod new;
pub mod schema;

use std::process::ExitCode;

use crate::cli::{FmtArgs, InitArgs, NewArgs, SchemaArgs};

pub fn fmt(args: &FmtArgs) -> ExitCode {
    fmt::run(args)
}

pub fn init(args: &InitArgs) -> ExitCode {
    init::run(args)
}

pub fn new(args: &NewArgs) -> ExitCode {
    new::run(args)
}

pub fn schema(args: &SchemaArgs) -> ExitCode {
    schema::run(args)
}
