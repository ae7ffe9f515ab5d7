"""A disk cache for compiled dictionaries, so start-up does not re-read YAML every run.

The key covers every input: each data file's path, size and modification time, the user
dictionaries, the tokenizer's identity and dragoman's version; any change rebuilds. The
cache lives in ``$DRAGOMAN_CACHE`` or ``$XDG_CACHE_HOME/dragoman`` (``~/.cache/dragoman``);
``DRAGOMAN_CACHE=off`` disables it. A cache that cannot be read or written is ignored:
it only ever saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path | None:
    setting = os.environ.get("DRAGOMAN_CACHE")
    if setting and setting.lower() in {"off", "0", "no", "false"}:
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dragoman"


#: Files up to this size are keyed by their content, so that a checkout or a stash that
#: only touches them does not force a rebuild; bigger ones (installed package data) by
#: size and modification time.
CONTENT_KEY_BYTES = 2_000_000
#: Compiled copies kept per kind (other dictionaries, other versions), newest first.
KEEP = 4


def cache_key(kind: str, files: Iterable[Path], extra: Iterable[str] = ()) -> str:
    digest = hashlib.sha256(kind.encode())
    for path in sorted(Path(f) for f in files):
        stat = path.stat()
        if stat.st_size <= CONTENT_KEY_BYTES:
            digest.update(f"{path.name}|".encode() + hashlib.sha256(path.read_bytes()).digest())
        else:
            digest.update(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    for item in extra:
        digest.update(f"{item}\n".encode())
    return digest.hexdigest()[:24]


def _prune(folder: Path, kind: str) -> None:
    """Keep the newest KEEP compiled copies of a kind: old ones only take space."""
    copies = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in copies[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()


def cached(kind: str, key: str, build: Callable[[], T]) -> T:
    """``build()``'s result, from the cache when a copy for ``key`` exists."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{kind}-{key}.pickle"
    with (
        contextlib.suppress(
            OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError
        ),
        path.open("rb") as handle,
    ):
        return pickle.load(handle)
    value = build()
    with contextlib.suppress(OSError, pickle.PicklingError):
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
            _prune(folder, kind)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return value
