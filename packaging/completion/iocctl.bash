# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# bash completion for iocctl                                    -*- shell-script -*-
#
# Commands, options and which options take a value are read from `iocctl --help` and
# `iocctl COMMAND --help` (in the C locale) the first time they are needed, and kept for the
# shell session: a command added to iocctl completes without a change here. The "Arguments:"
# section of a command's help says whether it takes IOC names ("name" or "names").
# IOC names come from `iocctl ps -a -q` with the host options of the command line being
# completed (--user, --system, -H, --hosts, --bus, --connect-timeout); hosts for -H from the
# --hosts file on the line, ~/.ssh/config and /etc/hosts.

# The help of iocctl (no COMMAND) or of one command, parsed into
#   _iocctl_opts[KEY]     the options, space-separated
#   _iocctl_valopts[KEY]  those that take a value
#   _iocctl_args[KEY]     the argument names ("name", "names", ...)
# with KEY _top for the top level (whose options are the host options), and _iocctl_commands.
_iocctl_load_help() { # COMMAND
    local key=$1 line opts= valopts= args= section= word rest
    [[ -n ${_iocctl_loaded[$key]+set} ]] && return 0
    local -a cmd=("${_iocctl_bin:-iocctl}")
    [[ $key != _top ]] && cmd+=("$key")
    while IFS= read -r line; do
        case $line in
        Commands:*) section=commands; continue ;;
        Options:*) section=options; continue ;;
        Arguments:*) section=arguments; continue ;;
        '') section=; continue ;;
        esac
        if [[ $section == commands && $line =~ ^\ \ ([a-z][a-z0-9-]*)\  ]]; then
            [[ $key == _top ]] && _iocctl_commands+=" ${BASH_REMATCH[1]}"
        elif [[ $section == arguments && $line =~ ^\ \ ([a-z][a-z0-9-]*)\  ]]; then
            args+=" ${BASH_REMATCH[1]}"
        elif [[ $line =~ ^\ \ (-[^\ ].*)$ ]]; then
            # "  -n, --tail <N>  Text" or "  --bus ADDRESS   text": option names separated by
            # ", "; one space then a word is a value, two spaces start the description.
            rest=${BASH_REMATCH[1]}
            local takes=0 names=()
            while [[ $rest =~ ^(-[A-Za-z0-9?]|--[A-Za-z0-9][A-Za-z0-9-]*)(.*)$ ]]; do
                names+=("${BASH_REMATCH[1]}")
                rest=${BASH_REMATCH[2]}
                if [[ $rest == ,\ * ]]; then
                    rest=${rest#, }
                    continue
                fi
                [[ $rest =~ ^\ [^\ ] ]] && takes=1
                break
            done
            for word in "${names[@]}"; do
                opts+=" $word"
                ((takes)) && valopts+=" $word"
            done
        fi
    done < <(LC_ALL=C LANGUAGE= "${cmd[@]}" --help 2>/dev/null)
    _iocctl_opts[$key]=$opts
    _iocctl_valopts[$key]=$valopts
    _iocctl_args[$key]=$args
    _iocctl_loaded[$key]=1
}

# Hosts for -H: from the --hosts files on the line, ~/.ssh/config and /etc/hosts.
_iocctl_hosts() { # HOSTS_FILES...
    local f line word
    for f in "$@" ~/.ssh/config; do
        [[ -r $f ]] || continue
        while IFS= read -r line; do
            line=${line%%#*}
            if [[ $f == ~/.ssh/config ]]; then
                [[ $line =~ ^[[:space:]]*[Hh][Oo][Ss][Tt][[:space:]=]+(.*)$ ]] || continue
                for word in ${BASH_REMATCH[1]}; do
                    [[ $word == *[*?!]* ]] || printf '%s\n' "$word"
                done
            else
                for word in $line; do
                    printf '%s\n' "$word"
                    break
                done
            fi
        done <"$f"
    done
    if [[ -r /etc/hosts ]]; then
        while read -r line; do
            line=${line%%#*}
            set -f
            set -- $line
            set +f
            (($# > 1)) && shift && printf '%s\n' "$@"
        done </etc/hosts
    fi
}

_iocctl() {
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion -n =: || return
    else
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
    fi
    [[ $(declare -p _iocctl_opts 2>/dev/null) == "declare -A"* ]] \
        || declare -gA _iocctl_opts=() _iocctl_valopts=() _iocctl_args=() _iocctl_loaded=()
    declare -g _iocctl_commands
    local _iocctl_bin=${words[0]/#\~/$HOME}
    _iocctl_load_help _top

    # Walk the words before the cursor: the command, its positional arguments, the host options.
    local i w command= npos=0 after_dashdash=0 hostargs=() hostsfiles=() hostvalopts
    hostvalopts=${_iocctl_valopts[_top]}
    for ((i = 1; i < cword; i++)); do
        w=${words[i]}
        if ((after_dashdash)); then
            ((npos++))
            continue
        fi
        case $w in
        --) [[ -n $command ]] && after_dashdash=1 ;;
        --*=*)
            if [[ " ${_iocctl_opts[_top]} " == *" ${w%%=*} "* ]]; then
                hostargs+=("$w")
                [[ ${w%%=*} == --hosts ]] && hostsfiles+=("${w#*=}")
            fi
            ;;
        -H?*) hostargs+=("$w") ;;
        -*)
            local valopts=" $hostvalopts ${command:+${_iocctl_valopts[$command]}} "
            if [[ " ${_iocctl_opts[_top]} " == *" $w "* && $w != -h && $w != --help && $w != -V && $w != --version ]]; then
                hostargs+=("$w")
                if [[ $valopts == *" $w "* ]] && ((i + 1 < cword)); then
                    ((i++))
                    hostargs+=("${words[i]}")
                    [[ $w == --hosts ]] && hostsfiles+=("${words[i]}")
                fi
            elif [[ $valopts == *" $w "* ]]; then
                ((i++))
            fi
            ;;
        *)
            if [[ -z $command ]]; then
                command=$w
                [[ $command == help ]] && command=
                [[ -n $command ]] && _iocctl_load_help "$command"
            else
                ((npos++))
            fi
            ;;
        esac
    done

    # The value of an option.
    local valopts=" $hostvalopts ${command:+${_iocctl_valopts[$command]}} "
    if [[ $cur != -* && $valopts == *" $prev "* ]]; then
        case $prev in
        -H | --host)
            local prefix=
            [[ $cur == *@* ]] && prefix=${cur%%@*}@
            COMPREPLY=($(compgen -P "$prefix" -W "$(_iocctl_hosts "${hostsfiles[@]}")" -- "${cur#*@}"))
            declare -F __ltrim_colon_completions >/dev/null && __ltrim_colon_completions "$cur"
            ;;
        --hosts) COMPREPLY=($(compgen -f -- "$cur")) ;;
        --format) COMPREPLY=($(compgen -W "table json" -- "$cur")) ;;
        -f | --filter)
            COMPREPLY=($(compgen -W "name= unit= host= status= enabled= convention= runtime= image=" -- "$cur"))
            compopt -o nospace 2>/dev/null
            ;;
        esac
        return 0
    fi

    if [[ $cur == -* && $after_dashdash == 0 ]]; then
        local opts=${_iocctl_opts[_top]}
        if [[ -n $command ]]; then # the host options, then the command's (with its --help)
            opts=" $opts "
            for w in -h --help -V --version; do opts=${opts/ $w / }; done
            opts+=" ${_iocctl_opts[$command]}"
        fi
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return 0
    fi
    if [[ -z $command ]]; then
        COMPREPLY=($(compgen -W "$_iocctl_commands help" -- "$cur"))
        return 0
    fi
    if ((after_dashdash)) && [[ $command == exec ]]; then
        return 0
    fi

    # IOC names when this position is a "name" (or "names") argument of the command.
    local argnames=(${_iocctl_args[$command]}) argname=
    if ((npos < ${#argnames[@]})); then
        argname=${argnames[npos]}
    elif ((${#argnames[@]})) && [[ ${argnames[-1]} == names ]]; then
        argname=names
    fi
    case $argname in
    name | names)
        local timeout=()
        [[ " ${hostargs[*]} " == *" --connect-timeout"* ]] || timeout=(--connect-timeout 5)
        COMPREPLY=($(compgen -W "$("$_iocctl_bin" "${hostargs[@]}" "${timeout[@]}" ps -a -q 2>/dev/null </dev/null)" -- "$cur"))
        declare -F __ltrim_colon_completions >/dev/null && __ltrim_colon_completions "$cur"
        ;;
    esac
    return 0
} &&
    complete -F _iocctl iocctl
