"""The README's curl examples of the HTTP API work as written (through the test client),
so the documentation cannot drift from the service."""

from __future__ import annotations

import itertools
import re
import shlex
from urllib.parse import urlsplit

from ..conftest import ROOT
from .conftest import needs_fastapi


def _curl_commands() -> list[list[str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## HTTP API and web page")
    section = readme[start : readme.index("\n## ", start + 1)]
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", section, re.S):
        joined = block.replace("\\\n", " ")
        commands += [shlex.split(line) for line in joined.splitlines() if line.startswith("curl ")]
    return commands


def test_every_endpoint_has_a_curl_example() -> None:
    paths = {
        urlsplit("http://" + next(a for a in c if "localhost:8000" in a)).path
        for c in _curl_commands()
    }
    for endpoint in ("/health", "/v1/code", "/v1/annotate", "/v1/classify", "/v1/events",
                     "/v1/stats", "/v1/network"):  # fmt: skip
        assert endpoint in paths
    assert any(p.startswith("/v1/documents/") for p in paths)
    assert "docs/screenshot.png" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert (ROOT / "docs" / "screenshot.png").is_file()


@needs_fastapi
def test_the_curl_examples_answer_200(client) -> None:
    for argv in _curl_commands():
        url = urlsplit("http://" + next(a for a in argv if "localhost:8000" in a))
        target = url.path + (f"?{url.query}" if url.query else "")
        headers = {}
        data = None
        for flag, value in itertools.pairwise(argv):
            if flag == "-H":
                name, _, content = value.partition(":")
                headers[name.strip()] = content.strip()
            elif flag == "-d":
                data = value
        if data is None:
            response = client.get(target)
        else:
            response = client.post(target, content=data.encode(), headers=headers)
        assert response.status_code == 200, (argv, response.text)
        assert response.json()
