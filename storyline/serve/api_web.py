"""The web UI: server-rendered pages over the same query code as the API (storyline.serve.api_views).

Jinja2 with autoescape on for every template; article text reaches templates only as plain
strings (never marked safe), and article links only when their scheme is http or https.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from storyline.errors import InputError
from storyline.reconcile.query import EventQuery, answer_query
from storyline.serve import api_views as views
from storyline.serve.api_core import ApiError, state
from storyline.serve.api_routes import MAX_LIMIT, Db, Status

WEB = Path(__file__).parent / "web"
STATUS_HELP = {
    "agreed": "every outlet that states it gives the same value",
    "conflict": "outlets disagree",
    "single": "one outlet states it",
    "updated": "a later report changed an earlier one",
}

router = APIRouter(include_in_schema=False)


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(WEB / "templates"),
        autoescape=True,  # every template, whatever its file name: article text is untrusted
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(status_help=STATUS_HELP, claim_text=views.claim_text, urlencode=urlencode)
    return env


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    env: Environment = request.app.state.templates
    server = state(request)
    html = env.get_template(name).render(request_path=request.url.path, read_only=server.read_only, **context)
    return HTMLResponse(html, status_code=status)


def _query_string(params: dict[str, Any], **changes: Any) -> str:
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


@router.get("/", response_class=HTMLResponse)
def story_list(
    request: Request,
    store: Db,
    q: str | None = None,
    outlet: str | None = None,
    since: date | None = None,
    until: date | None = None,
    place: str | None = None,
    event_type: str | None = None,
    status: Status | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    where = views.story_filter(
        q=q, outlet=outlet, since=since, until=until, place=place, event_type=event_type, status=status,
        limit=limit, offset=offset,
    )  # fmt: skip
    stories, total = views.list_stories(store, where)
    timeline = views.series(views.all_stories(store, where, cap=views.TIMELINE_CAP), "events", "auto")
    params = {
        "q": q, "outlet": outlet, "since": since, "until": until, "place": place,
        "event_type": event_type, "status": status, "limit": limit,
    }  # fmt: skip
    return render(
        request,
        "stories.html",
        stories=stories,
        total=total,
        where=where,
        params={k: ("" if v is None else str(v)) for k, v in params.items()},
        timeline=timeline,
        chart=views.bar_chart(timeline, height=90, pad=12),
        prev_page=_query_string(params, offset=max(0, offset - limit)) if offset > 0 else None,
        next_page=_query_string(params, offset=offset + limit) if offset + limit < total else None,
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, store: Db, story_id: str) -> HTMLResponse:
    story = store.story(story_id)
    if story is None:
        raise ApiError(404, f"no story {story_id!r}")
    return render(request, "story.html", view=views.story_view(story, store.articles(story_ids=[story_id])))


@router.get("/chart", response_class=HTMLResponse)
def chart_page(
    request: Request,
    store: Db,
    event_type: str | None = None,
    city: str | None = None,
    state_: Annotated[str | None, Query(alias="state")] = None,
    country: str | None = None,
    period: str | None = None,
    measure: views.Measure = "killed",
    bucket: views.Bucket = "week",
) -> HTMLResponse:
    q = EventQuery(
        event_type=event_type or None, city=city or None, state=state_ or None, country=country or None,
        period=period or None,
    )  # fmt: skip
    params = {
        "event_type": event_type, "city": city, "state": state_, "country": country, "period": period,
        "measure": measure, "bucket": bucket,
    }  # fmt: skip
    try:
        found = views.series(views.query_stories(store, q), measure, bucket)
        answer = answer_query(store, q)
    except InputError as exc:
        raise ApiError(400, str(exc)) from exc
    return render(
        request,
        "chart.html",
        params={k: v or "" for k, v in params.items()},
        series=found,
        chart=views.bar_chart(found),
        answer=answer,
        csv_link="/api/query/series?" + _query_string(params, format="csv"),
    )


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference, rendered from the OpenAPI schema without a CDN-hosted Swagger UI."""
    schema = request.app.openapi()
    routes = [
        {
            "method": method.upper(),
            "path": path,
            "summary": op.get("summary", ""),
            "params": op.get("parameters", []),
        }
        for path, ops in schema.get("paths", {}).items()
        for method, op in ops.items()
    ]
    return render(request, "docs.html", routes=routes, title=schema.get("info", {}).get("title", "storyline"))
