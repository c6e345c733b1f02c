"""Shared fixtures: the real bundled model, small real articles, indexes built into tmp folders."""

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from bot.config import Settings  # noqa: E402
from bot.embedding import get_embedder  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

PORTFOLIO = """---
title: Building a machine learning portfolio
site: Example Careers
url: https://careers.example/portfolio
date: 2024-03-01
---
Recruiters look at portfolios before they read a resume.

## What to include

A strong portfolio shows three end-to-end projects with real data. Each project should have a short write-up that explains the problem, the model and the results. Deploying one model behind a small web demo makes the work easy to try.

## Where to host it

Host the code on GitHub and keep every README clear. A personal website can link the projects together.
"""

INTERVIEWS = """# Preparing for ML interviews

Most interviews for machine learning roles include a coding round and a system design round.
Practice explaining the bias and variance trade-off in plain words.

## Behavioural questions

Interviewers ask about a project you are proud of. Prepare a short story about a model that failed and what you learned from it.
"""

SALARY = """Salaries for junior machine learning engineers vary by city.
In the survey, the median starting salary was $98,000 per year. Senior engineers earned about twice as much.
"""


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "portfolio.md").write_text(PORTFOLIO, encoding="utf-8")
    (folder / "interviews.md").write_text(INTERVIEWS, encoding="utf-8")
    (folder / "salary-survey.txt").write_text(SALARY, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def embedder():
    return get_embedder("")


@pytest.fixture
def settings(tmp_path) -> Settings:
    """A fresh corpus of three small articles and an index folder, both under tmp_path (index not built)."""
    return Settings.from_env(corpus_dir=write_articles(tmp_path / "corpus"), index_dir=tmp_path / "index")


@pytest.fixture
def built(settings, embedder) -> Settings:
    from bot.index import update

    update.build(settings, embedder)
    return settings


@pytest.fixture(scope="session")
def guides_bot(tmp_path_factory):
    """A CareerBot over a copy of the real corpus and committed index (tests may not change the real ones)."""
    from bot import CareerBot

    base = tmp_path_factory.mktemp("guides")
    shutil.copytree(ROOT / "corpus", base / "corpus")
    shutil.copytree(ROOT / "index", base / "index", ignore=shutil.ignore_patterns(".lock"))
    return CareerBot.load(settings=Settings.from_env(index_dir=base / "index", corpus_dir=base / "corpus"))


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_server(tmp_path_factory):
    """The real Gradio app on a free loopback port, over a copy of the guides (uploads don't touch the repo).

    Yields (url, bot, feedback_path).
    """
    from bot import CareerBot
    from bot.apps.ui import create_app, launch

    base = tmp_path_factory.mktemp("app")
    shutil.copytree(ROOT / "corpus", base / "corpus")
    shutil.copytree(ROOT / "index", base / "index", ignore=shutil.ignore_patterns(".lock"))
    bot = CareerBot.load(settings=Settings.from_env(index_dir=base / "index", corpus_dir=base / "corpus"))
    feedback = base / "feedback.db"
    app = create_app(bot, feedback)
    port = free_port()
    launch(app, "127.0.0.1", port, prevent_thread_lock=True, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}/", bot, feedback
    finally:
        app.close()
