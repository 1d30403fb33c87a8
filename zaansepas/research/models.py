"""Qualitative research: sessions per policy theme, participants, interviews and coded statements."""
