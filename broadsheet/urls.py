from django.conf import settings
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from broadsheet.newsletters import urls as newsletter_urls


class FaviconView(RedirectView):
    """``/favicon.ico``, which browsers and feed readers ask for by habit: the site's icon."""

    def get_redirect_url(self, *args, **kwargs) -> str:
        # Read per request: with hashed static names the address changes on every deploy.
        return static("site/favicon.svg")


# 503 with Retry-After while the database is unreachable, else Django's 500.
handler400 = "broadsheet.ops.errors.bad_request"
handler500 = "broadsheet.ops.errors.server_error"

urlpatterns = [
    path("favicon.ico", FaviconView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("comments/", include("broadsheet.comments.urls")),
    path("accounts/", include("broadsheet.accounts.urls")),
    path("api/v1/", include("broadsheet.api.urls", namespace="api-v1")),
    path("newsletters/", include((newsletter_urls.pages, "newsletters"))),
    path("subscriptions/", include((newsletter_urls.steps, "subscriptions"))),
    path("", include("broadsheet.site.urls")),
    path("", include("broadsheet.feeds.urls")),
    path("", include("broadsheet.live.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))
