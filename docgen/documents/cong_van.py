"""The province's instruction dispatch (công văn) of a campaign: its template context.

Everything comes from the campaign file's `[van_ban]` table (see
docs/chien-dich.md); this module only shapes it for the ND30 frame
(templates/cong_van.docx) and the blank Phụ lục form (templates/phu_luc.docx).
No XML, no paths.
"""

from __future__ import annotations

from docgen.campaigns.campaign import Campaign, load_campaign
from docgen.campaigns.dispatch import Dispatch, Paragraph
from docgen.documents import frame
from docgen.documents.phu_luc import headers, reference
from docgen.errors import CampaignError, Location
from docgen.records.form import GROUP_NUMERALS
from docgen.vntext import clean

TEMPLATE = "cong_van.docx"
ANNEX_TEMPLATE = "phu_luc.docx"
OUTPUT_NAME = "cong-van.docx"

# The names a công văn template can use besides the frame's (`frame.VARIABLES`): docs/mau-van-ban.md lists both.
VARIABLES: dict[str, str] = {
    "loai": "Tên loại văn bản viết thường, «Công văn» (dòng «Kèm theo Công văn số …» của Phụ lục, PL-05).",
    "vv": "Dòng trích yếu của công văn đã ghép sẵn, «V/v …» (ô 5b, VV-01).",
    "can_cu": "Các dòng «Căn cứ …» (in nghiêng, BD-06); cũng có trong noi_dung với loai = «can_cu».",
    "phu_luc": "Dữ liệu của Phụ lục gửi kèm (mẫu phu_luc.docx dùng trực tiếp các tên bên trong): tieu_de (tên danh "
    "sách, chữ in hoa, PL-03), kem_theo (dòng «Kèm theo Công văn số …», không có ngoặc, PL-04), nhom (các nhóm I, "
    "II …: so, ten, dong = các dòng trống 1, 2, 3 … với đủ các cột của biểu mẫu), bieu_mau_don_vi (dòng tên đơn vị điền "
    "biểu), bieu_mau_vi_du (các dòng ví dụ in dưới bảng).",
}


def _paragraph(p: Paragraph) -> dict:
    """Return one body block as the frame reads it: loai, dam (bold lead), thuong (plain part), text, cap."""
    return {"loai": p.kind, "dam": p.bold, "thuong": p.plain, "text": p.full, "cap": p.depth}


def _blank_row(tt: str, keys) -> dict:
    return {key: "" for key in keys} | {"tt": tt}


def annex_groups(campaign: Campaign, blank_rows: int) -> list[dict]:
    """Return the blank Phụ lục's groups: one per level (I Cấp huyện, II Cấp xã …) with its empty rows.

    The first level's group holds one unnumbered row, the reporting unit's own;
    each lower level gets `blank_rows` numbered rows and a "..." row.

    >>> [(g["so"], g["ten"], [r["tt"] for r in g["dong"]]) for g in annex_groups(load_campaign(), 3)]
    [('I', 'Cấp huyện', ['']), ('II', 'Cấp xã', ['1', '2', '3', '...'])]
    """
    groups, keys = [], [c.key for c in campaign.columns]
    for i, level in enumerate(campaign.levels):
        numbered = [_blank_row(str(n), keys) for n in range(1, blank_rows + 1)] + [_blank_row("...", keys)]
        rows = [_blank_row("", keys)] if i == 0 else numbered
        groups.append({"so": GROUP_NUMERALS[i], "ten": level.title, "dong": rows})
    return groups


def dispatch_of(campaign: Campaign) -> Dispatch:
    """Return the campaign's dispatch; raise CampaignError naming the missing key when it has none."""
    if campaign.dispatch is not None:
        return campaign.dispatch
    where = Location(str(campaign.folder / "chien-dich.toml"))
    raise CampaignError("Chiến dịch chưa có nội dung công văn: thiếu khóa «van_ban.muc».", where.at("van_ban.muc"))


def annex_template(campaign: Campaign) -> str:
    """Return the name of the template of the dispatch's blank Phụ lục."""
    return ANNEX_TEMPLATE if campaign.pages else "phu_luc_bang.docx"


def annex_context(campaign: Campaign, d: Dispatch, parent: dict) -> dict:
    """Return the blank Phụ lục's own template context (templates/phu_luc.docx); `parent` is the dispatch's.

    A campaign with its own form gets that form's blank table (templates/phu_luc_bang.docx).
    """
    if not campaign.pages:
        from docgen.documents.form_report import blank_appendix

        return blank_appendix(campaign, parent, d.annex_rows)
    return {
        "tieu_de": clean(" ".join(d.annex_title) or campaign.report.appendix_title).upper(),
        "kem_theo": reference(parent),
        "nhom": annex_groups(campaign, d.annex_rows),
        "bieu_mau_don_vi": d.annex_unit,
        "bieu_mau_vi_du": list(d.annex_example),
        **headers(campaign),
    }


def build_context(campaign: Campaign | str) -> dict:
    """Return the template context of the campaign's dispatch, with its blank Phụ lục's under "phu_luc".

    Names and meanings are in `frame.VARIABLES` and `VARIABLES`. Raises
    CampaignError when the campaign file has no dispatch (`[[van_ban.muc]]`).
    """
    if not isinstance(campaign, Campaign):
        campaign = load_campaign(campaign)
    d = dispatch_of(campaign)
    # A sample campaign or a placeholder signer ("Nguyễn Văn A") gives a marked draft: no number, date or name.
    draft = frame.draft_reason(0, d.signature.name, "chiến dịch mẫu" if campaign.sample else "")
    number, date = ("", None) if draft else (d.number, d.date)
    name = "" if draft and frame.is_placeholder(d.signature.name) else d.signature.name
    sign = frame.signature(d.signature.authority, d.signature.title, name, campaign.deputy_form)
    context = {
        "loai_van_ban": "",
        "loai": d.kind,
        "co_quan_chu_quan": list(d.supervising),
        "co_quan_ban_hanh": list(d.issuing),
        "co_quan": d.issuer,
        **frame.number_and_date(number, d.symbol, date, d.year or (d.date.year if d.date else None), d.place),
        "du_thao": (frame.SAMPLE_MARK if campaign.sample else frame.DRAFT_MARK) if draft else "",
        "trich_yeu": d.subject,
        "vv": f"V/v {d.subject}",
        "kinh_gui": frame.recipients(d.recipients),
        "noi_dung": [_paragraph(p) for p in d.body],
        "can_cu": [p.text for p in d.body if p.kind == "can_cu"],
        "noi_nhan": frame.dash_list(d.cc),  # as the campaign writes them: no "Như trên" added
        **sign,
    }
    context["phu_luc"] = annex_context(campaign, d, context)
    return context
