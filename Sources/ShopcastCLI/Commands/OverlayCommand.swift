import Foundation
import ShopcastCore

/// `shopcast overlay`: the manifest's overlays burnt into a recording, or previewed as stills.
enum OverlayCommand {
    static let spec = CommandSpec(
        name: "overlay",
        summary: "Burn a show's product cards and banners into a recorded video, or preview them as pictures.",
        operands: "[INPUT]",
        options: [
            OptionSpec("manifest", short: "m", value: "FILE", completion: .file,
                       help: "The show manifest whose offers and banners are drawn (required)."),
            OptionSpec("output", short: "o", value: "PATH", completion: .file,
                       help: "Where to write: the new video file (.mp4, .mov or .mkv; never overwritten), or with --preview a folder for the PNGs."),
            OptionSpec("start", value: "OFFSET",
                       help: "Show offset at the recording's first frame, e.g. 5m when it began five minutes into the show (default 0); --start=-30s for one begun 30 s early shows the starting-soon slate first."),
            OptionSpec("chat-log", value: "FILE", completion: .file,
                       help: "Draw the chat as it aired, from a go-live --chat-log FILE."),
            OptionSpec("journal", value: "FILE", completion: .file,
                       help: "Replay the producer's commands from a go-live --journal FILE: the burn shows the cues, stock and banners the stream showed."),
            OptionSpec("crf", value: "N",
                       help: "x264 constant rate factor from 0 (lossless) to 51; lower is better and bigger (default 20)."),
            OptionSpec("encoder-speed", value: "NAME", completion: .values(X264Speed.all),
                       help: "x264 speed preset (default veryfast): slower presets give smaller files at the same quality."),
            OptionSpec("preview", help: "Write still PNGs of the overlays and a contact sheet instead of burning a video."),
            OptionSpec("at", value: "TIME", help: "With --preview: one still at this show offset, e.g. 5m30s."),
            OptionSpec("offer", value: "ID", help: "With --preview: one still of the offer with this id, as 'shopcast schedule plan' lists them (an offer on cue as if just cued)."),
            OptionSpec("size", value: "WxH",
                       help: "With --preview: the frame size (default: the manifest's show.preset, else 1280x720)."),
            OptionSpec("background", value: "FILE", completion: .file,
                       help: "With --preview: draw over this picture, or a video's first frame (default: a neutral studio backdrop)."),
            OptionSpec("quiet", short: "q", help: "Print nothing but errors (no progress bar, no summary)."),
        ],
        discussion: [
            "shopcast overlay INPUT --manifest show.yaml -o OUTPUT draws what go-live --manifest draws live, onto a recording, as fast as the machine allows. Offsets count from the recording's first frame (plus --start): a card is on the first frame whose timestamp is at or after its offer's start and gone from the first frame at or after its end, and its countdown shows the whole seconds left. Every frame keeps its timestamp. With --journal (the FILE of go-live --journal), the producer's commands are applied at the offsets the stream applied them, through the same show director, so the burn shows what the stream showed: cued offers, stock and SOLD OUT, banners; without --start, the recording is taken to begin where that run's stream began.",
            "The first video stream is decoded, drawn on and encoded with libx264 at constant quality (--crf, --encoder-speed); a phone's portrait recording (its display matrix: turned 90, 180 or 270 degrees, or mirrored) is turned upright first, so OUTPUT is upright with the cards laid out for its shape, and a --background video or photo (its EXIF orientation) is shown upright too; every audio stream is copied untouched (packets remuxed, not re-encoded); subtitle and data streams are left out, with a warning naming each; when a stream starts before zero (Opus's pre-skip, an edited file), every stream is moved later by that much, in sync, and a warning says by how much. A burn that draws no offer (the recording misses them all) says so, with the show time it covers. The container follows OUTPUT's extension: .mp4 and .mov (index at the front, for quick playback on the web) or .mkv. An existing OUTPUT is never overwritten, and a burn that fails removes its partial file.",
            "A progress bar runs on stderr when it is a terminal; otherwise only a summary line is printed at the end. SIGINT or SIGTERM stops early and still finishes OUTPUT: it is kept, plays, and ends at the frame where the burn stopped; shopcast then exits 130. A second signal quits at once and deletes the partial OUTPUT.",
            "shopcast overlay --preview --manifest show.yaml -o DIR writes one PNG per offer (one second into it, so the countdown shows a second gone), or one for --at or --offer, at the show's size, over --background or a neutral backdrop; without --at or --offer, also DIR/contact-sheet.png: every still in a grid under the show's title, each captioned by its product, moment and offer (one offer or one moment leaves an existing sheet as it is). The paths written are printed on stdout, one per line; existing PNGs of the same names are replaced.",
        ],
        examples: [
            ("shopcast overlay recording.mp4 --manifest show.yaml -o with-cards.mp4",
             "Burn the show's cards into a recording, audio copied as it is."),
            ("shopcast overlay camera-iso.mkv -m show.yaml --start 12m -o clip.mkv --crf 18",
             "A recording that began 12 minutes into the show, at higher quality."),
            ("shopcast overlay clean-feed.mkv -m show.yaml --journal show.journal -o as-aired.mp4",
             "A clean recording with the show drawn as it aired, cues and sales included."),
            ("shopcast overlay --preview -m show.yaml -o previews/",
             "One still per offer and previews/contact-sheet.png, to check the look before going live."),
            ("shopcast overlay --preview -m show.yaml -o previews/ --offer scarf-silk --size 720x1280 --background studio.jpg",
             "The offer scarf-silk as a vertical (9:16) viewer sees it, over a photo of the set."),
        ])

    static let command = Command(spec) { parsed, context in
        let options = try OverlayOptions(parsed)
        switch options.mode {
        case .burn(let burn): return try OverlayBurnRunner.run(burn, options: options, context: context)
        case .preview(let preview): return try OverlayPreviewRunner.run(preview, options: options, context: context)
        }
    }
}
