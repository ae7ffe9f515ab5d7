"""Gzip-compressed inputs: ``news.jsonl.gz`` is read as ``news.jsonl`` would be.

Archives of news are usually kept compressed; decompressing in memory lets every reader
work on them unchanged, dispatching on the name without ``.gz``.
"""

from __future__ import annotations

import gzip
import zlib

GZIP_SUFFIXES = frozenset({".gz", ".gzip"})


def gunzip(data: bytes) -> bytes:
    """The decompressed bytes, or ValueError saying why they are not gzip data."""
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise ValueError(f"not a valid gzip file ({exc})") from None


def inner_name(name: str) -> str:
    """The name a compressed file's content would have: ``a.jsonl.gz`` -> ``a.jsonl``."""
    for suffix in GZIP_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name
