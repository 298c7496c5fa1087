"""Posting comments the way a browser does: a form token from a while ago, our own Origin."""

import time

from bs4 import BeautifulSoup

from broadsheet.comments.models import Comment
from broadsheet.comments.pipeline.timestamp import make_token

ORIGIN = "http://testserver"


def form_data(article, **fields) -> dict:
    data = {
        "name": "Tamsin Reed",
        "email": "tamsin@reader.example",
        "text": "The early sailing suits the market traders.",
        "token": make_token(article.pk, now=time.time() - 60),
        "website": "",
    }
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


def post_comment(
    client, article, *, origin: str | None = ORIGIN, json=False, ip: str = "127.0.0.1", **fields
):
    headers = {"REMOTE_ADDR": ip}
    if origin is not None:
        headers["HTTP_ORIGIN"] = origin
    if json:
        headers["HTTP_ACCEPT"] = "application/json"
    return client.post(f"/comments/post/{article.pk}/", form_data(article, **fields), **headers)


def last_comment() -> Comment:
    return Comment.objects.order_by("-pk").first()


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def comments_section(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    return soup(response).find("section", id="comments")
