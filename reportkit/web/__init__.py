"""The web page for a meeting secretariat (`reportkit serve`): the second face beside the
command line, over the same library, so that people without Python or a terminal can
upload a workbook, read its problems and download its report from a browser.

A folder holds one sub-folder per meeting, laid out as `reportkit build -o outputs` lays
it out (`meetings`), so the page and the command line share files, build state and locks.
Every page and file needs the server's token (`access`); builds run off the event loop
(`builds`), so one slow report never stops the page answering others.
"""

from __future__ import annotations

from reportkit.web.app import create_app

__all__ = ["create_app"]
