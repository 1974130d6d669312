"""Progress of a long step, per task (a source, a stage): redrawn in place on a terminal, as lines
in a log or cron mail.

On a terminal (stderr is a tty) a table with one row per task is redrawn in place with `rich`.
Otherwise every task gets a line when it starts, when it finishes, and every `interval` seconds
in between (default 30, or $STOPWIJZER_PROGRESS_SECONDS). Start and finish lines are printed in
both cases, so a log always holds them. Every line names its task:

    googleplay: 12/400 pages, 30 records, 0 errors, 1 retries, waiting 4.0 s (Retry-After), 42 s

Use it from any long command (crawl, record, probe, scoring):

    with Progress(echo) as progress:
        progress.start("googleplay", cap=400)
        progress.update("googleplay", pages=12, records=30, wait=1.5, wait_kind="throttle")
        progress.finish("googleplay", pages=40, records=80)

A task's facts are plain keyword fields: `pages` with `cap` shows as "12/400 pages", `bytes` as
a size, `wait` (seconds) with `wait_kind`, `note` as text, and any other number as "N name".
"""

from __future__ import annotations

import os
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

from rich.console import Console
from rich.live import Live
from rich.table import Table

from catalogue.timing import bytes_text, duration_text
from crawlers.errors import InputError

DEFAULT_INTERVAL = 30.0


def interval_from_env() -> float:
    value = os.environ.get("STOPWIJZER_PROGRESS_SECONDS", "")
    try:
        return float(value) if value else DEFAULT_INTERVAL
    except ValueError:
        raise InputError(f"STOPWIJZER_PROGRESS_SECONDS: not a number of seconds: {value!r}") \
            from None


def describe(fields: dict) -> str:
    """The facts of a task as one line, in a fixed order."""
    parts = []
    if fields.get("pages") is not None:
        cap = fields.get("cap")
        parts.append(f"{fields['pages']}/{cap} pages" if cap else f"{fields['pages']} pages")
    for name, value in fields.items():
        if name in ("pages", "cap", "bytes", "wait", "wait_kind", "note") or value is None:
            continue
        parts.append(f"{value} {name}")
    if fields.get("bytes"):
        parts.append(bytes_text(fields["bytes"]))
    if fields.get("wait"):
        kind = fields.get("wait_kind")
        parts.append(f"waiting {fields['wait']:.1f} s" + (f" ({kind})" if kind else ""))
    if fields.get("note"):
        parts.append(str(fields["note"]))
    return ", ".join(parts)


@dataclass
class Task:
    name: str
    started: float
    fields: dict = field(default_factory=dict)
    finished: float | None = None
    last_line: float = 0.0


class Progress:
    """Tasks and their facts, shown live on a terminal or as lines every `interval` seconds."""

    def __init__(self, echo: Callable[[str], None] = print, *, interval: float | None = None,
                 live: bool | None = None, clock: Callable[[], float] = time.monotonic):
        self.echo, self.clock = echo, clock
        self.interval = interval_from_env() if interval is None else interval
        self.live = sys.stderr.isatty() if live is None else live
        self.tasks: dict[str, Task] = {}
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        self._display: Live | None = None

    def __enter__(self) -> Progress:
        if self.live:
            self._display = Live(self, console=Console(stderr=True), refresh_per_second=2,
                                 transient=True, redirect_stdout=False, redirect_stderr=False)
            self._display.start()
        elif self.interval > 0:
            self._ticker = threading.Thread(target=self._tick_until_stopped, daemon=True)
            self._ticker.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._ticker:
            self._ticker.join()
        if self._display:
            self._display.stop()

    def start(self, name: str, **fields) -> None:
        with self._lock:
            now = self.clock()
            self.tasks[name] = Task(name, now, dict(fields), last_line=now)
            self.say(f"{name}: started" + (f", {describe(fields)}" if describe(fields) else ""))

    def update(self, name: str, **fields) -> None:
        with self._lock:
            task = self.tasks.get(name)
            if task is None:
                self.start(name, **fields)
            else:
                task.fields.update(fields)

    def finish(self, name: str, outcome: str = "finished", **fields) -> None:
        with self._lock:
            if name not in self.tasks:
                self.start(name)
            task = self.tasks[name]
            task.fields.update(fields)
            task.finished = self.clock()
            self.say(self.line(task, outcome))

    def finish_running(self, outcome: str) -> None:
        """End every task still running, e.g. when the process feeding them has died."""
        with self._lock:
            for name in [n for n, task in self.tasks.items() if task.finished is None]:
                self.finish(name, outcome)

    def say(self, line: str) -> None:
        """Echo a line; on a terminal the table is taken away for it and drawn again below it
        (echo may write to stderr its own way, e.g. click's, which rich cannot redirect)."""
        with self._lock:
            if self._display and self._display.is_started:
                self._display.stop()
                self.echo(line)
                self._display.start()
            else:
                self.echo(line)

    def line(self, task: Task, state: str | None = None) -> str:
        facts = describe({**task.fields, **({"wait": None} if task.finished else {})})
        elapsed = duration_text((task.finished or self.clock()) - task.started)
        timing = f"in {elapsed}" if task.finished else elapsed
        return f"{task.name}: " + ", ".join(p for p in (state, facts, timing) if p)

    def tick(self) -> None:
        """A line for every running task that has had none for `interval` seconds."""
        with self._lock:
            now = self.clock()
            for task in self.tasks.values():
                if task.finished is None and now - task.last_line >= self.interval:
                    task.last_line = now
                    self.say(self.line(task))

    def _tick_until_stopped(self) -> None:
        while not self._stop.wait(min(1.0, self.interval)):
            self.tick()

    def __rich__(self) -> Table:
        table = Table(box=None, show_header=False, pad_edge=False)
        with self._lock:  # a finished task has had its line
            for task in self.tasks.values():
                if task.finished is None:
                    table.add_row(task.name, self.line(task).removeprefix(f"{task.name}: "))
        return table
