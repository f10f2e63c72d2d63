"""Document contexts: one module per document kind, each a pure function of checked data to a template context.

`frame` holds the ND30 pieces every kind shares; `bao_cao` the district's (or commune's)
result report, `phu_luc` its appendix table, `cong_van` the province's dispatch. Each
module lists the keys it provides, with a Vietnamese description, in `VARIABLES`.
"""
