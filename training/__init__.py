"""Training code for the shipped models (requirements-train.txt; never imported at run time)."""
