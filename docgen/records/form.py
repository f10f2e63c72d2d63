"""The Phụ lục form of dispatch 1031/MTTQ-BTT: its columns, header texts and group rows.

Readers find the table by these header texts; the collection workbook and the
Phụ lục template write them. One definition, so the three stay in step.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str          # key in RawRow.cells / Record (see model.COLUMNS)
    group: str        # first header row ("" when the header spans both rows)
    header: str       # header text (second row under a group, else the only one)
    hint: str         # what the clerk must type (Excel input message)
    width: float      # column width in Excel characters (and relative width in Word)


COLUMNS: tuple[Column, ...] = (
    Column("tt", "", "TT", "Số thứ tự: I, II cho dòng nhóm; 1, 2, 3… cho từng xã.", 5),
    Column("don_vi", "", "Đơn vị", "Tên đơn vị theo danh mục, ví dụ: Xã Chung Chải.", 22),
    Column("ten_trang", "", "Tên Trang", "Tên «Trang cộng đồng» đúng mẫu, ví dụ: Mặt trận Chung Chải (huyện Mường Nhé, tỉnh Điện Biên).", 34),
    Column("lien_ket", "", "Địa chỉ liên kết", "Đường dẫn tới Trang, ví dụ: https://www.facebook.com/mattranchungchai. Chưa lập Trang: ghi «Chưa có» hoặc «Đang xây dựng», để trống Tên Trang.", 32),
    Column("ld_ten", "Lãnh đạo phụ trách", "Họ và tên", "Họ và tên lãnh đạo phụ trách.", 20),
    Column("ld_sdt", "Lãnh đạo phụ trách", "Số điện thoại", "Số điện thoại, gõ đủ số 0 đầu, ví dụ: 0912 345 678.", 14),
    Column("ld_email", "Lãnh đạo phụ trách", "Địa chỉ hộp thư điện tử", "Địa chỉ thư điện tử, ví dụ: ten@gmail.com.", 24),
    Column("vh_ten", "Cán bộ quản lý, vận hành", "Họ và tên", "Họ và tên cán bộ quản lý, vận hành Trang.", 20),
    Column("vh_sdt", "Cán bộ quản lý, vận hành", "Số điện thoại", "Số điện thoại, gõ đủ số 0 đầu, ví dụ: 0969 123 456.", 14),
    Column("vh_email", "Cán bộ quản lý, vận hành", "Địa chỉ hộp thư điện tử", "Địa chỉ thư điện tử, ví dụ: ten@gmail.com.", 24),
)

# Roman numerals of the group rows, one group per reporting level of the campaign ("I" Cấp huyện, "II" Cấp xã).
GROUP_NUMERALS = ("I", "II", "III", "IV")

# The facts sheet (or Word section) that goes with the form.
FACTS_SHEET = "Thông tin"


@dataclass(frozen=True)
class FactField:
    key: str      # field of model.Facts
    label: str    # label in column A of the "Thông tin" sheet (or first column of the Word table)
    hint: str     # what to type


FACT_FIELDS: tuple[FactField, ...] = (
    FactField("don_vi", "Đơn vị báo cáo", "Tên đơn vị gửi báo cáo, ví dụ: Huyện Mường Nhé."),
    FactField("so", "Số báo cáo", "Chỉ số, ví dụ: 15. Để trống khi chưa lấy số (bản dự thảo)."),
    FactField("ngay", "Ngày báo cáo", "Ngày ký, dạng ngày/tháng/năm, ví dụ: 10/3/2022. Để trống khi chưa ký."),
    FactField("nguoi_ky", "Người ký", "Họ và tên người ký."),
    FactField("chuc_vu", "Chức vụ người ký", "CHỦ TỊCH hoặc PHÓ CHỦ TỊCH."),
    FactField("tham_quyen", "Thẩm quyền ký", "TM. BAN THƯỜNG TRỰC; cấp phó ký thay: KT. CHỦ TỊCH."),
    FactField("noi_nhan", "Nơi nhận", "Mỗi nơi nhận một dòng. Không ghi nơi đã có ở «Kính gửi» (đã có dòng «Như trên»), không ghi «Lưu»."),
    FactField("luu", "Lưu", "Ký hiệu đơn vị soạn thảo sau «Lưu: VT,», ví dụ: VP."),
    FactField("co_ke_hoach", "Đã xây dựng kế hoạch hoạt động", "Có hoặc Không."),
    FactField("bao_cao_cap_uy", "Đã báo cáo Thường trực cấp ủy", "Có hoặc Không."),
    FactField("de_xuat", "Đề xuất, kiến nghị", "Mỗi đề xuất một dòng."),
    FactField("huong_dan", "Văn bản hướng dẫn cấp dưới",
              "Số, ngày văn bản đơn vị đã ban hành để hướng dẫn cấp dưới, ví dụ: Công văn số 12/MTTQ-BTT ngày 01/3/2022."),
    FactField("ke_hoach_cap_duoi", "Cấp dưới đã xây dựng kế hoạch, báo cáo cấp ủy",
              "Số đơn vị cấp dưới đã xây dựng kế hoạch và báo cáo Thường trực cấp ủy, ví dụ: 17/19."),
    FactField("danh_gia", "Đánh giá chung", "Một đoạn đánh giá kết quả. Để trống: docgen viết theo số liệu."),
    FactField("nguyen_nhan", "Nguyên nhân hạn chế", "Nguyên nhân của các tồn tại, hạn chế."),
    FactField("han_khac_phuc", "Hạn khắc phục tồn tại", "Ngày sẽ khắc phục xong các tồn tại, ví dụ: 15/4/2022."),
)

# Fixed choices of some facts (list validation in the workbook; readers may accept only these).
FACT_CHOICES: dict[str, tuple[str, ...]] = {
    "chuc_vu": ("CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    "tham_quyen": ("TM. BAN THƯỜNG TRỰC", "KT. CHỦ TỊCH"),
    "co_ke_hoach": ("Có", "Không"),
    "bao_cao_cap_uy": ("Có", "Không"),
}
