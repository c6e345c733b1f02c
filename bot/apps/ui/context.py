"""What the handlers share, handed to each as its first argument: the bot, the feedback store, the permission.

Handlers are plain module-level functions `handler(ctx, *inputs)`; `bind(handler, ctx)` is what an event calls.
"""

from __future__ import annotations

import types
from dataclasses import dataclass

from ...conversation import CareerBot
from ...feedback import FeedbackStore
from .permission import Permission


@dataclass(frozen=True)
class Context:
    bot: CareerBot
    feedback: FeedbackStore
    permission: Permission


def bind(handler, ctx: Context):
    """`handler` with `ctx` as its first argument. A bound method rather than functools.partial: Gradio reads the
    handler's signature and type hints to find its gr.SelectData/LikeData/EditData and gr.Progress parameters, and
    it can read them through a method (whose hints resolve in the handler's module) but not through a partial."""
    return types.MethodType(handler, ctx)
