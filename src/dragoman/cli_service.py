"""``dragoman serve``: the HTTP API and the web page, in one process.

A thin layer over ``dragoman.service``: it parses options, loads the Coder once (before
the server starts listening, so the first request does not wait for spaCy), and hands
the app to uvicorn. FastAPI and uvicorn are imported only when the command runs, so the
other commands work without them.
"""

from __future__ import annotations

import argparse


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not number > 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number of seconds")
    return number


def _port(value: str) -> int:
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number (1-65535)")
    return int(value)


def add_service_command(sub: argparse._SubParsersAction) -> None:
    """Add ``serve`` to the ``dragoman`` parser."""
    from dragoman.cli_dataset import _add_db, _positive
    from dragoman.service.limits import Limits

    defaults = Limits()
    serve = sub.add_parser(
        "serve",
        help="the HTTP API and the web page",
        description="Start the HTTP service: POST /v1/code, /v1/annotate and /v1/classify; "
        "GET /v1/events, /v1/stats, /v1/network and /health; the OpenAPI description at "
        "/openapi.json; and the web page at /, to code an article and explore the store.",
    )
    _add_db(serve)
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s)"
    )
    serve.add_argument("--port", type=_port, default=8000, help="port (default: %(default)s)")
    serve.add_argument(
        "--timeout",
        type=_seconds,
        default=defaults.timeout,
        metavar="SECONDS",
        help="time limit per request, queueing included; past it the answer is 504 "
        "(default: %(default)g)",
    )
    serve.add_argument(
        "--max-bytes",
        type=_positive,
        default=defaults.max_body_bytes,
        metavar="N",
        help="largest request body accepted; larger ones get 413 (default: %(default)s)",
    )
    serve.add_argument(
        "--workers",
        type=_positive,
        default=defaults.workers,
        metavar="N",
        help="threads coding documents at once (default: %(default)s)",
    )
    serve.add_argument("--model", metavar="NAME", help="spaCy pipeline (as for `code`)")
    serve.add_argument(
        "--dictionary", metavar="FILE", action="append", default=[], help="an actor dictionary"
    )


def run_serve(args: argparse.Namespace) -> int:
    import sys

    from dragoman.cli import PROG, UsageError, _load_coder
    from dragoman.dataset.store import default_db

    try:
        import uvicorn

        from dragoman.service import Limits, create_app
    except ImportError as exc:
        raise UsageError(
            f"the service needs FastAPI and uvicorn ({exc}): pip install fastapi uvicorn"
        ) from None
    coder = _load_coder(args)
    limits = Limits(max_body_bytes=args.max_bytes, timeout=args.timeout, workers=args.workers)
    db = args.db or default_db()
    app = create_app(coder, db=db, limits=limits)
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"{PROG}: serving http://{host}:{args.port}/ (store: {db}); Ctrl-C stops",
          file=sys.stderr, flush=True)  # fmt: skip
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


SERVICE_COMMANDS = {"serve": run_serve}
