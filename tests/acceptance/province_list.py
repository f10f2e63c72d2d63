"""A province's own list of its 45 communes (2026), as a province office might still keep it: for the tests
of what docgen does with a file from above the reporting level (credited to the province, split per commune
by `tong-hop`, never reported to itself)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from docgen.campaigns.campaign import load_campaign
from docgen.records.units import DATA_DIR

sys.path.insert(0, str(DATA_DIR.parent / "scripts"))
from make_samples import Layout, People, Row, handle, page_name  # noqa: E402
from make_samples_files import write_xlsx  # noqa: E402


def province_list(path: Path, left_out: tuple[str, ...] = ()) -> Path:
    """Write the province's list of every commune but `left_out` to `path` (clean rows, "Tỉnh Điện Biên")."""
    campaign = load_campaign("2026-ra-soat-trang-cong-dong")
    people = People(7)
    rows = []
    for commune in campaign.units.children(campaign.province):
        if commune.full_name in left_out:
            continue
        person = people.person()
        rows.append(Row(len(rows) + 1, commune.full_name, page_name(campaign, commune),
                        f"https://www.facebook.com/mattran{handle(commune.name)}", person, person[:]))
    info = {"don_vi": "Tỉnh Điện Biên", "so": 25, "ngay": dt.date(2026, 3, 27), "nguoi_ky": people.name(),
            "chuc_vu": "PHÓ CHỦ TỊCH", "tham_quyen": "TM. BAN THƯỜNG TRỰC", "noi_nhan": ["Thường trực Tỉnh ủy (b/c)"],
            "luu": "VP", "co_ke_hoach": "Có", "bao_cao_cap_uy": "Có", "de_xuat": []}
    write_xlsx(path, "ỦY BAN MTTQ VIỆT NAM TỈNH ĐIỆN BIÊN", "“Trang cộng đồng” Mặt trận các xã, phường tỉnh Điện Biên",
               [("I", "Cấp xã", rows)], info, Layout(so=25))
    return path
