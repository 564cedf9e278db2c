# Sourced by benchmarks that compare contenders taking turns: each contender is a bench process started in its
# rounds-on-demand mode (ROUNDS 0: `ready` after its warm-up, one round per line it reads, `images_per_second=` per
# round (and more from some), its summary line at the end of its input), kept alive, and asked for one round at a
# time. Rounds of the contenders alternate, so this machine's drift (10-20% within a minute) hits each about
# equally, and a ratio is taken within each round, not between two processes run minutes apart.
TURNS=$(mktemp -d "$WORK/turns.XXXXXX")
declare -A TURN_IN TURN_OUT SUMMARY
# end_turns: what a bench sourcing this runs on exit (in its own EXIT trap): the pipes go, and contenders left running
end_turns() { rm -rf "$TURNS"; kill $(jobs -p) 2>/dev/null || true; }

# contender NAME COMMAND...: starts COMMAND with its input and output on pipes, and waits until it is warm
contender() {
  local name=$1 in out line
  shift
  mkfifo "$TURNS/$name.in" "$TURNS/$name.out"
  # without the other contenders' pipes: a copy of one's input left open here would keep it from ever ending
  (for fd in "${TURN_IN[@]}" "${TURN_OUT[@]}"; do exec {fd}>&-; done; "$@") < "$TURNS/$name.in" > "$TURNS/$name.out" &
  exec {in}>"$TURNS/$name.in"
  exec {out}<"$TURNS/$name.out"
  TURN_IN[$name]=$in
  TURN_OUT[$name]=$out
  read -r line <&"$out" || true
  [ "$line" = ready ] || { echo "contender $name did not start (it said: ${line:-nothing})" >&2; exit 1; }
}

# turn NAME: one round of NAME; prints what it said of that round (`images_per_second=…`, and more from some)
turn() {
  local line
  echo round >&"${TURN_IN[$1]}"
  read -r line <&"${TURN_OUT[$1]}"
  echo "$line"
}

# dismiss NAME: ends NAME's input and keeps its summary line (median rate, peak memory, bytes) in SUMMARY[NAME].
# Not in a $(...): the input must end in this shell, not in a copy of it.
dismiss() {
  local in=${TURN_IN[$1]} out=${TURN_OUT[$1]} line
  exec {in}>&-
  read -r line <&"$out" || true
  exec {out}<&-
  rm -f "$TURNS/$1.in" "$TURNS/$1.out"
  unset "TURN_IN[$1]" "TURN_OUT[$1]"
  SUMMARY[$1]=$line
}

# median NUMBER...: the middle one (the upper of the two middle ones for an even count)
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int(NR / 2) + 1] }'; }
