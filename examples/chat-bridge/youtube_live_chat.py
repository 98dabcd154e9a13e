#!/usr/bin/env python3
"""A worked --chat bridge: YouTube Live chat to shopcast's JSON lines.

    YOUTUBE_API_KEY=... shopcast go-live ... --chat 'exec:python3 examples/chat-bridge/youtube_live_chat.py VIDEO_ID'

Polls the YouTube Data API v3 (videos.list for the broadcast's activeLiveChatId, then
liveChatMessages.list at the interval YouTube asks for) with the standard library alone, and
prints one JSON object a line, as `shopcast go-live --chat` reads them:
- a text message:       {"id", "author", "text"}
- a Super Chat/Sticker: {"id", "author", "text", "amount", "currency", "kind": "tip"}
- a deleted message:    {"delete": ID}   (a moderator removed it: it leaves the screen)
The key is read from the environment, never from the command line, and sent in the
X-Goog-Api-Key header, never in a URL (which proxies and logs keep). YOUTUBE_API_URL points the
bridge at another address of the same API (a proxy, or a test's stand-in). On an error it waits
and tries again; go-live restarts the command 2 s after it ends.

`--selftest` converts a recorded response (YouTube's documented shape) and checks the lines,
without the network.
"""
import json
import os
from decimal import Decimal
import sys
import time
import urllib.parse
import urllib.request

API = os.environ.get("YOUTUBE_API_URL") or "https://www.googleapis.com/youtube/v3/"


def get(path, key, **params):
    url = API.rstrip("/") + "/" + path + "?" + urllib.parse.urlencode(params)
    request = urllib.request.Request(url)
    # Not carried along if the answer redirects elsewhere.
    request.add_unredirected_header("X-Goog-Api-Key", key)
    with urllib.request.urlopen(request, timeout=15) as answer:
        return json.load(answer)


def lines(items):
    """shopcast chat lines for liveChatMessages items."""
    for item in items:
        snippet = item.get("snippet", {})
        author = item.get("authorDetails", {}).get("displayName") or "viewer"
        kind = snippet.get("type")
        if kind == "textMessageEvent":
            yield {"id": item["id"], "author": author, "text": snippet.get("displayMessage", "")}
        elif kind in ("superChatEvent", "superStickerEvent"):
            details = snippet.get("superChatDetails") or snippet.get("superStickerDetails") or {}
            # Exact, in the currency's own decimals (KWD has three): no binary floating point.
            amount = Decimal(int(details.get("amountMicros", "0"))) / Decimal(1_000_000)
            yield {"id": item["id"], "author": author, "kind": "tip", "text": details.get("userComment", ""),
                   "amount": format(amount.normalize(), "f"), "currency": details.get("currency", "USD")}
        elif kind == "messageDeletedEvent":
            deleted = snippet.get("messageDeletedDetails", {}).get("deletedMessageId")
            if deleted:
                yield {"delete": deleted}


def follow(video, key, place):
    """Prints the chat's new messages for as long as it runs. `place` keeps the page token across
    errors, so a retry goes on where it stopped instead of skipping what came meanwhile."""
    if "chat" not in place:
        video_info = get("videos", key, part="liveStreamingDetails", id=video)
        place["chat"] = video_info["items"][0]["liveStreamingDetails"]["activeLiveChatId"]
    while True:
        params = {"liveChatId": place["chat"], "part": "snippet,authorDetails"}
        token = place.get("token")
        if token:
            params["pageToken"] = token
        page = get("liveChat/messages", key, **params)
        # The first page is the backlog: shown only from the second on.
        if token:
            for line in lines(page.get("items", [])):
                print(json.dumps(line, ensure_ascii=False), flush=True)
        place["token"] = page.get("nextPageToken")
        time.sleep(max(1.0, page.get("pollingIntervalMillis", 5000) / 1000))


SAMPLE = {"items": [
    {"id": "LCC.abc", "snippet": {"type": "textMessageEvent", "displayMessage": "Does it come in blue?"},
     "authorDetails": {"displayName": "Giulia"}},
    {"id": "LCC.def", "snippet": {"type": "superChatEvent", "superChatDetails": {"amountMicros": "5000000", "currency": "EUR",
                                                                                  "userComment": "Great show!"}},
     "authorDetails": {"displayName": "Marco"}},
    {"id": "LCC.ghi", "snippet": {"type": "messageDeletedEvent", "messageDeletedDetails": {"deletedMessageId": "LCC.abc"}}},
    {"id": "LCC.jkl", "snippet": {"type": "newSponsorEvent"}, "authorDetails": {"displayName": "Anna"}},
    {"id": "LCC.mno", "snippet": {"type": "superStickerEvent", "superStickerDetails": {"amountMicros": "1250000",
                                                                                       "currency": "KWD"}},
     "authorDetails": {"displayName": "Omar"}},
]}


def main():
    if sys.argv[1:] == ["--selftest"]:
        got = list(lines(SAMPLE["items"]))
        want = [{"id": "LCC.abc", "author": "Giulia", "text": "Does it come in blue?"},
                {"id": "LCC.def", "author": "Marco", "kind": "tip", "text": "Great show!", "amount": "5", "currency": "EUR"},
                {"delete": "LCC.abc"},
                {"id": "LCC.mno", "author": "Omar", "kind": "tip", "text": "", "amount": "1.25", "currency": "KWD"}]
        assert got == want, got
        print("ok")
        return 0
    if len(sys.argv) != 2:
        print("usage: youtube_live_chat.py VIDEO_ID (with YOUTUBE_API_KEY in the environment)", file=sys.stderr)
        return 64
    key = os.environ.get("YOUTUBE_API_KEY")
    if not key:
        print("youtube_live_chat.py: set YOUTUBE_API_KEY", file=sys.stderr)
        return 78
    place = {}
    while True:
        try:
            follow(sys.argv[1], key, place)
        except Exception as error:  # the network, a quota: wait and go on
            print(f"youtube_live_chat.py: {type(error).__name__}; trying again in 10 s", file=sys.stderr)
            time.sleep(10)


if __name__ == "__main__":
    sys.exit(main())
