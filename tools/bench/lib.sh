# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# tools/bench/lib.sh — shared by the tools/bench/bench-* scripts (sourced, not run).
# Finds the built programs, starts a private sandbox (stopped again on exit), times commands.

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=${IOCDOCK_BIN_DIR:-}
if [[ -z $bin ]]; then
    for d in "$top"/build/bin "$top"/build*/bin; do
        [[ -x $d/iocctl ]] && { bin=$d; break; }
    done
fi
[[ -n $bin && -x $bin/iocctl ]] || { echo "bench: no iocctl; build first or set IOCDOCK_BIN_DIR" >&2; exit 2; }
export IOCDOCK_BIN_DIR=$bin

bench_start_sandbox() {
    local exports
    exports=$("$top/tools/sandbox" start) || { echo "bench: the sandbox did not start" >&2; exit 1; }
    eval "$exports"
    trap bench_stop_sandbox EXIT
    trap 'exit 130' INT TERM HUP
}
bench_stop_sandbox() {
    local rc=$?
    [[ -n ${IOCDOCK_SANDBOX:-} ]] && "$top/tools/sandbox" stop "$IOCDOCK_SANDBOX" >/dev/null 2>&1
    exit "$rc"
}

# Milliseconds one run of CMD takes (wall clock); its output goes to /dev/null.
time_ms() { # CMD...
    local start=$EPOCHREALTIME end
    "$@" >/dev/null 2>&1
    end=$EPOCHREALTIME
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", (e - s) * 1000 }'
}

median() { # NUMBERS...
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

machine() {
    local cpu
    cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
    printf '%s, %s CPUs (nproc), %s RAM, %s, %s\n' "$cpu" "$(nproc)" \
        "$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)" \
        "$(uname -sr)" "$(date -u +%Y-%m-%d)"
}
