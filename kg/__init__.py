"""The kg command line, workspace and errors."""
