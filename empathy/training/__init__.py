"""Training code for the shipped models (needs requirements-train.txt; never imported at run time)."""
