"""Presentation: a recommendation turned into what people read.

`view` computes a report once, as ordered sections of display blocks
(`document`) with the JSON-ready data of each (`view_advice`, `view_compare`,
`view_explain`, `view_portfolio` do the same for the other results); the
terminal, Markdown, HTML and JSON renderers draw any such document, and
`report_model` is the JSON Schema of the report. The RACI CSV and the org chart
in `chart/` (layout, SVG, Mermaid, DOT, GraphML, node-link) complete the
exports; `formats` is the one registry of export formats. Nothing here
computes advice; `words` puts the engine's explanations
into English for every format.
"""
