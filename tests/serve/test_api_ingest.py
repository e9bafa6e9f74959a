"""The write side of the API: ingest jobs, the token, read-only serving, body limits.

The pipeline is replaced by a recorder here (``fake_pipeline``): these tests are about the
HTTP contract, not the extractors (test_api_e2e.py runs the real pipeline).
"""

from __future__ import annotations

import gzip
import json
import sys
import threading
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyline.config import load_config
from storyline.errors import InputError
from storyline.model import Article, Rejected
from storyline.serve.api import create_app
from storyline.serve.api_jobs import StoreAccess
from tests.serve.test_api import assert_error

PAGE = {"id": "new-1", "text": "A short page about a council meeting.", "outlet": "Test Outlet"}


class FakePipeline:
    def __init__(self) -> None:
        self.calls: list[list[Article | Rejected]] = []
        self.gate = threading.Event()
        self.gate.set()
        self.fail: Exception | None = None

    def __call__(self, access: StoreAccess, items: list[Article | Rejected]) -> Any:
        self.gate.wait(10)
        if self.fail is not None:
            raise self.fail
        self.calls.append(items)
        articles = [i for i in items if isinstance(i, Article)]
        return types.SimpleNamespace(
            read=len(articles), new=len(articles), unchanged=0,
            rejected=[i for i in items if isinstance(i, Rejected)],
            story_ids=[f"story-{a.id}" for a in articles], article_ids=[a.id for a in articles],
        )  # fmt: skip


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> FakePipeline:
    fake = FakePipeline()
    monkeypatch.setattr(StoreAccess, "run_items", lambda access, items: fake(access, items))
    return fake


def _client(store_path: Path, **kw: Any) -> TestClient:
    return TestClient(create_app(load_config(None, db=str(store_path)), **kw))


@pytest.fixture
def public_client(store_path: Path) -> Iterator[TestClient]:
    with _client(store_path, host="0.0.0.0") as c:
        yield c


def test_a_page_is_ingested_and_answered_when_done(client: TestClient, fake_pipeline: FakePipeline) -> None:
    response = client.post("/api/ingest", json={"page": PAGE})
    assert response.status_code == 200
    job = response.json()
    assert job["status"] == "done" and job["report"]["story_ids"] == ["story-new-1"]
    assert client.get(job["url"]).json() == job
    assert [a.id for a in fake_pipeline.calls[0]] == ["new-1"]


def test_a_feed_runs_in_the_background_with_a_status_resource(client: TestClient, fake_pipeline: FakePipeline) -> None:
    fake_pipeline.gate.clear()
    response = client.post("/api/ingest", json={"feed": [PAGE, {**PAGE, "id": "new-2"}, {"id": "empty"}]})
    assert response.status_code == 202
    location = response.headers["location"]
    assert client.get(location).json()["status"] in ("queued", "running")
    fake_pipeline.gate.set()
    job = client.post("/api/ingest", json={"page": {**PAGE, "id": "new-3"}}).json()  # queued behind the feed
    assert job["status"] == "done"
    feed_job = client.get(location).json()
    assert feed_job["status"] == "done" and feed_job["report"]["read"] == 2
    assert [r["id"] for r in feed_job["report"]["rejected"]] == ["empty"]
    assert [j["job_id"] for j in client.get("/api/jobs").json()][:2] == [job["job_id"], feed_job["job_id"]]


def test_a_json_lines_body_is_a_feed(client: TestClient, fake_pipeline: FakePipeline) -> None:
    lines = json.dumps(PAGE) + "\n{not json\n" + json.dumps({**PAGE, "id": "new-2"}) + "\n"
    for body in (lines.encode(), gzip.compress(lines.encode())):
        response = client.post(
            "/api/ingest/feed",
            params={"wait": 5},
            content=body,
            headers={"content-type": "application/x-ndjson"},
        )
        report = response.json()["report"]
        assert report["read"] == 2 and [r["id"] for r in report["rejected"]] == ["api:2"]


def test_a_failing_job_says_why(client: TestClient, fake_pipeline: FakePipeline) -> None:
    fake_pipeline.fail = InputError("the page has no article text")
    job = client.post("/api/ingest", json={"page": PAGE}).json()
    assert job["status"] == "failed" and job["error"] == "the page has no article text"


def test_ingest_takes_exactly_one_input(client: TestClient, fake_pipeline: FakePipeline) -> None:
    assert_error(client.post("/api/ingest", json={}), 400, "bad_request")
    assert_error(client.post("/api/ingest", json={"page": PAGE, "url": "https://x.test/"}), 400, "bad_request")
    assert_error(client.post("/api/ingest", json={"page": {"id": "x"}}), 400, "bad_request")
    assert_error(client.post("/api/ingest", json={"page": "not an object"}), 422, "invalid")


def test_ingest_refuses_what_a_cross_site_form_could_send(client: TestClient, fake_pipeline: FakePipeline) -> None:
    body = json.dumps({"page": PAGE})
    assert_error(
        client.post("/api/ingest", content=body, headers={"content-type": "text/plain"}),
        415,
        "unsupported_media_type",
    )
    assert_error(
        client.post("/api/ingest/feed", content=body, headers={"content-type": "application/x-www-form-urlencoded"}),
        415,
        "unsupported_media_type",
    )
    assert fake_pipeline.calls == []


def test_url_ingest_without_the_fetcher_is_not_implemented(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "storyline.ingest.fetch", None)  # import fails
    assert_error(client.post("/api/ingest", json={"url": "https://example.test/a"}), 501, "not_implemented")


def test_url_ingest_goes_through_the_project_fetcher(
    client: TestClient, fake_pipeline: FakePipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    fetched: list[str] = []

    def fetch_url(url: str, *, allow_private: bool = False) -> Article:
        fetched.append(url)
        return Article(id="fetched", raw_html="<p>hello</p>", url=url)

    monkeypatch.setitem(sys.modules, "storyline.ingest.fetch", types.SimpleNamespace(fetch_url=fetch_url))
    response = client.post("/api/ingest", params={"wait": 5}, json={"url": "https://example.test/a"})
    assert response.json()["status"] == "done" and fetched == ["https://example.test/a"]
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "ftp://example.test/x"):
        assert_error(client.post("/api/ingest", json={"url": bad}), 400, "bad_request")


def test_a_public_host_without_token_is_read_only(public_client: TestClient, fake_pipeline: FakePipeline) -> None:
    assert public_client.get("/api/health").json()["read_only"] is True
    assert public_client.get("/api/stories").status_code == 200
    assert_error(public_client.post("/api/ingest", json={"page": PAGE}), 403, "read_only")
    assert_error(
        public_client.post("/api/ingest/feed", content=b"{}", headers={"content-type": "application/x-ndjson"}),
        403,
        "read_only",
    )
    assert fake_pipeline.calls == []


def test_writes_need_the_token_when_one_is_set(store_path: Path, fake_pipeline: FakePipeline) -> None:
    with _client(store_path, host="0.0.0.0", token="s3cret") as c:
        assert_error(c.post("/api/ingest", json={"page": PAGE}), 401, "unauthorized")
        wrong = {"Authorization": "Bearer nope"}
        assert_error(c.post("/api/ingest", json={"page": PAGE}, headers=wrong), 401, "unauthorized")
        ok = c.post("/api/ingest", json={"page": PAGE}, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200
        ok = c.post("/api/ingest", json={"page": {**PAGE, "id": "n2"}}, headers={"X-Storyline-Token": "s3cret"})
        assert ok.status_code == 200
        assert c.get("/api/health").json()["read_only"] is False


def test_bodies_over_the_limit_are_refused(store_path: Path, fake_pipeline: FakePipeline) -> None:
    with _client(store_path, max_body=1000) as c:
        big = {"page": {**PAGE, "text": "x" * 5000}}
        assert_error(c.post("/api/ingest", json=big), 413, "too_large")

        def chunks() -> Iterator[bytes]:  # no Content-Length: the body is counted as it arrives
            for _ in range(10):
                yield b"x" * 500

        response = c.post("/api/ingest/feed", content=chunks(), headers={"content-type": "application/x-ndjson"})
        assert_error(response, 413, "too_large")
        assert fake_pipeline.calls == []


def test_a_gzip_bomb_is_refused(store_path: Path, fake_pipeline: FakePipeline) -> None:
    with _client(store_path, max_body=10_000) as c:
        bomb = gzip.compress(b"\n" * 1_000_000)
        response = c.post("/api/ingest/feed", content=bomb, headers={"content-type": "application/x-ndjson"})
        assert_error(response, 413, "too_large")
