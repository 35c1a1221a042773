# Shared set-up for scripts/run and scripts/test: a project virtual environment with the
# pinned dependencies, rebuilt only when pyproject.toml changes. Sourced, not executed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "Python 3.11 以上が見つかりません（Python 3.11+ をインストールしてください）" >&2
  return 1
}

ensure_venv() {
  local extras="$1" stamp want
  if [ ! -x "$VENV/bin/python" ]; then
    "$(find_python)" -m venv "$VENV"
  fi
  want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)-$extras"
  stamp="$VENV/.tsunagi-installed"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -e "$ROOT[$extras]"
    echo "$want" > "$stamp"
  fi
}

ensure_qt_runtime() {
  # PySide6 wheels bring Qt itself; the offscreen platform still needs a few system
  # libraries (present on the project image, installed here if a machine lacks them).
  if ! qt_can_open offscreen; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      apt-get update -qq
      apt-get install -y -qq libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 \
        libglib2.0-0 >/dev/null
    else
      echo "Qt の実行に必要なライブラリ（libEGL, libxkbcommon, fontconfig）が見つかりません" >&2
    fi
  fi
  ensure_qt_display
}

# The X client libraries Qt's xcb platform plugin loads (Qt 6.5+ needs libxcb-cursor0 too).
XCB_PACKAGES="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0 libxcb-xfixes0"

qt_can_open() {
  # In a subshell, so that a Qt abort is not reported by this shell either.
  (QT_QPA_PLATFORM="$1" "$VENV/bin/python" -c \
    'from PySide6.QtWidgets import QApplication; QApplication([])'; exit $?) >/dev/null 2>&1
}

missing_xcb_packages() {
  # The Debian packages of the libraries the xcb plugin cannot find (libxcb-cursor.so.0 is
  # in libxcb-cursor0, libxkbcommon-x11.so.0 in libxkbcommon-x11-0).
  local plugin
  plugin="$("$VENV/bin/python" -c 'import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent / "Qt/plugins/platforms/libqxcb.so")')"
  ldd "$plugin" 2>/dev/null | awk '/not found/ {print $1}' | sort -u | sed -E \
    -e 's/^lib(.*)\.so\.([0-9]+).*$/\1 \2/' | while read -r base version; do
      case "$base" in *[0-9]) echo "lib$base-$version" ;; *) echo "lib$base$version" ;; esac
    done | tr '\n' ' '
}

ensure_qt_display() {
  # On a desktop (a display is set), Qt draws through its xcb plugin, which needs X client
  # libraries that offscreen does not: check it the same way, and install or name them.
  [ "$(uname -s)" = Linux ] && [ -n "${DISPLAY:-}" ] || return 0
  case "${QT_QPA_PLATFORM:-xcb}" in xcb*) ;; *) return 0 ;; esac
  qt_can_open xcb && return 0
  local missing
  missing="$(missing_xcb_packages)"
  if [ -z "$missing" ]; then
    echo "Qt の画面表示（xcb）を開けません。DISPLAY=$DISPLAY の X サーバーに接続できるか確認してください" >&2
    return 0
  fi
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    # shellcheck disable=SC2086  # a list of package names
    apt-get install -y -qq $missing $XCB_PACKAGES >/dev/null
  else
    echo "Qt の画面表示に必要なライブラリが足りません: $missing" >&2
    echo "  Debian / Ubuntu: sudo apt-get install $missing" >&2
  fi
}

ensure_translations() {
  # The English catalogue is compiled from its .ts with pyside6-lrelease at build time; the
  # .qm is not kept in git. Recompiled whenever the .ts is newer.
  local ts="$ROOT/resources/translations/tsunagi_en.ts"
  local qm="$ROOT/resources/translations/tsunagi_en.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "$qm"
  fi
}

ensure_fonts() {
  # IPAmj明朝 prints the characters of real names that the bundled IPAex fonts lack (𠮷田).
  # 46 MB, so not kept in git: Debian's fonts-ipamj-mincho, installed here when missing.
  # Without it such a name is refused at print time with a message, never printed as ☒.
  if [ ! -f /usr/share/fonts/truetype/ipamj/ipamjm.ttf ] && [ ! -f "$ROOT/resources/fonts/ipamjm.ttf" ]; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      apt-get update -qq
      apt-get install -y -qq fonts-ipamj-mincho >/dev/null
    else
      echo "IPAmj明朝（fonts-ipamj-mincho）がありません。𠮷 などを含む氏名は印刷できません（docs/INSTALL.md）" >&2
    fi
  fi
}
