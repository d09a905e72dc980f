//! sangkien: a static-site generator for a public initiative bank.
//! See ARCHITECTURE.md for the data flow.

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
