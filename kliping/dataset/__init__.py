"""The dataset: Parquet parts on disk and everything that reads or rewrites them.

- ``schema``: every Parquet field of raw, articles, errors and runs (docs/schema.md is generated
  from it); ``outcome``: the one way a cleaning result becomes an article or an error row;
- ``storage``: parts, atomic writes, checked reads; ``verify``: ``kliping verify [--repair]``;
- ``reclean``: cleaning the raw archive again (process pool or Dask); ``workers``: the pool;
- ``export``: filtered exports, in the formats of ``formats`` (one table); ``dedup``:
  near-duplicates; ``exporters``: Scrapy feed exporters (``scrapy crawl SITE -O items.jsonl``).
"""
