//! Phrase banks for the generated entries: one topic per field of
//! fields.yaml, and generic sentences for the five body sections.
//!
//! Slots: {X} the owner unit, {P} its province, {O}/{O2} objects of the
//! topic, {T} a tool, {B} the beneficiaries, {A} the action (lower case),
//! {n} 40–900, {n2} 1.000–30.000, {k} steps 3–7, {p} 55–85 %, {p2} 5–30 %,
//! {p3} 90–99,x %, {d}/{d2} days, {h} hours, {m} months, {c} million đồng,
//! {y} the recognition year, {y0} the year before.
//!
//! Text is written with the older tone placement ("hóa", "thủy"); the
//! generator moves tones to the newer placement in part of the entries.

/// A metric template: indicator, unit, typical before, typical after.
/// `before` < 0 means "no before value" (a count reached).
pub type MetricT = (&'static str, &'static str, f64, f64);

pub struct Topic {
    pub field: &'static str,
    pub also: &'static [&'static str],
    /// Department suffixes (see units.rs) that own initiatives of this topic.
    pub depts: &'static [&'static str],
    pub weight: u32,
    pub solution_types: &'static [&'static str],
    pub application: &'static str,
    pub objects: &'static [&'static str],
    pub actions: &'static [&'static str],
    pub tools: &'static [&'static str],
    pub beneficiaries: &'static [&'static str],
    pub problems: &'static [&'static str],
    pub solutions: &'static [&'static str],
    pub results: &'static [&'static str],
    pub tags: &'static [&'static str],
    pub metrics: &'static [MetricT],
}

pub const TOPICS: &[Topic] = &[
    Topic {
        field: "cai-cach-hanh-chinh",
        also: &["chuyen-doi-so", "tu-phap-ho-tich"],
        depts: &["trung-tam-phuc-vu-hanh-chinh-cong", "van-phong-ubnd-tinh", "so-noi-vu"],
        weight: 16,
        solution_types: &["giai_phap_tac_nghiep", "giai_phap_quan_ly"],
        application: "Công tác tiếp nhận, giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông",
        objects: &["hồ sơ thủ tục hành chính", "hồ sơ một cửa liên thông", "kết quả giải quyết TTHC", "thủ tục hành chính có số lượng hồ sơ lớn", "phiếu hẹn trả kết quả"],
        actions: &["Chuẩn hóa quy trình tiếp nhận", "Số hóa và trả kết quả", "Liên thông điện tử", "Rút ngắn thời gian giải quyết", "Nhắn tin tự động thông báo tình trạng", "Tổ chức tiếp nhận không phụ thuộc địa giới hành chính đối với"],
        tools: &["mã QR", "tài khoản Zalo OA của đơn vị", "Cổng Dịch vụ công quốc gia", "Hệ thống thông tin giải quyết TTHC của tỉnh", "ki-ốt tra cứu tự phục vụ"],
        beneficiaries: &["người dân", "tổ chức, doanh nghiệp", "người dân và doanh nghiệp"],
        problems: &[
            "Bộ phận Một cửa của {X} tiếp nhận bình quân {n} hồ sơ TTHC mỗi tháng, nhưng phần lớn vẫn nộp trực tiếp bằng giấy.",
            "Tỷ lệ hồ sơ giải quyết trễ hạn năm {y0} là {p2}%, chủ yếu do luân chuyển hồ sơ giấy giữa các bộ phận.",
            "{B} thường phải hỏi nhiều lần về thành phần hồ sơ, thời hạn giải quyết và phí, lệ phí.",
            "Chỉ số CCHC của đơn vị những năm trước chỉ ở mức trung bình, tiêu chí hiện đại hóa hành chính còn bị trừ điểm.",
            "Việc theo dõi hồ sơ đến hạn, quá hạn làm bằng sổ tay nên lãnh đạo không nắm được tiến độ theo thời gian thực.",
        ],
        solutions: &[
            "Toàn bộ {O} được tiếp nhận, số hóa ngay tại Bộ phận Một cửa và luân chuyển trên Hệ thống thông tin giải quyết TTHC của tỉnh.",
            "Mỗi phiếu hẹn in kèm {T} để {B} tự tra cứu tình trạng hồ sơ, không phải gọi điện hỏi.",
            "Đơn vị niêm yết công khai {k} nhóm thủ tục có nhiều hồ sơ nhất kèm video hướng dẫn ngắn bằng tiếng Việt và tiếng dân tộc.",
            "Công chức một cửa được phân công theo nhóm lĩnh vực, có người dự phòng khi vắng mặt để không gián đoạn việc tiếp nhận.",
            "Hồ sơ sắp đến hạn được hệ thống cảnh báo trước {h} giờ làm việc; lãnh đạo nhận danh sách hằng ngày qua nhóm điều hành.",
        ],
        results: &[
            "Không còn hồ sơ trễ hạn trong {m} tháng liên tiếp.",
            "Chỉ số hài lòng về phục vụ hành chính tăng rõ rệt, được tỉnh biểu dương.",
            "Thời gian chờ tại Bộ phận Một cửa giảm, không còn cảnh xếp hàng vào đầu tuần.",
        ],
        tags: &["một cửa", "thủ tục hành chính", "TTHC", "CCHC", "dịch vụ công trực tuyến", "mã QR", "trả kết quả", "cải cách hành chính"],
        metrics: &[
            ("Thời gian giải quyết TTHC bình quân", "ngày làm việc", 5.0, 2.0),
            ("Tỷ lệ hồ sơ trễ hạn", "%", 8.0, 0.5),
            ("Tỷ lệ hồ sơ nộp trực tuyến", "%", 25.0, 78.0),
            ("Số lần người dân phải đi lại", "lần/hồ sơ", 3.0, 1.0),
            ("Số hồ sơ được số hóa kết quả", "hồ sơ", -1.0, 4200.0),
        ],
    },
    Topic {
        field: "chuyen-doi-so",
        also: &["cai-cach-hanh-chinh", "khoa-hoc-cong-nghe"],
        depts: &["so-khoa-hoc-va-cong-nghe", "van-phong-ubnd-tinh"],
        weight: 16,
        solution_types: &["giai_phap_ung_dung_tien_bo_ky_thuat", "giai_phap_ky_thuat"],
        application: "Chuyển đổi số trong hoạt động của cơ quan nhà nước và hỗ trợ người dân sử dụng dịch vụ số",
        objects: &["dữ liệu dân cư của thôn, tổ dân phố", "văn bản đi, đến", "hồ sơ lưu trữ", "báo cáo định kỳ", "dịch vụ công trực tuyến toàn trình", "bản đồ số các điểm phục vụ"],
        actions: &["Số hóa", "Xây dựng kho dữ liệu dùng chung về", "Ứng dụng trí tuệ nhân tạo hỗ trợ tra cứu", "Tự động hóa tổng hợp", "Chuẩn hóa và kết nối", "Hướng dẫn người dân sử dụng"],
        tools: &["phần mềm mã nguồn mở", "chatbot trả lời tự động", "ứng dụng VNeID", "bảng tính dùng chung trên nền tảng đám mây", "mã QR", "bản đồ số"],
        beneficiaries: &["người dân", "cán bộ, công chức", "người cao tuổi và người dân ở thôn, bản xa"],
        problems: &[
            "Dữ liệu của {X} nằm rải rác ở nhiều bảng tính, mỗi bộ phận một biểu mẫu, khó tổng hợp và dễ trùng lặp.",
            "Mỗi kỳ báo cáo, công chức mất {d} ngày làm việc để nhập lại số liệu đã có ở các hệ thống khác.",
            "Tỷ lệ người dân có tài khoản định danh điện tử mức 2 và biết sử dụng DVCTT còn thấp, nhất là người cao tuổi.",
            "Hạ tầng CNTT còn hạn chế, nhiều máy tính đã cũ, đường truyền tại một số thôn chưa ổn định.",
            "Kỹ năng số của một bộ phận CBCCVC chưa đáp ứng yêu cầu chuyển đổi số sau khi vận hành chính quyền địa phương hai cấp.",
        ],
        solutions: &[
            "Nhóm tác giả xây dựng kho {O} trên {T}, phân quyền cập nhật cho từng bộ phận và tự động tổng hợp báo cáo.",
            "Tổ công nghệ số cộng đồng ở các thôn, tổ dân phố được tập huấn để hướng dẫn người dân cài đặt, sử dụng ứng dụng VNeID và thanh toán không dùng tiền mặt.",
            "Các mẫu báo cáo định kỳ được chuẩn hóa thành biểu mẫu điện tử; số liệu nhập một lần, dùng nhiều lần.",
            "Đơn vị triển khai {T} trả lời các câu hỏi thường gặp về thủ tục, hoạt động cả ngoài giờ hành chính.",
            "Văn bản, hồ sơ được ký số và lưu trữ điện tử theo đúng quy định, tra cứu được theo số, ngày và trích yếu.",
        ],
        results: &[
            "Số liệu báo cáo được tổng hợp tự động, chính xác và kịp thời.",
            "Kỹ năng số của cán bộ, công chức và người dân được nâng lên rõ rệt.",
            "Tiết kiệm giấy in, chi phí gửi văn bản và thời gian đi lại.",
        ],
        tags: &["chuyển đổi số", "CĐS", "số hóa", "dữ liệu số", "VNeID", "Bình dân học vụ số", "ký số", "tổ công nghệ số cộng đồng"],
        metrics: &[
            ("Thời gian tổng hợp báo cáo định kỳ", "ngày", 5.0, 0.5),
            ("Tỷ lệ văn bản được ký số", "%", 40.0, 98.0),
            ("Số người dân được hướng dẫn kỹ năng số", "người", -1.0, 2600.0),
            ("Tỷ lệ hồ sơ trực tuyến toàn trình", "%", 18.0, 72.0),
        ],
    },
    Topic {
        field: "tu-phap-ho-tich",
        also: &["cai-cach-hanh-chinh", "chuyen-doi-so"],
        depts: &["so-tu-phap"],
        weight: 7,
        solution_types: &["giai_phap_tac_nghiep", "giai_phap_quan_ly"],
        application: "Công tác đăng ký, quản lý hộ tịch và chứng thực tại cấp xã",
        objects: &["sổ hộ tịch giấy", "dữ liệu khai sinh, kết hôn, khai tử", "hồ sơ chứng thực", "trích lục hộ tịch", "văn bản quy phạm pháp luật của địa phương"],
        actions: &["Số hóa, chuẩn hóa", "Liên thông điện tử", "Tra cứu nhanh", "Rà soát, cập nhật", "Tổ chức phổ biến, giáo dục pháp luật về"],
        tools: &["Hệ thống thông tin đăng ký và quản lý hộ tịch", "máy quét khổ A3", "mã QR", "sổ tay điện tử"],
        beneficiaries: &["người dân", "công dân có yêu cầu trích lục", "gia đình có trẻ mới sinh"],
        problems: &[
            "{X} đang lưu giữ khoảng {n} quyển sổ hộ tịch giấy lập trước năm 2016, nhiều quyển đã ố vàng, rách gáy.",
            "Mỗi yêu cầu cấp bản sao trích lục phải lật tìm thủ công, trung bình mất {d} ngày làm việc.",
            "Nhiều gia đình ở xa trung tâm phải đi lại hai, ba lần mới làm xong thủ tục đăng ký khai sinh cho con.",
            "Thông tin trong sổ gốc và dữ liệu điện tử có sai lệch về họ tên, ngày sinh, gây khó khăn khi cấp giấy tờ.",
        ],
        solutions: &[
            "Nhóm tác giả xây dựng quy trình chụp, nhập, đối soát và đồng bộ {O} lên {T}.",
            "Việc số hóa làm vào buổi chiều thứ Năm hằng tuần và các ngày thứ Bảy tình nguyện của đoàn viên, không ảnh hưởng việc tiếp dân.",
            "Công chức tư pháp – hộ tịch hướng dẫn người dân đăng ký khai sinh, thường trú và cấp thẻ BHYT cho trẻ dưới 6 tuổi theo nhóm thủ tục liên thông.",
            "Mọi bản ghi đều được đối soát 100% với sổ gốc; sai lệch được đánh dấu và xử lý theo quy định về cải chính hộ tịch.",
        ],
        results: &[
            "Người dân nhận bản sao trích lục ngay trong ngày.",
            "Sổ gốc ít phải lật tra nên được bảo quản tốt hơn.",
            "Dữ liệu hộ tịch đầy đủ, sẵn sàng kết nối với Cơ sở dữ liệu quốc gia về dân cư.",
        ],
        tags: &["hộ tịch", "sổ hộ tịch", "trích lục", "khai sinh", "chứng thực", "liên thông", "số hóa"],
        metrics: &[
            ("Thời gian cấp bản sao trích lục", "ngày làm việc", 2.0, 0.5),
            ("Số quyển sổ hộ tịch đã số hóa", "quyển", -1.0, 214.0),
            ("Số trang dữ liệu đã đối soát", "trang", -1.0, 18650.0),
            ("Tỷ lệ hồ sơ khai sinh liên thông trực tuyến", "%", 20.0, 85.0),
        ],
    },
    Topic {
        field: "dat-dai-xay-dung",
        also: &["cai-cach-hanh-chinh", "nong-nghiep-moi-truong"],
        depts: &["so-nong-nghiep-va-moi-truong", "so-xay-dung"],
        weight: 7,
        solution_types: &["giai_phap_quan_ly", "giai_phap_tac_nghiep"],
        application: "Quản lý đất đai, cấp giấy chứng nhận quyền sử dụng đất và quản lý trật tự xây dựng",
        objects: &["hồ sơ địa chính", "hồ sơ cấp GCNQSDĐ lần đầu", "bản đồ địa chính", "giấy phép xây dựng nhà ở riêng lẻ", "hồ sơ đo đạc, chỉnh lý biến động"],
        actions: &["Số hóa", "Rút ngắn thời gian giải quyết", "Chuẩn hóa quy trình thẩm định", "Xây dựng bản đồ số tra cứu", "Công khai trực tuyến tiến độ giải quyết"],
        tools: &["bản đồ số", "hệ thống thông tin đất đai", "mã QR", "ứng dụng định vị trên điện thoại"],
        beneficiaries: &["người sử dụng đất", "hộ gia đình, cá nhân", "người dân và doanh nghiệp"],
        problems: &[
            "Hồ sơ địa chính của {X} phần lớn là bản giấy lập qua nhiều thời kỳ, thông tin giữa sổ mục kê và bản đồ chưa khớp.",
            "Thời gian giải quyết hồ sơ cấp giấy chứng nhận lần đầu kéo dài, có hồ sơ phải bổ sung tới {k} lần.",
            "Tình trạng xây dựng không phép, sai phép ở khu dân cư mới phát hiện chậm do thiếu công cụ theo dõi.",
            "Sau khi sắp xếp đơn vị hành chính, hồ sơ đất đai của các xã cũ chưa được hợp nhất, khó tra cứu.",
        ],
        solutions: &[
            "Nhóm tác giả số hóa {O}, gắn tọa độ từng thửa đất lên {T} để tra cứu nhanh.",
            "Danh mục giấy tờ cần nộp được chuẩn hóa thành phiếu kiểm tra một trang, hướng dẫn {B} chuẩn bị đủ ngay lần đầu.",
            "Tổ kiểm tra trật tự xây dựng dùng ứng dụng trên điện thoại để chụp ảnh, định vị và báo cáo vi phạm trong ngày.",
            "Tiến độ giải quyết từng hồ sơ được công khai; người dân nhận tin nhắn khi hồ sơ chuyển bước.",
        ],
        results: &[
            "Hồ sơ phải bổ sung giảm mạnh, hạn chế khiếu nại về đất đai.",
            "Vi phạm trật tự xây dựng được phát hiện và xử lý từ sớm.",
            "Dữ liệu địa chính được chuẩn hóa, phục vụ quy hoạch và thu ngân sách từ đất.",
        ],
        tags: &["đất đai", "GCNQSDĐ", "địa chính", "trật tự xây dựng", "bản đồ số", "giấy phép xây dựng"],
        metrics: &[
            ("Thời gian cấp GCNQSDĐ lần đầu", "ngày", 30.0, 12.0),
            ("Tỷ lệ hồ sơ phải bổ sung", "%", 35.0, 6.0),
            ("Số thửa đất được số hóa", "thửa", -1.0, 12400.0),
            ("Số vụ vi phạm trật tự xây dựng phát hiện muộn", "vụ/năm", 14.0, 2.0),
        ],
    },
    Topic {
        field: "giao-duc-dao-tao",
        also: &["chuyen-doi-so", "van-hoa-xa-hoi"],
        depts: &["so-giao-duc-va-dao-tao", "so-giao-duc-va-dao-tao/truong-thpt-1", "so-giao-duc-va-dao-tao/truong-thpt-2"],
        weight: 10,
        solution_types: &["giai_phap_tac_nghiep", "giai_phap_ung_dung_tien_bo_ky_thuat"],
        application: "Dạy học, quản lý giáo dục và chăm sóc học sinh ở các cơ sở giáo dục phổ thông",
        objects: &["học liệu số", "hồ sơ học sinh", "kế hoạch bài dạy", "sổ liên lạc điện tử", "ngân hàng câu hỏi kiểm tra", "tiết học trải nghiệm"],
        actions: &["Xây dựng kho", "Ứng dụng phần mềm quản lý", "Đổi mới cách tổ chức", "Số hóa", "Kết nối gia đình và nhà trường qua"],
        tools: &["phần mềm quản lý trường học", "lớp học trực tuyến", "mã QR", "bảng tương tác", "nhóm Zalo lớp"],
        beneficiaries: &["học sinh", "cha mẹ học sinh", "giáo viên", "học sinh dân tộc thiểu số"],
        problems: &[
            "Học sinh ở các điểm trường lẻ của {X} ít được tiếp cận học liệu số, nhiều em chưa có thiết bị học tập.",
            "Giáo viên mất nhiều thời gian soạn lại đề kiểm tra, không có ngân hàng câu hỏi dùng chung của tổ chuyên môn.",
            "Kết quả học tập môn Toán, Tiếng Anh của học sinh lớp 9 những năm trước thấp hơn bình quân của tỉnh.",
            "Việc liên lạc giữa nhà trường và gia đình chủ yếu qua sổ liên lạc giấy, thông tin chậm và không đầy đủ.",
            "Tỷ lệ học sinh bỏ học giữa chừng ở một số thôn, bản còn {p2}%, chủ yếu do hoàn cảnh gia đình khó khăn.",
        ],
        solutions: &[
            "Tổ chuyên môn xây dựng {O} theo chương trình giáo dục phổ thông 2018, chia sẻ trên {T} cho toàn trường.",
            "Mỗi bài học có mã QR dẫn tới video, phiếu bài tập để học sinh tự học ở nhà, kể cả khi không có kết nối Internet thường xuyên.",
            "Giáo viên chủ nhiệm theo dõi chuyên cần hằng ngày và thông báo cho cha mẹ học sinh qua {T}.",
            "Nhà trường phối hợp với đoàn thể, trưởng thôn vận động học sinh có nguy cơ bỏ học trở lại lớp.",
            "Các tiết học trải nghiệm gắn với sản phẩm địa phương giúp học sinh hứng thú, mạnh dạn hơn khi giao tiếp.",
        ],
        results: &[
            "Tỷ lệ học sinh đạt điểm khá, giỏi tăng so với năm học trước.",
            "Giáo viên tiết kiệm thời gian ra đề, dành nhiều thời gian hơn cho học sinh yếu.",
            "Cha mẹ học sinh nắm kịp thời tình hình học tập của con.",
        ],
        tags: &["giáo dục", "học liệu số", "THPT", "THCS", "trường học", "chuyển đổi số trong giáo dục", "học sinh"],
        metrics: &[
            ("Tỷ lệ học sinh đạt điểm trung bình trở lên", "%", 68.0, 91.0),
            ("Tỷ lệ học sinh bỏ học", "%", 3.5, 0.4),
            ("Số học liệu số được chia sẻ", "học liệu", -1.0, 1350.0),
            ("Thời gian soạn một đề kiểm tra", "giờ", 6.0, 1.5),
        ],
    },
    Topic {
        field: "y-te",
        also: &["chuyen-doi-so", "lao-dong-an-sinh"],
        depts: &["so-y-te", "so-y-te/benh-vien-da-khoa-tinh"],
        weight: 9,
        solution_types: &["giai_phap_ky_thuat", "giai_phap_tac_nghiep", "giai_phap_ung_dung_tien_bo_ky_thuat"],
        application: "Khám bệnh, chữa bệnh, y tế dự phòng và chăm sóc sức khỏe ban đầu",
        objects: &["hồ sơ sức khỏe điện tử", "lịch hẹn khám bệnh", "quy trình đón tiếp người bệnh", "danh sách tiêm chủng", "sổ khám bệnh điện tử", "theo dõi bệnh không lây nhiễm"],
        actions: &["Số hóa", "Rút ngắn thời gian chờ", "Quản lý", "Nhắc lịch tự động", "Cải tiến quy trình", "Ứng dụng kỹ thuật mới trong"],
        tools: &["phần mềm quản lý hồ sơ sức khỏe", "tin nhắn nhắc lịch", "căn cước công dân gắn chip", "mã QR", "ứng dụng VNeID"],
        beneficiaries: &["người bệnh", "người dân", "người cao tuổi", "phụ nữ mang thai và trẻ em"],
        problems: &[
            "Người bệnh đến khám tại {X} phải chờ bình quân {h} giờ, nhất là vào sáng thứ Hai.",
            "Danh sách tiêm chủng, quản lý bệnh tăng huyết áp, đái tháo đường được ghi chép bằng sổ tay, dễ bỏ sót đối tượng.",
            "Tỷ lệ người dân có hồ sơ sức khỏe điện tử được cập nhật chỉ đạt {p}%.",
            "Nhân lực y tế mỏng, một người kiêm nhiều việc; thủ tục thanh toán BHYT mất nhiều thời gian.",
        ],
        solutions: &[
            "Người bệnh đăng ký khám bằng căn cước công dân gắn chip hoặc ứng dụng VNeID, không phải xuất trình thẻ BHYT giấy.",
            "Nhóm tác giả sắp xếp lại luồng đón tiếp theo {k} bước, bố trí bàn hướng dẫn và ki-ốt lấy số tự động.",
            "{O} được cập nhật sau mỗi lần khám; hệ thống gửi {T} trước ngày tái khám, tiêm chủng.",
            "Nhân viên y tế thôn, bản phối hợp rà soát đối tượng, cập nhật danh sách người mắc bệnh không lây nhiễm hằng tháng.",
        ],
        results: &[
            "Người bệnh hài lòng hơn với thái độ và thời gian phục vụ.",
            "Không để sót đối tượng tiêm chủng trong diện quản lý.",
            "Số liệu báo cáo chuyên môn được tổng hợp nhanh, chính xác.",
        ],
        tags: &["y tế", "BHYT", "hồ sơ sức khỏe điện tử", "khám bệnh", "tiêm chủng", "trạm y tế", "bệnh viện"],
        metrics: &[
            ("Thời gian chờ khám bình quân", "phút", 95.0, 35.0),
            ("Tỷ lệ người dân có hồ sơ sức khỏe điện tử", "%", 45.0, 92.0),
            ("Tỷ lệ trẻ được tiêm chủng đầy đủ", "%", 88.0, 98.5),
            ("Số người bệnh không lây nhiễm được quản lý", "người", -1.0, 1250.0),
        ],
    },
    Topic {
        field: "nong-nghiep-moi-truong",
        also: &["kinh-te-tai-chinh", "khoa-hoc-cong-nghe"],
        depts: &["so-nong-nghiep-va-moi-truong"],
        weight: 9,
        solution_types: &["giai_phap_ky_thuat", "giai_phap_ung_dung_tien_bo_ky_thuat", "giai_phap_quan_ly"],
        application: "Sản xuất nông nghiệp, xây dựng nông thôn mới và bảo vệ môi trường ở nông thôn",
        objects: &["rác thải sinh hoạt", "vùng trồng có mã số", "sản phẩm OCOP", "nước sạch nông thôn", "mô hình trồng cây dược liệu", "phụ phẩm nông nghiệp"],
        actions: &["Phân loại, xử lý", "Truy xuất nguồn gốc", "Quản lý", "Ứng dụng tiến bộ kỹ thuật trong", "Phát triển", "Xây dựng mô hình liên kết tiêu thụ"],
        tools: &["tem truy xuất nguồn gốc", "sàn thương mại điện tử", "chế phẩm vi sinh", "nhật ký sản xuất điện tử", "hệ thống tưới tiết kiệm nước"],
        beneficiaries: &["nông dân", "hợp tác xã", "hộ gia đình ở nông thôn", "người dân"],
        problems: &[
            "Mỗi ngày khu dân cư của {X} phát sinh khoảng {n} kg rác thải sinh hoạt, phần lớn chưa được phân loại tại nguồn.",
            "Sản phẩm nông sản của địa phương chủ yếu bán qua thương lái, giá bấp bênh, chưa có mã số vùng trồng.",
            "Rơm rạ, phụ phẩm sau thu hoạch thường bị đốt ngoài đồng, gây ô nhiễm không khí.",
            "Nhiều hộ sản xuất theo kinh nghiệm, sử dụng phân bón, thuốc bảo vệ thực vật chưa đúng khuyến cáo.",
        ],
        solutions: &[
            "Nhóm tác giả hướng dẫn hộ dân {A} {O} bằng {T}, có tổ tự quản kiểm tra hằng tuần.",
            "Mỗi lô sản phẩm được gắn {T}; người mua quét mã để xem vùng trồng, quy trình chăm sóc và ngày thu hoạch.",
            "Hội Nông dân phối hợp mở lớp tập huấn đầu bờ, xây dựng {k} mô hình trình diễn ngay tại ruộng của hội viên.",
            "Phụ phẩm được ủ thành phân hữu cơ bằng chế phẩm vi sinh, dùng lại cho vườn cây ăn quả.",
        ],
        results: &[
            "Thu nhập của hộ tham gia tăng so với sản xuất truyền thống.",
            "Cảnh quan môi trường nông thôn sáng, xanh, sạch hơn.",
            "Sản phẩm có mã số vùng trồng được đưa lên sàn thương mại điện tử.",
        ],
        tags: &["nông nghiệp", "môi trường", "OCOP", "nông thôn mới", "phân loại rác", "truy xuất nguồn gốc", "NN&MT"],
        metrics: &[
            ("Tỷ lệ hộ phân loại rác tại nguồn", "%", 15.0, 82.0),
            ("Thu nhập bình quân của hộ tham gia", "triệu đồng/năm", 48.0, 76.0),
            ("Diện tích áp dụng", "ha", -1.0, 320.0),
            ("Lượng rác phải chôn lấp", "tấn/tháng", 42.0, 18.0),
        ],
    },
    Topic {
        field: "kinh-te-tai-chinh",
        also: &["cai-cach-hanh-chinh", "chuyen-doi-so"],
        depts: &["so-tai-chinh", "so-cong-thuong"],
        weight: 6,
        solution_types: &["giai_phap_quan_ly", "giai_phap_tac_nghiep"],
        application: "Quản lý tài chính, ngân sách, đầu tư công và hỗ trợ doanh nghiệp",
        objects: &["hồ sơ thanh toán vốn đầu tư công", "dự toán ngân sách", "hồ sơ đăng ký hộ kinh doanh", "thu ngân sách trên địa bàn", "chứng từ kế toán"],
        actions: &["Rút ngắn thời gian xử lý", "Điện tử hóa", "Quản lý", "Tự động đối chiếu", "Hỗ trợ doanh nghiệp trong"],
        tools: &["phần mềm kế toán", "thanh toán không dùng tiền mặt", "bảng tính dùng chung", "chữ ký số"],
        beneficiaries: &["doanh nghiệp", "hộ kinh doanh", "các đơn vị dự toán", "chủ đầu tư"],
        problems: &[
            "Hồ sơ thanh toán vốn đầu tư công tại {X} thường phải trả lại để bổ sung, làm chậm tiến độ giải ngân.",
            "Tỷ lệ giải ngân vốn đầu tư công năm {y0} chỉ đạt {p}% kế hoạch.",
            "Việc đối chiếu số liệu thu, chi giữa các đơn vị làm thủ công, mỗi quý mất {d} ngày.",
            "Hộ kinh doanh nhỏ chưa quen với hóa đơn điện tử và thanh toán không dùng tiền mặt.",
        ],
        solutions: &[
            "Nhóm tác giả lập danh mục kiểm tra hồ sơ một trang, chuẩn hóa {O} theo từng loại dự án.",
            "Số liệu được nhập trên {T}, tự động đối chiếu và cảnh báo chênh lệch.",
            "Đơn vị tổ chức đối thoại định kỳ với {B}, tháo gỡ vướng mắc ngay tại buổi làm việc.",
            "Cán bộ thuế, ngân hàng và đoàn viên thanh niên cùng hướng dẫn hộ kinh doanh mở tài khoản, dùng mã QR thanh toán.",
        ],
        results: &[
            "Tiến độ giải ngân vốn đầu tư công được cải thiện rõ rệt.",
            "Số liệu thu, chi minh bạch, đối chiếu nhanh.",
            "Doanh nghiệp đánh giá cao sự đồng hành của cơ quan nhà nước.",
        ],
        tags: &["tài chính", "ngân sách", "đầu tư công", "giải ngân", "doanh nghiệp", "thanh toán không dùng tiền mặt"],
        metrics: &[
            ("Tỷ lệ giải ngân vốn đầu tư công", "%", 62.0, 95.0),
            ("Thời gian kiểm soát hồ sơ thanh toán", "ngày", 7.0, 3.0),
            ("Số hộ kinh doanh dùng thanh toán không tiền mặt", "hộ", -1.0, 640.0),
            ("Chi phí in ấn, gửi chứng từ", "triệu đồng/năm", 85.0, 20.0),
        ],
    },
    Topic {
        field: "van-hoa-xa-hoi",
        also: &["giao-duc-dao-tao", "dan-van-phan-anh-kien-nghi"],
        depts: &["so-van-hoa-the-thao-va-du-lich"],
        weight: 6,
        solution_types: &["giai_phap_quan_ly", "giai_phap_tac_nghiep"],
        application: "Bảo tồn, phát huy giá trị văn hóa, phát triển du lịch cộng đồng và phong trào văn hóa cơ sở",
        objects: &["di tích lịch sử – văn hóa", "lễ hội truyền thống", "thư viện cơ sở", "điểm du lịch cộng đồng", "câu lạc bộ dân ca", "nhà văn hóa thôn"],
        actions: &["Số hóa tư liệu", "Quảng bá", "Phát huy giá trị", "Xây dựng bản đồ số", "Tổ chức hoạt động tại"],
        tools: &["mã QR thuyết minh", "trang thông tin điện tử", "video ngắn trên mạng xã hội", "bản đồ số du lịch"],
        beneficiaries: &["du khách", "người dân", "thanh thiếu niên", "đồng bào dân tộc thiểu số"],
        problems: &[
            "Tư liệu về {O} của {X} phần lớn chỉ được lưu giữ qua trí nhớ của người cao tuổi, có nguy cơ mai một.",
            "Lượng du khách đến địa phương ít, thời gian lưu trú ngắn, thông tin quảng bá còn rời rạc.",
            "Nhà văn hóa thôn sử dụng chưa hiệu quả, ít hoạt động thường xuyên ngoài các cuộc họp.",
            "Thanh thiếu niên ít tham gia sinh hoạt văn hóa truyền thống của dân tộc mình.",
        ],
        solutions: &[
            "Nhóm tác giả sưu tầm, số hóa tư liệu về {O}, gắn {T} tại điểm tham quan để du khách tự tìm hiểu.",
            "Câu lạc bộ sinh hoạt định kỳ hằng tháng tại nhà văn hóa, truyền dạy làn điệu dân ca cho lớp trẻ.",
            "Đơn vị phối hợp với các hộ làm du lịch cộng đồng xây dựng tour trải nghiệm {k} điểm dừng.",
            "Các video ngắn giới thiệu văn hóa, ẩm thực được đăng tải thường xuyên trên nền tảng số.",
        ],
        results: &[
            "Lượng khách du lịch và doanh thu dịch vụ tăng.",
            "Nhiều làn điệu, nghề thủ công truyền thống được ghi lại và truyền dạy.",
            "Đời sống văn hóa tinh thần của người dân phong phú hơn.",
        ],
        tags: &["văn hóa", "du lịch cộng đồng", "di tích", "lễ hội", "bảo tồn", "nhà văn hóa"],
        metrics: &[
            ("Lượt khách du lịch", "lượt/năm", 3200.0, 11500.0),
            ("Số tư liệu được số hóa", "tư liệu", -1.0, 860.0),
            ("Số buổi sinh hoạt văn hóa tại nhà văn hóa thôn", "buổi/năm", 6.0, 28.0),
        ],
    },
    Topic {
        field: "lao-dong-an-sinh",
        also: &["cai-cach-hanh-chinh", "y-te"],
        depts: &["so-noi-vu"],
        weight: 6,
        solution_types: &["giai_phap_tac_nghiep", "giai_phap_quan_ly"],
        application: "Thực hiện chính sách người có công, bảo trợ xã hội, giảm nghèo và việc làm",
        objects: &["chi trả trợ cấp xã hội", "hồ sơ người có công", "danh sách hộ nghèo, hộ cận nghèo", "BHXH tự nguyện", "tư vấn việc làm cho lao động nông thôn"],
        actions: &["Chi trả không dùng tiền mặt", "Rà soát, cập nhật", "Số hóa", "Vận động người dân tham gia", "Kết nối"],
        tools: &["tài khoản ngân hàng", "ứng dụng VNeID", "bảng tính dùng chung", "phiên giao dịch việc làm trực tuyến"],
        beneficiaries: &["đối tượng bảo trợ xã hội", "người có công", "hộ nghèo", "người lao động"],
        problems: &[
            "Việc chi trả trợ cấp hằng tháng tại {X} chủ yếu bằng tiền mặt, cán bộ phải mang tiền đến từng thôn.",
            "Danh sách đối tượng hưởng chính sách được lưu ở nhiều sổ, có trường hợp trùng hoặc sót.",
            "Tỷ lệ người tham gia BHXH tự nguyện trên lực lượng lao động mới đạt {p2}%.",
            "Lao động nông thôn thiếu thông tin về việc làm, nhiều người đi làm xa không có hợp đồng.",
        ],
        solutions: &[
            "Đơn vị phối hợp với ngân hàng mở tài khoản cho {B}, chi trả qua tài khoản đúng ngày, đủ số tiền.",
            "Nhóm tác giả lập danh sách điện tử thống nhất về {O}, cập nhật biến động hằng tháng.",
            "Cán bộ đến tận nhà người cao tuổi, người khuyết tật để xác thực thông tin và hướng dẫn nhận trợ cấp.",
            "Tổ chức phiên giao dịch việc làm lưu động tại xã, kết nối doanh nghiệp với người lao động.",
        ],
        results: &[
            "Chi trả đúng, đủ, kịp thời; không còn cảnh xếp hàng nhận tiền.",
            "Giảm rủi ro khi cán bộ vận chuyển tiền mặt.",
            "Nhiều lao động có việc làm ổn định với hợp đồng rõ ràng.",
        ],
        tags: &["an sinh xã hội", "BHXH", "người có công", "giảm nghèo", "việc làm", "chi trả không dùng tiền mặt"],
        metrics: &[
            ("Tỷ lệ đối tượng nhận trợ cấp qua tài khoản", "%", 12.0, 94.0),
            ("Số người tham gia BHXH tự nguyện", "người", 180.0, 520.0),
            ("Thời gian hoàn thành chi trả hằng tháng", "ngày", 6.0, 1.0),
            ("Số lao động được kết nối việc làm", "người", -1.0, 430.0),
        ],
    },
    Topic {
        field: "quoc-phong-an-ninh",
        also: &["chuyen-doi-so", "dan-van-phan-anh-kien-nghi"],
        depts: &["cong-an-tinh", "cong-an-tinh/phong-canh-sat-giao-thong", "bo-chi-huy-quan-su", "bo-chi-huy-bdbp"],
        weight: 5,
        solution_types: &["giai_phap_tac_nghiep", "giai_phap_ky_thuat"],
        application: "Bảo đảm an ninh trật tự, an toàn giao thông, phòng cháy chữa cháy và quốc phòng ở cơ sở",
        objects: &["an toàn giao thông", "phòng cháy, chữa cháy ở khu dân cư", "tố giác tội phạm", "camera an ninh", "đăng ký cư trú", "tuyển quân"],
        actions: &["Nâng cao hiệu quả", "Ứng dụng công nghệ trong", "Xây dựng mô hình tự quản về", "Tiếp nhận trực tuyến", "Quản lý"],
        tools: &["camera giám sát", "nhóm Zalo của tổ an ninh", "ứng dụng VNeID", "mã QR báo tin", "bình chữa cháy dùng chung"],
        beneficiaries: &["người dân", "người tham gia giao thông", "học sinh", "hộ kinh doanh"],
        problems: &[
            "Một số tuyến đường qua địa bàn {X} thường xảy ra va chạm giao thông vào giờ tan học.",
            "Khu dân cư có nhiều nhà ống, lối thoát nạn hạn chế, người dân chưa được hướng dẫn kỹ năng thoát nạn.",
            "Việc tiếp nhận tin báo về an ninh trật tự còn chậm, người dân ngại đến trụ sở để trình báo.",
            "Tình trạng trộm cắp tài sản nhỏ lẻ, lừa đảo qua mạng có chiều hướng tăng.",
        ],
        solutions: &[
            "Đơn vị lắp đặt {T} tại các điểm phức tạp, kết nối về trụ sở để theo dõi và xử lý kịp thời.",
            "Mỗi cụm dân cư thành lập tổ liên gia an toàn phòng cháy, chữa cháy, trang bị {T}.",
            "Người dân quét {T} để báo tin, gửi hình ảnh; cán bộ phản hồi trong vòng {h} giờ.",
            "Tuyên truyền về thủ đoạn lừa đảo trên không gian mạng được lồng ghép trong các buổi họp thôn, sinh hoạt đoàn thể.",
        ],
        results: &[
            "Số vụ việc về an ninh trật tự giảm so với cùng kỳ.",
            "Người dân chủ động tham gia bảo vệ an ninh trật tự ở cơ sở.",
            "Tin báo được tiếp nhận và xử lý nhanh hơn.",
        ],
        tags: &["an ninh trật tự", "an toàn giao thông", "PCCC", "camera an ninh", "tổ liên gia", "CSGT"],
        metrics: &[
            ("Số vụ tai nạn, va chạm giao thông", "vụ/năm", 24.0, 9.0),
            ("Thời gian phản hồi tin báo", "giờ", 24.0, 2.0),
            ("Số tổ liên gia an toàn PCCC", "tổ", -1.0, 120.0),
            ("Số vụ trộm cắp tài sản", "vụ/năm", 31.0, 12.0),
        ],
    },
    Topic {
        field: "xay-dung-dang-doan-the",
        also: &["chuyen-doi-so", "dan-van-phan-anh-kien-nghi"],
        depts: &["ban-to-chuc-tinh-uy", "tinh-doan", "hoi-lien-hiep-phu-nu"],
        weight: 5,
        solution_types: &["giai_phap_quan_ly", "giai_phap_tac_nghiep"],
        application: "Công tác xây dựng Đảng, sinh hoạt chi bộ và hoạt động của các đoàn thể chính trị – xã hội",
        objects: &["sinh hoạt chi bộ", "hồ sơ đảng viên", "sinh hoạt chi đoàn", "quỹ hỗ trợ phụ nữ phát triển kinh tế", "tài liệu học tập nghị quyết"],
        actions: &["Đổi mới nội dung", "Số hóa", "Nâng cao chất lượng", "Ứng dụng phần mềm quản lý", "Tổ chức học tập trực tuyến"],
        tools: &["sổ tay đảng viên điện tử", "phần mềm quản lý đảng viên", "nhóm sinh hoạt trực tuyến", "mã QR tài liệu"],
        beneficiaries: &["đảng viên", "đoàn viên thanh niên", "hội viên phụ nữ", "cán bộ, đảng viên"],
        problems: &[
            "Nội dung sinh hoạt chi bộ ở {X} có lúc còn đơn điệu, chủ yếu thông báo tình hình, ít thảo luận chuyên đề.",
            "Hồ sơ đảng viên lưu giữ bằng giấy, việc tra cứu, cập nhật biến động mất nhiều thời gian.",
            "Một bộ phận đoàn viên đi làm ăn xa, khó tham gia sinh hoạt định kỳ.",
            "Tài liệu học tập, quán triệt nghị quyết in nhiều, tốn kinh phí mà ít được đọc lại.",
        ],
        solutions: &[
            "Chi bộ xây dựng chương trình sinh hoạt chuyên đề theo quý, phân công đảng viên chuẩn bị nội dung trước.",
            "Tài liệu được số hóa, phát hành qua {T}; đảng viên đọc trên điện thoại và trao đổi trong nhóm.",
            "Đoàn viên ở xa tham gia sinh hoạt qua {T}, báo cáo kết quả rèn luyện hằng tháng.",
            "Mỗi hội viên đăng ký một phần việc cụ thể, được biểu dương công khai khi hoàn thành.",
        ],
        results: &[
            "Chất lượng sinh hoạt chi bộ được nâng lên, đảng viên tham gia ý kiến nhiều hơn.",
            "Tiết kiệm kinh phí in ấn tài liệu.",
            "Tỷ lệ đoàn viên, hội viên tham gia sinh hoạt tăng.",
        ],
        tags: &["xây dựng Đảng", "sinh hoạt chi bộ", "đảng viên", "đoàn viên", "Hội Phụ nữ", "Tỉnh Đoàn"],
        metrics: &[
            ("Tỷ lệ đảng viên dự sinh hoạt chi bộ", "%", 84.0, 98.0),
            ("Chi phí in tài liệu học tập nghị quyết", "triệu đồng/năm", 60.0, 12.0),
            ("Số đoàn viên tham gia sinh hoạt trực tuyến", "người", -1.0, 350.0),
        ],
    },
    Topic {
        field: "dan-van-phan-anh-kien-nghi",
        also: &["cai-cach-hanh-chinh", "chuyen-doi-so"],
        depts: &["uy-ban-mttq", "hoi-nong-dan", "van-phong-ubnd-tinh"],
        weight: 5,
        solution_types: &["giai_phap_quan_ly", "giai_phap_tac_nghiep"],
        application: "Công tác dân vận, tiếp công dân, tiếp nhận và xử lý phản ánh, kiến nghị của người dân",
        objects: &["phản ánh, kiến nghị của người dân", "tiếp công dân", "hòa giải ở cơ sở", "đối thoại với người dân", "giám sát của cộng đồng"],
        actions: &["Tiếp nhận và xử lý trực tuyến", "Nâng cao hiệu quả", "Đổi mới cách tổ chức", "Công khai kết quả xử lý", "Xây dựng mô hình dân vận khéo trong"],
        tools: &["đường dây nóng", "mã QR phản ánh", "tài khoản Zalo OA của đơn vị", "hộp thư góp ý điện tử"],
        beneficiaries: &["người dân", "cử tri", "các hộ gia đình", "người dân và doanh nghiệp"],
        problems: &[
            "Phản ánh của người dân gửi về {X} qua nhiều kênh, không được tổng hợp chung nên có việc xử lý chậm.",
            "Một số vụ việc mâu thuẫn nhỏ trong khu dân cư kéo dài do chưa được hòa giải kịp thời.",
            "Người dân chưa được thông tin đầy đủ về kết quả giải quyết kiến nghị đã gửi.",
            "Tỷ lệ phản ánh được trả lời đúng hạn năm {y0} chỉ đạt {p}%.",
        ],
        solutions: &[
            "Mọi {O} được tiếp nhận qua {T}, ghi vào sổ theo dõi điện tử và chuyển ngay cho bộ phận phụ trách.",
            "Kết quả xử lý được công khai tại nhà văn hóa thôn và trên trang thông tin của đơn vị.",
            "Tổ hòa giải có sự tham gia của người có uy tín, già làng, trưởng bản, xử lý vụ việc ngay từ cơ sở.",
            "Lãnh đạo đơn vị đối thoại trực tiếp với người dân theo chuyên đề mỗi quý.",
        ],
        results: &[
            "Niềm tin của người dân với chính quyền được củng cố.",
            "Không phát sinh khiếu nại vượt cấp.",
            "Vụ việc được giải quyết dứt điểm ngay tại cơ sở.",
        ],
        tags: &["dân vận khéo", "phản ánh kiến nghị", "tiếp công dân", "hòa giải", "MTTQ", "đối thoại"],
        metrics: &[
            ("Tỷ lệ phản ánh được trả lời đúng hạn", "%", 70.0, 99.0),
            ("Thời gian xử lý phản ánh bình quân", "ngày", 12.0, 3.0),
            ("Số vụ việc hòa giải thành", "vụ", -1.0, 64.0),
        ],
    },
    Topic {
        field: "khoa-hoc-cong-nghe",
        also: &["chuyen-doi-so", "nong-nghiep-moi-truong"],
        depts: &["so-khoa-hoc-va-cong-nghe"],
        weight: 5,
        solution_types: &["giai_phap_ky_thuat", "giai_phap_ung_dung_tien_bo_ky_thuat"],
        application: "Ứng dụng tiến bộ khoa học, kỹ thuật và công nghệ vào quản lý và sản xuất",
        objects: &["thiết bị đo lường", "tài sản trí tuệ của địa phương", "nhiệm vụ khoa học và công nghệ", "sáng kiến của cán bộ, công chức", "dữ liệu quan trắc"],
        actions: &["Ứng dụng công nghệ IoT trong", "Quản lý trực tuyến", "Thiết kế, chế tạo", "Xây dựng cơ sở dữ liệu về", "Cải tiến"],
        tools: &["cảm biến IoT", "phần mềm mã nguồn mở", "bảng điều khiển trực tuyến", "thiết bị tự chế"],
        beneficiaries: &["doanh nghiệp", "người dân", "cán bộ, công chức", "hợp tác xã"],
        problems: &[
            "Việc theo dõi {O} tại {X} chủ yếu làm thủ công, số liệu không liên tục.",
            "Thiết bị chuyên dụng nhập khẩu giá cao, khó sửa chữa, thay thế linh kiện.",
            "Các sáng kiến đã được công nhận chưa được tập hợp, khó tra cứu để nhân rộng.",
            "Doanh nghiệp nhỏ chưa quan tâm đăng ký bảo hộ nhãn hiệu cho sản phẩm.",
        ],
        solutions: &[
            "Nhóm tác giả thiết kế hệ thống {T} thu thập số liệu tự động, gửi cảnh báo khi vượt ngưỡng.",
            "Thiết bị được chế tạo từ linh kiện sẵn có trong nước, chi phí chỉ bằng khoảng một phần ba sản phẩm nhập khẩu.",
            "Cơ sở dữ liệu về {O} được xây dựng thống nhất, tra cứu theo lĩnh vực, đơn vị và năm.",
            "Đơn vị hướng dẫn doanh nghiệp lập hồ sơ đăng ký nhãn hiệu, chỉ dẫn địa lý cho sản phẩm chủ lực.",
        ],
        results: &[
            "Tiết kiệm chi phí đầu tư thiết bị.",
            "Số liệu chính xác, liên tục phục vụ công tác quản lý.",
            "Nhiều sản phẩm địa phương được bảo hộ sở hữu trí tuệ.",
        ],
        tags: &["khoa học công nghệ", "KHCN", "IoT", "đổi mới sáng tạo", "ĐMST", "sở hữu trí tuệ"],
        metrics: &[
            ("Chi phí đầu tư thiết bị", "triệu đồng", 450.0, 150.0),
            ("Tần suất cập nhật số liệu", "lần/ngày", 1.0, 96.0),
            ("Số sản phẩm được bảo hộ nhãn hiệu", "sản phẩm", -1.0, 18.0),
        ],
    },
];

/// Sentences any topic may use, by section.
pub const GENERIC_PROBLEMS: &[&str] = &[
    "Trước khi có sáng kiến, việc {A} {O} tại {X} chủ yếu làm thủ công, mất nhiều thời gian và dễ sai sót.",
    "Nhiều {B} ở thôn, bản xa trung tâm phải đi lại nhiều lần mới hoàn thành công việc, tốn thời gian và chi phí.",
    "Số liệu được tổng hợp bằng nhiều bảng tính khác nhau, không thống nhất về biểu mẫu, khó theo dõi và báo cáo kịp thời.",
    "Kết quả khảo sát đầu năm {y} cho thấy chỉ {p}% {B} hài lòng với cách làm cũ.",
    "Cán bộ phụ trách kiêm nhiệm nhiều việc, chưa được hướng dẫn đầy đủ về nghiệp vụ và kỹ năng số.",
    "Việc tra cứu, đối chiếu thông tin giữa các bộ phận phải qua giấy tờ, mỗi lần mất từ {d} đến {d2} ngày làm việc.",
    "Địa bàn rộng, dân cư phân tán, giao thông đi lại khó khăn vào mùa mưa.",
    "Các văn bản hướng dẫn đã đầy đủ nhưng cách tổ chức thực hiện ở cơ sở còn lúng túng, mỗi nơi làm một kiểu.",
];

pub const MERGER_PROBLEMS: &[&str] = &[
    "Sau khi sắp xếp đơn vị hành chính và vận hành chính quyền địa phương hai cấp từ ngày 01/7/2025, khối lượng công việc tăng lên trong khi số cán bộ, công chức không tăng.",
    "Sau sáp nhập, địa bàn quản lý rộng hơn, dữ liệu của các đơn vị cũ chưa thống nhất về cách ghi chép.",
];

pub const GENERIC_SOLUTIONS: &[&str] = &[
    "Nhóm tác giả xây dựng quy trình {k} bước, phân công rõ người thực hiện, thời hạn và sản phẩm của từng bước.",
    "Đơn vị thành lập tổ công tác gồm công chức chuyên môn và đoàn viên thanh niên, làm việc theo lịch cố định hằng tuần.",
    "Biểu mẫu được chuẩn hóa, in sẵn mã QR dẫn tới hướng dẫn chi tiết và danh mục giấy tờ cần chuẩn bị.",
    "Kết quả thực hiện được cập nhật lên bảng theo dõi chung; lãnh đạo đơn vị kiểm tra tiến độ vào chiều thứ Sáu hằng tuần.",
    "Giải pháp không phát sinh thêm biên chế, tận dụng trang thiết bị sẵn có và kinh phí chi thường xuyên của đơn vị.",
    "Trong {m} tháng áp dụng thử, nhóm tác giả ghi nhận ý kiến góp ý của {B} và điều chỉnh quy trình cho phù hợp.",
    "Dữ liệu được sao lưu định kỳ, phân quyền truy cập theo chức trách, bảo đảm an toàn thông tin và bảo vệ dữ liệu cá nhân.",
    "Mỗi bước đều có biểu mẫu, người chịu trách nhiệm và thời hạn hoàn thành, được niêm yết tại trụ sở.",
];

/// Rows of a steps table: what is done, who does it.
pub const STEPS: &[(&str, &str)] = &[
    ("Rà soát, thống kê {O} hiện có, lập danh mục", "Công chức chuyên môn"),
    ("Số hóa, nhập dữ liệu theo biểu mẫu thống nhất", "Tổ công tác"),
    ("Đối soát 100% dữ liệu với bản gốc, đánh dấu sai lệch", "Công chức phụ trách"),
    ("Cập nhật lên hệ thống dùng chung, gắn tệp đính kèm", "Công chức phụ trách"),
    ("Công khai, hướng dẫn {B} tra cứu và sử dụng", "Bộ phận Một cửa"),
    ("Theo dõi, đánh giá và báo cáo kết quả hằng tháng", "Lãnh đạo đơn vị"),
    ("Tiếp nhận phản hồi, điều chỉnh quy trình", "Tổ công tác"),
    ("Tập huấn cho cán bộ, công chức và tổ công nghệ số cộng đồng", "Nhóm tác giả"),
];

pub const CONDITIONS: &[&str] = &[
    "Có máy tính kết nối Internet và tài khoản trên hệ thống dùng chung của tỉnh.",
    "01 máy quét tài liệu khổ A4 hoặc A3; điện thoại thông minh để chụp ảnh tài liệu.",
    "Cán bộ phụ trách được tập huấn nghiệp vụ và kỹ năng số cơ bản.",
    "Sự chỉ đạo thống nhất của lãnh đạo đơn vị; phân công rõ đầu mối chịu trách nhiệm.",
    "Kinh phí thực hiện khoảng {c} triệu đồng, từ nguồn chi thường xuyên của đơn vị.",
    "Có tổ công nghệ số cộng đồng hoặc đoàn viên thanh niên hỗ trợ.",
    "Tuân thủ quy định về lưu trữ, an toàn thông tin và bảo vệ dữ liệu cá nhân.",
    "Sự đồng thuận, tham gia của {B} và các tổ chức đoàn thể ở cơ sở.",
];

pub const GENERIC_RESULTS: &[&str] = &[
    "Tỷ lệ {B} hài lòng tăng từ {p}% lên {p3}%.",
    "Tiết kiệm khoảng {c} triệu đồng chi phí in ấn, đi lại mỗi năm.",
    "Giảm số lần {B} phải đi lại; công chức có thêm thời gian cho công việc chuyên môn.",
    "Dữ liệu được chuẩn hóa, phục vụ kịp thời công tác chỉ đạo, điều hành và báo cáo.",
    "Nâng cao kỹ năng số cho cán bộ, công chức và người dân.",
    "Góp phần hoàn thành các chỉ tiêu về CCHC và chuyển đổi số của {P}.",
];

pub const REPLICATE: &[&str] = &[
    "Giải pháp có thể áp dụng ở các xã, phường có điều kiện tương tự mà không cần đầu tư lớn.",
    "Tài liệu hướng dẫn, biểu mẫu và quy trình được chia sẻ công khai để các đơn vị tham khảo.",
    "Đơn vị sẵn sàng cử cán bộ hướng dẫn trực tiếp hoặc trực tuyến cho các đơn vị có nhu cầu.",
    "Cách làm phù hợp với cả vùng đồng bằng và miền núi; ở nơi đường truyền yếu có thể làm theo từng đợt.",
    "Các cơ quan, đơn vị cấp tỉnh có thể vận dụng quy trình cho lĩnh vực của mình.",
];

pub const SUMMARY_METHODS: &[&str] = &[
    "Quy trình {k} bước {A} {O} bằng {T}",
    "Ứng dụng {T} để {A} {O}",
    "Mô hình phối hợp giữa {X} và tổ công nghệ số cộng đồng nhằm {A} {O}",
    "Cách làm mới trong việc {A} {O}, có phân công rõ người, rõ việc",
    "Bộ biểu mẫu và quy trình thống nhất giúp {A} {O}",
];

pub const SUMMARY_BENEFITS: &[&str] = &[
    "giúp {B} tiết kiệm thời gian, không phải đi lại nhiều lần",
    "giúp {B} tiếp cận thông tin nhanh, công khai, minh bạch",
    "nâng cao chất lượng phục vụ {B}",
    "giảm tải cho cán bộ, công chức và hạn chế sai sót",
    "được {B} đồng tình, hưởng ứng",
];

pub const TITLE_TAILS: &[&str] = &[
    " tại {X}",
    " trên địa bàn {P}",
    " nhằm nâng cao chất lượng phục vụ {B}",
    " tại {X}, {P}",
    "",
    " giai đoạn {y0}–{y}",
];

pub const BY_ADOPTERS: &[&str] = &[
    "{B} đánh giá cách làm thuận tiện, dễ thực hiện; phần lớn ý kiến đề nghị duy trì.",
    "Bộ phận trực tiếp áp dụng xác nhận khối lượng công việc giảm, sai sót được phát hiện sớm.",
    "Các thôn, tổ dân phố áp dụng thử đều hoàn thành đúng kế hoạch, không phát sinh chi phí lớn.",
];

pub const REPL_OUTCOMES: &[&str] = &[
    "Áp dụng toàn bộ quy trình; kết quả bước đầu tương tự đơn vị chủ quản.",
    "Áp dụng có điều chỉnh cho phù hợp với địa bàn miền núi; thời gian xử lý giảm khoảng một nửa.",
    "Đã triển khai ở {k} thôn, tổ dân phố; dự kiến mở rộng toàn đơn vị trong năm.",
    "Áp dụng biểu mẫu và cách phân công; tỷ lệ hồ sơ đúng hạn đạt {p3}%.",
];

pub const CONTACT_CHANNELS: &[&str] = &[
    "Bộ phận Một cửa (điện thoại cơ quan niêm yết tại trụ sở)",
    "Văn phòng đơn vị, hộp thư điện tử công vụ của cơ quan",
    "Đường dây nóng của cơ quan (giờ hành chính)",
    "Tổ công tác chuyển đổi số của đơn vị",
];

pub const SURNAMES: &[&str] = &[
    "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
    "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đoàn", "Lương", "Mai", "Tạ", "Cao",
];
pub const SURNAMES_NORTH_MOUNTAIN: &[&str] = &[
    "Nông", "Hoàng", "Ma", "Lò", "Hà", "Vi", "Lục", "Triệu", "Bế", "La", "Đàm", "Lục", "Sầm", "Lường", "Giàng", "Sùng",
];
pub const MIDDLE_M: &[&str] =
    &["Văn", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Công", "Xuân", "Ngọc", "Duy", "Tiến", "Mạnh"];
pub const MIDDLE_F: &[&str] = &["Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Minh", "Hồng", "Thùy", "Phương", "Mỹ"];
pub const GIVEN_M: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khánh", "Khoa", "Lâm", "Long",
    "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Thành", "Toàn", "Trung", "Tuấn", "Việt",
    "Vinh",
];
pub const GIVEN_F: &[&str] = &[
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hương", "Huệ", "Lan", "Liên", "Linh", "Loan",
    "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thủy", "Trang", "Tuyết", "Vân", "Yến", "Thúy",
];

pub const POS_COMMUNE: &[&str] = &[
    "Chủ tịch UBND {u}",
    "Phó Chủ tịch UBND {u}",
    "Chánh Văn phòng HĐND và UBND {u}",
    "Trưởng phòng Kinh tế",
    "Trưởng phòng Văn hóa – Xã hội",
    "Chuyên viên Văn phòng HĐND và UBND",
    "Công chức Tư pháp – Hộ tịch",
    "Công chức Địa chính – Xây dựng",
    "Bí thư Đoàn {u}",
    "Chủ tịch Hội Liên hiệp Phụ nữ {u}",
    "Công chức Tài chính – Kế toán",
];
pub const POS_DEPT: &[&str] = &[
    "Giám đốc Sở",
    "Phó Giám đốc Sở",
    "Chánh Văn phòng Sở",
    "Trưởng phòng",
    "Phó Trưởng phòng",
    "Chuyên viên",
    "Chuyên viên chính",
];
pub const POS_SCHOOL: &[&str] =
    &["Hiệu trưởng", "Phó Hiệu trưởng", "Giáo viên", "Tổ trưởng chuyên môn", "Giáo viên chủ nhiệm"];
pub const POS_CLINIC: &[&str] = &["Trạm trưởng", "Bác sĩ", "Y sĩ", "Điều dưỡng", "Nữ hộ sinh"];
pub const POS_HOSPITAL: &[&str] =
    &["Giám đốc Bệnh viện", "Trưởng khoa Khám bệnh", "Bác sĩ", "Điều dưỡng trưởng", "Kỹ thuật viên"];
pub const POS_CENTER: &[&str] =
    &["Giám đốc Trung tâm", "Phó Giám đốc Trung tâm", "Viên chức tiếp nhận hồ sơ", "Công chức một cửa"];
pub const POS_FORCE: &[&str] = &["Trưởng phòng", "Phó Trưởng phòng", "Đội trưởng", "Cán bộ", "Chiến sĩ"];
pub const POS_PARTY: &[&str] = &["Phó Trưởng ban", "Trưởng phòng", "Chuyên viên", "Chuyên viên chính"];
pub const POS_MASS: &[&str] = &["Phó Chủ tịch", "Trưởng ban", "Chuyên viên", "Phó Bí thư"];
