#!/bin/sh
# serve.sh GEN: gen serve (spec 6.5) with curl, on a copy of the sample
# content (tests/golden/sample/content) in a scratch folder that also
# holds an out/ that must stay untouched:
#
#   - the address is printed; it answers on 127.0.0.1 only, not on the
#     machine's other addresses; the archive and an edition are served
#     with the reload script, which is never written to out/;
#   - MIME types, HEAD, a missing file (404), a folder without its slash
#     (301);
#   - paths that leave the served folder are refused: /../, %2e%2e,
#     an encoded slash, a symbolic link in the served folder;
#   - POST, PUT and DELETE get 405; a request whose headers are too large
#     and a GET with a body are refused;
#   - Server-Sent Events: a saved chapter sends "reload" and the page
#     shows the change; only that edition is rebuilt; the PDF follows; a
#     second save while the PDF is made shows without waiting for it,
#     and the PDF ends up with both; a changed codebook rebuilds every
#     edition;
#   - an unknown {{ }} name keeps the last good page and shows the
#     diagnostics, path:line:column, in it until the fix removes them;
#   - SIGTERM and SIGINT stop it cleanly (exit 0), with its private
#     folder removed.
set -u
. "$(dirname "$0")/lib.sh"

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

command -v curl >/dev/null 2>&1 || { echo "serve.sh: curl is needed"; exit 1; }
# Generous under the sanitizers and valgrind.
WAIT=${SERVE_WAIT:-60}

cd "$tmp" || exit 1
cp -R "$root/tests/golden/sample/content" content
mkdir out t
echo "not gen's" >out/marker
find out -printf "%p %s %T@ %i\n" | sort >"$tmp/out.before"
export TMPDIR="$tmp/t"
# One published edition: its frozen files are served and watched.
"$gen" publish content/2021-intermediair >/dev/null 2>&1 ||
    { echo "serve.sh: gen publish failed"; exit 1; }

# until SECONDS COMMAND...: retries the command every 0.1 s.
until_ok() {
	_tries=$(($1 * 10))
	shift
	while [ "$_tries" -gt 0 ]; do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.1
		_tries=$((_tries - 1))
	done
	return 1
}

# start: gen serve on a free port; sets pid and url.
start() {
	: >"$tmp/serve.out"
	"$gen" serve --port 0 content >"$tmp/serve.out" 2>"$tmp/serve.err" &
	pid=$!
	if ! until_ok "$WAIT" grep -q '^gen serve: http://127.0.0.1:[0-9]*/' \
	    "$tmp/serve.out"; then
		bad "gen serve printed no address"
		cat "$tmp/serve.out" "$tmp/serve.err"
		kill "$pid" 2>/dev/null
		summary serve.sh
		exit 1
	fi
	url=$(sed -n 's|^gen serve: \(http://127.0.0.1:[0-9]*\)/.*|\1|p' \
	    "$tmp/serve.out")
}

# status PATH [CURL ARGS...]: the HTTP status of a request.
status() {
	p=$1
	shift
	curl -s -o /dev/null -w '%{http_code}' --max-time 20 "$@" "$url$p"
}

# want NAME EXPECTED GOT
want() {
	if [ "$3" = "$2" ]; then ok; else bad "$1: got '$3', expected '$2'"; fi
}

start
want "archive" 200 "$(status /)"
# 127.0.0.1 only: not on the machine's other addresses
port=${url##*:}
for ip in $(hostname -I 2>/dev/null); do
	case $ip in
	127.*|::1) ;;
	*:*) want "not on [$ip]" 000 "$(curl -s -o /dev/null -w '%{http_code}' \
	    --max-time 3 "http://[$ip]:$port/")" ;;
	*) want "not on $ip" 000 "$(curl -s -o /dev/null -w '%{http_code}' \
	    --max-time 3 "http://$ip:$port/")" ;;
	esac
done
want "edition" 200 "$(status /2020-bemiddeling/)"
curl -s "$url/2020-bemiddeling/" >"$tmp/page.html"
grep -q '<script src="/__gen/live.js" data-gen="[0-9]*"></script>' \
    "$tmp/page.html" && ok || bad "no reload script in the served page"
grep -q 'gen-serve-errors' "$tmp/page.html" && bad "errors shown without errors" || ok

# MIME types, HEAD, 404, 301
ctype() {
	curl -s -o /dev/null -w '%{content_type}' --max-time 20 "$url$1"
}
want "html type" "text/html; charset=utf-8" "$(ctype /2020-bemiddeling/index.html)"
want "css type" "text/css; charset=utf-8" "$(ctype /2020-bemiddeling/gen.css)"
want "pdf type" "application/pdf" "$(ctype /2020-bemiddeling/2020-bemiddeling.pdf)"
want "woff2 type" "font/woff2" "$(ctype /fonts/GenSans-Regular.woff2)"
want "png type" "image/png" "$(ctype /leergang-helmond/logo.png)"
want "script type" "text/javascript; charset=utf-8" "$(ctype /__gen/live.js)"
want "events type" "text/event-stream" \
    "$(curl -s -o /dev/null -w '%{content_type}' --max-time 1 "$url/__gen/events")"
curl -s -I --max-time 20 "$url/2020-bemiddeling/gen.css" >"$tmp/head"
len=$(curl -s --max-time 20 "$url/2020-bemiddeling/gen.css" | wc -c)
grep -q '^HTTP/1.1 200' "$tmp/head" && ok || bad "HEAD: $(head -1 "$tmp/head")"
grep -qi "^content-length: $len" "$tmp/head" && ok ||
    bad "HEAD: no Content-Length $len"
want "HEAD has no body" 0 "$(curl -s -X HEAD --max-time 3 \
    "$url/2020-bemiddeling/gen.css" | wc -c)"
want "missing file" 404 "$(status /2020-bemiddeling/nope.html)"
want "missing edition" 404 "$(status /nope/)"
want "folder without slash" 301 "$(status /2020-bemiddeling)"

# paths that leave the served folder
want "/../" 403 "$(status /../../../../etc/passwd --path-as-is)"
want "/x/../../" 403 "$(status /2020-bemiddeling/../../etc/passwd --path-as-is)"
want "%2e%2e" 403 "$(status /%2e%2e/%2e%2e/etc/passwd --path-as-is)"
want "%2E%2E" 403 "$(status /2020-bemiddeling/%2E%2E/%2E%2E/etc/passwd --path-as-is)"
want "encoded slash" 403 "$(status /2020-bemiddeling%2f..%2f..%2f..%2fetc%2fpasswd --path-as-is)"
want "%00" 400 "$(status /2020-bemiddeling/%00x --path-as-is)"
want "backslash" 403 "$(status '/..%5c..%5cetc%5cpasswd' --path-as-is)"
site=$(ls -d "$TMPDIR"/gen-serve.*/site-* | head -1)
ln -s /etc/passwd "$site/leak"
want "symbolic link out" 403 "$(status /leak)"
rm -f "$site/leak"

# methods and sizes
for m in POST PUT DELETE PATCH OPTIONS; do
	want "$m" 405 "$(status /index.html -X $m -d x)"
done
curl -s -D "$tmp/hdr" -o /dev/null -X POST -d x "$url/" --max-time 20
grep -qi '^allow: GET, HEAD' "$tmp/hdr" && ok || bad "405 without Allow: GET, HEAD"
big=$(head -c 100000 /dev/zero | tr '\0' a)
got=$(status / -H "X-Big: $big")
case $got in 413|431|414|000) ok ;; *) bad "large headers: $got" ;; esac
want "GET with a body" 413 "$(status / -X GET --data-binary @"$root/content/codes.csv")"

noerr() { ! curl -s "$url/2020-bemiddeling/" | grep -q 'gen-serve-errors'; }

# a saved chapter: reload event, the page changes, only that edition
sse() {
	curl -s -N --max-time "$WAIT" "$url/__gen/events?since=$1" >"$tmp/sse" &
	ssepid=$!
	sleep 0.3
}
g=$(sed -n 's|.*data-gen="\([0-9]*\)".*|\1|p' "$tmp/page.html")
sse "$g"
: >"$tmp/serve.err.mark"
lines=$(wc -l <"$tmp/serve.err")
printf '\nEen zin die er net bij kwam: ZEBRA-7731.\n' \
    >>content/2020-bemiddeling/02-verloop.md
until_ok "$WAIT" grep -q '^event: reload' "$tmp/sse" && ok ||
    bad "no reload event after saving a chapter"
kill "$ssepid" 2>/dev/null
curl -s "$url/2020-bemiddeling/" | grep -q 'ZEBRA-7731' && ok ||
    bad "the served page does not show the saved chapter"
tail -n +$((lines + 1)) "$tmp/serve.err" | grep -q '^gen serve: 1 page in' && ok ||
    { bad "a chapter rebuilt more than its edition"; cat "$tmp/serve.err"; }
# the other drafts are rendered again (they may quote its figures), but
# come out the same, so they are neither written nor their PDFs made
sleep 1
tail -n +$((lines + 1)) "$tmp/serve.err" | grep -E 'other page|leergang|intermediair' &&
    bad "a chapter of one edition changed the others" || ok
# haspdf [TEXT]: the served PDF shows the text (default ZEBRA-7731)
haspdf() {
	curl -s "$url/2020-bemiddeling/2020-bemiddeling.pdf" -o "$tmp/p.pdf" &&
	    pdftotext "$tmp/p.pdf" - | tr -d '\n' | grep -q "${1:-ZEBRA-7731}"
}
if command -v pdftotext >/dev/null 2>&1; then
	until_ok "$WAIT" haspdf && ok || bad "the served PDF was not rebuilt"
fi

# a save while a PDF is being made: the page does not wait for the PDF
lines=$(wc -l <"$tmp/serve.err")
printf '\nEerste zin: IBIS-1.\n' >>content/2020-bemiddeling/04-bestendiging.md
until_ok "$WAIT" sh -c "curl -s '$url/2020-bemiddeling/' | grep -q IBIS-1"
printf '\nTweede zin: IBIS-2.\n' >>content/2020-bemiddeling/04-bestendiging.md
until_ok "$WAIT" sh -c "curl -s '$url/2020-bemiddeling/' | grep -q IBIS-2" && ok ||
    bad "the second save did not show"
# (the page is served a moment before its line is printed)
order() {
	tail -n +$((lines + 1)) "$tmp/serve.err" |
	    grep -E '^gen serve: (1 page|.*\.pdf) in' | head -2 | tr '\n' ' '
}
until_ok "$WAIT" sh -c "[ \$(tail -n +$((lines + 1)) '$tmp/serve.err' |
    grep -cE '^gen serve: (1 page|.*\\.pdf) in') -ge 2 ]"
order >"$tmp/order"
grep -q '^gen serve: 1 page in [0-9]* ms gen serve: 1 page in' "$tmp/order" && ok ||
    bad "the second page waited for the first PDF: $(cat "$tmp/order")"
until_ok "$WAIT" haspdf IBIS-2 && ok || bad "the PDF after two saves is not the last"

# the codebook: every edition
lines=$(wc -l <"$tmp/serve.err")
sed -i 's/^themas,tarief,\([^,]*\)/themas,tarief,\1 KOALA/' content/codes.csv
until_ok "$WAIT" sh -c "tail -n +$((lines + 1)) '$tmp/serve.err' | grep -q '^gen serve: 2 pages in'" &&
    ok || { bad "the codebook did not rebuild the two draft editions"; cat "$tmp/serve.err"; }

# a frozen file changed while serving: an error until it is restored
f=content/2021-intermediair/published/files/index.html
cp "$f" "$tmp/frozen"
echo '<!-- changed -->' >>"$f"
shows() { curl -s "$url/$1" | grep -qF "$2"; }
until_ok "$WAIT" shows 2020-bemiddeling/ "frozen file &#39;files/index.html&#39; has changed" &&
    ok || bad "a changed frozen file is not shown as an error"
cp "$tmp/frozen" "$f"
until_ok "$WAIT" noerr && ok || bad "the error stays after restoring the frozen file"
curl -s "$url/2021-intermediair/" | sed '/^<script src="\/__gen\/live.js" data-gen="[0-9]*"><\/script>$/d' |
    cmp -s - "$f" && ok || bad "the frozen page is not served as frozen (but for the script)"

# an error: the last good page with the diagnostics; then fixed
g=$(curl -s "$url/2020-bemiddeling/" | sed -n 's|.*data-gen="\([0-9]*\)".*|\1|p')
sse "$g"
cp content/2020-bemiddeling/03-verbeterpunten.md "$tmp/ch3"
printf 'Er waren {{ aantall }} trajecten.\n' >>content/2020-bemiddeling/03-verbeterpunten.md
n=$(wc -l <content/2020-bemiddeling/03-verbeterpunten.md)
until_ok "$WAIT" grep -q '^event: reload' "$tmp/sse" && ok ||
    bad "no reload event after an error"
kill "$ssepid" 2>/dev/null
curl -s "$url/2020-bemiddeling/" >"$tmp/page.html"
msg="content/2020-bemiddeling/03-verbeterpunten.md:$n:10: error: unknown value &#39;aantall&#39;; did you mean &#39;aantal&#39;?"
grep -q 'id="gen-serve-errors"' "$tmp/page.html" && ok || bad "no diagnostics in the page"
grep -qF "$msg" "$tmp/page.html" && ok ||
    { bad "the page does not show: $msg"; grep -A3 gen-serve-errors "$tmp/page.html"; }
grep -qF "content/2020-bemiddeling/03-verbeterpunten.md:$n:10: error: unknown value 'aantall'" \
    "$tmp/serve.err" && ok || bad "the terminal does not show the error"
grep -q 'ZEBRA-7731' "$tmp/page.html" && ok || bad "the last good page is gone"
grep -q 'id="gen-serve-errors"' "$tmp/page.html" &&
    curl -s "$url/leergang-helmond/" | grep -q 'id="gen-serve-errors"' && ok ||
    bad "other pages do not show the diagnostics"
cp "$tmp/ch3" content/2020-bemiddeling/03-verbeterpunten.md
until_ok "$WAIT" noerr && ok || bad "the diagnostics stay after the fix"

# a new edition folder is watched and served
mkdir content/2022-nieuw
cp content/2020-bemiddeling/index.md content/2020-bemiddeling/trajecten.csv \
    content/2022-nieuw/
until_ok "$WAIT" sh -c "curl -sf '$url/2022-nieuw/' >/dev/null" && ok ||
    bad "a new edition folder is not served"
printf '# Nieuw\n\nNieuwe tekst: OKAPI-55.\n' >content/2022-nieuw/01-nieuw.md
until_ok "$WAIT" sh -c "curl -s '$url/2022-nieuw/' | grep -q OKAPI-55" && ok ||
    bad "a chapter in a new edition folder is not watched"

# every PDF child ended well (under valgrind: without errors)
grep -E '^gen serve: (the PDF of|no new PDF of)' "$tmp/serve.err" &&
    bad "a PDF child failed" || ok

# clean stop: SIGTERM, then SIGINT on a second run
[ -d "$site" ] || [ -n "$(ls -d "$TMPDIR"/gen-serve.* 2>/dev/null)" ] && ok ||
    bad "no private folder while serving"
kill -TERM "$pid"
until_ok "$WAIT" sh -c "! kill -0 $pid" && ok || bad "SIGTERM did not stop it"
wait "$pid"
want "exit after SIGTERM" 0 "$?"
start
kill -INT "$pid"
wait "$pid"
want "exit after SIGINT" 0 "$?"
grep -q '^gen serve: stopped' "$tmp/serve.err" && ok || bad "no 'stopped' line"
want "private folder removed" "" "$(ls "$TMPDIR")"
want "port closed" 000 "$(status /)"

# out/ never written, the script never in a build
find out -printf "%p %s %T@ %i\n" | sort >"$tmp/out.after"
cmp -s "$tmp/out.before" "$tmp/out.after" && ok ||
    { bad "out/ was changed"; diff "$tmp/out.before" "$tmp/out.after"; }
"$gen" build -o built content >/dev/null 2>&1 && ok || bad "gen build failed"
grep -rq '__gen' built && bad "the reload script reached a build" || ok

summary serve.sh
