"""gunicorn's settings for `make serve` and the load test (gunicorn reads this file from the
working directory by itself); the command line adds the workers and the address.

Workers are replaced after many requests, against slow leaks in any library, with a jitter so
they are not all replaced at once. Not after 2,000: under load that booted a worker every two
seconds (1.3 s of CPU each, a third of the machine). The soak in loadtest/run.py samples the
workers' memory.
"""

max_requests = 100_000
max_requests_jitter = 10_000
graceful_timeout = 30
