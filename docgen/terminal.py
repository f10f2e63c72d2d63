"""The edge of a command-line run: a Vietnamese argument parser, an output that may close, and signals.

- `Parser` is argparse's parser speaking Vietnamese: its own errors ("the
  following arguments are required" …) are translated and shown under the
  usage line of the command at fault, and its help headings are Vietnamese.
- `GuardedOutput` stands in for stdout: when the reader goes away (`docgen … |
  head`) or the disk is full (`> /dev/full`), the rest of the output is dropped
  instead of ending the run in a traceback; the command still finishes and
  `cli.main` picks the exit code.
- `stop_on_signals` turns SIGTERM and SIGHUP into `Stopped` in the main process,
  so `finally` blocks run (temp files and folders removed, LibreOffice ended);
  forked workers just end.
"""

from __future__ import annotations

import argparse
import difflib
import errno
import io
import os
import re
import signal
import sys

# argparse's messages (Python 3.11–3.13) → Vietnamese; groups are kept in order.
_MESSAGES = (
    (r"^the following arguments are required: (.+)$", "thiếu đối số bắt buộc: {0}"),
    (r"^unrecognized arguments: (.+)$", "không hiểu đối số: {0}"),
    (r"^argument (.+?): invalid choice: '?(.+?)'? \(choose from (.+)\)$", "{0}: không có lựa chọn «{1}»; chọn một trong: {2}"),
    (r"^argument (.+?): expected one argument$", "{0}: cần một giá trị ngay sau"),
    (r"^argument (.+?): expected at least one argument$", "{0}: cần ít nhất một giá trị"),
    (r"^argument (.+?): expected (\d+) arguments?$", "{0}: cần {1} giá trị"),
    (r"^argument (.+?): not allowed with argument (.+)$", "{0}: không dùng chung được với {1}"),
    (r"^argument (.+?): ignored explicit argument '(.*)'$", "{0}: không nhận giá trị «{1}»"),
    (r"^argument (.+?): invalid (\w+) value: '(.*)'$", "{0}: giá trị «{2}» không hợp lệ"),
    (r"^ambiguous option: (\S+) could match (.+)$", "tùy chọn {0} chưa rõ, có thể là: {1}"),
    (r"^one of the arguments (.+) is required$", "cần một trong các đối số: {0}"),
)
HELP_HEADINGS = {"positional arguments": "đối số", "options": "tùy chọn", "optional arguments": "tùy chọn"}


def translate(message: str) -> str:
    """Return an argparse error message in Vietnamese (unknown ones are kept, marked as the parser's own).

    >>> translate("the following arguments are required: -o/--ra")
    'thiếu đối số bắt buộc: -o/--ra'
    >>> translate("argument LỆNH: invalid choice: 'kiem-tr' (choose from 'kiem-tra', 'bao-cao')")
    "LỆNH: không có lựa chọn «kiem-tr»; chọn một trong: 'kiem-tra', 'bao-cao'"
    """
    for pattern, words in _MESSAGES:
        found = re.match(pattern, message, re.DOTALL)
        if found:
            return words.format(*found.groups())
    return f"đối số không hợp lệ ({message})"


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="Cách dùng: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse's parser with Vietnamese errors, usage and headings (the subcommands' parsers are the same kind)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = HELP_HEADINGS["positional arguments"]
        self._optionals.title = HELP_HEADINGS["options"]
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="in trợ giúp này rồi thoát")

    def error(self, message: str):
        """Print the usage line and the message in Vietnamese on stderr, then exit 2 (argparse's contract)."""
        text = translate(message)
        found = re.match(r"^argument (.+?): invalid choice: '?(.+?)'? \(choose from (.+)\)$", message)
        if found:
            choices = re.findall(r"'([^']+)'", found.group(3))
            close = difflib.get_close_matches(found.group(2), choices, n=1)
            if close:
                text += f". Có phải ý bạn là «{close[0]}»?"
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {text}\nXem thêm: {self.prog} --help\n")


class GuardedOutput(io.TextIOBase):
    """A text stream writing to `inner` until it fails; then the rest is dropped and `failure` says why."""

    def __init__(self, inner):
        super().__init__()
        self.inner = inner
        self.failure: OSError | None = None

    @property
    def encoding(self):
        return getattr(self.inner, "encoding", "utf-8")

    def isatty(self) -> bool:
        return self.failure is None and self.inner.isatty()

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self.failure is None:
            try:
                self.inner.write(text)
            except OSError as exc:
                self._failed(exc)
        return len(text)

    def flush(self) -> None:
        if self.failure is None:
            try:
                self.inner.flush()
            except OSError as exc:
                self._failed(exc)

    def _failed(self, exc: OSError) -> None:
        self.failure = exc
        try:   # nothing more reaches the closed or full file, not even Python's flush at exit
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self.inner.fileno())
            os.close(null)
        except (OSError, ValueError, io.UnsupportedOperation):
            pass

    @property
    def reader_left(self) -> bool:
        """Return whether the output failed because its reader closed it (a pipe into `head`, a closed window)."""
        return isinstance(self.failure, BrokenPipeError) or getattr(self.failure, "errno", None) == errno.EPIPE


class Stopped(BaseException):
    """The run was asked to stop by a signal (SIGTERM, SIGHUP): not an error of the input."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def stop_on_signals():
    """Make SIGTERM and SIGHUP raise `Stopped` (Ctrl+C KeyboardInterrupt) in this process, and return a function
    that puts the previous handlers back. A process forked from this one just ends on them."""
    owner = os.getpid()
    before: dict = {}

    def handler(signum, frame):
        if os.getpid() != owner:   # a forked worker: leave quietly, the main process cleans up
            os._exit(128 + signum)
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Stopped(signum)

    for name in ("SIGTERM", "SIGHUP", "SIGINT"):
        if hasattr(signal, name):
            signum = getattr(signal, name)
            try:
                before[signum] = signal.signal(signum, handler)
            except ValueError:   # not the main thread (docgen called from a program): leave signals alone
                break

    def restore() -> None:
        for signum, previous in before.items():
            signal.signal(signum, previous)

    return restore
