"""The org chart: one `Chart` built from a recommendation, drawn in every chart format."""
