"""Readers and writers for formats argmap exchanges with other tools.

Each format lives in its own module (for example :mod:`argmap.formats.iccma`).
"""

__all__: list[str] = []
