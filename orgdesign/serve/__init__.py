"""The workshop page: `orgdesign serve` answers what-ifs over HTTP for a page in the browser.

This layer sits beside cli/: it calls input/, engine/ and present/ the way a command
does, but keeps the org file and the rulebook loaded between requests so a what-if
costs one solve, not a start-up. The page holds the scenario; the server is stateless
apart from that warm cache, so two tabs never corrupt each other. `workshop` is the
warm state, `security` the gate every request passes, `app` the routes.
"""
