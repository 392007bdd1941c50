"""Re-check and re-draw a map whenever it or its source is saved; serve a page that reloads.

A :class:`Watcher` polls the modification times of the map file and of its
source text.  Each :meth:`Watcher.build` reads and checks the map and, if
asked, writes the output (an HTML page, or an image whose format comes from
the suffix).  A map with errors leaves the last good output in place and
records the error, so a browser keeps showing the last good picture.

:func:`serve` starts a small HTTP server on 127.0.0.1 (a thread) that serves
the output at ``/`` with a script that polls ``/version`` and reloads the page
when a new build is written, and shows the current error, if any, in a
banner.  Nothing here prints: the CLI (``argmap watch``) reports each build.

Examples
--------
>>> import pathlib, shutil, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> for name in ("valid.yaml", "essay.txt"):
...     _ = shutil.copy(f"tests/data/core/{name}", d / name)
>>> w = Watcher(d / "valid.yaml", d / "map.dot")
>>> w.changed()
True
>>> b = w.build()
>>> b.ok, b.version, (d / "map.dot").read_text()[:7]
(True, 1, 'digraph')
>>> w.changed()
False
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from argmap.api import CheckReport, check, render
from argmap.errors import ArgmapError, Diagnostic
from argmap.files import write_atomic
from argmap.load import read_map
from argmap.render.dot import DotOptions
from argmap.render.html import to_html

__all__ = ["Build", "Watcher", "serve"]


@dataclass(frozen=True)
class Build:
    """One build: the check report, or the diagnostics that stopped it."""

    version: int
    report: CheckReport | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    wrote: Path | None = None

    @property
    def ok(self) -> bool:
        """Whether the map loaded (lint findings do not stop a build)."""
        return self.report is not None


@dataclass
class Watcher:
    """Watches ``map_path`` and its source; builds ``output`` (HTML or an image) on change."""

    map_path: Path
    output: Path | None = None
    options: DotOptions = field(default_factory=DotOptions)
    source_anywhere: bool = False
    version: int = 0
    error: str = ""
    source: Path | None = None
    _seen: tuple[tuple[int, int], ...] = ()
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _stamps(self) -> tuple[tuple[int, int], ...]:
        return (_stamp(self.map_path), _stamp(self.source))

    def changed(self) -> bool:
        """Whether the map or its source changed since the last build (or none was made)."""
        return self._stamps() != self._seen

    def build(self) -> Build:
        """Read and check the map; write the output if it is good; return what happened."""
        self._seen = self._stamps()
        try:
            m = read_map(self.map_path, source_anywhere=self.source_anywhere)
            self.source = self.map_path.parent / m.source
            self._seen = (self._seen[0], _stamp(self.source))
            report = check(m)
            if self.output is not None:
                data = _draw(report, self.output, self.options)
                write_atomic(self.output, data, keep=[self.map_path, self.source])
        except ArgmapError as exc:
            with self._lock:
                self.error = "\n".join(str(d) for d in exc.diagnostics)
            return Build(self.version, diagnostics=tuple(exc.diagnostics))
        with self._lock:
            self.version += 1
            self.error = ""
        return Build(self.version, report, wrote=self.output)

    def state(self) -> dict[str, object]:
        """The version of the last good output and the current error (``/version``)."""
        with self._lock:
            return {"version": self.version, "error": self.error}


def _stamp(path: Path | None) -> tuple[int, int]:
    try:
        st = path.stat() if path else None
    except OSError:
        st = None
    return (st.st_mtime_ns, st.st_size) if st else (0, -1)


def _draw(report: CheckReport, output: Path, options: DotOptions) -> bytes:
    """The output file's bytes: the HTML page, or the image its suffix names."""
    fmt = output.suffix.lstrip(".").lower()
    if fmt in ("html", "htm"):
        return to_html(report.map, options).encode()
    image = render(report.map, fmt, options=options)
    return image.encode() if isinstance(image, str) else image


_RELOAD_JS = """\
(function () {
  var seen = null;
  var banner = document.createElement("pre");
  banner.id = "argmap-watch-error";
  banner.style.cssText = "position:fixed;left:0;right:0;bottom:0;margin:0;padding:8px;" +
    "background:#fee;color:#900;border-top:2px solid #c00;white-space:pre-wrap;" +
    "font:13px monospace;z-index:99999;display:none";
  document.body.appendChild(banner);
  function poll() {
    fetch("/version", {cache: "no-store"})
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (seen !== null && s.version !== seen) { location.reload(); return; }
        seen = s.version;
        banner.textContent = s.error ? "argmap watch: kept the last good map\\n" + s.error : "";
        banner.style.display = s.error ? "block" : "none";
        setTimeout(poll, 250);
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"""

_SCRIPT_TAG = '<script src="/watch.js"></script>'


def _page(watcher: Watcher) -> bytes:
    """The output as a page with the reload script (an image is wrapped in a page)."""
    out = watcher.output
    body = out.read_bytes() if out is not None and out.exists() else b""
    if out is not None and out.suffix.lower() in (".html", ".htm") and body:
        page = body.decode()
        at = page.rfind("</body>")
        at = at if at >= 0 else len(page)
        return (page[:at] + _SCRIPT_TAG + page[at:]).encode()
    img = ""
    if out is not None and body:
        img = f'<img src="/{out.name}?v={watcher.version}" alt="the map">'
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>argmap watch</title></head>'
        f"<body>{img}{_SCRIPT_TAG}</body></html>"
    ).encode()


_TYPES = {
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".pdf": "application/pdf",
    ".dot": "text/plain; charset=utf-8",
}


def serve(watcher: Watcher, port: int = 0) -> ThreadingHTTPServer:
    """Serve ``watcher``'s output on http://127.0.0.1:PORT/ from a daemon thread.

    ``port`` 0 picks a free one (``server.server_address[1]``); a port in use
    raises ArgmapError ``cannot-serve``.  Stop it with ``server.shutdown()``.
    """

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            if path == "/version":
                self._send(json.dumps(watcher.state()).encode(), "application/json")
            elif path == "/watch.js":
                self._send(_RELOAD_JS.encode(), "text/javascript; charset=utf-8")
            elif path == "/":
                self._send(_page(watcher), "text/html; charset=utf-8")
            elif watcher.output is not None and path == f"/{watcher.output.name}":
                kind = _TYPES.get(watcher.output.suffix.lower(), "application/octet-stream")
                self._send(watcher.output.read_bytes(), kind)
            else:
                self.send_error(404)

        def _send(self, body: bytes, kind: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the CLI reports builds, not requests."""

    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    except OSError as exc:
        raise ArgmapError(
            [
                Diagnostic(
                    "<command line>",
                    0,
                    0,
                    "cannot-serve",
                    f"cannot serve on 127.0.0.1:{port}: {exc.strerror or exc}",
                    "choose another --port (0 picks a free one), or --no-serve",
                )
            ]
        ) from None
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
