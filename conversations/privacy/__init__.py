"""Privacy by design: consent, export, erasure, retention, identity proofs, access checks."""
