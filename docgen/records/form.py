"""What every collection form shares, whatever the campaign: group numerals, the facts sheet and its
generic report facts (number, date, signer …).

A campaign's own columns and its own facts fields are campaign data (`[bieu_mau]` of its
chien-dich.toml, typed by docgen.campaigns.form); nothing here names a page, a person or a link.
"""

from __future__ import annotations

from dataclasses import dataclass

# Roman numerals of the group rows, one group per reporting level of the campaign ("I" Cấp huyện, "II" Cấp xã).
GROUP_NUMERALS = ("I", "II", "III", "IV")

# The facts sheet (or Word section) that goes with the form.
FACTS_SHEET = "Thông tin"


@dataclass(frozen=True)
class FactField:
    key: str      # field of model.Facts (or a key of Facts.extra for a campaign's own field)
    label: str    # label in column A of the "Thông tin" sheet (or first column of the Word table)
    hint: str     # what to type
    choices: tuple[str, ...] = ()   # list validation in the workbook ("Có", "Không" for a yes/no field)
    kind: str = "chu"               # how the reader takes the value: "chu", "co_khong", "ngay", "danh_sach"


# The facts of any report: who reports, its number and date, who signs, where it goes. A campaign adds its
# own fields between them (`[[bieu_mau.thong_tin]]`, placed by `sau`).
REPORT_FACTS: tuple[FactField, ...] = (
    FactField("don_vi", "Đơn vị báo cáo", "Tên đơn vị gửi báo cáo, đủ cấp và tên như trong danh mục (đã điền sẵn)."),
    FactField("so", "Số báo cáo", "Chỉ số, ví dụ: 15. Để trống khi chưa lấy số (bản dự thảo)."),
    FactField("ngay", "Ngày báo cáo", "Ngày ký, dạng ngày/tháng/năm (ô ngày của Excel cũng được). Để trống khi chưa ký.",
              kind="ngay"),
    FactField("nguoi_ky", "Người ký", "Họ và tên người ký."),
    FactField("chuc_vu", "Chức vụ người ký", "CHỦ TỊCH hoặc PHÓ CHỦ TỊCH.", ("CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
    FactField("tham_quyen", "Thẩm quyền ký", "TM. BAN THƯỜNG TRỰC; cấp phó ký thay: KT. CHỦ TỊCH.",
              ("TM. BAN THƯỜNG TRỰC", "KT. CHỦ TỊCH")),
    FactField("noi_nhan", "Nơi nhận", "Mỗi nơi nhận một dòng. Không ghi nơi đã có ở «Kính gửi» (đã có dòng «Như trên»), "
              "không ghi «Lưu».", kind="danh_sach"),
    FactField("luu", "Lưu", "Ký hiệu đơn vị soạn thảo sau «Lưu: VT,», ví dụ: VP."),
    FactField("de_xuat", "Đề xuất, kiến nghị", "Mỗi đề xuất một dòng.", kind="danh_sach"),
    FactField("danh_gia", "Đánh giá chung", "Một đoạn đánh giá chung kết quả của đơn vị. Để trống khi không có."),
    FactField("nguyen_nhan", "Nguyên nhân hạn chế", "Nguyên nhân của các tồn tại, hạn chế."),
    FactField("han_khac_phuc", "Hạn khắc phục tồn tại", "Ngày sẽ khắc phục xong các tồn tại, dạng ngày/tháng/năm. Để trống khi không có.",
              kind="ngay"),
)
