"""Start the chat web UI: `python app.py [--host H] [--port N] [--index DIR]` (or BOT_HOST, BOT_PORT, BOT_INDEX)."""

import argparse
import os

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

    from bot import BotError, CareerBot
    from bot.ui import Permission, create_app, launch

    try:
        bot = CareerBot.load(index_dir=args.index)
    except BotError as e:
        raise SystemExit(f"error: {e}") from None
    permission = Permission(args.admin_password, args.host)
    launch(create_app(bot, args.feedback, permission), args.host, args.port, bot.settings.max_file_bytes)


if __name__ == "__main__":
    main()
