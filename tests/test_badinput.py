"""The bad-input helper itself: it fails a reader that raises the wrong error, names no line or stores on refusal."""

from __future__ import annotations

import pytest

from tests.badinput import assert_refuses_properly


class Refused(ValueError):
    """The documented error of the readers below."""


def test_a_proper_refusal_and_an_acceptance_both_pass(tmp_path):
    def strict(path):
        raise Refused(f"{path}: line 2, column count: not a number")

    assert isinstance(assert_refuses_properly(strict, b"x", error=Refused, folder=tmp_path), Refused)
    assert assert_refuses_properly(lambda path: None, b"x", error=Refused, folder=tmp_path) is None


def test_another_exception_fails(tmp_path):
    def sloppy(path):
        raise KeyError("count")

    with pytest.raises(KeyError):
        assert_refuses_properly(sloppy, b"x", error=Refused, folder=tmp_path)


def test_an_error_without_the_file_or_a_line_fails(tmp_path):
    with pytest.raises(AssertionError, match="names no line"):
        assert_refuses_properly(
            lambda path: (_ for _ in ()).throw(Refused(f"{path}: bad")), b"x", error=Refused, folder=tmp_path
        )
    with pytest.raises(AssertionError, match="does not name the file"):
        assert_refuses_properly(
            lambda path: (_ for _ in ()).throw(Refused("line 1: bad")), b"x", error=Refused, folder=tmp_path
        )


def test_a_refusal_that_stored_something_fails(tmp_path):
    rows = []

    def leaky(path):
        rows.append(path)
        raise Refused(f"{path}: line 1: bad header")

    with pytest.raises(AssertionError, match="changed what is stored"):
        assert_refuses_properly(leaky, b"x", error=Refused, folder=tmp_path, stored=lambda: len(rows))
