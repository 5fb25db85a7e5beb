"""``docker-compose.yml`` runs the same Neo4j as the tests, safely by default (no Docker needed here)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import yaml

from tests.conftest import ROOT


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def test_image_is_the_community_edition_of_the_launchers_version() -> None:
    pom = ET.parse(ROOT / "tools" / "neo4j-launcher" / "pom.xml").getroot()
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    version = pom.find("m:properties/m:neo4j.version", ns).text  # type: ignore[union-attr]
    assert _compose()["services"]["neo4j"]["image"] == f"neo4j:{version}-community"
    assert version == "5.26.31"


def test_password_from_the_environment_ports_local_volumes_named_health_checked() -> None:
    compose = _compose()
    neo = compose["services"]["neo4j"]
    assert re.fullmatch(r"neo4j/\$\{NEO4J_PASSWORD:\?[^}]+\}", neo["environment"]["NEO4J_AUTH"])
    for port in neo["ports"]:
        assert port.startswith("${NEO4J_BIND:-127.0.0.1}:"), port
    assert {p.rsplit(":", 1)[1] for p in neo["ports"]} == {"7474", "7687"}
    for mount in neo["volumes"]:
        assert mount.split(":")[0] in compose["volumes"], mount  # named volumes, not host folders
    assert neo["healthcheck"]["test"][0] == "CMD-SHELL" and "RETURN 1" in neo["healthcheck"]["test"][1]
    assert not any(k.startswith("NEO4J_PLUGINS") for k in neo["environment"])


def test_env_example_names_the_password() -> None:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert re.search(r"^NEO4J_PASSWORD=\S+", text, re.M)
    assert ".env" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_a_top_level_name_is_documented_as_compose_v2() -> None:
    """Compose v1 (``docker-compose``) refuses a top-level ``name:``: the README and the file say v2."""
    if "name" not in _compose():
        return
    for name in ("README.md", "docker-compose.yml"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "Compose v2" in text and "`docker compose`" in text, name
