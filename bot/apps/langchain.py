"""A LangChain retriever over a `CareerBot`, so the index plugs into LangChain chains.

Returns `Document`s whose metadata names the article, chunk and score. Passes LangChain's own
standard suite (`langchain_tests.integration_tests.RetrieversIntegrationTests`).
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict


class CareerRetriever(BaseRetriever):
    bot: Any  # a CareerBot; Any keeps pydantic from trying to validate it
    k: int = 4

    model_config = ConfigDict(arbitrary_types_allowed=True)

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, **kwargs: Any
    ) -> list[Document]:
        k = int(kwargs.get("k", self.k))
        return [
            Document(
                page_content=p.text,
                id=p.chunk_id,
                metadata={
                    "article_id": p.article.id, "chunk_id": p.chunk_id, "title": p.article.title, "heading": p.heading,
                    "headings_above": list(p.context), "url": p.article.url, "site": p.article.site, "score": p.score, "similarity": p.similarity,
                },
            )
            for p in self.bot.retrieve(query, k=k)
        ]
