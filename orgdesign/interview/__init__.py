"""The guided interview: plain questions for someone with no org file yet, ending in an org file.

`wording` says how the interview speaks of each function and objective and what
it suggests; `questions` holds the questions as data (a function of the answers
so far); `answers` turns replies into values; `session` asks the first
unanswered question until none is left and keeps drafts; `builder` turns
complete answers into an org file; `terminal` is the one place that draws
screens (rich). Everything but `terminal` is plain Python a script or a test
can drive.
"""
