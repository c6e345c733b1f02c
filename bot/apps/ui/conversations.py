"""Past conversations, kept in the browser only (the server stores no chat): every conversation of this browser in
localStorage (one object, merged on every save so that two tabs never overwrite each other's), this tab's current
one in sessionStorage (a reload keeps it, another tab starts its own), at most KEPT_CONVERSATIONS, the most
recently changed. The *_JS snippets run in the page; the functions below turn what they carry into chat state.
"""

import json
import uuid
from datetime import datetime, timezone

import gradio as gr

KEPT_CONVERSATIONS = 30
_STORE = f"""
const KEY = "career-bot:conversations", TAB = "career-bot:tab";
const all = () => {{ try {{ const v = JSON.parse(localStorage.getItem(KEY) || "{{}}");
                         return v && typeof v === "object" ? v : {{}}; }} catch (e) {{ return {{}}; }} }};
const listing = (a) => JSON.stringify(Object.values(a).map(c => ({{id: c.id, title: c.title, updated: c.updated}})));
const keep = (a) => {{
  const ids = Object.keys(a).sort((x, y) => (a[y].updated || "").localeCompare(a[x].updated || ""));
  for (const id of ids.slice({KEPT_CONVERSATIONS})) delete a[id];
  while (true) {{
    try {{ localStorage.setItem(KEY, JSON.stringify(a)); return a; }}
    catch (e) {{ const left = Object.keys(a).sort((x, y) => (a[x].updated || "").localeCompare(a[y].updated || ""));
                 if (left.length <= 1) return a; delete a[left[0]]; }}
  }}
}};
"""
LOAD_JS = "() => {" + _STORE + "return [JSON.stringify({all: all(), current: sessionStorage.getItem(TAB) || ''})]; }"
SAVE_JS = ("(snap) => {" + _STORE + "const a = all(); try { const s = JSON.parse(snap); if (s.chat && s.chat.length) a[s.id] = s;"
           " else delete a[s.id]; } catch (e) {} return listing(keep(a)); }")
LIST_JS = "() => {" + _STORE + "return listing(all()); }"
OPEN_JS = "(id, x) => {" + _STORE + "return [id, JSON.stringify({all: all(), current: id})]; }"
FORGET_JS = "(id) => {" + _STORE + "const a = all(); delete a[id]; return listing(keep(a)); }"
REMEMBER_JS = "(id) => { if (id) sessionStorage.setItem('career-bot:tab', id); }"


def restore(payload, examples=()):
    """This tab's conversation from what the browser keeps ({"all": {id: conversation}, "current": id}), or a new
    empty one when there is none (or nothing usable); the past conversations to list; and the question box and Send
    made usable, with the `examples` an empty chat offers. Until then they wait: a question asked before the
    restore lands (a busy server can hold it back) would be wiped by it, answer and all."""
    kept = _read(payload)
    conversations = kept.get("all") if isinstance(kept.get("all"), dict) else {}
    chat, turns, current = _usable(conversations.get(str(kept.get("current") or "")))
    current = current or uuid.uuid4().hex
    listing = [{"id": c.get("id"), "title": c.get("title"), "updated": c.get("updated")} for c in conversations.values()
               if isinstance(c, dict)]
    offered = [{"text": q} for q in examples] or None
    return (gr.update(value=chat, examples=offered), turns, current, past(json.dumps(listing), current),
            gr.update(interactive=True), gr.update(interactive=True))


def reopen(conversation_id, payload):
    """A past conversation chosen in the sidebar."""
    chat, turns, current = _usable(_read(payload).get("all", {}).get(str(conversation_id or "")))
    return chat, turns, current or uuid.uuid4().hex


def new_conversation():
    return [], [], "", uuid.uuid4().hex


def snapshot(chat, turns, conversation_id) -> str:
    """This conversation as the browser keeps it, titled by its first question."""
    first = next((t.get("question", "") for t in turns or [] if isinstance(t, dict)), "")
    title = " ".join(str(first).split())[:60] or "New conversation"
    return json.dumps({"id": conversation_id or uuid.uuid4().hex, "title": title, "chat": chat or [], "turns": turns or [],
                       "updated": datetime.now(timezone.utc).isoformat(timespec="seconds")})


def past(listing, current=""):
    """The sidebar's list: past conversations, the most recently changed first (titles are text, not markup)."""
    try:
        items = [c for c in json.loads(listing or "[]") if isinstance(c, dict) and c.get("id")]
    except ValueError:
        items = []
    items.sort(key=lambda c: str(c.get("updated") or ""), reverse=True)
    return gr.update(choices=[(str(c.get("title") or "Conversation")[:60], str(c["id"])) for c in items],
                     value=current if any(c["id"] == current for c in items) else None)


def _read(payload) -> dict:
    try:
        value = json.loads(payload) if isinstance(payload, str) and payload else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _usable(kept) -> tuple[list, list, str]:
    if isinstance(kept, dict) and isinstance(kept.get("chat"), list) and isinstance(kept.get("turns"), list):
        return kept["chat"], kept["turns"], str(kept.get("id") or "")
    return [], [], ""
