"""The read side of the REST API: resources, pagination, filters, and the one error shape."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from fastapi.testclient import TestClient

from storyline.config import load_config
from storyline.export import claim_json, story_json
from storyline.reconcile.outlets import STATE_KEY
from storyline.reconcile.query import EventQuery, answer_query
from storyline.serve.api import create_app
from storyline.store import Batch, open_store
from tests.serve.conftest import FILLERS

ERROR_KEYS = {"status", "code", "message"}


def assert_error(response: object, status: int, code: str) -> dict[str, object]:
    """The error shape every API error has: {"error": {"status", "code", "message", "details"?}}."""
    assert response.status_code == status  # type: ignore[attr-defined]
    assert response.headers["content-type"].startswith("application/json")  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"}
    error = body["error"]
    assert ERROR_KEYS <= set(error) <= ERROR_KEYS | {"details"}
    assert error["status"] == status and error["code"] == code and error["message"]
    return dict(error)


def test_story_list_pages_through_every_story(client: TestClient) -> None:
    first = client.get("/api/stories", params={"limit": 10}).json()
    assert first["total"] == FILLERS + 2 and len(first["items"]) == 10 and first["offset"] == 0
    seen = [s["story_id"] for s in first["items"]]
    page = first
    while page["next"]:
        page = client.get(page["next"]).json()
        seen += [s["story_id"] for s in page["items"]]
    assert len(seen) == len(set(seen)) == FILLERS + 2


def test_story_list_is_newest_first_with_claim_counts(client: TestClient) -> None:
    items = client.get("/api/stories", params={"limit": 3}).json()["items"]
    assert items[0]["story_id"] == "s-shoot"
    assert items[0]["claim_status"] == {"conflict": 1, "agreed": 1, "single": 1}


def test_filters_narrow_the_list(client: TestClient) -> None:
    def ids(**params: str | int) -> set[str]:
        return {s["story_id"] for s in client.get("/api/stories", params=params).json()["items"]}

    assert ids(outlet="beta daily") == {"s-shoot"}
    assert ids(place="Springfield") == {"s-shoot"}
    assert ids(event_type="meeting") == {"s-evil"}
    assert ids(status="conflict") == {"s-shoot"}
    assert ids(since="2024-01-01") == {"s-shoot", "s-evil"}
    assert ids(since="2023-01-01", until="2023-01-10") == {"s-filler-00", "s-filler-01"}


def test_story_resource_has_record_claims_and_outlets(client: TestClient) -> None:
    story = client.get("/api/stories/s-shoot").json()
    assert story["record"]["where"] == "Springfield, Illinois, United States"
    killed = next(c for c in story["claims"] if c["slot"] == "killed")
    assert (killed["status"], killed["low"], killed["high"]) == ("conflict", 3, 5)
    alone = {o["outlet"]: o["alone"] for o in story["outlets"]}
    assert alone["Beta Daily"] == [{"slot": "quote:Witnesses", "value": "crowded evening"}]
    assert alone["Alpha News"] == []


def test_story_and_claims_agree_with_the_export(client: TestClient, store_path: object) -> None:
    store = open_store(str(store_path))
    try:
        stored = store.story("s-shoot")
    finally:
        store.close()
    assert stored is not None
    api = client.get("/api/stories/s-shoot").json()
    assert {k: api[k] for k in story_json(stored)} == story_json(stored)
    assert client.get("/api/stories/s-shoot/claims").json() == [claim_json(c) for c in stored.claims]


def test_articles_and_facts_of_a_story(client: TestClient) -> None:
    articles = client.get("/api/stories/s-shoot/articles").json()
    assert [a["id"] for a in articles] == ["alpha-1", "beta-1"]
    for article in articles:
        for fact in article["facts"]:
            assert article["body"][fact["start"] : fact["end"]] == fact["text"]
    quotes = client.get("/api/facts", params={"story_id": "s-shoot", "type": "quote"}).json()
    assert [f["fact_id"] for f in quotes] == ["fb-q"]
    assert client.get("/api/articles/beta-1").json()["outlet"] == "Beta Daily"
    listed = client.get("/api/articles", params={"limit": 5, "offset": 2}).json()
    assert listed["total"] == FILLERS + 3 and len(listed["items"]) == 5


def test_facts_need_an_article_or_a_story(client: TestClient) -> None:
    assert_error(client.get("/api/facts"), 400, "bad_request")


def test_claims_listing_filters_by_claim_status(client: TestClient) -> None:
    page = client.get("/api/claims", params={"claim_status": "conflict"}).json()
    assert [(c["story_id"], c["slot"]) for c in page["items"]] == [("s-shoot", "killed")]


def test_search_uses_full_text_and_survives_query_syntax(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "hospital"}).json()
    assert [s["story_id"] for s in found["items"]] == ["s-shoot"]
    for odd in ('"unbalanced', "market AND", "title:storm*", "NEAR(", "-"):
        response = client.get("/api/search", params={"q": odd})
        assert response.status_code in (200, 400), odd
    assert client.get("/api/search", params={"q": "storm"}).json()["total"] == FILLERS


def test_search_without_words_is_a_client_error(client: TestClient) -> None:
    assert_error(client.get("/api/search", params={"q": "  ..."}), 400, "bad_request")


def test_events_as_json_and_csv(client: TestClient) -> None:
    rows = client.get("/api/events", params={"place": "Springfield"}).json()["items"]
    assert rows[0]["fatalities"] == 5 and rows[0]["sources"] == "Alpha News;Beta Daily"
    response = client.get("/api/events", params={"format": "csv", "event_type": "disaster"})
    assert response.headers["content-type"].startswith("text/csv")
    assert len(list(csv.DictReader(io.StringIO(response.text)))) == FILLERS


def test_query_answers_like_the_library(client: TestClient, store_path: object) -> None:
    params = {"event_type": "killing", "city": "Riverton", "state": "WY", "period": "2023"}
    api = client.get("/api/query", params=params).json()
    store = open_store(str(store_path))
    try:
        expected = answer_query(store, EventQuery(**params))
    finally:
        store.close()
    assert api["answer"] == expected.answer == len(api["story_ids"]) > 0
    assert api["story_ids"] == expected.story_ids


def test_query_with_a_bad_period_is_a_client_error(client: TestClient) -> None:
    assert_error(client.get("/api/query", params={"period": "last week"}), 400, "bad_request")


def test_series_counts_killed_per_month_as_json_and_csv(client: TestClient) -> None:
    params = {"event_type": "killing", "city": "Riverton", "measure": "killed", "bucket": "month"}
    series = client.get("/api/query/series", params=params).json()
    assert series["bucket"] == "month" and series["total"] == sum(i % 3 for i in range(FILLERS))
    text = client.get("/api/query/series", params={**params, "format": "csv"}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sum(float(r["killed"]) for r in rows) == series["total"]


def test_every_error_has_the_one_shape(client: TestClient) -> None:
    assert_error(client.get("/api/stories/nope"), 404, "not_found")
    assert_error(client.get("/api/articles/nope"), 404, "not_found")
    assert_error(client.get("/api/jobs/nope"), 404, "not_found")
    assert_error(client.get("/api/no-such-thing"), 404, "not_found")
    assert_error(client.delete("/api/stories"), 405, "method_not_allowed")
    error = assert_error(client.get("/api/stories", params={"limit": 0}), 422, "invalid")
    assert error["details"] == [
        {
            "loc": ["query", "limit"],
            "message": "Input should be greater than or equal to 1",
            "type": "greater_than_equal",
        }
    ]
    assert_error(client.get("/api/stories", params={"since": "yesterday"}), 422, "invalid")
    assert_error(client.get("/api/stories", params={"status": "maybe"}), 422, "invalid")


def test_openapi_schema_lists_every_resource(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    for path in (
        "/api/stories", "/api/stories/{story_id}", "/api/articles", "/api/facts", "/api/claims",
        "/api/events", "/api/search", "/api/query", "/api/query/series", "/api/ingest", "/api/jobs/{job_id}",
    ):  # fmt: skip
        assert path in schema["paths"], path
    assert "ErrorResponse" in schema["components"]["schemas"]


def test_security_headers_on_every_response(client: TestClient) -> None:
    for path in ("/api/stories", "/api/stories/nope", "/", "/stories/s-evil", "/static/app.js"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"], path
        assert headers["x-content-type-options"] == "nosniff"


def test_a_crash_is_a_500_in_the_same_shape(store_path: object, monkeypatch: object) -> None:
    from storyline.config import load_config
    from storyline.serve.api import create_app
    from storyline.store.sqlite import SQLiteStore

    def broken(self: object, story_id: str) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(SQLiteStore, "story", broken)  # type: ignore[attr-defined]
    app = create_app(load_config(None, db=str(store_path)))
    with TestClient(app, raise_server_exceptions=False) as c:
        error = assert_error(c.get("/api/stories/s-shoot"), 500, "internal")
        assert "disk on fire" not in str(error["message"])  # no internals leak to the client


def test_story_timeline_and_digest_cite_their_sources(client: TestClient) -> None:
    entries = client.get("/api/stories/s-shoot/timeline").json()
    assert [e["day"] for e in entries] == sorted(e["day"] for e in entries)
    assert {"report"} <= {e["kind"] for e in entries}
    lines = client.get("/api/stories/s-shoot/digest", params={"size": 3}).json()
    assert 0 < len(lines) <= 3 and all(line["outlets"] and line["article_ids"] for line in lines)
    assert_error(client.get("/api/stories/nope/digest"), 404, "not_found")


def test_outlets_give_each_outlets_home_as_its_reports_tell(store_path: Path) -> None:
    from tests.serve.test_cli import homes

    store = open_store(str(store_path))
    store.commit(Batch(state={STATE_KEY: homes().dumps()}))
    store.close()
    with TestClient(create_app(load_config(None, db=str(store_path)))) as client:
        rows = client.get("/api/outlets").json()
    assert rows[0] == {
        "outlet": "kxyz-news.com", "stating": 5, "state": "Texas", "state_articles": 5, "town": "Corpus Christi"
    }  # fmt: skip
    assert rows[1]["outlet"] == "wire.example" and rows[1]["state"] is None
