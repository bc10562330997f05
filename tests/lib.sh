# lib.sh: sourced by the test scripts that run gen and judge its exit
# status.  They set tmp (a scratch folder), pass and fail (counters).

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
