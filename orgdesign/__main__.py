"""`python -m orgdesign`."""

from orgdesign.cli import main

main()
