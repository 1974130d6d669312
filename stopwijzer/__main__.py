from stopwijzer.cli import run

run()
