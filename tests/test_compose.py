"""The production stack runs what CI tests: every command, file and variable that
docker-compose.yml names exists and is documented."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from django.conf import settings
from django.core.management import get_commands

ROOT = Path(settings.BASE_DIR)
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
README = (ROOT / "README.md").read_text()
ENV_EXAMPLE = (ROOT / ".env.example").read_text()


def test_every_service_command_exists():
    commands = get_commands()
    for name, service in COMPOSE["services"].items():
        command = service.get("command")
        if not command or service.get("image", "").startswith(("postgres", "redis", "nginx")):
            continue
        if command[:2] == ["python", "manage.py"]:
            assert command[2] in commands, (name, command)
        elif command[0] == "gunicorn":
            config = command[command.index("--config") + 1]
            assert (ROOT / config).is_file(), (name, config)
            assert command[-1] == "ihme_site.wsgi:application"
        else:
            raise AssertionError(f"unknown command in {name}: {command}")


def test_every_mounted_file_exists_and_the_proxy_runs_the_tested_configuration():
    mounted = [
        volume.split(":")[0]
        for service in COMPOSE["services"].values()
        for volume in service.get("volumes", [])
        if volume.startswith("./")
    ]
    assert "./deploy/nginx.conf.template" in mounted
    for path in mounted:
        assert (ROOT / path).is_file(), path
    proxy = COMPOSE["services"]["proxy"]
    assert any(
        v.startswith("./deploy/nginx.conf.template:/etc/nginx/templates/") for v in proxy["volumes"]
    )
    # tests/browser/test_reverse_proxy.py fills in exactly these variables.
    template = (ROOT / "deploy" / "nginx.conf.template").read_text()
    assert set(re.findall(r"\$\{(IHME_[A-Z_]+)\}", template)) == set(proxy["environment"])


def test_the_health_check_script_exists_and_asks_for_readiness():
    check = COMPOSE["services"]["web"]["healthcheck"]["test"]
    assert check[1:3] == ["python", "ops/healthcheck.py"] and check[3] == "/readyz"
    assert (ROOT / check[2]).is_file()


def test_the_scheduler_runs_scheduled_publishing():
    assert COMPOSE["services"]["scheduler"]["command"][2] == "run_periodic_jobs"


def test_every_variable_is_documented_and_in_the_example():
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", README, flags=re.MULTILINE))
    example = set(re.findall(r"^#?\s*([A-Z_]+)=", ENV_EXAMPLE, flags=re.MULTILINE))
    compose_text = (ROOT / "docker-compose.yml").read_text()
    used = set(re.findall(r"\$\{([A-Z_]+)\}", compose_text))
    for service in COMPOSE["services"].values():
        used |= set(service.get("environment", {}) or {})
    assert used - {"POSTGRES_DB", "POSTGRES_USER"} <= documented, used - documented
    assert example <= documented, example - documented
    assert (ROOT / "Dockerfile").is_file()
