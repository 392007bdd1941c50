"""Allow ``python -m argmap``."""

from argmap.cli import run

if __name__ == "__main__":
    run()
