"""The OpenAPI document: structurally valid (with openapi-spec-validator when it is installed;
it is not a project dependency), every route documented, every documented path answering, and
the documented search parameters exactly the ones the API accepts."""

from __future__ import annotations

import re

import pytest

from web.params import SEARCH_PARAMS


@pytest.fixture
def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def test_document_is_openapi_3_1_and_every_ref_resolves(document):
    assert document["openapi"] == "3.1.0"
    assert document["servers"] == [{"url": "http://localhost/api/v1"}]
    for ref in set(_refs(document)):
        node = document
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
    error = document["components"]["schemas"]["Error"]
    assert error["properties"]["error"]["required"] == ["status", "message"]


def test_validates_with_openapi_spec_validator_if_installed(document):
    validator = pytest.importorskip("openapi_spec_validator", reason="openapi-spec-validator is not installed "
                                                                      "(not a project dependency)")
    validator.validate(document)


def test_every_api_route_is_documented_and_vice_versa(app, document):
    routes = {re.sub(r"<(?:\w+:)?(\w+)>", "{id}", rule.rule.removeprefix("/api/v1"))
              for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/v1/")}
    assert routes == set(document["paths"])


EXAMPLES = {"{id}": {"/questions/{id}": "ah-tk-20212022-105", "/questions/{id}/related": "ah-tk-20212022-105",
                     "/ministers/{id}": "nl-ferd-grapperhaus",
                     "/tools/{id}": "clearview-ai"}}


def test_every_documented_path_answers_with_its_documented_type(client, document):
    for path, item in document["paths"].items():
        url = "/api/v1" + path.replace("{id}", EXAMPLES["{id}"].get(path, ""))
        if path == "/complete":
            url += "?q=clea"
        response = client.get(url)
        assert response.status_code == 200, url
        documented = item["get"]["responses"]["200"]["content"]
        assert response.mimetype in documented, (url, response.mimetype)
        for code in item["get"]["responses"]:
            assert code in ("200", "301", "400", "404", "405", "500")


def test_documented_search_parameters_are_exactly_the_accepted_ones(client, document):
    documented = [p["name"] for p in document["paths"]["/search"]["get"]["parameters"]]
    assert sorted(documented) == sorted(SEARCH_PARAMS)
    csv_params = [p["name"] for p in document["paths"]["/search.csv"]["get"]["parameters"]]
    assert sorted(csv_params) == sorted(set(SEARCH_PARAMS) - {"page", "per_page"})
    for name in documented:
        value = {"date_from": "2021-01-01", "date_to": "2021-12-31", "sort": "newest", "page": "1",
                 "per_page": "5", "status": "answered", "tool": "clearview-ai", "category": "biometrics",
                 "country": "NL", "lang": "nl", "year": "2021"}.get(name, "x")
        assert client.get(f"/api/v1/search?{name}={value}").status_code == 200, name
