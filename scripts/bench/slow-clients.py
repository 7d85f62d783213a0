#!/usr/bin/env python3
"""Slow and idle clients against a running server: `slow-clients.py PORT PID [seconds]`.

Opens 2,000 connections that never send a byte and 4,000 that send one header line every 5 s, then samples,
every 5 s: how many of each are still open, the server's resident memory, and how long a normal request takes
meanwhile. Prints one line per sample.
"""
import asyncio
import sys
import time

PORT = int(sys.argv[1])
PID = int(sys.argv[2])
SECONDS = int(sys.argv[3]) if len(sys.argv) > 3 else 40


def rss_mib():
    with open(f"/proc/{PID}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


async def silent(open_count):
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
    except OSError:
        return
    open_count["silent"] += 1
    try:
        await reader.read()  # returns b"" when the server closes
    except OSError:
        pass
    open_count["silent"] -= 1


async def trickle(open_count):
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
    except OSError:
        return
    open_count["trickle"] += 1
    try:
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\n")
        for i in range(1000):
            await asyncio.sleep(5)
            if reader.at_eof():
                break
            writer.write(f"X-Slow-{i}: 1\r\n".encode())
            await writer.drain()
    except OSError:
        pass
    open_count["trickle"] -= 1


async def normal_request_ms():
    start = time.monotonic()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
        writer.write(b"GET /careers/nurse HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        await writer.drain()
        head = await reader.readline()
        await reader.read()
        writer.close()
    except OSError as e:
        return (time.monotonic() - start) * 1000, f"failed ({e})"
    parts = head.split(b" ")
    status = parts[1].decode() if len(parts) > 1 else "closed without a response"
    return (time.monotonic() - start) * 1000, status


async def main():
    open_count = {"silent": 0, "trickle": 0}
    print(f"t=0s rss={rss_mib():.1f} MiB before")
    tasks = [asyncio.create_task(silent(open_count)) for _ in range(2000)]
    tasks += [asyncio.create_task(trickle(open_count)) for _ in range(4000)]
    start = time.monotonic()
    while time.monotonic() - start < SECONDS:
        await asyncio.sleep(5)
        ms, status = await normal_request_ms()
        print(
            f"t={time.monotonic() - start:.0f}s open: silent={open_count['silent']} "
            f"trickling={open_count['trickle']} rss={rss_mib():.1f} MiB normal request: {status} in {ms:.1f} ms",
            flush=True,
        )
    for t in tasks:
        t.cancel()


asyncio.run(main())
