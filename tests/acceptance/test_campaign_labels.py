"""The page campaigns' remaining labels are data (issue 10): a copied campaign that renames them shows the new
words in `kiem-tra`'s figure lines, the web result page's figure columns, and the documents read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "mau" / "2022-dien-bien"
TUAN_GIAO = SAMPLE / "tuan-giao.xlsx"


@pytest.fixture()
def copied(tmp_path) -> Path:
    assert main(["chien-dich", "moi", "2022-lan-hai", "--tu", "2022-trang-cong-dong",
                 "--thu-muc", str(tmp_path)]) == 0
    return tmp_path / "2022-lan-hai"


def _edit(folder: Path, old: str, new: str) -> None:
    file = folder / "chien-dich.toml"
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")


def test_kiem_tra_prints_each_levels_figures_in_the_campaigns_words(copied, capsys):
    assert main(["kiem-tra", str(TUAN_GIAO)]) == 1
    shipped = capsys.readouterr().out
    assert "    Cấp xã: 19/19 đơn vị có trong danh sách; 18/19 đơn vị có Trang;" in shipped
    _edit(copied, "{cap}: {so_da_bao_cao}/{so_don_vi} đơn vị có trong danh sách;",
          "{cap} — đã ghi {so_da_bao_cao}/{so_don_vi} đơn vị ({ti_le_trang} có Trang);")
    assert main(["kiem-tra", str(TUAN_GIAO), "--chien-dich", str(copied)]) == 1
    out = capsys.readouterr().out
    assert "    Cấp xã — đã ghi 19/19 đơn vị (94,7% có Trang); 18/19 đơn vị có Trang;" in out
    assert "đơn vị có trong danh sách" not in out
