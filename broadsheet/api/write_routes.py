"""The write API, on the articles' router (whose paths it shares): a key bound to a
Wagtail user creates and revises drafts, publishes them or sends them to the workflow, adds
corrections and uploads hero photos, with that user's permissions (``writing.py``)."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, File, Form, Schema, Status, UploadedFile
from ninja.errors import HttpError

from broadsheet.api import ids, schemas, writing
from broadsheet.api.article_routes import router
from broadsheet.articles.models import ArticlePage, SectionPage
from broadsheet.core.storage import MediaNotStored


class Block(Schema):
    type: str
    html: str | None = None
    text: str | None = None
    attribution: str | None = None


class ArticleIn(Schema):
    title: str | None = None
    slug: str | None = None
    standfirst: str | None = None
    body: list[Block] | None = None
    authors: list[str] | None = None  # author slugs, in byline order
    tags: list[str] | None = None
    source_outlet: str | None = None
    source_headline: str | None = None
    source_url: str | None = None


class NewArticle(ArticleIn):
    section: int = Field(ge=1, le=ids.MAX_ID)


class CorrectionIn(Schema):
    text: str
    corrected_at: datetime | None = None  # now, unless given


class Written(Schema):
    id: int
    revision: int
    live: bool
    status: str


class HeroWritten(Written):
    photo: int


#: Writing may also be refused (403): the key's user lacks the permission.
_ERRORS = {**schemas.ERRORS, 403: schemas.Error}
_WRITTEN = {200: Written, **_ERRORS}


def _user(request: HttpRequest):
    key = getattr(request, "api_key", None)
    if key is None or key.user is None:
        raise HttpError(401, "Authorization: writing needs an API key bound to a user")
    return key.user


def _answer(article: ArticlePage) -> dict:
    article.refresh_from_db()
    revision = article.latest_revision
    return {
        "id": article.pk,
        "revision": revision.pk if revision else 0,
        "live": article.live,
        "status": str(article.status_string),
    }


def _call(operation, **kwargs):
    try:
        return operation(**kwargs)
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from exc
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise HttpError(422, f"{field}: {' '.join(messages)}") from exc
    except MediaNotStored as exc:
        raise HttpError(507, f"file: not stored ({exc.reason}); nothing was saved") from exc


def _data(payload: ArticleIn) -> dict:
    data = payload.dict(exclude_unset=True)
    if "body" in data:
        data["body"] = [dict(block) for block in data["body"]]
    return data


@router.post("/articles", tags=["writing"], response={201: Written, **_ERRORS})
def create(request: HttpRequest, payload: NewArticle):
    """A new draft in a section."""
    user = _user(request)
    section = get_object_or_404(SectionPage, pk=payload.section)
    data = _data(payload)
    data.pop("section")
    article = _call(writing.create_draft, user=user, section=section, data=data)
    return Status(201, _answer(article))


@router.patch("/articles/{article_id}", tags=["writing"], response=_WRITTEN)
def update(request: HttpRequest, article_id: ids.PathId, payload: ArticleIn):
    """A new draft revision (what readers see changes only when it is published)."""
    user = _user(request)
    article = get_object_or_404(ArticlePage, pk=article_id)
    _call(writing.update_draft, user=user, article=article, data=_data(payload))
    return _answer(article)


@router.post("/articles/{article_id}/publish", tags=["writing"], response=_WRITTEN)
def publish(request: HttpRequest, article_id: ids.PathId):
    """Publish the latest revision."""
    article = get_object_or_404(ArticlePage, pk=article_id)
    _call(writing.publish, user=_user(request), article=article)
    return _answer(article)


@router.post("/articles/{article_id}/submit", tags=["writing"], response=_WRITTEN)
def submit(request: HttpRequest, article_id: ids.PathId):
    """Send the latest revision to the article's workflow."""
    article = get_object_or_404(ArticlePage, pk=article_id)
    _call(writing.submit, user=_user(request), article=article)
    return _answer(article)


@router.post("/articles/{article_id}/corrections", tags=["writing"], response=_WRITTEN)
def correct(request: HttpRequest, article_id: ids.PathId, payload: CorrectionIn):
    """Add a correction to a published article; it is published at once, as in the admin
    (so the key's user must be allowed to publish it), and a pending draft gains it too."""
    article = get_object_or_404(ArticlePage, pk=article_id)
    data = payload.dict()
    _call(writing.add_correction, user=_user(request), article=article, **data)
    return _answer(article)


@router.post(
    "/articles/{article_id}/hero",
    tags=["writing"],
    response={**_WRITTEN, 200: HeroWritten, 507: schemas.Error},
)
def hero(
    request: HttpRequest,
    article_id: ids.PathId,
    file: File[UploadedFile],
    alt: Form[str] = "",
    credit: Form[str] = "",
    caption: Form[str] = "",
    title: Form[str] = "",
):
    """Upload a photo (multipart) as the article's hero, in a new draft revision. Checked as
    the admin checks an upload: an image type the site accepts, the size limit, alt text."""
    user = _user(request)
    article = get_object_or_404(ArticlePage, pk=article_id)
    photo = _call(
        writing.set_hero,
        user=user,
        article=article,
        file=file,
        alt=alt,
        credit=credit,
        caption=caption,
        title=title,
    )
    return {**_answer(article), "photo": photo.pk}
