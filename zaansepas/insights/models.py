"""Weighting, analysis, open answers, longlists (groslijsten) and the results report."""
