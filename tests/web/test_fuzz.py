"""Property test of the API's input handling: whatever a script sends to the search
parameters, the answer is a 200 result or a 4xx JSON error envelope, never a 500."""

from __future__ import annotations

from urllib.parse import urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from web.openapi import openapi_document

SEARCH_PARAMS = [p["name"] for p in openapi_document()["paths"]["/search"]["get"]["parameters"]]
# Plausible values next to hostile ones: dates, numbers, quotes, control characters, long text.
value = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FF), max_size=600),
    st.sampled_from(["", "0", "-1", "100", "101", "2021-02-30", "2021-13-01", "2020-01-01", "newest", "relevance",
                     '"clearview', "clearview OR pegasus -anpr", "nl-ferd-grapperhaus", "answered", "late", "1e9",
                     "9" * 30, "\x00", "%", "NaN"]),
)
params = st.lists(st.tuples(st.sampled_from(SEARCH_PARAMS + ["bogus"]), value), max_size=5)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=params)
def test_search_never_answers_500(client, params):
    for path in ("/api/v1/search", "/api/v1/search.csv"):
        resp = client.get(f"{path}?{urlencode(params)}")
        assert resp.status_code < 500, (params, resp.get_data(as_text=True)[:500])
        if resp.status_code >= 400:
            body = resp.get_json()
            assert set(body) == {"error"} and body["error"]["status"] == resp.status_code
            assert body["error"]["message"] and "Traceback" not in body["error"]["message"]
