#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# tst_packaging — builds the Debian packages of this build tree with CPack, checks them as a user
# and Debian would, and installs them into a scratch root (dpkg -x) to use what they installed:
#   - package fields: names, Depends from dpkg-shlibdeps (iocctl without Qt Widgets, also in the
#     binary's NEEDED), iocdock depending on iocctl, Recommends procserv, Suggests podman;
#     apt-get can resolve installing both on this machine (--simulate); lintian reports no error
#   - the binaries run (--version), the man pages are found by `man -w` and render without
#     warnings, the installed translation is the one iocctl and iocdock load
#   - bash completion, loaded by bash-completion's own loader from the installed location,
#     completes the names of IOCs in the sandbox (tools/sandbox, tools/demo-units) with the
#     host option of the line; so does the zsh completion, found by compinit, in a zsh on a pty
#   - the desktop file and the AppStream metainfo validate; the icon is in hicolor
# Usage (ctest sets these): IOCDOCK_BUILD_DIR, IOCDOCK_SOURCE_DIR, IOCDOCK_BIN_DIR (iocsim for
# demo-units) and the sandbox's environment (tools/run-tests starts one).
set -uo pipefail

build=${IOCDOCK_BUILD_DIR:?IOCDOCK_BUILD_DIR is not set (run through ctest)}
src=${IOCDOCK_SOURCE_DIR:?IOCDOCK_SOURCE_DIR is not set (run through ctest)}
[[ -n ${IOCDOCK_SANDBOX:-} && -n ${DBUS_SESSION_BUS_ADDRESS:-} ]] \
    || { echo "FAIL: no sandbox (run through tools/run-tests, or eval \"\$(tools/sandbox start)\")"; exit 1; }

failures=0
pass() { printf 'PASS   : %s\n' "$*"; }
fail() { printf 'FAIL!  : %s\n' "$*"; failures=$((failures + 1)); }
check() { # DESCRIPTION COMMAND...: passes when COMMAND succeeds
    local what=$1
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}
expect_eq() { # DESCRIPTION EXPECTED ACTUAL
    if [[ $2 == "$3" ]]; then pass "$1"; else fail "$1: expected [$2], got [$3]"; fi
}

scratch=$(mktemp -d /tmp/tst_packaging.XXXXXX)
prefix=pkgtst$$
cleanup() {
    "$src/tools/demo-units" --prefix "$prefix" --remove >/dev/null 2>&1
    rm -rf "$scratch"
}
trap cleanup EXIT

# ---- build the packages -----------------------------------------------------------------------
start=$SECONDS
if ! cpack --config "$build/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1; then
    cat "$scratch/cpack.log"
    fail "cpack built the packages"
    exit 1
fi
pass "cpack built the packages ($((SECONDS - start)) s)"
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
iocctl_deb=$(echo "$scratch"/out/iocctl_"$version"-1_*.deb)
iocdock_deb=$(echo "$scratch"/out/iocdock_"$version"-1_*.deb)
[[ -f $iocctl_deb && -f $iocdock_deb ]] || { ls -l "$scratch/out"; fail "iocctl_$version-1_ARCH.deb and iocdock_$version-1_ARCH.deb exist"; exit 1; }
pass "the packages are ${iocctl_deb##*/} and ${iocdock_deb##*/}"

field() { dpkg-deb --field "$1" "$2"; }
expect_eq "iocctl's package name" iocctl "$(field "$iocctl_deb" Package)"
expect_eq "iocdock's package name" iocdock "$(field "$iocdock_deb" Package)"
iocctl_depends=$(field "$iocctl_deb" Depends)
iocdock_depends=$(field "$iocdock_deb" Depends)
echo "iocctl  Depends: $iocctl_depends"
echo "iocdock Depends: $iocdock_depends"
check "iocctl depends on Qt Core and D-Bus (dpkg-shlibdeps)" \
    grep -Eq '(^|, )libqt5core5a \(>= [^)]+\)' <<<"$iocctl_depends"
check "iocctl depends on libqt5dbus5" grep -q 'libqt5dbus5' <<<"$iocctl_depends"
check "iocctl does not depend on Qt Widgets, Gui or QTermWidget" \
    bash -c '! grep -Eq "libqt5widgets|libqt5gui|qtermwidget" <<<"$1"' _ "$iocctl_depends"
check "iocdock depends on iocctl of the same version" \
    grep -q "iocctl (= $version-1)" <<<"$iocdock_depends"
check "iocdock depends on Qt Widgets and QTermWidget (dpkg-shlibdeps)" \
    bash -c 'grep -q libqt5widgets5 <<<"$1" && grep -q libqtermwidget5 <<<"$1"' _ "$iocdock_depends"
check "iocdock depends on Qt's SVG plugin (its icons)" grep -q libqt5svg5 <<<"$iocdock_depends"
expect_eq "iocctl Recommends" "procserv, qttranslations5-l10n" "$(field "$iocctl_deb" Recommends)"
check "iocdock Recommends procserv" grep -q procserv <<<"$(field "$iocdock_deb" Recommends)"
check "both Suggest podman" bash -c 'grep -q podman <<<"$1" && grep -q podman <<<"$2"' _ \
    "$(field "$iocctl_deb" Suggests)" "$(field "$iocdock_deb" Suggests)"
check "procserv, recommended, is a package apt knows" \
    bash -c 'apt-cache show procserv >/dev/null 2>&1'

# apt resolves both from the files (every Depends is installable here); nothing is installed.
if apt-get install --simulate --no-install-recommends "$iocctl_deb" "$iocdock_deb" \
    >"$scratch/apt.log" 2>&1 && grep -q '^Inst iocctl' "$scratch/apt.log" \
    && grep -q '^Inst iocdock' "$scratch/apt.log"; then
    pass "apt-get install --simulate of both packages"
else
    cat "$scratch/apt.log"
    fail "apt-get install --simulate of both packages"
fi

# lintian: no errors (its warnings are printed).
if command -v lintian >/dev/null; then
    lintian --tag-display-limit 0 "$iocctl_deb" "$iocdock_deb" >"$scratch/lintian.log" 2>&1
    sed 's/^/lintian: /' "$scratch/lintian.log"
    if grep -q '^E: ' "$scratch/lintian.log"; then
        fail "lintian reports no errors"
    else
        pass "lintian reports no errors"
    fi
else
    fail "lintian is installed (tools/install-deps)"
fi

# ---- install into a scratch root ----------------------------------------------------------------
root=$scratch/root
dpkg -x "$iocctl_deb" "$root" && dpkg -x "$iocdock_deb" "$root"
# Nothing of one package is in the other.
if comm -12 <(dpkg-deb -c "$iocctl_deb" | awk '$1 !~ /^d/ {print $NF}' | sort) \
    <(dpkg-deb -c "$iocdock_deb" | awk '$1 !~ /^d/ {print $NF}' | sort) | grep -q .; then
    fail "the two packages share no file"
else
    pass "the two packages share no file"
fi

expect_eq "the installed iocctl runs" "iocctl $version" "$("$root/usr/bin/iocctl" --version 2>&1)"
expect_eq "the installed iocdock runs" "iocdock $version" \
    "$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/iocdock" --version 2>/dev/null)"
needed=$(readelf -d "$root/usr/bin/iocctl" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
echo "iocctl NEEDED: $needed"
check "iocctl links Qt Core, not Qt Widgets or Gui" \
    bash -c 'grep -q libQt5Core <<<"$1" && ! grep -Eq "libQt5(Widgets|Gui)|qtermwidget" <<<"$1"' _ "$needed"
check "the installed binaries are stripped" \
    bash -c '! file "$1" "$2" | grep -q "not stripped"' _ "$root/usr/bin/iocctl" "$root/usr/bin/iocdock"

# Man pages: found through MANPATH in the scratch root, and render without warnings.
for page in iocctl iocdock; do
    found=$(MANPATH=$root/usr/share/man man -w "$page" 2>&1)
    expect_eq "man -w $page finds the installed page" "$root/usr/share/man/man1/$page.1.gz" "$found"
    warnings=$(MANWIDTH=80 man --warnings -E UTF-8 -l "$root/usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null)
    expect_eq "man renders $page(1) without warnings" "" "$warnings"
done
check "iocctl(1) has its sections (NAME, SYNOPSIS, COMMANDS, EXIT STATUS)" \
    bash -c 'MANWIDTH=80 man -l "$1" 2>/dev/null | grep -q "^EXIT STATUS" && MANWIDTH=80 man -l "$1" 2>/dev/null | grep -q "^COMMANDS"' _ "$root/usr/share/man/man1/iocctl.1.gz"

# Translations: the installed catalogue is the one iocctl loads (it wins over the built-in copy):
# a catalogue with a marker in place of the German usage line shows the marker.
qm=$root/usr/share/iocdock/translations/iocdock_de.qm
check "the German translation is installed" test -s "$qm"
cat >"$scratch/marker.ts" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Iocctl</name>
    <message>
        <source>Usage: iocctl [HOST OPTIONS] COMMAND [OPTIONS] [HOST OPTIONS]</source>
        <translation>INSTALLED-CATALOGUE-MARKER</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Manage EPICS IOCs that run under procServ and systemd.</source>
        <translation>INSTALLED-CATALOGUE-MARKER-GUI</translation>
    </message>
</context>
</TS>
EOF
lrelease=$(sed -n 's/^Qt5_LRELEASE_EXECUTABLE:[A-Z]*=//p' "$build/CMakeCache.txt")
[[ -x $lrelease ]] || lrelease=/usr/lib/qt5/bin/lrelease
expect_eq "the installed iocctl speaks German from the installed catalogue" \
    "Aufruf: iocctl [HOST-OPTIONEN] BEFEHL [OPTIONEN] [HOST-OPTIONEN]" \
    "$(LANGUAGE=de LC_ALL= LANG=de_DE.UTF-8 "$root/usr/bin/iocctl" --help 2>&1 | head -n1)"
if "$lrelease" -silent "$scratch/marker.ts" -qm "$qm" >/dev/null 2>&1; then
    expect_eq "iocctl reads share/iocdock/translations beside its bin/" "INSTALLED-CATALOGUE-MARKER" \
        "$(LANGUAGE=de LC_ALL= LANG=de_DE.UTF-8 "$root/usr/bin/iocctl" --help 2>&1 | head -n1)"
    check "iocdock reads share/iocdock/translations beside its bin/" grep -q '^INSTALLED-CATALOGUE-MARKER-GUI$' \
        <<<"$(LANGUAGE=de LC_ALL= LANG=de_DE.UTF-8 QT_QPA_PLATFORM=offscreen "$root/usr/bin/iocdock" --help 2>/dev/null)"
else
    fail "lrelease ($lrelease) made the marker catalogue"
fi

# ---- desktop integration ----------------------------------------------------------------------------
desktop=$root/usr/share/applications/org.iocdock.iocdock.desktop
metainfo=$root/usr/share/metainfo/org.iocdock.iocdock.metainfo.xml
check "desktop-file-validate accepts the desktop file" desktop-file-validate "$desktop"
if command -v appstreamcli >/dev/null; then
    check "appstreamcli validates the metainfo" appstreamcli validate --no-net --pedantic "$metainfo"
else
    fail "appstreamcli is installed (tools/install-deps: appstream)"
fi
check "the application icon is in hicolor" test -s "$root/usr/share/icons/hicolor/scalable/apps/org.iocdock.iocdock.svg"
check "each package has its copyright file" \
    test -s "$root/usr/share/doc/iocctl/copyright" -a -s "$root/usr/share/doc/iocdock/copyright"

# ---- completion against the sandbox ---------------------------------------------------------------
# Sandbox IOCs named $prefix-*, installed and not started (ps -a lists them).
if ! IOCDOCK_BIN_DIR=${IOCDOCK_BIN_DIR:-$build/bin} "$src/tools/demo-units" --prefix "$prefix" \
    >"$scratch/demo-units.log" 2>&1; then
    cat "$scratch/demo-units.log"
    fail "tools/demo-units installed the sandbox IOCs"
fi
expected_n="$prefix-noisy $prefix-nsls"

# bash: bash-completion's loader finds the installed file through XDG_DATA_DIRS; the completion
# function is then called as readline calls it, for the words given (the last is completed).
bash_complete() { # WORDS...
    PATH=$root/usr/bin:$PATH XDG_DATA_DIRS=$root/usr/share bash --norc --noprofile -c '
        source /usr/share/bash-completion/bash_completion || exit 1
        _completion_loader iocctl
        [[ $(complete -p iocctl 2>/dev/null) == *"-F _iocctl "* ]] || { echo "NO-COMPLETION-LOADED"; exit 1; }
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        _iocctl iocctl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " " | sed "s/ $//"' _ "$@"
}
expect_eq "bash: iocctl --user start $prefix-n<TAB>" "$expected_n" \
    "$(bash_complete iocctl --user start "$prefix-n")"
expect_eq "bash: iocctl logs --user $prefix-p<TAB> (host option after the command)" "$prefix-psu" \
    "$(bash_complete iocctl logs --user "$prefix-p")"
expect_eq "bash: without --user the system manager is asked, which has no $prefix IOCs" "" \
    "$(bash_complete iocctl start "$prefix-n")"
expect_eq "bash: iocctl --user exec $prefix-psu <TAB> completes no second IOC" "" \
    "$(bash_complete iocctl --user exec "$prefix-psu" "")"
# The commands are those `iocctl --help` lists (plus help), whatever they are by now.
commands=$( (LC_ALL=C "$root/usr/bin/iocctl" --help | awk '/^Commands:/ {f = 1; next} /^$/ {f = 0} f {print $1}'
    echo help) | sort | tr '\n' ' ' | sed 's/ $//')
check "iocctl --help lists ps, start and attach" grep -Eq '(^| )attach .*ps .*start ' <<<"$commands"
expect_eq "bash: the commands" "$commands" "$(bash_complete iocctl "")"
expect_eq "bash: iocctl logs --ta<TAB>" "--tail" "$(bash_complete iocctl logs --ta)"
expect_eq "bash: iocctl ps --format <TAB>" "json table" "$(bash_complete iocctl ps --format "")"
# Hosts for -H from a --hosts file on the line (ssh config and /etc/hosts are the machine's).
printf '%s-srv1 # rack 1\n# comment\nops@%s-srv2:2222\n' "$prefix" "$prefix" >"$scratch/hosts.list"
expect_eq "bash: iocctl --hosts FILE -H $prefix-<TAB> offers the file's hosts" "$prefix-srv1" \
    "$(bash_complete iocctl --hosts "$scratch/hosts.list" -H "$prefix-")"
mkdir -p "$scratch/home/.ssh"
printf 'Host %s-ssh1 %s-ssh2 %s-*.wild\n    HostName 192.0.2.1\n' "$prefix" "$prefix" "$prefix" \
    >"$scratch/home/.ssh/config"
expect_eq "bash: iocctl -H $prefix-s<TAB> offers ~/.ssh/config's hosts (no patterns)" \
    "$prefix-ssh1 $prefix-ssh2" "$(HOME=$scratch/home bash_complete iocctl -H "$prefix-s")"

# zsh: an interactive zsh on a pseudo-terminal (zpty) with compinit and the installed
# vendor-completions folder in fpath; the line is typed with a TAB. Without a pattern it prints
# the command line after the completion (read back by running it as print's arguments), with a
# pattern it waits until the terminal shows it (a listing) and prints that. The reads block until
# the text arrives; `timeout` bounds a completion that never comes.
cat >"$scratch/zsh-complete.zsh" <<'EOF'
zmodload zsh/zpty || exit 1
zpty z 'zsh -f -i' || exit 1
zpty -w z "PS1='> '; fpath=('$1' \$fpath); PATH='$2':\$PATH; autoload -Uz compinit; compinit -u -D; print READY-\$((6*7))"
zpty -r z out '*READY-42*' || exit 1
zpty -w -n z "$3"$'\t'
if [[ -n $4 ]]; then
    zpty -r z out "$4" || exit 1
    print -r -- "$out"
else
    zpty -w z $'\C-aprint -r -- RESULT-$((6*7))-'
    zpty -r z out $'*RESULT-42-*\n*' || exit 1
    print -r -- "${${out##*RESULT-42-}%%$'\r'*}"
fi
zpty -d z
EOF
zsh_complete() { # LINE [PATTERN]
    timeout 60 zsh -f "$scratch/zsh-complete.zsh" "$root/usr/share/zsh/vendor-completions" \
        "$root/usr/bin" "$@" 2>&1
}
if command -v zsh >/dev/null; then
    expect_eq "zsh: iocctl lo<TAB>" "iocctl logs" "$(zsh_complete 'iocctl lo')"
    expect_eq "zsh: iocctl --user logs $prefix-p<TAB>" "iocctl --user logs $prefix-psu" \
        "$(zsh_complete "iocctl --user logs $prefix-p")"
    expect_eq "zsh: iocctl ps --form<TAB>" "iocctl ps --format" "$(zsh_complete 'iocctl ps --form')"
    expect_eq "zsh: iocctl --hosts FILE -H $prefix-<TAB> offers the file's hosts" \
        "iocctl --hosts $scratch/hosts.list -H $prefix-srv1" \
        "$(zsh_complete "iocctl --hosts $scratch/hosts.list -H $prefix-")"
    if zsh_complete "iocctl --user start $prefix-n" "*$prefix-noisy*$prefix-nsls*" >"$scratch/zsh.out"; then
        pass "zsh: iocctl --user start $prefix-n<TAB> lists $expected_n"
    else
        cat -v "$scratch/zsh.out"
        fail "zsh: iocctl --user start $prefix-n<TAB> lists $expected_n"
    fi
else
    fail "zsh is installed (tools/install-deps)"
fi

echo "Totals: $failures failed ($((SECONDS - start)) s)"
((failures == 0))
