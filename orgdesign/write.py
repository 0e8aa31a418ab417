"""The one way orgdesign writes a file: atomically, never over an existing file without force.

Only regular files are ever replaced: a symlink (dangling or not), a device
such as /dev/stdout, a FIFO or a folder at the output path is refused even
with force, so an output can never be redirected somewhere else. The one
exception is the null device (`-o /dev/null`, to check that a command runs):
what is written there goes nowhere, so it is accepted, and simply not
written. A new file gets the mode the umask allows (like a shell
redirection); a replaced file keeps its mode.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Sequence

from orgdesign.errors import OutputError
from orgdesign.i18n import N_, _


def write_atomic(path: str, data: str | bytes, force: bool = False) -> None:
    """Write to a temporary file beside `path`, then rename it into place.

    A crash or an error midway leaves the previous file (or no file) intact.
    """
    write_together([(path, data)], force)


def write_together(files: Sequence[tuple[str, str | bytes]], force: bool = False) -> None:
    """Write several files all or nothing: each to a temporary file, then rename them in turn.

    If any write or rename fails, the temporary files and the files already
    renamed into place are removed, so a reader never finds only some of them.
    """
    files = [(path, data) for path, data in files if not is_null_device(path)]
    modes = [check_target(path, force) for path, _data in files]
    temporaries: list[str] = []
    renamed: list[str] = []
    current = ""
    try:
        for (current, data), mode in zip(files, modes, strict=True):
            temporaries.append(_write_temporary(current, data, mode))
        for (current, _data), temporary in zip(files, temporaries, strict=True):
            os.replace(temporary, current)
            renamed.append(current)
    except BaseException as error:
        for leftover in temporaries[len(renamed) :] + renamed:
            try:
                os.unlink(leftover)
            except OSError:
                pass
        if isinstance(error, OSError):
            raise OutputError(
                _("{path}: cannot write: {reason}").format(path=current, reason=error.strerror or error)
            ) from None
        raise


def check_target(path: str, force: bool) -> int:
    """Refuse what may not be replaced (callers may check before the work); return the mode the new file gets."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise OutputError(
            _("{path}: cannot write here: {reason}").format(path=path, reason=error.strerror or error)
        ) from None
    if status is not None and _is_null(status):
        return 0  # nothing is written to it, so nothing is replaced
    if status is not None:
        if stat.S_ISDIR(status.st_mode):
            raise OutputError(_("{path}: is a directory; give a file name").format(path=path))
        if not stat.S_ISREG(status.st_mode):
            raise OutputError(_(_kind(status.st_mode)).format(path=path))
        if not force:
            raise OutputError(_("{path}: already exists; use --force to overwrite it").format(path=path))
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise OutputError(_("{path}: the folder {folder} does not exist").format(path=path, folder=folder))
    return status.st_mode & 0o777 if status is not None else 0o666 & ~_umask()  # never setuid, setgid or sticky


def is_null_device(path: str) -> bool:
    """Whether `path` is the null device itself (not a link to it): output sent there is discarded."""
    try:
        return _is_null(os.lstat(path))
    except OSError:
        return False


def _is_null(status: os.stat_result) -> bool:
    if not stat.S_ISCHR(status.st_mode):
        return False
    try:
        null = os.stat(os.devnull)
    except OSError:
        return False
    return (status.st_rdev, status.st_dev, status.st_ino) == (null.st_rdev, null.st_dev, null.st_ino)


def _kind(mode: int) -> str:
    """The refusal for what sits at the path, as a message with a {path} placeholder, to translate."""
    if stat.S_ISLNK(mode):
        return N_(
            "{path}: is a symbolic link, not a regular file; orgdesign only replaces regular files, "
            "so give another name"
        )
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return N_(
            "{path}: is a device, not a regular file; orgdesign only replaces regular files, so give another name"
        )
    if stat.S_ISFIFO(mode):
        return N_(
            "{path}: is a named pipe, not a regular file; orgdesign only replaces regular files, so give another name"
        )
    if stat.S_ISSOCK(mode):
        return N_(
            "{path}: is a socket, not a regular file; orgdesign only replaces regular files, so give another name"
        )
    return N_(
        "{path}: is a special file, not a regular file; orgdesign only replaces regular files, so give another name"
    )


def _umask() -> int:
    """Return the process umask (reading it means setting it, so it is put back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_temporary(path: str, data: str | bytes, mode: int) -> str:
    """Write `data` to a new hidden file beside `path`, with `mode`; return its name."""
    folder = os.path.dirname(os.path.abspath(path))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        handle, temporary = tempfile.mkstemp(prefix=".orgdesign-", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(
            _("{path}: cannot write here: {reason}").format(path=path, reason=error.strerror or error)
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    return temporary
