#!/usr/bin/python3
"""check.py OUT CONTENT: out/feed.xml and out/editions.json of a build.

feed.xml against RFC 4287: a well-formed Atom feed with its required
elements (feed: id, title, updated, author or one in every entry;
entry: id, title, updated, a link rel=alternate since there is no
content), ids that are tag: URIs (RFC 4151) made from the slug and
unique, RFC 3339 dates, entries newest first, the feed's updated the
newest entry's, and every link naming a file of the build.

editions.json against the files it names: every edition folder of OUT
listed once, newest first; each path exists and its SHA-256, recomputed,
is the one listed; a published edition's sums are those frozen in
CONTENT/<slug>/published/SHA256SUMS; a key figure's value is null when
its text is hidden (<k, >=k or -).

Prints one line per problem and exits 1 if there is any.
"""
import hashlib
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

A = '{http://www.w3.org/2005/Atom}'
DATE = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$')
TAG = re.compile(r'^tag:[A-Za-z0-9.-]+(@[A-Za-z0-9.-]+)?,\d{4}(-\d{2}(-\d{2})?)?:\S+$')
problems = []


def bad(msg):
    problems.append(msg)


def sha256(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def check_feed(out):
    path = os.path.join(out, 'feed.xml')
    try:
        feed = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        bad(f'feed.xml: not well-formed XML: {e}')
        return []
    if feed.tag != A + 'feed':
        bad(f'feed.xml: root is {feed.tag}, not atom:feed')
        return []
    for name in ('id', 'title', 'updated'):
        if len(feed.findall(A + name)) != 1:
            bad(f'feed.xml: feed needs exactly one atom:{name}')
    entries = feed.findall(A + 'entry')
    feed_author = feed.find(A + 'author')
    if feed_author is not None and not (feed_author.findtext(A + 'name') or '').strip():
        bad('feed.xml: feed author without a name')
    ids, dates = set(), []
    for i, e in enumerate(entries):
        where = f'feed.xml: entry {i + 1}'
        for name in ('id', 'title', 'updated'):
            if len(e.findall(A + name)) != 1:
                bad(f'{where}: needs exactly one atom:{name}')
        eid = e.findtext(A + 'id') or ''
        if not TAG.match(eid):
            bad(f'{where}: id {eid!r} is not a tag: URI')
        if eid in ids:
            bad(f'{where}: id {eid!r} used twice')
        ids.add(eid)
        if feed_author is None and e.find(A + 'author') is None:
            bad(f'{where}: no atom:author in the entry or the feed')
        for name in ('updated', 'published'):
            t = e.findtext(A + name)
            if t is not None and not DATE.match(t):
                bad(f'{where}: {name} {t!r} is not an RFC 3339 date')
        dates.append(e.findtext(A + 'updated') or '')
        alt = [l for l in e.findall(A + 'link') if l.get('rel', 'alternate') == 'alternate']
        if e.find(A + 'content') is None and not alt:
            bad(f'{where}: no content and no link rel=alternate')
        for l in e.findall(A + 'link'):
            href = l.get('href') or ''
            if not os.path.isfile(os.path.join(out, href)):
                bad(f'{where}: link {href!r} names no file of the build')
        slug = eid.rsplit('/', 1)[-1]
        if not any(l.get('href') == f'{slug}/index.html' for l in alt):
            bad(f'{where}: id {eid!r} is not made from the slug of its page')
    upd = feed.findtext(A + 'updated') or ''
    if not DATE.match(upd):
        bad(f'feed.xml: updated {upd!r} is not an RFC 3339 date')
    if dates != sorted(dates, reverse=True):
        bad('feed.xml: entries are not newest first')
    if dates and upd != max(dates):
        bad(f'feed.xml: updated {upd} is not the newest entry\'s {max(dates)}')
    return [(e.findtext(A + 'id') or '').rsplit('/', 1)[-1] for e in entries]


def frozen_sums(content, slug):
    path = os.path.join(content, slug, 'published', 'SHA256SUMS')
    sums = {}
    with open(path) as f:
        for line in f:
            s, p = line.rstrip('\n').split('  ', 1)
            sums[p] = s
    return sums


def check_json(out, content, feed_slugs):
    try:
        with open(os.path.join(out, 'editions.json'), encoding='utf-8') as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        bad(f'editions.json: not JSON: {e}')
        return
    eds = doc.get('editions')
    if not isinstance(eds, list):
        bad('editions.json: no list "editions"')
        return
    folders = sorted(d for d in os.listdir(out)
                     if os.path.isfile(os.path.join(out, d, 'index.html')))
    slugs = [e.get('slug') for e in eds]
    if sorted(slugs) != folders:
        bad(f'editions.json: slugs {sorted(slugs)} are not the edition folders {folders}')
    if slugs != feed_slugs:
        bad(f'editions.json: slugs {slugs} not in the order of the feed {feed_slugs}')
    dates = [e.get('date') or '' for e in eds]
    if dates != sorted(dates, reverse=True):
        bad('editions.json: editions are not newest first')
    for e in eds:
        slug = e.get('slug')
        where = f'editions.json: {slug}'
        for key in ('slug', 'series', 'title', 'date', 'status', 'key_figures', 'html', 'pdf'):
            if key not in e:
                bad(f'{where}: no "{key}"')
        if e.get('status') not in ('draft', 'published'):
            bad(f'{where}: status {e.get("status")!r}')
        frozen = frozen_sums(content, slug) if e.get('status') == 'published' else None
        for kind, rel in (('html', f'{slug}/index.html'), ('pdf', f'{slug}/{slug}.pdf')):
            f = e.get(kind) or {}
            if f.get('path') != rel:
                bad(f'{where}: {kind} path {f.get("path")!r}, expected {rel!r}')
                continue
            path = os.path.join(out, rel)
            if not os.path.isfile(path):
                bad(f'{where}: {rel} does not exist')
                continue
            if sha256(path) != f.get('sha256'):
                bad(f'{where}: sha256 of {rel} is {sha256(path)}, listed {f.get("sha256")}')
            name = os.path.basename(rel)
            if frozen is not None and frozen.get('files/' + name) != f.get('sha256'):
                bad(f'{where}: sha256 of {rel} is not the frozen one')
        for name, k in (e.get('key_figures') or {}).items():
            shown = k.get('shown') or ''
            hidden = shown.startswith(('<', '\u2265', '\u2013'))
            if hidden and k.get('value') is not None:
                bad(f'{where}: {name} is shown as {shown!r} but its value {k.get("value")} is listed')


def main():
    if len(sys.argv) != 3:
        print('usage: check.py OUT CONTENT', file=sys.stderr)
        return 2
    out, content = sys.argv[1], sys.argv[2]
    check_json(out, content, check_feed(out))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
