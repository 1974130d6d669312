"""One spider per source; each is a few lines on top of `base.SourceSpider`."""
