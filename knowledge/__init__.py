"""Knowledge base: per-site help-center articles, hybrid retrieval and extractive answers."""
