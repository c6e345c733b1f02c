"""The README's Python example prints what the README says it prints (so the two cannot drift apart)."""

import contextlib
import io
import re

import pytest

from tests.conftest import ROOT


@pytest.mark.golden
def test_the_readme_python_example_prints_what_the_readme_shows():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## From Python", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    shown = re.search(r"\nprints\n\n```\n(.*?)```", section, re.S).group(1)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert out.getvalue() == shown
