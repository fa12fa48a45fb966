# Shared by scripts/demo and scripts/test: install what the build needs, then build.
# Sourced, not run. Uses NEWSFACET_BUILD_DIR (default: build) and NEWSFACET_JOBS.

NEWSFACET_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NEWSFACET_BUILD_DIR="${NEWSFACET_BUILD_DIR:-$NEWSFACET_ROOT/build}"
NEWSFACET_JOBS="${NEWSFACET_JOBS:-$(nproc 2>/dev/null || echo 2)}"

# Debian 12 packages the build and the tests need.
NEWSFACET_PACKAGES=(g++ make cmake pkg-config libxapian-dev xapian-tools libcli11-dev
                    nlohmann-json3-dev libgtest-dev libutf8proc-dev libxml2-dev
                    libarchive-dev zlib1g-dev libbrotli-dev libcpp-httplib-dev libmimalloc-dev)

say() { printf '==> %s\n' "$*" >&2; }

# Installs missing packages with apt-get (as root, or through sudo).
ensure_packages() {
    local missing=()
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "installing: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null; then
            sudo=(sudo)
        else
            echo "error: need root (or sudo) to install: ${missing[*]}" >&2
            return 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    # A fresh machine may have no package lists yet; refresh only when an install fails.
    if ! "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"; then
        "${sudo[@]}" apt-get update
        "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
    fi
}

# Configures and builds into $NEWSFACET_BUILD_DIR. Extra arguments go to cmake.
build_project() {
    say "configuring in $NEWSFACET_BUILD_DIR"
    cmake -S "$NEWSFACET_ROOT" -B "$NEWSFACET_BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
    say "building with $NEWSFACET_JOBS jobs"
    cmake --build "$NEWSFACET_BUILD_DIR" -j "$NEWSFACET_JOBS"
}

# The browser tests' tools (tests/browser): Debian's chromium, nodejs and npm, each only when
# missing (a node installed otherwise is kept), then the npm packages pinned in the lock file
# (from npm's cache when it has them). Without them the browser tests are skipped, not failed.
ensure_browser_tools() {
    local missing=()
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
    [ ${#missing[@]} -eq 0 ] || ensure_packages "${missing[@]}"
    say "installing the browser tests' npm packages (tests/browser/package-lock.json)"
    npm ci --prefix "$NEWSFACET_ROOT/tests/browser" --prefer-offline --no-audit --no-fund \
        --ignore-scripts --loglevel=error \
        || say "npm ci failed: the browser tests will be skipped"
}
