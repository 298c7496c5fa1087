"""Every old address answers 301 with the new one: items, ``?p=ID``, old slugs, archives, feeds.

Stored as Wagtail redirects (``wagtail.contrib.redirects``), to a page when the target is one
(so the redirect follows the page when it moves) and to a path otherwise. Addresses by query
string on the front page are answered by ``broadsheet/wordpress/middleware.py``.
"""

from urllib.parse import urlparse

from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from broadsheet.wordpress import parse
from broadsheet.wordpress.context import ImportContext, Listed

OLD_SLUG = "_wp_old_slug"


def add_redirect(
    ctx: ImportContext, old_path: str, *, page: Page | None = None, link: str = ""
) -> None:
    add_redirects(ctx, [(old_path, page, link)])


def add_redirects(ctx: ImportContext, wanted: list[tuple[str, Page | None, str]]) -> None:
    """301s from each old path to its page, or else its link (a later one for the same path
    wins), written in two queries; none where the page or link answers at that path itself."""
    targets: dict[str, tuple[Page | None, str]] = {}
    for old_path, page, link in wanted:
        if not old_path:
            continue
        old = Redirect.normalise_path(old_path)
        if page is not None and old == Redirect.normalise_path(page.url or ""):
            continue  # the page answers there itself
        if link and old == Redirect.normalise_path(link):
            continue
        targets[old] = (page, "" if page is not None else link)
    if not targets:
        return
    existing = Redirect.objects.filter(site=ctx.site, old_path__in=list(targets))
    stored = {r.old_path: r for r in existing}
    new, changed = [], []
    for old, (page, link) in targets.items():
        redirect = stored.get(old) or Redirect(site=ctx.site, old_path=old)
        if redirect.pk and redirect.is_permanent and redirect.redirect_link == link:
            if redirect.redirect_page_id == (page.pk if page else None):
                continue  # as it was: a later run rewrites nothing
        redirect.is_permanent, redirect.redirect_page, redirect.redirect_link = True, page, link
        (changed if redirect.pk else new).append(redirect)
    Redirect.objects.bulk_create(new)
    Redirect.objects.bulk_update(changed, ["is_permanent", "redirect_page", "redirect_link"])


def item_paths(ctx: ImportContext, item: parse.Item) -> list[str]:
    """The addresses WordPress answered an item at: its link, ``?p=``/``?page_id=``, old slugs."""
    paths = [ctx.old_path(item.link), ctx.old_path(item.guid)]
    key = "page_id" if item.type == "page" else "p"
    paths.append(f"/?{key}={item.id}")
    if item.type == "page":
        paths.append(f"/?p={item.id}")
    link_path = urlparse(item.link).path if ctx.is_old_site(item.link) else ""
    if link_path and item.slug and item.slug in link_path:
        for old_slug in item.meta.get(OLD_SLUG, ()):
            if old_slug and old_slug != item.slug:
                paths.append(link_path.replace(f"/{item.slug}", f"/{old_slug}", 1))
    return [p for p in dict.fromkeys(paths) if p]


def redirect_items(ctx: ImportContext, entries: list[tuple[parse.Item, Page]]) -> None:
    """Each item's old addresses to its page; a post's old comment feed to its new one."""
    wanted: list[tuple[str, Page | None, str]] = []
    for item, page in entries:
        wanted += [(path, page, "") for path in item_paths(ctx, item)]
        link_path = ctx.old_path(item.link)
        if item.type == "post" and link_path and "?" not in link_path:
            kwargs = {"article_id": page.pk, "fmt": "rss"}
            feed = reverse("feeds:comments", kwargs=kwargs)
            wanted.append((link_path.rstrip("/") + "/feed/", None, feed))
    add_redirects(ctx, wanted)


def redirect_attachment(
    ctx: ImportContext, listed: Listed, page: Page | None, file_url: str
) -> None:
    """An attachment's page goes to the post it belongs to (else its file); its file's old
    address goes to the new file."""
    for path in (listed.path, f"/?attachment_id={listed.id}"):
        if page is not None:
            add_redirect(ctx, path, page=page)
        else:
            add_redirect(ctx, path, link=file_url)
    url = listed.attachment_url
    add_redirect(ctx, urlparse(url).path if ctx.is_old_site(url) else "", link=file_url)


def redirect_site_feeds(ctx: ImportContext) -> None:
    rss = reverse("feeds:site", kwargs={"fmt": "rss"})
    add_redirect(ctx, "/feed/", link=rss)
    add_redirect(ctx, "/feed/rss2/", link=rss)
    add_redirect(ctx, "/feed/atom/", link=reverse("feeds:site", kwargs={"fmt": "atom"}))


def _category_path(ctx: ImportContext, term: parse.Term) -> str:
    slugs, seen = [term.slug], {term.slug}
    parent = ctx.terms.get(("category", term.parent)) if term.parent else None
    while parent is not None and parent.slug not in seen:
        slugs.insert(0, parent.slug)
        seen.add(parent.slug)
        parent = ctx.terms.get(("category", parent.parent)) if parent.parent else None
    return "/".join(slugs)


def redirect_archives(
    ctx: ImportContext,
    *,
    sections: dict[str, Page],
    tags: dict[str, str],
    authors: dict[str, object],
) -> None:
    """Category, tag and author archives (and their feeds) → sections, topics and authors.

    ``sections`` maps category slugs to sections, ``tags`` WordPress tag (or category) slugs to
    topic slugs, ``authors`` logins to ``Author`` snippets.
    """
    for (taxonomy, slug), term in ctx.terms.items():
        if taxonomy == "category" and slug in sections:
            section = sections[slug]
            path = _category_path(ctx, term)
            add_redirect(ctx, f"/category/{path}/", page=section)
            feed = reverse("feeds:section", kwargs={"slug": section.slug, "fmt": "rss"})
            for old in dict.fromkeys((path, slug)):
                add_redirect(ctx, f"/category/{old}/", page=section)
                add_redirect(ctx, f"/category/{old}/feed/", link=feed)
            if term.term_id:
                add_redirect(ctx, f"/?cat={term.term_id}", page=section)
        elif taxonomy in {"post_tag", "category"} and slug in tags:
            topic = tags[slug]
            base = "tag" if taxonomy == "post_tag" else "category"
            add_redirect(ctx, f"/{base}/{slug}/", link=reverse("site:tag", kwargs={"slug": topic}))
            feed = reverse("feeds:topic", kwargs={"slug": topic, "fmt": "rss"})
            add_redirect(ctx, f"/{base}/{slug}/feed/", link=feed)
    for login, author in authors.items():
        add_redirect(ctx, f"/author/{login}/", link=author.get_absolute_url())
        feed = reverse("feeds:author", kwargs={"slug": author.slug, "fmt": "rss"})
        add_redirect(ctx, f"/author/{login}/feed/", link=feed)
