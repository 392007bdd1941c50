"""Fuzzing argmap's readers: the targets (:mod:`fuzz.targets`) and the atheris driver."""
