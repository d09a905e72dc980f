//! sangkien: a static-site generator for a public initiative bank.
//! See ARCHITECTURE.md for the data flow.

// The console. `eprintln!` and `println!` panic when their stream is closed
// or its reader has gone (`sangkien build 2>&-` from cron, `sangkien search …
// | head`), and the panic turns the command's exit code into 101. These write
// the same text and drop a failed write instead, so the exit code still says
// whether the bank is sound.

/// Writes a line to stderr, like `eprintln!`, ignoring a closed stream.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Writes to stderr without a newline, like `eprint!`, ignoring a closed stream.
#[macro_export]
macro_rules! say_part {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

/// Writes a line to stdout, like `println!`, ignoring a closed stream.
#[macro_export]
macro_rules! show {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// Writes to stdout without a newline, like `print!`, ignoring a closed stream.
#[macro_export]
macro_rules! show_part {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($arg)*);
    }};
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
