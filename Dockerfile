# One image for the site and the crawler (docker-compose.yml runs both from it):
#   web:     gunicorn "web:create_app()" (the application factory reads Settings from the environment)
#   crawler: deploy/crawler-loop.sh (crawl every source, then `kamerwacht index`, every N hours)
# Pinned: the Python patch release here, every Python dependency in pyproject.toml, gunicorn below.
FROM python:3.11.13-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    KAMERWACHT_DATA_DIR=/data

# An unprivileged user (with a home of its own, for the caches of libraries; /app stays
# root-owned). /data (raw WARC archive + record store) is created here and owned by it, so that a
# fresh named volume mounted there starts with that owner.
RUN groupadd --system --gid 1000 kamerwacht \
 && useradd --system --uid 1000 --gid kamerwacht --create-home --home-dir /home/kamerwacht kamerwacht \
 && mkdir /data \
 && chown kamerwacht:kamerwacht /data

WORKDIR /app

# The dependencies first, read from pyproject.toml (the one list of pins), in a layer that a
# change of code does not invalidate. gunicorn serves the site in the container (the issue asks
# for it); `kamerwacht serve` (waitress) stays the server of `make run`.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
 && pip install -r /tmp/requirements.txt gunicorn==23.0.0 \
 && rm /tmp/requirements.txt

# The project itself, installed in place (editable): the vocabulary, registries and word lists
# are read from data/ next to the packages (archive/vocabulary.py and friends), so the code must
# run from this tree, not from a copy in site-packages.
COPY README.md ./
COPY archive ./archive
COPY crawler ./crawler
COPY search ./search
COPY web ./web
COPY kamerwacht ./kamerwacht
COPY data ./data
COPY deploy/crawler-loop.sh ./deploy/crawler-loop.sh
RUN pip install --no-deps -e . \
 && kamerwacht --help > /dev/null

USER kamerwacht
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "2", "--threads", "4", "--worker-tmp-dir", "/dev/shm", "--access-logfile", "-", "web:create_app()"]
