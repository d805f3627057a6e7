#!/usr/bin/env bash
# The `setup` one-shot of docker-compose.yml: runs as root in the official Elasticsearch image
# (working directory /usr/share/elasticsearch) before and beside the `elasticsearch` service.
# Idempotent: every `docker compose up` runs it again and it only does what is missing.
#
# 1. A CA and a certificate for the node (TLS on HTTP and transport), once, into the es-certs
#    volume. The node certificate names `elasticsearch` (the service, for web and crawler) and
#    `localhost` / 127.0.0.1 (the published port, for an operator and `pytest -m real_es`).
# 2. The CA *certificate* (never its key) copied to the es-ca volume, the only one web and
#    crawler mount (ELASTICSEARCH_CA_CERTS).
# 3. Once Elasticsearch answers: two users with the least privileges they need, so that the
#    site's credentials cannot change the index (the architecture's "the web never writes"):
#    kamerwacht_writer (the crawler: index, reindex, alias swap) and kamerwacht_reader (the site).
#    Their passwords are (re)set from .env on every run, so rotating one is: edit .env, `up -d`.
set -euo pipefail

certs=config/certs
public_ca=/usr/share/elasticsearch/ca-public
es_url=https://elasticsearch:9200
prefix="${KAMERWACHT_ES_INDEX_PREFIX:-kamerwacht-records}"

fail() { echo "setup: $*" >&2; exit 1; }

# The passwords end up in curl's -u and in JSON bodies: this character set needs no quoting
# (`openssl rand -hex 24` makes a good one).
check_password() {
    local name=$1
    local value=${!1:-}
    [[ -n "$value" ]] || fail "set $name in .env"
    [[ "$value" =~ ^[A-Za-z0-9_-]{16,}$ ]] \
        || fail "$name: use 16 or more characters from A-Z a-z 0-9 _ - (e.g. openssl rand -hex 24)"
}
check_password ELASTIC_PASSWORD
check_password KAMERWACHT_ES_WRITER_PASSWORD
check_password KAMERWACHT_ES_READER_PASSWORD
[[ "$prefix" =~ ^[a-z0-9][a-z0-9_-]*$ ]] \
    || fail "KAMERWACHT_ES_INDEX_PREFIX=$prefix: lower-case letters, digits, '_' and '-' only"

if [[ ! -f $certs/ca/ca.crt ]]; then
    echo "setup: creating the certificate authority"
    bin/elasticsearch-certutil ca --silent --pem --out $certs/ca.zip
    unzip -q -o $certs/ca.zip -d $certs
fi
if [[ ! -f $certs/elasticsearch/elasticsearch.crt ]]; then
    echo "setup: creating the node certificate"
    cat > $certs/instances.yml <<'YAML'
instances:
  - name: elasticsearch
    dns: [elasticsearch, localhost]
    ip: [127.0.0.1]
YAML
    bin/elasticsearch-certutil cert --silent --pem --in $certs/instances.yml --out $certs/certs.zip \
        --ca-cert $certs/ca/ca.crt --ca-key $certs/ca/ca.key
    unzip -q -o $certs/certs.zip -d $certs
fi
# Elasticsearch runs as uid 1000 in group root (gid 0): group read is what it needs, others nothing.
chown -R root:root $certs
find $certs -type d -exec chmod 750 {} +
find $certs -type f -exec chmod 640 {} +
install -m 644 $certs/ca/ca.crt $public_ca/ca.crt
chmod 755 $public_ca
# The healthcheck of this service (and so the start of `elasticsearch`) waits for this file.
touch $certs/.ready

echo "setup: waiting for Elasticsearch"
deadline=$((SECONDS + 600))
until curl -s -f -o /dev/null --cacert $certs/ca/ca.crt -u "elastic:$ELASTIC_PASSWORD" \
        "$es_url/_cluster/health?wait_for_status=yellow&timeout=10s"; do
    ((SECONDS < deadline)) || fail "Elasticsearch did not become ready within 10 minutes (docker compose logs elasticsearch)"
    sleep 5
done

# The JSON body goes through stdin, so passwords never appear in a process list.
api() {
    curl -s -S -f -o /dev/null --cacert $certs/ca/ca.crt -u "elastic:$ELASTIC_PASSWORD" \
        -X "$1" "$es_url$2" -H 'Content-Type: application/json' --data-binary @- <<<"$3"
}
# The writer creates versioned indices `<prefix>-<version>-<time>`, moves the alias `<prefix>` and
# deletes old indices (search/es_backend.py); both names match `<prefix>*`. `monitor` for the
# version check both make when they connect (GET /).
api POST /_security/role/kamerwacht_writer \
    "{\"cluster\": [\"monitor\"], \"indices\": [{\"names\": [\"$prefix*\"], \"privileges\": [\"all\"]}]}"
api POST /_security/role/kamerwacht_reader \
    "{\"cluster\": [\"monitor\"], \"indices\": [{\"names\": [\"$prefix*\"], \"privileges\": [\"read\", \"view_index_metadata\"]}]}"
api POST /_security/user/kamerwacht_writer \
    "{\"password\": \"$KAMERWACHT_ES_WRITER_PASSWORD\", \"roles\": [\"kamerwacht_writer\"]}"
api POST /_security/user/kamerwacht_reader \
    "{\"password\": \"$KAMERWACHT_ES_READER_PASSWORD\", \"roles\": [\"kamerwacht_reader\"]}"
echo "setup: done (users kamerwacht_writer and kamerwacht_reader, indices $prefix*)"
