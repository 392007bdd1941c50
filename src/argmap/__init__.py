"""argmap: turn an essay into an argument map you can check and look at."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("argmap")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = ["__version__"]
