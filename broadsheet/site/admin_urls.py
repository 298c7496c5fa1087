from django.urls import path

from broadsheet.site import admin_views

app_name = "breaking_news"

urlpatterns = [
    path("", admin_views.banner, name="banner"),
    path("<int:site_id>/take-down/", admin_views.take_down, name="take_down"),
]
