"""End to end: `storyline run examples/seeds --export DIR` meets ../shared/seeds/EXPECTED.md."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from storyline.serve.cli import app

EP, KI = "000_6e04a67100874c57", "001_d6b8b87d130d92ed"
BOILERPLATE = [
    "Copyright",
    "Read also",
    "Become a Patron",
    "ad blocker",
    "Subscribe",
    "This audio is created",
    "Ctrl + Enter",
    "I'm in shock",
    "I’m in shock",
    "Serbian prison",
    "361,500",
    "treason",
    "Photo: Ivan Kirdey",
    "Getty Images",
    "Support independent journalism",
    "Authors:",
]


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = Path(__file__).resolve().parents[1]
    work = tmp_path_factory.mktemp("seeds")
    db, out = work / "seeds.db", work / "out"
    result = CliRunner().invoke(app, ["run", str(root / "examples" / "seeds"), "--db", str(db), "--export", str(out)])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = {name: _lines(out / f"{name}.jsonl") for name in ("articles", "stories", "facts", "claims")}
    data["articles_by_id"] = {a["id"]: a for a in data["articles"]}
    data["db"], data["out"], data["stdout"] = db, out, result.output
    return data


def test_both_articles_have_outlet_title_and_authors(export: dict[str, Any]) -> None:
    ep, ki = export["articles_by_id"][EP], export["articles_by_id"][KI]
    assert ep["outlet"] == "Euromaidan Press"
    assert ki["outlet"] == "The Kyiv Independent"
    assert ep["title"] == "Stoltenberg to convene NATO-Ukraine Council over Russian air strikes"
    assert ki["title"].replace("’", "'") == (
        "Kuleba: NATO-Ukraine Council to hold emergency meeting in response to Russia's mass strikes on Ukraine"
    )
    assert ep["authors"] == []
    assert ki["authors"] == ["Dinara Khalilova", "The Kyiv Independent news desk"]


def test_publication_dates(export: dict[str, Any]) -> None:
    ep, ki = export["articles_by_id"][EP], export["articles_by_id"][KI]
    assert ki["published"] == "2024-01-03"
    assert ep["published"] is None or (ep["published"] >= "2024-01-04" and ep["published_inferred"])


def test_bodies_start_and_end_where_the_articles_do(export: dict[str, Any]) -> None:
    ep, ki = export["articles_by_id"][EP]["body"], export["articles_by_id"][KI]["body"]
    assert ep.startswith(("NATO and Ukrainian officials plan to convene next week", "NATO Secretary General to hold"))
    assert "NATO and Ukrainian officials plan to convene next week" in ep
    assert ep.rstrip().endswith("and for isolating Russian diplomats.")
    assert ki.startswith("NATO approved Kyiv")
    assert ki.rstrip().endswith("according to the latest update by Ukraine’s State Emergency Service.")


@pytest.mark.parametrize("phrase", BOILERPLATE)
def test_no_boilerplate_in_bodies(export: dict[str, Any], phrase: str) -> None:
    for article in export["articles"]:
        assert phrase not in article["body"], f"{phrase!r} in {article['id']}"


def test_one_story_holds_both_articles(export: dict[str, Any]) -> None:
    assert len(export["stories"]) == 1
    assert sorted(export["stories"][0]["article_ids"]) == [EP, KI]


def _counts(export: dict[str, Any], article: str) -> list[dict[str, Any]]:
    return [f for f in export["facts"] if f["article_id"] == article and f["type"] == "count"]


def test_500_missiles_and_drones_with_qualifier_in_both(export: dict[str, Any]) -> None:
    for article in (EP, KI):
        hits = [f for f in _counts(export, article) if f["value"] == 500]
        assert hits, article
        assert hits[0]["qualifier"] == "at least"
        assert "missiles" in hits[0]["category"] and "drones" in hits[0]["category"]
        assert hits[0]["period"], "the period (past week / five days) is resolved"


def test_facts_point_into_the_body_or_the_title_they_name(export: dict[str, Any]) -> None:
    for fact in export["facts"]:
        if fact["end"] > fact["start"]:
            field = (fact.get("attrs") or {}).get("field", "body")  # quotes are also read in the title
            text = export["articles_by_id"][fact["article_id"]][field]
            assert text[fact["start"] : fact["end"]] == fact["text"]
            assert fact["text"] in fact["sentence"]


def test_casualties_of_two_attacks_keep_their_own_dates(export: dict[str, Any]) -> None:
    counts = _counts(export, KI)
    by = {(f["category"], f["value"]): f for f in counts}
    assert by[("killed", 5)]["period"] == "2024-01-02"
    assert by[("injured", 130)]["period"] == "2024-01-02"
    assert by[("killed", 53)]["period"] == "2023-12-29"
    assert by[("injured", 170)]["period"] == "2023-12-29"
    assert by[("missiles", 99)]["period"] == "2024-01-02"
    assert not [f for f in counts if f["value"] == 300], "300-kilometre range is not a count"
    assert not [f for f in counts if f["value"] == 361500], "the side feed is not the body"


def test_next_week_resolves_to_the_week_of_8_january(export: dict[str, Any]) -> None:
    times = {f["text"]: f["value"] for f in export["facts"] if f["article_id"] == EP and f["type"] == "time"}
    assert times.get("next week") == "2024-W02"


def test_kuleba_quote_has_its_speaker_in_both(export: dict[str, Any]) -> None:
    for article in (EP, KI):
        quotes = [
            f
            for f in export["facts"]
            if f["article_id"] == article
            and f["type"] in ("quote", "attribution")
            and "Euro-Atlantic unity" in (f["content"] or "")
        ]
        assert quotes and quotes[0]["speaker"] == "Dmytro Kuleba", article


def _claim(export: dict[str, Any], prefix: str) -> list[dict[str, Any]]:
    return [c for c in export["claims"] if c["slot"].startswith(prefix)]


def test_claim_statuses(export: dict[str, Any]) -> None:
    quote = [c for c in _claim(export, "quote:") if "Euro-Atlantic" in str(c["value"])]
    assert quote and quote[0]["status"] == "agreed"
    missiles = [c for c in export["claims"] if c["value"] == 500]
    assert missiles and missiles[0]["status"] == "agreed"
    meeting = _claim(export, "meeting_date")
    assert meeting and meeting[0]["status"] == "updated" and meeting[0]["value"] == "2024-01-10"
    dated = {c["slot"]: c for c in export["claims"] if "@" in c["slot"]}
    assert dated["killed@2024-01-02"]["value"] == 5 and dated["killed@2024-01-02"]["status"] == "single"
    assert dated["killed@2023-12-29"]["value"] == 53 and dated["killed@2023-12-29"]["status"] == "single"


def test_summary_is_printed(export: dict[str, Any]) -> None:
    assert "Stoltenberg" in export["stdout"] or "Kuleba" in export["stdout"]
    assert "agreed" in export["stdout"] and "updated" in export["stdout"]


def test_running_twice_changes_nothing(export: dict[str, Any], tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    before = {p.name: p.read_bytes() for p in export["out"].glob("*.jsonl")}
    out2 = tmp_path / "again"
    result = CliRunner().invoke(
        app, ["run", str(root / "examples" / "seeds"), "--db", str(export["db"]), "--export", str(out2)]
    )
    assert result.exit_code == 0, result.output
    assert "0 new, 2 unchanged" in result.output
    after = {p.name: p.read_bytes() for p in out2.glob("*.jsonl")}
    assert before == after
