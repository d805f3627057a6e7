"""The Flask site and versioned JSON API (application factory, flaskr style).

``create_app()`` reads ``archive.settings.Settings.from_env()``; tests and tools pass
``create_app({"SETTINGS": Settings(...)})``. Other config keys:

* ``STATS_TTL`` (seconds, default 600): how long the minister/tool figures are cached (web.stats).
* ``CSV_MAX_ROWS`` (default 10,000, the engine's result window): cap of /api/v1/search.csv.
* ``ENGINE_FACTORY``: ``Settings -> SearchEngine``; default ``search.factory.open_engine(...,
  read_only=True)``. The web never opens an engine for writing.

Served by waitress (``kamerwacht serve`` / ``make run``), never the Flask debug server.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from archive.settings import Settings
from search.model import MAX_WINDOW
from web import context, errors, feeds, security, ui
from web.api import api


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(
        DEBUG=False,
        TESTING=False,
        PROPAGATE_EXCEPTIONS=False,
        STATS_TTL=600,
        CSV_MAX_ROWS=MAX_WINDOW,
        ENGINE_FACTORY=context.default_engine_factory,
    )
    if config:
        app.config.update(config)
    if "SETTINGS" not in app.config:
        app.config["SETTINGS"] = Settings.from_env()
    # Debug mode would serve the Werkzeug debugger (a remote console) on errors: never.
    app.debug = False

    app.json.sort_keys = False  # type: ignore[attr-defined]  # keep the contract's field order
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.jinja_env.autoescape = True  # also for .svg and any template name, not only .html
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    context.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    ui.init_app(app)
    app.register_blueprint(ui.ui)
    app.register_blueprint(api, url_prefix="/api/v1")
    app.register_blueprint(feeds.feeds, url_prefix="/feeds")
    return app
