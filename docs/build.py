"""Build the ser_nb documentation site and README.md from the notebooks, offline (no Quarto, no network).

    python docs/build.py                  # README.md, then the site in _docs/ (doc_path in settings.ini)
    python docs/build.py --out DIR        # the site somewhere else
    python docs/build.py --readme-only    # only write README.md from nbs/index.ipynb
    python docs/build.py --check-readme   # exit 1 when README.md is not what nbs/index.ipynb gives

Steps (nothing is re-executed but what nbdev itself runs to render `show_doc`: import and export cells):
1. nbdev's own processing (`nbdev.serve.proc_nbs`, the work of `nbdev_proc_nbs` without its Quarto install check)
   writes `_proc/`: hidden cells gone, `show_doc` entries added and rendered, titles turned into front matter.
2. Each processed notebook is rewritten for MyST-NB: front matter -> title and description, Quarto cell options
   (`#| echo: false`, `#| output: false`, `#| include: false`) -> MyST-NB tags, nbdev's doc links -> this site.
3. One API page per module lists every name of its `__all__` through Sphinx autodoc.
4. Sphinx (MyST-NB, execution off, furo theme) writes static HTML.
README.md is nbdev's processed index notebook as Markdown, as `nbdev_readme` makes it with Quarto.
"""
import argparse, ast, copy, json, os, re, shutil, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT/'docs'
OPT_TAGS = {('echo', 'false'): 'remove-input', ('output', 'false'): 'remove-output',
            ('include', 'false'): 'remove-cell'}
SOURCE_LINK = re.compile(r'\[source\]\(([^)\s]+)\)\{target="_blank" style="[^"]*"\}')
SHOWDOC_HEAD = re.compile(r'^(#{2,4}) (\S+)\s*$', re.M)
FENCE = re.compile(r'^```.*?^```', re.M | re.S)
CODE_LINK = re.compile(r'\[(`[^`]+`)\]\([^)\s]*\)')

def config():
    "nbdev's settings.ini, read from the repository root"
    os.chdir(ROOT)
    from nbdev.config import get_config
    return get_config()

# ---------------------------------------------------------------- nbdev processing
def proc_notebooks(cfg, n_workers=2, force=True):
    "Run nbdev's docs processing of every notebook into `_proc/`, return {source notebook: processed notebook}"
    from nbdev.serve import proc_nbs
    from nbdev.doclinks import nbglob
    cache = proc_nbs(cfg.nbs_path, n_workers=n_workers, force=force)  # nbdev warns of cells mixing imports and code
    srcs = nbglob(cfg.nbs_path, func=Path, file_glob='*.ipynb')  # only notebooks that exist now
    return {s: cache/s.relative_to(cfg.nbs_path) for s in sorted(srcs)}

def process_one(nb_path):
    "nbdev's docs processing of one notebook, in memory (what `proc_nbs` writes for it)"
    from execnb.nbio import nb2str, read_nb
    from nbdev.processors import FilterDefaults
    nb = read_nb(nb_path)
    os.environ['IN_TEST'] = '1'
    try: FilterDefaults()(nb)
    finally: del os.environ['IN_TEST']
    return json.loads(nb2str(nb))  # as `proc_nbs` writes it, read back as plain dicts

def read_json(p): return json.loads(Path(p).read_text(encoding='utf-8'))
def src(cell): s = cell.get('source', ''); return ''.join(s) if isinstance(s, list) else s

def front_matter(nb):
    "The YAML front matter nbdev put in the first raw cell (title, description, output-file), and the other cells"
    import yaml
    cells = list(nb['cells'])
    if cells and cells[0]['cell_type'] == 'raw':
        m = re.match(r'\s*---\s*\n(.*?)\n---\s*$', src(cells[0]), re.S)
        if m: return yaml.safe_load(m.group(1)) or {}, cells[1:]
    return {}, cells

def directives(cell):
    "Quarto/nbdev cell options (`#| key: value` lines at the top) and the source without them"
    lines, opts = src(cell).splitlines(), {}
    while lines and (m := re.match(r'\s*#\|\s*([\w-]+)\s*:?\s*(.*?)\s*$', lines[0])):
        opts[m.group(1)] = m.group(2).strip('"\'').lower(); lines.pop(0)
    return opts, '\n'.join(lines)

def is_warning(cell): return cell['cell_type'] == 'markdown' and src(cell).startswith('<!-- WARNING: THIS FILE')

# ---------------------------------------------------------------- README.md
def output_md(o):
    "One saved output as GitHub Markdown"
    if o['output_type'] == 'stream': return '    ' + ''.join(o['text']).rstrip('\n').replace('\n', '\n    ')
    if o['output_type'] == 'error': raise ValueError('the README notebook has a saved error output')
    d = o.get('data', {})
    if any(k.startswith('image/') for k in d): raise ValueError('images in the README notebook are not supported')
    if 'text/markdown' in d: return src({'source': d['text/markdown']}).strip()
    if 'text/plain' in d: return '    ' + src({'source': d['text/plain']}).rstrip('\n').replace('\n', '\n    ')
    return ''

def readme_text(proc_nb):
    "README.md from nbdev's processed index notebook: title, description, cells (directives stripped), outputs"
    fm, cells = front_matter(proc_nb)
    parts = []
    if fm.get('title'): parts.append(f"# {fm['title']}")
    if fm.get('description'): parts.append(f"> {fm['description']}")
    for c in cells:
        if is_warning(c): parts.insert(0, src(c).strip()); continue
        if c['cell_type'] == 'markdown': parts.append(src(c).strip()); continue
        if c['cell_type'] != 'code': continue
        opts, code = directives(c)
        if opts.get('include') == 'false': continue
        if code.strip() and opts.get('echo') != 'false': parts.append(f'```python\n{code.strip()}\n```')
        if opts.get('output') != 'false': parts += [t for t in map(output_md, c.get('outputs', [])) if t]
    return '\n\n'.join(p for p in parts if p) + '\n'

def readme_from_index(cfg, proc_nb=None):
    return readme_text(proc_nb or process_one(cfg.nbs_path/cfg.readme_nb))

# ---------------------------------------------------------------- notebooks -> MyST-NB sources
def page_name(nb_src, nbs_path, fm):
    "Page name: nbdev's output file name (`00_data.ipynb` -> `data`), kept in the notebook's sub-folder"
    rel = nb_src.relative_to(nbs_path)
    from nbdev.doclinks import _nbpath2html
    out = fm.get('output-file') or _nbpath2html(rel).name
    return (rel.parent/Path(out).stem).as_posix()

def rewrite_links(text, doc_url, targets, nb_pages={}):
    "nbdev links to `{doc_host}{doc_baseurl}/page.html#anchor`, and links to notebooks, -> links within this site"
    def sub(m):
        page, anchor = m.group(1), m.group(2)
        if page in targets and (not anchor or anchor in targets[page]): return f'{page}.html' + (f'#{anchor}' if anchor else '')
        if page in targets: return f'{page}.html'
        return m.group(0)
    text = re.sub(re.escape(doc_url.rstrip('/')) + r'/([\w/.-]+?)\.html(?:#([\w.-]+))?', sub, text)
    return re.sub(r'\]\((?:\./)?([\w/.-]+?)\.ipynb(#[\w.-]*)?\)', lambda m: f'](' + nb_pages.get(m.group(1), m.group(1)) + f'.html{m.group(2) or ""})', text)

def showdoc_anchors(md):
    "A `show_doc` entry with nbdev's anchor (lower-case name) on a rule above its heading, so nbdev's links land on it"
    md = re.sub(r'^\s*---\s*\n', '', md)  # the rule nbdev starts with: a transition docutils refuses inside an output
    return SHOWDOC_HEAD.sub(lambda m: f'<hr class="showdoc" id="{m.group(2).lower()}">\n\n{m.group(1)} {m.group(2)}', md)

def myst_notebook(proc_nb, fm):
    "A processed nbdev notebook as MyST-NB reads it (no execution): title, description, tagged cells"
    _, cells = front_matter(proc_nb)
    head = f"# {fm.get('title', 'Untitled')}\n"
    if fm.get('description'): head += f"\n{{.description}}\n{fm['description']}\n"
    out = [{'cell_type': 'markdown', 'metadata': {}, 'source': head}]
    for c in cells:
        if is_warning(c): continue
        c = copy.deepcopy(c)
        c.get('metadata', {}).pop('tags', None)
        if c['cell_type'] == 'raw': continue
        if c['cell_type'] == 'markdown': out.append({'cell_type': 'markdown', 'metadata': {}, 'source': src(c)}); continue
        opts, code = directives(c)
        tags = [t for (k, v), t in OPT_TAGS.items() if opts.get(k) == v]
        if 'remove-cell' in tags: continue
        outputs = [] if 'remove-output' in tags else c.get('outputs', [])
        if not code.strip() and not outputs: continue
        if not code.strip(): tags.append('remove-input')
        for o in outputs:
            md = o.get('data', {}).get('text/markdown')
            if md is not None:
                md = SOURCE_LINK.sub(r'[source](\1){.source-link}', src({'source': md}))
                md = FENCE.sub(lambda m: CODE_LINK.sub(r'\1', m.group(0)), md)  # nbdev links inside a signature
                o['data']['text/markdown'] = showdoc_anchors(md) if opts.get('output') == 'asis' else md
        out.append({'cell_type': 'code', 'execution_count': None, 'source': code,
                    'metadata': {'tags': sorted(set(tags))}, 'outputs': outputs})
    meta = {'kernelspec': {'name': 'python3', 'display_name': 'Python 3', 'language': 'python'},
            'language_info': {'name': 'python'}}
    for i, c in enumerate(out): c['id'] = f'c{i}'
    return {'cells': out, 'metadata': meta, 'nbformat': 4, 'nbformat_minor': 5}

def module_all(path):
    "The names in a module's `__all__` and what each is (function, class or data), read without importing it"
    tree = ast.parse(Path(path).read_text(encoding='utf-8'))
    kinds, names = {}, []
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, 'id', '') == '__all__' for t in node.targets):
            names = list(ast.literal_eval(node.value))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)): kinds[node.name] = 'function'
        elif isinstance(node, ast.ClassDef): kinds[node.name] = 'class'
    return [(n, kinds.get(n, 'data')) for n in names]

def api_page(mod, names, chapters):
    "A MyST page documenting every name of `mod.__all__` with autodoc"
    lines = [f'# `{mod}`', '']
    if chapters: lines += ['Written in ' + ', '.join(f'[{t}](../{p}.html)' for p, t in chapters) + '.', '']
    directive = {'function': 'autofunction', 'class': 'autoclass', 'data': 'autodata'}
    lines.append('```{eval-rst}')  # autodoc writes reStructuredText: parse it as such
    for n, kind in names: lines += [f'.. {directive[kind]}:: {mod}.{n}', '']
    return '\n'.join(lines + ['```', ''])

def default_exp(nb):
    for c in nb['cells']:
        if c['cell_type'] == 'code' and (m := re.search(r'^\s*#\|\s*default_exp\s+(\S+)', src(c), re.M)): return m.group(1)

def write_sources(cfg, procd, srcdir):
    "Write the Sphinx source tree: one page per notebook (index first), one API page per module, the toctrees"
    shutil.rmtree(srcdir, ignore_errors=True); srcdir.mkdir(parents=True)
    index_src = cfg.nbs_path/cfg.readme_nb
    order = [index_src] + [s for s in procd if s != index_src]
    pages, fms, mod_chapters = {}, {}, {}
    for s in order:
        nb = read_json(procd[s])
        fm, _ = front_matter(nb)
        if not fm.get('title'): fm['title'] = s.stem
        pages[s], fms[s] = page_name(s, cfg.nbs_path, fm), fm
        if (mod := default_exp(read_json(s))): mod_chapters.setdefault(f'{cfg.lib_name}.{mod}', []).append((pages[s], fm['title']))
    lib = Path(cfg.lib_path)
    mods = {f'{cfg.lib_name}.' + '.'.join(p.relative_to(lib).with_suffix('').parts): p
            for p in sorted(lib.rglob('*.py')) if not p.name.startswith('_')}
    first = {m: [pages[s] for s in order].index(ch[0][0]) for m, ch in mod_chapters.items()}
    api = {m: module_all(mods[m]) for m in sorted(mods, key=lambda m: (first.get(m, len(order)), m))}  # chapter order
    api = {m: v for m, v in api.items() if v}
    # where nbdev's links may land: show_doc anchors on chapter pages
    targets = {pg: set() for pg in pages.values()}
    for s in order:
        for c in read_json(procd[s])['cells']:
            for o in c.get('outputs', []):
                for m in SHOWDOC_HEAD.finditer(src({'source': o.get('data', {}).get('text/markdown', '')})):
                    targets[pages[s]].add(m.group(2).lower())
    nb_pages = {s.relative_to(cfg.nbs_path).with_suffix('').as_posix(): pages[s] for s in order}
    doc_url = cfg.doc_host.rstrip('/') + '/' + cfg.doc_baseurl.strip('/') + '/'
    for s in order:
        mnb = myst_notebook(read_json(procd[s]), fms[s])
        for c in mnb['cells']:
            c['source'] = rewrite_links(src(c), doc_url, targets, nb_pages)
            for o in c.get('outputs', []):
                if 'text/markdown' in o.get('data', {}): o['data']['text/markdown'] = rewrite_links(src({'source': o['data']['text/markdown']}), doc_url, targets)
        if s == index_src:
            chap = '\n'.join(pages[x] for x in order[1:])
            refs = '\n'.join(f'api/{m.split(".", 1)[1]}' for m in api)
            mnb['cells'].append({'cell_type': 'markdown', 'id': 'toctrees', 'metadata': {}, 'source':
                f'```{{toctree}}\n:hidden:\n:caption: Chapters\n\n{chap}\n```\n\n'
                f'```{{toctree}}\n:hidden:\n:caption: API reference\n\n{refs}\n```\n'})
        dst = srcdir/f'{pages[s]}.ipynb'
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_text(json.dumps(mnb, indent=1, ensure_ascii=False), encoding='utf-8')
    (srcdir/'api').mkdir()
    for m, names in api.items():
        (srcdir/'api'/f'{m.split(".", 1)[1]}.md').write_text(api_page(m, names, mod_chapters.get(m, [])), encoding='utf-8')
    return [pages[s] for s in order], api

# ---------------------------------------------------------------- Sphinx
def sphinx(srcdir, out, work, strict=True):
    "Build the HTML site with Sphinx into `out` (warnings are errors when `strict`); its scratch files stay in `work`"
    from sphinx.cmd.build import build_main
    shutil.rmtree(work, ignore_errors=True)
    html = work/'html'  # MyST-NB writes a `jupyter_execute/` beside the output folder: keep it in `work`
    args = ['-b', 'html', '-q', '-E', '-c', str(DOCS), '-d', str(work/'doctrees'), str(srcdir), str(html)]
    if strict: args[:0] = ['-W', '--keep-going']
    rc = build_main(args)
    if rc: raise SystemExit(f'sphinx-build failed (exit {rc})')
    shutil.rmtree(out, ignore_errors=True)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(html), str(out))

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--out', help='where to write the site (default: doc_path of settings.ini, _docs)')
    ap.add_argument('--readme-only', action='store_true', help='only write README.md')
    ap.add_argument('--check-readme', action='store_true', help='exit 1 if README.md differs from nbs/index.ipynb')
    ap.add_argument('--no-readme', action='store_true', help='do not write README.md')
    ap.add_argument('--lenient', action='store_true', help='Sphinx warnings do not fail the build')
    ap.add_argument('--workers', type=int, default=2, help='parallel notebook processing')
    ap.add_argument('--incremental', action='store_true',
                    help="reprocess only notebooks newer than their _proc/ copy (faster; misses changes made only in ser_nb/)")
    a = ap.parse_args(argv)
    cfg = config()
    readme = cfg.config_path/'README.md'
    if a.check_readme:
        want, have = readme_from_index(cfg), readme.read_text(encoding='utf-8') if readme.exists() else ''
        if want == have: print('README.md matches nbs/index.ipynb'); return 0
        import difflib
        sys.stdout.writelines(difflib.unified_diff(have.splitlines(True), want.splitlines(True), 'README.md', 'from index.ipynb'))
        print('\nREADME.md differs from nbs/index.ipynb: run `python docs/build.py --readme-only`'); return 1
    if a.readme_only:
        readme.write_text(readme_from_index(cfg), encoding='utf-8'); print(f'wrote {readme}'); return 0
    t0 = time.time()
    procd = proc_notebooks(cfg, a.workers, force=not a.incremental)
    t1 = time.time()
    if not a.no_readme:
        readme.write_text(readme_from_index(cfg, read_json(procd[cfg.nbs_path/cfg.readme_nb])), encoding='utf-8')
    srcdir, out = cfg.config_path/'_proc'/'_sphinx', Path(a.out) if a.out else cfg.doc_path
    pages, api = write_sources(cfg, procd, srcdir)
    sphinx(srcdir, out, cfg.config_path/'_proc'/'_sphinx_build', strict=not a.lenient)
    n_html = len(list(Path(out).rglob('*.html')))
    print(f'docs: {len(pages)} notebook pages, {len(api)} API pages ({sum(map(len, api.values()))} names), '
          f'{n_html} HTML files in {out} -- nbdev processing {t1 - t0:.1f} s, total {time.time() - t0:.1f} s')
    return 0

if __name__ == '__main__': sys.exit(main())
