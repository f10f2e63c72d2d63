"""The two people of a row: leader and operator, their phones and e-mails (NS-, SDT-, EM- rules)."""

from __future__ import annotations

from docgen.campaigns.campaign import Level
from docgen.checks import normalize
from docgen.checks.normalize import upper_first
from docgen.checks.rules import problem
from docgen.errors import Location
from docgen.records.model import Person, Problem, Role
from docgen.vntext import name_key

ROLE_WORDS = {Role.LEADER: "lãnh đạo phụ trách", Role.OPERATOR: "cán bộ quản lý, vận hành"}


_KEYS = {Role.LEADER: ("ld_ten", "ld_sdt", "ld_email"), Role.OPERATOR: ("vh_ten", "vh_sdt", "vh_email")}


def person(role: Role, texts: dict[str, str], where: dict[str, Location], unit: str, out: list[Problem],
           code: str = "") -> Person:
    """Return the person of `role` from a row's cleaned texts, adding SDT-/EM- findings to `out`.

    An invalid phone or e-mail is kept as typed (nothing is lost) and reported as an error.
    """
    name_key_, phone_key, email_key = _KEYS[role]
    who = ROLE_WORDS[role]
    tel = normalize.phone(texts.get(phone_key, ""))
    if tel.problem:
        out.append(problem("SDT-01", f"Số điện thoại của {who} {unit}: {tel.problem}.", where[phone_key],
                           "Ghi đủ 10 số của di động (ví dụ 0912 345 678) hoặc 11 số của máy bàn (ví dụ 0215 3825 123).", code))
    elif tel.changed:
        out.append(problem("SDT-02", f"Số điện thoại của {who} {unit} «{tel.typed}» đã đưa về dạng chuẩn «{tel.value}».",
                           where[phone_key], tel.value, code))
    mail = normalize.email(texts.get(email_key, ""))
    if mail.problem:
        out.append(problem("EM-01", f"Thư điện tử của {who} {unit}: {mail.problem}.", where[email_key],
                           "Ghi đủ dạng ten@ten-mien, ví dụ lovanbinh@gmail.com.", code))
    elif mail.changed:
        out.append(problem("EM-02", f"Thư điện tử của {who} {unit} «{mail.typed}» đã đưa về dạng chuẩn «{mail.value}».",
                           where[email_key], mail.value, code))
    return Person(role, texts.get(name_key_, ""), tel.value or tel.typed, mail.value or mail.typed)


def staffing(leader: Person, operator: Person, level: Level | None, has_page: bool, unit: str,
             where: dict[str, Location], out: list[Problem], code: str = "", form=None) -> None:
    """Add NS-01/NS-02 (someone missing) and NS-03 (rule 2.4 of the dispatch) findings to `out`, as the
    campaign's form declares them (docgen.campaigns.form.Form).

    A unit with no page yet gets TT-02 only: nobody can run a page that does not
    exist, so missing people are not reported on top of it. A person is missing only
    where the name column is required (`bat_buoc`, for the row's level). Where the
    operator's name column says `khac_voi = "ld_ten"`, at a level whose `staffing` is
    "rieng" the leader and the operator must be two people (NS-03); at "kiem_nhiem"
    one person may hold both.
    """
    code_of = level.code if level is not None else ""
    needs = {k: c is not None and c.required_at(code_of) for k in ("ld_ten", "vh_ten")
             for c in [form.column(k) if form is not None else None]}
    apart = form is not None and (form.column("vh_ten").differs_from == "ld_ten"
                                  or form.column("ld_ten").differs_from == "vh_ten")
    if has_page and needs["ld_ten"] and not leader.assigned:
        out.append(problem("NS-01", f"{upper_first(unit)} chưa ghi lãnh đạo phụ trách Trang.", where["ld_ten"],
                           "Ghi họ và tên, số điện thoại, thư điện tử của lãnh đạo phụ trách.", code))
    if has_page and needs["vh_ten"] and not operator.assigned:
        out.append(problem("NS-02", f"{upper_first(unit)} chưa ghi cán bộ quản lý, vận hành Trang.", where["vh_ten"],
                           "Ghi họ và tên, số điện thoại, thư điện tử của cán bộ quản lý, vận hành.", code))
    if (apart and level is not None and level.staffing == "rieng" and leader.assigned and operator.assigned
            and name_key(leader.name) == name_key(operator.name)):
        out.append(problem(
            "NS-03",
            f"{upper_first(unit)}: lãnh đạo phụ trách và cán bộ quản lý, vận hành cùng là «{operator.name}»; "
            f"{level.title.lower()} phải phân công 01 lãnh đạo và 01 cán bộ vận hành là hai người khác nhau (mục 2.4).",
            where["vh_ten"],
            "Phân công một cán bộ khác quản lý, vận hành Trang.",
            code,
        ))
