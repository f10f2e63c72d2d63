"""Layers: imports go one way (cli/web → api → jobs → documents … → render … → nd30/records → ooxml).

A package may import its own modules, the shared utilities, and packages of a
lower tier. Inside the "documents" tier the order is documents/returns →
aggregate → workbooks → checks (a summary document reads the aggregate; the
aggregate counts with the checks' figures), never back.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

DOCGEN = Path(__file__).resolve().parents[1] / "docgen"

TIERS = {
    "__main__": 70, "cli": 60, "console": 60, "web": 60,
    "api": 50,
    "jobs": 40,
    "documents": 34, "returns": 34, "aggregate": 33, "workbooks": 32, "checks": 31,
    "render": 20, "campaigns": 20, "readers": 20,
    "nd30": 10, "records": 10, "values": 10,
    "ooxml": 0,
}
# Used from anywhere below the command line: they import nothing of docgen but each other.
SHARED = {"__init__", "limits", "xlsxcell", "terminal", "errors", "vntext", "output"}
# The XML layer and the renderer know nothing of the Front or of campaigns.
DOMAIN_WORDS = ("mttq", "mặt trận", "campaign", "chiến dịch", "chien_dich", "chien-dich", "trang cộng đồng")


def _package(path: Path, root: Path = DOCGEN) -> str:
    return path.relative_to(root).parts[0].removesuffix(".py")


def _imports(path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append(node.module)
    return [name for name in out if name.startswith("docgen.")]


def wrong_imports(root: Path = DOCGEN) -> list[str]:
    """Return "file: module" for every import that goes up or sideways between packages."""
    wrong = []
    for path in sorted(root.rglob("*.py")):
        here = _package(path, root)
        for name in _imports(path):
            there = name.split(".")[1]
            if there == here or (there in SHARED and here != "__init__"):
                continue
            if here in SHARED:
                if there not in SHARED:
                    wrong.append(f"{path.relative_to(root)}: {name}")
                continue
            if there not in TIERS or here not in TIERS or TIERS[there] >= TIERS[here]:
                if not (here == "cli" and there == "web"):  # `docgen phuc-vu` and `tai-khoan` are the web's commands
                    wrong.append(f"{path.relative_to(root)}: {name}")
    return wrong


def test_every_package_has_a_tier():
    packages = {_package(p) for p in DOCGEN.rglob("*.py")}
    assert packages - set(TIERS) - SHARED == set()


def test_imports_go_one_way():
    assert wrong_imports() == []


def test_the_layer_check_catches_an_import_upward(tmp_path):
    (tmp_path / "ooxml").mkdir()
    (tmp_path / "ooxml" / "x.py").write_text("from docgen.campaigns.campaign import Campaign\n")
    (tmp_path / "render").mkdir()
    (tmp_path / "render" / "y.py").write_text("def f():\n    import docgen.documents.frame\n")
    assert wrong_imports(tmp_path) == ["ooxml/x.py: docgen.campaigns.campaign", "render/y.py: docgen.documents.frame"]


@pytest.mark.parametrize("package", ["ooxml", "render"])
def test_the_xml_layer_and_the_renderer_know_nothing_of_the_front_or_campaigns(package):
    found = [f"{p.relative_to(DOCGEN)}: {w}" for p in sorted((DOCGEN / package).rglob("*.py"))
             for w in DOMAIN_WORDS if w in p.read_text(encoding="utf-8").lower()]
    assert found == []
