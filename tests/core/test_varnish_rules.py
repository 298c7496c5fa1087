"""What deploy/varnish/default.vcl decides on the app's behalf agrees with the app.

Query strings: ``normalise_query`` drops, per kind of page, the query parameters the app does
not read there, so tracking tags and cache-busters neither miss the cache nor reach the app
servers. These tests read its branches out of the VCL and apply them as Varnish does (the
same regular expressions, first matching branch, then sorted), and render every reader route
while recording which parameters the code asks ``request.GET`` for: a page that starts
reading a parameter Varnish would drop fails here, not in production.
(tests/e2e/test_edge.py checks the same VCL through a real Varnish.)

The content API reads its query through django-ninja, which takes every parameter at once, so
reads cannot be recorded there: its parameters are the ones its OpenAPI document declares for
each GET, and the VCL's /api/ branch must keep all of them.

Two kinds of reading do not count as using a parameter: the canonical link repeating the
ones a page was asked with (``broadsheet.metadata``), and a ``{% fragment %}`` naming one in
its cache key. Both only echo what the request carried; once Varnish has dropped it, neither
sees it, and the page says the same.

Request bodies: ``keep_request_body`` refuses forms larger than Django's
DATA_UPLOAD_MAX_MEMORY_SIZE, the size over which the app refuses them itself.
"""

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.http import QueryDict
from django.urls import URLPattern, URLResolver, get_resolver

from broadsheet.api.urls import api
from broadsheet.articles.stories import Story
from broadsheet.newsletters.models import Edition, EditionStatus, Newsletter
from tests import factories
from tests.live.conftest import make_blog

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "default.vcl"
TRACKING = "utm_source=news&utm_medium=email&utm_campaign=am&fbclid=IwAR0&gclid=Cj0&r=123&_=9"
# Paths Varnish passes to the app untouched, query string and all (vcl_recv): not normalised.
PASSED = ("admin/", "accounts/", "comments/", "documents/", "subscriptions/", "_util/")
# Routes of the content API that answer no GET: its writes (POST and PATCH, which Varnish
# passes by method) and the root of its prefix, which django-ninja names and answers with 404.
NOT_READ = {
    "api-v1:api-root",
    "api-v1:create",
    "api-v1:update",
    "api-v1:publish",
    "api-v1:submit",
    "api-v1:correct",
    "api-v1:hero",
}
ECHOES = ("broadsheet.metadata.",)  # modules whose reads only repeat what was asked
FRAGMENT_TAG = "broadsheet.caching.templatetags.broadsheet_fragments"


# The VCL, read and applied ----------------------------------------------------------------


@dataclass(frozen=True)
class Branch:
    """One branch of normalise_query: for URLs matching ``when`` (None: the ``else``),
    ``set req.url = regsub[all](req.url, pattern, replacement)``."""

    when: str | None
    pattern: str
    replacement: str
    everywhere: bool  # regsuball rather than regsub


SET_URL = re.compile(r'set req\.url = (regsuball|regsub)\(\s*req\.url,\s*"([^"]*)",\s*"([^"]*)"\);')
CONDITION = re.compile(r'(?:if|elsif) \(req\.url ~ "([^"]*)"\) \{|else \{')


def normalise_query_source() -> str:
    text = VCL.read_text()
    start = text.index("sub normalise_query {")
    return text[start : text.index("\n}\n", start)]


def vcl_branches() -> tuple[list[Branch], list[str]]:
    """The branches in order, and the statements after them (each a line of VCL)."""
    source = normalise_query_source()
    chain_end = source.rindex("\n    }\n") + len("\n    }\n")
    branches = []
    for head in CONDITION.finditer(source, 0, chain_end):
        found = SET_URL.search(source, head.end())
        function, pattern, replacement = found.groups()
        branches.append(Branch(head.group(1), pattern, replacement, function == "regsuball"))
    tail = [line.strip() for line in source[chain_end:].splitlines() if line.strip()]
    tail = [line for line in tail if not line.startswith("#")]
    return branches, tail


def substitute(url: str, pattern: str, replacement: str, everywhere: bool) -> str:
    # VCL strings have no escapes: the text between the quotes is the regular expression.
    return re.sub(pattern, replacement, url, count=0 if everywhere else 1)


def forwarded(url: str) -> str:
    """The URL Varnish looks up and asks the app for, given the URL a reader asked for."""
    branches, tail = vcl_branches()
    branch = next(b for b in branches if b.when is None or re.search(b.when, url))
    url = substitute(url, branch.pattern, branch.replacement, branch.everywhere)
    for statement in tail:
        if statement == "set req.url = std.querysort(req.url);":
            # std.querysort sorts the parameters and leaves out empty ones ("a=1&&b=2&").
            path, mark, query = url.partition("?")
            url = path + mark + "&".join(sorted(part for part in query.split("&") if part))
        elif found := SET_URL.search(statement):
            function, pattern, replacement = found.groups()
            url = substitute(url, pattern, replacement, function == "regsuball")
        else:
            raise AssertionError(
                f"normalise_query does something this test cannot follow: {statement}"
            )
    return url


def kept(url: str, names: set[str]) -> set[str]:
    """Which of ``names`` survive normalisation of ``url`` when all of them are given."""
    query = "&".join(f"{name}=1" for name in sorted(names))
    sent = f"{url}{'&' if '?' in url else '?'}{query}"
    return {name for name, _ in parse_qsl(urlsplit(forwarded(sent)).query, keep_blank_values=True)}


# What the pages read ------------------------------------------------------------------------


class ReadRecorder(QueryDict):
    """``request.GET`` that notes every parameter asked for by name, and who asked."""

    def __init__(self, *args, **kwargs) -> None:
        self.used: set[str] | None = None  # not while QueryDict fills itself in
        super().__init__(*args, **kwargs)
        self.used = set()

    def _note(self, key: str) -> None:
        if self.used is None:
            return
        frame = sys._getframe(2)
        while frame and not frame.f_globals.get("__name__", "").startswith("broadsheet."):
            frame = frame.f_back
        if frame is None:
            self.used.add(key)  # Django's or Wagtail's own views (e.g. sitemap pages, ?p=)
            return
        module, function = frame.f_globals["__name__"], frame.f_code.co_name
        if module.startswith(ECHOES) or (module == FRAGMENT_TAG and function == "render"):
            return
        self.used.add(key)

    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def __contains__(self, key) -> bool:
        self._note(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        self._note(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self._note(key)
        return super().getlist(key, default)


def record_reads(get_response: Callable) -> Callable:
    """Middleware, outermost: gives each request a :class:`ReadRecorder` as ``GET``."""

    def middleware(request):
        request.GET = ReadRecorder(request.META.get("QUERY_STRING", ""))
        return get_response(request)

    return middleware


@pytest.fixture
def newsroom(home, section, author, settings):
    settings.MIDDLEWARE = [f"{__name__}.record_reads", *settings.MIDDLEWARE]
    factories.name_test_site("The Test Gazette")
    article = factories.make_article(section, authors=[author], tags=["harbour"])
    story = Story.objects.create(title="The harbour wall", slug="harbour-wall")
    article.story, article.story_note = story, "The council meets the engineers."
    article.save_revision().publish()
    blog = make_blog(section, title="The harbour wall, as it happens", slug="harbour-wall-live")
    newsletter = Newsletter.objects.create(name="Morning Tide", slug="morning-tide")
    edition = Edition.objects.create(
        newsletter=newsletter, subject="The harbour wall", status=EditionStatus.SENT
    )
    return {
        "section": section,
        "article": article,
        "author": author,
        "story": story,
        "blog": blog,
        "newsletter": newsletter,
        "edition": edition,
    }


# Every reader route: a URL for it, given the newsroom. Keys are the route names in the URL
# configuration (its pattern where it has no name); Wagtail's pages get one URL per type.
ROUTES: dict[str, Callable[[dict], str]] = {
    "wagtail_serve front page": lambda n: "/",
    "wagtail_serve section": lambda n: n["section"].url,
    "wagtail_serve article": lambda n: n["article"].url,
    "wagtail_serve live blog": lambda n: n["blog"].url,
    "site:author": lambda n: f"/authors/{n['author'].slug}/",
    "site:tag": lambda n: "/topics/harbour/",
    "site:archive": lambda n: "/archive/",
    "site:archive_year": lambda n: f"/archive/{n['article'].published_at:%Y}/",
    "site:archive_month": lambda n: f"/archive/{n['article'].published_at:%Y/%m}/",
    "site:search": lambda n: "/search/?q=harbour",
    "site:breaking": lambda n: "/breaking/",
    "feeds:site": lambda n: "/feeds/rss/",
    "feeds:section": lambda n: f"/feeds/sections/{n['section'].slug}/atom/",
    "feeds:topic": lambda n: "/feeds/topics/harbour/json/",
    "feeds:author": lambda n: f"/feeds/authors/{n['author'].slug}/rss/",
    "feeds:comments": lambda n: f"/feeds/comments/{n['article'].pk}/rss/",
    "feeds:sitemap_index": lambda n: "/sitemap.xml",
    "feeds:sitemap_section": lambda n: "/sitemap-articles.xml",
    "feeds:news_sitemap": lambda n: "/sitemap-news.xml",
    "feeds:robots_txt": lambda n: "/robots.txt",
    "stories:story": lambda n: f"/stories/{n['story'].slug}/",
    "stories:story_feed": lambda n: f"/stories/{n['story'].slug}/feed/atom/",
    "newsletters:index": lambda n: "/newsletters/",
    "newsletters:archive": lambda n: f"/newsletters/{n['newsletter'].slug}/",
    "newsletters:feed": lambda n: f"/newsletters/{n['newsletter'].slug}/feed/",
    "newsletters:edition": lambda n: n["edition"].get_absolute_url(),
    "favicon.ico": lambda n: "/favicon.ico",
    "api-v1:openapi-json": lambda n: "/api/v1/openapi.json",
    "api-v1:openapi-view": lambda n: "/api/v1/reference",
    "api-v1:list_articles": lambda n: f"/api/v1/articles?section={n['section'].slug}&limit=5",
    "api-v1:article_by_path": lambda n: f"/api/v1/articles/by-path?path={n['article'].url}",
    "api-v1:article": lambda n: f"/api/v1/articles/{n['article'].pk}?fields=title",
    "api-v1:search": lambda n: "/api/v1/search?q=harbour",
    "api-v1:sections": lambda n: "/api/v1/sections",
    "api-v1:authors": lambda n: "/api/v1/authors",
    "api-v1:tags": lambda n: "/api/v1/tags?limit=10",
    "api-v1:comments": lambda n: f"/api/v1/articles/{n['article'].pk}/comments",
    "api-v1:site": lambda n: "/api/v1/site",
    "api-v1:live_blogs": lambda n: "/api/v1/liveblogs?status=live",
    "api-v1:live_blog": lambda n: f"/api/v1/liveblogs/{n['blog'].pk}",
    "api-v1:live_entries": lambda n: f"/api/v1/liveblogs/{n['blog'].pk}/entries?limit=5",
    "api-v1:stories": lambda n: "/api/v1/stories",
    "api-v1:story": lambda n: f"/api/v1/stories/{n['story'].slug}",
}


def reader_routes(patterns=None, prefix: str = "", namespace: str = "") -> set[str]:
    """Every route of the URL configuration outside the paths Varnish passes."""
    found = set()
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(PASSED):
            continue
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found |= reader_routes(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern):
            found.add(f"{namespace}{entry.name}" if entry.name else route)
    return found


# The tests ----------------------------------------------------------------------------------


def test_every_reader_route_is_checked_here(db):
    routes = {key.split(" ")[0] for key in ROUTES}

    assert reader_routes() - NOT_READ == routes


def test_the_paths_this_test_skips_are_the_ones_varnish_passes():
    source = VCL.read_text()
    recv = source[source.index("sub vcl_recv {") :]
    passing = re.search(r'req\.url ~ "(\^/\([a-z_|]+\)/)"\s*\|\|', recv).group(1)

    assert all(re.match(passing, "/" + path) for path in PASSED)


@pytest.mark.parametrize("route", ROUTES)
def test_varnish_keeps_every_parameter_the_page_reads(client, newsroom, route):
    url = ROUTES[route](newsroom)

    response = client.get(url)

    assert response.status_code < 400, (url, response.status_code)
    used = response.wsgi_request.GET.used
    assert used <= kept(url, used), (
        f"{url} reads {sorted(used - kept(url, used))}, Varnish drops it"
    )


@pytest.mark.parametrize("route", ROUTES)
def test_tracking_parameters_and_an_empty_query_string_never_reach_the_app(newsroom, route):
    url = ROUTES[route](newsroom)
    path = url.partition("?")[0]

    assert forwarded(f"{path}?") == path
    assert forwarded(f"{path}?{TRACKING}") == path
    assert forwarded(f"{url}{'&' if '?' in url else '?'}{TRACKING}") == forwarded(url)


def api_reads() -> dict[str, set[str]]:
    """Each GET path of the content API and the query parameters its document declares."""
    document = api.get_openapi_schema()
    return {
        path: {p["name"] for p in operations["get"].get("parameters", []) if p["in"] == "query"}
        for path, operations in document["paths"].items()
        if "get" in operations
    }


def test_varnish_keeps_every_parameter_the_api_declares(db):
    reads = api_reads()
    assert (
        "/api/v1/articles" in reads and {"section", "cursor", "fields"} <= reads["/api/v1/articles"]
    )
    for path, names in reads.items():
        url = re.sub(r"\{[a-z_]+\}", "7", path)
        assert kept(url, names) == names, f"{path} takes {sorted(names - kept(url, names))}"
        assert forwarded(f"{url}?{TRACKING}") == url


def test_kept_parameters_reach_the_app_sorted_whatever_their_order():
    assert forwarded("/search/?section=city&utm_source=x&q=ferry&&page=2") == (
        "/search/?page=2&q=ferry&section=city"
    )
    assert forwarded("/city/?sort=oldest&fbclid=a&page=2") == "/city/?page=2&sort=oldest"
    assert forwarded("/sitemap-articles.xml?p=2&gclid=b") == "/sitemap-articles.xml?p=2"
    assert forwarded("/?page=2") == "/"  # the front page reads none
    assert forwarded("/api/v1/articles?tag=ferry&utm_source=x&limit=5&cursor=abc") == (
        "/api/v1/articles?cursor=abc&limit=5&tag=ferry"
    )


def test_varnish_refuses_bodies_over_the_size_the_app_refuses(settings):
    source = VCL.read_text()
    body = source[source.index("sub keep_request_body {") :]
    body = body[: body.index("\n}\n")]

    limits = {int(n) for n in re.findall(r"Content-Length, 0\) > ([0-9]+)", body)}

    assert limits == {settings.DATA_UPLOAD_MAX_MEMORY_SIZE}
