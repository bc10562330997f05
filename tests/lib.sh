# lib.sh: sourced first by the test scripts that run gen on scratch
# content, as ". tests/lib.sh" from "tests/NAME.sh GEN": sets gen (the
# program, absolute), root (the project), tmp (a scratch folder, removed
# on exit), and the counters pass and fail.
gen=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# check NAME EXPECTED_STATUS COMMAND...: runs the command (a generous
# timeout: no hang) with its output in $tmp/out.log, and counts whether
# it exited as expected.
check() {
	name=$1 want=$2
	shift 2
	timeout 300 "$@" >"$tmp/out.log" 2>&1
	got=$?
	if [ "$got" -eq "$want" ]; then
		pass=$((pass + 1))
	else
		echo "FAIL: $name: exit $got, expected $want"
		tail -5 "$tmp/out.log"
		fail=$((fail + 1))
	fi
}

# summary SUITE: the counts; the script's status is whether all passed.
summary() {
	echo "$1: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
