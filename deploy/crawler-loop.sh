#!/bin/sh
# The crawler service's schedule (docker-compose.yml, service `crawler`).
#
# Every KAMERWACHT_CRAWL_EVERY_HOURS hours (default 6, counted from the start of a round) it
# crawls every source incrementally (from the watermark in the record store), then brings the
# search index up to date (`kamerwacht index`) and prints `kamerwacht status`.
#
# One source failing does not stop the others nor the indexing: what the others brought in
# should become searchable. The failure is not silent either: it is logged, and the round's
# outcome is written to KAMERWACHT_CRAWLER_STATUS_FILE, which the service's healthcheck reads, so
# `docker compose ps` shows the crawler unhealthy until a later round succeeds.
#
# `crawler-loop.sh --once` runs a single round and exits non-zero when anything failed.
#
# Each command runs in the background while the script waits for it, so that `docker compose
# stop` (SIGTERM) is passed on at once: Scrapy then finishes its requests in flight and closes the
# WARC file cleanly, instead of being killed mid-record after the grace period.
set -u

hours="${KAMERWACHT_CRAWL_EVERY_HOURS:-6}"
sources="${KAMERWACHT_CRAWL_SOURCES:-officielebekendmakingen tweedekamer dekamer vlaamsparlement senaat brussels}"
status_file="${KAMERWACHT_CRAWLER_STATUS_FILE:-/tmp/kamerwacht-crawler.status}"

once=false
case "${1:-}" in
    --once) once=true ;;
    "") ;;
    *) echo "usage: $0 [--once]" >&2; exit 2 ;;
esac
case "$hours" in
    "" | *[!0-9]*) echo "KAMERWACHT_CRAWL_EVERY_HOURS=$hours: expected a whole number of hours (1 or more)" >&2; exit 2 ;;
esac
if [ "$hours" -lt 1 ]; then
    echo "KAMERWACHT_CRAWL_EVERY_HOURS=$hours: expected a whole number of hours (1 or more)" >&2
    exit 2
fi

now() { date -u +%Y-%m-%dT%H:%M:%SZ; }
log() { echo "$(now) crawler: $*"; }

child=""
stop() {
    if [ -n "$child" ]; then
        kill -TERM "$child" 2>/dev/null
        wait "$child"
    fi
    log "stopped"
    exit 143
}
trap stop TERM INT

run() {
    "$@" &
    child=$!
    wait "$child"
    rc=$?
    child=""
    return "$rc"
}

write_status() {
    printf '%s\n' "$1" > "$status_file.tmp" && mv "$status_file.tmp" "$status_file"
}

round() {
    failed=""
    for source in $sources; do
        log "crawl $source"
        if ! run kamerwacht crawl "$source"; then
            log "crawl $source FAILED"
            failed="$failed $source"
        fi
    done
    log "index"
    if ! run kamerwacht index; then
        log "index FAILED"
        failed="$failed index"
    fi
    run kamerwacht status || log "status FAILED"
    if [ -n "$failed" ]; then
        write_status "failed at $(now):$failed"
        log "round finished with failures:$failed"
        return 1
    fi
    write_status "ok at $(now)"
    log "round finished"
    return 0
}

while :; do
    started=$(date +%s)
    round
    rc=$?
    if $once; then
        exit "$rc"
    fi
    pause=$((started + hours * 3600 - $(date +%s)))
    if [ "$pause" -gt 0 ]; then
        log "next round in ${pause}s"
        run sleep "$pause"
    fi
done
