//! The command line: clap definitions only. `main.rs` turns these into
//! calls of the library.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

const AFTER: &str = "Mã thoát / exit codes:\n  0  thành công (có thể có cảnh báo) / success (warnings allowed)\n  1  nội dung có lỗi cần biên tập viên sửa / the content has errors to fix\n  2  lỗi sử dụng, đọc ghi hoặc lỗi nội bộ / usage, I/O or internal error\n\nNgôn ngữ thông báo / message language: SANGKIEN_LANG=vi|en";

#[derive(Parser, Debug)]
#[command(name = "sangkien", version, about = "Ngân hàng sáng kiến — trình tạo trang tĩnh cho ngân hàng sáng kiến, giải pháp\nA static-site generator for a public initiative bank", after_help = AFTER)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Github,
}

#[derive(clap::Args, Debug, Clone)]
pub struct SiteArgs {
    /// Thư mục nội dung / the bank's content folder
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
    /// Giao diện: tên hoặc thư mục / theme name or folder (default: from config.yaml)
    #[arg(long)]
    pub theme: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Dựng trang web vào thư mục đầu ra / build the site into the output folder
    #[command(after_help = AFTER)]
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Thư mục đầu ra / output folder
        #[arg(long, default_value = "public")]
        out: PathBuf,
        /// Địa chỉ gốc của trang, ghi đè config.yaml / public base URL, overrides config.yaml
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Dựng rồi phục vụ trang tại 127.0.0.1 / build, then serve the site on 127.0.0.1
    #[command(after_help = AFTER)]
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Cổng / port
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// Thư mục đầu ra / output folder
        #[arg(long, default_value = "public")]
        out: PathBuf,
    },
    /// Kiểm tra toàn bộ ngân hàng, không ghi gì / check the whole bank, write nothing
    #[command(after_help = AFTER)]
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// Dạng báo cáo / report format
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
}
