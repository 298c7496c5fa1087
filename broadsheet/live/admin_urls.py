from django.urls import path

from broadsheet.live import admin_views

app_name = "live_compose"
urlpatterns = [
    path("<int:page_id>/", admin_views.compose, name="compose"),
    path("<int:page_id>/entries/<int:entry_id>/", admin_views.compose, name="edit"),
    path("<int:page_id>/entries/<int:entry_id>/delete/", admin_views.delete, name="delete"),
]
