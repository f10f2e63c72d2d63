"""The formatting ND30 asks of each line by its role: one definition, read by the checks and by `--sua`.

A Role says the size range, bold, italic, capitals and centring of a line
(None: not asked). `case` says how `--sua` may bring the letters to the
wanted case when they are typed otherwise: "upper" for fixed titles and names
of bodies, "title" for a signer's name; None: only a person may.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.nd30.describe import problems
from docgen.ooxml.text import Paragraph


@dataclass(frozen=True)
class Role:
    """The formatting ND30 asks of one kind of line, and the rule that reports a deviation."""

    rule: str
    size: tuple[float, float] | None = None
    bold: bool | None = None
    italic: bool | None = False
    caps: bool | None = None
    centre: bool = False
    case: str | None = None

    def problems(self, p: Paragraph) -> list[str]:
        """Return what in `p` differs from this role, as Vietnamese phrases (empty: nothing)."""
        return problems(p, self.size, self.bold, self.italic, self.caps, self.centre)

    def target_size(self, current: float | None) -> float | None:
        """Return the size `--sua` gives a line now `current` pt: the nearest size the role allows.

        >>> Role("X", size=(13, 14)).target_size(11), Role("X", size=(13, 14)).target_size(14)
        (13, 14)
        """
        if self.size is None or current is None:
            return None
        return min(max(current, self.size[0]), self.size[1])


# PL I §II.2.b (ô 2): supervising and issuing bodies, capitals 12–13, centred; only the issuer bold.
SUPERVISING = Role("AG-03", (12, 13), bold=False, caps=True, centre=True, case="upper")
ISSUER = Role("AG-04", (12, 13), bold=True, caps=True, centre=True, case="upper")
# PL I §II.1 (ô 1): Quốc hiệu 12–13 bold capitals; Tiêu ngữ 13–14 bold, centred.
QUOC_HIEU = Role("QH-01", (12, 13), bold=True, caps=True, case="upper")
TIEU_NGU = Role("TN-01", (13, 14), bold=True, centre=True)
# PL I §II.3.c (ô 3): "Số" and the symbol at 13, upright; the symbol not bold.
SO_WORD = Role("SO-01", (13, 13))
SYMBOL = Role("SO-04", (13, 13), bold=False)
# PL I §II.4.c (ô 4): place and date italic, 13–14.
DATE = Role("DT-02", (13, 14), italic=True, caps=False)
# PL I §II.5.b (ô 5b): V/v 12–13, upright, not bold.
VV = Role("VV-02", (12, 13), bold=False, caps=False)
# PL I §II.5.b (ô 5a): type name capitals bold 13–14; trích yếu bold, normal case.
TYPE_NAME = Role("TL-02", (13, 14), bold=True, caps=True, case="upper")
SUMMARY = Role("TL-03", (13, 14), bold=True, caps=False)
# PL I §II.9.d (ô 9a): Kính gửi and recipients, normal case, 13–14, upright.
KINH_GUI = Role("KG-02", (13, 14), caps=False)
# PL III Mẫu 1.6: a công điện's "<issuer> điện:" line and its recipients in the body's size, upright.
TELEGRAM = Role("CD-01", (13, 14))
TELEGRAM_TO = Role("KG-02", (13, 14))
# PL I §II.6.a: legal bases italic 13–14.
LEGAL_BASIS = Role("BD-06", (13, 14), italic=True)
# PL I §II.7.đ (ô 7a, 7b): authority and title lines capitals bold; the signer's name bold, normal case.
AUTHORITY = Role("SG-02", (13, 14), bold=True, caps=True, centre=True, case="upper")
SIGN_TITLE = Role("SG-04", (13, 14), bold=True, caps=True, centre=True, case="upper")
SIGNER = Role("SG-06", (13, 14), bold=True, caps=False, centre=True, case="title")
# PL I §II.9.d (ô 9b): "Nơi nhận:" 12 bold italic; entries 11 upright.
NOI_NHAN = Role("NN-01", (12, 12), bold=True, italic=True)
NN_ITEM = Role("NN-02", (11, 11))
# PL I §III.1.b–c: appendix label 14 bold; title capitals bold 13–14; reference line italic 13–14.
PL_LABEL = Role("PL-02", (14, 14), bold=True, centre=True)
PL_TITLE = Role("PL-03", (13, 14), bold=True, caps=True, centre=True, case="upper")
PL_REFERENCE = Role("PL-04", (13, 14), italic=True, caps=False, centre=True)
# PL III Mẫu 1.1–1.3: a decision's authority line and its "QUYẾT ĐỊNH:" line, capitals bold centred.
AUTHORITY_LINE = Role("QD-01", (13, 14), bold=True, caps=True, centre=True, case="upper")
DECIDES = Role("QD-02", (13, 14), bold=True, caps=True, centre=True, case="upper")
# PL III Mẫu 1.9: a biên bản's signers (secretary, chair): title in capitals bold, name bold.
MINUTES_TITLE = Role("BB-01", (13, 14), bold=True, caps=True, centre=True, case="upper")
MINUTES_SIGNER = Role("BB-01", (13, 14), bold=True, caps=False, centre=True, case="title")
