"""The worker processes: a slow, crashing or memory-hungry task costs one message, never the server."""

from __future__ import annotations

import asyncio
import sys

import pytest

from docgen.web.pool import Limits, TaskFailed, WorkerPool
from tests.web.conftest import SAMPLES

pytestmark = pytest.mark.slow


def _run(coro):
    return asyncio.run(coro)


def test_a_task_over_its_time_is_stopped_and_the_worker_replaced():
    async def go():
        pool = WorkerPool(1)
        await pool.start()
        try:
            first = await pool.run("tests.web.pool_tasks:pid", limits=Limits(30))
            with pytest.raises(TaskFailed, match="quá 1 giây"):
                await pool.run("tests.web.pool_tasks:sleep", 30, limits=Limits(1))
            second = await pool.run("tests.web.pool_tasks:pid", limits=Limits(30))
            assert first != second
            with pytest.raises(TaskFailed, match="dừng bất thường"):
                await pool.run("tests.web.pool_tasks:crash", limits=Limits(30))
            if sys.platform.startswith("linux"):
                with pytest.raises(TaskFailed, match="quá nhiều bộ nhớ"):
                    await pool.run("tests.web.pool_tasks:hog", limits=Limits(30, memory=2**30))
            # After all that, a real file is still checked.
            result = await pool.run("check", str(SAMPLES / "muong-nhe.xlsx"), "2022-trang-cong-dong", "2022-03-20",
                                    limits=Limits(60))
            assert result["kiem_tra"]["totals"]["errors"] == 3
        finally:
            pool.close()

    _run(go())
