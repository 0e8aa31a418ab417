"""Input: bytes on disk -> plain data with positions -> a validated org model.

Everything a user hands orgdesign comes through here: org files (YAML or JSON),
what-if scenarios from the command line, and the bundled examples. Problems are
reported as located diagnostics (file, line, field), never as tracebacks.
"""
