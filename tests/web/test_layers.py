"""The web layer is a thin edge: docgen/web imports only docgen.api (and docgen itself for its version)."""

from __future__ import annotations

import ast
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "docgen" / "web"
ALLOWED = {"docgen", "docgen.api"}


def test_the_web_package_imports_only_docgen_api_and_its_own_modules():
    wrong = []
    for path in WEB.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] if node.module != "docgen" else [f"docgen.{a.name}" for a in node.names]
            for name in names:
                if name.startswith("docgen") and name not in ALLOWED and not name.startswith("docgen.web"):
                    if name not in ("docgen.__version__", "docgen.DEFAULT_CAMPAIGN"):
                        wrong.append(f"{path.name}: {name}")
    assert wrong == []
