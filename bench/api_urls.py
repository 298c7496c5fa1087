"""The site's URLs and, for bench/api.py only, Wagtail's API v2 with the article fields our list
gives (``api_fields`` set here, on the bench's copy of the model class, never in the product)."""

from django.urls import path
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from broadsheet.articles.models import ArticlePage
from broadsheet.urls import urlpatterns as site_urlpatterns

ArticlePage.api_fields = [
    APIField("standfirst"),
    APIField("published_at"),
    APIField("updated_at"),
    APIField("reading_minutes"),
    APIField("word_count"),
    APIField("source_outlet"),
    APIField("source_url"),
    APIField("tags"),
]

wagtail_api = WagtailAPIRouter("wagtailapi")
wagtail_api.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [path("wagtail-api/v2/", wagtail_api.urls), *site_urlpatterns]
