# Sourced by the scripts: puts the Swift toolchain on PATH when it is not there yet (a fresh
# machine may have it only under /opt/swift).
if ! command -v swift >/dev/null 2>&1; then
    for dir in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
        if [[ -x $dir/swift ]]; then
            export PATH="$dir:$PATH"
            break
        fi
    done
fi
if ! command -v swift >/dev/null 2>&1; then
    echo "$(basename "$0"): the Swift toolchain is not installed (looked on PATH and in /opt/swift/usr/bin)" >&2
    exit 1
fi
