# bash completion for shopcast.
# Generated from the command tree by scripts/update-docs. Edit the command specs, not this file.

_shopcast() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()

    # The leading words that name commands give the path; after "help" they name the
    # command whose help to show.
    local path=shopcast i word
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $path == shopcast && $word == help ]]; then
            path=help
            continue
        fi
        case "$path/$word" in
            shopcast/go-live|shopcast/schedule|shopcast/schedule/check|shopcast/schedule/plan|shopcast/schedule/now|shopcast/schedule/run|shopcast/schedule/cron|shopcast/overlay|shopcast/cue|shopcast/cue/status|shopcast/cue/offer|shopcast/cue/next|shopcast/cue/end|shopcast/cue/extend|shopcast/cue/shorten|shopcast/cue/stock|shopcast/cue/sold-out|shopcast/cue/banner|shopcast/cue/slate|shopcast/cue/crop|shopcast/cue/chat|shopcast/cue/events|help/go-live|help/schedule|help/schedule/check|help/schedule/plan|help/schedule/now|help/schedule/run|help/schedule/cron|help/overlay|help/cue|help/cue/status|help/cue/offer|help/cue/next|help/cue/end|help/cue/extend|help/cue/shorten|help/cue/stock|help/cue/sold-out|help/cue/banner|help/cue/slate|help/cue/crop|help/cue/chat|help/cue/events) path=$path/$word ;;
            *) break ;;
        esac
    done

    local commands= options= operands=0
    case $path in
        shopcast) commands='go-live schedule overlay cue help'; options='--version --help -h' ;;
        shopcast/go-live) options='--input -i --to -t --manifest -m --loop --preset --fit --crop-vertical --size --fps --video-bitrate --audio-bitrate --keyint --encoder-speed --duration --retries --backup-input --chat --chat-hold --chat-log --hold-audio --ca-file --events --control --control-token-file --journal --webhook --webhook-secret-file --quiet -q --verbose -v --help -h' ;;
        shopcast/schedule) commands='check plan now run cron'; options='--help -h' ;;
        shopcast/schedule/check) options='--json --quiet -q --help -h'; operands=1 ;;
        shopcast/schedule/plan) options='--start --json --help -h'; operands=1 ;;
        shopcast/schedule/now) options='--at --start --json --help -h'; operands=1 ;;
        shopcast/schedule/run) options='--start --events --webhook --webhook-secret-file --quiet -q --help -h'; operands=1 ;;
        shopcast/schedule/cron) options='--start --lead --help -h'; operands=1 ;;
        shopcast/overlay) options='--manifest -m --output -o --start --chat-log --journal --crf --encoder-speed --preview --at --offer --size --background --quiet -q --help -h'; operands=1 ;;
        shopcast/cue) commands='status offer next end extend shorten stock sold-out banner slate crop chat events'; options='--help -h' ;;
        shopcast/cue/status) options='--control --token-file --json --help -h' ;;
        shopcast/cue/offer) options='--for --discount --price --code --quantity --control --token-file --json --help -h'; operands=1 ;;
        shopcast/cue/next) options='--for --discount --price --code --quantity --control --token-file --json --help -h' ;;
        shopcast/cue/end) options='--control --token-file --json --help -h' ;;
        shopcast/cue/extend) options='--control --token-file --json --help -h'; operands=1 ;;
        shopcast/cue/shorten) options='--control --token-file --json --help -h'; operands=1 ;;
        shopcast/cue/stock) options='--control --token-file --json --help -h'; operands=1 ;;
        shopcast/cue/sold-out) options='--control --token-file --json --help -h'; operands=1 ;;
        shopcast/cue/banner) options='--for --clear --control --token-file --json --help -h'; operands=1 ;;
        shopcast/cue/slate) options='--off --control --token-file --json --help -h' ;;
        shopcast/cue/crop) options='--reset --control --token-file --json --help -h'; operands=1 ;;
        shopcast/cue/chat) options='--control --token-file --json --help -h'; operands=1 ;;
        shopcast/cue/events) options='--control --token-file --json --help -h' ;;
        help) commands='go-live schedule overlay cue' ;;
        help/schedule) commands='check plan now run cron' ;;
        help/cue) commands='status offer next end extend shorten stock sold-out banner slate crop chat events' ;;
    esac
    if [[ $path == help* ]]; then
        [[ $cur == -* ]] || mapfile -t COMPREPLY < <(compgen -W "$commands" -- "$cur")
        return 0
    fi

    # An option's value: "--name value", "-x value" or "--name=value". Bash splits the
    # last into "--name", "=", "value" because "=" is in COMP_WORDBREAKS; where it is not,
    # the candidates keep the "--name=" prefix of the word.
    local option=$prev value=$cur prefix=
    if [[ $cur == --*=* ]]; then
        option=${cur%%=*}
        value=${cur#*=}
        prefix=$option=
    elif [[ $cur == = ]]; then
        value=
    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
        option=${COMP_WORDS[COMP_CWORD - 2]}
    fi
    local valued=1
    case "$path $option" in
        "shopcast/go-live --input"|"shopcast/go-live -i")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/go-live --to"|"shopcast/go-live -t")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -W 'youtube facebook twitch' -- "$value"; compgen -f -- "$value") ;;
        "shopcast/go-live --manifest"|"shopcast/go-live -m")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/go-live --preset")
            mapfile -t COMPREPLY < <(compgen -W '720p30 1080p30 480p30 vertical' -- "$value") ;;
        "shopcast/go-live --fit")
            mapfile -t COMPREPLY < <(compgen -W 'crop pad' -- "$value") ;;
        "shopcast/go-live --crop-vertical")
            mapfile -t COMPREPLY < <(compgen -W 'left centre right' -- "$value") ;;
        "shopcast/go-live --size")
            : ;;
        "shopcast/go-live --fps")
            : ;;
        "shopcast/go-live --video-bitrate")
            : ;;
        "shopcast/go-live --audio-bitrate")
            : ;;
        "shopcast/go-live --keyint")
            : ;;
        "shopcast/go-live --encoder-speed")
            mapfile -t COMPREPLY < <(compgen -W 'ultrafast superfast veryfast faster fast medium' -- "$value") ;;
        "shopcast/go-live --duration")
            : ;;
        "shopcast/go-live --retries")
            : ;;
        "shopcast/go-live --backup-input")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/go-live --chat")
            : ;;
        "shopcast/go-live --chat-log")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/go-live --hold-audio")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/go-live --ca-file")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/go-live --events")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/go-live --control")
            : ;;
        "shopcast/go-live --control-token-file")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/go-live --journal")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/go-live --webhook")
            : ;;
        "shopcast/go-live --webhook-secret-file")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/schedule/plan --start")
            : ;;
        "shopcast/schedule/now --at")
            mapfile -t COMPREPLY < <(compgen -W 'now' -- "$value") ;;
        "shopcast/schedule/now --start")
            : ;;
        "shopcast/schedule/run --start")
            mapfile -t COMPREPLY < <(compgen -W 'now' -- "$value") ;;
        "shopcast/schedule/run --events")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/schedule/run --webhook")
            : ;;
        "shopcast/schedule/run --webhook-secret-file")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/schedule/cron --start")
            : ;;
        "shopcast/schedule/cron --lead")
            : ;;
        "shopcast/overlay --manifest"|"shopcast/overlay -m")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/overlay --output"|"shopcast/overlay -o")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/overlay --start")
            : ;;
        "shopcast/overlay --chat-log")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/overlay --journal")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/overlay --crf")
            : ;;
        "shopcast/overlay --encoder-speed")
            mapfile -t COMPREPLY < <(compgen -W 'ultrafast superfast veryfast faster fast medium slow slower veryslow' -- "$value") ;;
        "shopcast/overlay --at")
            : ;;
        "shopcast/overlay --offer")
            : ;;
        "shopcast/overlay --size")
            : ;;
        "shopcast/overlay --background")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/cue/status --control")
            : ;;
        "shopcast/cue/status --token-file")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/cue/offer --for")
            : ;;
        "shopcast/cue/offer --discount")
            : ;;
        "shopcast/cue/offer --price")
            : ;;
        "shopcast/cue/offer --code")
            : ;;
        "shopcast/cue/offer --quantity")
            : ;;
        "shopcast/cue/offer --control")
            : ;;
        "shopcast/cue/offer --token-file")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/cue/next --for")
            : ;;
        "shopcast/cue/next --discount")
            : ;;
        "shopcast/cue/next --price")
            : ;;
        "shopcast/cue/next --code")
            : ;;
        "shopcast/cue/next --quantity")
            : ;;
        "shopcast/cue/next --control")
            : ;;
        "shopcast/cue/next --token-file")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/cue/end --control")
            : ;;
        "shopcast/cue/end --token-file")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/cue/extend --control")
            : ;;
        "shopcast/cue/extend --token-file")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/cue/shorten --control")
            : ;;
        "shopcast/cue/shorten --token-file")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/cue/stock --control")
            : ;;
        "shopcast/cue/stock --token-file")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/cue/sold-out --control")
            : ;;
        "shopcast/cue/sold-out --token-file")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/cue/banner --for")
            : ;;
        "shopcast/cue/banner --control")
            : ;;
        "shopcast/cue/banner --token-file")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/cue/slate --control")
            : ;;
        "shopcast/cue/slate --token-file")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/cue/crop --control")
            : ;;
        "shopcast/cue/crop --token-file")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/cue/chat --control")
            : ;;
        "shopcast/cue/chat --token-file")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        "shopcast/cue/events --control")
            : ;;
        "shopcast/cue/events --token-file")
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
        *) valued=0 ;;
    esac
    if ((valued)); then
        [[ -z $prefix ]] || COMPREPLY=("${COMPREPLY[@]/#/$prefix}")
        return 0
    fi

    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
    elif [[ -n $commands ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$commands" -- "$cur")
    elif ((operands)); then
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    fi
    return 0
}

complete -F _shopcast shopcast
