"""python -m storyline: the same as the storyline command."""

from storyline.serve.cli import main

main()
