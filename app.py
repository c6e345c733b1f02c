"""Start the chat web app: `python app.py [--host H] [--port N] [--index DIR] ...`, the same as `python -m bot serve`."""
import sys

from bot.apps.cli import main

raise SystemExit(main(["serve", *sys.argv[1:]]))
