"""A fourth outside audit (session 17): site files and stored strings. Each attack was found to
fail, then fixed. Real CLI runs and real crawls in child processes against servers on 127.0.0.1,
Parquet read back with pyarrow.

- a user's site file whose regexes backtrack without end (``(a+)+$``) on a hostile URL: the crawl's
  reactor hung;
- control characters from a page's JSON-LD stored in the Parquet title, authors, tags, section;
- site files of the right syntax and the wrong shape (huge lists, huge strings, selectors that
  are no XPath).
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from kliping.dataset.storage import read_dataset
from tests.conftest import FAST, kliping_cmd, one_line
from tests.hostile.test_audit3 import _page, _routes
from tests.hostile.test_content import BASE, DOMAIN, WINDOW, ContentServer


def _run(*args: str, sites: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KLIPING_SITES_PATH"}
    if sites is not None:
        env["KLIPING_SITES_PATH"] = str(sites)
    return subprocess.run(kliping_cmd(*args), capture_output=True, text=True, timeout=timeout, env=env)


def _site_file(folder: Path, key: str = "kabarku", **fields: str) -> Path:
    """``folder/key.py``: a site of DOMAIN listed by its feed; ``fields`` are Python source of
    fields to set or override (``article_pattern="r'/berita/'"``)."""
    folder.mkdir(parents=True, exist_ok=True)
    given = {"sources": f"(Source('feed', {BASE + '/feed/'!r}),)", "article_pattern": r"r'/berita/[a-z-]+/$'",
             **fields}
    body = "".join(f"    {k}={v},\n" for k, v in given.items())
    text = ("from kliping.sites.base import Layout, Site, Source\n"
            f"SITE = Site(\n    key={key!r}, name='Kabarku', domain={DOMAIN!r},\n{body})\n")
    path = folder / f"{key}.py"
    path.write_text(text, encoding="utf-8")
    return path


# -- 1. a user's regexes, bounded ------------------------------------------------------------------

NESTED = {  # field: its Python source, a pattern with a repeat inside a repeat
    "article_pattern": r"r'/berita/(a+)+$'",
    "skip_patterns": r"(r'/video/', r'/foto/(\w+\s?)*$')",
    "url_time": r"r'/(?P<h>\d\d)(?P<mi>\d\d)(?:\d*)*/'",
    "layouts": r"(Layout('V1', boilerplate=(r'^(?:Baca juga:?\s*)+$', r'^([a-z]*)*$')),)",
    "title_suffix": r"(Layout('V1', title_suffix=r'\s*-\s*(?:[\w.]+\s?)+$'),)",
}
NESTED_FIELD = {"article_pattern": "'article_pattern'", "skip_patterns": "'skip_patterns[1]'",
                "url_time": "'url_time'", "layouts": "'layouts[0].boilerplate[1]'",
                "title_suffix": "'layouts[0].title_suffix'"}


@pytest.mark.parametrize("name", list(NESTED))
def test_a_site_regex_with_a_repeat_inside_a_repeat_is_refused_naming_the_field(tmp_path, name) -> None:
    """``(a+)+$`` (a repeat whose body is itself a repeat with nothing else it must match) tries
    2^n ways to split n letters before it gives up: on ``http://x/aaa…a!`` (32 letters) the
    crawl's reactor hung in ``Site.is_article``. Such a pattern was loaded as valid; now it is
    refused when the site file loads, one line naming the file and the field."""
    field = "layouts" if name == "title_suffix" else name
    path = _site_file(tmp_path / "sites", **{field: NESTED[name]})
    r = _run("sites", sites=tmp_path / "sites")
    assert r.returncode == 2, r.stdout + r.stderr
    line = one_line(r)
    assert str(path) in line and f"field {NESTED_FIELD[name]}" in line and "repeat" in line, line


def test_the_registry_patterns_are_not_refused() -> None:
    """The package's own sites (and generic's) keep loading: their nested repeats are separated by
    a character the inner one cannot match (``(?:-[a-z0-9]+){2,}``), which splits one way only."""
    from kliping.sites.base import nested_repeat
    from kliping.sites.registry import all_sites
    from kliping.spiders.generic import generic_site

    sites = [*all_sites().values(), generic_site("kabar.example")]
    for site in sites:
        for pattern in (site.article_pattern, *site.skip_patterns, site.url_time or ""):
            assert nested_repeat(pattern) is None, (site.key, pattern)
    for bad in (r"(a+)+$", r"(a*)*", r"(?:\w+\s?)+x", r"(?:(?:ab)+|c)+", r"((a+)?b?)+"):
        assert nested_repeat(bad) is not None, bad
    for fine in (r"(?:-[a-z]+)+", r"(?>a+)+", r"(?:a++)+", r"(?:a+b)+", r"a+b+", r"(?:ab)+", r"(a{2})+",
                 r"[a-z]{1,60000}", r"(?:x(?:y(?:z(?:w)+)+)+)+"):
        assert nested_repeat(fine) is None, fine


HOSTILE_LINK = f"{BASE}/berita/{'a' * 80}!/"


def test_a_backtracking_pattern_and_a_hostile_link_stop_no_crawl(tmp_path) -> None:
    """A pattern no load-time check refuses (an alternation whose branches overlap:
    ``(?:[a-z]|[a-z]{2})+`` splits 80 letters in fib(80) ways) met a link of the site's feed made
    for it: the crawl's reactor hung in ``Site.is_article``, the run never ended (killed here after
    60 s). Now every match of a site's URL pattern is bounded in time (and a URL longer than
    Scrapy fetches is no article): the hostile link is no article, one WARNING says so, and the
    crawl keeps the site's real articles."""
    sites = tmp_path / "sites"
    _site_file(sites, article_pattern=r"r'/berita/(?:[a-z]|[a-z]{2})+/$'")
    pages = {"/berita/banjirrobsurut/": _page("Banjir rob surut"),
             "/berita/tanggullautdibangun/": _page("Tanggul laut dibangun")}
    routes = _routes(pages)
    feed = routes[f"{BASE}/feed/"][1].replace(
        b"<item>", f"<item><link>{HOSTILE_LINK}</link></item><item>".encode(), 1)
    routes[f"{BASE}/feed/"] = ("application/rss+xml", feed)
    start = time.monotonic()
    with ContentServer(routes) as server:
        r = _run("crawl", "kabarku", *WINDOW, "--out", str(tmp_path / "out"), "--mirror",
                 json.dumps(server.mirror), *FAST, sites=sites, timeout=60)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-3000:]
    assert time.monotonic() - start < 45
    arts = sorted(a["url"] for a in read_dataset(tmp_path / "out" / "articles").to_pylist())
    assert arts == sorted(f"{BASE}{p}" for p in pages)
    warned = [line for line in r.stderr.splitlines() if "WARNING" in line and "article_pattern" in line]
    assert len(warned) == 1 and "kabarku" in warned[0] and "no match" in warned[0], r.stderr[-3000:]


# -- 2. control characters in stored strings --------------------------------------------------------

CONTROL_LD = json.dumps({
    "@context": "https://schema.org", "@type": "NewsArticle",
    "headline": "Banjir\x1b[2J di Medan\x07 surut", "description": "Ringkasan\x00 berita\x9b banjir",
    "author": {"@type": "Person", "name": "Budi\x07 Santoso"}, "articleSection": "Me\x1b]0;x\x07tro",
    "keywords": "banjir\x7f,rob\u0085pesisir", "datePublished": "2025-03-10T09:00:00+07:00",
})


def _controls(value: object, body: bool = False) -> list[str]:
    allowed = "\t\n" if body else ""
    if isinstance(value, list):
        return [c for v in value for c in _controls(v)]
    if not isinstance(value, str):
        return []
    return [c for c in value if (ord(c) < 32 or 0x7F <= ord(c) < 0xA0) and c not in allowed]


def test_control_characters_from_a_page_are_not_stored(tmp_path) -> None:
    """A page's JSON-LD (``json.loads`` of ``"\\u001b"``) put escape sequences, BEL, NUL, DEL and
    C1 controls in the Parquet title, description, authors, section and tags as they were (a
    terminal or a CSV reader of the dataset then did what they said). Now every string of a row
    is stored without C0/C1 control characters; the body keeps its paragraph breaks."""
    page = _page("Banjir di Medan surut", CONTROL_LD).replace(
        b"kata Budi.</p>", b"kata\x1b[31m Budi.\x07</p>", 1)
    pages = {"/2025/03/10/banjir-di-medan-surut/": page}
    with ContentServer(_routes(pages)) as server:
        r = _run("crawl", "generic", "--domain", DOMAIN, *WINDOW, "--out", str(tmp_path / "out"),
                 "--mirror", json.dumps(server.mirror), *FAST, timeout=120)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-3000:]
    (art,) = read_dataset(tmp_path / "out" / "articles").to_pylist()
    found = {k: _controls(v, body=k == "text") for k, v in art.items()}
    assert not any(found.values()), {k: v for k, v in found.items() if v}
    assert art["title"] == "Banjir[2J di Medan surut", art["title"]
    assert art["authors"] == ["Budi Santoso"] and art["section"] == "Me]0;xtro", art
    assert "\n\n" in art["text"] and "kata[31m Budi." in art["text"], art["text"]
    assert _run("verify", str(tmp_path / "out")).returncode == 0


# -- 3. site files of the right syntax and the wrong shape ------------------------------------------

HUGE = {  # case: (fields, the field named)
    "skip-patterns-1e6": ({"skip_patterns": "tuple(f'/tag{i}/' for i in range(10**6))"}, "'skip_patterns'"),
    "pattern-10mb": ({"article_pattern": "'/berita/' + 'a' * 10_000_000"}, "'article_pattern'"),
    "prune-xpaths-1e6": ({"layouts": "(Layout('V1', prune_xpaths=tuple(f'//div[@id=\"a{i}\"]' "
                                     "for i in range(10**6))),)"}, "'layouts[0].prune_xpaths'"),
    "boilerplate-1e5": ({"layouts": "(Layout('V1', boilerplate=tuple(f'^Baca{i}' for i in range(10**5))),)"},
                        "'layouts[0].boilerplate'"),
    "xpath-10mb": ({"layouts": "(Layout('V1', body_xpath='//div' + '[1]' * 3_000_000),)"},
                   "'layouts[0].body_xpath'"),
}


@pytest.mark.parametrize("case", list(HUGE))
def test_a_huge_list_or_string_in_a_site_file_is_refused_at_once(tmp_path, case) -> None:
    """A site file may be a valid Python file of the wrong size: a million skip patterns, prune
    XPaths or boilerplate lines, a pattern or an XPath of 10 MB. Each was compiled (by every
    command, and by every cleaning worker, as each loads the registry): minutes before anything
    ran (10^4 skip patterns 1.6 s, 10^5 alternatives in one pattern 11.5 s, 1 MB of pattern 7.8 s),
    and boilerplate lines compiled again on every page. Now a list longer than 200 items or a
    regex or XPath longer than 10,000 characters is refused when the file loads, naming the field."""
    fields, named = HUGE[case]
    path = _site_file(tmp_path / "sites", **fields)
    start = time.monotonic()
    r = _run("sites", sites=tmp_path / "sites", timeout=60)
    assert time.monotonic() - start < 20
    assert r.returncode == 2, r.stdout[-2000:] + r.stderr[-2000:]
    line = one_line(r)
    assert str(path) in line and f"field {named}" in line, line
    assert len(line) < 1000, line


EVAL_ERRORS = {  # case: (fields, the field named, a word of the message)
    "variable": ({"pagination": "'next_link'", "next_page_xpath": "\"//a[@rel=$next]/@href\""},
                 "'next_page_xpath'", "$next"),
    "function": ({"layouts": "(Layout('V1', body_xpath='//div[contains-token(@class, \"isi\")]'),)"},
                 "'layouts[0].body_xpath'", "contains-token"),
    "prefix": ({"layouts": "(Layout('V1', prune_xpaths=('//div[@class=\"iklan\"]', '//ad:slot')),)"},
               "'layouts[0].prune_xpaths[1]'", "ad:"),
    "exslt-in-the-cleaner": ({"layouts": "(Layout('V1', date_xpath='//time[re:test(@class, \"tgl\")]'),)"},
                             "'layouts[0].date_xpath'", "re:"),
    "source": ({"sources": f"(Source('date_index', '{BASE}/indeks?d={{date}}&p={{page}}', "
                           "next_page_xpath='//a[@class=$kelas]/@href'),)"},
               "'sources[0].next_page_xpath'", "$kelas"),
}


@pytest.mark.parametrize("case", list(EVAL_ERRORS))
def test_an_xpath_that_fails_only_on_a_page_is_refused_at_load(tmp_path, case) -> None:
    """lxml compiles ``//a[@rel=$next]``, ``//div[contains-token(…)]`` and ``//ad:slot``: the
    variable, the function and the namespace prefix are looked up when the expression meets a
    page. So such an XPath passed the load-time check, then failed on every page: in the spider
    (``next_page_xpath``) a "Spider error" traceback and the article or listing lost; in the
    cleaner (a layout's selectors) silently nothing, the site's rule never applied. The cleaner
    registers no EXSLT namespace, so ``re:test()`` there is the same. Now each is refused when
    the file loads, naming the field."""
    fields, named, word = EVAL_ERRORS[case]
    path = _site_file(tmp_path / "sites", **fields)
    r = _run("sites", sites=tmp_path / "sites")
    assert r.returncode == 2, r.stdout[-2000:] + r.stderr[-2000:]
    line = one_line(r)
    assert str(path) in line and f"field {named}" in line and word in line, line


def test_the_selectors_a_spider_may_use_load() -> None:
    """What parsel (the spider's selectors) gives beside XPath 1.0 stays allowed in the XPaths
    the spider evaluates: ``has-class()``, EXSLT ``re:`` and ``set:``; and every built-in site loads."""
    from kliping.sites.base import Site, Source
    from kliping.sites.registry import all_sites

    assert all_sites()
    index = Source("date_index", "https://kabar.example/i?d={date}&p={page}",
                   next_page_xpath="//a[has-class('next')]/@href | //a[re:test(@href, 'p=\\d+')]/@href")
    site = Site(key="kabarku", name="k", domain="kabar.example", article_pattern="/berita/",
                sources=(index,), pagination="next_link",
                next_page_xpath="//a[text()='Berikutnya' or starts-with(@title, 'x:$y')]/@href"
                                " | //link[@rel='next']/@href | child::a[1] div (2)")
    assert site.sources[0].next_page_xpath.startswith("//a[has-class")


HOOK = '''
def fix(article, raw):
    if "banjir" in article["url"]:
        return {**article, "word_count": "banyak", "tags": "satu,dua", "extra": 1}
    return article
'''


def test_a_site_hook_that_returns_the_wrong_types_loses_one_page(tmp_path) -> None:
    """A site's ``post_process`` hook is the user's own Python: one that returned a field of the
    wrong type (``word_count="banyak"``, ``tags`` as a string) or a field the dataset has not gave
    a row Arrow refused when the batch was written: the crawl stopped as on a full disk, with
    every article of the batch. Now such a row is a ``clean_error`` naming the field, and the
    other articles are kept."""
    sites = tmp_path / "sites"
    path = _site_file(sites, article_pattern=r"r'/berita/[a-z-]+/$'", post_process="fix")
    path.write_text(path.read_text().replace("SITE = Site(", HOOK + "\n\nSITE = Site("))
    pages = {"/berita/banjir-rob-surut/": _page("Banjir rob surut"),
             "/berita/tanggul-laut-dibangun/": _page("Tanggul laut dibangun")}
    with ContentServer(_routes(pages)) as server:
        r = _run("crawl", "kabarku", *WINDOW, "--out", str(tmp_path / "out"), "--mirror",
                 json.dumps(server.mirror), *FAST, sites=sites, timeout=120)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-3000:]
    arts = [a["url"] for a in read_dataset(tmp_path / "out" / "articles").to_pylist()]
    assert arts == [f"{BASE}/berita/tanggul-laut-dibangun/"], r.stderr[-3000:]
    (err,) = read_dataset(tmp_path / "out" / "errors").to_pylist()
    assert err["kind"] == "clean_error" and "post_process gave field 'tags'" in err["error"], err


KEYS_AND_URLS = {  # case: (the file's key, fields, the field named, a word of the message)
    # Scrapy: "There are several spiders with the same name: GenericSpider named 'generic' …"
    "generic": ("generic", {}, "'key'", "generic"),
    # site=<key> is a directory of every dataset: more than 255 bytes is no file name
    "long-key": ("k" * 250, {}, "'key'", "64"),
    # the check formatted it: 300 MB, and so would every listing request
    "page-width": ("kabarku", {"sources": f"(Source('date_index', '{BASE}/i/{{date}}/"
                                          "{page:>300000000}'),)"}, "'sources[0].url'", "{page:>300000000}"),
    "date-attribute": ("kabarku", {"sources": f"(Source('date_index', '{BASE}/i/{{date}}/"
                                              "{date.year}'),)"}, "'sources[0].url'", "{date.year}"),
    # a 20,000-character URL: Scrapy drops every request of it unsent (URLLENGTH_LIMIT)
    "long-url": ("kabarku", {"sources": f"(Source('date_index', '{BASE}/i/{{date}}/{{page}}', "
                                        "date_format='%Y' * 5000),)"}, "'sources[0].url'", "2,083"),
}


@pytest.mark.parametrize("case", list(KEYS_AND_URLS))
def test_a_key_or_a_listing_url_no_crawl_can_use_is_refused_at_load(tmp_path, case) -> None:
    """A key ``generic`` made a second spider of that name (Scrapy warned, then used either); a
    key of 250 letters a partition directory no file system can name; a date_index URL with a
    format spec of 300 million characters, an attribute of ``{date}``, or a date format making
    20,000-character URLs loaded, then crawled nothing or ran out of memory. Now each is refused
    at load, naming the field."""
    key, fields, named, word = KEYS_AND_URLS[case]
    path = _site_file(tmp_path / "sites", key=key, **fields)
    start = time.monotonic()
    r = _run("sites", sites=tmp_path / "sites")
    assert time.monotonic() - start < 20
    assert r.returncode == 2, r.stdout[-2000:] + r.stderr[-2000:]
    line = one_line(r)
    assert str(path) in line and f"field {named}" in line and word in line, line


@pytest.mark.parametrize(("key", "domain", "word"), [
    ("generic", "www.kabarku.example", "'generic'"),
    ("k" * 70, "www.kabarku.example", "64"),
    ("kabarku", "co.id", "public suffix"),
    ("kabarku", "blogspot.com", "public suffix"),
], ids=["generic", "long-key", "co.id", "blogspot.com"])
def test_scaffold_writes_no_site_file_that_does_not_load(tmp_path, key, domain, word) -> None:
    """``kliping scaffold`` checked the key's letters and the domain's shape only: it wrote a
    definition (key ``generic``, a 70-letter key, ``--domain co.id``) that the registry then
    refused, so every later command of the user (``kliping sites``, ``kliping crawl`` of any site)
    ended in that error until the file was deleted by hand. Now scaffold loads the definition it
    would write first: one line, nothing written."""
    sites = tmp_path / "sites"
    r = _run("scaffold", key, "--domain", domain, "--sites-dir", str(sites))
    assert r.returncode == 2, r.stdout + r.stderr
    assert word in one_line(r)
    assert not list(sites.rglob("*.py")) and not list(sites.rglob("*.json"))
    assert _run("sites", sites=sites if sites.is_dir() else None).returncode == 0


@pytest.mark.parametrize(("pattern", "word"), [
    ("(?:x" * 20 + "a" + ")+" * 20, "nested 20 deep"),
    ("(?:(?:a{100}){100}){100}", "1,000,000 items"),
    ("/berita/a{1000000}", "1,000,008 items"),
], ids=["deep", "unrolled", "wide"])
def test_a_url_pattern_the_regex_package_cannot_compile_small_is_refused(tmp_path, pattern, word) -> None:
    """The regex package (the URL patterns' time limit) unrolls bounded repeats and nests its
    compiled form as deep as the repeats: 20 nested repeats took 1.2 s to compile, 40 all the
    memory a 2 GB limit allowed, 100 (``(?:(?:…a+)+)+``) got the process killed by the kernel;
    ``(?:(?:a{100}){100}){100}`` 0.6 s, three of {1000} the memory. Now repeats nested more than 4
    deep, or unrolling to more than 100,000 items, are refused at load, before compiling."""
    path = _site_file(tmp_path / "sites", article_pattern=repr(pattern))
    r = _run("sites", sites=tmp_path / "sites")
    assert r.returncode == 2, r.stdout[-2000:] + r.stderr[-2000:]
    line = one_line(r)
    assert str(path) in line and "field 'article_pattern'" in line and word in line, line


def test_url_matches_are_bounded_in_length_and_time(caplog) -> None:
    """A URL over 2,083 characters (Scrapy never requests one) is no article, unmatched; a match
    past the time limit is no match; the first timeout of a pattern is one WARNING, later ones
    (a page of such links) are not logged; a URL that timed out is not tried again."""
    import logging

    from kliping.sites.base import MATCH_SECONDS, URL_MAX_LENGTH, Site, Source

    site = Site(key="kabarku", name="k", domain=DOMAIN, sources=(Source("feed", f"{BASE}/feed/"),),
                article_pattern=r"/berita/(?:[a-z]|[a-z]{2})+/$", url_time=r"/(?P<h>\d\d)(?P<mi>\d\d)/")
    long_url = f"{BASE}/berita/abc/" + "x" * URL_MAX_LENGTH
    assert not site.is_article(long_url) and site.url_time_re.search(long_url + "/1230/") is None
    assert site.is_article(f"{BASE}/berita/banjirrobsurut/")
    hostile = [f"{BASE}/berita/{'a' * (80 + i)}!/" for i in range(3)]
    start = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="kliping.sites.base"):
        assert not any(site.is_article(u) for u in hostile + hostile)
    assert time.monotonic() - start < 3 * MATCH_SECONDS + 1.0
    assert [r.levelname for r in caplog.records] == ["WARNING"], caplog.records
    assert site._article_re.timeouts == 3


@pytest.mark.parametrize(("field", "value", "named"), [
    ("article_pattern", r"r'/berita/{e<=2}banjir'", "'article_pattern'"),
    ("skip_patterns", r"(r'/video/', r'/(?:foto){e<=1}/')", "'skip_patterns[1]'"),
])
def test_a_url_pattern_the_two_regex_engines_read_apart_is_refused(tmp_path, field, value, named) -> None:
    """``re`` (which checks a site file) reads a ``{`` that is no repeat as a brace; the regex
    package (which matches the URL patterns, for its time limit) reads ``{e<=1}`` as fuzzy
    matching: ``/(?:foto){e<=1}/`` skipped "/foo/" and "/fotp/" too, a pattern meant to match a
    literal brace matched URLs without one. Now such a brace is refused at load: escape it."""
    path = _site_file(tmp_path / "sites", **{field: value})
    r = _run("sites", sites=tmp_path / "sites")
    assert r.returncode == 2, r.stdout[-2000:] + r.stderr[-2000:]
    line = one_line(r)
    assert str(path) in line and f"field {named}" in line and "fuzzy" in line, line
