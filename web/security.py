"""Security headers on every response (pages, API, static files, errors).

Source text is untrusted: besides escaping it (Jinja autoescape; only the engine's highlight
fragments, already escaped with <mark>, are marked safe), the CSP allows no inline script or
style at all, so an injection that slipped through could still not run. The site uses no
JavaScript; charts are server-rendered SVG (attributes, never ``style=``).
"""

from __future__ import annotations

from flask import Flask, Response

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _add_headers(response: Response) -> Response:
    for key, value in HEADERS.items():
        response.headers.setdefault(key, value)
    return response


def init_app(app: Flask) -> None:
    app.after_request(_add_headers)
