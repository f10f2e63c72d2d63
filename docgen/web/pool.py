"""Worker processes that run the checks and documents off the server's thread, each with a time limit.

A file from a stranger is read in a separate process: a time limit (the process is
killed and replaced when it passes), a memory ceiling where the system has one
(RLIMIT_AS), and a crash costs that one file a message, never the server.
`inline=True` runs the tasks in threads instead (quick tests, no processes).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from docgen import api

MEMORY_LIMIT = 2 * 2**30  # bytes of address space for a task that reads an uploaded file


class TaskFailed(api.DocgenError):
    """A task that did not finish: too slow, out of memory, or a bug (message in Vietnamese)."""


@dataclass(frozen=True)
class Limits:
    seconds: float
    memory: int | None = MEMORY_LIMIT  # None: no ceiling (LibreOffice maps far more than it uses)


def _task(name: str):
    """Return the function a task name stands for: "check" → docgen.web.tasks.check; "module:function" as given."""
    import importlib

    module, _, function = name.rpartition(":")
    return getattr(importlib.import_module(module or "docgen.web.tasks"), function)


def _serve(conn) -> None:
    """Worker loop: receive (task name, args, memory limit), run it, send ("ok", result) or (kind, message)."""
    while True:
        try:
            name, args, memory = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        _set_memory(memory)
        try:
            reply = ("ok", _task(name)(*args))
        except api.DocgenError as exc:
            reply = ("docgen", str(exc))
        except MemoryError:
            reply = ("memory", "")
        except Exception:  # a bug: the page says so; the server and the other files go on
            reply = ("bug", traceback.format_exc(limit=8))
        conn.send(reply)


def _set_memory(limit: int | None) -> None:
    try:
        import resource
    except ImportError:  # Windows: no ceiling, the time limit still holds
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = hard if limit is None else (limit if hard == resource.RLIM_INFINITY else min(limit, hard))
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _message(kind: str, detail: str, limits: Limits) -> str:
    return {
        "timeout": f"Tệp này xử lý quá {int(limits.seconds)} giây nên đã dừng. Hãy kiểm tra lại tệp "
                   "(có quá nhiều dòng, hình ảnh lớn?) rồi gửi lại, hoặc gửi tệp cho văn phòng tỉnh.",
        "memory": "Tệp này cần quá nhiều bộ nhớ nên đã dừng (có thể là tệp nén bất thường). "
                  "Hãy mở bằng Excel/Word, lưu lại rồi gửi lại.",
        "crash": "Việc xử lý tệp này bị dừng bất thường. Hãy gửi lại; nếu vẫn vậy, báo văn phòng tỉnh.",
        "bug": "docgen gặp lỗi chương trình khi xử lý tệp này (không phải lỗi của tệp). "
               "Đã ghi lại; hãy báo văn phòng tỉnh.",
    }.get(kind, detail)


class _Worker:
    def __init__(self, ctx):
        self._ctx = ctx
        self._start()

    def _start(self) -> None:
        self.conn, child = self._ctx.Pipe()
        self.process = self._ctx.Process(target=_serve, args=(child,), daemon=True, name="docgen-web-worker")
        self.process.start()
        child.close()

    def restart(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()
        self._start()

    def call(self, name: str, args: tuple, limits: Limits):
        """Run one task here and return its reply (kind, value); kills and restarts on timeout or crash."""
        try:
            self.conn.send((name, args, limits.memory))
            if not self.conn.poll(limits.seconds):
                self.restart()
                return "timeout", ""
            return self.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self.restart()
            return "crash", ""

    def stop(self) -> None:
        self.conn.close()
        self.process.join(2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(2)


class WorkerPool:
    """`size` worker processes (or threads with `inline`); `await run(task, *args, limits=…)` returns its result."""

    def __init__(self, size: int = 2, inline: bool = False):
        self.size = max(1, size)
        self.inline = inline
        self._idle: asyncio.Queue | None = None
        self._workers: list[_Worker] = []
        self._threads = ThreadPoolExecutor(self.size, thread_name_prefix="docgen-web") if inline else None
        self.bugs: list[str] = []

    async def start(self) -> None:
        self._idle = asyncio.Queue()
        if self.inline:
            for _ in range(self.size):
                self._idle.put_nowait(None)
            return
        ctx = multiprocessing.get_context("spawn")
        for _ in range(self.size):
            worker = await asyncio.to_thread(_Worker, ctx)
            self._workers.append(worker)
            self._idle.put_nowait(worker)
        await asyncio.gather(*(self.run("warm", limits=Limits(120)) for _ in range(self.size)))

    async def run(self, name: str, *args, limits: Limits):
        """Return what task `name` returned; raise TaskFailed (Vietnamese) or the task's DocgenError message."""
        worker = await self._idle.get()
        try:
            if worker is None:
                kind, value = await asyncio.get_running_loop().run_in_executor(self._threads, _inline, name, args)
            else:
                kind, value = await asyncio.to_thread(worker.call, name, args, limits)
        finally:
            self._idle.put_nowait(worker)
        if kind == "ok":
            return value
        if kind == "bug":
            self.bugs.append(value)
            print(f"docgen web: lỗi chương trình trong việc «{name}»:\n{value}", flush=True)
        raise TaskFailed(_message(kind, value, limits))

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()
        if self._threads:
            self._threads.shutdown(wait=False, cancel_futures=True)

    @property
    def pids(self) -> list[int]:
        return [w.process.pid for w in self._workers if w.process.pid]


def _inline(name: str, args: tuple):
    try:
        return "ok", _task(name)(*args)
    except api.DocgenError as exc:
        return "docgen", str(exc)
    except Exception:
        return "bug", traceback.format_exc(limit=8)


def default_size() -> int:
    """Return the number of worker processes: one per core, at least 1, at most 4."""
    return max(1, min(4, os.cpu_count() or 1))
