"""The job runner: results, errors that say what was wrong, bugs that do not leak, limits."""

from __future__ import annotations

import threading
import time

import pytest

from inkmuse.core.errors import InputError
from inkmuse.studio.jobs import MAX_QUEUED, JobNotFound, JobRunner
from inkmuse.studio.pools import Busy


@pytest.fixture()
def runner() -> JobRunner:
    return JobRunner(workers=1)


def test_progress_events_then_the_result(runner: JobRunner) -> None:
    def work(report):  # type: ignore[no-untyped-def]
        report("poem", {"seconds": 0.1})
        report("painting", {"seconds": 0.2})
        return {"ok": True}

    job = runner.wait(runner.submit("demo", work).id, timeout=10)
    assert job.status == "done" and job.result == {"ok": True}
    assert [e["step"] for e in job.events] == ["poem", "painting", "done"]
    runner.shutdown()


def test_input_errors_are_reported_and_bugs_are_not_leaked(
    runner: JobRunner, capsys: pytest.CaptureFixture[str]
) -> None:
    def bad_input(report):  # type: ignore[no-untyped-def]
        raise InputError("unknown key 'H dorian'", accepted="e.g. D羽, A minor")

    def bug(report):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("secret detail")

    a = runner.wait(runner.submit("a", bad_input).id, timeout=10)
    b = runner.wait(runner.submit("b", bug).id, timeout=10)
    assert a.status == "failed" and a.error is not None
    assert a.error["problem"] == "unknown key 'H dorian'" and a.error["accepted"]
    assert b.error is not None and b.error["type"] == "InternalError"
    assert "secret detail" not in str(b.error)
    assert "secret detail" in capsys.readouterr().err  # logged for the person running it
    runner.shutdown()


def test_unknown_jobs_and_a_full_queue_are_refused(runner: JobRunner) -> None:
    with pytest.raises(JobNotFound):
        runner.get("nope")
    gate = threading.Event()
    blocker = runner.submit("blocker", lambda report: {"ok": gate.wait(10)})
    try:
        deadline = time.monotonic() + 10
        while runner.get(blocker.id).status != "running" and time.monotonic() < deadline:
            time.sleep(0.01)  # the one worker is now busy: everything else waits
        for _ in range(MAX_QUEUED):
            runner.submit("queued", lambda report: {})
        with pytest.raises(Busy, match="already waiting") as busy:
            runner.submit("one too many", lambda report: {})
        assert 1 <= busy.value.retry_after <= 60
    finally:
        gate.set()
        runner.shutdown()
