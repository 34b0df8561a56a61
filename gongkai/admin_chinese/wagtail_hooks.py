from wagtail import hooks

# The help menu's "What's new in Wagtail" and "Editor Guide" open English pages on wagtail.org.
OUTSIDE_HELP = {"whats-new-in-wagtail", "editor-guide"}


@hooks.register("construct_help_menu")
def keep_help_inside(request, menu_items):
    menu_items[:] = [item for item in menu_items if not any(item.name.startswith(name) for name in OUTSIDE_HELP)]
