"""Renderers: the map as Graphviz DOT and images (:mod:`.dot`) and as a web page."""

from argmap.render.dot import DotOptions, render_image, to_dot

__all__ = ["DotOptions", "render_image", "to_dot"]
