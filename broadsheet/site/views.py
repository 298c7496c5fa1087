"""Reader pages that are not Wagtail pages: authors, topics, the date archive, search, and the
breaking news banner's own answer."""

from datetime import datetime

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET
from taggit.models import Tag
from wagtail.models import Site

from broadsheet.articles import keys as article_keys
from broadsheet.articles.models import Author
from broadsheet.articles.selectors import listing_articles, live_sections, public_articles
from broadsheet.caching import keys
from broadsheet.caching.middleware import CachePolicy
from broadsheet.core.models import SiteSettings
from broadsheet.core.pagination import Listing, listing_url, page_number, paginate
from broadsheet.site import breaking
from broadsheet.site.forms import SearchForm
from broadsheet.site.search import ParsedQuery, parse_query, search_articles, search_hits


def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An author's profile (photo, role, bio) and their articles, newest first."""
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    keys.add(article_keys.author(author.pk))
    listing = paginate(request, listing_articles(request).filter(article_authors__author=author))
    context = {"author": author, "listing": listing, "articles": listing.items}
    return render(request, "site/author_detail.html", context)


def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A topic page: the articles carrying one tag. Unknown or unused tags are not found."""
    tag = get_object_or_404(Tag, slug=slug)
    keys.add(article_keys.topic(tag.slug))
    listing = paginate(request, listing_articles(request).filter(tagged_items__tag=tag))
    if not listing.items:
        raise Http404("No published articles on this topic")
    context = {"tag": tag, "listing": listing, "articles": listing.items}
    return render(request, "site/tag_detail.html", context)


def archive_index(request: HttpRequest) -> HttpResponse:
    """The years the archive spans, from two index lookups (first and latest article)."""
    keys.add(article_keys.LATEST)
    dates = public_articles(request).values_list("published_at", flat=True)
    first = dates.order_by("published_at").first()
    latest = dates.order_by("-published_at").first()
    years = []
    if first and latest:
        years = list(range(timezone.localtime(latest).year, timezone.localtime(first).year - 1, -1))
    return render(request, "site/archive_index.html", {"years": years})


def archive_year(request: HttpRequest, year: int) -> HttpResponse:
    """The months of one year that have articles, with how many."""
    keys.add(article_keys.LATEST)
    start, end = _year_bounds(year)
    months = list(
        public_articles(request)
        .filter(published_at__gte=start, published_at__lt=end)
        .annotate(month=TruncMonth("published_at", tzinfo=start.tzinfo))
        .order_by()
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("-month")
    )
    if not months:
        raise Http404("Nothing was published that year")
    return render(request, "site/archive_year.html", {"year": year, "months": months})


def archive_month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    """Everything published in one month (in the site's time zone), newest first."""
    start, _ = _year_bounds(year)
    start = start.replace(month=month)
    end = start.replace(year=year + 1, month=1) if month == 12 else start.replace(month=month + 1)
    articles = listing_articles(request).filter(published_at__gte=start, published_at__lt=end)
    listing = paginate(request, articles)
    if not listing.items:
        raise Http404("Nothing was published that month")
    context = {"month": start, "listing": listing, "articles": listing.items}
    return render(request, "site/archive_month.html", context)


def _year_bounds(year: int) -> tuple[datetime, datetime]:
    if not 1 <= year < 9999:
        raise Http404("No such year")
    zone = timezone.get_current_timezone()
    return datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone)


def search(request: HttpRequest) -> HttpResponse:
    """Search results for ``?q=``, optionally within a section and a date range."""
    keys.add(article_keys.LATEST)
    form = SearchForm(
        request.GET or None,
        sections=live_sections(request),
        date_format=SiteSettings.for_request(request).date_format,
    )
    query = ParsedQuery()
    if form.is_valid():
        query = parse_query(form.cleaned_data["q"])
    results = None
    if query:
        number = page_number(request)

        def find() -> dict:
            found = search_articles(request, query, form.filters(), number=number)
            if number > 1 and not found.items:
                raise Http404("No such page")
            previous = listing_url(request, page=number - 1 if number > 2 else None)
            listing = Listing(
                found.items,
                number,
                listing_url(request, page=number + 1) if found.has_next else None,
                previous if number > 1 else None,
                None,
            )
            hits = search_hits(found.items, query)
            return {"hits": hits, "total": found.total, "listing": listing}

        # Run only when the results are rendered: anonymous readers repeating a search get
        # them from a shared fragment (search.html) until an article changes.
        results = SimpleLazyObject(find)
    context = {"form": form, "query": query, "results": results}
    return render(request, "site/search.html", context)


@require_GET
def breaking_banner(request: HttpRequest) -> HttpResponse:
    """``/breaking/``: the running banner's markup (empty when none), which the cache in front
    inserts into every page it assembles (:mod:`broadsheet.site.breaking`). Kept by the cache
    until a banner is set or taken down (its key is purged), and never past the banner's
    expiry, not even as a stale copy."""
    site = Site.find_for_request(request)
    banner = breaking.running(site.pk, request=request) if site is not None else None
    keys.add(breaking.KEY)
    response = render(request, "site/includes/breaking.html", {"banner": banner})
    response["X-Robots-Tag"] = "noindex"
    left = breaking.seconds_left(banner)
    if left is not None:
        keep = min(left, CachePolicy.from_settings().s_maxage)
        response["Cache-Control"] = f"public, max-age=0, s-maxage={keep}, proxy-revalidate"
    return response
