"""``kliping demo [--out DIR]``: the main job on the bundled offline sample sites.

Starts the sample server on 127.0.0.1, crawls every sample site through Scrapy's engine (the
sites' real URLs are served from the local server by the mirror download handler), writes the raw
archive and the articles as Parquet, and prints a per-site summary. Running it twice adds nothing:
the second run skips every article already archived.
"""

from __future__ import annotations

import argparse
from datetime import date

SAMPLE_SINCE = date(2024, 1, 5)
SAMPLE_UNTIL = date(2024, 1, 10)
# The sample server is local: no need to be slow with it.
FAST_LOCAL = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "LOG_LEVEL": "WARNING",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="crawl the bundled offline sample sites into Parquet")
    p.add_argument("--out", default="data/demo", help="output directory (default data/demo)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kliping.cli.common import not_inside_a_dataset
    from kliping.cli.crawl import finish, start_crawl
    from kliping.cli.summary import print_summary
    from kliping.sites.registry import all_sites
    from kliping.testing.sample import SampleServer

    not_inside_a_dataset("--out", args.out)
    sites = [k for k, s in all_sites().items() if s.sample]
    with SampleServer() as server:
        print(f"sample sites served on {server.origin}: {', '.join(sites)}")
        # refused (exit 2, one line) when another run holds --out or it cannot be written
        result = start_crawl(
            sites, args.out, since=SAMPLE_SINCE, until=SAMPLE_UNTIL,
            mirror=server.mirror(), settings=FAST_LOCAL,
        )
    print_summary(args.out, result.stats, result.run_id)
    return finish("demo", result)
