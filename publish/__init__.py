"""Stage 4: the Dutch site for practice nurses, rendered from the catalogue with Jinja2 and
built with MkDocs Material (templates and static docs in site/), and the editor's reports."""
