from django.urls import path

from broadsheet.live import timeline

app_name = "stories"
urlpatterns = [
    path("stories/<slug:slug>/", timeline.story_page, name="story"),
    path("stories/<slug:slug>/feed/<str:fmt>/", timeline.story_feed, name="story_feed"),
]
