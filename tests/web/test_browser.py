"""The site in real Chromium (Debian's `chromium`, driven by Playwright through
``executable_path``; never `playwright install`), served by waitress on a free local port.

Scenarios of issue 3 item 11: search for Clearview, click a minister facet, open a record,
follow the permalink, the XSS record renders inert, the English switch works; plus keyboard
focus on the search field and no CSP violation on any page (the CSP forbids inline script and
style, so a violation means a template broke the policy).
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator

import pytest

from tests.web.xss_record import IMG, SCRIPT
from tests.web.xss_record import RECORD_ID as XSS_ID

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (CI installs it: "
                                                         "apt-get install chromium)")
CLEARVIEW_TITLE = "Het gebruik van gezichtsherkenningssoftware van Clearview door de politie"


@pytest.fixture(scope="module")
def base_url(app) -> Iterator[str]:
    from waitress import create_server

    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, name="waitress-test", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            yield browser
        finally:
            browser.close()


class Watched:
    """A page that records dialogs (an alert means injected script ran) and console errors."""

    def __init__(self, browser, base_url: str) -> None:
        self.context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser, base_url) -> Iterator[Watched]:
    watched = Watched(browser, base_url)
    yield watched
    watched.close()
    assert watched.dialogs == [], "a dialog opened: injected script ran"
    assert not [e for e in watched.errors if "Content Security Policy" in e], watched.errors


def test_search_facet_record_and_permalink(tab, tmp_path_factory):
    page = tab.page
    page.goto("/")
    page.get_by_label("Zoekterm").fill("Clearview")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=Clearview*")
    results = page.locator(".result h3")
    assert CLEARVIEW_TITLE in results.all_inner_texts()
    assert page.locator(".result mark").count() >= 1
    page.screenshot(path=str(tmp_path_factory.mktemp("shots") / "search.png"), full_page=True)

    # The minister facet narrows to the questions Grapperhaus signed, co-signed or postponed.
    before = page.locator(".result").count()
    facet = page.locator("section.facet", has=page.get_by_role("heading", name="Bewindspersoon"))
    facet.get_by_role("link", name="Ferd Grapperhaus").click()
    page.wait_for_url("**minister=nl-ferd-grapperhaus*")
    assert 1 <= page.locator(".result").count() < before
    assert CLEARVIEW_TITLE in page.locator(".result h3").all_inner_texts()
    assert page.locator(".active-filters li").all_text_contents()[0].startswith("Bewindspersoon: Ferd Grapperhaus")

    page.get_by_role("link", name=CLEARVIEW_TITLE).click()
    page.wait_for_url("**/questions/ah-tk-20212022-105")
    assert page.locator("h1").inner_text() == CLEARVIEW_TITLE
    assert page.locator(".qa-pair").count() == 6
    assert "nader antwoord" in page.locator(".qa").inner_text().lower()

    # The permalink the API hands out opens the same page.
    answer = page.request.get("/api/v1/search?q=clearview&minister=nl-sander-dekker").json()
    permalink = answer["results"][0]["permalink"]
    assert permalink.endswith("/questions/ah-tk-20212022-105")
    page.goto(permalink)
    assert page.locator("h1").inner_text() == CLEARVIEW_TITLE
    assert page.get_by_role("link", name="Officiële tekst").first.get_attribute("href") == \
        "https://zoek.officielebekendmakingen.nl/ah-tk-20212022-105.html"


def test_xss_record_renders_inert(tab):
    page = tab.page
    page.goto(f"/questions/{XSS_ID}")
    question = page.locator(".qa-question").first.inner_text()
    assert SCRIPT in question and IMG in question  # shown as text
    assert SCRIPT in page.locator("h1").inner_text()
    assert page.locator("img").count() == 0 and page.locator("main script").count() == 0
    assert page.locator("b").count() == 0  # the <b> in the minister's role stays text
    assert page.locator("a[href^='javascript:']").count() == 0
    page.goto("/?q=stations")
    assert page.locator(".result").count() >= 1
    assert page.locator("img").count() == 0 and page.locator("svg[onload]").count() == 0
    assert SCRIPT in page.locator(".result h3").first.inner_text()
    # The party payload is a facet value: clicking it must not run anything either.
    page.goto("/?q=gezichtsherkenning")
    page.locator("section.facet a", has_text="svg onload").first.click()
    assert page.locator(".result-count").inner_text().strip() == "1 vraag gevonden"


def test_english_switch_keeps_the_search(tab):
    page = tab.page
    page.goto("/?q=clearview")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/?q=clearview")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Search parliamentary questions"
    assert "questions found" in page.locator(".result-count").inner_text()
    page.get_by_role("link", name=CLEARVIEW_TITLE).click()
    assert "follow-up answer" in page.locator(".qa").inner_text().lower()
    page.get_by_role("link", name="Nederlands").click()
    assert page.locator("html").get_attribute("lang") == "nl"


def test_keyboard_focus_is_visible(tab):
    page = tab.page
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.bounding_box()["x"] >= 0  # moved on screen when focused
    for _ in range(20):
        if page.evaluate("document.activeElement.id") == "q":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "q", "the search field is reachable by keyboard"
    style = page.evaluate("(() => { const s = getComputedStyle(document.activeElement);"
                          " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()")
    assert style[0] != "none" and style[1] != "0px" and style[2] != "none", style
    page.keyboard.type("drones")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=drones*")
    assert "Overlast door drones" in page.locator(".result h3").all_inner_texts()


def test_a_journalist_follows_clearview_across_parliaments_in_french(tab):
    """Search in French, open the Senate question asked in Dutch, read it in French, and go on to
    the same subject in another parliament."""
    page = tab.page
    page.goto("/")
    page.get_by_label("Zoekterm").fill("reconnaissance faciale")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=reconnaissance*")
    page.locator(".result h3 a[href='/questions/sv-7-400']").click()
    page.wait_for_url("**/questions/sv-7-400")
    assert page.locator("h1").inner_text() == "Politie - Gezichtsherkenning - Clearview AI"
    page.locator("nav.text-language").get_by_role("link", name="Frans").click()
    page.wait_for_url("**/questions/sv-7-400?text=fr")
    assert page.locator("h1").inner_text() == "Police - Reconnaissance faciale - Clearview AI"
    assert page.locator(".qa").get_attribute("lang") == "fr"
    related = page.locator("ul.related-elsewhere li")
    assert related.count() >= 1
    related.first.locator("a").click()
    page.wait_for_url("**/questions/**")
    assert page.locator("h1").inner_text() != "Police - Reconnaissance faciale - Clearview AI"
