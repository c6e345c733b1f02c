"""The house rules a reviewer would otherwise check by hand: short functions, and modules that only import the
steps below them (corpus -> index -> retrieval -> answer -> conversation -> apps), read from the source with `ast`."""

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parent.parent / "bot"
MAX_FUNCTION_LINES = 80  # issue 21: no function in bot/ over 80 lines

# The pipeline, lowest first: a module may import only modules of its own step or of a step before it.
# Words and settings come first (everything reads them); the front ends and measurements last.
LAYERS = (
    ("text", "errors", "files", "onnx_model"),
    ("config",),
    ("embedding", "tables", "pdf_text"),
    ("ingest",),
    ("chunking", "question", "stance"),
    ("library", "index.rows", "index.segments"),
    ("index.store",),
    ("index.search", "index.check", "index.update"),
    ("retrieval",),
    ("profile", "excerpts"),
    ("evidence",),
    ("answer", "feedback"),
    ("conversation",),
    ("apps", "measure"),
)
# `CareerBot.as_retriever` hands the bot to the LangChain adapter, which imports nothing of the bot: the one way up,
# imported inside the method so that the chat never loads LangChain.
ALLOWED_UP = {("conversation", "apps.langchain")}


def _modules() -> dict[str, Path]:
    return {".".join(p.relative_to(BOT).with_suffix("").parts): p for p in BOT.rglob("*.py")}


def _layer(module: str) -> int:
    for i, names in enumerate(LAYERS):
        if any(module == n or module.startswith(n + ".") for n in names):
            return i
    raise AssertionError(f"bot/{module.replace('.', '/')}.py is in no layer of tests/test_house.py: add it where it belongs")


def _imports(module: str, path: Path, known: set[str]) -> set[str]:
    """The bot modules `module` imports (relative or absolute, at the top or inside a function): for
    `from .index import update` that is index.update, not the package."""
    package = module.split(".")[:-1]  # "apps.ui.__init__" and "apps.ui.chat" both sit in apps.ui
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or not (node.level or (node.module or "").startswith("bot.")):
            continue
        base = package[: len(package) - (node.level - 1)] if node.level else []
        source = ".".join(base + (node.module or "").removeprefix("bot.").split(".")).strip(".")
        for alias in node.names:
            name = f"{source}.{alias.name}".strip(".")
            out.add(name if name in known else source)
    return out & known


def test_no_function_is_longer_than_80_lines():
    long = []
    for module, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{module}.{node.name}: {lines} lines")
    assert not long, long


def _upward(modules: dict[str, Path]) -> list[str]:
    known = {m.removesuffix(".__init__") for m in modules}
    up = []
    for module, path in modules.items():
        if module in ("__init__", "__main__"):
            continue  # the package's face (`from bot import CareerBot`) and `python -m bot`
        for target in _imports(module, path, known):
            if _layer(target) > _layer(module) and (module, target) not in ALLOWED_UP:
                up.append(f"{module} imports {target}")
    return up


def test_modules_import_only_the_steps_below_them():
    assert not _upward(_modules()), _upward(_modules())


@pytest.mark.parametrize("line", ["from .answer import Answer", "from . import conversation",
                                  "def f():\n    from bot.evidence import gather"])
def test_an_import_upward_is_caught(tmp_path, line):
    """The check can fail: a retrieval module importing the answer step, however it is written, is a step up."""
    (tmp_path / "retrieval.py").write_text(line + "\n")
    for name in ("answer", "conversation", "evidence"):
        (tmp_path / f"{name}.py").write_text("")
    modules = {p.stem: p for p in tmp_path.glob("*.py")}
    assert len(_upward(modules)) == 1
