"""How many social media objectives a department can own when its org file gives only a headcount.

One rule, read by the engine (a department without `capacity`) and by the
interview (the capacity it suggests), so the two never disagree. The steps
are documented in docs/format.md.
"""

from __future__ import annotations

# (fewer people than this, capacity) in increasing order; larger units get AT_MOST.
_STEPS = ((2, 1), (10, 2), (100, 3), (1000, 4))
AT_MOST = 5
UNKNOWN_HEADCOUNT = 3


def capacity_from_headcount(headcount: int | None) -> int:
    """The capacity a headcount implies: 1 for one person, up to 5 for a thousand or more.

    >>> capacity_from_headcount(40), capacity_from_headcount(None)
    (3, 3)
    """
    if headcount is None:
        return UNKNOWN_HEADCOUNT
    return next((capacity for limit, capacity in _STEPS if headcount < limit), AT_MOST)
