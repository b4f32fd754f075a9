"""Offline stand-ins for the web, for the demo, the tests and the benchmarks.

- ``sample``: three fictional Indonesian news sites served on 127.0.0.1 (``kliping demo``);
- ``fixture_server``: serves a directory of fixture pages with sitemaps and feeds;
- ``mirror``: a download handler that answers ``https://<host>/`` from a local server
  (``KLIPING_MIRROR``), so the real site definitions crawl the sample sites unchanged.
"""
