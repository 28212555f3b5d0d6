"""Long work (a whole creation, a painting, a song) runs on worker threads, off the request.

A job reports progress as a list of events that the front end reads as server-sent events
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

Report = Callable[[str, dict[str, Any]], None]  # (step name, details)
Work = Callable[[Report], dict[str, Any]]

MAX_KEPT = 200  # finished jobs remembered; older ones are forgotten (their files stay)
MAX_QUEUED = 32  # more waiting jobs than this is refused: a busy machine says so


class JobNotFound(InputError):
    """No job with that id (never made, or forgotten)."""


class Busy(InkmuseError):
    """Too many jobs are waiting."""


@dataclass
class Job:
    id: str
    kind: str
    status: str = "queued"  # queued, running, done, failed
    events: list[dict[str, Any]] = field(default_factory=list)
    result: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    created: float = field(default_factory=time.time)

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
    def __init__(self, workers: int = 2) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="inkmuse-job")
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)

    def submit(self, kind: str, work: Work) -> Job:
        with self._lock:
            waiting = sum(1 for j in self._jobs.values() if j.status == "queued")
            if waiting >= MAX_QUEUED:
                raise Busy(f"{waiting} jobs are already waiting", hint="try again in a moment")
            job = Job(uuid.uuid4().hex[:16], kind)
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

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, job: Job, work: Work) -> None:
        started = time.perf_counter()

        def report(step: str, details: dict[str, Any]) -> None:
            with self._changed:
                job.events.append({"step": step, **details})
                self._changed.notify_all()

        with self._changed:
            job.status = "running"
            self._changed.notify_all()
        try:
            result = work(report)
            error = None
        except InkmuseError as err:
            result, error = None, error_body(err)
        except Exception as err:  # a bug: logged, and the person sees that it failed
            traceback.print_exc()
            result, error = None, {"problem": f"internal error: {type(err).__name__}"}
        with self._changed:
            job.result, job.error = result, error
            job.status = "failed" if error else "done"
            job.events.append({"step": job.status, "seconds": time.perf_counter() - started})
            self._changed.notify_all()


def error_body(err: InkmuseError) -> dict[str, Any]:
    """The JSON every API error carries: what was wrong, what is accepted, what to try."""
    return {
        "problem": err.problem,
        "accepted": err.accepted,
        "hint": err.hint,
        "message": str(err),
        "type": type(err).__name__,
    }
