"""gunicorn settings for production; gunicorn reads this file from the working directory.

`preload_app`: importing the URLs loads scipy.stats, pandas and WeasyPrint (the analysis,
the exports and the PDF report), 5–10 seconds per process on a small server. Preloaded, the
master imports once and every worker starts as a fork of it, so a restarted or recycled
worker serves at once and the imported code is shared between workers (copy-on-write).
Django opens no database connection at import, so nothing is shared that must not be."""

wsgi_app = "zaansepas.wsgi:application"
preload_app = True
# Finding themes in thousands of open answers or rendering a report PDF takes seconds;
# 60 s leaves room without letting a stuck request hold a worker for long.
timeout = 60
