"""Make the pictures of docs/kiem-tra.md and docs/tong-hop.md from real outputs (needs LibreOffice and poppler).

    python scripts/docs_pictures.py

1. `docgen kiem-tra data/mau/2022-dien-bien/muong-nhe.xlsx --tra-lai …`: the annotated copy is
   rendered as it is, except that, for the picture only, two notes are shown open (Excel shows a
   note when the mouse is on its cell) and the sheet is printed on one landscape page.
   → docs/img/tra-lai-ghi-chu.png (the Phụ lục sheet) and docs/img/tra-lai-danh-sach.png (the list).
2. `docgen tong-hop` on the sample without two districts, one dated late, with `--don-doc`:
   → docs/img/cong-van-don-doc.png (first page of the reminder dispatch).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import load_workbook  # noqa: E402

from docgen import api  # noqa: E402
from docgen.ooxml.sml import q  # noqa: E402
from docgen.ooxml.sml.package import Workbook  # noqa: E402

SAMPLE = ROOT / "data" / "mau" / "2022-dien-bien"
IMG = ROOT / "docs" / "img"
SHOWN = {(11, 5), (19, 1)}   # 0-based (row, column) of the notes shown open: F12 (SDT-01), B20 (DV-04)


def display_copy(annotated: Path, target: Path) -> None:
    """Write `annotated` with the SHOWN notes open and its first sheet fitted on one landscape page."""
    wb = Workbook(annotated.read_bytes())
    vml_name = next(n for n in wb.names() if n.endswith(".vml"))
    vml = wb.edit(vml_name)
    for shape in vml.iter("{urn:schemas-microsoft-com:vml}shape"):
        row = shape.findtext("{urn:schemas-microsoft-com:office:excel}ClientData/{urn:schemas-microsoft-com:office:excel}Row")
        col = shape.findtext("{urn:schemas-microsoft-com:office:excel}ClientData/{urn:schemas-microsoft-com:office:excel}Column")
        if (int(row), int(col)) in SHOWN:
            shape.set("style", shape.get("style").replace("visibility:hidden", "visibility:visible"))
    _, part = wb.sheets()[0]
    sheet = wb.edit(part)
    pr = sheet.find(q("sheetPr"))
    setup = pr.find(q("pageSetUpPr"))
    (setup if setup is not None else pr.makeelement(q("pageSetUpPr"), {})).set("fitToPage", "1")
    if setup is None:
        pr.append(pr.makeelement(q("pageSetUpPr"), {"fitToPage": "1"}))
    margins = sheet.find(q("pageMargins"))
    for side in ("left", "right", "top", "bottom"):
        margins.set(side, "0.2")
    margins.addnext(sheet.makeelement(q("pageSetup"), {"paperSize": "9", "orientation": "landscape",
                                                         "fitToWidth": "1", "fitToHeight": "1"}))
    book = wb.edit(wb.main)   # print only the table and the notes beside it
    names = book.find(q("definedNames"))
    area = names.makeelement(q("definedName"), {"name": "_xlnm.Print_Area", "localSheetId": "0"})
    area.text = "'Phụ lục'!$A$6:$J$25"
    names.append(area)
    target.write_bytes(wb.to_bytes())


def png(pdf: Path, page: int, target: Path, dpi: int = 60, crop: tuple[int, int, int, int] | None = None) -> None:
    args = ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile"]
    if crop:
        args += ["-x", str(crop[0]), "-y", str(crop[1]), "-W", str(crop[2]), "-H", str(crop[3])]
    subprocess.run([*args, str(pdf), str(target.with_suffix(""))], check=True)


def to_pdf(path: Path, out: Path) -> Path:
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=240)
    return out / f"{path.stem}.pdf"


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def main() -> None:
    IMG.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        api.kiem_tra([SAMPLE / "muong-nhe.xlsx"], tra_lai=tmp / "tra-lai")
        shown = tmp / "muong-nhe-ghi-chu.xlsx"
        display_copy(tmp / "tra-lai" / "muong-nhe-ghi-chu.xlsx", shown)
        pdf = to_pdf(shown, tmp)
        png(pdf, 1, IMG / "tra-lai-ghi-chu.png", dpi=80, crop=(0, 0, 935, 360))
        png(pdf, pages(pdf), IMG / "tra-lai-danh-sach.png", dpi=60, crop=(0, 0, 702, 250))

        folder = tmp / "nop"
        folder.mkdir()
        for f in SAMPLE.iterdir():
            if f.name not in ("muong-nhe.xlsx", "nam-po.xlsx"):
                shutil.copy2(f, folder / f.name)
        wb = load_workbook(folder / "tua-chua.xlsx")
        ws = wb["Thông tin"]
        row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Ngày báo cáo")
        ws.cell(row, 2).value = dt.date(2022, 4, 2)
        wb.save(folder / "tua-chua.xlsx")
        result = api.tong_hop(folder, "2022-trang-cong-dong", tmp / "ra", don_doc=True, han_moi="15/4/2022")
        png(to_pdf(result.reminder.path, tmp), 1, IMG / "cong-van-don-doc.png", dpi=60)
    for name in ("tra-lai-ghi-chu.png", "tra-lai-danh-sach.png", "cong-van-don-doc.png"):
        print(f"{IMG / name}: {(IMG / name).stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
