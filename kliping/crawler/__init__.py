"""Crawling: what runs around Scrapy's engine when kliping crawls (docs/design.md, "crawl").

- ``run``: one crawl run from the command line or the API (since/until, the process);
- ``lifecycle``: how every run opens (lock, sweep, repair, ``running`` row) and closes (health,
  status, final row), and the one run-id function;
- ``plan``: what a crawl is about to do (``kliping crawl --dry-run``);
- ``netguard``: only the site's own hosts, robots.txt first, backoff (downloader middlewares);
- ``extensions``: the run's ledger bookkeeping as a Scrapy extension; ``progress``: the live view;
- ``seen``: URLs already archived; ``runlock``: one writer per output; ``ledger``: the runs table;
  ``repair``: cleaning what a killed run archived but did not clean; ``health``: per-site checks.

The spiders and item pipelines stay in :mod:`kliping.spiders` and :mod:`kliping.pipelines`, where
Scrapy users look for them. The package is named ``crawler`` because ``kliping.crawl`` is the
library function (docs/api.md).
"""
