"""Start the chat web UI: `python app.py [--host H] [--port N] [--index DIR]` (or BOT_HOST, BOT_PORT, BOT_INDEX)."""

import argparse
import os
import sys

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no calls home
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default=os.environ.get("BOT_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("BOT_PORT", "7860")))
    parser.add_argument("--index", default=None, help="index folder (default: index/)")
    parser.add_argument("--feedback", default=os.environ.get("BOT_FEEDBACK", "feedback.jsonl"),
                        help="where thumbs up/down and comments are appended (JSONL)")
    parser.add_argument("--admin-password", default=os.environ.get("BOT_ADMIN_PASSWORD"),
                        help="needed to add or remove articles in the web app (env BOT_ADMIN_PASSWORD); without it, "
                             "changes are allowed only on a loopback address")
    args = parser.parse_args()

    busy = _busy(args.host, args.port)
    if busy:
        raise SystemExit(f"error: cannot listen on {args.host}:{args.port} ({busy}): start on another port with "
                         f"--port N (or BOT_PORT=N)")
    print("Loading the model and the index (the first start on a machine also exports the model to ONNX, "
          "about half a minute) ...", file=sys.stderr, flush=True)

    from bot import BotError, CareerBot
    from bot.ui import Permission, create_app, launch

    try:
        bot = CareerBot.load(index_dir=args.index)
    except BotError as e:
        raise SystemExit(f"error: {e}") from None
    permission = Permission(args.admin_password, args.host)
    launch(create_app(bot, args.feedback, permission), args.host, args.port, bot.settings.max_file_bytes)


def _busy(host: str, port: int) -> str:
    """Why `host:port` cannot be listened on ("already in use"), or "" when it can."""
    import socket

    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
            s.bind((host, port))
    except OSError as e:
        return e.strerror or str(e)
    return ""


if __name__ == "__main__":
    main()
