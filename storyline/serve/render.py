"""Rich terminal views of stories, shared by the CLI commands."""

from __future__ import annotations

from rich.columns import Columns
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from storyline.model import Article, Claim, Story
from storyline.reconcile.digest import digest, timeline
from storyline.reconcile.outlets import OutletHome

STATUS_STYLE = {"agreed": "green", "conflict": "bold red", "single": "cyan", "updated": "yellow"}


def _where(story: Story) -> str:
    loc = story.location
    return ", ".join(p for p in (loc.city, loc.region, loc.country) if p) or "—"


def _value(claim: Claim) -> str:
    value = "unknown" if claim.value is None else str(claim.value)
    if claim.low is not None and claim.high is not None and claim.low != claim.high:
        value += f"  [dim]({claim.low}–{claim.high})[/dim]"
    return value


def claims_table(story: Story, articles: list[Article]) -> Table:
    outlet = {a.id: a.outlet or a.id for a in articles}
    table = Table(title="Claims across outlets", expand=True, show_lines=False)
    table.add_column("slot")
    table.add_column("value")
    table.add_column("status")
    table.add_column("sources")
    for claim in story.claims:
        style = STATUS_STYLE.get(claim.status, "")
        sources = "; ".join(
            f"{escape(outlet.get(s.article_id, s.article_id))}: "
            + escape("unknown" if s.value is None else str(s.value))
            for s in claim.support
        )
        table.add_row(escape(claim.slot), escape(_value(claim)), f"[{style}]{claim.status}[/{style}]", sources)
    return table


def story_summary(console: Console, story: Story, articles: list[Article]) -> None:
    """The story in a few lines: title, outlets, dates, event record, claims."""
    lines = [
        f"[bold]{escape(story.title)}[/bold]  [dim]{story.story_id}[/dim]",
        f"event: {', '.join(story.event_types) or '—'} · when: {story.event_date or '—'}"
        f" · where: {escape(_where(story))}",
    ]
    for a in articles:
        dup = f" (copy of {a.duplicate_of})" if a.duplicate_of else ""
        date = f"{a.best_published}{' (inferred)' if a.published_inferred and not a.feed_published else ''}"
        authors = ", ".join(a.authors) or "no byline"
        lines.append(f"  • {escape(a.outlet or '?')} · {date} · {escape(authors)} — {escape(a.title or a.id)}{dup}")
    console.print(Panel("\n".join(lines), expand=True))
    if story.claims:
        console.print(claims_table(story, articles))


def story_detail(console: Console, story: Story, articles: list[Article]) -> None:
    story_summary(console, story, articles)
    lines = [f"• {escape(d.sentence)} [dim]({escape(', '.join(d.outlets))})[/dim]" for d in digest(story, articles)]
    if lines:
        console.print(Panel("\n".join(lines), title="Digest", expand=True))
    events = Table(title="Timeline", expand=True)
    for column in ("day", "", "what", "sources"):
        events.add_column(column)
    for e in timeline(story, articles):
        events.add_row(str(e.day), e.kind, escape(e.text), escape(", ".join(e.outlets)))
    console.print(events)
    panels = []
    for a in articles:
        body = a.body or ""
        preview = body if len(body) < 1500 else body[:1500] + " …"
        panels.append(Panel(escape(preview), title=escape(a.outlet or a.id), subtitle=str(a.best_published or "")))
    console.print(Columns(panels, equal=True, expand=True))
    facts = Table(title="Facts", expand=True)
    for column in ("article", "type", "value", "words"):
        facts.add_column(column)
    for a in articles:
        for f in a.facts:
            if f.type in ("entity", "location"):
                continue
            value = f.value if f.type != "quote" and f.type != "attribution" else f"{f.speaker}: {f.content}"
            extra = f" {f.qualifier} {f.category} {f.period or ''}" if f.type == "count" else ""
            facts.add_row(escape(a.outlet or a.id), f.type, escape(f"{value}{extra}"), escape(f.text[:90]))
    console.print(facts)


def story_table(console: Console, stories: list[Story], total: int) -> None:
    table = Table(title=f"{total} stories", expand=True)
    table.add_column("story", no_wrap=True, min_width=19)  # ids must stay whole to be copied into `show`
    for column in ("title", "articles", "when", "where", "event", "claims"):
        table.add_column(column)
    for s in stories:
        statuses = {c.status for c in s.claims}
        badge = " ".join(f"[{STATUS_STYLE[x]}]{x}[/{STATUS_STYLE[x]}]" for x in sorted(statuses) if x in STATUS_STYLE)
        table.add_row(
            s.story_id,
            escape(s.title[:80]),
            str(len(s.article_ids)),
            str(s.event_date or "—"),
            escape(_where(s)),
            ", ".join(s.event_types),
            badge,
        )
    console.print(table)


def outlet_table(console: Console, outlets: list[OutletHome], limit: int) -> None:
    """Where each outlet reports from: its home state and town, and how many of its reports say so."""
    homed = sum(o.state is not None for o in outlets)
    towns = sum(o.town is not None for o in outlets)
    table = Table(title=f"{len(outlets)} outlets, {homed} with a home state, {towns} with a home town", expand=True)
    for column in ("outlet", "reports naming a state", "home state", "home town"):
        table.add_column(column)
    for o in outlets[:limit]:
        state = f"{o.state} ({o.state_articles})" if o.state else "—"
        table.add_row(escape(o.outlet), str(o.stating), escape(state), escape(o.town or "—"))
    console.print(table)
