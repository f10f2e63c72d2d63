"""Command line: each command parses its arguments, calls one `docgen.api` function, prints.

Exit codes: 0 done and clean, 1 done with errors found, 2 input that cannot be used.
"""

from __future__ import annotations

import argparse
import sys

from docgen.errors import DocgenError

COMMANDS: dict[str, "callable"] = {}


def command(name: str, help: str, example: str):
    """Register a command: `fn(parser)` adds arguments and returns the runner `run(args) -> int`."""

    def deco(fn):
        COMMANDS[name] = (fn, help, example)
        return fn

    return deco


def _utf8_console() -> None:
    # A Vietnamese Windows console defaults to cp1258/cp437: force UTF-8 so no message is lost.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="docgen",
        description="Kiểm tra dữ liệu «Trang cộng đồng» của Mặt trận các cấp và soạn văn bản theo Nghị định 30/2020/NĐ-CP.",
    )
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for name, (fn, help_, example) in COMMANDS.items():
        p = sub.add_parser(
            name,
            help=help_,
            description=f"{help_}\n\nVí dụ:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(_run=fn(p))
    return parser


# --- kiem-tra ---

# --- end kiem-tra ---

# --- bao-cao ---

# --- end bao-cao ---

# --- cong-van ---

# --- end cong-van ---

# --- bieu-mau ---

# --- end bieu-mau ---

# --- mau ---

# --- end mau ---

# --- the-thuc ---

# --- end the-thuc ---

# --- tong-hop ---

# --- end tong-hop ---


def main(argv: list[str] | None = None) -> int:
    """Run docgen with `argv` (default: sys.argv[1:]) and return the exit code."""
    _utf8_console()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help is 0, bad usage is 2
        return int(exc.code or 0)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return args._run(args)
    except DocgenError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 2
