"""WSGI entry point (gunicorn cms.wsgi:application)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

application = get_wsgi_application()

# Everything loaded so far (Django, Wagtail, URL patterns) lives as long as the worker: frozen, the cyclic garbage
# collector stops walking it. A page allocates tens of thousands of short-lived objects, nearly all freed by
# reference counting; a higher first threshold keeps each page from setting off several collections. Measured: about
# a sixth of a page's time (benchmarks/http_load.py). GONGKAI_GC_TUNING=0 keeps Python's defaults.
if os.environ.get("GONGKAI_GC_TUNING", "1") == "1":
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
