"""The page form of dispatch 1031 as its campaign file declares it (`[bieu_mau]`), for tests of the page pipeline."""

from __future__ import annotations

from docgen.campaigns.campaign import load_campaign

PAGE_FORM = load_campaign("2022-trang-cong-dong").form
COLUMNS = PAGE_FORM.table          # every column of the Phụ lục table, TT and Đơn vị first
FACT_FIELDS = PAGE_FORM.facts      # the rows of its "Thông tin" sheet
