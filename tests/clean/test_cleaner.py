from __future__ import annotations

import numpy as np
import pytest

from storyline.clean import Cleaner, TemplateMemory
from storyline.clean.cleaner import drop_gallery_captions, page_captions
from storyline.clean.lines import split_page
from storyline.errors import InputError
from storyline.model import Article

from .conftest import BODY, NAV, make_page


def test_body_is_the_article_paragraphs_joined_by_blank_lines(cleaner: Cleaner) -> None:
    article = Article(id="a", raw_text=make_page("Eastbrook votes to rebuild the river bridge", BODY))
    cleaner.clean(article)
    assert article.body is not None
    assert article.body.startswith("The city council of Eastbrook voted")
    assert article.body.rstrip().endswith("officials said.")
    assert "\n\n" in article.body


def test_cookie_and_copyright_text_is_not_body(cleaner: Cleaner) -> None:
    article = Article(id="a", raw_text=make_page("Eastbrook votes to rebuild the river bridge", BODY))
    cleaner.clean(article)
    assert "cookie" not in (article.body or "").lower()
    assert "Copyright" not in (article.body or "")
    assert "Storm closes mountain pass" not in (article.body or "")


def test_a_short_post_is_not_lost_under_its_comments(cleaner: Cleaner) -> None:
    post = (
        "Our quarterly open thread is the place to ask us anything about the bridge project: leave your "
        "question in the comments below and the engineering office will answer within a week."
    )
    comments: list[str] = []
    for name, n in (("Lena Brandt", 1), ("Tom Okafor", 2), ("Ines Duarte", 3)):
        comments += [f"{name} on March {14 + n}, 2023 at {n + 8}:12 am said:", *BODY[n - 1 : n + 1]]
    text = "\n\n".join([*NAV, "Open thread: the river bridge", "March 14, 2023", post, "3 Comments", *comments])
    article = Article(id="a", raw_text=text)
    cleaner.clean(article)
    assert article.body == post


GALLERY_CAPTION = "Mayor Ana Petrova, left, and engineer Marc Weber look at the plans for the new bridge on Tuesday."


def test_gallery_captions_repeated_under_photo_credits_are_not_body(cleaner: Cleaner) -> None:
    gallery = [GALLERY_CAPTION, "Photo: Ana Lopez, Eastbrook Courier", "Image 1 of 4"]
    text = make_page("Eastbrook votes to rebuild the river bridge", [*gallery, *gallery, *BODY])
    article = Article(id="a", raw_text=text)
    cleaner.clean(article)
    assert article.body is not None and article.body.startswith("The city council of Eastbrook voted")
    assert "look at the plans" not in article.body


def test_a_standfirst_repeated_under_the_lead_image_stays(cleaner: Cleaner) -> None:
    parts = [GALLERY_CAPTION, *BODY[:2], GALLERY_CAPTION, "Photo: Ana Lopez, Eastbrook Courier", *BODY[2:]]
    lines, _ = split_page("\n\n".join(parts))
    keep = np.ones(len(lines), dtype=bool)
    out = drop_gallery_captions(lines, keep, page_captions(lines))
    assert out.all()


def test_a_report_behind_a_login_keeps_its_headline_as_body(cleaner: Cleaner) -> None:
    headline = "Two hurt as storm topples trees across Eastbrook"
    notice = [
        "Just One More Thing...",
        "We have sent you a verification email. Please check your email and click on the link to activate your "
        "profile.",
        "If you do not receive the verification message within a few minutes of signing up, please check your "
        "Spam folder.",
    ]
    article = Article(id="a", raw_text="\n\n".join([headline, *notice, "Close"]))
    cleaner.clean(article)
    assert article.body == headline


def test_a_menu_behind_a_login_is_still_no_article(cleaner: Cleaner) -> None:
    text = "\n\n".join(
        ["Eastbrook Courier", "Already a subscriber?", "Click on the button below to set up your account."]
    )
    with pytest.raises(InputError):
        cleaner.clean(Article(id="a", raw_text=text))


def test_byline_gives_people_without_duplicates(cleaner: Cleaner) -> None:
    text = make_page("Eastbrook votes to rebuild the river bridge", BODY)
    text += "\n\nAuthors: Ana Lopez, Marc Weber\n"
    article = Article(id="a", raw_text=text)
    cleaner.clean(article)
    assert article.authors == ["Ana Lopez", "Marc Weber"]


def test_feed_values_win_over_page_values(cleaner: Cleaner) -> None:
    from datetime import date

    article = Article(
        id="a",
        raw_text=make_page("Eastbrook votes to rebuild the river bridge", BODY),
        feed_title="Feed title",
        feed_published=date(2023, 3, 15),
        feed_outlet="Courier",
    )
    cleaner.clean(article)
    assert (article.title, article.published, article.outlet) == ("Feed title", date(2023, 3, 15), "Courier")


def test_page_without_body_raises_input_error(cleaner: Cleaner) -> None:
    with pytest.raises(InputError, match="no article body"):
        cleaner.clean(Article(id="menu", raw_text="Home\n\nNews\n\nSport\n"))


def test_empty_article_raises_input_error(cleaner: Cleaner) -> None:
    with pytest.raises(InputError):
        cleaner.clean(Article(id="empty"))


def test_body_split_in_several_containers_is_kept_whole(cleaner: Cleaner) -> None:
    # an ad slot and a caption between the halves of the article must not cut it short
    body = [*BODY[:2], "Advertisement", "The old bridge in 1950. Photo: Town Archive", *BODY[2:]]
    article = Article(id="a", raw_text=make_page("Eastbrook votes to rebuild the river bridge", body))
    cleaner.clean(article)
    assert "Mayor Ana Petrova" in (article.body or "")
    assert "Construction is expected" in (article.body or "")
    assert "Photo: Town Archive" not in (article.body or "")


def test_clean_is_pure_given_memory(cleaner: Cleaner) -> None:
    text = make_page("Eastbrook votes to rebuild the river bridge", BODY)
    first = cleaner.clean(Article(id="a", raw_text=text))
    second = cleaner.clean(Article(id="a", raw_text=text))
    assert (first.body, first.title, first.authors) == (second.body, second.title, second.authors)


def test_template_lines_recurring_across_an_outlets_pages_are_dropped(model: object) -> None:
    appeal = (
        "Our newsroom relies on readers like you, and every contribution keeps our reporting "
        "free for the whole community of the valley this year."
    )
    towns, topics = ["Ashford", "Brimley", "Carrow"], ["roads", "schools", "water", "parks"]
    stories = [
        [
            f"Paragraph about {topic} in {town}: the valley council met and decided on {topic} for {town} "
            f"after a long discussion with the farmers and the residents of {town}."
            for topic in topics
        ]
        for town in towns
    ]
    pages = [
        make_page(f"Story number {n} about the valley council meeting", stories[n], extra_top=[appeal])
        for n in range(3)
    ]
    memory = TemplateMemory()
    cleaner = Cleaner(None, memory, model)  # type: ignore[arg-type]
    articles = [Article(id=str(n), raw_text=p, url=f"https://courier.example/news/{n}") for n, p in enumerate(pages)]
    for article in articles:
        cleaner.observe(article)
    cleaner.clean(articles[0])
    assert appeal not in (articles[0].body or "")
    assert "Paragraph about parks in Ashford" in (articles[0].body or "")


def test_headline_only_page_keeps_the_headline_as_body(cleaner: Cleaner) -> None:
    article = cleaner.clean(Article(id="h", raw_text="Two hurt in shooting outside Eastbrook diner\n\n"))
    assert article.body == "Two hurt in shooting outside Eastbrook diner"
    assert article.title == "Two hurt in shooting outside Eastbrook diner"


def test_a_headline_line_trimmed_from_the_lead_is_the_title(cleaner: Cleaner) -> None:
    # a print headline ending with the semicolon that joins it to its subhead: no title rule takes it
    text = "Eastbrook backs a new bridge;\n\n" + "\n\n".join(BODY) + "\n"
    article = cleaner.clean(Article(id="t", raw_text=text))
    assert article.title == "Eastbrook backs a new bridge;"
    assert (article.body or "").startswith("The city council of Eastbrook voted")


FURNITURE_LINES = [
    "en\n\n",
    "Home News Sport Weather Contact\n",
    "Share on Facebook and follow us today\n",
    "Photo: Eastbrook Courier archive of the old bridge\n",
    "Subscribe | Sign in | Contact us\n",
]


@pytest.mark.parametrize("text", FURNITURE_LINES)
def test_a_lone_furniture_line_is_still_no_article(cleaner: Cleaner, text: str) -> None:
    with pytest.raises(InputError, match="no article body"):
        cleaner.clean(Article(id="f", raw_text=text))


def test_a_body_decoded_above_the_headline_gives_way_to_the_one_right_below_it(cleaner: Cleaner) -> None:
    # teasers (lines 1-3) above the headline (line 5), the article right below it (lines 7-9)
    probs = np.array([0.0, 0.7, 0.7, 0.7, 0.0, 0.1, 0.3, 0.6, 0.6, 0.6, 0.0])
    words = np.array([2, 40, 40, 40, 2, 10, 6, 30, 30, 30, 3], dtype=np.float64)
    keep = np.array([False, True, True, True] + [False] * 7)
    assert np.flatnonzero(cleaner._below_anchor(probs, words, keep, 5)).tolist() == [7, 8, 9]


def test_a_body_decoded_far_below_the_headline_does_not_replace_the_one_above(cleaner: Cleaner) -> None:
    probs = np.array([0.0, 0.7, 0.7, 0.7, 0.0, 0.1] + [0.0] * 8 + [0.6, 0.6, 0.6])
    words = np.array([2, 40, 40, 40, 2, 10] + [2] * 8 + [30, 30, 30], dtype=np.float64)
    keep = np.array([False, True, True, True] + [False] * 13)
    assert cleaner._below_anchor(probs, words, keep, 5).tolist() == keep.tolist()


@pytest.mark.parametrize(
    "dateline", ["BLACKFOOT, Idaho -", "ANCHORAGE –", "DOUGLASS TWP., Pa. -", "WILSON, N.C. (WNCN) —"]
)
def test_a_dateline_on_its_own_line_above_the_body_is_kept(cleaner: Cleaner, dateline: str) -> None:
    text = (
        "Boy hurt when a rifle goes off in a parked truck\n\n"
        f"{dateline}\n\n"
        "A nine-year-old boy was hurt on Tuesday when a rifle went off in a parked pickup truck outside his home, "
        "the county sheriff said in a statement released on Wednesday morning.\n\n"
        "The boy was taken to a regional hospital with a wound to his arm and was expected to recover, the sheriff "
        "said. Deputies said the rifle had been left loaded under a blanket on the back seat of the truck.\n\n"
        "Nobody has been charged. The sheriff asked gun owners to store their weapons unloaded and locked away."
    )
    article = Article(id="d", raw_text=text, url="https://news.example/boy-hurt")
    cleaner.clean(article)
    assert (article.body or "").startswith(dateline + "\n\nA nine-year-old boy")


def test_a_label_or_a_headline_above_the_body_is_not_taken_for_a_dateline() -> None:
    from storyline.clean.cleaner import keep_dateline

    for above in ("WATCH:", "BREAKING NEWS", "Share this story -", "Boy hurt in Blackfoot -- police"):
        lines, _ = split_page(f"{above}\n\nA boy was hurt on Tuesday when a rifle went off, the sheriff said.")
        keep = np.array([False, True])
        assert not keep_dateline(lines, keep)[0], above
    lines, _ = split_page("BLACKFOOT, Idaho -\n\nA boy was hurt on Tuesday when a rifle went off, the sheriff said.")
    assert keep_dateline(lines, np.array([False, True])).tolist() == [True, True]
