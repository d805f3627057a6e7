"""Security: headers on every response, a read-only API, one error envelope (never a traceback),
escaped untrusted text, no writes to the store, no open redirect."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from tests.web.xss_record import RECORD_ID as XSS_ID
from archive.store import Store

PAGES = ["/", "/?q=clearview", f"/questions/{XSS_ID}", "/ministers", "/ministers/nl-ferd-grapperhaus", "/tools",
         "/tools/clearview-ai", "/coverage", "/static/site.css", "/questions/nope", "/api/v1/search",
         "/api/v1/openapi.json", "/api/v1/nope", "/api/v1/search?per_page=0"]


@pytest.mark.parametrize("url", PAGES)
def test_security_headers_on_every_response(client, url):
    response = client.get(url)
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"]
    assert "camera=()" in response.headers["Permissions-Policy"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/api/v1/search", "/api/v1/questions/2021Z13971", "/api/v1/export.jsonl",
                                 "/api/v1/no-such-endpoint"])
def test_api_is_read_only(client, method, url):
    response = getattr(client, method)(url, json={"id": "x"})
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS"
    assert response.get_json()["error"]["status"] == 405
    assert "read-only" in response.get_json()["error"]["message"]


def test_unknown_api_path_is_a_json_404(client):
    body = client.get("/api/v1/nope").get_json()
    assert body["error"]["status"] == 404 and "openapi.json" in body["error"]["message"]


def test_no_debug_and_a_500_never_shows_the_exception(web_settings):
    from web import create_app

    app = create_app({"SETTINGS": web_settings, "DEBUG": True})
    assert app.debug is False

    def boom():
        raise RuntimeError("secret detail /etc/passwd")

    app.add_url_rule("/api/v1/boom", "boom", boom)
    app.add_url_rule("/boom", "page_boom", boom)
    response = app.test_client().get("/api/v1/boom")
    assert response.status_code == 500
    assert response.get_json() == {"error": {"status": 500, "message": response.get_json()["error"]["message"]}}
    assert "secret" not in response.get_data(as_text=True)
    page = app.test_client().get("/boom")
    assert page.status_code == 500 and page.mimetype == "text/html"
    assert "secret" not in page.get_data(as_text=True) and "Traceback" not in page.get_data(as_text=True)


def test_record_page_shows_payloads_as_text(client):
    html = client.get(f"/questions/{XSS_ID}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html and "<svg onload" not in html and "<b>Justitie</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="javascript:' not in html  # the javascript: footnote stays text
    assert "<script" not in html.lower()  # the site has no script at all


def test_search_page_and_facets_escape_payloads(client):
    html = client.get("/?q=gezichtsherkenning&per_page=100").get_data(as_text=True)
    assert XSS_ID in html
    assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # The payload party becomes a facet value: escaped in the text and in the link's query string.
    assert "&#34;&gt;&lt;svg onload=alert(1)&gt;" in html or "&quot;&gt;&lt;svg onload=alert(1)&gt;" in html
    assert "party=%22%3E%3Csvg+onload%3Dalert%281%29%3E" in html


def test_api_highlights_are_html_safe(client):
    body = client.get("/api/v1/search?q=stations").get_json()
    hit = next(r for r in body["results"] if r["id"] == XSS_ID)
    assert hit["highlights"], "the engine should highlight 'stations'"
    for fragment in hit["highlights"]:
        assert "<script" not in fragment and "<img" not in fragment
        assert fragment.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_site_never_writes_to_the_store(client, web_settings):
    path = web_settings.store_path
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for url in ("/coverage", "/", "/questions/2021Z13971", "/ministers", "/api/v1/export.jsonl"):
        assert client.get(url).status_code == 200
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    store = Store(path, read_only=True)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.db.execute("DELETE FROM records")
    finally:
        store.close()


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil.example"])
def test_language_switch_is_no_open_redirect(client, target):
    response = client.get("/lang/en", query_string={"next": target})
    assert response.status_code == 303 and response.headers["Location"] == "/"
