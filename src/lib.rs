//! sangkien: a static-site generator for a public initiative bank.
//! See ARCHITECTURE.md for the data flow.

// The console. `eprintln!` and `println!` panic when a write fails, as when
// the reader of a pipe has gone (`sangkien check | head`, a log pipe that
// closed), and the panic turns the command's exit code into 101. These write
// the same text and drop a failed write instead, so the exit code still says
// whether the bank is sound. (A stream closed outright, `2>&-`, never
// panicked: Rust ignores writes to a closed standard stream.)

/// Writes with `$write` (`write` or `writeln`) to `$stream`, dropping a
/// failed write: the one body of the four macros below.
#[doc(hidden)]
#[macro_export]
macro_rules! __console {
    ($stream:expr, $write:ident, $($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = $write!($stream, $($arg)*);
    }};
}

/// Writes a line to stderr, like `eprintln!`, dropping a failed write.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => { $crate::__console!(std::io::stderr(), writeln, $($arg)*) };
}

/// Writes to stderr without a newline, like `eprint!`, dropping a failed write.
#[macro_export]
macro_rules! say_part {
    ($($arg:tt)*) => { $crate::__console!(std::io::stderr(), write, $($arg)*) };
}

/// Writes a line to stdout, like `println!`, dropping a failed write.
#[macro_export]
macro_rules! show {
    ($($arg:tt)*) => { $crate::__console!(std::io::stdout(), writeln, $($arg)*) };
}

/// Writes to stdout without a newline, like `print!`, dropping a failed write.
#[macro_export]
macro_rules! show_part {
    ($($arg:tt)*) => { $crate::__console!(std::io::stdout(), write, $($arg)*) };
}

pub mod build;
pub mod cache;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod editor;
pub mod git;
pub mod guard;
pub mod library;
pub mod markdown;
pub mod output;
pub mod press;
pub mod recent;
pub mod search;
pub mod serve;
pub mod similar;
pub mod site;
pub mod stats;
pub mod templates;
pub mod text;
pub mod theme;
pub mod views;
pub mod watch;
