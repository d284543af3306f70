"""Sphinx configuration of the ser_nb documentation site (used by docs/build.py; not a package module).

The sources are the notebooks after nbdev's processing (`_proc/`), rewritten by docs/build.py into
`_proc/_sphinx/`; MyST-NB reads them with execution off, so every output shown is the one saved in the notebook.
Everything the pages need is served from the site itself: the theme's assets, and maths as MathML that the browser
draws natively (docutils converts the LaTeX at build time), so the site works with no network.
"""
import html, re, sys
from pathlib import Path
from docutils import nodes
from sphinx.util import logging

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # autodoc documents this checkout's ser_nb

project = 'ser_nb'
author = 'ser_nb developers'
copyright = '2026 onwards, ser_nb developers'

extensions = ['myst_nb', 'sphinx.ext.autodoc']
exclude_patterns = ['_build', '**.ipynb_checkpoints']
root_doc = 'index'

# Notebooks: never execute, show the saved outputs; markdown outputs (nbdev's show_doc) parsed as MyST
nb_execution_mode = 'off'
nb_render_markdown_format = 'myst'
nb_merge_streams = True
myst_enable_extensions = ['dollarmath', 'amsmath', 'attrs_inline', 'attrs_block', 'colon_fence']
myst_dmath_double_inline = True
myst_all_links_external = True  # links are written as the site's own .html paths (nbdev's convention); the browser test checks them
suppress_warnings = ['myst.header',             # authors' heading levels may skip (and show_doc uses ###)
                    'mystnb.unknown_mime_type']  # e.g. a progress-bar widget's output: shown as its text/plain

# API reference (autodoc): signatures with their annotations; docments added below
autodoc_typehints = 'signature'
autodoc_member_order = 'bysource'
autodoc_default_options = {'members': True, 'undoc-members': False, 'show-inheritance': True}
add_module_names = False
default_role = 'code'  # nbdev docstrings mark code with single backticks, as Markdown does

html_theme = 'furo'
html_title = 'ser_nb'
html_static_path = ['_static']
html_css_files = ['custom.css']
html_favicon = '_static/favicon.svg'  # also spares the browser a request for /favicon.ico
html_show_sourcelink = False
html_copy_source = False
html_math_renderer = 'mathml'

logger = logging.getLogger(__name__)

# ---- maths as MathML (no MathJax download: the site must work offline) ----
_big = re.compile(r'\\[Bb]igg?[lr]?(?![A-Za-z])')
_alias = {r'\dots': r'\ldots'}  # LaTeX commands docutils lacks, by an equivalent it has

def _mathml(latex, block, where):
    from docutils.utils.math.latex2mathml import tex2mathml
    for a, b in _alias.items(): latex = re.sub(re.escape(a) + r'(?![A-Za-z])', lambda m: b, latex)
    try: return tex2mathml(_big.sub('', latex), as_block=block)  # \big( etc.: docutils has no sized delimiters
    except Exception as e:
        logger.warning(f'maths not converted to MathML ({e}): {latex!r}', location=where)
        return f'<code class="math-fallback">{html.escape(latex)}</code>'

def _visit_inline(self, node):
    self.body.append(f'<span class="math">{_mathml(node.astext(), False, node)}</span>')
    raise nodes.SkipNode

def _visit_block(self, node):
    if node.get('label'): self.body.append(f'<span class="eqno">({node["number"]})</span>')
    self.body.append(f'<div class="math">{_mathml(node.astext(), True, node)}</div>')
    raise nodes.SkipNode

# ---- API entries: nbdev docstrings are Markdown-ish one-liners, not reStructuredText ----
def _rst_text(lines):
    "Docstring `lines` as one safe reST paragraph: backtick spans stay code (default_role), other markup is escaped"
    text = ' '.join(l.strip() for l in lines if l.strip())
    parts = re.split(r'(`[^`]+`)', text)
    # escaped spaces around a code span vanish in the output but let it touch other characters (`x`'s, |`b`|)
    return ''.join('\\ ' + p + '\\ ' if p.startswith('`') else re.sub(r'([\\*|_])', r'\\\1', p) for p in parts)

def _data_comment(name):
    "The trailing comment on a module constant's assignment line (`SR = 48_000  # ...`), if any"
    import inspect
    modname, _, attr = name.rpartition('.')
    try: source = inspect.getsource(sys.modules[modname])
    except Exception: return ''
    m = re.search(rf'^{re.escape(attr)}[ \t]*(?::[^=\n]*)?=[^\n]*?[ \t]{{2,}}#[ \t]*(\S[^\n]*?)[ \t]*$', source, re.M)
    return m.group(1) if m else ''

def _api_docstring(app, what, name, obj, options, lines):
    "Plain-text docstrings, constants described by their comment, and docments (trailing parameter comments)"
    if what in ('data', 'attribute'):
        own = any(l.strip() for l in lines) and not _is_type_doc(obj, lines)
        text = _rst_text(lines if own else [_data_comment(name)])
        lines[:] = [text] if text else []
        return
    lines[:] = [_rst_text(lines)] if any(l.strip() for l in lines) else []
    if what not in ('function', 'method', 'class'): return
    try:
        from fastcore.docments import docments
        d = docments(obj, full=True)
    except Exception: return
    extra = [f':param {k}: {_rst_text([v["docment"]])}' for k, v in d.items() if k != 'return' and v.get('docment')]
    if d.get('return', {}).get('docment'): extra.append(f':returns: {_rst_text([d["return"]["docment"]])}')
    if extra: lines.extend([''] + extra)

def _is_type_doc(obj, lines):
    "Is `lines` only the docstring of `obj`'s type (what autodoc shows for a constant with no doc of its own)?"
    import inspect
    td = inspect.getdoc(type(obj)) or ''
    return ' '.join(' '.join(lines).split()) == ' '.join(td.split())

def setup(app):
    app.add_html_math_renderer('mathml', (_visit_inline, None), (_visit_block, None))
    app.connect('autodoc-process-docstring', _api_docstring)
