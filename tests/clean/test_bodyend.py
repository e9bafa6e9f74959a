"""The body ends where the page takes over: appeals, section markers and teasers after the last paragraph."""

from __future__ import annotations

import numpy as np

from storyline.clean.bodyend import (
    _APPEAL,
    appeal_lines,
    before_comments,
    card_feed,
    close_body,
    comment_fence,
    drop_link_boxes,
    is_account_notice,
    is_appeal,
    is_marker,
    is_signature,
    is_tail_furniture,
    trim_tail,
)
from storyline.clean.lines import split_page

from .conftest import BODY

APPEAL = (
    "Reporting like this costs money. Become a member today and support independent journalism: "
    "you can help us keep every story free to read."
)


def _close(parts: list[str], keep: list[bool]) -> list[bool]:
    lines, page = split_page("\n\n".join(parts))
    closed = list(map(bool, close_body(lines, np.array(keep))))
    assert list(map(bool, close_body(lines, np.array(keep), page))) == closed  # with the appeal prefilter too
    return closed


def test_donation_appeal_is_an_appeal() -> None:
    assert is_appeal(APPEAL, len(APPEAL.split()))


def test_a_news_sentence_about_subscribers_is_not_an_appeal() -> None:
    text = "The streaming service signed up two million new subscribers in the quarter, analysts said."
    assert not is_appeal(text, len(text.split()))


def test_payment_card_names_in_a_short_line_are_an_appeal() -> None:
    assert is_appeal("visa mastercard amex", 3)


def test_appeal_after_the_body_closes_it() -> None:
    parts = [*BODY, APPEAL, "Will the lake freeze this winter?", "A short teaser line for later."]
    assert _close(parts, [True] * len(parts)) == [True] * len(BODY) + [False] * 3


def test_appeal_before_most_of_the_body_does_not_close_it() -> None:
    parts = [BODY[0], APPEAL, *BODY[1:]]
    assert _close(parts, [True] * len(parts)) == [True] * len(parts)


def test_standalone_marker_closes_the_body_when_little_follows() -> None:
    parts = [*BODY, "Read also:", "Storm closes the mountain pass again."]
    assert _close(parts, [True] * 4 + [False, True]) == [True] * 4 + [False, False]


def test_inline_marker_with_the_body_going_on_does_not_close_it() -> None:
    parts = [BODY[0], "Read also:", *BODY[1:]]
    keep = [True, False, True, True, True]
    assert _close(parts, keep) == keep


def test_markers_are_short_standalone_lines() -> None:
    assert is_marker("Authors: Ana Lopez, Marc Weber", 5)
    assert is_marker("Most popular", 2)
    assert not is_marker("Comments from the mayor were brief and to the point, residents said.", 12)


def test_credit_and_related_links_after_the_story_are_trimmed() -> None:
    tail = [
        "Reporting by Ana Lopez; editing by Marc Weber",
        "Related: Storm closes the mountain pass",
        "Storm closes mountain pass again",
    ]
    assert trim_tail([*BODY, *tail]) == BODY


def test_trailing_furniture_longer_than_a_quarter_of_the_body_is_kept() -> None:
    links = [f"Another headline about the valley number {k}" for k in range(40)]
    assert trim_tail([BODY[0], *links]) == [BODY[0], *links]


def test_a_story_ending_in_a_sentence_keeps_its_last_paragraph() -> None:
    assert not is_tail_furniture(BODY[-1], len(BODY[-1].split()))


# one phrase per alternative of bodyend._APPEAL, in a sentence long enough (over 12 words) to need its vocabulary
APPEAL_PHRASES = [
    "donations",
    "donors",
    "patrons",
    "Patreon",
    "subscribers",
    "newsletters",
    "membership",
    "become an supporter",
    "join our",
    "support the work",
    "independent journalism",
    "can you help",
    "you can help",
    "help us",
    "your generosity",
    "PayPal",
    "ad blockers",
    "adblocker",
    "disabling the ad",
    "whitelist",
    "sign up",
    "log in",
    "login",
    "comments",
    "related stories",
    "read next",
    "most viewed",
    "share on",
    "follow us",
    "spenden",
    "unterst\u00fctzen sie",
    "jetzt abonnieren",
    "Abonnement",
    "mitglied werden",
    "donaci\u00f3n",
    "suscr\u00edbete",
    "ap\u00f3yanos",
    "hazte socio",
    "faites un don",
    "soutenez",
    "abonnez",
    "sostieni",
    "abbonati",
    "apoie",
    "assine",
]


def test_appeal_lines_holds_every_line_the_appeal_pattern_matches() -> None:
    filler = "the council met on a quiet evening in the old hall by the river to hear"
    texts = [f"{filler} {phrase} and more words after it." for phrase in APPEAL_PHRASES]
    lines, page = split_page("\n\n".join([*texts, filler + " nothing else at all today."]))
    maybe = appeal_lines(lines, page)
    assert maybe is not None
    for line, found in zip(lines, maybe.tolist(), strict=True):
        assert found == bool(_APPEAL.search(line.text)), line.text


COMMENTS = [
    "3 Comments",
    "Lena Brandt says:",
    "I walk across that bridge every morning and I am glad the council finally agreed on something useful.",
    "Reply",
    "Tom Okafor on March 15, 2023 at 9:12 am said:",
    "Eighteen months of detours will be hard on the shops near the river, and nobody has said who pays for them.",
    "Maria K. sagt:",
    "Endlich! Die alte Brücke war seit Jahren eine Gefahr für Radfahrer und Fußgänger.",
]


def test_commenter_signatures_are_signatures() -> None:
    for text in ("Lena Brandt says:", "Maria K. sagt:", "Tom Okafor on March 15, 2023 at 9:12 am said:"):
        assert is_signature(text, len(text.split())), text


def test_a_body_line_opening_a_quotation_is_no_signature() -> None:
    for text in ("The mayor said:", "In a statement, the ministry wrote:", "He added. Then the minister says:"):
        assert not is_signature(text, len(text.split())), text


def test_comment_section_opens_at_its_heading() -> None:
    lines, _ = split_page("\n\n".join(["Bridge vote", *BODY, *COMMENTS]))
    assert comment_fence(lines, 0) == 1 + len(BODY)


def test_one_signature_like_line_is_no_comment_section() -> None:
    lines, _ = split_page("\n\n".join(["Bridge vote", *BODY[:2], "The mayor says:", *BODY[2:]]))
    assert comment_fence(lines, 0) is None


def test_comments_above_the_headline_are_not_read() -> None:
    lines, _ = split_page("\n\n".join([*COMMENTS, "Bridge vote", *BODY]))
    assert comment_fence(lines, len(COMMENTS)) is None


def test_comments_are_cut_from_the_body() -> None:
    lines, _ = split_page("\n\n".join(["Bridge vote", *BODY, *COMMENTS]))
    keep = np.ones(len(lines), dtype=bool)
    keep[0] = False
    fence = 1 + len(BODY)
    assert list(map(bool, before_comments(lines, keep, fence, 0))) == [False, *[True] * len(BODY), *[False] * 8]


def test_a_short_post_under_a_long_discussion_keeps_its_prose() -> None:
    lines, _ = split_page("\n\n".join(["Bridge vote", BODY[0], "Share", *COMMENTS]))
    keep = np.zeros(len(lines), dtype=bool)
    keep[5] = keep[8] = True  # the line model liked two comments, not the post
    out = before_comments(lines, keep, 3, 0)
    assert [lines[i].text for i in np.flatnonzero(out)] == [BODY[0]]


CARDS = [
    "More opinion",
    "Why the ferry timetable keeps changing every spring",
    "Ana Lopez",
    "Tuesday March 14, 2023",
    "Riders have learned to check the board twice before they leave home, and the operator says that will change.",
    "The harbour wall needs more than a coat of paint",
    "Marc Weber",
    "Monday March 13, 2023",
    "Engineers warned in 2019 that the wall would not survive another decade of winter storms without repairs.",
]


def test_a_feed_of_story_cards_after_the_body_is_found() -> None:
    lines, _ = split_page("\n\n".join(["Bridge vote", *BODY, *CARDS]))
    assert card_feed(lines, 1) == 1 + len(BODY)


def test_a_live_blog_with_timestamped_entries_has_no_cards() -> None:
    entries = []
    for day, text in ((14, BODY[0]), (15, BODY[1]), (16, BODY[2])):
        entries += [f"March {day}, 2023 at 9:30 am", "Council update", text]
    lines, _ = split_page("\n\n".join(["Bridge vote: live", *entries]))
    assert card_feed(lines, 0) is None


def test_the_body_closes_before_a_feed_of_cards() -> None:
    assert _close([*BODY, *CARDS], [True] * (len(BODY) + len(CARDS))) == [True] * len(BODY) + [False] * len(CARDS)


BOX = [
    "More from Eastbrook",
    "Storm closes mountain pass for the second time this week",
    "School board delays vote on new timetable",
    "Harbour festival returns after four years",
]


def test_a_box_of_links_inside_the_body_goes_and_the_body_goes_on() -> None:
    lines, _ = split_page("\n\n".join([*BODY[:2], *BOX, *BODY[2:]]))
    out = drop_link_boxes(lines, np.ones(len(lines), dtype=bool))
    assert [lines[i].text for i in np.flatnonzero(out)] == BODY


def test_a_marker_over_one_headline_or_over_prose_is_no_box() -> None:
    for parts in ([*BODY[:2], *BOX[:2], *BODY[2:]], [*BODY[:2], "Related stories", *BODY[2:]]):
        lines, _ = split_page("\n\n".join(parts))
        assert drop_link_boxes(lines, np.ones(len(lines), dtype=bool)).all()


def test_more_section_markers_are_markers() -> None:
    for text in ("More from UK", "Top stories", "Latest news", "You might also like", "More about the election"):
        assert is_marker(text, len(text.split())), text


def test_account_and_paywall_notices_are_notices() -> None:
    for text in (
        "We have sent you a verification email. Please check your email and click on the link to activate your "
        "profile.",
        "Already a subscriber?",
        "Click on the button below to set up your account or log in if you already have one.",
        "Close Get email notifications on Ana Lopez daily!",
        "Please log in, or sign up for a new account and purchase a subscription to continue reading.",
        "2 of 3 Premium Clicks used this month",
    ):
        assert is_account_notice(text, len(text.split())), text


def test_a_news_sentence_about_accounts_is_not_a_notice() -> None:
    for text in (
        "The bank said hackers had tried to log in to thousands of accounts over the weekend.",
        "Subscribers to the water district will get a letter explaining the new rates.",
    ):
        assert not is_account_notice(text, len(text.split())), text
