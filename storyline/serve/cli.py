"""The storyline command line: thin commands over the Python API (storyline.app)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from storyline.app import Storyline
from storyline.config import load_config
from storyline.errors import StorylineError
from storyline.reconcile.query import EventQuery
from storyline.serve import render
from storyline.store import StoryFilter

app = typer.Typer(
    help="storyline: news pages from many outlets into stories with reconciled, sourced facts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err = Console(stderr=True)

DbOption = Annotated[str, typer.Option("--db", help="SQLite file, or a postgresql:// URL.")]
ConfigOption = Annotated[Path | None, typer.Option("--config", help="TOML file over the defaults.")]
PROGRESS_MIN = 5  # show a progress bar on runs of more than a few articles
MAX_SHOWN = 20  # rejected inputs listed on the terminal; the export lists them all


def _open(db: str, config: Path | None = None, **overrides: object) -> Storyline:
    try:
        return Storyline(config=load_config(config, db=db, **overrides))
    except StorylineError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


@app.command()
def run(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, folders or URLs: .txt, .html, .jsonl[.gz] feeds, .warc[.gz], RSS/Atom, http(s)://"),
    ],
    db: DbOption = "storyline.db",
    export: Annotated[Path | None, typer.Option("--export", help="Write the export files here.")] = None,
    engine: Annotated[str, typer.Option(help="local, or dask to spread clean/extract over workers.")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (default: a LocalCluster).")] = None,
    config: ConfigOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors and the summary line.")] = False,
) -> None:
    """Ingest pages and feeds, group them into stories, extract and reconcile facts."""
    with _open(db, config, engine=engine, scheduler=scheduler) as sl:
        try:
            with Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=err,
                transient=True,
                disable=quiet,
            ) as bar:
                task = bar.add_task("cleaning and extracting", total=None, visible=False)

                def progress(done: int, total: int) -> None:
                    if total > PROGRESS_MIN:
                        bar.update(task, completed=done, total=total, visible=True)

                report = sl.run(paths, progress)
        except StorylineError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(1) from exc
        for r in report.rejected[:MAX_SHOWN]:
            err.print(f"[yellow]rejected[/yellow] {escape(r.id)}: {escape(r.reason)}")
        if report.n_rejected > MAX_SHOWN:
            err.print(f"… {report.n_rejected - MAX_SHOWN} more rejected: see rejected.jsonl in the export")
        console.print(
            f"{report.read} read, {report.new} new, {report.unchanged} unchanged, "
            f"{report.n_rejected} rejected; {len(report.story_ids)} stories"
        )
        if not quiet:
            for story_id in report.story_ids[:10]:
                story = sl.story(story_id)
                if story is not None:
                    render.story_summary(console, story, sl.articles(story_id))
            if len(report.story_ids) > 10:
                console.print(f"… and {len(report.story_ids) - 10} more: see `storyline stories`")
        if export is not None:
            counts = sl.export(export, story_ids=report.story_ids)
            console.print(f"exported to {export}: " + ", ".join(f"{n} {k}" for k, n in counts.items()))


@app.command()
def stories(
    db: DbOption = "storyline.db",
    search: Annotated[str | None, typer.Option("--search", "-s", help="Full-text search.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only stories with an article from this outlet.")] = None,
    place: Annotated[str | None, typer.Option(help="City, region or country of the event.")] = None,
    event: Annotated[str | None, typer.Option(help="Event type, e.g. shooting, attack, meeting.")] = None,
    limit: int = 50,
) -> None:
    """List stories, newest first."""
    with _open(db) as sl:
        where = StoryFilter(text=search, outlet=outlet, place=place, event_type=event, limit=limit)
        render.story_table(console, sl.stories(where), sl.count_stories(where))


@app.command()
def show(story_id: str, db: DbOption = "storyline.db") -> None:
    """One story: the event record, claims with status, articles side by side, facts."""
    with _open(db) as sl:
        story = sl.story(story_id)
        if story is None:
            err.print(f"[red]error:[/red] no story {story_id!r} in {db}")
            raise typer.Exit(1)
        render.story_detail(console, story, sl.articles(story_id))


@app.command()
def outlets(db: DbOption = "storyline.db", limit: int = 50) -> None:
    """Where each outlet reports from, as its reports' datelines tell: the state and town its stories are read in."""
    with _open(db) as sl:
        render.outlet_table(console, sl.outlets(), limit)


@app.command("export")
def export_cmd(directory: Path, db: DbOption = "storyline.db") -> None:
    """Write articles, stories, facts, claims, rejected (JSON Lines) and events.csv for the whole store."""
    with _open(db) as sl:
        counts = sl.export(directory)
        console.print(f"exported to {directory}: " + ", ".join(f"{n} {k}" for k, n in counts.items()))


@app.command()
def query(
    db: DbOption = "storyline.db",
    event: Annotated[
        str | None, typer.Option(help="killing, injuring, or an event type (shooting, attack, ...).")
    ] = None,
    city: Annotated[str | None, typer.Option(help="City of the event.")] = None,
    state: Annotated[str | None, typer.Option(help="State or region (US postal codes accepted).")] = None,
    country: Annotated[str | None, typer.Option(help="Country of the event.")] = None,
    period: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD of the event date.")] = None,
    batch: Annotated[
        Path | None, typer.Option(help="JSON Lines of questions (qid, event_type, city, state, period).")
    ] = None,
    answers: Annotated[Path | None, typer.Option(help="Where --batch writes {qid, answer, story_ids} lines.")] = None,
) -> None:
    """Count events by type, place and period, with the matching stories and their sources."""
    with _open(db) as sl:
        try:
            if batch is not None:
                out = answers or batch.with_suffix(".answers.jsonl")
                n = sl.answer_file(batch, out)
                console.print(f"{n} questions answered in {out}")
                return
            result = sl.query(EventQuery(event_type=event, city=city, state=state, country=country, period=period))
        except StorylineError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(1) from exc
        console.print(
            f"[bold]{result.answer}[/bold] events · killed {result.participants.get('killed', 0):g} · "
            f"injured {result.participants.get('injured', 0):g}"
        )
        render.story_table(console, [s for s in (sl.story(i) for i in result.story_ids) if s], result.answer)


@app.command()
def watch(
    target: Annotated[str, typer.Argument(help="A folder to watch for new pages, or an RSS/Atom feed URL.")],
    db: DbOption = "storyline.db",
    interval: Annotated[float, typer.Option(help="Seconds between polls.")] = 5.0,
    once: Annotated[bool, typer.Option("--once", help="One pass, then exit.")] = False,
) -> None:
    """Ingest pages as they arrive in a folder or feed, updating stories incrementally (Ctrl-C stops)."""
    from storyline.watch import watch as watch_target

    with _open(db) as sl:

        def report(new: int, rejected: int) -> None:
            console.print(f"{new} new, {rejected} rejected")

        try:
            total = watch_target(sl, target, interval=interval, once=once, on_poll=report)
        except StorylineError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(1) from exc
        except KeyboardInterrupt:
            return
        console.print(f"{total} new articles stored")


@app.command()
def serve(
    db: DbOption = "storyline.db",
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(envvar="STORYLINE_TOKEN", help="API token for write endpoints.")] = None,
) -> None:
    """Serve the REST API (/api; schema at /api/openapi.json, reference at /docs) and the web UI."""
    import uvicorn

    from storyline.serve.api import create_app

    uvicorn.run(create_app(load_config(None, db=db), token=token, host=host), host=host, port=port)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()
