"""The guided interview: questions as data, asked in a terminal or answered from a file, building an org."""
