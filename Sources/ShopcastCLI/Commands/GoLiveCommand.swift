import Foundation
import ShopcastCore

/// `shopcast go-live`: capture, encode once, push to every destination at once.
enum GoLiveCommand {
    static let spec = CommandSpec(
        name: "go-live",
        summary: "Capture, encode once, and stream to every destination at once.",
        options: [
            OptionSpec("input", short: "i", value: "SOURCE", repeatable: true, completion: .file,
                       help: "Source: test (default), a media file, camera[:/dev/videoN], screen[:DISPLAY], mic[:DEVICE], or an rtmp://, srt://, http(s):// feed. A second input may supply the audio."),
            OptionSpec("to", short: "t", value: "DEST", repeatable: true, completion: .file,
                       help: "Destination: rtmp://, rtmps:// or srt:// URL, youtube, facebook, twitch, or a recording path (.mkv, .mp4, .flv, .ts). ${NAME} in a URL is read from the environment."),
            OptionSpec("manifest", short: "m", value: "FILE", completion: .file,
                       help: "Show the manifest's product cards and banners live at their moments, and write offer events to --events. Its show.duration ends the stream when --duration is not given."),
            OptionSpec("loop", help: "Play a media-file input again from the start when it ends."),
            OptionSpec("preset", value: "NAME", completion: .values(OutputFormat.presetNames),
                       help: "Output format: 720p30 (default), 1080p30, 480p30, or vertical (720x1280, 30 fps)."),
            OptionSpec("size", value: "WxH", help: "Override the preset's frame size, e.g. 1280x720."),
            OptionSpec("fps", value: "N", help: "Override the preset's frame rate (frames per second)."),
            OptionSpec("video-bitrate", value: "RATE", help: "Video bitrate, e.g. 3000k or 4.5M (default: the preset's)."),
            OptionSpec("audio-bitrate", value: "RATE", help: "Audio bitrate (default 128k)."),
            OptionSpec("keyint", value: "DURATION", help: "Keyframe interval (default 2s)."),
            OptionSpec("encoder-speed", value: "NAME",
                       completion: .values(["ultrafast", "superfast", "veryfast", "faster", "fast", "medium"]),
                       help: "x264 speed preset (default veryfast): slower gives better quality per bit."),
            OptionSpec("duration", value: "DURATION", help: "Stop after this long, e.g. 45m or 1h30m; the show then exits 0."),
            OptionSpec("retries", value: "N", help: "Give up on a destination after N failed reconnections (default: keep trying, unless the server refuses the same way 5 times in a row)."),
            OptionSpec("hold-audio", value: "FILE", completion: .file,
                       help: "Play FILE's sound, looped, under the holding slate (default: silence)."),
            OptionSpec("ca-file", value: "FILE", completion: .file,
                       help: "Trust this PEM certificate authority for rtmps:// (default: the system store)."),
            OptionSpec("events", value: "FILE", completion: .file,
                       help: "Write JSON-lines events (started, connected, lost, retrying, stats, offers, stock, ended) to FILE, or - for stdout."),
            OptionSpec("control", value: "[ADDR:]PORT",
                       help: "Serve the control API (HTTP and WebSocket) on PORT, on 127.0.0.1 unless ADDR is given; any other address needs a token."),
            OptionSpec("control-token-file", value: "FILE", completion: .file,
                       help: "Require this bearer token (the file's text, mode 0600) on every control API request; default SHOPCAST_CONTROL_TOKEN."),
            OptionSpec("journal", value: "FILE", completion: .file,
                       help: "Append every applied command to FILE, on disk before the API answers; started again on the same FILE, the show resumes."),
            OptionSpec("webhook", value: "URL", repeatable: true,
                       help: "POST offer and stock events to this http:// or https:// URL as they hit the screen; ${NAME} is read from the environment."),
            OptionSpec("webhook-secret-file", value: "FILE", completion: .file,
                       help: "Sign every webhook delivery as the Standard Webhooks specification says, with the secret in FILE (whsec_ and base64)."),
            OptionSpec("quiet", short: "q", help: "Print nothing but errors."),
            OptionSpec("verbose", short: "v", help: "Also print FFmpeg's own log lines (keys masked)."),
        ],
        discussion: [
            "Encoding happens once (H.264 and AAC-LC 48 kHz stereo, constant frame rate, a keyframe every --keyint) and the packets go to every destination, each with its own queue and writer: a slow or dead destination never stalls the others. A network destination that fails reconnects on its own (first wait 2 s, then x1.5 each time up to 60 s, with jitter) and resumes on the next keyframe. The terminal says why a destination was lost once per reason (the server's own words when FFmpeg logs them: \"Already publishing\", a rejected key), not at every attempt. A server that refuses the stream the same way 5 times in a row (a wrong key or application, a stream name another publisher holds, a wrong SRT passphrase) is given up on with a message that says so, unless --retries was given; a server that does not answer is retried on.",
            "A file plays at its real pace with its sound and pictures together to the millisecond, whatever the container (MP4, Matroska, MPEG-TS, FLV); each --loop pass plays exactly as the first (the file is opened afresh), so loops neither drift nor clip the sound at the seam. A video's display matrix (a phone's portrait recording, turned 90, 180 or 270 degrees, or mirrored) is honoured: its pictures go out upright. A network feed starts at its first keyframe and is shown one second after it arrives: room for the sound an MPEG-TS feed (SRT) sends up to ~0.7 s after its pictures, so none of it is lost.",
            "Never a frozen picture: when the picture input delivers nothing for a second (a feed whose publisher stopped while the ingest keeps the connection open, a lost connection being retried, a device gone quiet), and as soon as an input file ends before --duration or show.duration (without --loop; a warning says so), viewers see the holding slate — \"We'll be right back\" in the show's language, a clock of the break ticking every second and the show's title, in the manifest's theme (a built-in look without one) — over silence (or --hold-audio FILE, looped), until pictures flow again. The producer puts the same slate up for a break with 'shopcast cue slate' (POST /v1/slate) and takes it down with --off. The stream never stops for it: timestamps stay continuous, keyframes on their grid, every destination connected. Without a set length, the show ends with its input file. A lost feed is retried quickly (after 0.5 s, then ×1.5 up to 5 s) and is on air again a second after its first keyframe arrives. The show's length from show.duration counts from the stream's real start, after its inputs opened.",
            "Platform names read their stream key from the environment (SHOPCAST_YOUTUBE_KEY, SHOPCAST_FACEBOOK_KEY, SHOPCAST_TWITCH_KEY) or from $XDG_CONFIG_HOME/shopcast/keys/NAME, which must be mode 0600. Keys are masked as **** in everything shopcast prints.",
            "Without --to, the show is recorded to ./shopcast-YYYYmmdd-HHMMSS.mkv. Recordings survive a crash: after SIGKILL the file plays up to about a second before it. Before going live, a warning says when a recording's disk has room for less than ten minutes at the stream's rate; a full disk stops that recording alone (\"write: No space left on device\", exit status 74 at the end) while the show and the other destinations go on, and what it wrote plays. SIGINT or SIGTERM stops cleanly (exit 0); a second one exits at once.",
            "With --manifest, offsets count from show.starts when it is set (a stream that cron starts early shows a \"starting soon\" slate with a countdown until then), otherwise from the stream's first frame. One show director decides what is on screen, frame by frame, from the manifest's schedule and the commands it receives: a scheduled card is on the first frame at or after its offer's start and gone from the first frame at or after its end; an offer without 'at' is on cue and shows only when cued. Stock belongs to the product: its first offer with a quantity sets it, sales and the producer change it, and at 0 the card shows SOLD OUT in the show's language (price struck through, no countdown).",
            "--control [ADDR:]PORT serves the control API (HTTP/1.1 and JSON, on 127.0.0.1 unless ADDR is given) for 'shopcast cue', scripts, a Stream Deck or the shop's backend: GET /v1/state (the live offer with its prices, end, seconds left and stock; the next scheduled offer; stock by product; banners; each destination's state, lag and drops; each input's health; stream time), POST /v1/offers/ID/cue (by offer or product id, with optional JSON overrides for, discount, price, code, quantity), POST /v1/offers/next, POST /v1/offers/end, POST /v1/offers/extend and /v1/offers/shorten ({\"by\":SECONDS}), PUT /v1/stock/PRODUCT ({\"units\":N}), POST /v1/stock/PRODUCT/sold ({\"units\":N}, 1 without a body), POST /v1/stock/PRODUCT/restock, POST /v1/stock/PRODUCT/sold-out, POST /v1/banners ({\"text\":…,\"for\":SECONDS}), DELETE /v1/banners, POST /v1/slate and DELETE /v1/slate (a break: the holding slate up, then down), GET /v1/events (the live events: server-sent events, or a WebSocket when the request upgrades), GET /metrics (Prometheus text), GET /health (no token needed) and GET /v1/openapi.json (the API in OpenAPI 3). A command is applied between two frames, never delaying one; an accepted one answers 200 with the stream time of the first frame that shows it.",
            "The show's rules: a command acts on the show as it was when it arrived, and shows from the next frame; the producer's latest word wins; never two offers on screen (a cue replaces the live offer); a scheduled offer that was cued early, replaced or ended does not come back at its time; a scheduled offer that comes due while a cued or extended offer is on screen waits for it to end, then runs for what is left of its slot, or is skipped (offer.skipped) if its slot has passed. Refusals change nothing: an unknown id is 404 with the known ids, a malformed body or bad field 400 naming the field, a body over 64 KiB 413, another method 405, nothing to act on or the show over 409, a command the show could not take within 5 s because it has not started 503.",
            "Any other address than loopback needs a token, or go-live refuses to start (exit status 78): --control-token-file FILE (mode 0600) or SHOPCAST_CONTROL_TOKEN, at least 16 characters; every request but /health then needs 'Authorization: Bearer TOKEN' (401 otherwise, a WebSocket upgrade included; compared in constant time). The token is never printed. A client must send its first request within 10 s of connecting; at most 512 connections at once.",
            "--journal FILE appends every applied command to FILE, on disk (fsync) before the API answers and before its events and webhooks go out; a command the journal could not keep (a full disk) is answered 500 and warned about. Started again with the same FILE and manifest, after a crash or a reboot, go-live replays it: the live offer comes back with its original end (if not past), the stock as it was, what was cued stays cued; offsets keep counting from the first run's origin; what came and went while go-live was down passes in silence, as for a show started late (an offer whose time ran out meanwhile ends then); the offer on screen is announced again (offer.start), after show.resumed. A line cut short by a crash is dropped. A journal belongs to one show: give a new FILE for a new show.",
            "--webhook URL (repeatable) POSTs offer.start, offer.end, offer.skipped, offer.changed, stock.changed and product.sold-out as they hit the screen, through the same sender as 'shopcast schedule run' (retries, Standard Webhooks signatures with --webhook-secret-file; see shopcast-schedule(1)).",
            "--events writes one JSON object per line, in the one dialect of every event stream (the --events file, the control API's stream, webhook bodies): keys in a fixed order, starting with event, time (UTC, ISO 8601 with milliseconds), stream_time (seconds of stream), offset (show offset, for show events; null otherwise) and sequence (1, 2, 3 … in order). The events: stream.started, control.listening, show.resumed, destination.connected, destination.lost, destination.retrying, destination.failed (gave up), input.lost, input.retrying, input.connected, input.failed (a network feed), input.stalled (no picture for a second), input.resumed (pictures again, with after: seconds), input.ended (an input file ended before the show), slate.start (with reason: break, input-stalled, input-lost, input-ended), slate.end (with seconds), encoder.behind (the machine could not keep up: how far behind it got and skipped_frames, the pictures repeated to catch up while timestamps, keyframes and sound ran on unbroken), stats (every 5 s: fps, bitrate, each destination's state, sent and dropped packets, bytes and lag), offer.start, offer.end (with reason: time, ended, replaced, show-ended), offer.skipped, offer.changed (extended or shortened), stock.changed, product.sold-out, banner.start, banner.end, command.applied, command.refused, and stream.ended with the reason and the exit status. Offer events carry offer (its id), product, name, currency, list_price and sale_price (exact decimal strings) with list_price_text and sale_price_text (in the show's locale), discount, code, stock, url, starts_at, ends_at (UTC), cued, late, and remaining or reason; banner events banner (its id), text, starts_at, ends_at.",
            "Durations read 90s, 5m, 1h30m or plain seconds; rates read 3000k, 3M or plain bits per second.",
        ],
        examples: [
            ("shopcast go-live", "Record the test pattern to a local file (works offline)."),
            ("shopcast go-live -i camera -i mic --manifest show.yaml -t youtube --events offers.jsonl",
             "Go live with the manifest's product cards; offer events to a file for the shop."),
            ("SHOPCAST_YOUTUBE_KEY=... shopcast go-live -i camera -i mic -t youtube -t twitch -t show.mkv",
             "Camera and microphone to YouTube and Twitch at once, with a local recording."),
            ("shopcast go-live -i promo.mp4 --loop --preset vertical -t 'rtmps://live-upload.instagram.com:443/rtmp/${IG_KEY}'",
             "Loop a file to Instagram in 9:16, the key read from the environment."),
            ("shopcast go-live -i camera -i mic --manifest show.yaml -t youtube --control 8080 --journal show.journal",
             "A show the producer steers with 'shopcast cue' (or curl) on this machine; a crash loses no cue."),
            ("SHOPCAST_CONTROL_TOKEN=... shopcast go-live --manifest show.yaml -t twitch --control 0.0.0.0:8080 --webhook https://shop.example/hooks/live --webhook-secret-file shop.key",
             "The control API open to the studio's network (token required), and the shop told of every offer and sale."),
        ])

    static let command = Command(spec) { parsed, context in
        let options = try GoLiveOptions(parsed, environment: context.environment)
        return try GoLiveRunner.run(options, context: context)
    }
}
