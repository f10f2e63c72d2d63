"""console.print_json writes item by item exactly what json.dumps(indent=2) would write whole."""

from __future__ import annotations

import json

from docgen.console import Streamed, print_json


def test_streamed_lists_print_as_json_dumps_prints_lists(capsys):
    data = {"a": 1, "files": [{"path": "x", "problems": [{"rule": "DV-01", "fix": "Ô «a»"}], "figures": []},
                              {"path": "y", "problems": [], "empty": {}}], "unusable": [], "nested": {"k": [1, 2]}}
    print_json(data)
    whole = capsys.readouterr().out
    streamed = {**data, "files": Streamed(
        {**f, "problems": Streamed(iter(f["problems"]))} for f in data["files"])}
    print_json(streamed)
    assert capsys.readouterr().out == whole == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
