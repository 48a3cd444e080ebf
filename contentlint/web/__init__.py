"""`contentlint serve`: a local web page for marketers over the same engine and templates as the reports.

Needs the `web` extra (Starlette, uvicorn, python-multipart); only `contentlint.web.app` imports them.
"""
