"""Clustering quality of storyline.group on the dev sets, scored by the shared score.py.

Feed lines become Articles (title = first line, body = the rest, published = the feed date),
are grouped in publication order (incremental, as the pipeline does) or all at once (batch),
written to an export ``articles.jsonl`` with ``id`` and ``story_id``, and scored with
``score.py clustering``. Baselines: every article alone, and TF-IDF cosine single link.

    .venv/bin/python benchmarks/eval_group.py                     # both sets, incremental + batch
    .venv/bin/python benchmarks/eval_group.py --baselines         # with the two baselines
    .venv/bin/python benchmarks/eval_group.py --sweep LINK_THRESHOLD=0.15,0.2,0.25
    .venv/bin/python benchmarks/eval_group.py --dups              # copy pairs found vs gold
    .venv/bin/python benchmarks/eval_group.py --pipeline --cache /tmp/grp --sets gva --no-batch --mixed
        # the stories that mix gold clusters (false merges), each article's gold cluster and title
    .venv/bin/python benchmarks/eval_group.py --pipeline --cache /tmp/grp --window 30 --halves
        # articles cleaned and extracted by the real pipeline (facts included), cached as pickles;
        # --halves also scores the two halves of the gold (split by a hash of the id's topic)
    .venv/bin/python benchmarks/eval_group.py --pipeline --cache /tmp/grp --halves --embeddings 0.2,0.5
        # the [embeddings] extra tried: each candidate's score gains W * (MiniLM cosine - C) (with
        # ",bonus": only above C); the vectors of title + lead are cached beside the articles
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import pickle
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from storyline.config import GroupConfig
from storyline.group import Grouper, dedup, evidence, features, grouper
from storyline.model import Article

ROOT = Path(__file__).resolve().parent.parent
EVAL = Path(os.environ.get("STORYLINE_EVAL_DIR", ROOT.parent / "shared" / "eval"))
SETS = {
    "gva": ("gva-dev.jsonl.gz", "gva-dev.gold.jsonl"),
    "ecbplus": ("ecbplus-dev.jsonl", "ecbplus-dev.gold.jsonl"),
}


def load_feed(path: Path) -> list[Article]:
    """Articles from a feed whose text is title, newline, body (the gva and ecbplus feeds)."""
    opener = gzip.open if path.suffix == ".gz" else open
    articles = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            published = date.fromisoformat(row["published"]) if row.get("published") else None
            article = Article(
                id=str(row["id"]),
                raw_text=row.get("text"),
                url=row.get("url"),
                feed_published=published,
                feed_outlet=row.get("outlet"),
            )
            title, _, body = (row.get("text") or "").strip().partition("\n")
            article.title, article.body = title.strip(), body.strip()
            article.published, article.outlet = published, row.get("outlet")
            articles.append(article)
    return articles


def load_pipeline(path: Path, cache: Path | None = None) -> list[Article]:
    """Articles as the pipeline hands them to grouping: cleaned, with the extract stage's facts.

    ``cache``: a folder where the result is pickled (clean+extract takes minutes on gva-dev)."""
    cached = cache / f"{path.name}.pkl" if cache is not None else None
    if cached is not None and cached.exists():
        with open(cached, "rb") as handle:
            articles: list[Article] = pickle.load(handle)
        return articles
    from storyline.clean import Cleaner, TemplateMemory
    from storyline.config import Config
    from storyline.ingest import read_paths
    from storyline.pipeline import Pipeline

    config = Config()
    pipeline = Pipeline(config, store=None)  # type: ignore[arg-type]  # only the per-article stages run
    memory = TemplateMemory()
    items = [a for a in read_paths([path]) if isinstance(a, Article)]
    cleaner = Cleaner(config.clean, memory)
    for article in items:
        cleaner.observe(article)
    articles, _rejected = pipeline.clean_and_extract(items, memory)  # rejected ones score as singletons
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with open(cached, "wb") as handle:
            pickle.dump(articles, handle)
    return articles


def half_of(cluster: str) -> str:
    """Half "A" or "B" of a gold cluster id: tune on one, report both.

    The hash is of the id up to its first "_" (ecbplus ``<topic>_ecb`` / ``<topic>_ecbplus``: the
    topic), so the two same-kind events of a topic, the confusion that matters there, fall in the
    same half; gva ids have no "_" and split by incident.
    """
    key = cluster.split("_", 1)[0]
    return "A" if hashlib.md5(key.encode()).digest()[0] % 2 == 0 else "B"


def in_arrival_order(articles: list[Article]) -> list[Article]:
    """Publication order, then id, as the pipeline places a chunk (undated articles first)."""
    return sorted(articles, key=lambda a: (a.best_published or date.min, a.id))


def group_incremental(
    articles: list[Article], config: GroupConfig, grouper: Grouper | None = None, current: list[str] | None = None
) -> dict[str, str]:
    """Each article placed on arrival; final story = the story it was placed in, after merges.
    ``current[0]`` is set to the id of the article being placed (for experiments that wrap the grouper)."""
    g = grouper or Grouper(config)
    merged: dict[str, str] = {}
    placed = {}
    for article in in_arrival_order(articles):
        if current is not None:
            current[0] = article.id
        g.add(article)
        placed[article.id] = article.story_id or article.id
        merged.update(g.take_merges())

    def final(story: str) -> str:
        while story in merged:
            story = merged[story]
        return story

    return {i: final(s) for i, s in placed.items()}


def group_embedded(
    weight: float, center: float, cache: Path | None, bonus_only: bool = False
) -> Callable[[list[Article], GroupConfig], dict[str, str]]:
    """Incremental grouping where each candidate's score gains ``weight * (cosine - center)`` of the
    two articles' MiniLM vectors (the optional extra, measured here before it earns a switch);
    ``bonus_only``: only cosines above ``center`` count (a paraphrase bonus, never a penalty)."""

    def run(articles: list[Article], config: GroupConfig) -> dict[str, str]:
        import numpy as np

        from storyline.group.embed import Embedder

        key = hashlib.sha1("\x00".join(a.id for a in articles).encode()).hexdigest()[:12]
        cached = cache / f"embed-{key}.npy" if cache is not None else None
        if cached is not None and cached.exists():
            vectors = np.load(cached)
        else:
            vectors = Embedder().encode_articles(articles)
            if cached is not None:
                np.save(cached, vectors)
        row = {a.id: vectors[n] for n, a in enumerate(articles)}
        g = Grouper(config)
        links = g._links  # the experiment wraps the grouper's candidate scoring
        current: list[str] = [""]

        def embedded_links(*args: object) -> tuple[dict[int, float], dict[int, float]]:
            scores, cosines = links(*args)  # type: ignore[arg-type]
            for k, value in scores.items():
                if value < 1.0:  # a copy stays a copy
                    other = row[g._entries[k].article_id]
                    shift = float(row[current[0]] @ other) - center
                    scores[k] = value + weight * (max(shift, 0.0) if bonus_only else shift)
            return scores, cosines

        g._links = embedded_links  # type: ignore[method-assign,assignment]  # wraps the private scorer
        return group_incremental(articles, config, g, current)

    return run


def group_batch(articles: list[Article], config: GroupConfig) -> dict[str, str]:
    return Grouper(config).cluster_batch(articles)


def score(stories: dict[str, str], gold: Path, half: str | None = None) -> dict[str, float]:
    """Write an export with id/story_id and run ``score.py clustering`` on it (on one half's gold)."""
    with tempfile.TemporaryDirectory() as tmp:
        if half is not None:
            rows = [r for r in map(json.loads, gold.read_text().splitlines()) if half_of(str(r["cluster"])) == half]
            gold = Path(tmp) / "gold.jsonl"
            gold.write_text("".join(json.dumps(r) + "\n" for r in rows))
        with open(Path(tmp) / "articles.jsonl", "w", encoding="utf-8") as out:
            for article_id, story in stories.items():
                out.write(json.dumps({"id": article_id, "story_id": story}) + "\n")
        text = subprocess.run(
            [sys.executable, str(EVAL / "score.py"), "clustering", "--gold", str(gold), "--export", tmp],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    bcubed = re.search(r"B-cubed\s+P (\S+)\s+R (\S+)\s+F1 (\S+)", text)
    pairwise = re.search(r"pairwise\s+P (\S+)\s+R (\S+)\s+F1 (\S+)", text)
    if bcubed is None or pairwise is None:
        raise RuntimeError(f"unexpected score.py output: {text}")
    return {
        "bcubed_f1": float(bcubed.group(3)),
        "pairwise_f1": float(pairwise.group(3)),
        "bcubed_p": float(bcubed.group(1)),
        "bcubed_r": float(bcubed.group(2)),
    }


# -- baselines --------------------------------------------------------------------------------


def baseline_alone(articles: list[Article], config: GroupConfig) -> dict[str, str]:
    return {a.id: a.id for a in articles}


def baseline_tfidf(threshold: float) -> Callable[[list[Article], GroupConfig], dict[str, str]]:
    """TF-IDF cosine (scikit-learn defaults, English stop words) over the whole text, single link."""

    def run(articles: list[Article], config: GroupConfig) -> dict[str, str]:
        from scipy.sparse.csgraph import connected_components
        from sklearn.feature_extraction.text import TfidfVectorizer

        texts = [f"{a.title}\n{a.body}" for a in articles]
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
        sims = matrix @ matrix.T
        sims.data[sims.data < threshold] = 0
        sims.eliminate_zeros()
        _, labels = connected_components(sims, directed=False)
        return {a.id: f"c{labels[i]}" for i, a in enumerate(articles)}

    return run


# -- CLI ----------------------------------------------------------------------------------------


def _set_constant(assignment: str) -> None:
    name, _, value = assignment.partition("=")
    for module in (grouper, features, dedup, evidence):
        if hasattr(module, name):
            kind = type(getattr(module, name))
            # bool("False") is True: a flag is read from its spelling
            setattr(module, name, value.lower() in ("1", "true", "yes") if kind is bool else kind(value))
            return
    raise SystemExit(f"no tunable constant {name}")


def _mixed_report(stories: dict[str, str], gold_of: dict[str, str], articles: list[Article]) -> None:
    """The stories that hold articles of several gold clusters (false merges), with their titles."""
    members: dict[str, list[str]] = {}
    for article_id, story in stories.items():
        members.setdefault(story, []).append(article_id)
    titles = {a.id: (a.title or (a.body or "")[:80]).strip() for a in articles}
    mixed = {s: ids for s, ids in members.items() if len({gold_of.get(i, i) for i in ids}) > 1}
    clusters = {gold_of.get(i, i) for ids in mixed.values() for i in ids}
    print(f"  stories mixing gold clusters: {len(mixed)}, gold clusters in them: {len(clusters)}")
    for story, ids in sorted(mixed.items(), key=lambda kv: -len(kv[1])):
        print(f"  {story}")
        for article_id in sorted(ids, key=lambda i: gold_of.get(i, i)):
            print(f"    {gold_of.get(article_id, '-'):>12}  {titles.get(article_id, '')[:100]}")


def _dup_report(articles: list[Article], gold_of: dict[str, str], config: GroupConfig) -> None:
    g = Grouper(config)
    pairs = same = 0
    for article in in_arrival_order(articles):
        g.add(article)
        if article.duplicate_of is not None:
            pairs += 1
            same += gold_of.get(article.id) == gold_of.get(article.duplicate_of)
    print(f"  copies found: {pairs}, in the same gold cluster as the original: {same}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default="gva,ecbplus")
    parser.add_argument("--window", type=int, default=GroupConfig().window_days)
    parser.add_argument("--baselines", action="store_true")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--sweep", metavar="NAME=v1,v2,...")
    parser.add_argument("--dups", action="store_true")
    parser.add_argument("--mixed", action="store_true", help="list the stories that mix gold clusters")
    parser.add_argument("--no-batch", action="store_true")
    parser.add_argument("--pipeline", action="store_true", help="articles from the real clean+extract stages")
    parser.add_argument("--cache", type=Path, help="folder for the --pipeline articles")
    parser.add_argument("--halves", action="store_true", help="also score half A and half B of the gold")
    parser.add_argument(
        "--embeddings", metavar="W,C[,bonus]", help="also run the MiniLM extra: score + W * (cosine - C)"
    )
    args = parser.parse_args(argv)
    if not (EVAL / "score.py").exists():
        raise SystemExit(f"no eval kit at {EVAL} (set STORYLINE_EVAL_DIR)")
    for assignment in args.set:
        _set_constant(assignment)
    config = GroupConfig(window_days=args.window)
    sweep: list[str | None] = [None]
    if args.sweep:
        name, _, values = args.sweep.partition("=")
        sweep = [f"{name}={v}" for v in values.split(",")]
    for name in args.sets.split(","):
        feed, gold = (EVAL / "data" / f for f in SETS[name])
        gold_of = {r["id"]: r["cluster"] for r in map(json.loads, gold.read_text().splitlines())}
        methods: list[tuple[str, Callable[[list[Article], GroupConfig], dict[str, str]]]] = []
        if args.baselines:
            methods += [
                ("alone", baseline_alone),
                ("tfidf-single-link@0.31", baseline_tfidf(0.31)),
                ("tfidf-single-link@0.27", baseline_tfidf(0.27)),
            ]
        methods.append(("storyline incremental", group_incremental))
        if args.embeddings:
            weight, center, *mode = args.embeddings.split(",")
            bonus = mode == ["bonus"]
            label = f"+ MiniLM {args.embeddings}"
            methods.append((label, group_embedded(float(weight), float(center), args.cache, bonus)))
        if not args.no_batch:
            methods.append(("storyline batch", group_batch))
        for assignment in sweep:
            if assignment:
                _set_constant(assignment)
            for label, method in methods:
                articles = load_pipeline(feed, args.cache) if args.pipeline else load_feed(feed)
                stories = method(articles, config)
                tag = f" [{assignment}]" if assignment else ""
                for half in [None, "A", "B"] if args.halves else [None]:
                    figures = score(stories, gold, half)
                    print(
                        f"{name:8} {label:24} {half or 'all'} B-cubed F1 {figures['bcubed_f1']:.4f} "
                        f"(P {figures['bcubed_p']:.3f} R {figures['bcubed_r']:.3f})  "
                        f"pairwise F1 {figures['pairwise_f1']:.4f}{tag}",
                        flush=True,
                    )
                if args.mixed:
                    _mixed_report(stories, gold_of, articles)
            if args.dups:
                _dup_report(load_feed(feed), gold_of, config)


if __name__ == "__main__":
    main()
