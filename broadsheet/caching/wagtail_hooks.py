from wagtail import hooks

from broadsheet.caching import keys


@hooks.register("before_serve_page")
def name_the_page(page, request, serve_args, serve_kwargs) -> None:
    """Every page served, of any type, names its own surrogate key (and, for an alias, the
    key of the page it shows), so publishing, moving or unpublishing it purges it."""
    keys.add(keys.page(page.pk))
    if page.alias_of_id:
        keys.add(keys.page(page.alias_of_id))
