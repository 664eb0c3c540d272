"""Rules of working time and attendance."""
