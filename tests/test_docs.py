"""The documentation site (docs/build.py): README.md is what nbs/index.ipynb gives, and the site built from the
notebooks, offline, works in headless Chromium -- no console errors, every image drawn, every internal link resolving
(anchors included), one page per chapter in order in the sidebar, and an API entry for every exported name."""
import functools, importlib, json, os, pkgutil, re, shutil, subprocess, sys, threading, time, urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit
import pytest
import ser_nb

ROOT = Path(__file__).resolve().parent.parent
# Debian's Chromium, as root, with no network: these flags keep it from calling home (see the env notes)
CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
                 '--disable-component-update', '--disable-sync']

def chromium_path():
    "Chromium's executable ($CHROMIUM, else Debian's /usr/bin/chromium or one on PATH), None when there is none"
    for c in (os.environ.get('CHROMIUM'), '/usr/bin/chromium', shutil.which('chromium'), shutil.which('chromium-browser')):
        if c and Path(c).is_file() and os.access(c, os.X_OK): return c

def exported():
    "{module: its `__all__`} for every public ser_nb module"
    mods = (importlib.import_module(f'ser_nb.{m.name}') for m in pkgutil.iter_modules(ser_nb.__path__) if m.name[0] != '_')
    return {m.__name__: list(getattr(m, '__all__', [])) for m in mods}

def chapters():
    "Numbered notebooks in order, each with its page as nbdev names it (`00_data.ipynb` -> `data.html`)"
    from nbdev.doclinks import _nbpath2html
    return [(p, _nbpath2html(p).name) for p in sorted((ROOT/'nbs').glob('[0-9]*.ipynb'))]

def saved_outputs(nb_path):
    "How many images and HTML tables a notebook's shown cells saved (hidden, exported, `output: false` cells excluded)"
    n_img = n_tab = 0
    for c in json.loads(nb_path.read_text(encoding='utf-8'))['cells']:
        if c['cell_type'] != 'code': continue
        opts = dict(re.findall(r'^#\|\s*([\w-]+):?\s*(.*?)\s*$', ''.join(c['source']), re.M))
        if opts.keys() & {'hide', 'export', 'exporti', 'default_exp'} or 'false' in (opts.get('include'), opts.get('output')): continue
        for o in c.get('outputs', []):
            d = o.get('data', {})
            n_img += any(k in d for k in ('image/png', 'image/jpeg', 'image/svg+xml'))
            n_tab += '<table' in ''.join(d.get('text/html', ''))
    return n_img, n_tab

def test_readme_matches_index():
    r = subprocess.run([sys.executable, 'docs/build.py', '--check-readme'], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-4000:]

@pytest.fixture(scope='module')
def site(tmp_path_factory):
    "A fresh build of the site (nbdev processing, then Sphinx) in a temporary folder, or $SER_NB_DOCS_SITE if set"
    if os.environ.get('SER_NB_DOCS_SITE'): return Path(os.environ['SER_NB_DOCS_SITE'])  # a build made just before
    out = tmp_path_factory.mktemp('docs')/'site'
    t0 = time.time()
    r = subprocess.run([sys.executable, 'docs/build.py', '--out', str(out), '--no-readme'], cwd=ROOT,
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, f'docs build failed:\n{r.stdout[-6000:]}\n{r.stderr[-6000:]}'
    print(f'\ndocs build: {time.time() - t0:.1f} s, {len(list(out.rglob("*.html")))} HTML pages')
    return out

def test_site_pages(site):
    "Without a browser: a page per chapter, and an API entry (autodoc id) for every exported name"
    assert (site/'index.html').exists()
    for nb, page in chapters(): assert (site/page).exists(), f'{nb.name}: no page {page}'
    for mod, names in exported().items():
        html = (site/'api'/f'{mod.split(".", 1)[1]}.html').read_text(encoding='utf-8')
        missing = [n for n in names if f'id="{mod}.{n}"' not in html]
        assert not missing, f'{mod}: no API entry for {missing}'

@pytest.fixture(scope='module')
def served(site):
    "The site over HTTP on localhost (as a reader would get it), its base URL"
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args): pass
    srv = ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f'http://127.0.0.1:{srv.server_port}/'
    srv.shutdown(); srv.server_close()

INSPECT = """async () => {
  const imgs = Array.from(document.images);
  imgs.forEach(i => { i.loading = 'eager'; });
  await Promise.all(imgs.map(i => i.decode().catch(() => null)));
  const art = document.querySelector('article') || document.body;
  return {
    images: imgs.map(i => ({src: i.currentSrc || i.src, w: i.naturalWidth})),
    article_images: art.querySelectorAll('img').length,
    article_tables: art.querySelectorAll('.cell_output table').length,
    links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href),
    ids: Array.from(document.querySelectorAll('[id]')).map(e => e.id)
           .concat(Array.from(document.querySelectorAll('a[name]')).map(a => a.name)),
    sidebar: Array.from(document.querySelectorAll('.sidebar-tree a.reference')).map(a => a.href),
  };
}"""

def test_site_in_chromium(site, served):
    exe = chromium_path()
    if not exe: pytest.skip("no Chromium on this machine (Debian's chromium package; .ci/run installs it)")
    from playwright.sync_api import sync_playwright
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob('*.html'))
    problems, seen, now = [], {}, {'page': None}
    def bad(msg): problems.append(f'{now["page"]}: {msg}')
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page(viewport={'width': 1400, 'height': 1000})
            tab.on('console', lambda m: m.type == 'error' and bad(f'console error: {m.text}'))
            tab.on('pageerror', lambda e: bad(f'script error: {e}'))
            aborted = []  # Chromium aborts a page's late requests (the favicon) when the next page opens: re-fetched below
            tab.on('requestfailed', lambda r: aborted.append((now['page'], r.url)) if r.failure == 'net::ERR_ABORTED'
                   else bad(f'request failed: {r.url} ({r.failure})'))
            tab.on('response', lambda r: r.status >= 400 and bad(f'HTTP {r.status}: {r.url}'))
            tab.on('request', lambda r: r.url.startswith((served, 'data:', 'blob:')) or bad(f'request off the site: {r.url}'))
            for p in pages:
                now['page'] = p
                tab.goto(served + p, wait_until='load')
                seen[p] = tab.evaluate(INSPECT)
            if (shot := os.environ.get('SER_NB_DOCS_SCREENSHOT')):  # e.g. /tmp/chapter.png: look at a chapter page
                tab.goto(served + chapters()[min(1, len(chapters()) - 1)][1], wait_until='load'); tab.screenshot(path=shot)
        finally: browser.close()
    for now['page'], url in aborted:
        try: urllib.request.urlopen(url, timeout=10).close()
        except Exception as e: bad(f'request failed: {url} ({e})')
    for p, info in seen.items():
        now['page'] = p
        for im in info['images']:
            if not im['w'] > 0: bad(f'image not drawn: {im["src"]}')
        for url in info['links']:
            if not url.startswith(served): continue  # external (source links, DOIs): not fetched offline
            u = urlsplit(url)
            path = unquote(u.path)[1:] or 'index.html'
            if path.endswith('/'): path += 'index.html'
            if not (site/path).is_file(): bad(f'broken link: {url}'); continue
            if u.fragment and path.endswith('.html') and unquote(u.fragment) not in seen[path]['ids']:
                bad(f'link to a missing anchor: {url}')
    now['page'] = 'index.html'
    side = [u[len(served):] for u in seen['index.html']['sidebar']]
    want = [page for _, page in chapters()]
    if [s for s in side if s in want] != want: bad(f'sidebar chapters {side} are not the chapters in order {want}')
    for nb, page in chapters():
        now['page'] = page
        n_img, n_tab = saved_outputs(nb)
        if seen[page]['article_images'] < n_img: bad(f'{seen[page]["article_images"]} images shown, {nb.name} saved {n_img}')
        if seen[page]['article_tables'] < n_tab: bad(f'{seen[page]["article_tables"]} tables shown, {nb.name} saved {n_tab}')
    for mod, names in exported().items():
        now['page'] = api = f'api/{mod.split(".", 1)[1]}.html'
        if api not in seen: bad('no API page'); continue
        missing = [n for n in names if f'{mod}.{n}' not in seen[api]['ids']]
        if missing: bad(f'no API entry for {missing}')
    assert not problems, f'{len(problems)} problems in the site:\n' + '\n'.join(problems[:60])
