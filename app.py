"""Start the chat web UI: `python app.py [--host H] [--port N]` (or BOT_HOST / BOT_PORT)."""

import argparse
import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default=os.environ.get("BOT_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("BOT_PORT", "7860")))
    parser.add_argument("--index", default=None, help="index folder (default: index/)")
    args = parser.parse_args()

    from bot import CareerBot
    from bot.ui import create_app

    create_app(CareerBot.load(index_dir=args.index)).launch(server_name=args.host, server_port=args.port)


if __name__ == "__main__":
    main()
