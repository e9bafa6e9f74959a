"""The REST API under /api: read resources over the store, counting queries, and ingest jobs."""

from __future__ import annotations

import gzip
import importlib
import io
import json
import zlib
from dataclasses import asdict
from datetime import date
from itertools import islice
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from storyline.errors import InputError
from storyline.export import article_json, claim_json, fact_json
from storyline.ingest.decode import MAX_PAGE_BYTES
from storyline.ingest.jsonl import article_from_record
from storyline.model import Article, Rejected
from storyline.reconcile.digest import digest, timeline
from storyline.reconcile.outlets import STATE_KEY, OutletHomes
from storyline.reconcile.query import EventQuery, answer_query
from storyline.serve import api_views as views
from storyline.serve.api_core import ERROR_RESPONSES, WRITE_ERRORS, ApiError, reader, require_write, state
from storyline.serve.api_jobs import Items
from storyline.store import Store, StoryFilter

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

MAX_LIMIT = 200  # page size cap: a story list page of 200 renders in well under a second on the dev stores
MAX_FEED_LINES = 50_000  # lines in one posted feed; larger feeds go through `storyline run`
PAGE_WAIT_S = 30.0  # a single posted page is answered when done (a cold pipeline loads spaCy first)
Status = Literal["agreed", "conflict", "single", "updated"]
Db = Annotated[Store, Depends(reader)]


class Page(BaseModel):
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    next: str | None = Field(None, description="URL of the next page, or null on the last page")


def story_filters(
    q: Annotated[str | None, Query(description="Full-text search on article titles and bodies")] = None,
    outlet: Annotated[str | None, Query(description="Stories with an article from this outlet")] = None,
    since: Annotated[date | None, Query(description="Event date (else first report) on or after")] = None,
    until: Annotated[date | None, Query(description="Event date (else first report) on or before")] = None,
    place: Annotated[str | None, Query(description="City, region or country of the event")] = None,
    event_type: Annotated[str | None, Query(description="shooting, attack, meeting, ...")] = None,
    status: Annotated[Status | None, Query(description="Stories with a claim of this status")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> StoryFilter:
    return views.story_filter(
        q=q,
        outlet=outlet,
        since=since,
        until=until,
        place=place,
        event_type=event_type,
        status=status,
        limit=limit,
        offset=offset,
    )


Filters = Annotated[StoryFilter, Depends(story_filters)]


def _page(request: Request, items: list[dict[str, Any]], total: int, limit: int, offset: int) -> Page:
    nxt = None
    if offset + limit < total:
        nxt = str(request.url.include_query_params(offset=offset + limit, limit=limit))
    return Page(items=items, total=total, limit=limit, offset=offset, next=nxt)


def _story_or_404(store: Store, story_id: str) -> Any:
    story = store.story(story_id)
    if story is None:
        raise ApiError(404, f"no story {story_id!r}")
    return story


# -- stories ------------------------------------------------------------------------------------
@router.get("/stories", response_model=Page, summary="List stories, newest first")
def list_stories(request: Request, store: Db, where: Filters) -> Page:
    stories, total = views.list_stories(store, where)
    return _page(request, [views.story_summary(s) for s in stories], total, where.limit, where.offset)


@router.get("/search", response_model=Page, summary="Full-text search over articles, as stories")
def search(request: Request, store: Db, where: Filters) -> Page:
    if not where.text:
        raise ApiError(400, "give q, the words to search for")
    stories, total = views.list_stories(store, where)
    return _page(request, [views.story_summary(s) for s in stories], total, where.limit, where.offset)


@router.get("/stories/{story_id}", summary="One story: event record, claims, outlets")
def get_story(store: Db, story_id: str) -> dict[str, Any]:
    story = _story_or_404(store, story_id)
    return views.story_detail_json(views.story_view(story, store.articles(story_ids=[story_id])))


@router.get("/stories/{story_id}/articles", summary="The articles of one story, with their facts")
def story_articles(store: Db, story_id: str) -> list[dict[str, Any]]:
    _story_or_404(store, story_id)
    return [views.article_detail_json(a) for a in store.articles(story_ids=[story_id])]


@router.get("/stories/{story_id}/claims", summary="The reconciled claims of one story")
def story_claims(store: Db, story_id: str) -> list[dict[str, Any]]:
    return [claim_json(c) for c in _story_or_404(store, story_id).claims]


@router.get("/stories/{story_id}/facts", summary="Every fact the story's articles state")
def story_facts(store: Db, story_id: str, type: str | None = None) -> list[dict[str, Any]]:
    _story_or_404(store, story_id)
    return [
        fact_json(f, a.story_id)
        for a in store.articles(story_ids=[story_id])
        for f in a.facts
        if type is None or f.type == type
    ]


@router.get("/stories/{story_id}/timeline", summary="Dated events read from the text and the reports, in order")
def story_timeline(store: Db, story_id: str) -> list[dict[str, Any]]:
    story = _story_or_404(store, story_id)
    return [
        {"day": e.day.isoformat(), "kind": e.kind, "text": e.text, "article_ids": e.article_ids, "outlets": e.outlets}
        for e in timeline(story, store.articles(story_ids=[story_id]))
    ]


@router.get("/stories/{story_id}/digest", summary="A short extractive digest, each sentence with its sources")
def story_digest(store: Db, story_id: str, size: Annotated[int, Query(ge=1, le=20)] = 5) -> list[dict[str, Any]]:
    story = _story_or_404(store, story_id)
    return [
        {"sentence": d.sentence, "article_ids": d.article_ids, "outlets": d.outlets}
        for d in digest(story, store.articles(story_ids=[story_id]), size)
    ]


# -- articles, facts, claims, events ---------------------------------------------------------------
@router.get("/outlets", summary="Where each outlet reports from: its home state and town, as its reports tell")
def list_outlets(store: Db) -> list[dict[str, Any]]:
    return [asdict(o) for o in OutletHomes.loads(store.get_state(STATE_KEY)).table()]


@router.get("/articles", response_model=Page, summary="List articles (all, or one story's)")
def list_articles(
    request: Request,
    store: Db,
    story_id: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Page:
    if story_id is not None:
        found = store.articles(story_ids=[story_id], facts=False)
        return _page(request, [article_json(a) for a in found[offset : offset + limit]], len(found), limit, offset)
    total = store.counts()["articles"]
    page = list(islice(store.iter_articles(facts=False), offset, offset + limit))
    return _page(request, [article_json(a) for a in page], total, limit, offset)


@router.get("/articles/{article_id}", summary="One article with its facts")
def get_article(store: Db, article_id: str) -> dict[str, Any]:
    found = store.articles(ids=[article_id])
    if not found:
        raise ApiError(404, f"no article {article_id!r}")
    return views.article_detail_json(found[0])


@router.get("/facts", summary="Facts of one article or one story")
def list_facts(
    store: Db, article_id: str | None = None, story_id: str | None = None, type: str | None = None
) -> list[dict[str, Any]]:
    if article_id is None and story_id is None:
        raise ApiError(400, "give article_id or story_id: facts are listed per article or per story")
    if article_id is not None:
        articles = store.articles(ids=[article_id])
        if not articles:
            raise ApiError(404, f"no article {article_id!r}")
    else:
        _story_or_404(store, str(story_id))
        articles = store.articles(story_ids=[str(story_id)])
    return [fact_json(f, a.story_id) for a in articles for f in a.facts if type is None or f.type == type]


@router.get("/claims", response_model=Page, summary="Claims of the stories that match the filters")
def list_claims(
    request: Request,
    store: Db,
    where: Filters,
    slot: str | None = None,
    claim_status: Annotated[Status | None, Query(description="Only claims with this status")] = None,
) -> Page:
    claims = [
        claim_json(c)
        for s in views.all_stories(store, where)
        for c in s.claims
        if (slot is None or c.slot == slot) and (claim_status is None or c.status == claim_status)
    ]
    page = claims[where.offset : where.offset + where.limit]
    return _page(request, page, len(claims), where.limit, where.offset)


@router.get(
    "/events",
    summary="Stories as event rows (ACLED-like columns); format=csv for a spreadsheet",
    response_model=None,
)
def list_events(
    request: Request, store: Db, where: Filters, format: Literal["json", "csv"] = "json"
) -> Page | PlainTextResponse:
    if format == "csv":
        rows = views.event_rows(store, views.all_stories(store, where))
        return _csv(views.csv_text(rows, views.EVENTS_CSV_COLUMNS), "events.csv")
    stories, total = views.list_stories(store, where)
    return _page(request, views.event_rows(store, stories), total, where.limit, where.offset)


def _csv(text: str, name: str) -> PlainTextResponse:
    return PlainTextResponse(
        text, media_type="text/csv", headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


# -- counting questions ---------------------------------------------------------------------------
def event_query(
    event_type: Annotated[str | None, Query(description="killing, injuring, or an event type")] = None,
    city: str | None = None,
    state: Annotated[str | None, Query(description="Region: a US state (postal codes too), a province")] = None,
    country: str | None = None,
    period: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD of the event date")] = None,
) -> EventQuery:
    return EventQuery(
        event_type=event_type or None, city=city or None, state=state or None, country=country or None,
        period=period or None,
    )  # fmt: skip


Question = Annotated[EventQuery, Depends(event_query)]


@router.get("/query", summary="How many events of a type, in a place, in a period")
def query(store: Db, q: Question) -> dict[str, Any]:
    result = answer_query(store, q)
    return {
        "answer": result.answer,
        "story_ids": result.story_ids,
        "participants": result.participants,
        "sources": result.sources,
    }


@router.get("/query/series", summary="Counts over time for a query; format=csv for a download", response_model=None)
def query_series(
    store: Db,
    q: Question,
    measure: views.Measure = "events",
    bucket: views.Bucket = "auto",
    format: Literal["json", "csv"] = "json",
) -> dict[str, Any] | PlainTextResponse:
    found = views.series(views.query_stories(store, q), measure, bucket)
    if format == "csv":
        return _csv(found.csv(), f"{measure}-per-{found.bucket}.csv")
    return found.json()


# -- ingest -------------------------------------------------------------------------------------
class IngestRequest(BaseModel):
    """Exactly one of: a page, a feed (a list of pages), a URL to fetch."""

    page: dict[str, Any] | None = Field(None, description="One record of the article feed (CONTRACT.md)")
    feed: list[dict[str, Any]] | None = Field(None, description="Records of the article feed")
    url: str | None = Field(None, description="An http(s) page to fetch with the project's fetcher")


def _feed_items(records: list[Any], source: str) -> Items:
    items: Items = []
    for lineno, record in enumerate(records, start=1):
        try:
            items.append(article_from_record(record, f"{source}:{lineno}"))
        except InputError as exc:
            rid = record.get("id") if isinstance(record, dict) else None
            items.append(Rejected(id=str(rid) if rid else f"{source}:{lineno}", reason=str(exc), source=source))
    return items


def _url_job(url: str) -> Any:
    if views.safe_url(url) is None:
        raise ApiError(400, "url must be an http or https URL")
    try:  # written beside this module by the fetch work; this installation may not have it yet
        fetch_url = getattr(importlib.import_module("storyline.ingest.fetch"), "fetch_url", None)
    except ImportError:
        fetch_url = None
    if fetch_url is None:
        raise ApiError(501, "URL ingest needs storyline.ingest.fetch.fetch_url, which this installation lacks")

    def make() -> Items:
        fetched: Article | Rejected = fetch_url(url)  # the fetcher refuses private addresses by default
        return [fetched]

    return make


def _respond(request: Request, job: Any, wait: float) -> JSONResponse:
    done = state(request).jobs.wait(job, wait)
    body = done.json()
    if done.status in ("queued", "running"):
        return JSONResponse(body, status_code=202, headers={"Location": body["url"]})
    return JSONResponse(body, status_code=200)


def json_only(request: Request) -> None:
    """A cross-site form can post text/plain without a preflight, never application/json."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise ApiError(415, "post a JSON object (Content-Type: application/json)")


@router.post(
    "/ingest",
    dependencies=[Depends(require_write), Depends(json_only)],
    responses=WRITE_ERRORS,
    status_code=202,
    summary="Ingest a page, a feed or a URL; returns the job (200 when already done, 202 while it runs)",
)
def ingest(
    request: Request,
    body: IngestRequest,
    wait: Annotated[float | None, Query(ge=0, le=60, description="Seconds to wait for the job")] = None,
) -> JSONResponse:
    given = [name for name in ("page", "feed", "url") if getattr(body, name) is not None]
    if len(given) != 1:
        raise ApiError(400, "give exactly one of page, feed, url")
    jobs = state(request).jobs
    if body.page is not None:
        try:
            article = article_from_record(body.page, "api")
        except InputError as exc:
            raise ApiError(400, f"page: {exc}") from exc
        job = jobs.submit("page", 1, lambda: [article])
        return _respond(request, job, PAGE_WAIT_S if wait is None else wait)
    if body.feed is not None:
        if len(body.feed) > MAX_FEED_LINES:
            raise ApiError(413, f"a posted feed holds at most {MAX_FEED_LINES} records")
        items = _feed_items(body.feed, "api")
        job = jobs.submit("feed", len(items), lambda: items)
        return _respond(request, job, wait or 0.0)
    job = jobs.submit("url", 1, _url_job(str(body.url)))
    return _respond(request, job, wait or 0.0)


@router.post(
    "/ingest/feed",
    dependencies=[Depends(require_write)],
    responses=WRITE_ERRORS,
    status_code=202,
    summary="Ingest a JSON Lines feed posted as the body (application/x-ndjson, gzip allowed)",
)
async def ingest_feed(
    request: Request,
    wait: Annotated[float, Query(ge=0, le=60, description="Seconds to wait for the job")] = 0.0,
) -> Response:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in ("application/x-ndjson", "application/jsonl", "application/gzip"):
        raise ApiError(415, "post the feed as application/x-ndjson (or application/gzip)")
    data = await request.body()
    if data[:2] == b"\x1f\x8b":
        try:
            data = _gunzip(data, state(request).max_body * 4)
        except (OSError, EOFError, zlib.error) as exc:
            raise ApiError(400, f"the gzip body cannot be read: {exc}") from exc
    records: list[Any] = []
    items: Items = []
    for lineno, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        if len(records) + len(items) >= MAX_FEED_LINES:
            raise ApiError(413, f"a posted feed holds at most {MAX_FEED_LINES} records")
        try:
            records.append(json.loads(raw))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            items.append(Rejected(id=f"api:{lineno}", reason=f"malformed JSON: {exc}", source=f"api:{lineno}"))
    items = _feed_items(records, "api") + items
    job = state(request).jobs.submit("feed", len(items), lambda: items)
    return await run_in_threadpool(_respond, request, job, wait)


def _gunzip(data: bytes, limit: int) -> bytes:
    """Decompress at most ``limit`` bytes: a small gzip bomb must not fill the memory."""
    out = gzip.GzipFile(fileobj=io.BytesIO(data)).read(limit + 1)
    if len(out) > limit:
        raise ApiError(413, f"the feed is over {limit >> 20} MB once decompressed")
    return out


@router.get("/jobs", summary="Recent ingest jobs, newest first")
def list_jobs(request: Request) -> list[dict[str, Any]]:
    return [j.json() for j in state(request).jobs.all()]


@router.get("/jobs/{job_id}", summary="One ingest job's status and report")
def get_job(request: Request, job_id: str) -> dict[str, Any]:
    job = state(request).jobs.get(job_id)
    if job is None:
        raise ApiError(404, f"no job {job_id!r} (jobs are kept in memory until the server stops)")
    return job.json()


# -- the server ---------------------------------------------------------------------------------
@router.get("/health", summary="Row counts, and whether writes are allowed")
def health(request: Request, store: Db) -> dict[str, Any]:
    server = state(request)
    return {
        "ok": True,
        "counts": store.counts(),
        "read_only": server.read_only,
        "token_required": server.token is not None,
        "max_body_bytes": server.max_body,
        "max_page_bytes": MAX_PAGE_BYTES,
    }
