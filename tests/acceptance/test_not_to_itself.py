"""No generated document is addressed to its issuer (GN-01) or reports on its own dispatch (GN-02).

Every document kind docgen writes, at every level of both page campaigns: the districts' reports (2022), the
communes' reports to their district (2022) and to the province (2026), the district's compiled report, the
province summaries, the dispatches.
"""

from __future__ import annotations

import pytest

from docgen import api
from docgen.records.units import DATA_DIR

MAU = DATA_DIR / "mau"


def _gn(checks) -> list[str]:
    return [f"{c.path.name}: {f.rule} {f.message}" for c in checks for f in c.findings if f.rule.startswith("GN")]


@pytest.mark.slow
def test_no_document_docgen_writes_is_sent_to_its_own_issuer(tmp_path):
    checks = []
    for folder, campaign in ((MAU / "2022-dien-bien", "2022-trang-cong-dong"),
                             (MAU / "2022-muong-nhe-xa", "2022-trang-cong-dong"),
                             (MAU / "2026-dien-bien", "2026-ra-soat-trang-cong-dong")):
        out = tmp_path / folder.name
        result = api.bao_cao([folder], out / "bao-cao", chien_dich=campaign)
        checks += [c for w in result.written for c in w.format_checks]
        checks += api.tong_hop(folder, campaign, out / "tong-hop").format_checks
    checks += api.tong_hop(MAU / "2022-muong-nhe-xa", "2022-trang-cong-dong", tmp_path / "huyen",
                           don_vi="Huyện Mường Nhé").format_checks
    for campaign in ("2022-trang-cong-dong", "2026-ra-soat-trang-cong-dong"):
        checks += api.cong_van(campaign, tmp_path / "cong-van").format_checks
    assert len(checks) >= 10 + 11 + 43 + 3 + 1 + 2
    assert _gn(checks) == []
