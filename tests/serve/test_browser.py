"""The web UI in real headless Chromium (Debian's package, driven by playwright; no browser download).

Skipped with the reason when /usr/bin/chromium or the playwright package is missing.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.config import load_config
from storyline.serve.api import create_app

CHROMIUM = "/usr/bin/chromium"
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "story.png"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

pytestmark = pytest.mark.browser

playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not shutil.which(CHROMIUM):
    pytest.skip(f"no chromium at {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(store_path: Path) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(
        create_app(load_config(None, db=str(store_path))), host="127.0.0.1", port=port, log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(server: str) -> Iterator[Any]:
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        tab = context.new_page()
        dialogs: list[str] = []
        tab.dialogs = dialogs

        def on_dialog(dialog: Any) -> None:  # an alert() from article content would land here
            dialogs.append(dialog.message)
            dialog.dismiss()

        tab.on("dialog", on_dialog)
        try:
            yield tab
        finally:
            browser.close()


def test_clicking_a_conflict_claim_highlights_its_source_sentences(server: str, page: Any) -> None:
    p = page  # playwright's Page
    p.goto(f"{server}/")
    p.click("a.story-title >> text=Shooting at Springfield river market")
    p.wait_for_url("**/stories/s-shoot")
    assert p.locator(".src.hl").count() == 0
    p.locator("tr.claim", has=p.locator(".badge.conflict")).click()
    highlighted = p.locator(".src.hl-words").all_inner_texts()
    assert sorted(highlighted) == ["Three people were killed", "five people dead"]
    sentences = " ".join(p.locator(".src.hl").all_inner_texts())
    assert "police said" in sentences and "the mayor said" in sentences
    assert "Witnesses" not in sentences
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    p.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000
    p.locator("tr.claim.active").click()
    assert p.locator(".src.hl").count() == 0


def test_hostile_article_runs_no_script(server: str, page: Any) -> None:
    p = page
    for path in ("/stories/s-evil", "/?q=talks"):
        p.goto(f"{server}{path}")
        p.wait_for_load_state("load")
        p.mouse.move(200, 300)
        if path == "/stories/s-evil":
            p.hover("text=Evil Outlet")
    assert p.dialogs == []
    assert p.locator("script").count() == 1  # /static/app.js only
    assert p.locator("a[href^='javascript']").count() == 0
