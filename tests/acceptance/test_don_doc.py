"""After the deadline, the province clerk sends the reminder dispatch: `docgen tong-hop … --don-doc [--han-moi DATE]`.

On a folder of the 2022 sample with two districts' files removed and one dated after
31/3/2022, `cong-van-don-doc.docx` names exactly those three units, cites 1031/MTTQ-BTT
and its deadline, gives the new deadline and passes `docgen the-thuc`; on the full
sample nothing is written and the console says why; the two-level 2026 campaign
reminds the communes missing from the province list.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import shutil
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from docgen import api, cli
from docgen.records.form import FACTS_SHEET
from docgen.records.units import DATA_DIR

SAMPLE_2022 = DATA_DIR / "mau" / "2022-dien-bien"
SAMPLE_2026 = DATA_DIR / "mau" / "2026-dien-bien"
REMINDER = "cong-van-don-doc.docx"


def _report_date(path: Path, day: dt.date) -> None:
    wb = load_workbook(path)
    ws = wb[FACTS_SHEET]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Ngày báo cáo")
    ws.cell(row, 2).value = day
    wb.save(path)


@pytest.fixture(scope="module")
def behind(tmp_path_factory):
    """Return (folder, out, console, exit code): Mường Nhé and Nậm Pồ removed, Tủa Chùa dated 02/4/2022."""
    folder = tmp_path_factory.mktemp("nop")
    for f in SAMPLE_2022.iterdir():
        if f.name not in ("muong-nhe.xlsx", "nam-po.xlsx"):
            shutil.copy2(f, folder / f.name)
    _report_date(folder / "tua-chua.xlsx", dt.date(2022, 4, 2))
    out = tmp_path_factory.mktemp("ra")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = cli.main(["tong-hop", str(folder), "-o", str(out), "--don-doc", "--han-moi", "15/4/2022"])
    return folder, out, buf.getvalue(), code


def _paragraphs(path: Path) -> list[str]:
    document = docx.Document(str(path))
    cells = [p.text for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    return [p.text for p in document.paragraphs] + cells


def test_the_reminder_names_exactly_the_missing_and_the_late_districts(behind):
    _, out, console, code = behind
    texts = _paragraphs(out / REMINDER)
    kinh_gui = [t for t in texts if t.startswith("- Ban Thường trực Ủy ban MTTQ Việt Nam ")]
    assert kinh_gui == ["- Ban Thường trực Ủy ban MTTQ Việt Nam huyện Mường Nhé;",
                        "- Ban Thường trực Ủy ban MTTQ Việt Nam huyện Tủa Chùa;",
                        "- Ban Thường trực Ủy ban MTTQ Việt Nam huyện Nậm Pồ."]
    body = "\n".join(texts)
    assert "chưa nhận được báo cáo của huyện Mường Nhé, huyện Nậm Pồ." in body
    assert "Báo cáo của huyện Tủa Chùa (ngày 02/04/2022) gửi về sau thời hạn" in body
    assert "Công văn số 1031/MTTQ-BTT" in body and "trước ngày 31/03/2022" in body and "trước ngày 15/04/2022" in body
    assert "V/v đôn đốc báo cáo kết quả thực hiện Công văn số 1031/MTTQ-BTT" in body
    assert "Giàng Trọng Bình" in body and "- Lưu: VT, DCPL." in body
    assert ("Công văn đôn đốc gửi 3 đơn vị (chưa báo cáo: Huyện Mường Nhé, Huyện Nậm Pồ; trễ hạn: Huyện Tủa Chùa); "
            "hạn mới 15/04/2022.") in console
    assert code == 1


def test_the_reminder_passes_the_format_and_schema_checks(behind, ooxml_check):
    _, out, console, _ = behind
    [result] = api.the_thuc([out / REMINDER])
    assert result.kind == "công văn" and result.errors == [], [f.to_dict() for f in result.errors]
    assert f"Thể thức (NĐ 30/2020): không có lỗi ({REMINDER})" in console
    ooxml_check(out / REMINDER)


def test_nothing_is_written_when_every_unit_reported_on_time(tmp_path, capsys):
    assert cli.main(["tong-hop", str(SAMPLE_2022), "-o", str(tmp_path), "--don-doc"]) == 1
    assert "Công văn đôn đốc: mọi đơn vị đã báo cáo đúng hạn, không cần đôn đốc (không ghi tệp)." in capsys.readouterr().out
    assert not (tmp_path / REMINDER).exists()


def test_a_new_deadline_before_the_missed_one_or_unreadable_is_refused(behind, tmp_path, capsys):
    folder = behind[0]
    assert cli.main(["tong-hop", str(folder), "-o", str(tmp_path), "--don-doc", "--han-moi", "20/3/2022"]) == 2
    assert "Hạn mới của công văn đôn đốc (20/03/2022) phải sau hạn báo cáo đã qua (31/03/2022)" in capsys.readouterr().err
    assert cli.main(["tong-hop", str(folder), "-o", str(tmp_path), "--don-doc", "--han-moi", "mai"]) == 2
    assert "Không hiểu ngày «mai» của --han-moi" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_an_existing_reminder_is_not_overwritten_without_ghi_de(behind, capsys):
    folder, out, _, _ = behind
    assert cli.main(["tong-hop", str(folder), "-o", str(out), "--don-doc", "--han-moi", "15/4/2022"]) == 2
    assert "--ghi-de" in capsys.readouterr().err


def test_the_two_level_campaign_reminds_the_communes_missing_from_the_province_list(tmp_path, ooxml_check):
    folder = tmp_path / "nop"
    folder.mkdir()
    for path in SAMPLE_2026.glob("*.xlsx"):
        shutil.copy2(path, folder / path.name)
    gone = ["Xã Mường Phăng", "Phường Mường Lay", "Xã Thanh Nưa"]
    for name in ("xa-muong-phang", "phuong-muong-lay", "xa-thanh-nua"):
        (folder / f"{name}.xlsx").unlink()
    gone += ["Xã Sín Thầu", "Xã Mường Luân", "Xã Quài Tở"]   # the sample's own: two missing, one late
    result = api.tong_hop(folder, "2026-ra-soat-trang-cong-dong", tmp_path / "ra", don_doc=True, han_moi="2026-04-10")
    assert sorted(r.unit.full_name for r in result.reminder.units) == sorted(gone)
    kinh_gui = [t for t in _paragraphs(result.reminder.path) if t.startswith("- Ban Thường trực")]
    assert [k.split("Việt Nam ")[1].rstrip(";.") for k in kinh_gui] == [
        r.unit.label for r in result.reminder.units]
    [check] = api.the_thuc([result.reminder.path])
    assert check.errors == []
    ooxml_check(result.reminder.path)
