"""kliping: Indonesian news sites to research-grade Parquet datasets."""

__version__ = "0.1.0"
