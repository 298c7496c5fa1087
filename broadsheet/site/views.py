"""Reader pages that are not Wagtail pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from broadsheet.articles.models import LISTING_SIZE, ArticlePage, Author


def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An author's profile and their latest articles."""
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    articles = ArticlePage.objects.for_listing().filter(article_authors__author=author)
    return render(
        request,
        "site/author_detail.html",
        {"author": author, "articles": articles[:LISTING_SIZE]},
    )
