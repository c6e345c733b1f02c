"""A career-advice chatbot for would-be machine learning engineers that answers from indexed guides, with citations.

Quick start: `from bot import CareerBot; CareerBot.load().ask("Do I need a master's degree?")`.
"""

from .answer import Answer, Citation
from .config import Settings
from .conversation import CareerBot
from .errors import ArticleError, ArticlesError, BotError, IndexMismatchError, IndexMissingError, QuestionError
from .retrieval import Passage

__all__ = [
    "Answer",
    "ArticleError",
    "ArticlesError",
    "BotError",
    "CareerBot",
    "Citation",
    "IndexMismatchError",
    "IndexMissingError",
    "Passage",
    "QuestionError",
    "Settings",
]
