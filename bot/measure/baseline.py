"""The pipeline most people would build, for side-by-side figures: the LangChain tutorial RAG retriever.

RecursiveCharacterTextSplitter(1000, 200) over the same articles, the same embedding model through
langchain-huggingface, LangChain's FAISS vector store, `similarity_search` top-k. It has no answer
step and never refuses: its "answer" is the top chunks it would hand to an LLM. Kept in memory only
(LangChain's FAISS store pickles its docstore on save; we never save it).
"""

from __future__ import annotations

import time
from pathlib import Path

from ..embedding import BUNDLED_NAME, bundled_model_path, quiet_transformers
from ..index.update import corpus_files
from ..ingest import load_article


class LangChainBaseline:
    def __init__(self, corpus_dir, model: str = ""):
        from langchain_community.vectorstores import FAISS
        from langchain_core.documents import Document
        from langchain_huggingface import HuggingFaceEmbeddings
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        quiet_transformers()  # the same offline, quiet settings as our torch backend
        location = str(bundled_model_path()) if model in ("", BUNDLED_NAME) else model
        self.embeddings = HuggingFaceEmbeddings(
            model_name=location, model_kwargs={"device": "cpu"}, encode_kwargs={"normalize_embeddings": True}
        )
        docs = []
        for path in corpus_files(Path(corpus_dir)):
            article = load_article(path)
            docs.append(Document(page_content=article.text, metadata={"article_id": article.id, "title": article.title}))
        started = time.perf_counter()  # the build proper: split, embed, index (model loading excluded)
        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
        self.documents = splitter.split_documents(docs)
        self.store = FAISS.from_documents(self.documents, self.embeddings)
        self.build_s = time.perf_counter() - started

    def search(self, query: str, k: int = 4):
        return self.store.similarity_search(query, k=k)
