"""The pages, rendered by the Flask test client over the real index: key texts, links that
carry the search state, language switch, accessibility basics (one h1, lang, labels, skip link)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

CLEARVIEW_ANSWERED = "ah-tk-20212022-105"


class Outline(HTMLParser):
    """What the accessibility checks need: headings, the html lang, labels and form fields."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.lang: str | None = None
        self.label_for: set[str] = set()
        self.fields: list[dict[str, str | None]] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "label" and a.get("for"):
            self.label_for.add(a["for"])
        if tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            self.fields.append(a)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def page(client, url, status=200, lang=None):
    if lang:
        client.set_cookie("kw_lang", lang)
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


PAGES = ["/", "/?q=clearview", f"/questions/{CLEARVIEW_ANSWERED}", "/ministers", "/ministers/nl-ferd-grapperhaus",
         "/tools", "/tools/clearview-ai", "/coverage"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_is_accessible_in_structure(client, url):
    html = page(client, url)
    doc = outline(html)
    assert doc.lang == "nl"
    assert doc.headings.count(1) == 1 and doc.headings[0] == 1
    # Heading levels never skip going down (h2 -> h4).
    assert all(b - a <= 1 for a, b in zip(doc.headings, doc.headings[1:], strict=False))
    assert '<a class="skip-link" href="#main">' in html and 'id="main"' in html
    assert all(f.get("id") in doc.label_for for f in doc.fields), "every form field has a <label for>"


def test_search_page_lists_results_facets_and_keeps_state_in_links(client):
    html = page(client, "/?q=clearview")
    assert "Het gebruik van gezichtsherkenningssoftware van Clearview door de politie" in html
    assert "<mark>" in html
    assert "Demogegevens" in html  # every bundled record is constructed
    doc = outline(html)
    minister_link = next(h for h in doc.links if "minister=nl-ferd-grapperhaus" in h)
    assert minister_link.startswith("/?q=clearview&")
    assert f"/questions/{CLEARVIEW_ANSWERED}" in doc.links
    assert "https://zoek.officielebekendmakingen.nl/ah-tk-20212022-105.html" in doc.links
    assert any(h.startswith("/api/v1/search.csv?q=clearview") for h in doc.links)
    assert "Ferd Grapperhaus" in html and "mede namens" in html and "(D66)" in html
    # 2020Z04331 has no answer yet; Grapperhaus signed its postponement notice.
    assert "Uitstel gemeld door" in html


def test_facet_link_narrows_and_can_be_removed(client):
    html = page(client, "/?q=clearview&minister=nl-sander-dekker")
    assert "1 vraag gevonden" in html
    doc = outline(html)
    # The selected value links back to the search without it.
    assert "/?q=clearview" in doc.links


def test_pagination_links(client):
    html = page(client, "/?per_page=2")
    assert 'aria-label="Paginering"' in html and "/?per_page=2&amp;page=2" in html
    html2 = page(client, "/?per_page=2&page=2")
    assert 'aria-current="page"' in html2


def test_did_you_mean(client):
    html = page(client, "/?q=clearveiw")
    assert "Bedoelde u" in html and 'href="/?q=clearview"' in html


def test_bad_input_shows_the_message_on_the_search_page(client):
    html = page(client, "/?per_page=1000", status=400)
    assert "per_page must be a whole number from 1 to 100" in html and 'role="alert"' in html
    assert "from 1 to 100" in page(client, "/?q=drones&per_page=0", status=400)
    # A query the engine refuses is shown the same way, with the search form to fix it.
    html = page(client, "/?q=OR", status=400)
    assert 'role="alert"' in html and 'id="q"' in html and 'value="OR"' in html


def test_unknown_parameters_are_ignored_by_the_site(client):
    assert "Clearview" in page(client, "/?q=clearview&fbclid=abc&utm_source=x")


def test_record_page(client):
    html = page(client, f"/questions/{CLEARVIEW_ANSWERED}")
    assert html.count('class="qa-pair"') == 6
    assert "Nader antwoord" in html and "13 oktober 2021" in html
    assert "Zie het antwoord bij vraag 2." in html
    assert "Van Ginneken" in html and "(D66)" in html and "Minister voor Rechtsbescherming" in html
    assert "mede namens" in html and "Dagen tot antwoord" in html and ">32<" in html
    assert "geschreven om te testen" in html  # constructed notice
    assert "06d2985c48ee25c53fdf076383a34c633e35689ae45dca9c7214b4f5e9048dd1" in html
    doc = outline(html)
    assert "https://zoek.officielebekendmakingen.nl/ah-tk-20212022-472.html" in doc.links
    assert "/ministers/nl-ferd-grapperhaus" in doc.links and "/tools/clearview-ai" in doc.links


def test_record_page_unknown_is_an_html_404(client):
    html = page(client, "/questions/2099Z99999", status=404)
    assert "Niet gevonden" in html


def test_minister_page(client):
    html = page(client, "/ministers/nl-ferd-grapperhaus")
    assert "<h1>Ferd Grapperhaus</h1>" in html
    assert "Minister van Justitie en Veiligheid" in html and "26 oktober 2017" in html
    assert "<svg" in html and 'role="img"' in html
    assert "/?minister=nl-ferd-grapperhaus" in html
    assert page(client, "/ministers/nobody", status=404)


def test_tool_page(client):
    html = page(client, "/tools/clearview-ai")
    assert "<h1>Clearview AI</h1>" in html and "<svg" in html and "Tweede Kamer" in html
    assert "/?tool=clearview-ai" in html


def test_lists_and_coverage(client):
    assert "Ferd Grapperhaus" in page(client, "/ministers")
    assert "Clearview AI" in page(client, "/tools")
    html = page(client, "/coverage")
    assert "officielebekendmakingen" in html and "unknown document type" in html
    assert "replay" in html


def test_english_switch(client):
    response = client.get("/lang/en?next=/%3Fq%3Dclearview")
    assert response.status_code == 303 and response.headers["Location"] == "/?q=clearview"
    assert "kw_lang=en" in response.headers["Set-Cookie"]
    html = page(client, "/?q=clearview")  # the test client keeps the cookie
    assert outline(html).lang == "en" and "Search parliamentary questions" in html and "co-signed" in html
    assert "Nederlands" in html  # the switch back
    record = page(client, f"/questions/{CLEARVIEW_ANSWERED}")
    assert "Follow-up answer" in record and "13 October 2021" in record
    client.get("/lang/nl")
    assert "Kamervragen doorzoeken" in page(client, "/")


def test_a_fresh_machine_without_crawl_or_index_serves_empty_pages(tmp_path):
    from archive.settings import Settings
    from web import create_app

    data_dir = tmp_path / "nothing-yet"
    app = create_app({"SETTINGS": Settings.from_env({"KAMERWACHT_DATA_DIR": str(data_dir)})})
    client = app.test_client()
    assert "Geen vragen gevonden." in page(client, "/")
    assert "Er is nog niets gecrawld." in page(client, "/coverage")
    assert "Demogegevens" not in page(client, "/")
    assert client.get("/api/v1/search?q=clearview").get_json()["total"] == 0
    assert not data_dir.exists()  # the site created nothing: it only reads
