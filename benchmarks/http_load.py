"""Throughput and p95 latency of the public pages under gunicorn, against a bare Django view on the same server, in
three modes: nothing cached; page cache off (the worker keeps the site's shared parts in memory, gongkai/core/site_cache.py,
as after any publish once a page has been read); page cache on (Redis). Plus a 60-second soak at 50 concurrent
clients, and visit counting (gongkai/visits): the counting request's own cost, cached pages against the bare view
while counts arrive at the same time, and 50 concurrent clients' counts, sent against stored.

    python benchmarks/http_load.py [--database postgres://postgres@127.0.0.1:5432/gongkai_bench_http] [--seconds 10]

Needs PostgreSQL, Redis and wrk (apt-get install wrk). Writes its table into the README."""

import argparse
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks._setup import write_readme_section  # noqa: E402

PAGES = {
    "home": "/", "column list": "/news/work/", "article": None, "document": None,
    "2018 report": "/disclosure/annual-reports/2018/", "search": "/search/?query=%E7%A7%91%E6%8A%80%E6%88%90%E6%9E%9C",
    "feed": "/news/work/feed/rss/",
}
PORT = 8787


def prepare(database_url):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "benchmarks.http_settings",
           "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/7")}
    admin_url, name = database_url.rsplit("/", 1)
    import psycopg

    with psycopg.connect(admin_url + "/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([python, "manage.py", "load_demo", "--no-admin"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    code = ("from gongkai.news.models import ArticlePage; from gongkai.disclosure.models import DocumentPage; "
            "print(ArticlePage.objects.live().order_by('pk').first().url); "
            "print(DocumentPage.objects.live().filter(document_number__contains='令').order_by('pk').first().url)")
    out = subprocess.run([python, "manage.py", "shell", "-v0", "-c", code], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    PAGES["article"], PAGES["document"] = out[0], out[1]
    return env


MODES = {"none": ("0", "0"), "uncached": ("0", "1"), "cached": ("1", "1")}  # (page cache, shared parts)


def serve(env, mode, workers):
    page_cache, site_cache = MODES[mode]
    env = {**env, "BENCH_PAGE_CACHE": page_cache, "BENCH_SITE_CACHE": site_cache}
    subprocess.run(["redis-cli", "-n", "7", "flushdb"], capture_output=True)
    server = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "cms.wsgi:application", "--bind", f"127.0.0.1:{PORT}",
                               "--workers", str(workers), "--log-level", "warning"],
                              cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "benchmarks.http_settings"}, start_new_session=True)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/bench/bare/", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def stop(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def wrk(path, seconds, connections=20, threads=2):
    url = f"http://127.0.0.1:{PORT}{path}"
    urllib.request.urlopen(url, timeout=30).read()  # warm the page (and the cache, when on)
    return _wrk_result(_wrk_start(path, seconds, connections, threads))


def _wrk_start(path, seconds, connections=20, threads=2, script="http_load.lua", args=()):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s",
               str(ROOT / "benchmarks" / script), f"http://127.0.0.1:{PORT}{path}"]
    return subprocess.Popen([*command, *(["--", *args] if args else [])], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT / "benchmarks")  # http_count.lua reads http_load.lua from there


def _wrk_result(process):
    out, _err = process.communicate()
    if process.returncode:
        raise SystemExit(f"wrk failed: {out}")
    return json.loads(out.strip().splitlines()[-1])


BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


def count_token(path):
    """The counting token a page carries (gongkai/visits/templatetags/gongkai_visits.py)."""
    import re

    html = urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=30).read().decode()
    return re.search(r'data-token="([^"]+)"', html).group(1)


def with_counts(path, token, seconds):
    """Requests per second of `path` (20 connections) while counts arrive on 10 more, as readers' browsers send them."""
    counts = _wrk_start("/visits/hit/", seconds, connections=10, threads=1, script="http_count.lua", args=[token])
    page = _wrk_start(path, seconds)
    return {**_wrk_result(page), "counts": _wrk_result(counts)}


def stored_views(env, path):
    """The views stored today for the page at `path`, read from the database."""
    code = ("from django.db.models import Sum; from django.utils import timezone; from wagtail.models import Page; "
            "from gongkai.visits.models import PageViews; "
            f"page = [p for p in Page.objects.live() if p.url == {path!r}][0]; "
            "print(PageViews.objects.filter(day=timezone.localdate(), page_id=page.pk).aggregate(n=Sum('views'))['n'] or 0)")
    out = subprocess.run([sys.executable, "manage.py", "shell", "-v0", "-c", code], cwd=ROOT,
                         env={**env, "DJANGO_SETTINGS_MODULE": "benchmarks.http_settings"}, check=True,
                         capture_output=True, text=True).stdout
    return int(out.split()[-1])


def concurrent_counts(token, clients=50, each=100):
    """`clients` threads, each with its own keep-alive connection, send `each` counts at once; returns (sent and
    answered 204, seconds)."""
    import http.client
    import threading

    answered, start = [], threading.Barrier(clients)
    body = "t=" + token
    headers = {"Content-Type": "application/x-www-form-urlencoded", "User-Agent": BROWSER}

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        start.wait()
        ok = 0
        for _ in range(each):
            connection.request("POST", "/visits/hit/", body, headers)
            response = connection.getresponse()
            response.read()
            ok += response.status == 204
        answered.append(ok)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(answered), time.monotonic() - began


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/gongkai_bench_http")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--soak-seconds", type=int, default=60)
    args = parser.parse_args()
    env = prepare(args.database)
    results, counting = {}, {}
    for mode in MODES:
        server = serve(env, mode, args.workers)
        try:
            # Warm every worker on every URL first (imports, templates, the workers' memory), so that the row measured
            # first, the bare view, does not pay for the others' start-up.
            for path in ["/bench/bare/", *PAGES.values()]:
                wrk(path, 2)
            results[("bare", mode)] = wrk("/bench/bare/", args.seconds)
            results[("bare", mode)]["bare_rps"] = results[("bare", mode)]["rps"]
            for name, path in PAGES.items():
                # The bare view again just before each page: this machine's speed drifts by a third within minutes,
                # and a ratio against a baseline measured minutes earlier would mostly measure the drift.
                bare = wrk("/bench/bare/", max(3, args.seconds // 2))
                results[(name, mode)] = {**wrk(path, args.seconds), "bare_rps": bare["rps"]}
                print(name, mode, results[(name, mode)], flush=True)
            if mode == "cached":
                soak = wrk("/", args.soak_seconds, connections=50, threads=4)
                soak_search = wrk(PAGES["search"], max(10, args.soak_seconds // 6), connections=50, threads=4)
                # Visit counting: its own cost, then pages and the bare view under the same stream of counts.
                token = count_token(PAGES["article"])
                bare = wrk("/bench/bare/", max(3, args.seconds // 2))
                counting["hit"] = {**_wrk_result(_wrk_start("/visits/hit/", args.seconds, script="http_count.lua",
                                                            args=[token])), "bare_rps": bare["rps"]}
                for name in ("home", "article", "document"):
                    bare = with_counts("/bench/bare/", token, max(3, args.seconds // 2))
                    counting[name] = {**with_counts(PAGES[name], token, args.seconds), "bare_rps": bare["rps"]}
                    print("counting", name, counting[name], flush=True)
                before = stored_views(env, PAGES["article"])
                sent, took = concurrent_counts(token)
                counting["concurrent"] = {"sent": sent, "stored": stored_views(env, PAGES["article"]) - before,
                                          "seconds": took}
        finally:
            stop(server)
    lines = [
        f"gunicorn, {args.workers} workers, PostgreSQL and Redis on the same 2-core machine; wrk, 20 connections, "
        f"{args.seconds} s per row. Ratio = requests per second ÷ the bare Django view's, measured on the same server "
        f"({max(3, args.seconds // 2)} s) just before the row; the bare row shows its first measurement. "
        "Nothing cached: no page cache, and each request reads the site's shared parts (routes, navigation, settings) "
        "from the database again. Uncached: no page cache; each worker keeps those shared parts in memory until the "
        "next publish. Cached: whole pages from Redis.",
        "",
        "| page | nothing cached req/s | ratio | uncached req/s | ratio | p95 ms | cached req/s | ratio | p95 ms |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name in ["bare"] + list(PAGES):
        n, u, c = (results[(name, mode)] for mode in MODES)
        ratio = {mode: results[(name, mode)]["rps"] / results[(name, mode)]["bare_rps"] for mode in MODES}
        lines.append(f"| {name} | {n['rps']:.0f} | {ratio['none']:.2f}× | {u['rps']:.0f} | {ratio['uncached']:.2f}× | "
                     f"{u['p95_ms']:.1f} | {c['rps']:.0f} | {ratio['cached']:.2f}× | {c['p95_ms']:.1f} |")
    errors = sum(r["errors"] for r in results.values())
    lines += ["", f"Errors in all rows: {errors}. Soak, 50 concurrent clients: home page {args.soak_seconds} s, "
              f"{soak['requests']} requests, {soak['errors']} errors, p95 {soak['p95_ms']:.1f} ms; search "
              f"{soak_search['seconds']:.0f} s, {soak_search['requests']} requests, {soak_search['errors']} errors, "
              f"p95 {soak_search['p95_ms']:.1f} ms."]
    hit, concurrent = counting["hit"], counting["concurrent"]
    lines += ["", "Visit counting (gongkai/visits), page cache on. The counting request a shown page sends: "
              f"{hit['rps']:.0f} req/s, {hit['rps'] / hit['bare_rps']:.2f}× the bare view, p95 {hit['p95_ms']:.1f} ms. "
              "Pages while counts arrive on 10 more connections the whole time, against the bare view under the same "
              "stream of counts:", "",
              "| page | req/s with counts arriving | ratio | p95 ms | counts stored meanwhile (req/s) |", "|---|---|---|---|---|"]
    for name in ("home", "article", "document"):
        row = counting[name]
        lines.append(f"| {name} | {row['rps']:.0f} | {row['rps'] / row['bare_rps']:.2f}× | {row['p95_ms']:.1f} | "
                     f"{row['counts']['rps']:.0f} |")
    lost = concurrent["sent"] - concurrent["stored"]
    lines += ["", f"50 concurrent clients sending 100 counts each: {concurrent['sent']} answered, {concurrent['stored']} "
              f"stored, {lost} lost, in {concurrent['seconds']:.1f} s."]
    print("\n".join(lines))
    write_readme_section("bench:http-load", "\n".join(lines))
    if lost:
        raise SystemExit(f"{lost} counts were lost")


if __name__ == "__main__":
    main()
