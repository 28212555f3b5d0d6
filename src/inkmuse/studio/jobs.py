"""Long work (a whole creation, a painting, a song) runs on worker threads, off the request.

Each job reserves its estimated memory from the studio's budget before it starts and gives
it back when it ends (`memory`). A job reports progress as a list of events that the front end reads as server-sent events
(`/api/jobs/{id}/events`) or by polling (`/api/jobs/{id}`).

    >>> runner = JobRunner(workers=1)
    >>> job = runner.submit("demo", lambda report: {"answer": 42})
    >>> runner.wait(job.id, timeout=5).result
    {'answer': 42}
    >>> runner.shutdown()
"""

from __future__ import annotations

import threading
import time
import traceback
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from inkmuse.core.errors import InkmuseError, InputError
from inkmuse.studio.faults import fault_body
from inkmuse.studio.memory import MB, MemoryBudget, give_back
from inkmuse.studio.pools import Busy, retry_after
from inkmuse.studio.problems import error_body

Report = Callable[[str, dict[str, Any]], None]  # (step name, details)
Work = Callable[[Report], dict[str, Any]]

MAX_KEPT = 200  # finished jobs remembered; older ones are forgotten (their files stay)
MAX_QUEUED = 32  # more waiting jobs than this is refused: a busy machine says so


class JobNotFound(InputError):
    """No job with that id (never made, or forgotten)."""


@dataclass
class Job:
    id: str
    kind: str
    status: str = "queued"  # queued, running, done, failed
    events: list[dict[str, Any]] = field(default_factory=list)
    result: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    created: float = field(default_factory=time.time)
    memory: int = 0  # bytes reserved from the budget while it runs
    neural: bool = False  # holds the onnxruntime session, dropped when it ends

    @property
    def finished(self) -> bool:
        return self.status in ("done", "failed")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "events": list(self.events),
            "result": self.result,
            "error": self.error,
        }


class JobRunner:
    def __init__(self, workers: int = 2, budget: MemoryBudget | None = None) -> None:
        self._workers = workers
        self.budget = budget or MemoryBudget(4096 * MB)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="inkmuse-job")
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)

    def submit(self, kind: str, work: Work, memory: int = 0, neural: bool = False) -> Job:
        """Queue `work`; `memory` is its estimated need in bytes (`memory.estimate_bytes`)."""
        self.budget.check(memory, f"this {kind}")
        with self._lock:
            waiting = sum(1 for j in self._jobs.values() if j.status == "queued")
            if waiting >= MAX_QUEUED:
                raise Busy(
                    f"{waiting} jobs are already waiting",
                    retry_after=retry_after(waiting, self._workers, self._seconds_each()),
                )
            job = Job(uuid.uuid4().hex[:16], kind, memory=memory, neural=neural)
            self._jobs[job.id] = job
            while len(self._jobs) > MAX_KEPT:
                oldest = next(iter(self._jobs.values()))
                if not oldest.finished:
                    break
                self._jobs.popitem(last=False)
        self._pool.submit(self._run, job, work)
        return job

    def get(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise JobNotFound(
                f"no job {job_id!r}", accepted="an id returned by a POST that starts a job"
            )
        return job

    def snapshot(self, job_id: str) -> dict[str, Any]:
        job = self.get(job_id)
        with self._lock:
            return job.to_dict()

    def wait(self, job_id: str, timeout: float) -> Job:
        """Block until the job finishes (or timeout seconds pass); returns it either way."""
        job = self.get(job_id)
        deadline = time.monotonic() + timeout
        with self._changed:
            while not job.finished and (left := deadline - time.monotonic()) > 0:
                self._changed.wait(left)
        return job

    def _seconds_each(self) -> float:
        """The average duration of the last finished jobs (5 s before any finished)."""
        took = [j.events[-1]["seconds"] for j in self._jobs.values() if j.finished][-10:]
        return sum(took) / len(took) if took else 5.0

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, job: Job, work: Work) -> None:
        started = time.perf_counter()

        def report(step: str, details: dict[str, Any]) -> None:
            with self._changed:
                job.events.append({"step": step, **details})
                self._changed.notify_all()

        with self.budget.reserve(job.memory):
            with self._changed:
                job.status = "running"
                self._changed.notify_all()
            try:
                result = work(report)
                error = None
            except InkmuseError as err:
                result, error = None, error_body(err)
            except Exception as err:  # storage faults said plainly; a bug is also logged
                status, error = fault_body(err)
                result = None
                if status == 500:
                    traceback.print_exc()
            finally:
                give_back(neural=job.neural)
        with self._changed:
            job.result, job.error = result, error
            job.status = "failed" if error else "done"
            job.events.append({"step": job.status, "seconds": time.perf_counter() - started})
            self._changed.notify_all()
