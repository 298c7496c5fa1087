"""Media on disk, written so that a file appears whole or not at all.

Django's ``FileSystemStorage`` writes an upload straight into its final name: when the media
volume fills up (``ENOSPC``, ``EDQUOT``) or turns read-only half-way, a truncated photo stays
behind under a name nginx serves, and the request ends in a 500. :class:`AtomicFileSystemStorage`
writes each file to a hidden temporary name in the directory it belongs in, flushes it to the
disk, and only then renames it into place (a rename within a directory is atomic); on any
failure the temporary file is deleted. When the volume refuses the write, the failure is logged
and raised as :class:`MediaNotStored`, whose ``reason`` says what went wrong in an editor's
words; the admin's upload views turn it into a form error (``broadsheet/images/views.py``).

Media in S3 (``BROADSHEET_MEDIA_BUCKET``) does not go through this class: an object store
keeps no partial objects.
"""

import errno
import logging
import os
import tempfile

from django.core.files import File
from django.core.files.storage import FileSystemStorage

logger = logging.getLogger("broadsheet.media")

# Why a write was refused, for the people who see it: editors in the admin, operators in logs.
REASONS: dict[int, str] = {
    errno.ENOSPC: "the media volume is full",
    errno.EDQUOT: "the media volume's quota is used up",
    errno.EROFS: "the media volume is read-only",
    errno.EACCES: "the server may not write to the media volume",
    errno.EPERM: "the server may not write to the media volume",
    errno.EFBIG: "the file is larger than the media volume accepts",
}


class MediaNotStored(OSError):
    """The media volume refused a file; nothing of it was left behind."""

    def __init__(self, name: str, error: OSError) -> None:
        super().__init__(error.errno, error.strerror, error.filename)
        self.name = name
        self.reason = REASONS[error.errno]


class _Written(File):
    """A complete temporary copy: ``FileSystemStorage`` moves it into place instead of copying."""

    def __init__(self, path: str) -> None:
        super().__init__(None, path)
        self.path = path

    def temporary_file_path(self) -> str:
        return self.path


class AtomicFileSystemStorage(FileSystemStorage):
    """``FileSystemStorage`` that never leaves a partial file (see the module docstring)."""

    def _save(self, name: str, content: File) -> str:
        temporary = None
        try:
            directory = os.path.dirname(self.path(name))
            os.makedirs(directory, mode=self.directory_permissions_mode or 0o777, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=directory, prefix=".partial-")
            os.fchmod(
                fd, 0o644 if self.file_permissions_mode is None else self.file_permissions_mode
            )
            with os.fdopen(fd, "wb") as out:
                for chunk in content.chunks():
                    out.write(chunk if isinstance(chunk, bytes) else chunk.encode())
                out.flush()
                os.fsync(out.fileno())  # network and quota-checked volumes may refuse only here
            return super()._save(name, _Written(temporary))
        except OSError as error:
            if error.errno not in REASONS:
                raise
            logger.error(
                "Could not store %s in the media volume %s: %s",
                name,
                self.location,
                os.strerror(error.errno),
            )
            raise MediaNotStored(name, error) from error
        finally:
            if temporary is not None and os.path.lexists(temporary):
                _remove(temporary)  # still there: the rename into place did not happen


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError as error:  # the volume turned read-only in between: say where it is
        logger.error("Could not remove the partial file %s: %s", path, error)
