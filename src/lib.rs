//! sangkien: a static-site generator for a public initiative bank.

pub mod search;
