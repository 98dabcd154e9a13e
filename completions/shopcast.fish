# fish completion for shopcast.
# Generated from the command tree by scripts/update-docs. Edit the command specs, not this file.

# The command path of the line being completed: shopcast, shopcast/schedule, ... or, after
# "shopcast help", help, help/schedule, ...
function __shopcast_path
    set -l path shopcast
    set -l words (commandline -opc)
    set -e words[1]
    for word in $words
        if test $path = shopcast; and test "$word" = help
            set path help
            continue
        end
        switch "$path/$word"
            case shopcast/go-live shopcast/schedule shopcast/schedule/check shopcast/schedule/plan shopcast/schedule/now shopcast/schedule/run shopcast/schedule/cron shopcast/overlay shopcast/cue shopcast/cue/status shopcast/cue/offer shopcast/cue/next shopcast/cue/end shopcast/cue/extend shopcast/cue/shorten shopcast/cue/stock shopcast/cue/sold-out shopcast/cue/banner shopcast/cue/slate shopcast/cue/crop shopcast/cue/chat shopcast/cue/events help/go-live help/schedule help/schedule/check help/schedule/plan help/schedule/now help/schedule/run help/schedule/cron help/overlay help/cue help/cue/status help/cue/offer help/cue/next help/cue/end help/cue/extend help/cue/shorten help/cue/stock help/cue/sold-out help/cue/banner help/cue/slate help/cue/crop help/cue/chat help/cue/events
                set path "$path/$word"
            case '*'
                break
        end
    end
    echo $path
end

function __shopcast_at
    test (__shopcast_path) = $argv[1]
end

# File names only where a command or an option takes them.
complete -c shopcast -f

# shopcast
complete -c shopcast -n '__shopcast_at shopcast' -a 'go-live' -d 'Capture, encode once, and stream to every destination at once'
complete -c shopcast -n '__shopcast_at shopcast' -a 'schedule' -d 'Check, plan, query and run a show manifest\'s offers'
complete -c shopcast -n '__shopcast_at shopcast' -a 'overlay' -d 'Burn a show\'s product cards and banners into a recorded video, or preview them as pictures'
complete -c shopcast -n '__shopcast_at shopcast' -a 'cue' -d 'Steer a running show: cue offers, end or extend them, set stock, show banners, take a break, follow its events'
complete -c shopcast -n '__shopcast_at shopcast' -a 'help' -d 'Show a command\'s help'
complete -c shopcast -n '__shopcast_at shopcast' -l version -d 'Print the version and exit'
complete -c shopcast -n '__shopcast_at shopcast' -s h -l help -d 'Show this help and exit'

# shopcast go-live
complete -c shopcast -n '__shopcast_at shopcast/go-live' -s i -l input -r -F -d 'Source: test (default), a media file, camera[:/dev/videoN], screen[:DISPLAY], mic[:DEVICE], or an rtmp://, srt://, http(s):// feed. A second input may supply the audio'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -s t -l to -r -F -a 'youtube facebook twitch' -d 'Destination: rtmp://, rtmps:// or srt:// URL, youtube, facebook, twitch, or a recording path (.mkv, .mp4, .flv, .ts). ${NAME} in a URL is read from the environment. A preset before a colon sends that format to it: -t vertical:rtmps://…, -t 1080p30:youtube, -t vertical:show-9x16.mkv (default: --preset)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -s m -l manifest -r -F -d 'Show the manifest\'s product cards and banners live at their moments, and write offer events to --events. Its show.duration ends the stream when --duration is not given'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l loop -d 'Play a media-file input again from the start when it ends'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l preset -x -a '720p30 1080p30 480p30 vertical' -d 'Output format: 720p30 (default), 1080p30, 480p30, or vertical (720x1280, 30 fps; overlays keep clear of the apps\' buttons and captions)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l fit -x -a 'crop pad' -d 'How a picture of another shape fills a format: crop (fill it, cutting the sides or top and bottom) or pad (whole, on black bars). Default: crop a landscape picture for a portrait format, pad otherwise'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l crop-vertical -x -a 'left centre right' -d 'Which part of a landscape picture a cropped portrait format keeps: left, centre (default), right, or a percentage (0% left, 100% right) to follow the host'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l size -x -d 'Override the preset\'s frame size, e.g. 1280x720'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l fps -x -d 'Override the preset\'s frame rate (frames per second)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l video-bitrate -x -d 'Video bitrate, e.g. 3000k or 4.5M (default: the preset\'s)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l audio-bitrate -x -d 'Audio bitrate (default 128k)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l keyint -x -d 'Keyframe interval (default 2s)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l encoder-speed -x -a 'ultrafast superfast veryfast faster fast medium' -d 'x264 speed preset (default veryfast): slower gives better quality per bit'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l duration -x -d 'Stop after this long, e.g. 45m or 1h30m; the show then exits 0'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l retries -x -d 'Give up on a destination after N failed reconnections (default: keep trying, unless the server refuses the same way 5 times in a row)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l backup-input -r -F -d 'Cut to SOURCE (a media file, looped, or a second feed) after a second without pictures from the first input, instead of the holding slate; back once the first input has delivered for 2 s'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l chat -x -d 'Show viewers\' comments, tips and purchases from SOURCE: twitch:CHANNEL, irc://HOST[:PORT]/#CHANNEL or ircs://… (TLS), jsonl:FILE (a file a bridge appends JSON lines to), jsonl:- (standard input) or exec:COMMAND (its output); see Chat below'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l chat-hold -d 'Keep every chat message off the screen until approved (\'shopcast cue chat approve ID\' or POST /v1/chat/ID/approve)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l chat-log -r -F -d 'Append every chat message the show received (shown or held back by the flood rule) and every deletion to FILE as JSON lines, at their show offsets: overlay --chat-log replays the chat as it aired'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l hold-audio -r -F -d 'Play FILE\'s sound, looped, under the holding slate (default: silence)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l ca-file -r -F -d 'Trust this PEM certificate authority for rtmps:// (default: the system store)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l events -r -F -d 'Write JSON-lines events (started, connected, lost, retrying, stats, offers, stock, ended) to FILE, or - for stdout'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l control -x -d 'Serve the control API (HTTP and WebSocket) on PORT, on 127.0.0.1 unless ADDR is given; any other address needs a token'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l control-token-file -r -F -d 'Require this bearer token (the file\'s text, mode 0600) on every control API request; default SHOPCAST_CONTROL_TOKEN'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l journal -r -F -d 'Append every applied command to FILE, on disk before the API answers; started again on the same FILE, the show resumes'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l webhook -x -d 'POST offer and stock events to this http:// or https:// URL as they hit the screen; ${NAME} is read from the environment'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l webhook-secret-file -r -F -d 'Sign every webhook delivery as the Standard Webhooks specification says, with the secret in FILE (whsec_ and base64)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -s q -l quiet -d 'Print nothing but errors'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -s v -l verbose -d 'Also print FFmpeg\'s own log lines (keys masked)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -s h -l help -d 'Show this help and exit'

# shopcast schedule
complete -c shopcast -n '__shopcast_at shopcast/schedule' -a 'check' -d 'Check show manifests and report every problem with its line and column'
complete -c shopcast -n '__shopcast_at shopcast/schedule' -a 'plan' -d 'Print the rundown: each offer\'s start and end, product, prices, code and quantity'
complete -c shopcast -n '__shopcast_at shopcast/schedule' -a 'now' -d 'Show what is on screen at a moment; exit 0 when an offer is live, 1 when none'
complete -c shopcast -n '__shopcast_at shopcast/schedule' -a 'run' -d 'Follow the clock and emit offer and banner events as JSON lines and webhooks'
complete -c shopcast -n '__shopcast_at shopcast/schedule' -a 'cron' -d 'Print crontab and systemd timer lines that start go-live for the show'
complete -c shopcast -n '__shopcast_at shopcast/schedule' -s h -l help -d 'Show this help and exit'

# shopcast schedule check
complete -c shopcast -n '__shopcast_at shopcast/schedule/check' -F
complete -c shopcast -n '__shopcast_at shopcast/schedule/check' -l json -d 'Print the diagnostics as one JSON document on stdout instead of text on stderr'
complete -c shopcast -n '__shopcast_at shopcast/schedule/check' -s q -l quiet -d 'Print nothing when a manifest is clean'
complete -c shopcast -n '__shopcast_at shopcast/schedule/check' -s h -l help -d 'Show this help and exit'

# shopcast schedule plan
complete -c shopcast -n '__shopcast_at shopcast/schedule/plan' -F
complete -c shopcast -n '__shopcast_at shopcast/schedule/plan' -l start -x -d 'When the show starts (ISO 8601 with offset, or \'now\'); default show.starts. Adds wall-clock times'
complete -c shopcast -n '__shopcast_at shopcast/schedule/plan' -l json -d 'Print the plan as JSON on stdout'
complete -c shopcast -n '__shopcast_at shopcast/schedule/plan' -s h -l help -d 'Show this help and exit'

# shopcast schedule now
complete -c shopcast -n '__shopcast_at shopcast/schedule/now' -F
complete -c shopcast -n '__shopcast_at shopcast/schedule/now' -l at -x -a 'now' -d 'The moment to ask about (ISO 8601 with offset, or \'now\', the default)'
complete -c shopcast -n '__shopcast_at shopcast/schedule/now' -l start -x -d 'When the stream started, for a show without show.starts (ISO 8601 with offset, or \'now\')'
complete -c shopcast -n '__shopcast_at shopcast/schedule/now' -l json -d 'Print the answer as JSON on stdout'
complete -c shopcast -n '__shopcast_at shopcast/schedule/now' -s h -l help -d 'Show this help and exit'

# shopcast schedule run
complete -c shopcast -n '__shopcast_at shopcast/schedule/run' -F
complete -c shopcast -n '__shopcast_at shopcast/schedule/run' -l start -x -a 'now' -d 'When offset 0 is: an ISO 8601 time with offset, or \'now\'. Default show.starts, else now'
complete -c shopcast -n '__shopcast_at shopcast/schedule/run' -l events -r -F -d 'Append events as JSON lines to FILE, or - for stdout (the default)'
complete -c shopcast -n '__shopcast_at shopcast/schedule/run' -l webhook -x -d 'POST each event\'s JSON to this http:// or https:// URL; ${NAME} is read from the environment, so tokens stay out of ps'
complete -c shopcast -n '__shopcast_at shopcast/schedule/run' -l webhook-secret-file -r -F -d 'Sign every webhook delivery as the Standard Webhooks specification says, with the secret in FILE (whsec_ and base64)'
complete -c shopcast -n '__shopcast_at shopcast/schedule/run' -s q -l quiet -d 'Print nothing on stderr but errors and warnings'
complete -c shopcast -n '__shopcast_at shopcast/schedule/run' -s h -l help -d 'Show this help and exit'

# shopcast schedule cron
complete -c shopcast -n '__shopcast_at shopcast/schedule/cron' -F
complete -c shopcast -n '__shopcast_at shopcast/schedule/cron' -l start -x -d 'When the show starts (ISO 8601 with offset); default show.starts'
complete -c shopcast -n '__shopcast_at shopcast/schedule/cron' -l lead -x -d 'Start go-live this long before the show (default 2m)'
complete -c shopcast -n '__shopcast_at shopcast/schedule/cron' -s h -l help -d 'Show this help and exit'

# shopcast overlay
complete -c shopcast -n '__shopcast_at shopcast/overlay' -F
complete -c shopcast -n '__shopcast_at shopcast/overlay' -s m -l manifest -r -F -d 'The show manifest whose offers and banners are drawn (required)'
complete -c shopcast -n '__shopcast_at shopcast/overlay' -s o -l output -r -F -d 'Where to write: the new video file (.mp4, .mov or .mkv; never overwritten), or with --preview a folder for the PNGs'
complete -c shopcast -n '__shopcast_at shopcast/overlay' -l start -x -d 'Show offset at the recording\'s first frame, e.g. 5m when it began five minutes into the show (default 0); --start=-30s for one begun 30 s early shows the starting-soon slate first'
complete -c shopcast -n '__shopcast_at shopcast/overlay' -l chat-log -r -F -d 'Draw the chat as it aired, from a go-live --chat-log FILE'
complete -c shopcast -n '__shopcast_at shopcast/overlay' -l journal -r -F -d 'Replay the producer\'s commands from a go-live --journal FILE: the burn shows the cues, stock and banners the stream showed'
complete -c shopcast -n '__shopcast_at shopcast/overlay' -l crf -x -d 'x264 constant rate factor from 0 (lossless) to 51; lower is better and bigger (default 20)'
complete -c shopcast -n '__shopcast_at shopcast/overlay' -l encoder-speed -x -a 'ultrafast superfast veryfast faster fast medium slow slower veryslow' -d 'x264 speed preset (default veryfast): slower presets give smaller files at the same quality'
complete -c shopcast -n '__shopcast_at shopcast/overlay' -l preview -d 'Write still PNGs of the overlays and a contact sheet instead of burning a video'
complete -c shopcast -n '__shopcast_at shopcast/overlay' -l at -x -d 'With --preview: one still at this show offset, e.g. 5m30s'
complete -c shopcast -n '__shopcast_at shopcast/overlay' -l offer -x -d 'With --preview: one still of the offer with this id, as \'shopcast schedule plan\' lists them (an offer on cue as if just cued)'
complete -c shopcast -n '__shopcast_at shopcast/overlay' -l size -x -d 'With --preview: the frame size (default: the manifest\'s show.preset, else 1280x720)'
complete -c shopcast -n '__shopcast_at shopcast/overlay' -l background -r -F -d 'With --preview: draw over this picture, or a video\'s first frame (default: a neutral studio backdrop)'
complete -c shopcast -n '__shopcast_at shopcast/overlay' -s q -l quiet -d 'Print nothing but errors (no progress bar, no summary)'
complete -c shopcast -n '__shopcast_at shopcast/overlay' -s h -l help -d 'Show this help and exit'

# shopcast cue
complete -c shopcast -n '__shopcast_at shopcast/cue' -a 'status' -d 'Print the show\'s state: the live offer, the next one, stock, banners, a vertical crop moved live, the chat column (what waits for approval), destinations, inputs'
complete -c shopcast -n '__shopcast_at shopcast/cue' -a 'offer' -d 'Put an offer on screen now, by offer id or product id, with optional overrides'
complete -c shopcast -n '__shopcast_at shopcast/cue' -a 'next' -d 'Start the next scheduled offer now, with its own length'
complete -c shopcast -n '__shopcast_at shopcast/cue' -a 'end' -d 'Take the live offer off the screen now'
complete -c shopcast -n '__shopcast_at shopcast/cue' -a 'extend' -d 'Keep the live offer on screen longer'
complete -c shopcast -n '__shopcast_at shopcast/cue' -a 'shorten' -d 'End the live offer earlier (now, if shortened past the present)'
complete -c shopcast -n '__shopcast_at shopcast/cue' -a 'stock' -d 'Set a product\'s stock (N), add to it (+N) or take from it (-N, the shop\'s sales)'
complete -c shopcast -n '__shopcast_at shopcast/cue' -a 'sold-out' -d 'Mark a product sold out (stock 0): its card shows SOLD OUT on the next frame'
complete -c shopcast -n '__shopcast_at shopcast/cue' -a 'banner' -d 'Show a banner now (until cleared, or --for), or clear every banner (--clear)'
complete -c shopcast -n '__shopcast_at shopcast/cue' -a 'slate' -d 'Put the holding slate up for a break, or take it down (--off)'
complete -c shopcast -n '__shopcast_at shopcast/cue' -a 'crop' -d 'Move the crop of a vertical rendition to follow the host, or put it back (--reset)'
complete -c shopcast -n '__shopcast_at shopcast/cue' -a 'chat' -d 'Moderate the chat column: approve a held message, hide one, pin one above the column, or unpin'
complete -c shopcast -n '__shopcast_at shopcast/cue' -a 'events' -d 'Print the show\'s live events as JSON lines on stdout until the show ends'
complete -c shopcast -n '__shopcast_at shopcast/cue' -s h -l help -d 'Show this help and exit'

# shopcast cue status
complete -c shopcast -n '__shopcast_at shopcast/cue/status' -l control -x -d 'Where the show\'s control API listens, as given to go-live --control (default: SHOPCAST_CONTROL)'
complete -c shopcast -n '__shopcast_at shopcast/cue/status' -l token-file -r -F -d 'The control token (mode 0600); default SHOPCAST_CONTROL_TOKEN, else $XDG_CONFIG_HOME/shopcast/keys/control if it exists'
complete -c shopcast -n '__shopcast_at shopcast/cue/status' -l json -d 'Print the show\'s answer as JSON on stdout'
complete -c shopcast -n '__shopcast_at shopcast/cue/status' -s h -l help -d 'Show this help and exit'

# shopcast cue offer
complete -c shopcast -n '__shopcast_at shopcast/cue/offer' -F
complete -c shopcast -n '__shopcast_at shopcast/cue/offer' -l for -x -d 'How long the card stays on screen, e.g. 90s or 2m (default: the offer\'s own length)'
complete -c shopcast -n '__shopcast_at shopcast/cue/offer' -l discount -x -d 'Percent off the list price for this airing, e.g. 20%'
complete -c shopcast -n '__shopcast_at shopcast/cue/offer' -l price -x -d 'Sale price for this airing, e.g. 29.90 (instead of --discount)'
complete -c shopcast -n '__shopcast_at shopcast/cue/offer' -l code -x -d 'Discount code shown on the card'
complete -c shopcast -n '__shopcast_at shopcast/cue/offer' -l quantity -x -d 'Set the product\'s stock to N'
complete -c shopcast -n '__shopcast_at shopcast/cue/offer' -l control -x -d 'Where the show\'s control API listens, as given to go-live --control (default: SHOPCAST_CONTROL)'
complete -c shopcast -n '__shopcast_at shopcast/cue/offer' -l token-file -r -F -d 'The control token (mode 0600); default SHOPCAST_CONTROL_TOKEN, else $XDG_CONFIG_HOME/shopcast/keys/control if it exists'
complete -c shopcast -n '__shopcast_at shopcast/cue/offer' -l json -d 'Print the show\'s answer as JSON on stdout'
complete -c shopcast -n '__shopcast_at shopcast/cue/offer' -s h -l help -d 'Show this help and exit'

# shopcast cue next
complete -c shopcast -n '__shopcast_at shopcast/cue/next' -l for -x -d 'How long the card stays on screen, e.g. 90s or 2m (default: the offer\'s own length)'
complete -c shopcast -n '__shopcast_at shopcast/cue/next' -l discount -x -d 'Percent off the list price for this airing, e.g. 20%'
complete -c shopcast -n '__shopcast_at shopcast/cue/next' -l price -x -d 'Sale price for this airing, e.g. 29.90 (instead of --discount)'
complete -c shopcast -n '__shopcast_at shopcast/cue/next' -l code -x -d 'Discount code shown on the card'
complete -c shopcast -n '__shopcast_at shopcast/cue/next' -l quantity -x -d 'Set the product\'s stock to N'
complete -c shopcast -n '__shopcast_at shopcast/cue/next' -l control -x -d 'Where the show\'s control API listens, as given to go-live --control (default: SHOPCAST_CONTROL)'
complete -c shopcast -n '__shopcast_at shopcast/cue/next' -l token-file -r -F -d 'The control token (mode 0600); default SHOPCAST_CONTROL_TOKEN, else $XDG_CONFIG_HOME/shopcast/keys/control if it exists'
complete -c shopcast -n '__shopcast_at shopcast/cue/next' -l json -d 'Print the show\'s answer as JSON on stdout'
complete -c shopcast -n '__shopcast_at shopcast/cue/next' -s h -l help -d 'Show this help and exit'

# shopcast cue end
complete -c shopcast -n '__shopcast_at shopcast/cue/end' -l control -x -d 'Where the show\'s control API listens, as given to go-live --control (default: SHOPCAST_CONTROL)'
complete -c shopcast -n '__shopcast_at shopcast/cue/end' -l token-file -r -F -d 'The control token (mode 0600); default SHOPCAST_CONTROL_TOKEN, else $XDG_CONFIG_HOME/shopcast/keys/control if it exists'
complete -c shopcast -n '__shopcast_at shopcast/cue/end' -l json -d 'Print the show\'s answer as JSON on stdout'
complete -c shopcast -n '__shopcast_at shopcast/cue/end' -s h -l help -d 'Show this help and exit'

# shopcast cue extend
complete -c shopcast -n '__shopcast_at shopcast/cue/extend' -F
complete -c shopcast -n '__shopcast_at shopcast/cue/extend' -l control -x -d 'Where the show\'s control API listens, as given to go-live --control (default: SHOPCAST_CONTROL)'
complete -c shopcast -n '__shopcast_at shopcast/cue/extend' -l token-file -r -F -d 'The control token (mode 0600); default SHOPCAST_CONTROL_TOKEN, else $XDG_CONFIG_HOME/shopcast/keys/control if it exists'
complete -c shopcast -n '__shopcast_at shopcast/cue/extend' -l json -d 'Print the show\'s answer as JSON on stdout'
complete -c shopcast -n '__shopcast_at shopcast/cue/extend' -s h -l help -d 'Show this help and exit'

# shopcast cue shorten
complete -c shopcast -n '__shopcast_at shopcast/cue/shorten' -F
complete -c shopcast -n '__shopcast_at shopcast/cue/shorten' -l control -x -d 'Where the show\'s control API listens, as given to go-live --control (default: SHOPCAST_CONTROL)'
complete -c shopcast -n '__shopcast_at shopcast/cue/shorten' -l token-file -r -F -d 'The control token (mode 0600); default SHOPCAST_CONTROL_TOKEN, else $XDG_CONFIG_HOME/shopcast/keys/control if it exists'
complete -c shopcast -n '__shopcast_at shopcast/cue/shorten' -l json -d 'Print the show\'s answer as JSON on stdout'
complete -c shopcast -n '__shopcast_at shopcast/cue/shorten' -s h -l help -d 'Show this help and exit'

# shopcast cue stock
complete -c shopcast -n '__shopcast_at shopcast/cue/stock' -F
complete -c shopcast -n '__shopcast_at shopcast/cue/stock' -l control -x -d 'Where the show\'s control API listens, as given to go-live --control (default: SHOPCAST_CONTROL)'
complete -c shopcast -n '__shopcast_at shopcast/cue/stock' -l token-file -r -F -d 'The control token (mode 0600); default SHOPCAST_CONTROL_TOKEN, else $XDG_CONFIG_HOME/shopcast/keys/control if it exists'
complete -c shopcast -n '__shopcast_at shopcast/cue/stock' -l json -d 'Print the show\'s answer as JSON on stdout'
complete -c shopcast -n '__shopcast_at shopcast/cue/stock' -s h -l help -d 'Show this help and exit'

# shopcast cue sold-out
complete -c shopcast -n '__shopcast_at shopcast/cue/sold-out' -F
complete -c shopcast -n '__shopcast_at shopcast/cue/sold-out' -l control -x -d 'Where the show\'s control API listens, as given to go-live --control (default: SHOPCAST_CONTROL)'
complete -c shopcast -n '__shopcast_at shopcast/cue/sold-out' -l token-file -r -F -d 'The control token (mode 0600); default SHOPCAST_CONTROL_TOKEN, else $XDG_CONFIG_HOME/shopcast/keys/control if it exists'
complete -c shopcast -n '__shopcast_at shopcast/cue/sold-out' -l json -d 'Print the show\'s answer as JSON on stdout'
complete -c shopcast -n '__shopcast_at shopcast/cue/sold-out' -s h -l help -d 'Show this help and exit'

# shopcast cue banner
complete -c shopcast -n '__shopcast_at shopcast/cue/banner' -F
complete -c shopcast -n '__shopcast_at shopcast/cue/banner' -l for -x -d 'How long the banner stays, e.g. 30s (default: until cleared)'
complete -c shopcast -n '__shopcast_at shopcast/cue/banner' -l clear -d 'Take every banner off the screen (repeating ones come back at their next time)'
complete -c shopcast -n '__shopcast_at shopcast/cue/banner' -l control -x -d 'Where the show\'s control API listens, as given to go-live --control (default: SHOPCAST_CONTROL)'
complete -c shopcast -n '__shopcast_at shopcast/cue/banner' -l token-file -r -F -d 'The control token (mode 0600); default SHOPCAST_CONTROL_TOKEN, else $XDG_CONFIG_HOME/shopcast/keys/control if it exists'
complete -c shopcast -n '__shopcast_at shopcast/cue/banner' -l json -d 'Print the show\'s answer as JSON on stdout'
complete -c shopcast -n '__shopcast_at shopcast/cue/banner' -s h -l help -d 'Show this help and exit'

# shopcast cue slate
complete -c shopcast -n '__shopcast_at shopcast/cue/slate' -l off -d 'Take the slate down: the picture is back'
complete -c shopcast -n '__shopcast_at shopcast/cue/slate' -l control -x -d 'Where the show\'s control API listens, as given to go-live --control (default: SHOPCAST_CONTROL)'
complete -c shopcast -n '__shopcast_at shopcast/cue/slate' -l token-file -r -F -d 'The control token (mode 0600); default SHOPCAST_CONTROL_TOKEN, else $XDG_CONFIG_HOME/shopcast/keys/control if it exists'
complete -c shopcast -n '__shopcast_at shopcast/cue/slate' -l json -d 'Print the show\'s answer as JSON on stdout'
complete -c shopcast -n '__shopcast_at shopcast/cue/slate' -s h -l help -d 'Show this help and exit'

# shopcast cue crop
complete -c shopcast -n '__shopcast_at shopcast/cue/crop' -F
complete -c shopcast -n '__shopcast_at shopcast/cue/crop' -l reset -d 'Put the crop back where go-live\'s --crop-vertical placed it'
complete -c shopcast -n '__shopcast_at shopcast/cue/crop' -l control -x -d 'Where the show\'s control API listens, as given to go-live --control (default: SHOPCAST_CONTROL)'
complete -c shopcast -n '__shopcast_at shopcast/cue/crop' -l token-file -r -F -d 'The control token (mode 0600); default SHOPCAST_CONTROL_TOKEN, else $XDG_CONFIG_HOME/shopcast/keys/control if it exists'
complete -c shopcast -n '__shopcast_at shopcast/cue/crop' -l json -d 'Print the show\'s answer as JSON on stdout'
complete -c shopcast -n '__shopcast_at shopcast/cue/crop' -s h -l help -d 'Show this help and exit'

# shopcast cue chat
complete -c shopcast -n '__shopcast_at shopcast/cue/chat' -F
complete -c shopcast -n '__shopcast_at shopcast/cue/chat' -l control -x -d 'Where the show\'s control API listens, as given to go-live --control (default: SHOPCAST_CONTROL)'
complete -c shopcast -n '__shopcast_at shopcast/cue/chat' -l token-file -r -F -d 'The control token (mode 0600); default SHOPCAST_CONTROL_TOKEN, else $XDG_CONFIG_HOME/shopcast/keys/control if it exists'
complete -c shopcast -n '__shopcast_at shopcast/cue/chat' -l json -d 'Print the show\'s answer as JSON on stdout'
complete -c shopcast -n '__shopcast_at shopcast/cue/chat' -s h -l help -d 'Show this help and exit'

# shopcast cue events
complete -c shopcast -n '__shopcast_at shopcast/cue/events' -l control -x -d 'Where the show\'s control API listens, as given to go-live --control (default: SHOPCAST_CONTROL)'
complete -c shopcast -n '__shopcast_at shopcast/cue/events' -l token-file -r -F -d 'The control token (mode 0600); default SHOPCAST_CONTROL_TOKEN, else $XDG_CONFIG_HOME/shopcast/keys/control if it exists'
complete -c shopcast -n '__shopcast_at shopcast/cue/events' -l json -d 'Print the show\'s answer as JSON on stdout'
complete -c shopcast -n '__shopcast_at shopcast/cue/events' -s h -l help -d 'Show this help and exit'

# shopcast help
complete -c shopcast -n '__shopcast_at help' -a 'go-live' -d 'Capture, encode once, and stream to every destination at once'
complete -c shopcast -n '__shopcast_at help' -a 'schedule' -d 'Check, plan, query and run a show manifest\'s offers'
complete -c shopcast -n '__shopcast_at help' -a 'overlay' -d 'Burn a show\'s product cards and banners into a recorded video, or preview them as pictures'
complete -c shopcast -n '__shopcast_at help' -a 'cue' -d 'Steer a running show: cue offers, end or extend them, set stock, show banners, take a break, follow its events'

# shopcast help schedule
complete -c shopcast -n '__shopcast_at help/schedule' -a 'check' -d 'Check show manifests and report every problem with its line and column'
complete -c shopcast -n '__shopcast_at help/schedule' -a 'plan' -d 'Print the rundown: each offer\'s start and end, product, prices, code and quantity'
complete -c shopcast -n '__shopcast_at help/schedule' -a 'now' -d 'Show what is on screen at a moment; exit 0 when an offer is live, 1 when none'
complete -c shopcast -n '__shopcast_at help/schedule' -a 'run' -d 'Follow the clock and emit offer and banner events as JSON lines and webhooks'
complete -c shopcast -n '__shopcast_at help/schedule' -a 'cron' -d 'Print crontab and systemd timer lines that start go-live for the show'

# shopcast help cue
complete -c shopcast -n '__shopcast_at help/cue' -a 'status' -d 'Print the show\'s state: the live offer, the next one, stock, banners, a vertical crop moved live, the chat column (what waits for approval), destinations, inputs'
complete -c shopcast -n '__shopcast_at help/cue' -a 'offer' -d 'Put an offer on screen now, by offer id or product id, with optional overrides'
complete -c shopcast -n '__shopcast_at help/cue' -a 'next' -d 'Start the next scheduled offer now, with its own length'
complete -c shopcast -n '__shopcast_at help/cue' -a 'end' -d 'Take the live offer off the screen now'
complete -c shopcast -n '__shopcast_at help/cue' -a 'extend' -d 'Keep the live offer on screen longer'
complete -c shopcast -n '__shopcast_at help/cue' -a 'shorten' -d 'End the live offer earlier (now, if shortened past the present)'
complete -c shopcast -n '__shopcast_at help/cue' -a 'stock' -d 'Set a product\'s stock (N), add to it (+N) or take from it (-N, the shop\'s sales)'
complete -c shopcast -n '__shopcast_at help/cue' -a 'sold-out' -d 'Mark a product sold out (stock 0): its card shows SOLD OUT on the next frame'
complete -c shopcast -n '__shopcast_at help/cue' -a 'banner' -d 'Show a banner now (until cleared, or --for), or clear every banner (--clear)'
complete -c shopcast -n '__shopcast_at help/cue' -a 'slate' -d 'Put the holding slate up for a break, or take it down (--off)'
complete -c shopcast -n '__shopcast_at help/cue' -a 'crop' -d 'Move the crop of a vertical rendition to follow the host, or put it back (--reset)'
complete -c shopcast -n '__shopcast_at help/cue' -a 'chat' -d 'Moderate the chat column: approve a held message, hide one, pin one above the column, or unpin'
complete -c shopcast -n '__shopcast_at help/cue' -a 'events' -d 'Print the show\'s live events as JSON lines on stdout until the show ends'
