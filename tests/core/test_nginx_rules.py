"""What the nginx front (deploy/nginx/cache-*.conf) decides agrees with the VCL and the app.

The front keeps the query parameters Varnish keeps, in the same order, passes the same
cookies and paths, and refuses the same bodies. These tests read the rules out of the nginx
files and apply them as nginx does (a map's regular expressions in order, first match wins);
tests/e2e/test_nginx_front.py runs the files in a real nginx.
"""

import re
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from broadsheet.caching.middleware import DEFAULTS
from tests.core.test_varnish_rules import forwarded

NGINX = Path(__file__).resolve().parents[2] / "deploy" / "nginx"
MAPS = (NGINX / "cache-maps.conf").read_text()
FRONT = (NGINX / "cache-front.conf").read_text()
VCL = (NGINX.parent / "varnish" / "default.vcl").read_text()

# One URL per branch of normalise_query, with every parameter any page reads and some noise.
PARAMETERS = (
    "before=1-2&p=3&page=2&q=ferry&section=city&since=2026-01-01&sort=newest&until=x"
    "&author=ada&cursor=YWI&fields=id,title&format=ninjs&language=en&limit=5&path=/city/a/"
    "&preview=true&published_before=2026-02-01&published_since=2026-01-01&status=live"
    "&story=wall"
    "&tag=ferries&updated_before=2026-02-01&updated_since=2026-01-01"
)
NOISE = "utm_source=news&fbclid=IwAR0&r=123"
PATHS = (
    "/search/",
    "/sitemap-articles.xml",
    "/authors/ada-brennan/",
    "/topics/ferries/",
    "/archive/2026/05/",
    "/",
    "/feeds/rss/",
    "/static/site/site.css",
    "/robots.txt",
    "/favicon.ico",
    "/sitemap.xml",
    "/city/",
    "/city/ferry-timetable/",
    "/api/v1/articles",
    "/api/v1/articles/7",
    "/api/v1/search",
    "/api/v1/liveblogs",
)


def map_block(variable: str) -> list[tuple[str | None, str]]:
    """The entries of ``map … $variable { … }``: (regular expression or None for default, value)."""
    body = re.search(r"map \$\S+ \$" + variable + r" \{(.*?)\n\}", MAPS, re.S).group(1)
    entries = []
    for source, value in re.findall(r'^\s*("[^"]*"|\S+)\s+("[^"]*"|\S+);', body, re.M):
        source, value = source.strip('"'), value.strip('"')
        entries.append((None if source == "default" else source.removeprefix("~"), value))
    return entries


def nginx_forwarded(url: str) -> str:
    """The URL the front looks up and asks the app for ($broadsheet_path$broadsheet_query)."""
    path, _, query = url.partition("?")
    entries = map_block("broadsheet_kept")
    matches = [value for source, value in entries if source and re.search(source, path)]
    value = matches[0] if matches else dict(entries)[None]
    given: dict[str, str] = {}
    for name, arg in parse_qsl(query, keep_blank_values=True):
        given.setdefault(name.lower(), arg)  # $arg_name: the first, any case
    kept = [
        f"{name}={given[name]}"
        for name in re.findall(r"\$broadsheet_q_([a-z_]+)", value)
        if given.get(name)
    ]
    return path + ("?" + "&".join(kept) if kept else "")


@pytest.mark.parametrize("path", PATHS)
def test_the_front_keeps_the_parameters_varnish_keeps_in_the_same_order(path):
    url = f"{path}?{NOISE}&{PARAMETERS}"

    assert nginx_forwarded(url) == forwarded(url)
    assert nginx_forwarded(f"{path}?{NOISE}") == path


def test_every_kept_parameter_has_its_own_map():
    names = set(re.findall(r"\$broadsheet_q_([a-z_]+)", MAPS))
    for name in names:
        assert re.search(rf"map \$arg_{name}\s+\$broadsheet_q_{name}\s", MAPS), name


@pytest.mark.parametrize(
    "cookie",
    [
        "",
        "csrftoken=abc",
        "csrftoken=abc; _ga=GA1.2; _gid=x; _gat_UA1=1; _pk_id.1=x; __utma=1; _fbp=fb",
        "sessionid=abc",
        "csrftoken=abc; sessionid=abc",
        "csrftokenx=1",
        "messages=abc; _ga=1",
        " ; ",
        "=x",
    ],
)
def test_the_front_passes_the_cookies_the_app_treats_as_a_readers(cookie):
    pattern = next(source for source, _ in map_block("broadsheet_reader_cookie") if source)
    ignored = re.compile(DEFAULTS["IGNORED_COOKIES"])
    names = [part.strip().split("=", 1)[0] for part in cookie.split(";") if part.strip()]

    assert bool(re.search(pattern, cookie)) == any(not ignored.match(n) for n in names), cookie


@pytest.mark.parametrize(
    ("accept", "copy"),
    [
        ("gzip, deflate, br", "gzip"),
        ("x-gzip", "gzip"),
        ("deflate, gzip;q=0.5", "gzip"),
        ("gzip;q=0, deflate", "identity"),
        ("gzip;q=0.0", "identity"),
        ("br", "identity"),
        ("identity", "identity"),
        ("", "identity"),
    ],
)
def test_the_gzip_copy_goes_to_clients_that_accept_gzip(accept, copy):
    pattern = next(source for source, _ in map_block("broadsheet_encoding") if source)

    assert ("gzip" if re.search(pattern.removeprefix("*"), accept, re.I) else "identity") == copy


def test_the_front_passes_the_paths_varnish_passes():
    recv = VCL[VCL.index("sub vcl_recv {") :]
    varnish = set(re.search(r'req\.url ~ "\^/\(([a-z_|]+)\)/"', recv).group(1).split("|"))
    nginx = set(re.search(r"location ~ \^/\(([a-z_|]+)\)/ \{", FRONT).group(1).split("|"))

    assert nginx | {"admin"} == varnish and "location ^~ /admin/ {" in FRONT
    assert "location ~ ^/(healthz|readyz) {" in FRONT


def test_the_front_refuses_bodies_over_the_size_the_app_refuses(settings):
    limits = re.findall(r"^client_max_body_size ([0-9]+);", FRONT, re.M)

    assert limits == [str(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)]
