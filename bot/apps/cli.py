"""The one command line: `python -m bot serve|ask|index build|add|remove|list|eval|bench` (`app.py` is `serve`).

Parses every option once into `Settings`, then hands over: `index.update` changes the index, `CareerBot`
answers, `ui` serves (after a check that the port is free). A `BotError` becomes one line on stderr and exit
status 1, never a traceback (bad files among several given to `index add`, or in the corpus folder of an `index
build`: one line each, then one saying nothing was added or built).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from dataclasses import asdict

from ..config import Settings
from ..errors import ArticlesError, BotError


def model_options(p: argparse.ArgumentParser, default) -> None:
    p.add_argument("--model", default=default,
                   help="embedding model: a folder or a locally cached name (env BOT_MODEL; default: bundled all-MiniLM-L6-v2)")
    p.add_argument(
        "--backend", choices=["auto", "onnx", "torch"], default=default,
        help="how the model runs: onnx (exported locally once; fast, no torch), torch, or auto = onnx where the model allows (env BOT_BACKEND)",
    )


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bot", description="Ask the career guides; manage the index.")
    model_options(p, None)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_index(sp):
        sp.add_argument("--index", metavar="DIR", help="index folder (env BOT_INDEX; default: index/)")
        sp.add_argument("--corpus", metavar="DIR", help="article folder (env BOT_CORPUS; default: the folder the "
                                                        "index was built from, else corpus/)")
        model_options(sp, argparse.SUPPRESS)  # also after the command: `python app.py --model X` is `serve --model X`
        return sp

    index = sub.add_parser("index", help="build, add to, remove from or list the index")
    isub = index.add_subparsers(dest="action", required=True, metavar="ACTION")
    build = with_index(isub.add_parser("build", help="make the index match the corpus folder (only new or changed articles are embedded)"))
    build.add_argument("--skip-unreadable", action="store_true",
                       help="leave out files that cannot be read, each named, instead of building nothing")
    from ..ingest import SUPPORTED  # what ingest reads, named where a user looks: the help cannot drift from it

    kinds = " ".join(SUPPORTED)
    a = with_index(isub.add_parser("add", help=f"copy article files ({kinds}) into the corpus and index them"))
    a.add_argument("paths", nargs="+", metavar="PATH", help=f"article files ({kinds})")
    r = with_index(isub.add_parser("remove", help="remove an article (its vectors and its corpus file)"))
    r.add_argument("article_id", metavar="ARTICLE_ID", help="as shown by `index list`")
    with_index(isub.add_parser("list", help="list the indexed articles"))
    with_index(isub.add_parser("check", help="read every file of the index and print each problem found (exit status 1 if any)"))

    s = with_index(sub.add_parser("serve", help="start the chat web app (the default command of app.py)"))
    s.add_argument("--host", help="address to listen on (env BOT_HOST; default: 127.0.0.1)")
    s.add_argument("--port", type=int, help="port (env BOT_PORT; default: 7860)")
    s.add_argument("--feedback", metavar="PATH", help="the SQLite file of ratings and comments, one row per answer "
                                                      "(env BOT_FEEDBACK; default: feedback.db)")
    s.add_argument("--admin-password", help="needed to add or remove articles in the web app (env BOT_ADMIN_PASSWORD); "
                                            "without it, changes are allowed only on a loopback address")
    q = with_index(sub.add_parser("ask", help="ask a question and print the answer with its sources"))
    q.add_argument("question", metavar="QUESTION")
    q.add_argument("--json", action="store_true", help="print the answer, citations and searched query as JSON")
    e = with_index(sub.add_parser("eval", help="answer quality on a question set, beside the LangChain tutorial baseline"))
    e.add_argument("--dataset", metavar="PATH", help="JSONL question set (default: eval/dev.jsonl)")
    e.add_argument("--json", action="store_true", help="print the figures as JSON")
    e.add_argument("--libraries", default="all", metavar="NAMES",
                   help="benchmark libraries to answer, beside the two baselines: all (default: after the bundled "
                        "question sets), only (the libraries alone), none, or names separated by commas "
                        "(eval/libraries/README.md)")
    fb = sub.add_parser("feedback", help="print the ratings and comments the web app kept, as JSON lines or CSV")
    fb.add_argument("--feedback", metavar="PATH", help="the feedback file (env BOT_FEEDBACK; default: feedback.db)")
    fb.add_argument("--format", choices=["jsonl", "csv"], default="jsonl", help="output format (default: jsonl)")
    bn = sub.add_parser("bench", help="speed and scale figures, beside the LangChain tutorial pipeline (takes minutes)")
    bn.add_argument("--json", action="store_true", help="print the figures as JSON")
    bn.add_argument("--sizes", default="1000,10000", help="synthetic corpus sizes in articles (default: 1000,10000)")
    bn.add_argument("--worker", metavar="INDEX", help=argparse.SUPPRESS)  # one size in a fresh process
    bn.add_argument("--extra-article", metavar="PATH", help=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if argv is None and args.command != "serve" and hasattr(signal, "SIGPIPE"):
        # `... | head` ends quietly, not with a traceback. Only for commands that print and end: a server that
        # restored SIGPIPE's default would be killed by the first client closing its connection mid-answer.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        return _run(args)
    except ArticlesError as e:  # files added or built together: one line per bad one, then what happened
        for error in e.errors:
            print(f"error: {error}", file=sys.stderr)
        print(e.advice, file=sys.stderr)
        return 1
    except BotError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except OSError as e:  # a file-system failure not met where it happens: still one line, never a traceback
        print(f"error: {e.strerror or e}{f' ({e.filename})' if e.filename else ''}: check the folders' permissions and "
              "free space", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: the index is unchanged unless the last line said it was saved", file=sys.stderr)
        return 130


def _settings(args) -> Settings:
    options = ("index", "corpus", "host", "port", "feedback", "admin_password")
    given = {name: getattr(args, name, None) for name in options}
    return Settings.from_env(index_dir=given.pop("index"), corpus_dir=given.pop("corpus"), model=args.model,
                             backend=args.backend, **given)


def _run(args) -> int:
    settings = _settings(args)
    if args.command == "serve":
        return _serve(settings)
    if args.command == "ask":
        from ..conversation import CareerBot

        answer = CareerBot.load(settings=settings).ask(args.question)
        if not answer.citations and not args.index and "BOT_INDEX" not in os.environ:
            # Asked of the default index, and it had nothing: a user who built a library of their own and left out
            # --index was told the bundled guides "don't cover “opticians”" (a tester's), not where it looked.
            print(f"note: asked the library in {settings.index_dir}; give --index DIR to ask another", file=sys.stderr)
        if args.json:
            print(json.dumps(asdict(answer), ensure_ascii=False, indent=2))
        else:
            print(answer.to_text())
        return 0

    if args.command == "feedback":
        from ..feedback import FeedbackStore

        if not settings.feedback.is_file():
            raise BotError(f"no feedback file {settings.feedback}: pass the one the app wrote with --feedback PATH")
        sys.stdout.write(FeedbackStore(settings.feedback).export(args.format))
        return 0

    if args.command == "bench":
        from pathlib import Path

        from ..measure import bench

        if args.worker:
            extra = Path(args.extra_article) if args.extra_article else None
            print(json.dumps(bench.worker(Path(args.worker), extra)))
        else:
            sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
            print(bench.run(sizes, args.json))
        return 0

    if args.command == "eval":
        from ..conversation import CareerBot
        from ..measure.evaluate import run

        if args.libraries != "only":
            print(run(CareerBot.load(settings=settings), args.dataset, args.json))
        if args.libraries != "none" and not args.dataset:
            from ..embedding import embedder_for
            from ..measure import libraries

            chosen = None if args.libraries in ("all", "only") else [n.strip() for n in args.libraries.split(",")]
            print("\n" + libraries.evaluate(chosen, embedder_for(settings), model=settings.model))
        return 0
    return _index(args, settings)


def _index(args, settings: Settings) -> int:
    """`index check|list|remove|build|add`."""
    from ..embedding import embedder_for
    from ..index import update
    from ..index.store import IndexStore

    if args.action == "check":
        from ..index.check import check_index

        problems = check_index(settings.index_dir)
        print("\n".join(problems) if problems else f"{settings.index_dir}: no problems found")
        return 1 if problems else 0
    if args.action == "list":
        store = IndexStore.load(settings.index_dir)
        print(f"{_count(len(store.articles), 'article')}, {len(store.chunks)} chunks in {settings.index_dir} (model {store.model})")
        for a in sorted(store.articles.values(), key=lambda a: a.id):
            site = f" ({a.site})" if a.site else ""
            print(f"{a.id}\t{_count(a.chunks, 'chunk')}\t{a.title}{site}")
        return 0
    if args.action == "remove":
        _, report = update.remove(args.article_id, settings)
        if report.missing_files:
            print(f"removed {args.article_id} from {settings.index_dir}; its file was not in the corpus folder "
                  f"({report.missing_files[0]})")
        else:
            print(f"removed {args.article_id} from {settings.index_dir} and its file from the corpus")
        return 0
    embedder = embedder_for(settings)
    if args.action == "build":
        store, report = update.build(settings, embedder, progress=sys.stderr.isatty(), skip_unreadable=args.skip_unreadable)
    else:
        store, report = update.add(args.paths, settings, embedder, progress=sys.stderr.isatty())
    print(f"{report.summary()}; {_count(len(store.articles), 'article')}, {len(store.chunks)} chunks in {settings.index_dir}")
    if report.note():
        print(report.note(), file=sys.stderr)
    return 0


def _serve(settings: Settings) -> int:
    busy = _busy(settings.host, settings.port)
    if busy:
        raise BotError(f"cannot listen on {settings.host}:{settings.port} ({busy}): start on another port with "
                       f"--port N (or BOT_PORT=N)")
    print("Loading the model and the index (the first start on a machine also exports the model to ONNX, "
          "several seconds) ...", file=sys.stderr, flush=True)
    import os

    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no calls home, before Gradio is imported
    from ..conversation import CareerBot
    from .ui import Permission, create_app, launch

    bot = CareerBot.load(settings=settings)
    permission = Permission(settings.admin_password, settings.host)
    launch(create_app(bot, settings.feedback, permission), settings.host, settings.port, settings.max_file_bytes)
    return 0


def _busy(host: str, port: int) -> str:
    """Why `host:port` cannot be listened on ("already in use"), or "" when it can."""
    import socket

    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
            s.bind((host, port))
    except OSError as e:
        return e.strerror or str(e)
    return ""


def _count(n: int, noun: str) -> str:
    """"1 article", "3 articles"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
