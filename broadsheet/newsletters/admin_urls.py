from django.urls import path

from broadsheet.newsletters import admin_views

app_name = "newsletter_admin"

urlpatterns = [
    path("editions/<int:pk>/", admin_views.edition, name="edition"),
    path("editions/<int:pk>/preview/", admin_views.preview, name="preview"),
    path("editions/<int:pk>/test/", admin_views.test_send, name="test"),
    path("editions/<int:pk>/schedule/", admin_views.schedule, name="schedule"),
    path("alert/<int:page_id>/", admin_views.alert, name="alert"),
]
