"""Turn a folder of saved news articles into a cross-linked MkDocs dossier."""

__version__ = "0.1.0"
