"""The README's worked example runs as written (with one worker, to spare the test a
process pool), so the documentation cannot drift from the commands."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import duckdb
import pytest

from dragoman.cli import main

from ..conftest import ROOT


def _example_blocks() -> tuple[list[str], str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Worked example") :]
    shell = re.search(r"```sh\n(.*?)```", section, re.S)
    python = re.search(r"```python\n(.*?)```", section, re.S)
    assert shell and python
    commands = [line for line in shell.group(1).splitlines() if line.startswith("dragoman ")]
    return commands, python.group(1)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DRAGOMAN_DB", raising=False)
    return tmp_path


def test_worked_example_commands(workdir: Path, capsys) -> None:
    commands, _ = _example_blocks()
    assert len(commands) == 5
    for command in commands:
        argv = shlex.split(command.replace("--workers 2", "--workers 1"))[1:]
        assert main(argv) == 0, command
    out = capsys.readouterr().out
    assert "Russian Foreign Ministry [RUSGOV]" in out and "2022-02-17,RUS:USA," in out
    rows = (workdir / "rus-usa.tsv").read_text(encoding="utf-8").splitlines()
    assert rows and all(len(row.split("\t")) == 61 for row in rows)
    counted = duckdb.sql("SELECT count(*) FROM 'events.parquet'").fetchall()[0][0]
    assert counted > 0 and (workdir / "rus-usa.png").exists()


def test_worked_example_python(workdir: Path) -> None:
    _, code = _example_blocks()
    scope: dict = {}
    exec(code.replace("workers=2", "workers=1"), scope)
    assert scope["report"].stored == 1
    assert (workdir / "events.plover.jsonl").read_text(encoding="utf-8").count("\n") > 0
    assert scope["series"].rows
