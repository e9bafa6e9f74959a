"""Load test of the read API: p50/p99 latency and errors for the list, story and search endpoints.

Starts the server in a second process on 127.0.0.1 (a free port) over ``--db``, or uses ``--url``
of one already running; then sends a bounded number of requests (``--requests`` per endpoint,
``--concurrency`` at once, stopping at ``--max-seconds`` whatever is left) and prints a table.

Build the store of every dev feed first (needs the full pipeline):

    storyline run /work/shared/eval/data/*.jsonl* --db out/all.db
    python benchmarks/load_api.py --db out/all.db
"""

from __future__ import annotations

import argparse
import random
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

SERVER = (
    "import sys, uvicorn\n"
    "from storyline.config import load_config\n"
    "from storyline.serve.api import create_app\n"
    "uvicorn.run(create_app(load_config(None, db=sys.argv[1])), host='127.0.0.1', port=int(sys.argv[2]),"
    " log_level='warning')\n"
)
WORD = re.compile(r"[A-Za-z]{5,}")


@dataclass
class Result:
    times_ms: list[float] = field(default_factory=list)
    errors: int = 0
    error_codes: dict[str, int] = field(default_factory=dict)

    def pct(self, q: float) -> float:
        if not self.times_ms:
            return float("nan")
        ordered = sorted(self.times_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)])
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with {proc.returncode}")
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server did not start within 60 s")


def targets(client: httpx.Client, rng: random.Random) -> dict[str, Callable[[], str]]:
    """URL makers per endpoint, from the store's own story ids and title words."""
    first = client.get("/api/stories", params={"limit": 200}).json()
    total = first["total"]
    if total == 0:
        raise SystemExit("the store has no stories")
    ids = [s["story_id"] for s in first["items"]]
    for offset in (total // 3, 2 * total // 3):
        ids += [
            s["story_id"] for s in client.get("/api/stories", params={"limit": 200, "offset": offset}).json()["items"]
        ]
    words = sorted({w.lower() for s in first["items"] for w in WORD.findall(s["title"] or "")}) or ["news"]
    pages = max(1, total // 50)
    return {
        "list": lambda: f"/api/stories?limit=50&offset={50 * rng.randrange(pages)}",
        "story": lambda: f"/api/stories/{rng.choice(ids)}",
        "search": lambda: f"/api/search?q={rng.choice(words)}&limit=20",
    }


def run(base: str, requests: int, concurrency: int, max_seconds: float, seed: int) -> dict[str, Result]:
    rng = random.Random(seed)
    results: dict[str, Result] = {}
    with httpx.Client(base_url=base, timeout=30) as client:
        makers = targets(client, rng)
        stop_at = time.monotonic() + max_seconds

        def one(url: str, result: Result) -> None:
            if time.monotonic() > stop_at:
                return
            start = time.perf_counter()
            try:
                response = client.get(url)
                code = str(response.status_code)
            except httpx.HTTPError as exc:
                code = type(exc).__name__
            result.times_ms.append((time.perf_counter() - start) * 1000)
            if code != "200":
                result.errors += 1
                result.error_codes[code] = result.error_codes.get(code, 0) + 1

        for name, make in makers.items():
            result = results.setdefault(name, Result())
            urls = [make() for _ in range(requests)]
            with ThreadPoolExecutor(max_workers=concurrency) as pool:
                list(pool.map(lambda u, r=result: one(u, r), urls))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="store to serve (started in a second process)")
    parser.add_argument("--url", help="an already running server instead of --db")
    parser.add_argument("--requests", type=int, default=300, help="requests per endpoint (default 300)")
    parser.add_argument("--concurrency", type=int, default=4, help="requests in flight at once (default 4)")
    parser.add_argument("--max-seconds", type=float, default=120, help="stop sending after this long")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if (args.db is None) == (args.url is None):
        parser.error("give exactly one of --db and --url")
    proc = None
    if args.db is not None:
        if not args.db.exists():
            parser.error(f"no store at {args.db}: build it with `storyline run ... --db {args.db}`")
        proc, base = start_server(args.db)
    else:
        base = args.url.rstrip("/")
    try:
        with httpx.Client(base_url=base) as c:
            counts = c.get("/api/health").json()["counts"]
        started = time.perf_counter()
        results = run(base, args.requests, args.concurrency, args.max_seconds, args.seed)
        elapsed = time.perf_counter() - started
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=10)
    print(f"store: {counts['articles']} articles, {counts['stories']} stories; concurrency {args.concurrency}")
    print(f"{'endpoint':<8} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, r in results.items():
        detail = f"  {r.error_codes}" if r.error_codes else ""
        print(f"{name:<8} {len(r.times_ms):>8} {r.pct(0.5):>8.1f} {r.pct(0.99):>8.1f} {r.errors:>7}{detail}")
    total = sum(len(r.times_ms) for r in results.values())
    print(f"{total} requests in {elapsed:.1f} s ({total / elapsed:.0f}/s)")


if __name__ == "__main__":
    main()
