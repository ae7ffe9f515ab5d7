"""Files that appear whole or not at all (CONTRACT.md): write beside, then rename.

Every output file dragoman writes (``--out``, Parquet exports, plots) goes through
``atomic_path``: the writer fills a temporary file in the target's folder, which replaces
the target only when writing finished, so an interrupted run leaves the old file (or
none), never half a file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


def readable_by_all(path: str) -> None:
    """Give a file made by ``mkstemp`` (mode 0600) the mode a plain ``open`` would have."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[str]:
    """A temporary path beside ``path`` to write to; moved onto ``path`` on success and
    removed on failure."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    # the target's suffix stays last: writers such as matplotlib read the format from it
    fd, tmp = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=f".part{target.suffix}", dir=folder
    )
    os.close(fd)
    try:
        yield tmp
        readable_by_all(tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
