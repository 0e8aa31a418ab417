"""The one way orgdesign writes a file: atomically, never over an existing file without force."""

from __future__ import annotations

import os
import tempfile

from .errors import OutputError


def write_atomic(path: str, data: str | bytes, force: bool = False) -> None:
    """Write to a temporary file beside `path`, then rename it into place.

    A crash or an error midway leaves the previous file (or no file) intact.
    """
    if os.path.isdir(path):
        raise OutputError(f"{path}: is a directory; give a file name")
    if os.path.exists(path) and not force:
        raise OutputError(f"{path}: already exists; use --force to overwrite it")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise OutputError(f"{path}: the folder {folder} does not exist")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        handle, temporary = tempfile.mkstemp(prefix=".orgdesign-", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(f"{path}: cannot write here: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise OutputError(f"{path}: cannot write: {error.strerror or error}") from None
        raise
