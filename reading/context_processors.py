from django.utils.translation import get_language

from . import preferences


def reading(request):
    chosen = preferences.read(request)
    language = get_language() or ""
    traditional = chosen.get("script") == "hant" and language.startswith("zh")
    return {
        "reading": chosen,
        "reading_classes": " ".join(f"reading-{name}-{value}" for name, value in sorted(chosen.items())),
        # The page is converted to Traditional characters after rendering; its lang says so.
        "page_lang": "zh-Hant" if traditional else ("zh-Hans" if language.startswith("zh") else language),
        "reading_options": [
            {"name": name, "on": name in chosen, "label": off_label if name in chosen else on_label}
            for name, (_value, on_label, off_label) in preferences.OPTIONS.items()
            if name != "script" or language.startswith("zh")
        ],
    }
