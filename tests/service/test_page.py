"""The page and its assets: served by the app, packaged, self-contained and escaping."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

import dragoman.service

from ..conftest import EXAMPLE, ROOT
from .conftest import needs_fastapi

STATIC = Path(dragoman.service.__file__).parent / "static"
ASSETS = sorted(p for p in STATIC.rglob("*") if p.is_file())


@needs_fastapi
def test_the_page_and_its_assets_are_served(client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    referenced = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert referenced
    for path in referenced:
        assert client.get(path).status_code == 200, path
    for asset in ASSETS:
        relative = asset.relative_to(STATIC).as_posix()
        response = client.get(f"/static/{relative}")
        assert response.status_code == 200 and response.content == asset.read_bytes()
        if asset.suffix == ".js":
            assert "javascript" in response.headers["content-type"]


def test_every_module_the_page_imports_exists() -> None:
    for script in STATIC.glob("js/*.js"):
        for target in re.findall(r'from "\./([\w.]+)"', script.read_text(encoding="utf-8")):
            assert (script.parent / target).is_file(), f"{script.name} imports {target}"


def test_the_sample_is_the_example_article() -> None:
    assert (STATIC / "sample.txt").read_bytes() == EXAMPLE.read_bytes()


def test_nothing_is_fetched_from_elsewhere() -> None:
    for asset in ASSETS:
        text = asset.read_text(encoding="utf-8")
        if asset.name == "sample.txt":
            continue
        urls = set(re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"')]*", text))
        assert urls <= {"http://www.w3.org/2000/svg"}, (asset.name, urls)
        assert "@import" not in text and "@font-face" not in text


def test_document_text_is_never_parsed_as_html() -> None:
    """The DOM is built with textContent and text nodes only."""
    for script in STATIC.glob("js/*.js"):
        code = script.read_text(encoding="utf-8")
        code = re.sub(r"//[^\n]*", "", code)  # comments may name what is not done
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in code, (script.name, sink)


def test_the_assets_are_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["dragoman"]
    package = STATIC.parent.parent
    for asset in ASSETS:
        relative = asset.relative_to(package).as_posix()
        assert any(fnmatch.fnmatch(relative, p) for p in patterns), relative


@needs_fastapi
def test_openapi_describes_every_endpoint_and_there_is_no_cdn_page(client) -> None:
    spec = client.get("/openapi.json").json()
    expected = {
        ("post", "/v1/code"), ("post", "/v1/annotate"), ("post", "/v1/classify"),
        ("get", "/v1/events"), ("get", "/v1/stats"), ("get", "/v1/network"),
        ("get", "/v1/documents/{doc_id}"), ("get", "/health"),
    }  # fmt: skip
    found = {(method, path) for path, item in spec["paths"].items() for method in item}
    assert expected <= found
    code = spec["paths"]["/v1/code"]["post"]
    assert {"413", "422", "504"} <= set(code["responses"])
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN
