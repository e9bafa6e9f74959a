"""Backend fixtures: every store test runs against SQLite and PostgreSQL (datasketch's habit).

PostgreSQL comes from ``STORYLINE_TEST_PG`` (an admin URL; ``.ci/postgres.sh`` exports one) or,
failing that, a throwaway cluster this fixture starts with Debian's ``initdb``/``pg_ctl`` as a
non-root user on a free port. Each test gets a fresh database. Where no server can be had, the
PostgreSQL half of the suite is skipped with the reason.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from storyline.store import Store, open_store

BACKENDS = ["sqlite", "postgres"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _bindir() -> Path | None:
    found = shutil.which("initdb") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))[::-1]), None)
    return Path(os.path.realpath(found)).parent if found else None


class _Cluster:
    """A throwaway PostgreSQL cluster: trust auth, fsync off, test data only."""

    def __init__(self) -> None:
        bindir = _bindir()
        if bindir is None:
            raise RuntimeError("initdb not found (apt-get install -y postgresql)")
        self.run: list[str] = []
        if os.geteuid() == 0:
            if shutil.which("runuser") is None:
                raise RuntimeError("running as root and runuser is missing (initdb refuses root)")
            self.run = ["runuser", "-u", "postgres", "--"]
        self.bindir = bindir
        self.dir = Path(tempfile.mkdtemp(prefix="storyline-pg-"))
        if self.run:
            shutil.chown(self.dir, "postgres")
        port = _free_port()
        self._call(
            "initdb",
            "-D",
            str(self.dir / "data"),
            "-U",
            "storyline",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
        )
        options = f"-p {port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        self._call(
            "pg_ctl",
            "-D",
            str(self.dir / "data"),
            "-l",
            str(self.dir / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            options,
            "start",
        )
        self.url = f"postgresql://storyline@127.0.0.1:{port}/postgres"

    def _call(self, tool: str, *args: str) -> None:
        done = subprocess.run(
            [*self.run, str(self.bindir / tool), *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{tool} failed: {(done.stderr or done.stdout).strip()[-400:]}")

    def stop(self) -> None:
        try:
            self._call("pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    """An admin URL of a PostgreSQL server; skips the test when none can be had."""
    try:
        import psycopg
    except ImportError:
        pytest.skip("psycopg is not installed (pip install 'storyline[scale]')")
    url = os.environ.get("STORYLINE_TEST_PG")
    cluster = None
    if not url:
        try:
            cluster = _Cluster()
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
            pytest.skip(f"PostgreSQL cannot start here: {exc}")
        url = cluster.url
    try:
        psycopg.connect(url, connect_timeout=10).close()
    except psycopg.Error as exc:
        if cluster:
            cluster.stop()
        pytest.skip(f"PostgreSQL at {url} does not answer: {exc}")
    yield url
    if cluster:
        cluster.stop()


@pytest.fixture
def pg_url(pg_admin_url: str) -> Iterator[str]:
    """A fresh, empty database on the test server, dropped afterwards."""
    import psycopg

    name = "sl_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    base, _, _ = pg_admin_url.rpartition("/")
    yield f"{base}/{name}"
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The ``--db`` value of a fresh store of each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = open_store(db_url)
    yield opened
    opened.close()


@pytest.fixture
def reopen(db_url: str) -> Iterator[Callable[[], Store]]:
    """Open further connections to the same store (what another process would see)."""
    opened: list[Store] = []

    def make() -> Store:
        s = open_store(db_url)
        opened.append(s)
        return s

    yield make
    for s in opened:
        s.close()
