"""Build the Word files docs/the-thuc.md runs `docgen the-thuc` on (data/mau/the-thuc/), so its examples
are real runs (scripts/docs_examples.py writes them, tests/test_docs_examples.py compares).

* nd30-van-ban-sai.docx — a clean công văn with ten of the mistakes clerks make (tests/cli/test_the_thuc.py);
* cong-van-word.docx — a công văn typed in Word's default style, one mistake only a person can fix
  (tests/nd30/word_default.py);
* bao-cao-du-thao.docx — a district's report docgen wrote as a draft («DỰ THẢO», blank number and date):
  Tuần Giáo's, from the 2022 sample.

The builders live with the tests that check them; this script only saves their documents, with fixed
document properties so that a re-run writes the same files. Run: `python scripts/make_the_thuc_samples.py`.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "data" / "mau" / "the-thuc"
WHEN = dt.datetime(2022, 3, 5)


def _save(document, name: str) -> Path:
    props = document.core_properties
    props.author = props.last_modified_by = "docgen"
    props.created = props.modified = WHEN
    props.revision = 1
    path = OUT / name
    document.save(path)
    return path


def main() -> int:
    from docgen import api
    from tests.cli.test_the_thuc import bad_document
    from tests.nd30.word_default import cong_van_word_default

    OUT.mkdir(parents=True, exist_ok=True)
    _save(bad_document(), "nd30-van-ban-sai.docx")
    _save(cong_van_word_default(), "cong-van-word.docx")
    with tempfile.TemporaryDirectory() as tmp:
        written = api.bao_cao([ROOT / "data" / "mau" / "2022-dien-bien" / "tuan-giao.xlsx"], Path(tmp))
        shutil.copyfile(written.written[0].files[0], OUT / "bao-cao-du-thao.docx")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
