from django.urls import path

from broadsheet.site import views

app_name = "site"

urlpatterns = [
    path("authors/<slug:slug>/", views.author_detail, name="author"),
]
