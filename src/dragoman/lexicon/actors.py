"""Actor dictionary entries: named people, institutions and organisations with dated codes.

The format is documented in ``data/README.md`` (``actors/*.yaml``). An entry's code can
change over time (Biden is a senator, USALEG, in 2005 and the president, USAGOV, in
2022); ``code_on`` picks the code for a document's date, as CAMEO's date restrictions
do (CAMEO 1.1b3 §3.2.1).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:  # the C loader is several times faster; fall back when PyYAML was built without it
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class DictionaryError(ValueError):
    """A dictionary file that cannot be used, with the file and entry named."""


@dataclass(frozen=True, slots=True)
class Role:
    """A code that applies from ``start`` (inclusive) to ``end`` (exclusive)."""

    code: str
    start: str | None = None
    end: str | None = None
    title: str | None = None

    def covers(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary entry: an actor, the names it goes by, and its codes over time."""

    id: str
    names: tuple[str, ...]
    code: str
    roles: tuple[Role, ...] = ()
    country: str | None = None
    kind: str = "organisation"
    source: str = ""

    @property
    def name(self) -> str:
        return self.names[0]

    def code_on(self, date: str | None) -> str:
        """The code for a document of this date (ISO ``YYYY-MM-DD``).

        Without a date the open (current) role applies, so an undated document about a
        sitting president still codes the office; with no open role, the entry's own code.
        """
        if not self.roles:
            return self.code
        if date is None:
            current = [r for r in self.roles if r.end is None]
            return max(current, key=lambda r: r.start or "").code if current else self.code
        for role in self.roles:
            if role.covers(date):
                return role.code
        return self.code

    def active_on(self, date: str | None) -> bool:
        """True when some role covers the date (or, undated, when a role is open)."""
        if date is None:
            return any(r.end is None for r in self.roles)
        return any(r.covers(date) for r in self.roles)


def _date(value: Any, where: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise DictionaryError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def _code(value: Any, where: str) -> str:
    code = str(value or "").strip()
    if not code or not code.isalpha() or not code.isupper() or len(code) % 3:
        raise DictionaryError(f"{where}: code {value!r} is not CAMEO-style (groups of 3 capitals)")
    return code


def parse_entry(raw: Any, where: str, kind: str, source: str) -> ActorEntry:
    """An ActorEntry from one YAML mapping; DictionaryError names what is wrong."""
    if not isinstance(raw, dict):
        raise DictionaryError(f"{where}: an entry must be a mapping with names and code")
    entry_id = str(raw.get("id") or "").strip()
    where = f"{where} ({entry_id})" if entry_id else where
    names = raw.get("names")
    if isinstance(names, str):
        names = [names]
    if not names or not all(isinstance(n, str | int) and str(n).strip() for n in names):
        raise DictionaryError(f"{where}: 'names' must be a non-empty list of names")
    roles = []
    for i, role in enumerate(raw.get("roles") or []):
        if not isinstance(role, dict):
            raise DictionaryError(f"{where}: role {i + 1} must be a mapping")
        start = _date(role.get("from"), where)
        end = _date(role.get("to"), where)
        if start and end and end <= start:
            raise DictionaryError(f"{where}: role {i + 1} ends ({end}) before it starts ({start})")
        roles.append(Role(_code(role.get("code"), where), start, end, role.get("title")))
    code = raw.get("code") or (roles[-1].code if roles else None)
    return ActorEntry(
        id=entry_id or f"{source}:{names[0]}",
        names=tuple(str(n).strip() for n in names),
        code=_code(code, where),
        roles=tuple(roles),
        country=(str(raw["country"]).upper() if raw.get("country") else None),
        kind=str(raw.get("kind") or kind),
        source=source,
    )


def kind_of_file(path: Path) -> str:
    """What a file's entries are, from its name: people-*.yaml hold people."""
    stem = path.stem.lower()
    if stem.startswith("people"):
        return "person"
    if stem.startswith("institution"):
        return "institution"
    return "organisation"


def load_actor_file(path: Path, source: str | None = None) -> Iterator[ActorEntry]:
    """Entries of one YAML dictionary file; DictionaryError on the first bad entry."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"{path}: cannot read dictionary ({exc})") from None
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise DictionaryError(f"{path}: not valid YAML ({exc})") from None
    if data is None:
        return
    if not isinstance(data, list):
        raise DictionaryError(f"{path}: a dictionary is a YAML list of entries")
    kind = kind_of_file(path)
    for i, raw in enumerate(data, 1):
        yield parse_entry(raw, f"{path.name} entry {i}", kind, source or path.name)


def load_actor_files(paths: Iterable[Path]) -> list[ActorEntry]:
    entries: list[ActorEntry] = []
    for path in paths:
        entries.extend(load_actor_file(path))
    return entries
