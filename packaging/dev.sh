#!/usr/bin/env bash
# One entry point for a fresh machine: installs what is missing, then runs the app or the tests.
#   bash packaging/dev.sh start   set up, then open the app (the built-in demo lab when no tenant)
#   bash packaging/dev.sh test    set up, then run the whole test suite (what CI runs)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV="$ROOT/.venv"

# Debian packages the app and its tests need beyond a stock image (TESTING.md, "CI recipe").
APT_PACKAGES=(
  dovecot-imapd dovecot-pop3d dovecot-lmtpd postfix knot
  xvfb xauth imagemagick libnss-wrapper fonts-wqy-microhei
  libegl1 libgl1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xkb1
  fonts-dejavu-core chromium chromium-driver poppler-utils
  gcc libc6-dev desktop-file-utils appstream
)

log() { printf '==> %s\n' "$*" >&2; }

setup_system() {
  command -v dpkg-query >/dev/null || return 0
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  # Postfix's installer asks what kind of mail server this is; the lab writes its own
  # configuration and starts its own Postfix, so the system's stays unconfigured.
  if command -v debconf-set-selections >/dev/null; then
    echo "postfix postfix/main_mailer_type select No configuration" | $sudo debconf-set-selections
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

setup_python() {
  if [ ! -x "$VENV/bin/python" ]; then
    log "creating $VENV"
    python3 -m venv "$VENV"
  fi
  # Reinstall only when the dependency list changed.
  local stamp="$VENV/.deps-stamp" want
  want=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing Python dependencies"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e '.[test]'
    echo "$want" > "$stamp"
  fi
}

run_tests() {
  export QT_QPA_PLATFORM=offscreen
  set +e
  # One worker per core (pytest-xdist); each test file stays on one worker, so its module
  # fixtures (a lab, a hostile lab) start once, and the workers share one PyInstaller
  # build (tests/packaging/conftest.py). (loadgroup does not group with pytest 9: xdist
  # 3.8 renames node ids, which pytest 9 no longer reads.) `-n 0` after `test` runs
  # everything in this one process.
  "$VENV/bin/python" -m pytest -p no:cacheprovider -n auto --dist loadfile "$@"
  local code=$?
  set -e
  if [ "$code" -eq 5 ]; then
    echo "pytest collected no tests: that is a failure" >&2
    return 1
  fi
  return "$code"
}

case "${1:-}" in
  start)
    shift
    setup_system
    setup_python
    # The wizard in demo mode (the built-in lab plays a tenant); args such as
    # `--scenario spf-loop` pass through. With no display to open a window on, the same
    # diagnosis runs in the terminal instead.
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ] && [ "$(uname -s)" = Linux ]; then
      log "no display (DISPLAY is not set): running the demo in the terminal instead;"
      log "to see the wizard, run this from a desktop session or under xvfb-run"
      exec "$VENV/bin/connectivity-assistant" demo "$@"
    fi
    exec "$VENV/bin/connectivity-assistant" --demo "$@"
    ;;
  test)
    shift
    setup_system
    setup_python
    run_tests "$@"
    ;;
  *)
    echo "usage: bash packaging/dev.sh start|test [args]" >&2
    exit 2
    ;;
esac
