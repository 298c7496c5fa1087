"""Serving benchmark: the production stack on 127.0.0.1 against nginx serving a static file.

    .venv/bin/python bench/serve.py                      # 1,000 articles, 10,000 comments
    .venv/bin/python bench/serve.py --articles 100000 --comments 1000000 --duration 10
    .venv/bin/python bench/serve.py --only 'nginx|Varnish'   # some rows (a regex over names)

Builds a dataset in a fresh PostgreSQL database (with a progress bar), starts Varnish, one
``broadsheet serve`` (2 workers), the worker and Redis keys of its own (tests/e2e/stack.py),
and the nginx front (deploy/nginx/cache.conf's proxy_cache) before the same app server, runs
``wrk`` against each page, then serves the same article HTML as a static file from nginx and
prints one table: requests/s, p50, p99 and the ratio to nginx static. Every target is
127.0.0.1; everything started is stopped by PID at the end.
"""

import argparse
import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# Measuring --------------------------------------------------------------------------------------


POST_SCRIPT = """
counter = 0
request = function()
  counter = counter + 1
  local n = tostring(counter) .. "-" .. tostring(math.random(1, 1000000000))
  local body = "name=Bench+reader&email=b" .. n .. "%40readers.example&website=&token={token}"
    .. "&text=Comment+" .. n .. "+about+the+earlier+crossing+and+the+early+shift"
  return wrk.format("POST", "{path}", {{["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/json", ["Origin"] = "{origin}",
    ["X-Forwarded-Proto"] = "https"}}, body)
end
"""

NGINX_CONF = """
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  default_type text/html;
  client_body_temp_path {tmp}/nginx-body;
  proxy_temp_path {tmp}/nginx-proxy;
  fastcgi_temp_path {tmp}/nginx-fastcgi;
  uwsgi_temp_path {tmp}/nginx-uwsgi;
  scgi_temp_path {tmp}/nginx-scgi;
  server {{ listen 127.0.0.1:{port}; root {tmp}/www; index index.html; gzip_static on; }}
}}
"""


def to_ms(output: str, percentile: int) -> float:
    """A latency percentile from wrk's --latency output, in ms (NaN if nothing completed)."""
    found = re.search(rf"{percentile}%\s+([\d.]+)(us|ms|s)\b", output)
    if not found:
        return float("nan")
    number, unit = found.groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def wrk(
    url: str, duration: int, *, script: Path | None = None, header: bool = True, gzip: bool = False
) -> dict:
    assert url.startswith("http://127.0.0.1:"), url
    command = ["wrk", "-t2", "-c32", f"-d{duration}s", "--latency", "--timeout", "10s"]
    if header:
        command += ["-H", "X-Forwarded-Proto: https"]
    if gzip:  # what every browser sends
        command += ["-H", "Accept-Encoding: gzip"]
    if script:
        command += ["-s", str(script)]
    out = subprocess.run(  # noqa: S603 (fixed command, loopback URL asserted above)
        [*command, url], capture_output=True, text=True, timeout=duration + 60, check=True
    ).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": to_ms(out, 50),
        "p99": to_ms(out, 99),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }


def start_nginx(stack, html: str) -> tuple[str, int]:
    from tests.ports import free_port

    port = free_port()
    (stack.tmp / "www").mkdir(mode=0o755)
    (stack.tmp / "www" / "index.html").write_text(html)
    # gzip_static serves this to clients that accept gzip: compressed once, as Varnish does.
    (stack.tmp / "www" / "index.html.gz").write_bytes(gzip.compress(html.encode(), 6))
    stack.tmp.chmod(0o755)  # nginx's workers run as an unprivileged user
    conf = stack.tmp / "nginx.conf"
    conf.write_text(NGINX_CONF.format(tmp=stack.tmp, port=port))
    subprocess.run(["nginx", "-c", str(conf), "-p", str(stack.tmp)], check=True)  # noqa: S603,S607
    for _ in range(100):
        if (stack.tmp / "nginx.pid").exists():
            break
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}/", int((stack.tmp / "nginx.pid").read_text())


# The VCL of the measurement the targets come from (../shared/docs/research/
# performance-anchors.md, row B): no cookies, no Set-Cookie, an hour's TTL. Its backend is
# nginx's copy of the article, asked without Accept-Encoding so the stored body is plain.
CONTROL_VCL = """vcl 4.1;
backend static {{ .host = "127.0.0.1"; .port = "{port}"; }}
sub vcl_recv {{ unset req.http.Cookie; }}
sub vcl_backend_fetch {{ unset bereq.http.Accept-Encoding; }}
sub vcl_backend_response {{ unset beresp.http.Set-Cookie; set beresp.ttl = 1h; }}
"""


def start_control_varnish(stack, nginx_url: str) -> tuple[str, int]:
    """A second Varnish with the minimal VCL above in front of nginx: Varnish's own limit."""
    from tests.e2e.stack import start_varnishd
    from tests.ports import free_port

    port, vcl = free_port(), stack.tmp / "control.vcl"
    vcl.write_text(CONTROL_VCL.format(port=nginx_url.rstrip("/").rsplit(":", 1)[1]))
    pid = start_varnishd(stack.tmp / "varnish-control", port, vcl)
    url = f"http://127.0.0.1:{port}/"
    stack.wait_for(url, "varnish-control")
    return url, pid


def start_baseline(stack, html: str, workers: int) -> tuple[str, subprocess.Popen]:
    """The bare Wagtail site (bench/baseline) serving ``html`` from one StreamField."""
    from tests.ports import free_port

    port = free_port()
    page = stack.tmp / "baseline.html"
    page.write_text(html)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.baseline.settings",
        "BASELINE_DB": str(stack.tmp / "baseline.sqlite3"),
    }
    subprocess.run(  # noqa: S603 (our own module and arguments)
        [sys.executable, "-m", "bench.baseline.build", str(page)], env=env, cwd=REPO, check=True
    )
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "bench.baseline.wsgi", "--workers", str(workers),
         "--worker-class", "sync", "--bind", f"127.0.0.1:{port}"],
        env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    stack.wait_for(url, "baseline")
    return url, server


def count_comments(stack) -> int:
    import psycopg

    with psycopg.connect(stack.database_url) as conn:
        return conn.execute("SELECT count(*) FROM comments_comment").fetchone()[0]


def measure(
    stack, data: dict, duration: int, only: str = "", workers: int = 2
) -> list[tuple[str, dict]]:
    from tests.e2e.stack import request, start_nginx_front

    varnish, app = stack.varnish, stack.app(0)
    article, section = data["article"], data["section"]
    html = request(varnish + article).body
    nginx_url, nginx_pid = start_nginx(stack, html)
    front = start_nginx_front(stack)  # deploy/nginx/cache-*.conf before the same app server
    baseline_url, baseline = start_baseline(stack, html, workers)
    control_url, control_pid = start_control_varnish(stack, nginx_url)
    token = json.loads(request(f"{varnish}/comments/token/{data['article_id']}/").body)["token"]
    script = stack.tmp / "post.lua"
    script.write_text(
        POST_SCRIPT.format(
            token=token, path=f"/comments/post/{data['article_id']}/", origin=varnish
        )
    )
    time.sleep(3.2)  # the form's timestamp must be older than the "sent too fast" limit
    targets = [
        ("nginx static (same article HTML)", nginx_url, {"header": False}),
        ("article via Varnish (hit)", varnish + article, {}),
        ("article via nginx front (hit)", front + article, {}),
        (CONTROL, control_url, {}),
        ("nginx static, gzip", nginx_url, {"header": False, "gzip": True}),
        ("article via Varnish (hit), gzip", varnish + article, {"gzip": True}),
        ("article via nginx front (hit), gzip", front + article, {"gzip": True}),
        (ARTICLE, app + article, {}),
        (BARE, baseline_url, {}),
        ("front page (uncached)", app + "/", {}),
        ("section page 1 (uncached)", app + section, {}),
        (f"section page {data['deep']} (uncached)", f"{app}{section}?page={data['deep']}", {}),
        ("search 'ferry', every article matches (uncached)", app + "/search/?q=ferry", {}),
        ("search '42', one article matches (uncached)", app + "/search/?q=42", {}),
        ("RSS feed (uncached)", app + "/feeds/rss/", {}),
        ("comment POST via Varnish", f"{varnish}/comments/post/{data['article_id']}/", {}),
    ]
    targets = [target for target in targets if re.search(only, target[0])]
    results = []
    try:
        for name, url, options in targets:
            post = name.startswith("comment POST")
            kwargs = {"script": script} if post else {}
            wrk(url, 2, **kwargs, **options)  # warm-up
            before = count_comments(stack) if post else 0
            result = wrk(url, duration, **kwargs, **options)
            if post:
                accepted = result["requests"] - result["non_2xx"]
                result["note"] = (
                    f"{accepted} accepted, {count_comments(stack) - before} stored, "
                    f"{result['non_2xx']} refused"
                )
            elif result["non_2xx"]:
                result["note"] = f"{result['non_2xx']} non-2xx"
            results.append((name, result))
            print(f"  {name}: {result['rps']:,.0f} req/s", file=sys.stderr)
    finally:
        os.kill(nginx_pid, signal.SIGTERM)
        os.kill(control_pid, signal.SIGTERM)
        baseline.terminate()
        baseline.wait(timeout=30)
    return results


CONTROL = "same HTML via Varnish (hit), minimal VCL (control)"
ARTICLE = "article via app server (uncached, 50 comments)"
BARE = "bare Wagtail page, same HTML from one StreamField (uncached, SQLite)"


def table(results: list[tuple[str, dict]]) -> str:
    """Ratios are to nginx serving the same file the same way: gzip rows to nginx's gzip row."""
    nan = {"rps": float("nan")}
    static = dict(results).get("nginx static (same article HTML)", nan)["rps"]
    static_gzip = dict(results).get("nginx static, gzip", nan)["rps"]
    lines = [
        "| target | req/s | p50 | p99 | ratio to nginx static | note |",
        "|---|---:|---:|---:|---:|---|",
    ]
    if ARTICLE in dict(results) and BARE in dict(results):
        times = dict(results)[ARTICLE]["rps"] / dict(results)[BARE]["rps"]
        dict(results)[ARTICLE]["note"] = f"{times:.2f}x the bare Wagtail page"
    for name, r in results:
        ratio = r["rps"] / (static_gzip if name.endswith("gzip") else static)
        lines.append(
            f"| {name} | {r['rps']:,.0f} | {r['p50']:.2f} ms | {r['p99']:.2f} ms "
            f"| {ratio:.4f} | {r.get('note', '')} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (gthread)")
    parser.add_argument("--only", default="", help="measure only rows whose name matches")
    args = parser.parse_args()
    for tool in ("wrk", "nginx", "varnishd"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(f"{tool} is missing: apt-get install wrk nginx-light varnish")
    if not Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so").exists():
        sys.exit("the nginx front needs: apt-get install libnginx-mod-http-cache-purge")

    from tests.e2e.stack import Stack

    stack = Stack(
        name=f"broadsheet_bench_{os.getpid()}",
        app_servers=1,
        workers_per_server=args.workers,
        threads_per_worker=args.threads,
        settings_module="tests.e2e.settings",  # production, rate limit sized for load
    )
    try:
        stack.start()
        env = {**stack.env, "BROADSHEET_TASKS_BACKEND": "immediate", "BROADSHEET_PURGE_URL": ""}
        built = subprocess.run(  # noqa: S603 (this script, our own arguments)
            [sys.executable, __file__, "build", str(args.articles), str(args.comments),
             str(stack.varnish_port)],
            env=env, cwd=REPO, stdout=subprocess.PIPE, text=True, check=True,
        )  # fmt: skip
        data = json.loads(built.stdout.strip().splitlines()[-1])
        stack.start_servers()
        results = measure(stack, data, args.duration, args.only, args.workers)
    finally:
        stack.stop()
    print(
        textwrap.dedent(f"""
        {args.articles:,} articles, {args.comments:,} comments, PostgreSQL, Redis,
        1 app server x {args.workers} workers x {args.threads} threads,
        wrk -t2 -c32 -d{args.duration}s
        """).strip()
    )
    print(table(results))


if __name__ == "__main__":
    if sys.argv[1:2] == ["build"]:
        _, _, n_articles, n_comments, port = sys.argv
        from bench.dataset import build

        print(json.dumps(build(int(n_articles), int(n_comments), "127.0.0.1", int(port))))
    else:
        main()
