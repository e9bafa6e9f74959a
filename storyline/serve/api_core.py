"""What every route of the server shares: its state, the error shape, and the write guard."""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from pydantic import BaseModel

from storyline.serve.api_jobs import Jobs, StoreAccess
from storyline.store import Store

LOOPBACK_NAMES = ("localhost", "localhost.localdomain")
TOKEN_HEADER = "X-Storyline-Token"

ERROR_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    429: "too_many_requests",
    500: "internal",
    501: "not_implemented",
    503: "unavailable",
}


class ApiError(Exception):
    """An error a route raises on purpose; turned into the one error shape by the app's handler."""

    def __init__(self, status: int, message: str, code: str | None = None, details: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or ERROR_CODES.get(status, "error")
        self.details = details


class ErrorInfo(BaseModel):
    status: int
    code: str
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorResponse(BaseModel):
    """Every error the API returns, whatever raised it (pinned by tests/serve/test_api.py)."""

    error: ErrorInfo


def error_body(status: int, message: str, code: str | None = None, details: Any = None) -> dict[str, Any]:
    info: dict[str, Any] = {
        "status": status,
        "code": code or ERROR_CODES.get(status, "error"),
        "message": message,
    }
    if details is not None:
        info["details"] = details
    return {"error": info}


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse, "description": name.replace("_", " ")}
    for code, name in ERROR_CODES.items()
    if code in (400, 404, 422, 500)
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse, "description": name.replace("_", " ")}
    for code, name in ERROR_CODES.items()
    if code in (400, 401, 403, 413, 415, 422, 501)
}


def is_loopback(host: str) -> bool:
    name = host.strip().strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@dataclass(slots=True)
class ServerState:
    access: StoreAccess
    jobs: Jobs
    token: str | None
    host: str
    max_body: int

    @property
    def read_only(self) -> bool:
        """No token on a non-loopback address: anyone on the network could write, so nobody may."""
        return self.token is None and not is_loopback(self.host)

    def close(self) -> None:
        self.jobs.close()
        self.access.close()


def state(request: Request) -> ServerState:
    found: ServerState = request.app.state.storyline
    return found


def reader(request: Request) -> Iterator[Store]:
    """FastAPI dependency: a store connection for this request, given back when the response is built."""
    with state(request).access.read() as store:
        yield store


def _presented_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip()
    return request.headers.get(TOKEN_HEADER)


def require_write(request: Request) -> None:
    """FastAPI dependency of every write endpoint: the token when one is set; refused when read-only."""
    server = state(request)
    if server.token is not None:
        given = _presented_token(request)
        if given is None or not hmac.compare_digest(given.encode(), server.token.encode()):
            raise ApiError(401, f"this endpoint needs the API token (Authorization: Bearer … or {TOKEN_HEADER})")
        return
    if server.read_only:
        raise ApiError(
            403,
            f"the server on {server.host} is read-only: start it with a token (--token or STORYLINE_TOKEN)"
            " to allow writes",
            code="read_only",
        )
