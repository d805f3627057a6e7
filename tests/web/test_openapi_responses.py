"""Responses follow the OpenAPI document: each JSON answer is validated against the schema the
document gives for it (OAS 3.1 schemas, $refs resolved within the document)."""

import pytest
from openapi_schema_validator import OAS31Validator

from web.openapi import openapi_document

SPEC = openapi_document()


def schema_for(path: str, status: str = "200") -> dict:
    """The response schema, with the document's components beside it so '#/components/...' refs
    resolve (the response itself may be a $ref to components/responses)."""
    response = SPEC["paths"][path]["get"]["responses"][status]
    if "$ref" in response:
        response = SPEC["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    return {**response["content"]["application/json"]["schema"], "components": SPEC["components"]}


@pytest.mark.parametrize("url, path", [
    ("/api/v1/search?q=clearview", "/search"),
    ("/api/v1/search?status=late&sort=newest", "/search"),
    ("/api/v1/questions/2020Z04331", "/questions/{id}"),
    ("/api/v1/questions/ah-tk-20212022-105", "/questions/{id}"),
    ("/api/v1/questions/sv-7-400", "/questions/{id}"),  # Belgian: two languages, chronology, links
    ("/api/v1/questions/sv-5-9045", "/questions/{id}"),  # closed, requalified
    ("/api/v1/questions/prb-153438", "/questions/{id}"),
    ("/api/v1/questions/prb-153438/related", "/questions/{id}/related"),
    ("/api/v1/complete?q=clearview+grapp", "/complete"),
    ("/api/v1/questions/sv-7-480/related", "/questions/{id}/related"),
    ("/api/v1/search?country=BE&status=closed", "/search"),
    ("/api/v1/ministers", "/ministers"),
    ("/api/v1/ministers/nl-ferd-grapperhaus", "/ministers/{id}"),
    ("/api/v1/tools", "/tools"),
    ("/api/v1/tools/clearview-ai", "/tools/{id}"),
    ("/api/v1/open-questions?group=party", "/open-questions"),
])
def test_response_matches_its_schema(client, url, path):
    resp = client.get(url)
    assert resp.status_code == 200
    OAS31Validator(schema_for(path)).validate(resp.get_json())


def test_error_envelope_matches_its_schema(client):
    resp = client.get("/api/v1/search?per_page=500")
    assert resp.status_code == 400
    OAS31Validator(schema_for("/search", "400")).validate(resp.get_json())
