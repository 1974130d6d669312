"""Errors that name where bad input came from, so an editor can find and fix it.

Here, upstream of every stage, so that each stage raises them and the command line reports them
as one line (stopwijzer/cli.py); any other ValueError is a bug and shows its traceback.
"""


class InputError(ValueError):
    """Our own check found bad input: a file, an option, a setting or a record."""


class ParseError(InputError):
    """A page did not have the structure its parser expects (a layout change or a broken page)."""

    def __init__(self, source: str, url: str, field: str, problem: str):
        self.source, self.url, self.field, self.problem = source, url, field, problem
        super().__init__(f"{source}: {url}: field '{field}': {problem}")
