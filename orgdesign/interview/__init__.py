"""The guided interview: plain questions for someone with no org file yet, ending in an org file.

`questions` holds the questions as data (a function of the answers so far),
`answers` turns replies into values, `session` asks the first unanswered
question until none is left and keeps drafts, `builder` turns complete answers
into an org file, and `terminal` is the one place that draws screens (rich).
Everything but `terminal` is plain Python that a script or a test can drive.
"""
