"""Crawl on many machines: a shared frontier on Redis (scrapy-redis), see docs/cluster.md.

``kliping crawl SITE... --redis redis://HOST:PORT/DB [--run NAME]`` (or ``scrapy crawl SITE -s
KLIPING_REDIS_URL=redis://…``) switches the scheduler to scrapy-redis with two kliping parts:

- ``ReliableQueue``: a priority queue whose pop moves the request, atomically, into the worker's
  *processing* hash. An entry leaves that hash only once the Parquet parts holding what it produced
  are written (``ClusterRun`` acks at each flush), so a worker killed mid-crawl loses nothing: its
  heartbeat key expires and another worker re-queues its processing entries (``reap``), skipping
  article requests whose article row is already stored.
- ``CompactDupeFilter``: the in-run seen set as 64-bit fingerprints spread over small Redis sets,
  which Redis keeps as *intsets* (8 bytes a member) instead of scrapy-redis's 40-hex strings in one
  big hashtable set (~90 bytes a member); ``bench/distributed.py`` measures both.

All workers of one crawl share a frontier, named ``kliping:<run>:<site>:<since>:<until>``, and one
run id (the first worker's). One worker seeds the listings (``seeded``, SET NX); the others only
consume. A worker stays up while another live worker still holds requests (they may yield more);
the last one to finish writes the run's ledger row from the stats every worker added up in Redis,
checks health on those totals, and deletes the frontier. Incremental skip still comes from the raw
archive, read by each worker at start (``NewsSpider.load_known``).

One Scrapy component kind per module: ``addon`` (``RedisFrontier``, switched on by
``KLIPING_REDIS_URL``), ``scheduler``, ``queue`` (``ReliableQueue``, ``AckTracker``),
``dupefilter`` (``CompactDupeFilter``), ``seeding`` (spider middleware ``ClusterSeeding``),
``extension`` (``ClusterRun``); ``common`` holds the worker id, key names and the Redis client.
"""
