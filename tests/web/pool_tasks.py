"""Tasks that misbehave on purpose, run by the worker pool's test (a module a worker process can import)."""

import os
import time


def sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "thức dậy"


def crash() -> None:
    os._exit(3)


def hog() -> int:
    return len(bytearray(3 * 2**30))


def pid() -> int:
    return os.getpid()
