"""LangChain's own standard retriever suite, run against CareerBot.as_retriever()."""

import pytest
from langchain_tests.integration_tests import RetrieversIntegrationTests

from bot.apps.langchain import CareerRetriever


class TestCareerRetriever(RetrieversIntegrationTests):
    @pytest.fixture(autouse=True)
    def _bot(self, guides_bot):
        type(self)._shared_bot = guides_bot

    @property
    def retriever_constructor(self):
        bot = type(self)._shared_bot

        def make(**kwargs):
            return CareerRetriever(bot=bot, **kwargs)

        return make

    @property
    def retriever_constructor_params(self) -> dict:
        return {}

    @property
    def retriever_query_example(self) -> str:
        return "What skills does a machine learning engineer need?"


def test_documents_carry_citation_metadata(guides_bot):
    docs = guides_bot.as_retriever(k=2).invoke("How much do machine learning engineers earn?")
    assert len(docs) == 2
    assert docs[0].metadata["article_id"] and docs[0].metadata["title"] and docs[0].id == docs[0].metadata["chunk_id"]
