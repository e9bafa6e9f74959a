"""The REST API and the web UI in one FastAPI app: `storyline serve` runs ``create_app``.

    app = create_app(load_config(None, db="news.db"), token=None, host="127.0.0.1")

- ``/api/...``: JSON resources (stories, articles, facts, claims, events, search, query, ingest,
  jobs); OpenAPI schema at ``/api/openapi.json``, a readable reference at ``/docs``.
- ``/``, ``/stories/{id}``, ``/chart``: the web UI, rendered from the same query code.
- Every API error has one shape, ``{"error": {"status", "code", "message", "details"?}}``.
- Writes (ingest) need the token when one is given, and are refused on a non-loopback host
  without one. POST bodies are capped; every response carries a Content-Security-Policy.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import storyline
from storyline.config import Config
from storyline.errors import InputError, StoreError, StorylineError
from storyline.serve import api_routes, api_web
from storyline.serve.api_core import ApiError, ServerState, error_body
from storyline.serve.api_jobs import Jobs, StoreAccess

log = logging.getLogger(__name__)

# A posted body above this is refused with 413 before it is read: one page is capped at 20 MB
# (storyline.ingest.decode.MAX_PAGE_BYTES) and JSON escaping can nearly double it.
MAX_BODY_BYTES = 48 * 1024 * 1024
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class _TooLarge(Exception):
    pass


class GuardMiddleware:
    """Security headers on every response; request bodies capped (Content-Length or counted)."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await self._too_large(scope, send_with_headers)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send_with_headers)
        except _TooLarge:
            if started:
                raise
            await self._too_large(scope, send_with_headers)

    async def _too_large(self, scope: Scope, send: Send) -> None:
        response = JSONResponse(
            error_body(413, f"the request body is over the {self.max_body >> 20} MB limit"), status_code=413
        )
        await response(scope, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _error(request: Request, status: int, message: str, code: str | None = None, details: Any = None) -> Response:
    if _is_api(request) or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse(error_body(status, message, code, details), status_code=status)
    env = request.app.state.templates
    html = env.get_template("error.html").render(
        status=status, message=message, request_path=request.url.path, read_only=False
    )
    return HTMLResponse(html, status_code=status)


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return _error(request, exc.status, exc.message, exc.code, exc.details)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = [
            {
                "loc": [str(p) for p in e.get("loc", ())],
                "message": str(e.get("msg", "")),
                "type": e.get("type"),
            }
            for e in exc.errors()
        ]
        return _error(request, 422, "the request does not match the API: see details", details=details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = str(exc.detail) if exc.detail else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such resource: {request.url.path}"
        return _error(request, exc.status_code, message)

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        log.error("store error on %s: %s", request.url.path, exc)
        return _error(request, 503, f"the store cannot answer: {exc}")

    @app.exception_handler(StorylineError)
    async def storyline_error(request: Request, exc: StorylineError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return _error(request, 500, "internal error (the server log has the details)")


def create_app(
    config: Config, *, token: str | None = None, host: str = "127.0.0.1", max_body: int = MAX_BODY_BYTES
) -> FastAPI:
    """The API and the web UI over the store named by ``config.db``."""
    access = StoreAccess(config)
    server = ServerState(access=access, jobs=Jobs(access), token=token or None, host=host, max_body=max_body)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        server.close()

    app = FastAPI(
        title="storyline",
        version=getattr(storyline, "__version__", "0.1.0"),
        description="Stories with reconciled, sourced facts from many outlets. Errors: "
        '`{"error": {"status", "code", "message", "details"}}`.',
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI and ReDoc load from a CDN: /docs is rendered locally instead
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.storyline = server
    app.state.templates = api_web.environment()
    _install_handlers(app)
    app.include_router(api_routes.router)
    app.include_router(api_web.router)
    app.mount("/static", StaticFiles(directory=api_web.WEB / "static"), name="static")
    app.add_middleware(GuardMiddleware, max_body=max_body)
    return app
