"""Throughput and p95 latency of the public pages under gunicorn, against a bare Django view on the same server, in
three modes: nothing cached; page cache off (the worker keeps the site's shared parts in memory, gongkai/core/site_cache.py,
as after any publish once a page has been read); page cache on (Redis). Plus a 60-second soak at 50 concurrent
clients.

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
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s",
                          str(ROOT / "benchmarks" / "http_load.lua"), url], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/gongkai_bench_http")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--soak-seconds", type=int, default=60)
    args = parser.parse_args()
    env = prepare(args.database)
    results = {}
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
    print("\n".join(lines))
    write_readme_section("bench:http-load", "\n".join(lines))


if __name__ == "__main__":
    main()
