"""The title a newly uploaded photo gets.

Wagtail's multiple uploader titles a photo with its file name ("harbour.png") whenever the upload
form needs more than a title and a file, as ours does (alt text is required); its page script
strips the extension only when the upload form is complete. Stripping it when a photo is first
saved covers that path, the single upload, the API, importers and the shell alike.
"""

import os


def upload_title(title: str, filename: str) -> str:
    """``title`` without the file's extension when it ends with it; the file's stem if empty.

    ``filename`` is the stored file's name, folders and a storage suffix included
    (``original_images/harbour_Ab12Cd.png``); only its extension is compared.
    """
    stem, extension = os.path.splitext(os.path.basename(filename))
    title = title.strip()
    if not title:
        return stem
    if extension and len(title) > len(extension) and title.lower().endswith(extension.lower()):
        return title[: -len(extension)].rstrip()
    return title
