"""Every error the bot raises on purpose, each with a message that says what to do next.

The CLI prints `str(error)` as one line and exits 1; the UI shows it in the chat. Anything else is a bug.
"""


class BotError(Exception):
    """Base class: a problem the user can fix, described in one line."""


class ArticleError(BotError):
    """An article file cannot be read: empty, binary, too large, corrupt or of an unsupported type."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class ArticlesError(ArticleError):
    """Files given together, some of which cannot be added: `errors` holds one `ArticleError` per bad file
    (`path` and `reason` are the first one's), and none of the files given was added. The message is one line
    per bad file, then `advice`: what happened and what to do (by default, that nothing was added)."""

    ADVICE = "Nothing was added: fix or leave out the files above and run the command again."

    def __init__(self, errors, advice: str | None = None):
        self.errors = list(errors)
        self.path, self.reason = self.errors[0].path, self.errors[0].reason
        self.advice = advice or self.ADVICE
        BotError.__init__(self, "\n".join([*map(str, self.errors), self.advice]))

    @classmethod
    def in_corpus(cls, errors, corpus_dir) -> "ArticlesError":
        """The bad article files of the corpus folder a build read: the build stopped before any write."""
        return cls(errors, f"Nothing was built: fix or move the files above out of {corpus_dir} and run the "
                           "command again, or add --skip-unreadable to build the index without them; the index is unchanged.")


class IndexMissingError(BotError):
    def __init__(self, index_dir, holds_articles: bool = False):
        if holds_articles:  # a tester passed the article folder as --index: building there would mix the two
            super().__init__(f"{index_dir} holds articles, not an index: give it as --corpus and the index another folder, "
                             f"`python -m bot index build --corpus {index_dir} --index {str(index_dir).rstrip('/')}-index`")
            return
        super().__init__(
            f"no index found in {index_dir}: build one with `python -m bot index build --index {index_dir}` (add "
            "`--corpus FOLDER` when your articles are not in corpus/)"
        )


class IndexMismatchError(BotError):
    """The index on disk was built with another model, dimension or format version, or an earlier way of reading
    and splitting articles (`what` "reading": `found` and `expected` are not shown, they are this program's own)."""

    def __init__(self, index_dir, what: str, found, expected):
        if what == "reading":
            super().__init__(f"{index_dir} was built by an earlier version of this program, which read and split articles "
                             f"differently: rebuild it with `python -m bot index build --index {index_dir}` (its articles "
                             "are read again; nothing is lost)")
            return
        super().__init__(
            f"{index_dir} was built with {what} {found}, this run uses {expected}: "
            f"rebuild it with `python -m bot index build --index {index_dir}` (or choose the model it was built with)"
        )


class IndexCorruptError(BotError):
    def __init__(self, index_dir, reason: str):
        super().__init__(
            f"{index_dir} is damaged ({reason}): rebuild it with `python -m bot index build --index {index_dir}`"
        )


class ArticleNotFoundError(BotError):
    def __init__(self, article_id: str, known: list[str]):
        import difflib

        # 0.8: a slip of a letter or two ("interview" for "interviews"); at 0.6 two ids sharing a tail were offered
        # ("the-career-path-of-a-scrum-master" -> "agile-coach-or-scrum-master", 0.67: a tester's).
        close = difflib.get_close_matches(article_id.lower(), known, n=3, cutoff=0.8)
        more = f" and {len(known) - 8} more" if len(known) > 8 else ""
        hint = f"did you mean {' or '.join(map(repr, close))}?" if close else f"known: {', '.join(known[:8]) or 'none'}{more}"
        super().__init__(f"no article {article_id!r} in the index ({hint}); `python -m bot index list` shows them all")


class ModelError(BotError):
    def __init__(self, model: str, reason: str):
        super().__init__(
            f"cannot load embedding model {model!r} ({reason}): pass a local folder with --model or "
            "BOT_MODEL, or unset it to use the bundled all-MiniLM-L6-v2"
        )


class QuestionError(BotError):
    """A question that cannot be asked: empty, or far too long."""


class DiskFullError(BotError):
    """The disk filled up while writing: whatever was written is removed, the previous state stands."""

    def __init__(self, path):
        super().__init__(f"no space left on device while writing {path}; nothing was changed: free some space and try again")


class SettingsError(BotError):
    def __init__(self, name: str, value, expected: str):
        super().__init__(f"setting {name} is {value!r}; it must be {expected} (see --help)")
