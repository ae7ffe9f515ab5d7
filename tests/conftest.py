"""Shared fixtures: one Coder per test session (loading spaCy takes a second)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.pipeline import Coder

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "security-guarantees.txt"


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder()


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")
