//! The command line: clap definitions only. `main.rs` turns these into
//! calls of the library.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

const AFTER: &str = "Mã thoát / exit codes:\n  0  thành công (có thể có cảnh báo) / success (warnings allowed)\n  1  nội dung có lỗi cần biên tập viên sửa / the content has errors to fix\n  2  lỗi sử dụng, đọc ghi hoặc lỗi nội bộ / usage, I/O or internal error\n\nNgôn ngữ thông báo / message language: SANGKIEN_LANG=vi|en";

const SIMILAR_AFTER: &str = "Mã thoát / exit codes:\n  0  không cặp nào tới ngưỡng sao chép / no pair reaches the copy threshold\n  1  có cặp có thể sao chép, hoặc nội dung có lỗi / a possible copy, or the content has errors\n  2  lỗi sử dụng, đọc ghi hoặc lỗi nội bộ / usage, I/O or internal error\n\nNgôn ngữ thông báo / message language: SANGKIEN_LANG=vi|en";

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
    /// Không dùng bộ nhớ đệm ảnh chia sẻ / do not use the build cache (~/.cache/sangkien, or $SANGKIEN_CACHE_DIR)
    #[arg(long)]
    pub no_cache: bool,
}

/// `sangkien fmt`: rewrite entry files to NFC, LF and canonical key order.
#[derive(clap::Args, Debug, Clone)]
pub struct FmtArgs {
    /// Thư mục nội dung / the bank's content folder
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
    /// Chỉ báo tệp cần sửa, không ghi / only list files that need formatting (exit 1 if any)
    #[arg(long)]
    pub check: bool,
    /// Chỉ các tệp này / only these files
    pub files: Vec<PathBuf>,
}

/// `sangkien init DIR`: create a new bank repository.
#[derive(clap::Args, Debug, Clone)]
pub struct InitArgs {
    /// Thư mục ngân hàng mới / folder of the new bank
    pub dir: PathBuf,
    /// Tên ngân hàng / the bank's title (default: "Ngân hàng sáng kiến" + the province)
    #[arg(long)]
    pub title: Option<String>,
    /// Tỉnh, thành phố của ngân hàng (mã đơn vị) / the bank's province (unit id)
    #[arg(long, default_value = "ha-noi")]
    pub province: String,
}

/// `sangkien new`: scaffold an entry with the next free id.
#[derive(clap::Args, Debug, Clone)]
pub struct NewArgs {
    /// Thư mục nội dung / the bank's content folder
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
    /// Đơn vị chủ quản (mã trong units.yaml) / owner unit id
    #[arg(long)]
    pub unit: Option<String>,
    /// Năm công nhận / recognition year
    #[arg(long)]
    pub year: Option<i32>,
    /// Tên sáng kiến / title
    #[arg(long)]
    pub title: Option<String>,
    /// Lĩnh vực (mã) / field id
    #[arg(long)]
    pub field: Option<String>,
}

/// The output format of `sangkien similar`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum SimilarFormat {
    Human,
    Json,
}

/// `sangkien similar`: the novelty check of new or changed entries.
#[derive(clap::Args, Debug, Clone)]
#[command(group(clap::ArgGroup::new("scope").args(["since", "files", "all"])))]
pub struct SimilarArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Kiểm tra các sáng kiến thay đổi từ phiên bản REV (mặc định: nhánh main) / check entries changed since revision REV (default: the main branch)
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
    /// Chỉ kiểm tra các tệp này (kể cả bản nháp ngoài ngân hàng) / check these files (drafts outside the bank too)
    #[arg(long, num_args = 1.., value_name = "F")]
    pub files: Vec<PathBuf>,
    /// Đối chiếu mọi sáng kiến với các mô hình gần nhất của nó / check every entry against its closest models
    #[arg(long)]
    pub all: bool,
    /// Liệt kê các cặp trùng từ mức này (0–1; mặc định 0.2 hoặc theo config.yaml) / list pairs from this overlap (0–1; default 0.2 or config.yaml)
    #[arg(long, value_name = "X")]
    pub threshold: Option<f32>,
    /// Mức trùng bị coi là có thể sao chép: mã thoát 1 (mặc định 0.4) / overlap flagged as a possible copy: exit 1 (default 0.4)
    #[arg(long, value_name = "X")]
    pub copy_threshold: Option<f32>,
    /// Dạng báo cáo / report format
    #[arg(long, value_enum, default_value_t = SimilarFormat::Human)]
    pub format: SimilarFormat,
}

/// `sangkien schema`: print the JSON Schema of entry frontmatter.
#[derive(clap::Args, Debug, Clone)]
pub struct SchemaArgs {
    /// Thư mục nội dung, để đưa danh mục vào lược đồ / content folder whose vocabularies go into the schema
    #[arg(long)]
    pub content: Option<PathBuf>,
    /// Ghi ra tệp / write to this file instead of standard output
    #[arg(long)]
    pub out: Option<PathBuf>,
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
    /// Dựng, phục vụ tại 127.0.0.1, tự dựng lại và tải lại trang khi sửa / build, serve on 127.0.0.1, rebuild and reload on changes
    #[command(after_help = AFTER)]
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Cổng (0: cổng trống bất kỳ) / port (0: any free port)
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// Thư mục đầu ra / output folder
        #[arg(long, default_value = "public")]
        out: PathBuf,
        /// Mở trình duyệt / open the browser
        #[arg(long)]
        open: bool,
    },
    /// Kiểm tra toàn bộ ngân hàng, không ghi gì / check the whole bank, write nothing
    #[command(after_help = AFTER)]
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// Dạng báo cáo / report format
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Trước khi kiểm tra, chuẩn hóa tệp như `sangkien fmt` / first normalise files as `sangkien fmt` does
        #[arg(long)]
        fix: bool,
    },
    /// Tìm kiếm như trên trang, trả lời bằng tantivy / search the bank as the site does, answered by tantivy
    #[command(after_help = AFTER)]
    Search {
        #[command(flatten)]
        site: SiteArgs,
        /// Câu tìm kiếm / the query, as typed on the site
        query: String,
        /// Số kết quả / number of results
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Bộ lọc KHÓA=GIÁ-TRỊ, ví dụ linh-vuc=chuyen-doi-so / filter KEY=VALUE (linh-vuc, tinh, nam, cap, don-vi)
        #[arg(long)]
        filter: Vec<String>,
        /// In JSON / print JSON
        #[arg(long)]
        json: bool,
    },
    /// Kiểm tra tính mới: sáng kiến mới hoặc đã sửa giống sáng kiến nào trong ngân hàng / novelty check: which entries new or changed ones resemble
    #[command(after_help = SIMILAR_AFTER)]
    Similar(SimilarArgs),
    /// Chuẩn hóa tệp: NFC, LF, thứ tự khóa / normalise files: NFC, LF, canonical key order
    #[command(after_help = AFTER)]
    Fmt(FmtArgs),
    /// Tạo ngân hàng mới / create a new bank repository
    #[command(after_help = AFTER)]
    Init(InitArgs),
    /// Tạo sáng kiến mới với mã kế tiếp / scaffold a new entry with the next free id
    #[command(after_help = AFTER)]
    New(NewArgs),
    /// In lược đồ JSON của phần thông tin / print the JSON Schema of the frontmatter
    #[command(after_help = AFTER)]
    Schema(SchemaArgs),
}
