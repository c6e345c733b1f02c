"""Uploads reach the disk before any handler can check a password, so they are bounded where they arrive:
refused outright where the library cannot change, at most UPLOAD_BUDGET_FILES article limits held at once,
and deleted (folder and all) once UPLOAD_MAX_AGE old when nobody added them.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

from .permission import Permission

log = logging.getLogger(__name__)
UPLOAD_BUDGET_FILES = 5  # uploads waiting at once, in units of the article size limit (5 x 20 MB)
UPLOAD_MAX_AGE = 900.0  # seconds an upload that was never added is kept
UPLOAD_SWEEP = 60.0  # seconds between sweeps of expired uploads


class UploadGate:
    """ASGI middleware in front of Gradio's upload route: no uploads where the library cannot change, and no
    new one while the uploads waiting already fill the budget."""

    def __init__(self, app, blocks, permission: Permission, budget: int):
        self.app, self.blocks, self.permission, self.budget = app, blocks, permission, budget

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"].rstrip("/").endswith("/upload"):
            refusal, status = self.refusal(dict(scope["headers"]).get(b"content-length", b"0"))
            if refusal:
                from starlette.responses import PlainTextResponse

                await PlainTextResponse(refusal, status_code=status)(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def refusal(self, length: bytes) -> tuple[str, int]:
        if not self.permission.changes_possible:
            return "Uploads are off: this app cannot change its library (see the Articles tab).", 403
        waiting = sum(_size(f) for f in list(self.blocks.upload_file_set))
        if waiting + int(length or 0) > self.budget:
            return "Too many uploads are waiting to be added: try again in a few minutes.", 429
        return "", 0


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def start_sweeper(app) -> None:
    """A daemon thread deleting uploads older than UPLOAD_MAX_AGE, and the folder Gradio made for each."""
    def sweep():
        while True:
            time.sleep(UPLOAD_SWEEP)
            try:
                for name in list(app.upload_file_set):
                    try:
                        if time.time() - os.stat(name).st_mtime > UPLOAD_MAX_AGE:
                            delete_upload(Path(name))
                    except OSError:
                        pass
                    if not os.path.exists(name):
                        app.upload_file_set.discard(name)
            except Exception:  # the sweeper must outlive any surprise; the next pass tries again
                log.exception("sweeping uploads failed")

    threading.Thread(target=sweep, daemon=True, name="upload-sweeper").start()


def delete_upload(path: Path) -> None:
    """An uploaded file and the folder Gradio made for it (one per upload), once empty."""
    path.unlink(missing_ok=True)
    try:
        path.parent.rmdir()
    except OSError:
        pass  # not empty, or gone already


def is_upload(path: Path) -> bool:
    """A file in Gradio's upload cache (never a file the caller owns)."""
    from gradio.utils import get_upload_folder  # Gradio's own reading of GRADIO_TEMP_DIR

    cache = Path(get_upload_folder()).resolve()
    try:
        return path.resolve().is_relative_to(cache)
    except OSError:
        return False
