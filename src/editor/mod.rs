//! The editors' commands besides `check`: `fmt`, `init`, `new`, `schema`.

use std::process::ExitCode;

use crate::cli::{FmtArgs, InitArgs, NewArgs, SchemaArgs};

fn not_yet(cmd: &str) -> ExitCode {
    eprintln!("sangkien {cmd}: not implemented yet");
    ExitCode::from(2)
}

pub fn fmt(_args: &FmtArgs) -> ExitCode {
    not_yet("fmt")
}

pub fn init(_args: &InitArgs) -> ExitCode {
    not_yet("init")
}

pub fn new(_args: &NewArgs) -> ExitCode {
    not_yet("new")
}

pub fn schema(_args: &SchemaArgs) -> ExitCode {
    not_yet("schema")
}
