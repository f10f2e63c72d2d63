import sys

from docgen.cli import main

if __name__ == "__main__":  # a worker process started by `docgen web` imports this module again
    sys.exit(main())
