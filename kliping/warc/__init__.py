"""WARC in and out: ``kliping ingest`` (reader, sources, ingest) and ``kliping export --format warc``
(writer). See docs/warc.md."""
