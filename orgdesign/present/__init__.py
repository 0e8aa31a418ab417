"""Presentation: a recommendation turned into what people read.

The terminal, JSON, Markdown and HTML reports, the RACI CSV, and the org chart
in `chart/` (layout, SVG, Mermaid, DOT, GraphML, node-link). `formats` is the
one registry of export formats; `words` puts the engine's explanations into
English for all of them. Nothing here computes advice.
"""
