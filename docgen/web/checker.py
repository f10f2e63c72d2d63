"""Checking uploaded versions in the worker pool, and the documents made from them, cached.

`Checker.submit(id)` starts (once) the check of a stored version: a copy of its bytes
under the name the unit gave, dated at the upload, is read by `api.kiem_tra_tep` in a
worker process. Documents (the unit's report, the dispatch, the blank workbook) are
written by the same api functions as the command line into a temporary folder, then
renamed into bo-nho-dem/, so a cached document is always whole.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

from docgen import api
from docgen.web import registry, uploads
from docgen.web.pool import Limits, TaskFailed, WorkerPool
from docgen.web.store import CACHE, TEMP, Store

CHECK_LIMITS = Limits(seconds=60)
DOCUMENT_LIMITS = Limits(seconds=120)
PDF_LIMITS = Limits(seconds=240, memory=None)
INPUTS, INPUT_FILE = "\x00vao", "\x00tep"


class Checker:
    """Runs checks and document jobs for one data folder on a `WorkerPool`."""

    def __init__(self, store: Store, pool: WorkerPool):
        self.store, self.pool = store, pool
        self._checks: dict[int, asyncio.Task] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def submit(self, version_id: int) -> asyncio.Task:
        """Return the task checking the version (started now, or the one already running)."""
        task = self._checks.get(version_id)
        if task is None:
            task = asyncio.create_task(self._check(version_id))
            self._checks[version_id] = task
            task.add_done_callback(lambda _t: self._checks.pop(version_id, None))
        return task

    def resume(self) -> list[int]:
        """Start the checks an earlier run left unfinished; return their version ids."""
        ids = uploads.pending(self.store)
        for version_id in ids:
            self.submit(version_id)
        return ids

    async def _check(self, version_id: int) -> None:
        version = uploads.get(self.store, version_id)
        if version is None or version["state"] != "cho":
            return
        source = registry.campaign(self.store, version["campaign_id"])["source"]
        uploaded = dt.datetime.fromisoformat(version["uploaded_at"])
        work = Path(tempfile.mkdtemp(prefix=f"kiem-tra-{version_id}-", dir=self.store.folder / TEMP))
        try:
            path = self.working_copy(version, work)
            result = await self.pool.run("check", str(path), source, uploaded.date().isoformat(),
                                         limits=CHECK_LIMITS)
        except (TaskFailed, api.DocgenError) as exc:
            result = uploads.unusable_result(version["campaign_id"], version["file_name"], exc.message)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        await asyncio.to_thread(uploads.save_result, self.store, version_id, result)

    def working_copy(self, version: dict, folder: Path) -> Path:
        """Return a copy of the version's bytes in `folder` under the unit's file name, dated at the upload.

        The date matters: like `tong-hop`, a file without a "Ngày báo cáo" is dated by its own date.
        """
        path = folder / version["file_name"]
        if path.exists():  # two units sent files of the same name: the second keeps its unit code in front
            path = folder / f"{version['unit_code']}-{version['id']}-{version['file_name']}"
        shutil.copyfile(self.store.folder / version["blob"], path)
        stamp = dt.datetime.fromisoformat(version["uploaded_at"]).timestamp()
        os.utime(path, (stamp, stamp))
        return path

    async def document(self, key: str, task: str, *args, inputs: list[dict] = (), pdf: bool = False) -> list[Path]:
        """Return the files task `task` writes for cache entry `key` (made once, then served from the cache).

        The task is called as `task(out_dir, *args)`; an argument INPUTS (INPUT_FILE) stands for
        the folder of `inputs` copied as `working_copy` (for the one copied file).
        """
        final = self.store.folder / CACHE / key
        async with self._locks.setdefault(key, asyncio.Lock()):
            if not final.is_dir():
                await self._make(final, task, args, inputs, PDF_LIMITS if pdf else DOCUMENT_LIMITS)
        return sorted(p for p in final.rglob("*") if p.is_file() and not p.name.startswith("."))

    async def _make(self, final: Path, task: str, args: tuple, inputs: list[dict], limits: Limits) -> None:
        work = Path(tempfile.mkdtemp(prefix="van-ban-", dir=self.store.folder / TEMP))
        try:
            folder = work / "vao"
            folder.mkdir()
            copies = [self.working_copy(v, folder) for v in inputs]
            given = {INPUTS: str(folder), INPUT_FILE: str(copies[0]) if copies else ""}
            args = tuple(given.get(a, a) if isinstance(a, str) else a for a in args)
            out = work / "ra"
            await self.pool.run(task, str(out), *args, limits=limits)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(out, final)
        finally:
            shutil.rmtree(work, ignore_errors=True)
