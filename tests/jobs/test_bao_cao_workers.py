"""`bao-cao` on a batch prepares the inputs in worker processes: the result is the one of a serial run.

Same reports written (byte for byte), same refusals and messages in the same order,
same ND30 findings under each file, whether the inputs are read, rendered and
checked here one after the other (`workers=1`) or ahead by two forked workers.
"""

from __future__ import annotations

import multiprocessing as mp
import shutil
from pathlib import Path

import pytest
from tests.edited_campaign import edited_campaign

from docgen.campaigns.campaign import load_campaign
from docgen.jobs import bao_cao as job

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "mau" / "2022-dien-bien"

pytestmark = pytest.mark.skipif("fork" not in mp.get_all_start_methods(),
                                reason="hệ điều hành không có cách khởi động tiến trình «fork» (Windows)")


def _inputs(folder: Path) -> Path:
    shutil.copytree(SAMPLES, folder)
    (folder / "a-hong.xlsx").write_text("không phải bảng tính")  # refused: unreadable
    return folder


def _shape(result, out: Path):
    def rel(p):
        return str(Path(p).relative_to(out))

    written = [(w.source.name, w.unit, [rel(f) for f in w.files], w.problems, w.notes,
                [(rel(c.path), c.kind, c.findings, c.error) for c in w.format_checks]) for w in result.written]
    refused = [(r.source.name, r.message.replace(str(out), "RA"), r.errors, r.strict) for r in result.refused]
    return written, refused, result.exit_code


def _files(out: Path) -> dict:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("strict", [False, True])
def test_workers_give_the_serial_result(tmp_path, strict):
    campaign = load_campaign(edited_campaign(tmp_path / "cd", "FN-01"))  # every report has a finding
    inputs = _inputs(tmp_path / "vao")
    runs = {}
    for workers in (1, 2):
        out = tmp_path / f"ra{workers}"
        taken = out / "huyen-muong-nhe" / job.REPORT_FILE.format(slug="huyen-muong-nhe")  # refused: would overwrite
        taken.parent.mkdir(parents=True)
        taken.write_bytes(b"cu")
        seen = []
        result = job.run([inputs], out, campaign, strict=strict, appendix_alone=True, workers=workers,
                         progress=lambda i, n, name: seen.append((i, n, name)))
        runs[workers] = (_shape(result, out), _files(out), seen)
    assert runs[1] == runs[2]
    (written, refused, code), _, _ = runs[1]
    assert code == 2 and refused[0][0] == "a-hong.xlsx"
    if strict:
        assert any(r[3] for r in refused)  # some samples have errors: refused as strict, in the same order
    if not strict:
        assert any(name == "muong-nhe.xlsx" and "không ghi đè" in m for name, m, _, _ in refused)
        assert len(written) == 9
        assert all("FN-01" in {f.rule for f in w[5][0][2]} for w in written)  # the edited report template


def test_a_small_batch_stays_in_this_process(monkeypatch, tmp_path):
    started = []
    monkeypatch.setattr(job, "_start_worker", lambda *a: started.append(a))
    job.run([SAMPLES / "muong-nhe.xlsx", SAMPLES / "nam-po.xlsx"], tmp_path, load_campaign())
    assert started == [] and len(list(tmp_path.rglob("*.docx"))) == 2
