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
            OptionSpec("retries", value: "N", help: "Give up on a destination after N failed reconnections (default: keep trying)."),
            OptionSpec("ca-file", value: "FILE", completion: .file,
                       help: "Trust this PEM certificate authority for rtmps:// (default: the system store)."),
            OptionSpec("events", value: "FILE", completion: .file,
                       help: "Write JSON-lines events (started, connected, lost, retrying, stats, ended) to FILE, or - for stdout."),
            OptionSpec("quiet", short: "q", help: "Print nothing but errors."),
            OptionSpec("verbose", short: "v", help: "Also print FFmpeg's own log lines (keys masked)."),
        ],
        discussion: [
            "Encoding happens once (H.264 and AAC-LC 48 kHz stereo, constant frame rate, a keyframe every --keyint) and the packets go to every destination, each with its own queue and writer: a slow or dead destination never stalls the others. A network destination that fails reconnects on its own (first wait 2 s, then x1.5 each time up to 60 s, with jitter) and resumes on the next keyframe.",
            "Platform names read their stream key from the environment (SHOPCAST_YOUTUBE_KEY, SHOPCAST_FACEBOOK_KEY, SHOPCAST_TWITCH_KEY) or from $XDG_CONFIG_HOME/shopcast/keys/NAME, which must be mode 0600. Keys are masked as **** in everything shopcast prints.",
            "Without --to, the show is recorded to ./shopcast-YYYYmmdd-HHMMSS.mkv. Recordings survive a crash: after SIGKILL the file plays up to about a second before it. SIGINT or SIGTERM stops cleanly (exit 0); a second one exits at once.",
            "With --manifest, offsets count from show.starts when it is set (a stream that cron starts early shows a \"starting soon\" slate with a countdown until then), otherwise from the stream's first frame. A card is on the first frame at or after its offer's start and gone from the first frame at or after its end; each change writes offer.start, offer.end, banner.start or banner.end to --events as it hits the screen.",
            "--events writes one JSON object per line, each with \"event\" and \"time\": stream.started, destination.connected, destination.lost, destination.retrying, destination.failed (gave up), input.lost, input.retrying, input.connected, input.failed (a network feed), encoder.behind (the machine could not keep up; frames skipped), stats (every 5 s: fps, bitrate, each destination's state, sent and dropped packets), offer.start, offer.end, banner.start, banner.end (with --manifest), and stream.ended with the reason and the exit status.",
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
        ])

    static let command = Command(spec) { parsed, context in
        let options = try GoLiveOptions(parsed, environment: context.environment)
        return try GoLiveRunner.run(options, context: context)
    }
}
