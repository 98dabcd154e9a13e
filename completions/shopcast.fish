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
            case shopcast/go-live shopcast/schedule help/go-live help/schedule
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
complete -c shopcast -n '__shopcast_at shopcast' -a 'schedule' -d 'Check, plan, query and run a show manifest\'s timed offers'
complete -c shopcast -n '__shopcast_at shopcast' -a 'help' -d 'Show a command\'s help'
complete -c shopcast -n '__shopcast_at shopcast' -l version -d 'Print the version and exit'
complete -c shopcast -n '__shopcast_at shopcast' -s h -l help -d 'Show this help and exit'

# shopcast go-live
complete -c shopcast -n '__shopcast_at shopcast/go-live' -s i -l input -r -F -d 'Source: test (default), a media file, camera[:/dev/videoN], screen[:DISPLAY], mic[:DEVICE], or an rtmp://, srt://, http(s):// feed. A second input may supply the audio'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -s t -l to -r -F -d 'Destination: rtmp://, rtmps:// or srt:// URL, youtube, facebook, twitch, or a recording path (.mkv, .mp4, .flv, .ts). ${NAME} in a URL is read from the environment'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l loop -d 'Play a media-file input again from the start when it ends'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l preset -x -a '720p30 1080p30 480p30 vertical' -d 'Output format: 720p30 (default), 1080p30, 480p30, or vertical (720x1280, 30 fps)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l size -x -d 'Override the preset\'s frame size, e.g. 1280x720'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l fps -x -d 'Override the preset\'s frame rate (frames per second)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l video-bitrate -x -d 'Video bitrate, e.g. 3000k or 4.5M (default: the preset\'s)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l audio-bitrate -x -d 'Audio bitrate (default 128k)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l keyint -x -d 'Keyframe interval (default 2s)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l encoder-speed -x -a 'ultrafast superfast veryfast faster fast medium' -d 'x264 speed preset (default veryfast): slower gives better quality per bit'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l duration -x -d 'Stop after this long, e.g. 45m or 1h30m; the show then exits 0'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l retries -x -d 'Give up on a destination after N failed reconnections (default: keep trying)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l ca-file -r -F -d 'Trust this PEM certificate authority for rtmps:// (default: the system store)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -l events -r -F -d 'Write JSON-lines events (started, connected, lost, retrying, stats, ended) to FILE, or - for stdout'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -s q -l quiet -d 'Print nothing but errors'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -s v -l verbose -d 'Also print FFmpeg\'s own log lines (keys masked)'
complete -c shopcast -n '__shopcast_at shopcast/go-live' -s h -l help -d 'Show this help and exit'

# shopcast schedule
complete -c shopcast -n '__shopcast_at shopcast/schedule' -s h -l help -d 'Show this help and exit'

# shopcast help
complete -c shopcast -n '__shopcast_at help' -a 'go-live' -d 'Capture, encode once, and stream to every destination at once'
complete -c shopcast -n '__shopcast_at help' -a 'schedule' -d 'Check, plan, query and run a show manifest\'s timed offers'
