"""Rules of privacy and retention."""
