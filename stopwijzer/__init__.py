"""Stopwijzer: command line and the pipeline that ties the stages together."""
