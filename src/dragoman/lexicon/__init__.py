"""Everything dragoman knows about actors, loaded from ``data/`` and user dictionaries.

``Lexicon.load`` reads the countries table, the actor dictionaries, the agent words and any
``--dictionary`` files, and compiles them into token tries for matching. User entries
win over ours: a name a user defines is looked up in their entries first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from dragoman.lexicon.actors import ActorEntry, DictionaryError, load_actor_file
from dragoman.lexicon.codes import split_code
from dragoman.lexicon.names import NameTrie, build_trie, normalise
from dragoman.lexicon.tables import Agent, Country, load_agents, load_countries

__all__ = ["ActorEntry", "Agent", "Country", "DictionaryError", "Lexicon", "Sense", "data_dir"]

Tokenize = Callable[[str], list[str]]


def data_dir() -> Path:
    """The folder of bundled data files."""
    return Path(str(resources.files("dragoman") / "data"))


@dataclass(frozen=True, slots=True)
class Sense:
    """What a matched name can stand for.

    ``kind`` is ``actor`` (a dictionary entry), ``country`` (a state's name), ``demonym``
    (Russian, Russians) or ``seat`` (Moscow, Washington: a place that can stand for its
    government). ``priority``: lower wins (user entries 0, ours 1, country words 2).
    """

    kind: str
    priority: int
    country: str | None
    entry: ActorEntry | None = None

    def code_on(self, date: str | None) -> str | None:
        if self.entry is not None:
            return self.entry.code_on(date)
        return self.country


class Lexicon:
    """Compiled dictionaries: name and agent tries plus the tables behind them."""

    def __init__(
        self,
        countries: Sequence[Country],
        entries: Sequence[ActorEntry],
        agents: Sequence[Agent],
        tokenize: Tokenize,
        user_entries: Sequence[ActorEntry] = (),
    ) -> None:
        self.countries = {c.iso3: c for c in countries}
        self.country_codes = frozenset(self.countries) | {"XKX"}
        self.entries = list(user_entries) + list(entries)
        self.agents = {a.phrase: a for a in agents}
        self.names: NameTrie[Sense] = build_trie(self._name_items(entries, user_entries), tokenize)
        self.agent_trie: NameTrie[Agent] = build_trie(((a.phrase, a) for a in agents), tokenize)
        self.surnames = self._surname_index(list(user_entries) + list(entries))

    def _name_items(
        self, entries: Sequence[ActorEntry], user_entries: Sequence[ActorEntry]
    ) -> Iterable[tuple[str, Sense]]:
        for priority, group in ((0, user_entries), (1, entries)):
            for entry in group:
                country = entry.country or split_code(entry.code, self.country_codes)[0]
                sense = Sense("actor", priority, country, entry)
                for name in entry.names:
                    yield name, sense
        for c in self.countries.values():
            for name in (c.name, *c.names):
                yield name, Sense("country", 2, c.iso3)
            for name in c.demonyms:
                yield name, Sense("demonym", 2, c.iso3)
            for name in c.seats:
                yield name, Sense("seat", 2, c.iso3)

    @staticmethod
    def _surname_index(entries: Sequence[ActorEntry]) -> dict[str, list[ActorEntry]]:
        """People by the last word of their names, for "President Museveni" and
        "Deputy Secretary Hicks": a title and a surname find a listed office holder."""
        index: dict[str, list[ActorEntry]] = defaultdict(list)
        for entry in entries:
            if entry.kind != "person":
                continue
            seen = set()
            for name in entry.names:
                words = name.split()
                if len(words) >= 2:
                    key = normalise(words[-1])
                    if key not in seen:
                        seen.add(key)
                        index[key].append(entry)
        return dict(index)

    def split(self, code: str | None) -> tuple[str | None, str | None]:
        """(country, sector) of a code."""
        return split_code(code, self.country_codes)

    def country_name(self, iso3: str | None) -> str | None:
        country = self.countries.get(iso3 or "")
        return country.name if country else None

    @classmethod
    def load(
        cls,
        tokenize: Tokenize,
        user_dictionaries: Iterable[Path | str] = (),
        folder: Path | None = None,
        tokenizer_id: str | None = None,
    ) -> Lexicon:
        """Load the bundled data (or ``folder``) plus user dictionaries, compiled, from
        the disk cache when nothing changed (``tokenizer_id`` names the tokenizer; without
        it nothing is cached).

        Raises DictionaryError naming the file and entry when a file cannot be used.
        """
        folder = folder or data_dir()
        users = [Path(p) for p in user_dictionaries]
        for path in users:
            if not path.is_file():
                raise DictionaryError(f"{path}: no such dictionary file")
        if tokenizer_id is None:
            return cls._build(tokenize, users, folder)
        from dragoman import __version__
        from dragoman.lexicon.cache import cache_key, cached

        code = Path(__file__).parent  # the compiler itself: a change to it rebuilds too
        files = [
            folder / "countries.tsv",
            folder / "agents.tsv",
            folder / "name-variants.tsv",
            *(folder / "actors").glob("*.yaml"),
            *users,
            *code.glob("*.py"),
        ]
        key = cache_key("lexicon", files, [tokenizer_id, __version__, *map(str, users)])
        return cached("lexicon", key, lambda: cls._build(tokenize, users, folder))

    @classmethod
    def _build(cls, tokenize: Tokenize, users: list[Path], folder: Path) -> Lexicon:
        countries = load_countries(folder / "countries.tsv")
        entries: list[ActorEntry] = []
        for path in sorted((folder / "actors").glob("*.yaml")):
            entries.extend(load_actor_file(path))
        agents = load_agents(folder / "agents.tsv")
        user: list[ActorEntry] = []
        for path in users:
            user.extend(load_actor_file(path, source=str(path)))
        return cls(countries, entries, agents, tokenize, user)
