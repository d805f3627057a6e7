"""Error responses, registered once for the whole application.

Under ``/api/`` every 4xx/5xx is the JSON envelope ``{"error": {"status": 400, "message": "..."}}``;
elsewhere an HTML page in the reader's language. A 500 never shows a traceback or exception text:
the exception is logged, the reader gets a generic message.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from search.model import QueryError

API_PREFIX = "/api/"
READ_METHODS = ("GET", "HEAD", "OPTIONS")


def is_api_request() -> bool:
    return request.path.startswith(API_PREFIX)


def _message(exc: HTTPException) -> str:
    # Werkzeug's default texts talk about "the server"; an API user needs the next step.
    if exc.description != type(exc).description:
        return str(exc.description)
    if exc.code == 404 and is_api_request():
        return f"no such endpoint {request.path}; the endpoints are listed in /api/v1/openapi.json"
    if exc.code == 405:
        allowed = ", ".join(getattr(exc, "valid_methods", None) or READ_METHODS)
        return f"{request.method} is not allowed here; use {allowed} (the API is read-only)"
    return str(exc.description)


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if is_api_request():
        response = jsonify({"error": {"status": status, "message": message}})
    else:
        response = Response(render_template("error.html", status=status, message=message), mimetype="text/html")
    response.status_code = status
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def _http_error(exc: HTTPException) -> Response:
    headers = {}
    if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
        headers["Allow"] = ", ".join(exc.valid_methods)
    return error_response(exc.code or 500, _message(exc), headers)


def _query_error(exc: QueryError) -> Response:
    return error_response(400, str(exc))


def _unexpected(exc: Exception) -> Response:
    current_app.logger.exception("unhandled error on %s %s", request.method, request.path, exc_info=exc)
    return error_response(500, "internal error: the problem has been logged; please try again later")


def refuse_writes() -> Response | None:
    """The public API is read-only: any other method is a 405, on every /api path (also
    unknown ones, so probing for write endpoints learns nothing)."""
    if is_api_request() and request.method not in READ_METHODS:
        return _http_error(MethodNotAllowed(valid_methods=list(READ_METHODS)))
    return None


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(QueryError, _query_error)
    app.register_error_handler(Exception, _unexpected)
    app.before_request(refuse_writes)
