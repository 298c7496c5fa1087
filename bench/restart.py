"""Restart benchmark: what readers feel while app servers are drained, restarted and reloaded.

    .venv/bin/python bench/restart.py               # 2 rounds
    .venv/bin/python bench/restart.py --rounds 5

Starts the production stack of ``tests/e2e/stack.py`` (Varnish, two ``broadsheet serve`` with
2 sync workers each, the worker, a PostgreSQL database and Redis keys of its own) with two
articles, and the reader load of ``tests/e2e/load.py`` through Varnish (3 threads posting
comments and reading the article page and the uncached comment-form token). Each round:

- a rolling restart: each app server in turn is stopped as systemd stops it (SIGTERM to the
  master alone: it drains, then stops), started again, and waited for until Varnish's probe
  counts it healthy;
- a reload: SIGHUP to each app server's master, until every worker is a new one.

Prints, per phase, the requests sent, how many failed (no answer, or not 201/200), the median,
99th percentile and worst latency; then each server's start-up time (start to ``/readyz`` 200),
how long a reload took to replace every worker, and the memory of one server (proportional set
size, master and workers). The e2e tests only assert that nothing failed; these are the figures.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.e2e.load import Answer, Load  # noqa: E402
from tests.e2e.stack import Stack  # noqa: E402

# The stack's probe counts a server sick after 2 failed probes 1 s apart; 3 s of margin.
DRAIN_SECONDS = 5
GIVE_UP = 120.0


def workers(master: int) -> set[int]:
    command = ["ps", "-o", "pid=", "--ppid", str(master)]
    ps = subprocess.run(command, capture_output=True, text=True)  # noqa: S603,S607 (fixed)
    return {int(pid) for pid in ps.stdout.split()}


def pss_mib(pids: set[int]) -> float:
    """Proportional set size of ``pids`` together: shared pages counted once in all."""
    total_kib = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                total_kib += int(line.split()[1])
    return total_kib / 1024


def reload_and_wait(stack: Stack, index: int) -> float:
    """SIGHUP app server ``index``; seconds until all its workers are new ones."""
    master = stack.processes[f"app{index}"].pid
    old = workers(master)
    started = time.monotonic()
    stack.reload_app_server(index)
    while True:
        now = workers(master)
        if now and not now & old and len(now) == stack.workers_per_server:
            return time.monotonic() - started
        if time.monotonic() - started > GIVE_UP:
            raise RuntimeError(f"app{index}'s workers were not replaced in {GIVE_UP} s")
        time.sleep(0.05)


def summary(name: str, answers: list[Answer]) -> str:
    if not answers:
        return f"| {name} | 0 | | | | |"
    times = sorted(answer.seconds * 1000 for answer in answers)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    failed = sum(answer.failed for answer in answers)
    return (
        f"| {name} | {len(answers)} | {failed} | {statistics.median(times):.0f} ms "
        f"| {p99:.0f} ms | {max(times):.0f} ms |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    stack = Stack(
        name=f"broadsheet_restart_{time.time_ns()}",
        settings_module="tests.e2e.settings",
        extra_env={"BROADSHEET_DRAIN_SECONDS": str(DRAIN_SECONDS)},
    )
    phases: dict[str, list[tuple[float, float]]] = {
        "steady": [],
        "rolling restart": [],
        "reload": [],
    }
    start_ups: list[float] = []
    reloads: list[float] = []
    try:
        article = stack.start_newsroom(articles=2)[0]
        memory = 0.0
        pages = [article["url"], f"/comments/token/{article['id']}/"]
        token = stack.form_token(article["id"])
        with Load(stack, article_id=article["id"], token=token, pages=pages, limit=10**6) as load:
            for number in range(1, args.rounds + 1):
                started = time.monotonic()
                time.sleep(5)
                phases["steady"].append((started, time.monotonic()))
                if number == 1:  # the first workers, after serving the load for a while
                    master = stack.processes["app0"].pid
                    memory = pss_mib({master} | workers(master))
                started = time.monotonic()
                for index in range(stack.app_servers):
                    stack.drain_app_server(index)
                    up = time.monotonic()
                    stack.start_app_server(index)
                    start_ups.append(time.monotonic() - up)
                    stack.wait_until_healthy(index)
                phases["rolling restart"].append((started, time.monotonic()))
                started = time.monotonic()
                reloads.extend(reload_and_wait(stack, index) for index in range(stack.app_servers))
                time.sleep(1)
                phases["reload"].append((started, time.monotonic()))
                print(f"round {number} done: {len(load.answers)} requests so far", flush=True)
    finally:
        stack.stop()

    print(
        f"\n{args.rounds} rounds, 2 app servers x 2 sync workers behind Varnish, "
        f"drain {DRAIN_SECONDS} s, 3 reader threads, {os.cpu_count()} cores"
    )
    print("| phase | requests | failed | median | p99 | worst |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, windows in phases.items():
        answers = [a for start, end in windows for a in load.between(start, end)]
        print(summary(name, answers))
    print(
        f"\nstart-up (start to /readyz 200): median {statistics.median(start_ups):.1f} s, "
        f"slowest {max(start_ups):.1f} s"
    )
    print(
        f"reload (SIGHUP to every worker replaced): median {statistics.median(reloads):.1f} s, "
        f"slowest {max(reloads):.1f} s"
    )
    print(f"memory of one app server (PSS, master + 2 workers): {memory:.0f} MiB")


if __name__ == "__main__":
    main()
