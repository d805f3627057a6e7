"""docker-compose.yml, the Dockerfile, deploy/*.sh and the README's "Running on Elasticsearch".

Docker cannot run on the development machines, so the deployment is checked here instead:
the compose file is parsed (PyYAML) and held to the issue's requirements (pinned images, ports on
127.0.0.1 only, healthchecks, shared volumes, security on, passwords only from the environment,
heap set), its pieces are checked against each other and against the project (the environment
the site reads, the users the setup script creates, the CA path, the commands the README and
the crawler loop use), and the crawler loop is run with a stand-in ``kamerwacht`` on PATH.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import tomllib
from fnmatch import fnmatchcase
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from click.testing import CliRunner
from flask import Flask

from archive.sources import SOURCES
from kamerwacht.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
LOOP = ROOT / "deploy" / "crawler-loop.sh"
ES_SETUP = ROOT / "deploy" / "es-setup.sh"
README = ROOT / "README.md"

ES_IMAGE = re.compile(r"^docker\.elastic\.co/elasticsearch/elasticsearch:8\.\d+\.\d+$")
# A reference to a variable of the environment / .env: ${VAR}, ${VAR:?message}, ${VAR?message}.
ENV_REFERENCE = re.compile(r"^\$\{(?P<name>[A-Z][A-Z0-9_]*)(?::?\?[^}]*)?\}$")
# The top-level and service keys of the Compose Specification (compose-spec/compose-spec,
# schema/compose-spec.json): a misspelt key (`depend_on`) would be ignored or refused by compose.
TOP_LEVEL_KEYS = {"version", "name", "include", "services", "models", "networks", "volumes", "secrets", "configs"}
SERVICE_KEYS = {
    "develop", "deploy", "annotations", "attach", "build", "blkio_config", "cap_add", "cap_drop", "cgroup",
    "cgroup_parent", "command", "configs", "container_name", "cpu_count", "cpu_percent", "cpu_shares", "cpu_quota",
    "cpu_period", "cpu_rt_period", "cpu_rt_runtime", "cpus", "cpuset", "credential_spec", "depends_on",
    "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname", "entrypoint", "env_file",
    "label_file", "environment", "expose", "extends", "provider", "external_links", "extra_hosts", "gpus",
    "group_add", "healthcheck", "hostname", "image", "init", "ipc", "isolation", "labels", "links", "logging",
    "mac_address", "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "network_mode", "models",
    "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "post_start",
    "pre_stop", "privileged", "profiles", "pull_policy", "pull_refresh_after", "read_only", "restart", "runtime",
    "scale", "security_opt", "shm_size", "secrets", "sysctls", "stdin_open", "stop_grace_period", "stop_signal",
    "storage_opt", "tmpfs", "tty", "ulimits", "use_api_socket", "user", "uts", "userns_mode", "volumes",
    "volumes_from", "working_dir",
}
HEALTHCHECK_KEYS = {"disable", "interval", "retries", "test", "timeout", "start_period", "start_interval"}
CONDITIONS = {"service_started", "service_healthy", "service_completed_successfully"}


# --- helpers -----------------------------------------------------------------------------------

def load_compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def compose() -> dict:
    return load_compose()


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


def interpolate(value: str, env: dict[str, str] | None = None) -> str:
    """Compose's interpolation: ``$$`` is a literal ``$``; ``${VAR:-default}`` the default when
    VAR is not in ``env``; ``${VAR}`` / ``${VAR:?message}`` the value from ``env``, or
    ``<VAR>`` when absent (compose would refuse to start, which is what ``:?`` asks for)."""
    env = env or {}

    def one(match: re.Match) -> str:
        if match.group(0) == "$$":
            return "$"
        name, op, arg = match.group("name"), match.group("op"), match.group("arg")
        if name in env:
            return env[name]
        if op in (":-", "-"):
            return arg
        return f"<{name}>"

    return re.sub(r"\$\$|\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:-|-|:\?|\?)(?P<arg>[^}]*))?\}", one, value)


def environment(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {key: str(value) for key, value in env.items()}


def mounts(service: dict) -> list[tuple[str, str, bool]]:
    """(source, target, read_only) of every volume of a service, short or long syntax."""
    result = []
    for item in service.get("volumes", []):
        if isinstance(item, dict):
            result.append((item.get("source", ""), item["target"], bool(item.get("read_only", False))))
            continue
        parts = item.split(":")
        options = parts[2].split(",") if len(parts) > 2 else []
        result.append((parts[0], parts[1], "ro" in options))
    return result


def published_ports(service: dict) -> list[tuple[str | None, str, str]]:
    """(host_ip, published, target) of every published port; host_ip None when the entry binds
    every interface (0.0.0.0, which is what compose does when no IP is given)."""
    result = []
    for item in service.get("ports", []):
        if isinstance(item, dict):
            result.append((item.get("host_ip"), str(item.get("published", "")), str(item["target"])))
            continue
        text = str(item).split("/")[0]
        if text.startswith("["):  # [::1]:8000:8000
            ip, _, rest = text[1:].partition("]:")
            published, _, target = rest.partition(":")
            result.append((ip, published, target))
            continue
        parts = text.split(":")
        if len(parts) == 3:
            result.append((parts[0] or None, parts[1], parts[2]))
        elif len(parts) == 2:
            result.append((None, parts[0], parts[1]))
        else:
            result.append((None, parts[0], parts[0]))
    return result


def cli_commands() -> set[str]:
    """The commands `kamerwacht --help` lists."""
    out = CliRunner().invoke(cli_main, ["--help"]).output
    section = out.split("Commands:", 1)[1]
    return {line.split()[0] for line in section.splitlines() if line.strip()}


def readme_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Running on Elasticsearch\n")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def shell_commands(text: str, program: str) -> list[list[str]]:
    """Every command line in ``text`` that starts with ``program`` (continuation lines joined),
    split into words."""
    joined = re.sub(r"\\\n\s*", " ", text)
    found = []
    for line in joined.splitlines():
        line = line.strip().split("  #")[0]
        if line.startswith(program + " "):
            found.append(line.split())
    return found


def size_bytes(text: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([kmg]?)b?", text.strip().lower()).groups()
    return int(number) * {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit]


# --- the compose file --------------------------------------------------------------------------

def test_services_are_the_four_of_the_deployment(compose, services):
    assert set(services) == {"setup", "elasticsearch", "web", "crawler"}
    assert {key for key in compose if not key.startswith("x-")} <= TOP_LEVEL_KEYS
    for name, service in services.items():
        assert set(service) <= SERVICE_KEYS, f"{name}: not a compose key: {set(service) - SERVICE_KEYS}"
        if "healthcheck" in service:
            assert set(service["healthcheck"]) <= HEALTHCHECK_KEYS, name
        for dependency, spec in (service.get("depends_on") or {}).items():
            assert dependency in services, f"{name} depends on a service that does not exist: {dependency}"
            assert spec["condition"] in CONDITIONS, name
        for limit in (service.get("ulimits") or {}).values():
            assert isinstance(limit, int) or set(limit) == {"soft", "hard"}, name


def test_images_are_pinned_exactly(services):
    es_images = set()
    for name, service in services.items():
        image = service.get("image")
        assert image, f"{name}: no image (built services name theirs too, so they are not rebuilt as :latest)"
        repository, _, tag = image.rpartition(":")
        assert repository and tag and tag != "latest" and "/" not in tag, f"{name}: image {image!r} is not pinned"
        if "build" in service:
            assert re.fullmatch(r"\d+\.\d+\.\d+", tag), f"{name}: tag the built image with a version, not {tag!r}"
        else:
            assert ES_IMAGE.match(image), f"{name}: {image!r} is not an exact 8.x.y Elasticsearch image"
            es_images.add(image)
    assert len(es_images) == 1, f"setup and elasticsearch must use one version: {es_images}"
    # web and crawler are one image.
    assert services["web"]["image"] == services["crawler"]["image"]
    assert services["web"]["build"] == services["crawler"]["build"]


def test_every_published_port_is_bound_to_loopback(services):
    published = {}
    for name, service in services.items():
        for host_ip, port, target in published_ports(service):
            assert host_ip == "127.0.0.1", f"{name}: port {port}:{target} listens on {host_ip or 'every interface'}"
            published[name] = (port, target)
    assert published == {"elasticsearch": ("9200", "9200"), "web": ("8000", "8000")}


def test_port_parser_sees_ports_open_to_the_world():
    # The check above is only as good as this parser: entries that bind every interface.
    service = {"ports": ["9200:9200", "0.0.0.0:8000:8000", 8080, {"target": 80, "published": 80}, "[::1]:1:1"]}
    assert [ip for ip, _, _ in published_ports(service)] == [None, "0.0.0.0", None, None, "::1"]


def test_web_and_crawler_share_the_data_volume(compose, services):
    declared = set(compose["volumes"])
    web, crawler = mounts(services["web"]), mounts(services["crawler"])
    web_data = [m for m in web if m[1] == environment(services["web"])["KAMERWACHT_DATA_DIR"]]
    crawler_data = [m for m in crawler if m[1] == environment(services["crawler"])["KAMERWACHT_DATA_DIR"]]
    assert len(web_data) == len(crawler_data) == 1, "KAMERWACHT_DATA_DIR must be a mounted volume in both"
    (web_source, web_target, web_ro), (crawler_source, crawler_target, crawler_ro) = web_data[0], crawler_data[0]
    assert web_source == crawler_source == "kamerwacht-data"
    assert web_target == crawler_target
    assert web_ro and not crawler_ro, "the crawler writes the archive and the store; the site only reads"
    # Named volumes, all declared; the cluster keeps its data in one.
    for name, service in services.items():
        for source, _, _ in mounts(service):
            assert source.startswith("./") or source in declared, f"{name}: volume {source!r} is not declared"
    es = {target: source for source, target, _ in mounts(services["elasticsearch"])}
    assert es["/usr/share/elasticsearch/data"] in declared
    assert es["/usr/share/elasticsearch/data"] != "kamerwacht-data"


def test_healthchecks_on_the_cluster_the_site_and_the_crawler(services):
    for name in ("elasticsearch", "web", "crawler", "setup"):
        test = services[name]["healthcheck"]["test"]
        assert isinstance(test, list) and test[0] in ("CMD", "CMD-SHELL") and len(test) > 1, name
    es_check = services["elasticsearch"]["healthcheck"]["test"][1]
    assert "--cacert" in es_check and "https://localhost:9200/_cluster/health?wait_for_status=yellow" in es_check
    # `$$` so that the container's shell reads the password from its environment; compose does not
    # paste it into the container's configuration.
    assert "$${ELASTIC_PASSWORD}" in es_check
    ca = re.search(r"--cacert (\S+)", es_check).group(1)
    assert any(("/usr/share/elasticsearch/" + ca).startswith(target + "/")
               for _, target, _ in mounts(services["elasticsearch"])), "the healthcheck's CA is not mounted"


def test_the_web_healthcheck_asks_a_page_the_site_serves(services, tmp_path, monkeypatch):
    test = services["web"]["healthcheck"]["test"]
    url = re.search(r"'(http://[^']+)'", " ".join(test)).group(1)
    parts = urlsplit(url)
    bind = services["web"]["command"][services["web"]["command"].index("--bind") + 1]
    assert parts.port == int(bind.rsplit(":", 1)[1])
    app = create_app_like_compose(services["web"], tmp_path, monkeypatch)
    response = app.test_client().get(parts.path)
    assert response.status_code == 200


def test_the_crawler_healthcheck_reads_what_the_loop_writes(services, tmp_path):
    env = environment(services["crawler"])
    check = services["crawler"]["healthcheck"]["test"]
    assert check[0] == "CMD-SHELL"
    status_path = env["KAMERWACHT_CRAWLER_STATUS_FILE"]
    assert status_path in check[1]
    local = tmp_path / "status"
    command = check[1].replace(status_path, str(local))

    def healthy() -> bool:
        return subprocess.run(["sh", "-c", command]).returncode == 0

    assert healthy(), "no status yet (first round running) counts as healthy"
    fake = fake_kamerwacht(tmp_path, fail="dekamer")
    run_loop(fake, local, "--once")
    assert not healthy()
    fake = fake_kamerwacht(tmp_path, fail=None)
    run_loop(fake, local, "--once")
    assert healthy()


def test_web_and_crawler_wait_for_a_healthy_cluster(services):
    for name in ("web", "crawler"):
        depends = services[name]["depends_on"]
        assert depends["elasticsearch"]["condition"] == "service_healthy", name
        assert depends["setup"]["condition"] == "service_completed_successfully", name
    assert services["elasticsearch"]["depends_on"]["setup"]["condition"] == "service_healthy"


def test_security_is_on_and_passwords_come_from_the_environment(services):
    es = environment(services["elasticsearch"])
    assert es["xpack.security.enabled"] == "true"
    assert es["xpack.security.http.ssl.enabled"] == "true"
    assert es["discovery.type"] == "single-node"
    assert ENV_REFERENCE.match(es["ELASTIC_PASSWORD"]).group("name") == "ELASTIC_PASSWORD"
    for name, service in services.items():
        for key, value in environment(service).items():
            if "PASSWORD" in key:
                assert ENV_REFERENCE.match(value), f"{name}: {key} must come from .env, not be written here"
                assert ":?" in value, f"{name}: {key}: `${{VAR:?message}}` makes compose refuse to start without it"
    assert "changeme" not in COMPOSE_FILE.read_text().lower()


def test_tls_files_are_the_ones_setup_creates(services):
    script = ES_SETUP.read_text()
    instance = re.search(r"instances:\n\s+- name: (\S+)\n\s+dns: \[([^\]]*)\]", script)
    name, dns = instance.group(1), [d.strip() for d in instance.group(2).split(",")]
    es = environment(services["elasticsearch"])
    for layer in ("http", "transport"):
        assert es[f"xpack.security.{layer}.ssl.certificate"] == f"certs/{name}/{name}.crt"
        assert es[f"xpack.security.{layer}.ssl.key"] == f"certs/{name}/{name}.key"
        assert es[f"xpack.security.{layer}.ssl.certificate_authorities"] == "certs/ca/ca.crt"
    # The certificate names the host the clients connect to, and localhost for the published port.
    for service in ("web", "crawler"):
        host = urlsplit(environment(services[service])["ELASTICSEARCH_URL"]).hostname
        assert host in dns and host in services
    assert "localhost" in dns


def test_clients_get_the_ca_certificate_and_not_its_key(services):
    script = ES_SETUP.read_text()
    public_ca = re.search(r"^public_ca=(\S+)$", script, re.M).group(1)
    setup = {target: source for source, target, _ in mounts(services["setup"])}
    ca_volume = setup[public_ca]
    certs_volume = setup["/usr/share/elasticsearch/config/certs"]
    assert "install -m 644 $certs/ca/ca.crt $public_ca/ca.crt" in script
    for name in ("web", "crawler"):
        mounted = {source: target for source, target, _ in mounts(services[name])}
        assert certs_volume not in mounted, f"{name} must not see the CA key"
        assert environment(services[name])["ELASTICSEARCH_CA_CERTS"] == mounted[ca_volume] + "/ca.crt"
    mounted = {target: source for source, target, _ in mounts(services["setup"])}
    assert mounted["/usr/local/bin/kamerwacht-es-setup.sh"] == "./deploy/es-setup.sh"
    assert services["setup"]["command"][-1] == "/usr/local/bin/kamerwacht-es-setup.sh"


def test_the_site_reads_with_a_user_that_cannot_write(services):
    script = ES_SETUP.read_text()
    roles = {}
    for role, body in re.findall(r'api POST /_security/role/(\w+) \\\n\s*"(.*)"\n', script):
        roles[role] = json.loads(body.replace('\\"', '"').replace("$prefix", "kamerwacht-records"))
    users = dict(re.findall(r'api POST /_security/user/(\w+) \\\n\s*"\{\\"password\\": \\"\$(\w+)\\"', script))
    user_roles = dict(re.findall(r'/_security/user/(\w+) \\\n.*\\"roles\\": \[\\"(\w+)\\"\]', script))
    setup_env = environment(services["setup"])
    expected = {"web": {"read", "view_index_metadata"}, "crawler": {"all"}}
    for name, privileges in expected.items():
        env = environment(services[name])
        user = env["ELASTICSEARCH_USERNAME"]
        assert user in users, f"{name}: user {user} is not created by deploy/es-setup.sh"
        password_var = ENV_REFERENCE.match(env["ELASTICSEARCH_PASSWORD"]).group("name")
        assert users[user] == password_var, f"{name}: {user}'s password is set from ${users[user]}"
        assert ENV_REFERENCE.match(setup_env[password_var]).group("name") == password_var
        (grant,) = roles[user_roles[user]]["indices"]
        assert grant["names"] == ["kamerwacht-records*"]
        assert set(grant["privileges"]) == privileges


def test_heap_and_memory_lock(services):
    es = services["elasticsearch"]
    opts = interpolate(environment(es)["ES_JAVA_OPTS"])
    xms, xmx = re.search(r"-Xms(\S+)", opts).group(1), re.search(r"-Xmx(\S+)", opts).group(1)
    assert xms == xmx, "a fixed heap: -Xms equal to -Xmx"
    assert size_bytes(xmx) * 2 <= size_bytes(interpolate(str(es["mem_limit"]))), "heap at most half the memory"
    assert environment(es)["bootstrap.memory_lock"] == "true"
    assert es["ulimits"]["memlock"] == {"soft": -1, "hard": -1}


def create_app_like_compose(service: dict, tmp_path: Path, monkeypatch) -> Flask:
    """The application exactly as gunicorn loads it in the web container: the app spec of the
    command, with the service's environment (the data dir moved to tmp_path)."""
    command = service["command"]
    spec = command[-1]
    module_name, _, factory = spec.partition(":")
    assert factory.endswith("()"), "gunicorn calls the application factory"
    for key in list(os.environ):
        if key.startswith(("KAMERWACHT_", "ELASTICSEARCH_")):
            monkeypatch.delenv(key)
    for key, value in environment(service).items():
        monkeypatch.setenv(key, interpolate(value))
    monkeypatch.setenv("KAMERWACHT_DATA_DIR", str(tmp_path))
    module = __import__(module_name, fromlist=[factory[:-2]])
    return getattr(module, factory[:-2])()


def test_web_runs_gunicorn_on_the_published_port(services, tmp_path, monkeypatch):
    web = services["web"]
    command = web["command"]
    assert command[0] == "gunicorn"
    assert command[command.index("--bind") + 1] == "0.0.0.0:8000"  # inside the container; published on loopback
    assert published_ports(web) == [("127.0.0.1", "8000", "8000")]
    env = environment(web)
    assert env["KAMERWACHT_SEARCH_BACKEND"] == "elasticsearch"
    assert urlsplit(env["ELASTICSEARCH_URL"]).scheme == "https"
    app = create_app_like_compose(web, tmp_path, monkeypatch)
    assert isinstance(app, Flask)
    settings = app.config["SETTINGS"]
    assert settings.search_backend == "elasticsearch"
    assert settings.data_dir == tmp_path


def test_the_environment_names_are_the_ones_the_code_reads(services):
    settings_source = (ROOT / "archive" / "settings.py").read_text()
    loop = LOOP.read_text()
    if "ELASTICSEARCH_URL" not in settings_source:
        pytest.skip("the Elasticsearch settings (archive/settings.py) have not landed yet")
    for name in ("web", "crawler"):
        for key in environment(services[name]):
            assert f'"{key}"' in settings_source or f"{{{key}:" in loop, f"{name}: nothing reads {key}"


# --- the image ---------------------------------------------------------------------------------

def dockerfile_instructions() -> list[tuple[str, str]]:
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    result = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            result.append((keyword.upper(), rest.strip()))
    return result


def ignored(path: str) -> bool:
    """Whether .dockerignore keeps ``path`` out of the build context (the last matching pattern
    wins; a pattern matching a parent directory matches what is inside)."""
    result = False
    for raw in DOCKERIGNORE.read_text().splitlines():
        pattern = raw.strip()
        if not pattern or pattern.startswith("#"):
            continue
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").strip("/")
        parts = path.split("/")
        candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        if pattern.startswith("**/"):
            hit = any(fnmatchcase(part, pattern[3:]) for part in parts)
        else:
            hit = any(fnmatchcase(c, pattern) and c.count("/") == pattern.count("/") for c in candidates)
        if hit:
            result = not negate
    return result


def test_dockerfile_base_image_is_pinned():
    froms = [rest for keyword, rest in dockerfile_instructions() if keyword == "FROM"]
    assert len(froms) == 1
    match = re.fullmatch(r"python:(\d+)\.(\d+)\.(\d+)-slim-(\w+)", froms[0])
    assert match, f"pin the Python patch release and the Debian release: {froms[0]}"
    required = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert f">={match.group(1)}.{match.group(2)}" == required


def test_dockerfile_installs_the_project_and_a_pinned_gunicorn():
    runs = " ".join(rest for keyword, rest in dockerfile_instructions() if keyword == "RUN")
    assert "['project']['dependencies']" in runs and "pip install -r" in runs
    assert re.search(r"gunicorn==\d+\.\d+\.\d+\b", runs)
    assert "pip install --no-deps -e ." in runs
    user = [rest for keyword, rest in dockerfile_instructions() if keyword == "USER"]
    assert user and user[-1] not in ("root", "0")


def test_dockerfile_copies_every_package_and_the_loop_script_into_the_build_context():
    copies = {}
    for keyword, rest in dockerfile_instructions():
        if keyword == "COPY":
            *sources, target = rest.split()
            for source in sources:
                copies[source.rstrip("/")] = target
    packages = {p.rstrip("*") for p in tomllib.loads((ROOT / "pyproject.toml").read_text())
                ["tool"]["setuptools"]["packages"]["find"]["include"]}
    assert packages <= set(copies), f"packages not copied into the image: {packages - set(copies)}"
    assert {"data", "pyproject.toml", "README.md", "deploy/crawler-loop.sh"} <= set(copies)
    for source in copies:
        assert (ROOT / source).exists(), source
        assert not ignored(source), f".dockerignore keeps {source} out of the build context"
    assert "/app/" + copies["deploy/crawler-loop.sh"].removeprefix("./") == "/app/deploy/crawler-loop.sh"


def test_dockerignore_keeps_secrets_and_local_state_out():
    for path in (".env", "var", "var/kamerwacht.sqlite", ".venv", ".git", "tests", "archive/__pycache__",
                 "deploy/es-setup.sh"):
        assert ignored(path), path
    for path in ("archive/model.py", "data/vocabulary/tools.yaml", "deploy/crawler-loop.sh"):
        assert not ignored(path), path


def test_the_image_serves_the_same_application_as_compose(services):
    cmd = [rest for keyword, rest in dockerfile_instructions() if keyword == "CMD"]
    command = yaml.safe_load(cmd[-1])
    assert command[0] == "gunicorn" and command[-1] == services["web"]["command"][-1]
    assert services["crawler"]["command"] == ["/app/deploy/crawler-loop.sh"]


# --- the crawler loop and the setup script ------------------------------------------------------

def fake_kamerwacht(tmp_path: Path, fail: str | None) -> Path:
    """A stand-in for `kamerwacht` that records its arguments and fails for one source."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    script = bin_dir / "kamerwacht"
    script.write_text(f'#!/bin/sh\necho "$*" >> "{tmp_path}/calls"\n'
                      + (f'[ "$1 $2" = "crawl {fail}" ] && exit 1\n' if fail else "") + "exit 0\n")
    script.chmod(0o755)
    (tmp_path / "calls").unlink(missing_ok=True)
    return bin_dir


def run_loop(bin_dir: Path, status: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    full_env = {"PATH": f"{bin_dir}:{os.environ['PATH']}", "KAMERWACHT_CRAWLER_STATUS_FILE": str(status), **env}
    return subprocess.run([str(LOOP), *args], env=full_env, capture_output=True, text=True, timeout=30)


def test_setup_refuses_missing_or_weak_passwords_before_doing_anything(tmp_path):
    good = "a" * 24
    cases = [
        ({"KAMERWACHT_ES_WRITER_PASSWORD": good, "KAMERWACHT_ES_READER_PASSWORD": good}, "set ELASTIC_PASSWORD"),
        ({"ELASTIC_PASSWORD": "short", "KAMERWACHT_ES_WRITER_PASSWORD": good,
          "KAMERWACHT_ES_READER_PASSWORD": good}, "ELASTIC_PASSWORD: use 16 or more"),
        ({"ELASTIC_PASSWORD": good, "KAMERWACHT_ES_WRITER_PASSWORD": 'with"quote' + good,
          "KAMERWACHT_ES_READER_PASSWORD": good}, "KAMERWACHT_ES_WRITER_PASSWORD: use 16 or more"),
        ({"ELASTIC_PASSWORD": good, "KAMERWACHT_ES_WRITER_PASSWORD": good, "KAMERWACHT_ES_READER_PASSWORD": good,
          "KAMERWACHT_ES_INDEX_PREFIX": "Kamerwacht.Records"}, "KAMERWACHT_ES_INDEX_PREFIX="),
    ]
    for env, message in cases:
        result = subprocess.run(["bash", str(ES_SETUP)], cwd=tmp_path, capture_output=True, text=True, timeout=10,
                                env={"PATH": os.environ["PATH"], **env})
        assert result.returncode == 1 and message in result.stderr, (env, result.stderr)
        assert list(tmp_path.iterdir()) == [], "nothing is created before the settings are checked"


def test_loop_script_is_an_executable_posix_script():
    assert os.access(LOOP, os.X_OK)
    assert LOOP.read_text().startswith("#!/bin/sh\n")
    assert subprocess.run(["sh", "-n", str(LOOP)]).returncode == 0
    assert os.access(ES_SETUP, os.X_OK)
    assert subprocess.run(["bash", "-n", str(ES_SETUP)]).returncode == 0


def test_loop_uses_only_kamerwacht_commands_that_exist():
    used = {words[1] for words in shell_commands(LOOP.read_text().replace("run kamerwacht", "kamerwacht"),
                                                 "kamerwacht")}
    used |= set(re.findall(r"\bkamerwacht (\w+)", LOOP.read_text())) - {"crawler"}
    assert used == {"crawl", "index", "status"}
    assert used <= cli_commands()
    default_sources = re.search(r'KAMERWACHT_CRAWL_SOURCES:-([^}"]+)', LOOP.read_text()).group(1).split()
    assert default_sources == [source.name for source in SOURCES]


def test_loop_crawls_every_source_then_indexes_and_goes_on_after_a_failure(tmp_path):
    status = tmp_path / "status"
    result = run_loop(fake_kamerwacht(tmp_path, fail="dekamer"), status, "--once")
    assert result.returncode == 1
    calls = (tmp_path / "calls").read_text().splitlines()
    assert calls == [f"crawl {source.name}" for source in SOURCES] + ["index", "status"]
    assert status.read_text().startswith("failed at ") and status.read_text().split(":")[-1].split() == ["dekamer"]
    assert "crawl dekamer FAILED" in result.stdout

    result = run_loop(fake_kamerwacht(tmp_path, fail=None), status, "--once")
    assert result.returncode == 0, result.stderr
    assert status.read_text().startswith("ok at ")


def test_loop_refuses_a_bad_interval(tmp_path):
    for bad in ("0", "six", "1.5", "-2", ""):
        result = run_loop(fake_kamerwacht(tmp_path, fail=None), tmp_path / "status", "--once",
                          KAMERWACHT_CRAWL_EVERY_HOURS=bad)
        if bad == "":
            assert result.returncode == 2 or result.returncode == 0  # empty: the default applies
            continue
        assert result.returncode == 2 and "KAMERWACHT_CRAWL_EVERY_HOURS" in result.stderr, bad
        assert not (tmp_path / "calls").exists(), "nothing crawled with a bad setting"


def test_loop_waits_for_the_interval_and_stops_at_once_on_sigterm(tmp_path):
    bin_dir = fake_kamerwacht(tmp_path, fail=None)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}",
           "KAMERWACHT_CRAWLER_STATUS_FILE": str(tmp_path / "status"), "KAMERWACHT_CRAWL_EVERY_HOURS": "6"}
    # A session of its own, so that whatever is left (the 6-hour sleep) can be killed at the end.
    process = subprocess.Popen([str(LOOP)], env=env, stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        line, deadline = "", time.monotonic() + 20
        while "next round in" not in line and time.monotonic() < deadline:
            line = process.stdout.readline()
        seconds = int(re.search(r"next round in (\d+)s", line).group(1))
        assert 6 * 3600 - 60 <= seconds <= 6 * 3600
        time.sleep(0.5)  # the wait has begun
        assert process.poll() is None, "the loop waits for the next round"
        process.send_signal(signal.SIGTERM)  # what `docker compose stop` sends (through init)
        assert process.wait(timeout=5) == 143
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()
    assert (tmp_path / "calls").read_text().splitlines()[-1] == "status", "one round, then the wait"


# --- the README --------------------------------------------------------------------------------

def test_readme_section_sits_before_performance():
    text = README.read_text(encoding="utf-8")
    assert text.index("\n## Running on Elasticsearch\n") < text.index("\n## Performance\n")
    section = readme_section()
    assert "validated by tests" in section and "not run" in section
    assert "pytest -m real_es" in section


def test_readme_commands_name_services_and_commands_that_exist(services):
    section = readme_section()
    compose_commands = shell_commands(section, "docker compose")
    assert compose_commands, "the section shows the docker compose commands"
    seen = set()
    for words in compose_commands:
        sub, args = words[2], words[3:]
        named = []
        if sub in ("up", "ps", "logs"):
            named = [a for a in args if not a.startswith("-")]
        elif sub == "run":
            rest = list(args)
            while rest and rest[0].startswith("-"):
                option = rest.pop(0)
                if option in ("-v", "--volume", "-e", "--env"):
                    rest.pop(0)
            named = [rest[0]]
            if rest[1:2] == ["kamerwacht"]:
                assert rest[2] in cli_commands(), f"`kamerwacht {rest[2]}` is not a command"
        elif sub == "cp":
            named = [a.split(":", 1)[0] for a in args if ":" in a]
        else:
            pytest.fail(f"unexpected compose command in the README: {' '.join(words)}")
        for service in named:
            assert service in services, f"README: `{' '.join(words)}` names no service of docker-compose.yml"
        seen.update(named)
    assert {"elasticsearch", "web", "crawler"} <= seen
    reindex = [w for w in compose_commands if w[2] == "run" and w[-2:] == ["kamerwacht", "reindex"]]
    assert reindex and reindex[0][-3] == "crawler"


def test_readme_env_file_sets_what_compose_requires(compose):
    required = set(re.findall(r"\$\{([A-Z_]+):\?", COMPOSE_FILE.read_text()))
    assert required == {"ELASTIC_PASSWORD", "KAMERWACHT_ES_WRITER_PASSWORD", "KAMERWACHT_ES_READER_PASSWORD"}
    env_block = re.search(r"cat > \.env <<EOF\n(.*?)\n\s*EOF", readme_section(), re.S).group(1)
    assert required <= set(re.findall(r"^\s*([A-Z_]+)=", env_block, re.M))
    version = compose["services"]["elasticsearch"]["image"].rsplit(":", 1)[1]
    assert f"Elasticsearch\n{version}" in readme_section() or f"Elasticsearch {version}" in readme_section()
    copied = shell_commands(readme_section(), "docker compose")
    cp = [w for w in copied if w[2] == "cp"][0]
    es_certs = {t for s, t, _ in mounts(compose["services"]["elasticsearch"]) if s == "es-certs"}
    assert any(cp[3].split(":", 1)[1].startswith(t + "/") for t in es_certs)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
