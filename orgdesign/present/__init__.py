"""Presentation: a recommendation turned into what people read.

The terminal, JSON, Markdown and HTML reports, the RACI CSV, and the org chart
in `chart/` (layout, SVG, Mermaid, DOT, GraphML, node-link). `formats` is the
one registry of export formats. Nothing here computes advice.
"""
