from functools import cache
from urllib.parse import quote

from django.urls import reverse
from django.utils.translation import get_language

from . import preferences


@cache
def _toggle_url(name, language):
    # Per language: the URLs follow the page's language prefix (/en/reading/…).
    return reverse("reading_toggle", args=[name])


def reading(request):
    chosen = preferences.read(request)
    language = get_language() or ""
    back = quote(request.get_full_path(), safe="/")
    traditional = chosen.get("script") == "hant" and language.startswith("zh")
    return {
        "reading": chosen,
        "reading_classes": " ".join(f"reading-{name}-{value}" for name, value in sorted(chosen.items())),
        # The page is converted to Traditional characters after rendering; its lang says so.
        "page_lang": "zh-Hant" if traditional else ("zh-Hans" if language.startswith("zh") else language),
        "reading_options": [
            {"name": name, "on": name in chosen, "label": off_label if name in chosen else on_label,
             "url": f"{_toggle_url(name, language)}?next={back}"}
            for name, (_value, on_label, off_label) in preferences.OPTIONS.items()
            if name != "script" or language.startswith("zh")
        ],
        "reading_reset_url": f"{_toggle_url('reset', language)}?next={back}",
    }
