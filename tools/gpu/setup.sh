# Source at the start of every device call: packages the GPU image lacks, and the corpus parts carried so far.
# The wheels (tools/gpu/wheels, fetched by fetch_wheels.sh) are installed once per machine into /tmp/site.
[ -f /tmp/site/.done ] || { python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade \
    --target /tmp/site tools/gpu/wheels/*.whl && touch /tmp/site/.done; } || return 1
export PYTHONPATH=$PWD:/tmp/site PATH=$PWD/tools/gpu:$PATH SER_NB_DATA=/tmp/rav SER_NB_CACHE=/tmp/sercache PYTHONUNBUFFERED=1
if [ -z "$LOCAL_TEST" ]; then mkdir -p /tmp/rav; for d in devdata*/Actor_*; do [ -d "$d" ] && cp -rn "$d" /tmp/rav/; done; fi
echo "corpus actors here: $(ls /tmp/rav | wc -l)"
