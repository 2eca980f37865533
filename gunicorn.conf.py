"""gunicorn settings for production (and the browser tests). See README.md for the variables.

The access log never holds a client address or a query string: a query can carry what a
visitor searched for, and an address can identify them.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = timeout
keepalive = 5
accesslog = "-"
errorlog = "-"
# %(U)s is the path without the query string; no %(h)s (address) and no %(r)s (request line).
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
