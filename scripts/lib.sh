# shellcheck shell=sh
# Shared by scripts/run and scripts/test; sourced after `set -eu` at the repository root.
# Quiet by design: one progress line per step, a command's own output only when it fails.

say() { printf '==> %s\n' "$*" >&2; }

die() {
    printf '%s: %s\n' "$0" "$*" >&2
    exit 1
}

# Runs a command with its output held back, and shows that output only if it fails.
quietly() {
    _log=$(mktemp)
    if "$@" >"$_log" 2>&1; then
        rm -f "$_log"
    else
        _status=$?
        cat "$_log" >&2
        rm -f "$_log"
        return "$_status"
    fi
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# Installs Debian packages as root, or through sudo when it needs no password; otherwise
# says in one line what to install by hand, since a script must not stop at a prompt.
need_packages() {
    if ! command -v apt-get >/dev/null 2>&1; then
        die "install $* (Debian's names) with your system's package manager, then run $0 again"
    fi
    if is_root; then
        as_root=
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        as_root="sudo -n"
    else
        die "run 'sudo apt-get install $*' (or that as root), then run $0 again"
    fi
    say "installing $* with apt-get (first run only)"
    # $as_root is empty or "sudo -n": split on purpose.
    # shellcheck disable=SC2086
    quietly $as_root apt-get update -qq
    # shellcheck disable=SC2086
    quietly $as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "$@"
}

# Debian packages that making .venv needs, if any: Debian and Ubuntu ship venv's pip
# bootstrap (ensurepip) in a package of its own.
venv_packages() {
    if [ -x .venv/bin/pip ]; then
        :
    elif ! command -v python3 >/dev/null 2>&1; then
        echo python3 python3-venv
    elif ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
        echo python3-venv
    fi
}

# The project's virtualenv .venv, made once and reused (its pip marks it complete): a
# system Python may refuse pip outside one (PEP 668, "externally-managed-environment").
ensure_venv() {
    [ -x .venv/bin/pip ] && return
    say "creating the virtualenv .venv"
    quietly python3 -m venv .venv
}

# Installs reportkit (editable) with the extras named in $1, if any. pip runs again only
# when pyproject.toml changed: code changes need no reinstall in an editable install.
install_project() {
    _stamp=".venv/.reportkit-installed-${1:-base}"
    _want=$(cksum <pyproject.toml)
    [ "$(cat "$_stamp" 2>/dev/null)" = "$_want" ] && return
    say "installing reportkit${1:+[$1]} into .venv"
    quietly .venv/bin/python -m pip install -e ".${1:+[$1]}"
    printf '%s\n' "$_want" >"$_stamp"
}

# A `reportkit` command for every new login shell: a link in ~/.local/bin to .venv's, the
# folder Debian's and Ubuntu's ~/.profile put on PATH once it exists. Silent when the link
# is already there; a file of that name that is not such a link is left alone.
install_launcher() {
    _bin="${XDG_BIN_HOME:-$HOME/.local/bin}"
    _link="$_bin/reportkit"
    _target="$PWD/.venv/bin/reportkit"
    [ "$(readlink "$_link" 2>/dev/null)" = "$_target" ] && return
    if [ -e "$_link" ] || [ -L "$_link" ]; then
        case "$(readlink "$_link" 2>/dev/null)" in
        */.venv/bin/reportkit) ;; # another clone's link: this clone's from now on
        *)
            say "$_link is not reportkit's link and is left as it is; the command is $_target"
            return
            ;;
        esac
    fi
    if ! { mkdir -p "$_bin" && ln -sfn "$_target" "$_link"; } 2>/dev/null; then
        say "$_bin cannot be written, so the command stays $_target"
        return
    fi
    _login_path=$(timeout 10 env -i HOME="$HOME" sh -lc 'printf %s "$PATH"' 2>/dev/null) || true
    case ":$_login_path:" in
    *":$_bin:"*) say "reportkit is a command in every new login shell (linked in $_bin)" ;;
    *) say "reportkit is linked in $_bin, which login shells do not put on PATH: add the line  export PATH=\"$_bin:\$PATH\"  to ~/.profile" ;;
    esac
}

# The peers' packages, pinned in benchmarks/peers/package-lock.json: `npm ci` again only when
# the lock file changed. Without Node, npm or the network the benchmark runs without them
# (bench.py says so, and their tests skip); a failed install says why here, in one line.
install_peers() {
    command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || return 0
    _stamp=benchmarks/peers/node_modules/.reportkit-installed
    _want=$(cksum <benchmarks/peers/package-lock.json)
    [ "$(cat "$_stamp" 2>/dev/null)" = "$_want" ] && return
    say "installing Carbone and docxtemplater into benchmarks/peers (npm ci)"
    if (cd benchmarks/peers && npm ci --no-audit --no-fund >/dev/null 2>&1); then
        printf '%s\n' "$_want" >"$_stamp"
    else
        say "npm ci failed in benchmarks/peers (no network?): the benchmark runs without the peers"
    fi
}
