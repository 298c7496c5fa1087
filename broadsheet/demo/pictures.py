"""Pictures for the demo site, drawn locally with Pillow: no downloads, no stock photos.

Each picture is an abstract "newspaper photo" – a sky gradient, hills, a river and a few
buildings – seeded by a name so the same article always gets the same picture.
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw

from broadsheet.images.models import Photo

PHOTO_CREDIT = "Broadsheet demo pictures"

PALETTES = (
    ((32, 58, 96), (222, 172, 120), (58, 84, 64)),
    ((84, 110, 140), (214, 220, 226), (92, 104, 80)),
    ((20, 24, 48), (120, 76, 120), (40, 44, 58)),
    ((130, 160, 190), (236, 226, 200), (110, 130, 90)),
    ((60, 40, 30), (230, 140, 80), (70, 60, 50)),
)


def draw_picture(seed: str, size: tuple[int, int] = (1200, 675)) -> bytes:
    """Return a JPEG (bytes) of a deterministic landscape for ``seed``."""
    rng = random.Random(seed)
    width, height = size
    top, bottom, land = rng.choice(PALETTES)
    picture = Image.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        t = y / height
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    horizon = int(height * rng.uniform(0.55, 0.7))
    for layer in range(3):
        shade = tuple(max(0, c - 18 * layer) for c in land)
        points = [(0, height)]
        for x in range(0, width + 80, 80):
            points.append((x, horizon - rng.randint(10, 90) + 25 * layer))
        points.append((width, height))
        draw.polygon(points, fill=shade)
    for _ in range(rng.randint(4, 9)):
        x = rng.randint(0, width - 60)
        w, h = rng.randint(30, 90), rng.randint(60, 220)
        draw.rectangle([x, horizon - h + 40, x + w, horizon + 40], fill=(40, 40, 48))
        for wy in range(horizon - h + 50, horizon + 30, 18):
            for wx in range(x + 6, x + w - 8, 14):
                if rng.random() < 0.4:
                    draw.rectangle([wx, wy, wx + 5, wy + 8], fill=(250, 220, 140))
    river_top = horizon + 60
    draw.polygon(
        [(0, height), (width * 0.35, river_top), (width * 0.5, river_top), (width, height)],
        fill=tuple(min(255, c + 40) for c in top),
    )
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=82)
    return out.getvalue()


def ensure_photo(seed: str, *, title: str, alt: str, caption: str = "") -> Photo:
    """The demo photo titled ``title``, drawn from ``seed`` the first time it is asked for."""
    photo = Photo.objects.filter(title=title).first()
    if photo is None:
        photo = Photo(title=title, description=alt, credit=PHOTO_CREDIT, default_caption=caption)
        photo.file = ImageFile(io.BytesIO(draw_picture(seed)), name=f"{seed}.jpg")
        photo.save()
    return photo
