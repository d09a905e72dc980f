//! sangkien: a static-site generator for a public initiative bank.
//! See ARCHITECTURE.md for the data flow.

// The console. `eprintln!` and `println!` panic when their stream is closed
// or its reader has gone (`sangkien build 2>&-` from cron, `sangkien search …
// | head`), and the panic turns the command's exit code into 101. These write
// the same text and drop a failed write instead, so the exit code still says
// whether the bank is sound.

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

/// Writes a line to stderr, like `eprintln!`, ignoring a closed stream.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => { $crate::__console!(std::io::stderr(), writeln, $($arg)*) };
}

/// Writes to stderr without a newline, like `eprint!`, ignoring a closed stream.
#[macro_export]
macro_rules! say_part {
    ($($arg:tt)*) => { $crate::__console!(std::io::stderr(), write, $($arg)*) };
}

/// Writes a line to stdout, like `println!`, ignoring a closed stream.
#[macro_export]
macro_rules! show {
    ($($arg:tt)*) => { $crate::__console!(std::io::stdout(), writeln, $($arg)*) };
}

/// Writes to stdout without a newline, like `print!`, ignoring a closed stream.
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
