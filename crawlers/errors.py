"""Errors that name where bad input came from, so an editor can find and fix it."""


class ParseError(ValueError):
    """A page did not have the structure its parser expects (a layout change or a broken page)."""

    def __init__(self, source: str, url: str, field: str, problem: str):
        self.source, self.url, self.field, self.problem = source, url, field, problem
        super().__init__(f"{source}: {url}: field '{field}': {problem}")
