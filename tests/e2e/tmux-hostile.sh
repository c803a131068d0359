#!/usr/bin/env bash
# End to end, as a user would: the release binary in a real terminal (tmux), fed hostile data,
# random keys and resizes. Checks that the data cannot retitle the pane or write the clipboard,
# that nothing kills the browser, and that quitting restores the terminal.
# Usage: tests/e2e/tmux-hostile.sh [path/to/skillscope]   (builds the release binary if absent)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
bin=${1:-$root/target/release/skillscope}
[ -x "$bin" ] || cargo build --release --quiet
bin=$(realpath "$bin") # the tmux shell runs in a temporary folder
command -v tmux >/dev/null || { echo "tmux is needed (apt-get install tmux)"; exit 1; }

work=$(mktemp -d)
socket="skillscope-e2e-$$"
t() { tmux -L "$socket" "$@"; }
cleanup() { t kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
failures=0
checks=0
check() { # check DESCRIPTION COMMAND...
    checks=$((checks + 1))
    if "${@:2}"; then echo "ok   $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi
}
running() { [ "$(t display -p '#{pane_current_command}')" = "skillscope" ]; }
# -J joins wrapped lines: a long command line may wrap in the middle of the text looked for.
on_screen() { t capture-pane -p -J | grep -q "$@"; }
pane_is() { [ "$(t display -p "#{$1}")" = "$2" ]; } # pane_is FORMAT VALUE
no_buffers() { ! t list-buffers 2>/dev/null | grep -q .; }
workdir_clean() { [ -z "$(ls -A "$work" | grep -v -e '^data$' -e '^config$' -e '^cache$')" ]; }
keys() { for k in "$@"; do t send-keys "$k"; sleep 0.05; done; }

# Every program runs with an empty environment but for these: the user's folders are in $work,
# and bash keeps no history file (it would be written into $work as the server is killed).
isolated="env -i PATH=$PATH HOME=$work TERM=xterm-256color HISTFILE=/dev/null XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache"
t -f /dev/null new-session -d -x 100 -y 30 -c "$work" "$isolated bash --norc --noprofile"
t set -g set-clipboard on
t set -g allow-rename on
title_before=$(t display -p '#{pane_title}')
t send-keys "'$bin' --data '$root/tests/fixtures/hostile.ron'" Enter
for _ in $(seq 50); do running && break; sleep 0.1; done
sleep 0.5
check "the browser starts" running
check "it shows the skills" on_screen 'Skills'
keys / h o s t Enter l Tab G Tab c v f
sleep 0.2
check "the hostile skill is shown" on_screen HOST
keys Escape; sleep 0.2; keys Escape; sleep 0.2; keys Escape; sleep 0.2

# Random keys (never q, Ctrl-c or e: quitting and exporting are checked separately).
pool=(j k h l g G / '?' c n p v f s z '!' Tab BTab Enter Escape Up Down Left Right PageUp PageDown Home End a x 1 7 ' ')
seed=7
for i in $(seq 300); do
    seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
    key=${pool[$(( seed % ${#pool[@]} ))]}
    t send-keys "$key"
    [ "$key" = Escape ] && sleep 0.1
    if [ $((i % 40)) -eq 0 ]; then
        size=$(( seed % 5 ))
        case $size in
            0) t resize-window -x 1 -y 1 ;;
            1) t resize-window -x 20 -y 6 ;;
            2) t resize-window -x 40 -y 12 ;;
            3) t resize-window -x 80 -y 24 ;;
            4) t resize-window -x 160 -y 45 ;;
        esac
        sleep 0.1
    fi
done
t resize-window -x 100 -y 30
sleep 0.3
check "random keys and resizes do not kill it" running
keys Escape; sleep 0.2; keys Escape; sleep 0.2; keys Escape; sleep 0.2
check "the layout recovers at 100x30" on_screen -e Skills -e Search -e Compare -e Progression -e Pick
check "the data did not retitle the pane" pane_is pane_title "$title_before"
check "the data did not write the clipboard (OSC 52)" no_buffers
check "it runs on the alternate screen" pane_is alternate_on 1

keys Escape; sleep 0.2; keys Escape; sleep 0.2
t send-keys q
for _ in $(seq 50); do running || break; sleep 0.1; done
check "q quits" pane_is pane_current_command bash
check "the alternate screen is left" pane_is alternate_on 0
check "mouse reporting is off" pane_is mouse_any_flag 0
check "the cursor is shown" pane_is cursor_flag 1
t send-keys "stty -a | tr ' ' '\n' | grep -x -e icanon -e echo | tr '\n' ' '; echo" Enter
sleep 0.3
check "raw mode is off (icanon, echo)" on_screen 'icanon echo'
check "the screen was not cleared (the command line is still there)" on_screen "fixtures/hostile.ron"
on_screen "fixtures/hostile.ron" || t capture-pane -p -J
check "nothing was written into the working folder" workdir_clean

# A hang-up (the terminal closes, e.g. an SSH connection drops) must end the browser, not leave
# it spinning: start one in a second window, kill the window, and look for the process.
marker="$work/hangup-marker.ron"
cp "$root/tests/fixtures/hostile.ron" "$marker"
t new-window -d -n hangup "$isolated '$bin' --data '$marker'"
sleep 1
browser_alive() { pgrep -f -- "--data $marker" >/dev/null; }
check "a second browser runs" browser_alive
t kill-window -t hangup
for _ in $(seq 30); do browser_alive || break; sleep 0.1; done
browser_gone() { ! browser_alive; }
check "closing its terminal ends it (SIGHUP)" browser_gone
pkill -9 -f -- "--data $marker" 2>/dev/null || true

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
