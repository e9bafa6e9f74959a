"""Stores: one protocol, backends picked by the ``--db`` value (a path or a postgresql:// URL)."""

from __future__ import annotations

from storyline.store.base import Batch, Store, StoryFilter

__all__ = ["Batch", "Store", "StoryFilter", "open_store"]


def open_store(db: str) -> Store:
    """SQLite for a file path or ``:memory:``; PostgreSQL for a ``postgresql://`` URL."""
    if db.startswith(("postgresql://", "postgres://")):
        from storyline.store.postgres import PostgresStore

        return PostgresStore(db)
    from storyline.store.sqlite import SQLiteStore

    return SQLiteStore(db)
