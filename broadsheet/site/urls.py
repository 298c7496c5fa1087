from django.urls import path, register_converter

from broadsheet.site import views

app_name = "site"


class YearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int | str) -> str:
        return f"{int(value):04d}"


class MonthConverter:
    regex = "0[1-9]|1[0-2]"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int | str) -> str:
        return f"{int(value):02d}"


register_converter(YearConverter, "year")
register_converter(MonthConverter, "month")

urlpatterns = [
    path("authors/<slug:slug>/", views.author_detail, name="author"),
    # Tag slugs may be Unicode (taggit keeps non-Latin letters), so any path segment is accepted.
    path("topics/<str:slug>/", views.tag_detail, name="tag"),
    path("archive/", views.archive_index, name="archive"),
    path("archive/<year:year>/", views.archive_year, name="archive_year"),
    path("archive/<year:year>/<month:month>/", views.archive_month, name="archive_month"),
    path("search/", views.search, name="search"),
    path("breaking/", views.breaking_banner, name="breaking"),
]
