"""Write (or compare) what the two page campaigns give on their samples: rule IDs and cells of every check,
the full text and every table cell (Phụ lục included) of every report, the summary and the dispatch.

    python scripts/snapshot_outputs.py            # compare with tests/acceptance/snapshot_trang_cong_dong.json
    python scripts/snapshot_outputs.py --write    # after a deliberate change: write it anew, and list the
                                                  # change in docs/thay-doi-1031.md

tests/acceptance/test_page_campaigns_unchanged.py runs the comparison.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SNAPSHOT = ROOT / "tests" / "acceptance" / "snapshot_trang_cong_dong.json"
SAMPLES = (("2022-trang-cong-dong", "data/mau/2022-dien-bien"),
           ("2026-ra-soat-trang-cong-dong", "data/mau/2026-dien-bien"))


def _document(path: Path) -> dict:
    import docx

    doc = docx.Document(path)
    return {"text": [p.text for p in doc.paragraphs],
            "tables": [[[c.text for c in r.cells] for r in t.rows] for t in doc.tables]}


def snapshot() -> dict:
    """Return the outputs of both page campaigns on their samples, by "<campaign>:<what>"."""
    from docgen import api

    out: dict = {}
    for campaign, data in SAMPLES:
        work = Path(tempfile.mkdtemp())
        checked = api.kiem_tra([ROOT / data], campaign)
        out[f"{campaign}:kiem-tra"] = sorted(f"{Path(s.source.path).name} {p.rule} {p.location.cell}"
                                             for s in checked.submissions for p in s.problems)
        for w in api.bao_cao([ROOT / data], work / "bc", chien_dich=campaign).written:
            out[f"{campaign}:bao-cao:{w.unit}"] = _document(w.files[0])
        api.tong_hop(ROOT / data, campaign, work / "th")
        out[f"{campaign}:tong-hop"] = _document(work / "th" / "bao-cao-tong-hop.docx")
        out[f"{campaign}:cong-van"] = _document(api.cong_van(campaign, work / "cv").written[0])
    return out


def differences(old: dict, new: dict) -> list[str]:
    """Return the keys whose outputs differ, with the first differing line of each."""
    out = []
    for key in sorted(set(old) | set(new)):
        a, b = json.dumps(old.get(key), ensure_ascii=False, indent=0), json.dumps(new.get(key), ensure_ascii=False,
                                                                                    indent=0)
        if a != b:
            first = next(((x, y) for x, y in zip(a.splitlines(), b.splitlines()) if x != y), ("", ""))
            out.append(f"{key}: «{first[0][:120]}» → «{first[1][:120]}»")
    return out


if __name__ == "__main__":
    now = snapshot()
    if "--write" in sys.argv:
        SNAPSHOT.write_text(json.dumps(now, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(f"Đã ghi {SNAPSHOT.relative_to(ROOT)} ({len(now)} mục).")
    else:
        changed = differences(json.loads(SNAPSHOT.read_text(encoding="utf-8")), now)
        print("\n".join(changed) or "Không khác.")
        sys.exit(1 if changed else 0)
