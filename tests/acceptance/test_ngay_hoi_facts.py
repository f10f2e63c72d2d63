"""What a commune types on its «Thông tin» sheet reaches its report (nothing lost), and a blank fact
prints no empty heading: {danh_gia}, {nguyen_nhan}, {han_khac_phuc} of the festival campaign."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import docx
from openpyxl import load_workbook

from docgen import api

CAMPAIGN = "2026-ngay-hoi-dai-doan-ket"
SAMPLE = Path(__file__).resolve().parents[2] / "data" / "mau" / CAMPAIGN / "ngay-hoi-xa-muong-ang.xlsx"
TYPED = {"Đánh giá chung": "Ngày hội được tổ chức trang trọng, thiết thực, đông đảo nhân dân tham gia.",
         "Nguyên nhân hạn chế": "Một số bản ở xa, đường đi lại khó khăn",
         "Hạn khắc phục tồn tại": dt.datetime(2026, 12, 15)}


def _report(tmp_path: Path, facts: dict) -> str:
    folder = tmp_path / "in"
    folder.mkdir()
    book = folder / SAMPLE.name
    shutil.copy(SAMPLE, book)
    wb = load_workbook(book)
    info = wb["Thông tin"]
    rows = {info.cell(r, 1).value: r for r in range(1, info.max_row + 1)}
    for label in TYPED:   # the shipped sample predates these rows: add them where a blank workbook has them
        r = rows.get(label) or info.max_row + 1
        info.cell(r, 1).value, info.cell(r, 2).value = label, facts.get(label)
    wb.save(book)
    result = api.bao_cao([folder], tmp_path / "out", chien_dich=CAMPAIGN)
    assert result.refused == () and len(result.written) == 1
    assert [f.rule for c in result.written[0].format_checks for f in c.errors] == []   # ND30 still holds
    written = next((tmp_path / "out").rglob("*.docx"))
    return "\n".join(p.text for p in docx.Document(written).paragraphs)


def test_the_facts_a_commune_types_are_read_back_from_its_report(tmp_path):
    text = _report(tmp_path, TYPED)
    assert "II. ĐÁNH GIÁ CHUNG\n" + TYPED["Đánh giá chung"] in text
    assert "- Nguyên nhân: Một số bản ở xa, đường đi lại khó khăn." in text
    assert "- Thời hạn khắc phục: 15/12/2026." in text
    assert "IV. ĐỀ XUẤT, KIẾN NGHỊ" in text


def test_blank_facts_leave_no_empty_heading_and_no_gap_in_numbering(tmp_path):
    text = _report(tmp_path, {})
    assert "ĐÁNH GIÁ CHUNG" not in text and "TỒN TẠI, HẠN CHẾ" not in text and "Nguyên nhân" not in text
    assert "{" not in text
    assert "II. ĐỀ XUẤT, KIẾN NGHỊ" in text   # renumbered after the parts left out (ND30 headings I, II …)


def test_a_form_campaign_without_loi_van_marks_an_unreported_unit_in_its_appendix(tmp_path):
    from docgen.campaigns.campaign import load_campaign
    from docgen.documents.form_report import table_rows

    folder = Path(__file__).resolve().parents[2] / "data" / "chien-dich" / CAMPAIGN
    text = (folder / "chien-dich.toml").read_text(encoding="utf-8")
    start = text.index("[loi_van]")
    end = text.index("\n[", start + 1)
    copy = tmp_path / CAMPAIGN
    shutil.copytree(folder, copy)
    (copy / "chien-dich.toml").write_text(text[:start] + text[end:], encoding="utf-8")
    campaign = load_campaign(copy)
    unit = next(iter(campaign.units.descendants(campaign.province)))
    rows, _ = table_rows(campaign, (), (unit,))
    assert rows[0][:3] == ["1", unit.full_name, "Chưa báo cáo"]   # the default campaign's words, not a blank row


def _commune_report(tmp_path: Path, sample: str) -> str:
    folder = tmp_path / sample
    folder.mkdir()
    shutil.copy(SAMPLE.parent / sample, folder)
    result = api.bao_cao([folder], tmp_path / f"out-{sample}", chien_dich=CAMPAIGN)
    assert result.refused == () and len(result.written) == 1
    written = next((tmp_path / f"out-{sample}").rglob("*.docx"))
    return "\n".join(p.text for p in docx.Document(written).paragraphs)


def test_a_part_with_khi_prints_only_where_the_units_row_meets_it(tmp_path):
    said = "Chủ tịch Ủy ban MTTQ Việt Nam xã dự Ngày hội tại khu dân cư."
    attended = _commune_report(tmp_path, "ngay-hoi-xa-cha-to.xlsx")      # chu_tich_du = Có
    absent = _commune_report(tmp_path, "ngay-hoi-xa-muong-ang.xlsx")     # chu_tich_du = Không
    assert said in attended and said not in absent
    assert "Số liệu chi tiết tại Phụ lục kèm theo." in absent


def test_the_dispatch_quotes_the_window_its_date_columns_declare(tmp_path):
    from docgen.campaigns.campaign import load_campaign

    campaign = load_campaign(CAMPAIGN)
    column = campaign.form.column("tu_ngay")
    said = "\n".join(p.text for p in campaign.dispatch.body)
    assert f"từ ngày {column.first_day:%d/%m/%Y} đến ngày {campaign.form.column('den_ngay').last_day:%d/%m/%Y}" in said
    assert "{" not in said


def test_a_window_placeholder_on_a_column_without_that_date_is_named_with_its_key(tmp_path, capsys):
    from docgen.cli import main

    folder = Path(__file__).resolve().parents[2] / "data" / "chien-dich" / CAMPAIGN
    copy = tmp_path / CAMPAIGN
    shutil.copytree(folder, copy)
    toml = copy / "chien-dich.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("{tu_ngay.tu_ngay}", "{tu_ngay.kinh_phi}"),
                    encoding="utf-8")
    assert main(["chien-dich", "kiem-tra", str(copy)]) == 2
    said = capsys.readouterr()
    assert "«{tu_ngay.kinh_phi}»: cột «kinh_phi» của [bieu_mau] không khai «tu_ngay»" in said.out + said.err
    assert "van_ban.muc" in said.out + said.err
