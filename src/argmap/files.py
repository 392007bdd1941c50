"""Reading input files and writing output files, with located errors.

:func:`read_utf8` turns every way a file can fail to be read (missing, a
folder, no permission, bytes that are not UTF-8) into an ArgmapError naming
the file and, for a bad byte, its line and column.  :func:`write_atomic`
writes through a temporary file, so that a failure never leaves an output
file half-written.

Examples
--------
>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "out" / "a.txt"
>>> write_atomic(p, b"hello")
>>> p.read_bytes()
b'hello'
>>> _ = p.write_bytes(b"ok\\ncaf\\xe9")
>>> try:
...     read_utf8(p, "file-not-found", "map")
... except ArgmapError as e:
...     d = e.diagnostics[0]
...     print(d.code, d.line, d.column, d.message.split(" (")[1])
file-not-found 2 4 byte 0xe9 at line 2, column 4)
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from argmap.errors import ArgmapError, Diagnostic

__all__ = [
    "MAX_FRAMEWORK_BYTES",
    "MAX_MAP_BYTES",
    "MAX_SOURCE_BYTES",
    "decode_utf8",
    "read_utf8",
    "write_atomic",
]


#: largest map file read, in bytes (a 10^5-claim map is about 27 MB)
MAX_MAP_BYTES = 64 * 2**20
#: largest source (essay) read, in bytes: five times a long novel
MAX_SOURCE_BYTES = 16 * 2**20
#: largest argumentation framework file read, in bytes (ICCMA instances)
MAX_FRAMEWORK_BYTES = 256 * 2**20

#: what a file that is not a regular file is, by its ``stat`` type
_FILE_KINDS: dict[int, str] = {
    stat.S_IFDIR: "a folder, not a file",
    stat.S_IFIFO: "a named pipe (FIFO), not a regular file",
    stat.S_IFCHR: "a device, not a regular file",
    stat.S_IFBLK: "a device, not a regular file",
    stat.S_IFSOCK: "a socket, not a regular file",
}


def _size(n: int) -> str:
    """``n`` bytes in MiB, for messages.

    >>> _size(16 * 2**20)
    '16 MiB'
    """
    return f"{n / 2**20:g} MiB"


def read_utf8(path: str | Path, code: str, what: str, limit: int = MAX_MAP_BYTES) -> str:
    """Return the text of the UTF-8 file ``path`` (a leading byte order mark is dropped).

    Failures raise ArgmapError with one diagnostic ``code`` that names the
    file and what to do; ``what`` names the file's role in the hints (e.g.
    ``"map"``).  A byte that is not UTF-8 is located by line and column.
    Only a regular file is read: a folder, a named pipe, a device (``/dev/zero``)
    or a socket is refused without waiting on it.  A file of more than
    ``limit`` bytes raises ``file-too-large``; at most ``limit + 1`` bytes are
    ever read, even from a file whose size the system misreports (``/proc``).

    Examples
    --------
    >>> try:
    ...     read_utf8("/dev/zero", "file-not-found", "map")
    ... except ArgmapError as e:
    ...     print(e.diagnostics[0].message)
    '/dev/zero' is a device, not a regular file
    """
    path = Path(path)
    try:
        data = _read_bounded(path, limit)
    except ValueError:  # a NUL byte in the path
        raise _unreadable(
            path,
            code,
            f"{str(path)!r} is not a possible file name (it holds a NUL byte)",
            f"give the path of the {what} file",
        ) from None
    except _NotRegularError as exc:
        raise _unreadable(
            path,
            code,
            f"{str(path)!r} is {exc.kind}",
            f"give the path of the {what} file itself",
        ) from None
    except _TooLargeError:
        raise _unreadable(
            path,
            "file-too-large",
            f"{str(path)!r} is larger than {_size(limit)}, the most argmap reads as a {what} file",
            f"check that this is the {what} file; split a larger one",
        ) from None
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            message, hint = f"no such file: {str(path)!r}", f"check the path of the {what} file"
        elif isinstance(exc, PermissionError):
            message = f"no permission to read {str(path)!r}"
            hint = "make the file readable (chmod u+r) or run argmap as its owner"
        else:
            message = f"cannot read {str(path)!r}: {exc.strerror or exc}"
            hint = f"check that the {what} file is readable"
        raise _unreadable(path, code, message, hint) from None
    return decode_utf8(data, str(path), code, what)


def decode_utf8(data: bytes, file: str, code: str, what: str) -> str:
    """``data`` as text (a leading byte order mark dropped), as :func:`read_utf8` reads it.

    A byte that is not UTF-8 raises ArgmapError ``code`` at its line and column.

    Examples
    --------
    >>> decode_utf8(b"\\xef\\xbb\\xbfok", "m.yaml", "file-not-found", "map")
    'ok'
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[start : exc.start].decode("utf-8", errors="replace")) + 1
        raise ArgmapError(
            [
                Diagnostic(
                    file,
                    line,
                    column,
                    code,
                    f"{file!r} is not UTF-8 text (byte 0x{data[exc.start]:02x} "
                    f"at line {line}, column {column})",
                    f"save the {what} file as UTF-8 (e.g. iconv -f latin1 -t utf-8 OLD > NEW)",
                )
            ]
        ) from None


def _unreadable(path: Path, code: str, message: str, hint: str) -> ArgmapError:
    return ArgmapError([Diagnostic(str(path), 0, 0, code, message, hint)])


class _NotRegularError(Exception):
    def __init__(self, mode: int) -> None:
        super().__init__(mode)
        self.kind = _FILE_KINDS.get(stat.S_IFMT(mode), "not a regular file")


class _TooLargeError(Exception):
    pass


def _read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, reading at most ``limit + 1`` of them.

    The type is checked before opening (a FIFO's ``open`` would wait for a
    writer) and again on the open descriptor (the name may have been swapped
    meanwhile); ``O_NONBLOCK`` keeps that open from waiting.
    """
    _check_regular(os.stat(path).st_mode)
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        _check_regular(info.st_mode)
        if info.st_size > limit:
            raise _TooLargeError
        chunks: list[bytes] = []
        left = limit + 1
        # a regular file is read whole at once (one buffer, no copy), then its end confirmed
        size = info.st_size + 1
        while left > 0:
            chunk = os.read(fd, min(left, size))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
            size = 2**20
    finally:
        os.close(fd)
    if left <= 0:
        raise _TooLargeError
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _check_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise _NotRegularError(mode)


def _file_mode() -> int:
    """The mode ``open()`` gives a new file: 0o666 less the umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _cannot_write(path: Path, message: str, hint: str) -> ArgmapError:
    return ArgmapError([Diagnostic(str(path), 0, 0, "cannot-write", message, hint)])


_STD_STREAMS = ("/dev/stdout", "/dev/stderr")


def _is_stream(path: Path) -> bool:
    """Whether ``path`` names a device, pipe or descriptor rather than a file to replace.

    ``/dev/stdout`` or ``/dev/fd/3`` may lead to a regular file the shell
    opened (``> log``, ``>> log``); renaming over it would lose what the shell
    and others wrote there, so such paths are appended to instead.
    """
    where = os.path.abspath(path)
    if where in _STD_STREAMS or where.startswith(("/dev/fd/", "/proc/")):
        return True
    return path.exists() and not stat.S_ISREG(path.stat().st_mode)


def _write_protected(path: Path) -> bool:
    """Whether ``path`` is an existing file its owner, or this user, may not write.

    Renaming over a file needs only the folder's permission; like ``cp``,
    argmap respects the file's own.  The owner's write bit counts even for
    root, so ``chmod a-w`` protects an output from every user.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False
    return not mode & stat.S_IWUSR or not os.access(path, os.W_OK)


def write_atomic(path: str | Path, data: bytes, keep: Iterable[str | Path] = ()) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    The old file, if any, stays untouched until the new content is complete,
    and the new one gets its permissions (a new file those of ``open()``).
    Parent folders are created.  A symbolic link keeps pointing to the file it
    names, which is replaced; a device, pipe or descriptor (e.g.
    ``/dev/stdout``) is appended to directly.  ``keep`` names files that must
    not be overwritten (the command's inputs), nor is a write-protected file
    (see :func:`_write_protected`).  Failures raise ArgmapError (``cannot-write``).

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "map.yaml"
    >>> _ = p.write_text("title: x")
    >>> write_atomic(p, b"digraph {}", keep=[p])
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: ...: error: cannot-write: cannot write ...: it is the input file ...
    """
    path = Path(path)
    try:
        if path.is_dir():
            raise _cannot_write(
                path,
                f"cannot write {str(path)!r}: it is a folder",
                "give the path of a file (it may be inside that folder)",
            )
        for kept in keep:
            if path.exists() and Path(kept).exists() and os.path.samefile(path, kept):
                raise _cannot_write(
                    path,
                    f"cannot write {str(path)!r}: it is the input file {str(kept)!r}",
                    "choose another output path; the input is left as it was",
                )
        if _is_stream(path):
            with path.open("ab") as stream:
                stream.write(data)
            return
        try:
            target = path.resolve() if path.is_symlink() else path
        except RuntimeError:  # a loop of symbolic links
            raise _cannot_write(
                path,
                f"cannot write {str(path)!r}: its symbolic links form a loop",
                "remove the link or choose another output path",
            ) from None
        if _write_protected(target):
            raise _cannot_write(
                path,
                f"cannot write {str(path)!r}: the file is write-protected",
                "make it writable (chmod u+w) to replace it, or choose another output path",
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                # mkstemp makes the file private: give it the old file's mode, or the usual one
                mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else _file_mode()
                os.fchmod(f.fileno(), mode)
                f.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except BrokenPipeError:
        raise  # writing to a closed pipe (e.g. -o /dev/stdout | head): the CLI ends quietly
    except (FileExistsError, NotADirectoryError):
        file = next((p for p in path.parents if p.exists() and not p.is_dir()), path.parent)
        raise _cannot_write(
            path,
            f"cannot write {str(path)!r}: {str(file)!r} is a file, not a folder",
            "choose another output path",
        ) from None
    except ValueError:  # a NUL byte in the path
        raise _cannot_write(
            path, f"cannot write {str(path)!r}: not a possible file name", "choose another path"
        ) from None
    except PermissionError:
        raise _cannot_write(
            path,
            f"cannot write {str(path)!r}: permission denied",
            "choose a folder you can write to",
        ) from None
    except OSError as exc:
        raise _cannot_write(
            path,
            f"cannot write {str(path)!r}: {exc.strerror or exc}",
            "check that the folder is writable and the disk is not full",
        ) from None
