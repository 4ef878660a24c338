#!/usr/bin/env python3
"""Renders a local HTML file in headless Chromium over the DevTools pipe, saves a PNG screenshot
and reports every resource that failed to load. Python standard library only.

usage: cdp_render.py CHROMIUM HTML PNG [WIDTH]
exit: 0 when the page loaded with no failed resource, 1 otherwise."""
import base64, json, os, subprocess, sys, time

chromium, html, png = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
width = int(sys.argv[4]) if len(sys.argv) > 4 else 1400

to_browser_r, to_browser_w = os.pipe()
from_browser_r, from_browser_w = os.pipe()


def child_fds():
    # The pipe ends may already be 3 or 4, and os.pipe() ends close on exec: copy them out of
    # the way, then dup2 (which makes inheritable copies) onto 3 and 4.
    read_end, write_end = os.dup(to_browser_r), os.dup(from_browser_w)
    os.dup2(read_end, 3)
    os.dup2(write_end, 4)


browser = subprocess.Popen(
    [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
     "--remote-debugging-pipe", "--user-data-dir=" + os.path.join(os.path.dirname(os.path.abspath(png)), ".chromium-profile")],
    preexec_fn=child_fds, close_fds=False,
    stdout=subprocess.DEVNULL, stderr=open(png + ".log", "w"))
os.close(to_browser_r)
os.close(from_browser_w)
writer = os.fdopen(to_browser_w, "wb", buffering=0)
reader = os.fdopen(from_browser_r, "rb", buffering=0)
buffer = b""
events = []
next_id = 0


def receive():
    global buffer
    while b"\0" not in buffer:
        chunk = reader.read(65536)
        if not chunk:
            raise SystemExit("chromium closed the DevTools pipe")
        buffer += chunk
    message, buffer = buffer.split(b"\0", 1)
    return json.loads(message)


def call(method, params=None, session=None, timeout=60):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    writer.write(json.dumps(message).encode() + b"\0")
    deadline = time.time() + timeout
    while time.time() < deadline:
        reply = receive()
        if reply.get("id") == next_id:
            if "error" in reply:
                raise SystemExit(f"{method} failed: {reply['error']}")
            return reply.get("result", {})
        events.append(reply)
    raise SystemExit(f"{method} timed out")


def wait_for(method, timeout=60):
    deadline = time.time() + timeout
    while not any(e.get("method") == method for e in events):
        if time.time() > deadline:
            raise SystemExit(f"no {method} within {timeout}s")
        events.append(receive())


target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
for domain in ("Network.enable", "Page.enable", "Log.enable", "Runtime.enable"):
    call(domain, session=session)
call("Emulation.setDeviceMetricsOverride",
     {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": False}, session=session)
call("Page.navigate", {"url": "file://" + html}, session=session)
wait_for("Page.loadEventFired")
size = call("Page.getLayoutMetrics", session=session)["cssContentSize"]
height = min(int(size["height"]), 6000)
shot = call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                       "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}},
            session=session)
with open(png, "wb") as f:
    f.write(base64.b64decode(shot["data"]))
try:
    call("Browser.close", timeout=10)
except SystemExit:
    pass
browser.wait(timeout=30)

failed = [e["params"] for e in events if e.get("method") == "Network.loadingFailed"]
bad_status = [e["params"]["response"] for e in events if e.get("method") == "Network.responseReceived"
              and e["params"]["response"].get("status", 200) >= 400]
errors = [e["params"]["entry"] for e in events if e.get("method") == "Log.entryAdded"
          and e["params"]["entry"].get("level") == "error"]
requests = sum(1 for e in events if e.get("method") == "Network.requestWillBeSent")
print(f"rendered {html} ({width}x{int(size['height'])} CSS px, screenshot {height} px high) to {png}; "
      f"{requests} requests, {len(failed)} failed, {len(bad_status)} with an error status, {len(errors)} console errors")
for item in failed:
    print(f"  failed: {item.get('errorText')} ({item.get('type')})")
for item in bad_status:
    print(f"  status {item.get('status')}: {item.get('url')}")
for item in errors:
    print(f"  console error: {item.get('text')} {item.get('url', '')}")
sys.exit(1 if failed or bad_status or errors else 0)
