"""Who may change the library from the web app: checked by every handler that adds or removes articles (so a
direct call to the app's queue endpoint gets the same refusal) and by the upload gate."""

from __future__ import annotations

import hmac
import ipaddress
import socket


class Permission:
    """Who may change the library from the web app. With an admin password, adding and removing need it
    (compared in constant time); without one, changes are allowed only while the app listens on loopback."""

    def __init__(self, password: str | None, host: str):
        self.password = password or ""
        self.loopback = _is_loopback(host)

    @property
    def changes_possible(self) -> bool:
        return bool(self.password) or self.loopback

    def refusal(self, given) -> str:
        """"" when a change may go ahead, else the one line saying why not."""
        if not self.changes_possible:
            return ("Changing the library is off: the app listens on a public address without an admin password. "
                    "Restart it with --admin-password (or BOT_ADMIN_PASSWORD) to allow it.")
        if self.password and not hmac.compare_digest(str(given or "").encode("utf-8", "replace"), self.password.encode("utf-8")):
            return "Wrong or missing admin password: adding and removing articles needs it."
        return ""


def _is_loopback(host: str) -> bool:
    """Whether every address `host` names is a loopback one. An empty host is not: Gradio would then listen
    wherever GRADIO_SERVER_NAME says (0.0.0.0 in many containers)."""
    if not host:
        return False
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return False
    try:
        return bool(addresses) and all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses)
    except ValueError:
        return False
