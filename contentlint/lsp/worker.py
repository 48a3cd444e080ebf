"""One background thread that runs analyses in order, off the event loop."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any, TypeVar

T = TypeVar("T")


class Worker(Executor):
    """A one-thread executor whose thread is a daemon: an editor's `exit` ends the server at once, even in the
    middle of analysing a long post (a ThreadPoolExecutor would be joined at interpreter exit first)."""

    def __init__(self, name: str) -> None:
        self._jobs: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]]] = queue.SimpleQueue()
        threading.Thread(target=self._run, name=name, daemon=True).start()

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        self._jobs.put((future, lambda: fn(*args, **kwargs)))
        return future

    def _run(self) -> None:
        while True:
            future, job = self._jobs.get()
            if not future.set_running_or_notify_cancel():
                continue  # cancelled while it waited: a newer edit replaced it
            try:
                future.set_result(job())
            except BaseException as exc:
                future.set_exception(exc)
