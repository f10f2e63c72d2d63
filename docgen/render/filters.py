"""Vietnamese template filters, by name, as templates use them: {{ ngay|ngay_nd30(dia_danh, nam) }}.

The functions themselves live in `docgen.values.formats`, where documents and
workbooks use them without the renderer.
"""

from __future__ import annotations

from docgen.values.formats import BLANK, ngay_nd30, ngay_ngan, phan_tram, so_hieu, so_ky_hieu, so_vn

__all__ = ["BLANK", "FILTERS"]

FILTERS = {
    "ngay_nd30": ngay_nd30,
    "so_ky_hieu": so_ky_hieu,
    "so_hieu": so_hieu,
    "so_vn": so_vn,
    "phan_tram": phan_tram,
    "ngay_ngan": ngay_ngan,
}
