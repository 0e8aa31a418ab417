"""A portfolio of org files: plan the jobs, run them in parallel, and summarize across them."""
