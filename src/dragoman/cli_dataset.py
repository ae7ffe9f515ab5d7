"""The dataset commands: ``dragoman ingest``, ``export`` and ``stats``.

A thin layer over ``dragoman.dataset``: it parses options and calls the library. The
error rules of CONTRACT.md hold: an input that cannot be read gets one line on standard
error naming it (and the line) and the rest are still ingested, exit status 1; a usage
error (bad option, a store that cannot be opened, no spaCy pipeline) exits 2; files are
written whole or not at all, and the store changes only by committed transactions.

``add_dataset_commands`` also gives ``code`` and ``annotate`` the CSV column options.
"""

from __future__ import annotations

import argparse
import os
import sys

from dragoman.io.options import Columns

_COLUMN_FLAGS = ("text", "id", "date", "title", "url", "source")


def csv_columns(args: argparse.Namespace) -> Columns:
    """The CSV/TSV column names given on the command line (defaults where not)."""
    return Columns(
        **{f: getattr(args, f"{f}_column", None) or getattr(Columns(), f) for f in _COLUMN_FLAGS}
    )


def _add_column_flags(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("CSV/TSV columns (defaults: text, id, date, ...)")
    for name in _COLUMN_FLAGS:
        group.add_argument(
            f"--{name}-column",
            metavar="NAME",
            help=f"the column holding each row's {name} (default: {name})",
        )


def _codes(value: str) -> list[str]:
    codes = [c.strip().upper() for c in value.split(",") if c.strip()]
    if not codes or not all(c.isalnum() for c in codes):
        raise argparse.ArgumentTypeError(f"{value!r}: codes are letters and digits (RUS, USAGOV)")
    return codes


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return number


def _cores() -> int:
    """The cores this process may run on (a container's share, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="FILE",
        help="the DuckDB store (default: $DRAGOMAN_DB or ./dragoman.duckdb)",
    )


def _add_selection(parser: argparse.ArgumentParser, date_type) -> None:
    from dragoman.dataset.dedup import DEDUP_MODES

    _add_db(parser)
    sel = parser.add_argument_group("selection")
    sel.add_argument("--from", dest="start", type=date_type, metavar="YYYY-MM-DD",
                     help="events dated on or after this day")  # fmt: skip
    sel.add_argument("--to", dest="end", type=date_type, metavar="YYYY-MM-DD",
                     help="events dated on or before this day")  # fmt: skip
    for side in ("actor", "recipient"):
        sel.add_argument(
            f"--{side}",
            type=_codes,
            action="extend",
            default=[],
            metavar="CODE",
            help=f"{side} code or prefix (RUS matches RUSGOV) or country; "
            "comma-separated or repeated: any of them",
        )
    sel.add_argument(
        "--type",
        type=_codes,
        action="extend",
        default=[],
        metavar="TYPE",
        help="PLOVER category (ACCUSE) or CAMEO code prefix (11, 112); any of them",
    )
    sel.add_argument(
        "--country",
        type=_codes,
        action="extend",
        default=[],
        metavar="ISO3",
        help="where the event took place (the event location's ISO alpha-3 country)",
    )
    sel.add_argument(
        "--dedup",
        choices=DEDUP_MODES,
        default="none",
        help="one-a-day: merge events with the same date, actor, recipient and type "
        "across articles, counting mentions and sources (default: none)",
    )


def add_dataset_commands(sub: argparse._SubParsersAction) -> None:
    """Add ``ingest``, ``export`` and ``stats`` to the ``dragoman`` parser (and the CSV
    column options to ``code`` and ``annotate``)."""
    from dragoman import cli
    from dragoman.dataset.exports import EXPORT_FORMATS
    from dragoman.dataset.ingest import DEFAULT_BATCH
    from dragoman.dataset.stats import MEASURES, PERIODS, SERIES_FORMATS

    for name in ("code", "annotate"):
        if name in sub.choices:
            _add_column_flags(sub.choices[name])

    ingest = sub.add_parser(
        "ingest",
        help="code documents and store them in a DuckDB file",
        description="Code documents and store documents, entities, events and every "
        "layer in a DuckDB file. Documents already stored (by id, or by a hash of the "
        "text for inputs without ids) are skipped, so a second run adds nothing and a "
        "run killed half-way can simply be run again.",
    )
    ingest.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a .txt, .jsonl, .html, .csv/.tsv or RSS/Atom file (or any of these .gz), "
        "a directory, or - for standard input (the default)",
    )
    _add_db(ingest)
    ingest.add_argument(
        "--date",
        type=cli._date,
        metavar="YYYY-MM-DD",
        help="publication date for inputs without one",
    )
    ingest.add_argument(
        "--workers",
        type=_positive,
        default=_cores(),
        metavar="N",
        help="coding processes (default: the machine's cores, %(default)s)",
    )
    ingest.add_argument(
        "--batch-size",
        type=_positive,
        default=DEFAULT_BATCH,
        metavar="N",
        help="documents per batch; each batch is committed whole (default: %(default)s)",
    )
    ingest.add_argument(
        "--verbose",
        action="store_true",
        help="a line per committed batch and a summary, even when standard error is not a terminal",
    )
    ingest.add_argument("--model", metavar="NAME", help="spaCy pipeline (as for `code`)")
    ingest.add_argument(
        "--dictionary", metavar="FILE", action="append", default=[], help="an actor dictionary"
    )
    _add_column_flags(ingest)

    export = sub.add_parser(
        "export",
        help="write stored events as jsonl, csv, parquet, GDELT or PLOVER",
        description="Write the stored events, filtered and optionally de-duplicated.",
    )
    export.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        help="default: from --out's extension (.csv, .parquet, .tsv for gdelt, else "
        "jsonl), else table on a terminal and jsonl in a pipe",
    )
    export.add_argument("--out", metavar="FILE", help="write here (atomically)")
    _add_selection(export, cli._date)

    stats = sub.add_parser(
        "stats",
        help="dyadic event time series",
        description="Print event series per day, week or month: counts per PLOVER "
        "category or quad class, or summed Goldstein or PLOVER scores, per dyad.",
    )
    stats.add_argument("--by", choices=PERIODS, default="month", help="default: month")
    stats.add_argument(
        "--dyad",
        action="append",
        default=[],
        metavar="A:B",
        help="a directed dyad, ACTOR:RECIPIENT (RUS:USA, RUS,BLR:UKR, *:USA); repeatable; "
        "default: all events",
    )
    stats.add_argument(
        "--measure",
        choices=MEASURES,
        default="count",
        help="count per PLOVER category, count per quad class, summed Goldstein, or "
        "summed PLOVER score (default: count)",
    )
    stats.add_argument(
        "--format",
        choices=SERIES_FORMATS,
        help="default: table on a terminal, csv in a pipe or file",
    )
    stats.add_argument("--out", metavar="FILE", help="write here (atomically)")
    stats.add_argument("--plot", metavar="FILE.png", help="also draw the series (matplotlib)")
    _add_selection(stats, cli._date)


def _selection(args: argparse.Namespace):
    from dragoman.cli import UsageError
    from dragoman.dataset.query import EventFilter
    from dragoman.ontology import PLOVER_TYPES

    for t in args.type:
        if not t.isdigit() and t not in PLOVER_TYPES:
            raise UsageError(f"--type {t}: not a PLOVER category ({', '.join(PLOVER_TYPES)}) "
                             "or a CAMEO code")  # fmt: skip
    if args.start and args.end and args.start > args.end:
        raise UsageError(f"--from {args.start} is after --to {args.end}")
    return EventFilter(
        start=args.start,
        end=args.end,
        actors=tuple(args.actor),
        recipients=tuple(args.recipient),
        types=tuple(args.type),
        countries=tuple(args.country),
    )


def _open(args: argparse.Namespace, *, write: bool):
    from dragoman.cli import UsageError
    from dragoman.dataset.store import Store, StoreError

    try:
        if write:
            return Store.open(args.db)
        return Store.open(args.db, create=False, read_only=True)
    except StoreError as exc:
        raise UsageError(str(exc)) from None


def run_ingest(args: argparse.Namespace) -> int:
    from dragoman.cli import PROG, UsageError, _load_coder
    from dragoman.dataset.coding import SetupError
    from dragoman.dataset.ingest import ingest
    from dragoman.dataset.progress import Progress
    from dragoman.io.readers import STDIN, ReadError, read_inputs

    paths = args.paths or [STDIN]
    if paths == [STDIN] and sys.stdin.isatty():
        raise UsageError("no input: give a PATH, or pipe text to standard input")
    failures = 0
    documents = []
    for item in read_inputs(paths, args.date, columns=csv_columns(args), content_ids=True):
        if isinstance(item, ReadError):
            failures += 1
            print(f"{PROG}: {item.message()}", file=sys.stderr, flush=True)
        else:
            documents.append(item)
    talk = sys.stderr.isatty() or args.verbose
    progress = Progress(0) if sys.stderr.isatty() and not args.verbose else None

    def committed(n: int, report) -> None:
        if args.verbose:
            print(f"{PROG}: committed {n} documents ({report.stored} stored, "
                  f"{report.events} events)", file=sys.stderr, flush=True)  # fmt: skip

    with _open(args, write=True) as store:
        try:
            report = ingest(
                store,
                documents,
                workers=args.workers,
                batch_size=args.batch_size,
                coder=lambda: _load_coder(args),  # shared with `code` in one process
                model=args.model,
                dictionaries=args.dictionary,
                progress=progress,
                on_batch=committed,
            )
        except SetupError as exc:
            raise UsageError(str(exc)) from None
        finally:
            if progress is not None:
                progress.close()
    for failure in report.failures:
        print(f"{PROG}: {failure.doc_id}: could not be coded ({failure.reason})", file=sys.stderr)
    if talk:
        print(f"{PROG}: {report.summary(store.path)}", file=sys.stderr)
    return 1 if failures or report.failures else 0


def _export_format(requested: str | None, out: str | None) -> str:
    if requested:
        return requested
    if out:
        lowered = out.lower()
        for suffix, fmt in ((".csv", "csv"), (".parquet", "parquet"), (".tsv", "gdelt")):
            if lowered.endswith(suffix):
                return fmt
        return "jsonl"
    return "table" if sys.stdout.isatty() else "jsonl"


def run_export(args: argparse.Namespace) -> int:
    from dragoman.cli import UsageError
    from dragoman.dataset.exports import export

    fmt = _export_format(args.format, args.out)
    if fmt == "parquet" and (not args.out or args.out == "-"):
        raise UsageError("parquet is written to a file: give --out FILE.parquet")
    selection = _selection(args)
    with _open(args, write=False) as store:
        export(store, fmt, args.out, selection, args.dedup)
    return 0


def run_stats(args: argparse.Namespace) -> int:
    from dragoman.cli import UsageError
    from dragoman.dataset.stats import Dyad, event_series, write_series
    from dragoman.io.writers import output_stream

    try:
        dyads = tuple(Dyad.parse(spec) for spec in args.dyad)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.plot and not args.plot.lower().endswith(".png"):
        raise UsageError(f"--plot {args.plot}: the plot is a PNG file (FILE.png)")
    selection = _selection(args)
    fmt = args.format or ("table" if sys.stdout.isatty() and not args.out else "csv")
    with _open(args, write=False) as store:
        series = event_series(store, args.by, args.measure, dyads, selection, args.dedup)
    with output_stream(args.out) as stream:
        write_series(series, stream, fmt)
    if args.plot:
        from dragoman.dataset.plot import plot_series

        _write_atomically(args.plot, lambda tmp: plot_series(series, tmp))
    return 0


def _write_atomically(path: str, write) -> None:
    """Call ``write(tmp)`` on a temporary file beside ``path``, then move it into place."""
    from dragoman.io.atomic import atomic_path

    with atomic_path(path) as tmp:
        write(tmp)


DATASET_COMMANDS = {"ingest": run_ingest, "export": run_export, "stats": run_stats}
