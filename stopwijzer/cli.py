"""`stopwijzer`: the command line. Each command is a thin wrapper over stopwijzer.pipeline and the
stage packages.

Honest errors: an expected problem (bad input, a broken database or curation file, a missing
folder) is one line on stderr naming what and where; a usage error is one line and exit code 2;
anything else is a bug and shows its traceback. `--debug` shows the traceback of every error.

Exit codes: 0 ok, 1 error, 2 bad usage, 3 another run is busy, 4 finished but a source failed.
"""

from __future__ import annotations

import functools
import os
import json
import sys
import traceback
import warnings
from pathlib import Path
from typing import Annotated, Optional

import duckdb
import typer
from typer._click.exceptions import NoArgsIsHelpError, UsageError  # typer 0.29 bundles click

from catalogue.curation import CurationError, load_curation
from catalogue.export import FORMATS, export as export_views
from catalogue.store import CatalogueBusy, CatalogueError, connect_readonly
from crawlers.errors import InputError
from crawlers.items import SOURCES
from publish.build import serve as serve_site
from stopwijzer.operations import (RETENTION_DAYS, prune, restore as restore_backup,
                                   status as operation_status)
from scoring import rate as rate_app
from stopwijzer import pipeline
from stopwijzer import probe as live_probe

# Plain help screens (no boxes, no type of --help); English, like every message of the CLI.
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None,
                  help="Stopwijzer: monitor of stop-smoking apps and programmes for POH.")

EXIT_ERROR, EXIT_USAGE, EXIT_BUSY, EXIT_SOURCE_FAILED = 1, 2, 3, 4
# Problems of the input or the environment, reported in one line. Our own checks of the input
# raise InputError (ParseError is one); any other ValueError is a bug and shows its traceback.
EXPECTED_ERRORS = (InputError, CatalogueError, CurationError, FileNotFoundError, IsADirectoryError,
                   NotADirectoryError, FileExistsError, PermissionError, duckdb.IOException)


class State:
    db: Path = pipeline.DEFAULT_DB
    debug: bool = False


def echo(message: str) -> None:
    typer.echo(message, err=True)


def fail(message: str, code: int = EXIT_ERROR):
    typer.echo(f"stopwijzer: error: {message}", err=True)
    raise typer.Exit(code)


def _first_line(error: BaseException) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def friendly_errors(command):
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (typer.Exit, UsageError):
            raise
        except Exception as error:
            if State.debug:
                raise
            if isinstance(error, CatalogueBusy):
                fail(str(error), EXIT_BUSY)
            if isinstance(error, EXPECTED_ERRORS):
                fail(_first_line(error))
            traceback.print_exc()
            fail(f"unexpected {type(error).__name__}: {_first_line(error)}; this is a bug, "
                 "please report it with the traceback above")
    return wrapper


def check_sources(names: list[str] | None) -> list[str]:
    for name in names or []:
        if name not in SOURCES:
            raise typer.BadParameter(f"unknown source '{name}'; choose from {', '.join(SOURCES)}")
    return list(names or SOURCES)


SourceOption = Annotated[Optional[list[str]], typer.Option(
    "--source", help=f"only these sources ({', '.join(SOURCES)}); repeat for several")]


@app.callback()
def main(db: Annotated[Path, typer.Option(help="the catalogue database",
                                          envvar="STOPWIJZER_DB")] = pipeline.DEFAULT_DB,
         verbose: Annotated[bool, typer.Option(
             "--verbose", help="also show Scrapy's own log while crawling (it is always in "
                               "the crawl folder's crawl.log)")] = False,
         debug: Annotated[bool, typer.Option("--debug", help="show the traceback of any error")]
         = False):
    State.db, State.debug = db, debug
    if verbose:  # read by pipeline.verbose(), wherever the crawl is started from
        os.environ["STOPWIJZER_VERBOSE"] = "1"


def report_run(summary) -> None:
    for source, result in summary.sources.items():
        health = result.health
        echo(f"  {source}: {health.status}, {result.records} records ({result.new} new, "
             f"{result.changed} changed, {result.gone} gone)"
             + (f" - {health.reason}" if health.reason else ""))
    typer.echo(summary.line())
    if any(r.health.status == "failed" for r in summary.sources.values()):
        raise typer.Exit(EXIT_SOURCE_FAILED)


@app.command()
@friendly_errors
def crawl(source: SourceOption = None,
          replay: Annotated[Optional[Path], typer.Option(
              help="replay this recorded snapshot folder instead of crawling live")] = None):
    """Crawl the sources (live, or replaying a snapshot) and store what was found."""
    report_run(pipeline.crawl(State.db, check_sources(source), replay=replay, echo=echo))


@app.command()
@friendly_errors
def record(snapshot: Annotated[Path, typer.Argument(help="folder to write the snapshot to")],
           source: SourceOption = None):
    """Crawl live and record every response into a snapshot folder for --replay."""
    code = pipeline.record(snapshot, check_sources(source), echo=echo)
    typer.echo(f"snapshot written to {snapshot / 'manifest.jsonl'}")
    raise typer.Exit(code and EXIT_ERROR)


@app.command()
@friendly_errors
def parse(source: Annotated[str, typer.Argument(help=f"one of {', '.join(SOURCES)}")],
          file: Annotated[Path, typer.Argument(help="a saved page or API response")],
          url: Annotated[str, typer.Option(help="the URL the file was saved from")]):
    """Parse one saved page with that source's parser; print its records as JSON lines."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        parsed = pipeline.parse_file(check_sources([source])[0], file, url)
    for warning in caught:  # e.g. a fallback the parser had to use
        echo(f"stopwijzer: warning: {warning.message}")
    for record_ in parsed.records:
        typer.echo(json.dumps(record_, ensure_ascii=False))
    for link in parsed.follow:
        echo(f"would follow: {link}")


@app.command()
@friendly_errors
def ingest(source: Annotated[str, typer.Argument(help=f"one of {', '.join(SOURCES)}")],
           file: Annotated[Path, typer.Argument(help="a saved page or API response")],
           url: Annotated[str, typer.Option(help="the URL the file was saved from")]):
    """Parse a saved page and store its records as a manual observation."""
    summary = pipeline.ingest_file(State.db, check_sources([source])[0], file, url)
    typer.echo(summary.line())
    echo("not rated or published yet: run 'stopwijzer score' and 'stopwijzer site' "
         "(or wait for the nightly)")


def run() -> None:
    """Console-script entry point: usage errors as one line on stderr, exit code 2."""
    try:
        code = app(standalone_mode=False, prog_name="stopwijzer")
    except NoArgsIsHelpError as error:
        typer.echo(error.format_message())
        sys.exit(0)
    except UsageError as error:
        command = error.ctx.command_path if error.ctx else "stopwijzer"
        typer.echo(f"stopwijzer: error: {error.format_message()} (see '{command} --help')",
                   err=True)
        sys.exit(EXIT_USAGE)
    except (KeyboardInterrupt, typer.Abort):
        typer.echo("stopwijzer: interrupted; the database is as it was before this run", err=True)
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


@app.command()
@friendly_errors
def score():
    """Rate every app in the catalogue again (after a rubric or curation change)."""
    typer.echo(pipeline.score_only(State.db, echo).line())


@app.command()
@friendly_errors
def site(out: Annotated[Path, typer.Option(help="folder for the built site")] =
         pipeline.DEFAULT_SITE):
    """Build the Dutch site from the catalogue."""
    typer.echo(f"site: {pipeline.publish_site(State.db, out, load_curation(), echo)}")


@app.command()
@friendly_errors
def nightly(source: SourceOption = None,
            replay: Annotated[Optional[Path], typer.Option(
                help="replay this recorded snapshot instead of crawling live")] = None,
            site: Annotated[Path, typer.Option(help="folder for the built site")] =
            pipeline.DEFAULT_SITE):
    """Crawl, score and build the site in one run (what cron runs every night)."""
    result = pipeline.nightly(State.db, site, check_sources(source), replay=replay, echo=echo)
    for label, path in (("database", State.db), ("site", result.site_index),
                        ("change report", result.report), ("log", result.log)):
        typer.echo(f"{label + ':':<15}{os.path.abspath(path)}")
    removed = prune(State.db)
    if removed:
        echo(f"retention: removed {len(removed)} crawl folders and logs older than "
             f"{RETENTION_DAYS} days")
    report_run(result.run)


@app.command()
@friendly_errors
def restore(backup: Annotated[Path, typer.Argument(help="a backup file from data/backups/")],
            site: Annotated[Path, typer.Option(help="folder for the built site")] =
            pipeline.DEFAULT_SITE):
    """Put a backup in place of the database and rebuild the site from it."""
    saved = restore_backup(backup, State.db)
    if saved:
        echo(f"the replaced database is kept as {saved}")
    typer.echo(f"restored {backup} to {State.db}")
    typer.echo(f"site: {pipeline.publish_site(State.db, site, load_curation())}")


@app.command()
@friendly_errors
def status():
    """Last runs, health per source, database size and apps waiting for review."""
    with connect_readonly(State.db) as con:
        typer.echo(operation_status(con, State.db, load_curation()))


@app.command()
@friendly_errors
def export(fmt: Annotated[str, typer.Option("--format", help=" or ".join(FORMATS))] = "parquet",
           out: Annotated[Path, typer.Option(help="folder to write to")] = Path("export")):
    """Write every documented view as Parquet or CSV with a datapackage.json."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"'{fmt}' is not one of {', '.join(FORMATS)}",
                                 param_hint="--format")
    with connect_readonly(State.db) as con:
        typer.echo(f"written: {export_views(con, out, fmt)}")


@app.command()
@friendly_errors
def rate(file: Annotated[Path, typer.Argument(help="one app record as JSON")]):
    """Rate one app record (JSON with at least name and description) and print the ratings."""
    try:
        record_ = json.loads(file.read_text(encoding="utf-8"))
    except ValueError as error:
        raise InputError(f"{file}: not valid JSON ({error})") from None
    if not isinstance(record_, dict) or not record_.get("name") or "description" not in record_:
        raise InputError(f"{file}: an app record needs at least 'name' and 'description'")
    typer.echo(json.dumps(rate_app(record_), ensure_ascii=False, indent=2))


@app.command()
@friendly_errors
def serve(out: Annotated[Path, typer.Option(help="the built site folder")] = pipeline.DEFAULT_SITE,
          port: Annotated[int, typer.Option(help="port on localhost")] = 8000):
    """Show the built site on http://localhost:PORT."""
    if not (out / "index.html").exists():
        raise FileNotFoundError(f"{out}: no built site; run 'make demo' or 'stopwijzer site'")
    echo(f"Stopwijzer at http://localhost:{port}/ (Ctrl+C stops)")
    serve_site(out, port)


@app.command()
@friendly_errors
def probe(source: SourceOption = None):
    """Before the first live nightly: fetch each source's entry page and one page of each kind,
    politely, and count what every selector or label finds; exit 1 when a required one finds
    nothing. Writes nothing; STOPWIJZER_MIRROR probes a mirror instead of the live sites."""
    fetch = live_probe.Fetcher(os.environ.get("STOPWIJZER_MIRROR"))
    raise typer.Exit(0 if live_probe.probe(check_sources(source), fetch, echo=typer.echo)
                     else EXIT_ERROR)
