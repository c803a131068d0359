#!/usr/bin/env bash
# End to end, as a user would: the release binary in a real terminal (tmux), fed hostile data,
# random keys, resizes, pastes and signals. Checks that the data cannot retitle the pane or write
# the clipboard, that nothing kills the browser, that a paste is text and never keys, that every
# way out (q, Ctrl-c, signals, a hang-up) restores the terminal and saves the place, that Ctrl-z
# suspends and `fg` resumes, and that an unusable state file is refused without hanging.
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
state_file="$work/data/skillscope/state/browser.ron"
start_browser() {
    t send-keys "clear; '$bin' --data '$root/tests/fixtures/hostile.ron'" Enter
    for _ in $(seq 50); do running && break; sleep 0.1; done
    sleep 0.5
}
wait_until_gone() { for _ in $(seq 50); do running || break; sleep 0.1; done; }
browser_pid() { pgrep -P "$(t display -p '#{pane_pid}')" -x skillscope; }
# A paste into `cat -v` shows ^[[200~ around the text if bracketed paste was left on.
paste_is_plain() {
    t send-keys "clear; cat -v" Enter
    sleep 0.2
    t set-buffer PASTED
    t paste-buffer -p
    sleep 0.1
    t send-keys Enter C-d
    sleep 0.2
    on_screen PASTED && ! on_screen '200~'
}
# restored HOW STATUS: after the browser ended, the exit status and the terminal as it was.
restored() {
    t send-keys "echo \"exit=\$?\"" Enter
    sleep 0.2
    check "$1: exit status $2" on_screen "^exit=$2\$"
    check "$1: the alternate screen is left" pane_is alternate_on 0
    check "$1: mouse reporting is off" pane_is mouse_any_flag 0
    check "$1: the cursor is shown" pane_is cursor_flag 1
    t send-keys "clear; stty -a | tr ' ' '\n' | grep -x -e isig -e icanon -e echo | tr '\n' ' '; echo" Enter
    sleep 0.3
    check "$1: raw mode is off (isig, icanon, echo)" on_screen 'isig icanon echo'
    check "$1: bracketed paste is off" paste_is_plain
}

# Every program runs with an empty environment but for these: the user's folders are in $work,
# and bash keeps no history file (it would be written into $work as the server is killed).
isolated="env -i PATH=$PATH HOME=$work TERM=xterm-256color HISTFILE=/dev/null XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache"
t -f /dev/null new-session -d -x 100 -y 30 -c "$work" "$isolated bash --norc --noprofile"
t set -g set-clipboard on
t set -g allow-rename on
# Readline turns bracketed paste on and off around each command line itself, which would hide
# whether the browser left it on.
t send-keys "bind 'set enable-bracketed-paste off'" Enter
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

# A paste is text for the search, never keys: the q in it does not quit, the line break (tmux
# sends it as a carriage return) does not submit. Outside a search a paste does nothing.
keys /
t set-buffer -- "$(printf 'x\nq')"
t paste-buffer -p
sleep 0.3
check "a paste holding a line break and q does not quit" running
check "the pasted text is in the search line" on_screen '/x q'
keys Escape; sleep 0.2; keys Escape; sleep 0.2; keys Escape; sleep 0.2
t set-buffer q
t paste-buffer -p
sleep 0.3
check "a pasted q outside a search does not quit" running

t send-keys q
wait_until_gone
check "q quits" pane_is pane_current_command bash
check "the screen was not cleared (the command line is still there)" on_screen "fixtures/hostile.ron"
on_screen "fixtures/hostile.ron" || t capture-pane -p -J
restored "q" 0
check "nothing was written into the working folder" workdir_clean

# Signals: each that ends a process restores the terminal and saves the place (the skill
# searched for), exiting with 128 + the signal's number; Ctrl-c is SIGINT from the terminal.
for signal in INT QUIT USR1 ALRM TERM; do
    rm -f "$state_file"
    start_browser
    keys / h o s t Enter
    sleep 0.3
    kill -s "$signal" "$(browser_pid)"
    wait_until_gone
    check "SIG$signal ends it" pane_is pane_current_command bash
    restored "SIG$signal" $((128 + $(kill -l "$signal")))
    check "SIG$signal: the place is saved" grep -qs 'code:"HOST"' "$state_file"
done
start_browser
t send-keys C-c
wait_until_gone
restored "Ctrl-c" 130
# An abort (a failed allocation aborts without unwinding) is SIGABRT: restored, then killed.
start_browser
kill -s ABRT "$(browser_pid)"
wait_until_gone
restored "SIGABRT" 134

# Ctrl-z suspends as editors do: the shell gets the terminal back; fg redraws the browser.
start_browser
t send-keys C-z
sleep 0.5
check "Ctrl-z stops it and gives the shell back" pane_is pane_current_command bash
check "Ctrl-z: the alternate screen is left" pane_is alternate_on 0
check "Ctrl-z: mouse reporting is off" pane_is mouse_any_flag 0
t send-keys fg Enter
sleep 0.8
check "fg continues it" running
check "fg: the alternate screen and the mouse again" pane_is mouse_any_flag 1
check "fg: the screen is drawn again" on_screen Skills
t send-keys q
wait_until_gone
restored "q after fg" 0

# crossterm issue 1060: a paste start without its end makes crossterm's parser take every key
# as pasted text until a paste end comes, and its reader waits for that end in a blocking read,
# so a resize is not drawn meanwhile either. Ctrl-c still quits: the terminal sends SIGINT. What
# happens, exactly (docs/security.md says the same):
last_row_drawn() { [ -n "$(t capture-pane -p | sed -n 35p | tr -d ' ')" ]; }
last_row_blank() { ! last_row_drawn; }
start_browser
t send-keys -H 1b 5b 32 30 30 7e
keys q
sleep 0.3
check "after a stray paste start, q is taken as pasted text (crossterm 1060)" running
t resize-window -x 120 -y 35
sleep 0.5
check "after a stray paste start, a resize is not drawn yet" last_row_blank
t set-buffer PASTED
t paste-buffer -p
sleep 0.5
check "a real paste ends it, and the resize is drawn" last_row_drawn
t resize-window -x 100 -y 30
sleep 0.3
t send-keys q
wait_until_gone
check "after a paste ended it, q quits again" pane_is pane_current_command bash
restored "after a stray paste start" 0
start_browser
t send-keys -H 1b 5b 3c 30 3b
keys q
sleep 0.3
check "after a stray mouse prefix, q is taken into it" running
t send-keys C-c
wait_until_gone
restored "Ctrl-c after a stray mouse prefix" 130
# A paste holding a paste end: tmux (like some terminals) passes it on, so what follows it
# arrives as keys; in a search they are typed, elsewhere they act.
start_browser
keys /
t set-buffer -- "$(printf 'x\e[201~q')"
t paste-buffer -p
sleep 0.3
check "a paste holding a paste end: in a search, what follows is typed" on_screen '/xq'
keys Escape
sleep 0.5
t paste-buffer -p
wait_until_gone
check "a paste holding a paste end: outside a search, a q after it quits" \
    pane_is pane_current_command bash
restored "q after an embedded paste end" 0

# A state file that is not a regular file is refused at once, with a notice; quitting saves
# the place in a new file.
for bad in fifo dev-zero; do
    rm -f "$state_file"
    case $bad in
        fifo) mkfifo "$state_file" ;;
        dev-zero) ln -s /dev/zero "$state_file" ;;
    esac
    start_browser
    check "a $bad state file: the browser starts" running
    check "a $bad state file: a notice says so" on_screen 'saved browser state was unusable'
    t send-keys q
    wait_until_gone
    check "a $bad state file: quitting saves the place in a file" test -f "$state_file"
done

# A hang-up (the terminal closes, e.g. an SSH connection drops) must end the browser, not leave
# it spinning: start one in a second window, kill the window, and look for the process.
marker="$work/hangup-marker.ron"
cp "$root/tests/fixtures/hostile.ron" "$marker"
rm -f "$state_file"
t new-window -d -n hangup "$isolated '$bin' --data '$marker'"
sleep 1
browser_alive() { pgrep -f -- "--data $marker" >/dev/null; }
check "a second browser runs" browser_alive
t kill-window -t hangup
for _ in $(seq 30); do browser_alive || break; sleep 0.1; done
browser_gone() { ! browser_alive; }
check "closing its terminal ends it (SIGHUP)" browser_gone
check "a hang-up saves the place" test -s "$state_file"
pkill -9 -f -- "--data $marker" 2>/dev/null || true

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
