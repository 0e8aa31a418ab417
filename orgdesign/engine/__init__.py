"""Engine: from a validated org and a rulebook to a recommendation, with no printing.

The stages, in order: graph -> score (fit table) -> solve (owners) -> robustness
and infeasibility -> raci and links -> structure -> gap -> findings -> explain.
`pipeline.recommend` chains them; `explain.explain` explains one objective;
`compare` sets two results side by side. Findings and infeasibility are worded
from `catalogue`, the diagnostics as data; every other result is data only.
"""
