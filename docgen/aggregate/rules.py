"""The province's findings about submissions as a whole: rule IDs, severities, Vietnamese messages.

Record-level rules live in `docgen.checks`; these are about who sent what and when.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.errors import Location
from docgen.records.model import Problem, Severity


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    template: str


RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule("TH-01", Severity.ERROR, "Tệp không dùng được: {reason}"),
        Rule("TH-02", Severity.ERROR, "{unit} chưa nộp báo cáo (hạn {deadline})."),
        Rule("TH-03", Severity.WARNING, "{unit} nộp ngày {date}, trễ {days} ngày so với hạn {deadline}."),
        Rule("TH-04", Severity.WARNING,
             "{unit} có {count} bản nộp ({files}); số liệu lấy theo bản «{chosen}», các bản đều được giữ."),
        Rule("TH-05", Severity.WARNING,
             "Không rõ đơn vị nào gửi tệp này, hoặc đơn vị không thuộc danh sách {level} của {province}; "
             "các dòng của tệp vẫn được giữ trong danh sách Trang."),
        Rule("TH-06", Severity.WARNING,
             "Tệp không ghi «Ngày báo cáo»: dùng ngày của tệp ({date}) để xét đúng hạn."),
        Rule("TH-07", Severity.WARNING, "{unit} đã nộp nhưng không rõ ngày báo cáo: chưa xét được đúng hạn."),
        Rule("TH-08", Severity.WARNING,
             "Tệp của {who} gồm danh sách của {count} đơn vị {level}: tính là bản nộp của từng đơn vị đó, "
             "cùng ngày báo cáo của tệp."),
    )
}


def problem(rule_id: str, location: Location, unit_code: str = "", fix: str = "", **values) -> Problem:
    """Return the `Problem` of rule `rule_id` with its message filled from `values`.

    >>> p = problem("TH-02", Location("(tổng hợp)"), unit="Huyện Nậm Pồ", deadline="31/03/2022")
    >>> p.rule, p.severity.value, p.message
    ('TH-02', 'loi', 'Huyện Nậm Pồ chưa nộp báo cáo (hạn 31/03/2022).')
    """
    rule = RULES[rule_id]
    return Problem(rule.id, rule.severity, rule.template.format(**values), location, fix, unit_code)
