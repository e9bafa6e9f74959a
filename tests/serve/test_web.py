"""The web UI: pages render from the shared query code, and untrusted article content stays inert."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from storyline.model import Fact, Story
from storyline.serve import api_views as views
from storyline.serve.api_web import WEB, environment

HTML = {"accept": "text/html"}
# what must never reach a page from article data unescaped
DANGEROUS = [
    re.compile(r"<script>alert", re.I),
    re.compile(r"<img[^>]*onerror", re.I),
    re.compile(r"<svg[^>]*onload", re.I),
    re.compile(r"<b onmouseover", re.I),
    re.compile(r"""href=["']?\s*javascript:""", re.I),
    re.compile(r"<i>Mallory", re.I),
]


def test_story_list_has_search_filters_and_a_timeline(client: TestClient) -> None:
    page = client.get("/", headers=HTML)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'name="q"' in page.text and 'name="status"' in page.text
    assert page.text.count('class="bar"') >= 2  # the timeline strip: one bar per bucket
    assert 'href="/stories/s-shoot"' in page.text


def test_story_list_search_uses_the_full_text_index(client: TestClient) -> None:
    page = client.get("/", params={"q": "hospital"}).text
    assert "/stories/s-shoot" in page and "/stories/s-filler-00" not in page
    assert "1 story" in page


def test_story_list_pages(client: TestClient) -> None:
    page = client.get("/", params={"limit": 10}).text
    assert 'rel="next"' in page and 'rel="prev"' not in page
    second = client.get("/", params={"limit": 10, "offset": 10}).text
    assert 'rel="prev"' in second


def test_story_page_shows_record_badges_articles_and_outlets(client: TestClient) -> None:
    page = client.get("/stories/s-shoot").text
    assert "Springfield, Illinois, United States" in page
    assert '<span class="badge conflict"' in page and '<span class="badge agreed"' in page
    assert "5 (3–5)" in page  # the value with the range the sources allow
    assert page.count('class="article"') == 2
    assert "alone reports" in page and "quote:Witnesses" in page


def test_story_page_marks_each_claims_source_sentences(client: TestClient) -> None:
    page = client.get("/stories/s-shoot").text
    row = re.search(r'<tr class="claim" data-keys="([^"]*)"[^>]*>\s*<td>killed</td>', page)
    assert row is not None
    keys = row.group(1).split()
    assert len(keys) == 2  # one fact from each outlet
    marked = re.findall(r'<span class="src" data-keys="([^"]*)" data-words="([^"]*)">([^<]*)</span>', page)
    words = {text for sent, w, text in marked if set(w.split()) & set(keys)}
    assert words == {"Three people were killed", "five people dead"}


def test_untrusted_content_is_escaped_everywhere(client: TestClient) -> None:
    for path in ("/stories/s-evil", "/", "/?q=talks", "/chart?event_type=meeting&bucket=day"):
        page = client.get(path).text
        for pattern in DANGEROUS:
            assert not pattern.search(page), (path, pattern.pattern)
    page = client.get("/stories/s-evil").text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;Talks" in page


def test_only_http_links_are_links(client: TestClient) -> None:
    assert 'href="https://alpha.example/news/1"' in client.get("/stories/s-shoot").text
    evil = client.get("/stories/s-evil").text
    assert 'class="unsafe-url"' in evil and 'href="javascript' not in evil


def test_templates_autoescape_and_never_mark_content_safe() -> None:
    env = environment()
    assert env.autoescape is True
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    for template in (WEB / "templates").glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "|safe" not in text.replace(" ", "") and "autoescape false" not in text, template.name


def test_static_files_load_nothing_from_the_network() -> None:
    for path in [*(WEB / "static").iterdir(), *(WEB / "templates").iterdir()]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), path.name
        assert "@import" not in text and "cdn" not in text.lower(), path.name


def test_chart_page_draws_svg_with_a_csv_link(client: TestClient) -> None:
    page = client.get("/chart", params={"event_type": "killing", "measure": "killed", "bucket": "month"}).text
    assert "<svg" in page and page.count('class="bar"') >= 6
    link = re.search(r'href="(/api/query/series\?[^"]+)" download', page)
    assert link is not None
    csv_text = client.get(link.group(1).replace("&amp;", "&")).text
    assert csv_text.startswith("bucket_start,killed,stories")


def test_chart_page_with_a_bad_period_says_so(client: TestClient) -> None:
    page = client.get("/chart", params={"period": "soon"}, headers=HTML)
    assert page.status_code == 400 and "YYYY" in page.text


def test_missing_story_is_an_html_page_for_browsers(client: TestClient) -> None:
    page = client.get("/stories/<script>", headers=HTML)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "<script>" not in page.text


def test_docs_page_lists_the_api_without_a_cdn(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "/api/stories/{story_id}" in page and "/api/openapi.json" in page
    assert '<script src="http' not in page


# -- the view code both formats share -------------------------------------------------------------
def test_safe_url_keeps_only_http_and_https() -> None:
    assert views.safe_url("https://a.example/x") == "https://a.example/x"
    assert views.safe_url(" HTTP://a.example ") == "HTTP://a.example"
    for bad in (
        "javascript:alert(1)",
        "JaVaScRiPt:x",
        "data:text/html,x",
        "//a.example",
        "vbscript:x",
        "",
        None,
    ):
        assert views.safe_url(bad) is None, bad


def test_search_text_quotes_each_word() -> None:
    assert views.search_text('market "AND title:x') == '"market" "AND" "title" "x"'
    assert views.search_text("  ...  ") is None


def test_fact_spans_fall_back_when_offsets_are_stale() -> None:
    body = "First sentence. Five were hurt in the blast. Last one."
    fact = Fact("f", "a", "count", "Five were hurt", "Five were hurt in the blast.", 0, 14, "t", "1", sentence_start=3)
    sentence, words = views.fact_spans(body, fact)
    assert words is not None and body[words[0] : words[1]] == "Five were hurt"
    assert sentence is not None and body[sentence[0] : sentence[1]] == "Five were hurt in the blast."
    missing = Fact("g", "a", "count", "nowhere", "nowhere at all", 0, 7, "t", "1")
    assert views.fact_spans(body, missing) == (None, None)


def test_a_fact_read_in_the_title_is_not_placed_in_the_body() -> None:
    body = "Five were hurt in the blast, police said."
    fact = Fact("f", "a", "attribution", "Five", "Police: Five hurt", 8, 12, "t", "1", attrs={"field": "title"})
    assert views.fact_spans(body, fact) == (None, None)


@given(
    st.text(min_size=0, max_size=60),
    st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70), st.integers(0, 70), st.integers(0, 70)), max_size=5),
)
def test_segments_always_rebuild_the_body(body: str, raw: list[tuple[int, int, int, int]]) -> None:
    spans = {}
    for i, (a, b, c, d) in enumerate(raw):
        sent = (min(a, b, len(body)), min(max(a, b), len(body)))
        words = (min(c, d, len(body)), min(max(c, d), len(body)))
        spans[f"f{i}"] = (sent, words)
    segs = views.segments(body, spans)
    assert "".join(s.text for s in segs) == body
    assert all(s.text for s in segs)


def test_series_fills_empty_buckets_and_coarsens_long_spans() -> None:
    stories = [Story(f"s{i}", event_date=date(2024, 1, 1 + 7 * i)) for i in range(4)]
    weekly = views.series(stories, "events", "week")
    assert [n for _, _, n in weekly.points] == [1, 1, 1, 1]
    daily = views.series(stories, "events", "day")
    assert len(daily.points) == 22 and daily.total == 4
    decades = [Story("a", event_date=date(1990, 1, 1)), Story("b", event_date=date(2024, 1, 1))]
    assert views.series(decades, "events", "day").bucket == "month"
    assert views.series([Story("u")], "events").undated == 1


def test_csv_cells_cannot_run_as_formulas() -> None:
    text = views.csv_text([{"a": '=HYPERLINK("http://x")', "b": "-3", "c": "@SUM(A1)"}], ["a", "b", "c"])
    assert text.splitlines()[1] == '"\'=HYPERLINK(""http://x"")",-3,\'@SUM(A1)'


def test_templates_directory_is_packaged() -> None:
    assert (Path(WEB) / "templates" / "story.html").exists()
